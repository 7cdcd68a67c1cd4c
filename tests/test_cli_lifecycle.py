"""``done``, ``skip``, ``snooze``, ``undo`` and ``task add|rm`` through the command line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]


def by_kind(cli: Cli, kind: str, *args: str) -> dict[str, Any]:
    result = cli("todo", "--json", *args)
    return next(s for s in result.json() if s["kind"] == kind)


def test_skip_keeps_the_reason_and_todo_all_shows_it(cli: Cli, log: Log) -> None:
    log()
    momentum = by_kind(cli, "momentum")
    result = cli("skip", momentum["id"], "--reason", "already applying elsewhere")
    assert result.code == 0, result.err
    assert momentum["id"] not in {s["id"] for s in cli("todo", "--json").json()}
    closed = by_kind(cli, "momentum", "--all")
    assert (closed["state"], closed["note"]) == ("skipped", "already applying elsewhere")
    assert "skipped (already applying elsewhere)" in cli("todo", "--all").out


def test_done_with_a_note(cli: Cli, log: Log) -> None:
    log()
    memory = by_kind(cli, "memory-dump")
    assert cli("done", memory["id"], "--note", "wrote it on the train").code == 0
    assert by_kind(cli, "memory-dump", "--all")["note"] == "wrote it on the train"


def test_snooze_moves_the_step_and_undo_reopens(cli: Cli, log: Log) -> None:
    log()
    memory = by_kind(cli, "memory-dump")
    result = cli("snooze", memory["id"], "--until", "next monday")
    assert result.code == 0, result.err
    assert "Mon 30 Nov" in result.out
    snoozed = by_kind(cli, "memory-dump")
    assert (snoozed["due"], snoozed["snoozed_until"]) == ("2026-11-30", "2026-11-30")
    assert cli("done", memory["id"]).code == 0
    assert cli("undo", memory["id"]).code == 0
    reopened = by_kind(cli, "memory-dump")
    assert (reopened["state"], reopened["done_at"]) == ("pending", None)


def test_undo_of_a_check_in_closes_its_nudge_and_redoing_it_brings_the_nudge_back(cli: Cli, log: Log) -> None:
    log()
    follow_up = by_kind(cli, "follow-up")
    assert cli("done", follow_up["id"]).code == 0
    nudge = by_kind(cli, "nudge")
    assert cli("undo", follow_up["id"]).code == 0
    closed = by_kind(cli, "nudge", "--all")
    assert (closed["state"], closed["note"]) == ("skipped", "the check-in is open again")
    assert cli("done", follow_up["id"]).code == 0
    assert by_kind(cli, "nudge")["id"] == nudge["id"]


def test_undo_refuses_a_step_whose_process_ended(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    assert cli("outcome", "1", "rejected").code == 0
    steps = cli("show", "1", "--json").json()["steps"]
    follow_up = next(s["id"] for s in steps if s["kind"] == "follow-up")  # closed; the memory dump stays
    before = store_file.read_bytes()
    result = cli("undo", follow_up)
    assert result.code == 1
    assert "process ended: rejected" in result.err
    assert store_file.read_bytes() == before


@pytest.mark.parametrize("until", ["13/14/2026", "next blursday", "yesterday"])
def test_snooze_with_a_bad_date_changes_nothing(cli: Cli, log: Log, store_file: Path, until: str) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("snooze", "1.1", "--until", until)
    assert result.code == 1
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == before


def test_unknown_step_changes_nothing(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    before = store_file.read_bytes()
    for command in (
        ("snooze", "1.1", "1.99"),
        ("undo", "1.99"),
        ("done", "1.1", "9.1"),
        ("task", "rm", "1.99"),
    ):
        result = cli(*command)
        assert result.code == 1, command
        assert "no step" in result.err
    assert store_file.read_bytes() == before


def test_task_add_and_rm(cli: Cli, log: Log) -> None:
    log()
    added = cli("task", "add", "1", "Sign the NDA", "--due", "friday")
    assert added.code == 0, added.err
    second = cli("task", "add", "1", "Background check form")
    assert second.code == 0, second.err
    tasks = [s for s in cli("todo", "--json").json() if s["kind"] == "paperwork"]
    assert [(t["title"], t["due"]) for t in tasks] == [
        ("Background check form", "2026-12-01"),
        ("Sign the NDA", "2026-12-04"),
    ]
    nda = next(t for t in tasks if t["title"] == "Sign the NDA")
    form = next(t for t in tasks if t["title"] != "Sign the NDA")
    removed = cli("task", "rm", nda["id"])
    assert removed.code == 0, removed.err
    left = [s for s in cli("todo", "--json", "--all").json() if s["kind"] == "paperwork"]
    assert [(t["id"], t["title"]) for t in left] == [(form["id"], "Background check form")]
    assert [p["title"] for p in cli("show", "1", "--json").json()["paperwork"]] == ["Background check form"]


def test_task_rm_refuses_a_step_that_is_not_a_task(cli: Cli, log: Log) -> None:
    log()
    result = cli("task", "rm", by_kind(cli, "momentum")["id"])
    assert result.code == 1
    assert "not a task" in result.err


def test_task_add_with_an_ambiguous_date_changes_nothing(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("task", "add", "1", "Sign the NDA", "--due", "13/14/2026")
    assert result.code == 1
    assert "ambiguous" in result.err
    assert "YYYY-MM-DD" in result.err
    assert store_file.read_bytes() == before


def test_task_add_on_an_ended_process_is_refused(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    assert cli("outcome", "1", "withdrawn").code == 0
    before = store_file.read_bytes()
    result = cli("task", "add", "1", "Sign the NDA")
    assert result.code == 1
    assert "has ended (withdrawn)" in result.err
    assert store_file.read_bytes() == before
