"""The derived index: fast `todo` and completion agree with the store; a stale index is never trusted."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import filelock
import pytest

from afterview.domain import dates
from afterview.domain.dates import is_past
from afterview.domain.steps import effective_due, is_overdue
from afterview.models.enums import StepKind
from afterview.models.records import Step
from afterview.store import index
from tests.helpers import Result

Process = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def interviews(log: Callable[..., dict[str, Any]], cli: Callable[..., Result]) -> None:
    """Two interviews with steps due today, tomorrow and overdue, one ticked off."""
    log(
        "--interviewer",
        "Jane Doe, CTO <jane@acme.com>",
        "--interviewer",
        "Raj Patel",
        "--at",
        "2026-11-20 10:00",
    )
    log("--interviewer", "Ana Lima <ana@globex.example>", company="Globex [EU]", role="SRE")
    assert cli("done", "1.1").code == 0


@pytest.mark.usefixtures("interviews")
@pytest.mark.parametrize("args", [("todo",), ("todo", "--json")])
def test_fast_todo_prints_what_the_full_command_prints(
    args: tuple[str, ...], cli: Callable[..., Result], process: Process
) -> None:
    """The real ``afterview todo``, answered from the index, matches the full command byte for byte."""
    full = cli(*args)
    fast = process(*args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.code, full.out, full.err)
    assert "OVERDUE" in fast.stdout or args[-1] == "--json"


def test_fast_todo_with_an_empty_or_missing_store(process: Process, home: Path) -> None:
    """No store yet: the friendly word (on stderr: a pipe counts only steps), and nothing is created."""
    result = process("todo")
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr.startswith("Nothing to do.")
    assert not home.exists()


@pytest.mark.usefixtures("interviews")
def test_each_save_writes_an_index_of_that_exact_file(store_file: Path) -> None:
    """After a write the index matches the store; its pending steps are the store's pending steps."""
    found = index.load(store_file)
    assert found is not None
    stored = json.loads(store_file.read_bytes())
    pending = [s["id"] for i in stored["interviews"] for s in i["steps"] if s["state"] == "pending"]
    assert [step["id"] for step in found["pending"]] == pending
    assert found["revision"] == stored["revision"]
    assert [i[0] for i in found["interviews"]] == [1, 2]


@pytest.mark.usefixtures("interviews")
def test_a_hand_edit_makes_the_index_stale_and_todo_rebuilds_it(store_file: Path, process: Process) -> None:
    """Edit the store behind afterview's back: ``todo`` shows the edit, and the index is rebuilt."""
    stored = json.loads(store_file.read_bytes())
    stored["interviews"][1]["steps"][0]["title"] = "Edited by hand"
    store_file.write_text(json.dumps(stored, indent=1))
    assert index.load(store_file) is None
    result = process("todo")
    assert "Edited by hand" in result.stdout
    assert index.load(store_file) is not None


@pytest.mark.usefixtures("interviews")
@pytest.mark.parametrize("damage", ["delete", "garbage"])
def test_a_missing_or_damaged_index_is_rebuilt(damage: str, store_file: Path, process: Process) -> None:
    """The index is never the only copy: delete it or break it and todo still answers, from the store."""
    before = process("todo").stdout
    path = index.path_for(store_file)
    if damage == "delete":
        path.unlink()
    else:
        path.write_text('{"format": "afterview-index", "version": 1, "source": [1, 2, 3], "pend')
    assert process("todo").stdout == before
    assert index.load(store_file) is not None


@pytest.mark.usefixtures("interviews")
def test_a_corrupt_store_is_reported_by_the_full_command(store_file: Path, process: Process) -> None:
    """The fast path never hides an error: a corrupt store gives the usual message and exit code 3."""
    store_file.write_text("{ not json")
    result = process("todo")
    assert result.returncode == 3
    assert "corrupt" in result.stderr
    assert store_file.read_text() == "{ not json"


