"""``afterview remind``: one line and exit 1 when something is due, silence and exit 0 otherwise, and fast."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from afterview.cli.remind import line as remind
from afterview.domain.steps import effective_due, is_overdue
from afterview.models.document import SCHEMA_VERSION
from afterview.models.enums import StepKind, StepState
from afterview.models.records import Step
from afterview.store.codec import serialise
from tests.helpers import NOW as FIXED_NOW
from tests.helpers import Result, document_of, make_interview

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]
Process = Callable[..., subprocess.CompletedProcess[str]]

HEAVY = ("typer", "click", "pydantic", "rich", "icalendar", "holidays")


def test_nothing_due_prints_nothing_and_exits_0(cli: Cli, log: Log, process: Process) -> None:
    assert process("remind").returncode == 0  # no store yet
    log("--at", "2026-12-10T10:00")
    for result in (process("remind"), cli("remind")):
        code = result.returncode if isinstance(result, subprocess.CompletedProcess) else result.code
        assert (code, result.out if isinstance(result, Result) else result.stdout) == (0, "")


def test_something_due_prints_one_line_and_exits_1(cli: Cli, log: Log, process: Process) -> None:
    log()
    spawned = process("remind")
    assert (spawned.returncode, spawned.stdout) == (1, "1 step due today — run afterview todo\n")
    in_app = cli("remind")
    assert (in_app.code, in_app.out) == (1, spawned.stdout)


def test_overdue_steps_are_counted_and_a_snooze_is_honoured(
    cli: Cli, log: Log, process: Process, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-23T12:00:00+01:00")  # logged on the day, so due that day
    log("--at", "2026-11-23T10:00")
    monkeypatch.setenv("AFTERVIEW_NOW", FIXED_NOW)
    log()
    assert process("remind").stdout == "1 step due today, 1 overdue — run afterview todo\n"
    assert cli("snooze", "1.1", "--until", "tomorrow").code == 0
    assert process("remind").stdout == "1 step due today — run afterview todo\n"
    assert cli("done", "2.1").code == 0
    assert (process("remind").returncode, process("remind").stdout) == (0, "")


def test_a_date_only_step_is_due_until_the_end_of_the_day_in_the_profile_time_zone(
    cli: Cli, log: Log, process: Process
) -> None:
    log()
    late_evening = {"AFTERVIEW_NOW": "2026-11-27T23:30:00+01:00"}
    assert process("remind", env=late_evening).stdout == "1 step due today — run afterview todo\n"
    assert cli("profile", "--timezone", "America/Los_Angeles", "--no-input").code == 0
    # 02:00 on Saturday in Berlin is still Friday afternoon in Los Angeles.
    next_morning = {"AFTERVIEW_NOW": "2026-11-28T02:00:00+01:00"}
    assert process("remind", env=next_morning).stdout == "1 step due today — run afterview todo\n"


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"{", "line 1 column 2"),
        (b"", "line 1 column 1"),
        (b'{"format": "other"}', "not an afterview store"),
        (b'{"format": "afterview", "schema_version": 99, "interviews": []}', "newer"),
        (
            b'{"format": "afterview", "schema_version": 1, "revision": 1,'
            b' "interviews": [{"steps": [{"due": "soon"}]}]}',
            "line 1 column",
        ),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_an_unreadable_store_is_a_short_message_and_exit_3(
    process: Process, store_file: Path, content: bytes, detail: str
) -> None:
    """As every command does: exit 3 naming the place, on one line, the file left as it is."""
    store_file.parent.mkdir(parents=True)
    store_file.write_bytes(content)
    result = process("remind")
    assert result.returncode == 3
    assert result.stdout == ""
    assert detail in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert store_file.read_bytes() == content


def test_remind_imports_none_of_the_heavy_libraries(log: Log, process: Process) -> None:
    """The real command under the import profiler: typer, pydantic, rich, icalendar, holidays stay out."""
    log()
    result = process("remind", env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 1
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "afterview" in imported
    assert "json" in imported
    assert not imported & set(HEAVY)


def test_help_goes_through_the_full_app(process: Process) -> None:
    result = process("remind", "--help")
    assert result.returncode == 0
    assert "Exit status" in result.stdout
    assert "remind" in process("--help").stdout


def test_the_fast_reader_knows_the_current_schema() -> None:
    assert remind.KNOWN_SCHEMA == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("due_today", "overdue", "line"),
    [
        (0, 0, ""),
        (1, 0, "1 step due today — run afterview todo"),
        (2, 1, "2 steps due today, 1 overdue — run afterview todo"),
        (0, 3, "3 steps overdue — run afterview todo"),
        (0, 1, "1 step overdue — run afterview todo"),
    ],
)
def test_message(due_today: int, overdue: int, line: str) -> None:
    assert remind.message(due_today, overdue) == line


def test_the_cache_follows_the_clock_offset_without_a_profile_time_zone(log: Log, process: Process) -> None:
    log()
    assert process("remind").returncode == 1
    # 23:30 on the 27th in UTC-05:00 is the 28th in UTC+01:00, where the cache was made: read with the old
    # offset, the memory dump of the 27th would be overdue; in the clock's own zone it is due today.
    assert process("remind", env={"AFTERVIEW_NOW": "2026-11-27T23:30:00-05:00"}).stdout == (
        "1 step due today — run afterview todo\n"
    )
    assert process("remind", env={"AFTERVIEW_NOW": "2026-11-28T05:30:00+01:00"}).stdout == (
        "1 step overdue — run afterview todo\n"
    )


TZ = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=TZ)
days = st.dates(min_value=dt.date(2026, 11, 20), max_value=dt.date(2026, 12, 4))
moments = st.datetimes(min_value=dt.datetime(2026, 11, 20), max_value=dt.datetime(2026, 12, 4)).map(
    lambda moment: moment.replace(tzinfo=TZ)
)
steps_strategy = st.lists(
    st.tuples(st.one_of(days, moments), st.none() | days, st.sampled_from(list(StepState))), max_size=12
)


def raw_store(steps: list[Step]) -> Any:
    """A store holding one interview with ``steps``, as remind reads it (raw JSON)."""
    interview = make_interview(
        id=1, company="A", role="B", at=NOW, created_at=NOW, updated_at=NOW, steps=steps, step_seq=len(steps)
    )
    return json.loads(serialise(document_of(interview)))


def day_of(due: dt.date) -> dt.date:
    return due.date() if isinstance(due, dt.datetime) else due


@given(steps_strategy)
def test_the_fast_count_agrees_with_the_step_engine(
    drawn: list[tuple[dt.date, dt.date | None, StepState]],
) -> None:
    """remind reads raw JSON; the app reads models: both must call the same steps due today and overdue."""
    steps = [
        Step(
            id=f"1.{n}",
            kind=StepKind.MOMENTUM,
            key=f"k{n}",
            title="t",
            due=due,
            snoozed_until=snooze,
            state=state,
        )
        for n, (due, snooze, state) in enumerate(drawn, start=1)
    ]
    raw = raw_store(steps)
    overdue = [s for s in steps if is_overdue(s, now=NOW)]
    due_today = [
        s
        for s in steps
        if s.state is StepState.PENDING and s not in overdue and day_of(effective_due(s)) == NOW.date()
    ]
    assert remind.due_counts(raw, now=NOW) == (len(due_today), len(overdue))


def test_a_snooze_to_the_day_a_late_time_elsewhere_falls_on_here_is_honoured() -> None:
    """Due 23:30 on the 27th in UTC-5 (05:30 on the 28th here), snoozed to the 28th: due today, as in todo."""
    step = Step(
        id="1.1",
        kind=StepKind.MOMENTUM,
        key="k",
        title="t",
        due=dt.datetime(2026, 11, 27, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        snoozed_until=dt.date(2026, 11, 28),
    )
    raw = raw_store([step])
    noon = dt.datetime(2026, 11, 28, 12, 0, tzinfo=TZ)
    assert not is_overdue(step, now=noon)
    assert remind.due_counts(raw, now=noon) == (1, 0)


def test_remind_json_prints_the_counts_for_a_status_bar(log: Log, process: Process) -> None:
    """``remind --json`` always prints the counts (zeros too), with the plain command's exit status."""
    empty = process("remind", "--json")
    assert (empty.returncode, json.loads(empty.stdout)) == (
        0,
        {"due_today": 0, "overdue": 0, "interviews_today": []},
    )
    log("--at", "2026-11-20 10:00")
    shown = process("remind", "--json")
    counts = json.loads(shown.stdout)
    assert shown.returncode == 1
    assert counts["due_today"] + counts["overdue"] >= 1  # a late log: due by the end of today
    assert set(counts) == {"due_today", "overdue", "interviews_today"}
