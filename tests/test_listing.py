"""``list`` reads the lines of archived rounds straight from the stored JSON
(:func:`afterview.actions.listing.archived_lines`): the same lines, and the same output, as reading every
round as a model."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from afterview.actions.listing import RoundLine, archived_lines
from afterview.store.codec import parse_document
from tests.helpers import Result, close_what_stays

Cli = Callable[..., Result]


@pytest.fixture
def archived(cli: Cli) -> None:
    """Five processes, three of them over and archived: one in New York, one of two rounds."""
    rounds = [
        ("Acme", "2026-11-02 10:00", ()),
        ("Beta", "2026-11-03 11:00", ("--tz", "America/New_York")),
        ("Gamma", "2026-11-04 12:00", ()),
        ("Delta", "2026-11-05 09:30", ()),
        ("Epsilon", "2026-11-06 15:00", ()),
    ]
    for company, at, extra in rounds:
        result = cli(
            "log", "--no-input", "--company", company, "--role", "SRE", "--at", at,
            "--interviewer", f"Ada Lovelace <ada@{company.lower()}.example>", *extra,
        )  # fmt: skip
        assert result.code == 0, result.err
    assert cli("log", "--no-input", "--process", "P3", "--at", "2026-11-10 14:00").code == 0
    for interview, outcome in (("1", "rejected"), ("2", "withdrawn"), ("6", "no-response")):
        assert cli("outcome", interview, outcome, "--no-input").code == 0, outcome
    for interview in ("1", "2", "3", "6"):
        close_what_stays(cli, interview)
    assert cli("done", "4.1").code == 0  # a save after the last close, so everything over is archived


@pytest.mark.usefixtures("archived")
def test_archived_lines_are_the_lines_of_the_rounds_read_as_models(store_file: Path) -> None:
    data = store_file.read_bytes()
    packed = parse_document(data, open_only=True)
    whole = parse_document(data)
    archived = set(packed.archived_rounds)
    assert archived == {1, 2, 3, 6}
    lines = archived_lines(packed)
    assert sorted(lines, key=lambda line: line.id) == [
        RoundLine.of(interview) for interview in whole.interviews if interview.id in archived
    ]
    assert any(line.timezone == "America/New_York" for line in lines)


@pytest.mark.usefixtures("archived")
def test_a_cancelled_round_and_one_without_a_zone_read_from_the_archive(store_file: Path) -> None:
    import datetime as dt

    from afterview.models.records import Cancellation
    from afterview.store.storefile import Store

    with Store(
        store_file, clock=lambda: dt.datetime(2026, 11, 27, 16, tzinfo=dt.UTC)
    ).transaction() as document:
        document.unpack()
        for interview in document.interviews:
            if interview.id == 1:
                interview.cancelled = Cancellation(
                    on=dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC), reason='cancelled by "Acme \\ Screen"'
                )
            if interview.id == 3:
                interview.timezone = None
    data = store_file.read_bytes()
    packed = parse_document(data, open_only=True)
    assert set(packed.archived_rounds) == {1, 2, 3, 6}
    lines = {line.id: line for line in archived_lines(packed)}
    assert lines[1].cancelled
    assert lines[3].timezone is None
    whole = parse_document(data)
    assert [lines[i.id] for i in whole.interviews if i.id in lines] == [
        RoundLine.of(i) for i in whole.interviews if i.id in lines
    ]


@pytest.mark.usefixtures("archived")
def test_list_shows_the_same_whether_the_archive_is_read_or_not(cli: Cli, store_file: Path) -> None:
    packed = cli("list")
    as_json = cli("list", "--json").json()
    assert [interview["id"] for interview in as_json] == [6, 5, 4, 3, 2, 1]
    store_file.write_bytes(store_file.read_bytes().replace(b"\n", b"\n ", 1))  # a hand edit: read whole
    whole = cli("list")
    assert (packed.code, packed.out) == (whole.code, whole.out)
    assert "P2  Beta · SRE  withdrawn" in packed.out
    assert "New York" in packed.out
    assert cli("list", "--json").json() == as_json
