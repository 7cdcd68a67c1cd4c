"""The archive: rounds of processes that are over are kept apart, and a change to an open process copies
them as they were written instead of reading them (issue 18), without giving up any check of the store."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.store import codec
from afterview.store.codec import ARCHIVE_KEY, archive_digest, parse_document
from tests.helpers import Result, close_what_stays

Cli = Callable[..., Result]


@pytest.fixture
def three(cli: Cli) -> None:
    """Acme (1), Beta (2) and Gamma (3), each a process of its own; Acme rejected, so its round is over."""
    for company, hour in (("Acme", "10:00"), ("Beta", "11:00"), ("Gamma", "12:00")):
        result = cli(
            "log", "--no-input", "--company", company, "--role", "SRE", "--at", f"2026-11-27 {hour}",
            "--interviewer", f"Ada Lovelace <ada@{company.lower()}.example>",
        )  # fmt: skip
        assert result.code == 0, result.err
    assert cli("outcome", "1", "rejected").code == 0
    close_what_stays(cli, 1)


def stored(store_file: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(store_file.read_bytes())
    return loaded


def archive_bytes(data: bytes) -> bytes:
    """The archive's JSON array as it stands in a store file."""
    start = data.index(ARCHIVE_KEY) + len(ARCHIVE_KEY)
    end = start + 2 if data.startswith(b"[]", start) else data.index(b"\n ]", start) + 3
    return data[start:end]


def in_archive(data: bytes, old: bytes, new: bytes) -> bytes:
    """``data`` with the first ``old`` inside the archive replaced by ``new``."""
    start = data.index(ARCHIVE_KEY)
    return data[:start] + data[start:].replace(old, new, 1)


@pytest.mark.usefixtures("three")
def test_the_rounds_of_a_process_that_is_over_move_to_the_archive(store_file: Path) -> None:
    document = stored(store_file)
    assert [i["id"] for i in document["interviews"]] == [2, 3]
    assert [i["id"] for i in document["archive"]] == [1]
    assert document["archived_rounds"] == {"1": 1}
    data = store_file.read_bytes()
    assert document["archive_digest"] == archive_digest({1: 1}, archive_bytes(data))


@pytest.mark.usefixtures("three")
def test_the_newest_process_and_any_with_a_pending_step_stay_open(cli: Cli, store_file: Path) -> None:
    assert cli("outcome", "3", "rejected").code == 0  # the newest: it keeps the search's momentum step
    assert cli("outcome", "2", "withdrawn").code == 0
    close_what_stays(cli, 3)
    close_what_stays(cli, 2)
    document = stored(store_file)
    assert [i["id"] for i in document["archive"]] == [1, 2]
    assert [i["id"] for i in document["interviews"]] == [3]
    pending = [s["kind"] for s in document["interviews"][0]["steps"] if s["state"] == "pending"]
    assert pending == ["momentum"]


@pytest.mark.usefixtures("three")
def test_a_change_to_an_open_process_copies_the_archive_byte_for_byte(cli: Cli, store_file: Path) -> None:
    before = archive_bytes(store_file.read_bytes())
    document = parse_document(store_file.read_bytes(), open_only=True)
    assert document.packed == before  # read without validating the archived rounds
    assert [i.id for i in document.interviews] == [2, 3]
    assert cli("done", "2.1").code == 0
    after = store_file.read_bytes()
    assert archive_bytes(after) == before
    assert parse_document(after, open_only=True).packed == before  # still a file afterview wrote
    assert stored(store_file)["interviews"][0]["steps"][0]["state"] == "done"


@pytest.mark.usefixtures("three")
def test_the_whole_document_still_holds_every_round_in_order(store_file: Path) -> None:
    document = parse_document(store_file.read_bytes())
    assert [i.id for i in document.interviews] == [1, 2, 3]
    first = document.interview(1)
    assert first is not None
    assert first.company == "Acme"
    assert document.packed is None
    assert document.archive == []
    assert document.archived_rounds == {}
    assert parse_document(codec.serialise(document)) == document


@pytest.mark.usefixtures("three")
def test_archived_rounds_are_found_by_id(cli: Cli, store_file: Path) -> None:
    shown = cli("show", "1", "--json")
    assert shown.code == 0
    assert shown.json()["company"] == "Acme"
    assert [i["id"] for i in cli("list", "--json").json()] == [3, 2, 1]
    result = cli("done", "1.2")
    assert result.code == 0
    assert "already closed" in result.out
    from afterview.actions.index import load_index

    assert [1, "Acme", "SRE"] in [list(entry) for entry in load_index()["interviews"]]