@pytest.mark.usefixtures("interviews")
def test_rebuilding_never_waits_for_a_held_lock(store_file: Path, process: Process) -> None:
    """While a writer holds the lock, todo still answers from the store and leaves the index to the writer."""
    index.path_for(store_file).unlink()
    with filelock.FileLock(store_file.with_name(store_file.name + ".lock")):
        result = process("todo", env={"AFTERVIEW_LOCK_TIMEOUT": "30"}, timeout=20)
    assert result.returncode == 0
    assert "Jane Doe" in result.stdout
    assert not index.path_for(store_file).exists()


@pytest.mark.usefixtures("interviews")
@pytest.mark.parametrize(
    ("words", "cword", "expected"),
    [
        ("afterview done 1.", "2", ["1.2", "1.5", "1.3", "1.6", "1.4", "1.7", "1.8"]),
        ("afterview skip 2.1 2.", "3", ["2.2", "2.3", "2.4", "2.6", "2.5"]),
        ("afterview show ", "2", ["2", "1"]),
        ("afterview draft-thanks 2", "2", ["2"]),
    ],
)
def test_tab_completes_pending_step_ids_and_interview_ids(
    words: str, cword: str, expected: list[str], process: Process, cli: Callable[..., Result]
) -> None:
    """Bash completion offers exactly the pending steps not yet typed (in todo's order) for done/skip, and
    the interview ids for commands that take one."""
    env = {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = process(env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    offered = [line.split()[0] for line in result.stdout.splitlines() if line]  # "7.2  its text" under bash
    assert offered == expected
    if words.startswith(("afterview done", "afterview skip")):
        *typed, prefix = words.split()[2:]
        pending = [s["id"] for s in cli("todo", "--json").json()]
        assert offered == [i for i in pending if i.startswith(prefix) and i not in typed]
    assert "1.1" not in offered  # done already


def test_completion_of_command_names_is_left_to_typer(process: Process) -> None:
    """Anything but an id goes to Typer's own completion, which lists the commands."""
    env = {"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": "afterview dr", "COMP_CWORD": "1"}
    result = process(env=env)
    assert sorted(result.stdout.split()) == ["draft", "draft-thanks"]


def test_a_failing_index_never_fails_a_save(
    log: Callable[..., dict[str, Any]], store_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The index is derived: if building it fails, the save still succeeds and the stale index is removed."""
    log()
    assert index.path_for(store_file).exists()

    def broken(*args: object, **kwargs: object) -> dict[str, Any]:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(index, "build", broken)
    second = log(company="Globex")
    assert second["id"] == 2
    assert [i["id"] for i in json.loads(store_file.read_bytes())["interviews"]] == [1, 2]
    assert not index.path_for(store_file).exists()


@pytest.mark.usefixtures("interviews")
def test_remind_counts_the_same_from_the_index_and_from_the_store(store_file: Path, process: Process) -> None:
    """`remind` reads the index when it is current, else the store: the same line either way."""
    from_index = process("remind")
    index.path_for(store_file).unlink()
    from_store = process("remind")
    assert (from_index.returncode, from_index.stdout) == (from_store.returncode, from_store.stdout)
    assert "overdue" in from_index.stdout


FRIDAY = dt.date(2026, 11, 27)
AT_NINE = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


@pytest.mark.parametrize("due", [FRIDAY, AT_NINE])
@pytest.mark.parametrize(
    "snoozed", [None, FRIDAY - dt.timedelta(days=1), FRIDAY, FRIDAY + dt.timedelta(days=2)]
)
@pytest.mark.parametrize("now", [AT_NINE - dt.timedelta(hours=1), AT_NINE + dt.timedelta(hours=1)])
def test_an_indexed_step_is_due_and_overdue_exactly_when_the_step_is(
    due: dt.date, snoozed: dt.date | None, now: dt.datetime
) -> None:
    """The index's reading of a step (fast todo, completion) and the step engine's are the same."""
    step = Step(
        id="1.1", kind=StepKind.FOLLOW_UP, key="follow-up", title="Follow up", due=due, snoozed_until=snoozed
    )
    entry = {"due": step.due.isoformat(), "snoozed_until": snoozed.isoformat() if snoozed else None}
    assert dates.indexed_due(entry) == effective_due(step)
    assert is_past(dates.indexed_due(entry), now=now) == is_overdue(step, now=now)
