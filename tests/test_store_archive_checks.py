"""The archive is read lazily only when nothing can tell a lazy read from a whole one: a change that would
plan an archived round again reads it, and a hand edit of the file that leaves it canonical but makes its
archive disagree with the rest (a process reopened or removed, rounds cut out, ``archived_rounds`` forged)
is read whole, and refused when rounds are missing, never written over."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.store.codec import ARCHIVE_KEY, parse_document, serialise
from tests.helpers import Result, close_what_stays

Cli = Callable[..., Result]


def log(cli: Cli, company: str) -> None:
    result = cli(
        "log", "--no-input", "--company", company, "--role", "SRE", "--at", "2026-11-20 10:00",
        "--interviewer", f"Ada Lovelace <ada@{company.lower()}.example>",
    )  # fmt: skip
    assert result.code == 0, result.err


@pytest.fixture
def three(cli: Cli) -> None:
    """Acme (1), Beta (2) and Gamma (3), each a process of its own; Acme rejected, so its round is over."""
    for company in ("Acme", "Beta", "Gamma"):
        log(cli, company)
    assert cli("outcome", "1", "rejected").code == 0
    close_what_stays(cli, 1)


def stored(store_file: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(store_file.read_bytes())
    return loaded


def assert_round_trips(store_file: Path) -> None:
    """The file is what afterview writes for it, and a lazy read holds what a whole read does."""
    data = store_file.read_bytes()
    whole = parse_document(data)
    assert serialise(whole) == data
    lazy = parse_document(data, open_only=True)
    assert serialise(lazy) == data
    lazy.unpack()
    assert lazy == whole


def pending(cli: Cli) -> list[tuple[str, str]]:
    steps = cli("todo", "--all", "--json").json()
    return [(step["id"], step["kind"]) for step in steps if step["state"] == "pending"]


def test_accepting_an_offer_again_reopens_the_withdraw_steps_of_archived_processes(
    cli: Cli, store_file: Path
) -> None:
    log(cli, "Beta")
    log(cli, "Acme")
    close_what_stays(cli, 1)  # what a withdrawal keeps pending would keep Beta out of the archive
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04").code == 0
    assert cli("outcome", "2", "accepted").code == 0
    withdraw = [step for step, kind in pending(cli) if kind == "withdraw"]
    assert withdraw == ["1.8"]
    assert cli("outcome", "2", "declined").code == 0  # Beta's withdraw step closes; Beta is archived
    assert [i["id"] for i in stored(store_file)["archive"]] == [1]
    result = cli("outcome", "2", "accepted")
    assert result.code == 0, result.err
    assert "1.8" in result.out
    assert ("1.8", "withdraw") in pending(cli)
    assert [i["id"] for i in stored(store_file)["interviews"]] == [1, 2]
    assert_round_trips(store_file)


@pytest.mark.usefixtures("three")
def test_a_hand_edit_that_reopens_an_archived_process_brings_its_rounds_back(
    cli: Cli, store_file: Path
) -> None:
    data = store_file.read_bytes()
    assert data.count(b'"status": "rejected"') == 1
    store_file.write_bytes(data.replace(b'"status": "rejected"', b'"status": "waiting"'))
    assert cli("edit", "2", "--notes", "went well").code == 0  # plans every round again
    document = stored(store_file)
    assert document["archive"] == []
    assert [i["id"] for i in document["interviews"]] == [1, 2, 3]
    assert ("1.4", "follow-up") in pending(cli)
    assert_round_trips(store_file)


@pytest.mark.usefixtures("three")
def test_a_process_removed_by_hand_from_under_its_archived_rounds_makes_the_store_corrupt(
    cli: Cli, store_file: Path
) -> None:
    data = store_file.read_bytes()
    start = data.index(b'\n "processes": [\n') + len(b'\n "processes": [\n')
    end = data.index(b"\n  },\n", start) + len(b"\n  },\n")
    assert b'"company": "Acme"' in data[start:end]
    broken = data[:start] + data[end:]
    store_file.write_bytes(broken)
    for command in (("done", "2.1"), ("show", "1"), ("list",)):
        result = cli(*command)
        assert result.code == 3, result.err
        assert "corrupt" in result.err
        assert "line" in result.err
        assert "process 1" in result.err
    assert store_file.read_bytes() == broken


@pytest.mark.usefixtures("three")
def test_rounds_cut_from_the_archive_by_hand_make_the_store_corrupt(cli: Cli, store_file: Path) -> None:
    data = store_file.read_bytes()
    start = data.index(ARCHIVE_KEY) + len(ARCHIVE_KEY)
    end = data.index(b"\n ]", start) + len(b"\n ]")
    broken = data[:start] + b"[]" + data[end:]
    store_file.write_bytes(broken)
    result = cli("done", "2.1")
    assert result.code == 3, result.err
    assert "corrupt" in result.err
    assert "archived_rounds" in result.err
    assert "interview 1" in result.err
    assert "line" in result.err
    assert store_file.read_bytes() == broken
    assert cli("doctor").code != 0


@pytest.mark.usefixtures("three")
def test_archived_rounds_edited_by_hand_are_read_again_from_the_archive(cli: Cli, store_file: Path) -> None:
    data = store_file.read_bytes()
    forged = data.replace(
        b'"archived_rounds": {\n  "1": 1\n }', b'"archived_rounds": {\n  "1": 1,\n  "2": 2\n }'
    )
    assert forged != data
    store_file.write_bytes(forged)
    assert cli("done", "3.1").code == 0
    assert stored(store_file)["archived_rounds"] == {"1": 1}
    assert_round_trips(store_file)