@pytest.mark.usefixtures("three")
def test_an_archived_process_that_starts_again_comes_back(cli: Cli, store_file: Path) -> None:
    result = cli("outcome", "1", "offer", "--deadline", "2026-12-04")
    assert result.code == 0, result.err
    document = stored(store_file)
    assert [i["id"] for i in document["interviews"]] == [1, 2, 3]
    assert document["archive"] == []
    assert document["archived_rounds"] == {}


@pytest.mark.usefixtures("three")
def test_a_hand_edit_inside_the_archive_is_read_and_checked_whole(cli: Cli, store_file: Path) -> None:
    data = store_file.read_bytes()
    edited = in_archive(data, b'"notes": null', b'"notes": "edited by hand"')
    store_file.write_bytes(edited)
    assert parse_document(edited, open_only=True).packed is None  # not what afterview wrote: read whole
    assert cli("done", "2.1").code == 0
    document = stored(store_file)
    assert document["archive"][0]["notes"] == "edited by hand"
    saved = store_file.read_bytes()
    assert document["archive_digest"] == archive_digest({1: 1}, archive_bytes(saved))


@pytest.mark.usefixtures("three")
def test_a_broken_archive_is_corrupt_and_left_as_it_is(cli: Cli, store_file: Path) -> None:
    data = store_file.read_bytes()
    broken = in_archive(data, b'"stage": "other"', b'"stage": "lunch"')
    store_file.write_bytes(broken)
    result = cli("done", "2.1")
    assert result.code == 3
    assert "corrupt" in result.err
    assert "line" in result.err
    assert "stage" in result.err
    assert store_file.read_bytes() == broken


@pytest.mark.usefixtures("three")
def test_unknown_keys_after_the_archive_survive_a_change(cli: Cli, store_file: Path) -> None:
    data = store_file.read_bytes()
    assert data.endswith(b'"\n}\n')  # the digest, after the archive, is the last key afterview writes
    store_file.write_bytes(data[: -len(b"\n}\n")] + b',\n "kept_by_a_newer_minor": [1, 2]\n}\n')
    assert cli("done", "2.1").code == 0
    assert cli("done", "3.1").code == 0
    assert stored(store_file)["kept_by_a_newer_minor"] == [1, 2]
    assert archive_bytes(store_file.read_bytes()) == archive_bytes(data)


def test_a_store_from_before_the_archive_gets_one_on_its_first_save(
    cli: Cli, store_file: Path, home: Path
) -> None:
    fixture = Path(__file__).parent / "fixtures" / "released" / "afterview-0.1.0.json"
    home.mkdir(parents=True, exist_ok=True)
    store_file.write_bytes(fixture.read_bytes())
    before = {i.id for i in parse_document(fixture.read_bytes()).interviews}
    assert cli("profile", "--phone", "+49 30 1234567", "--no-input").code == 0
    document = stored(store_file)
    ids = {i["id"] for i in document["interviews"]} | {i["id"] for i in document["archive"]}
    assert ids == before
    assert {int(k) for k in document["archived_rounds"]} == {i["id"] for i in document["archive"]}


@pytest.mark.usefixtures("three")
def test_commands_about_one_interview_reach_an_archived_one(cli: Cli, store_file: Path) -> None:
    before = archive_bytes(store_file.read_bytes())
    edited = cli("edit", "1", "--notes", "asked about on-call")
    assert edited.code == 0, edited.err
    document = stored(store_file)
    assert [i["id"] for i in document["archive"]] == [1]  # still over, so archived again
    assert document["archive"][0]["notes"] == "asked about on-call"
    assert archive_bytes(store_file.read_bytes()) != before
    shown = cli("show", "P1", "--json")
    assert shown.code == 0
    assert [i["id"] for i in shown.json()["interviews"]] == [1]
    assert cli("interviewer", "1", "Grace Hopper <grace@acme.example>").code == 0
    assert [p["name"] for p in stored(store_file)["archive"][0]["interviewers"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]


@pytest.mark.usefixtures("three")
def test_a_store_file_with_an_archive_imports_every_round(
    cli: Cli, store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "old-store.json"
    copy.write_bytes(store_file.read_bytes())
    assert [i["id"] for i in stored(copy)["archive"]] == [1]
    monkeypatch.setenv("AFTERVIEW_HOME", str(tmp_path / "fresh"))
    result = cli("import", str(copy))
    assert result.code == 0, result.err
    assert sorted(i["id"] for i in cli("list", "--json").json()) == [1, 2, 3]
