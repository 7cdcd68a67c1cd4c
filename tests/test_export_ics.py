"""``afterview export ics``: an RFC 5545 calendar of pending steps, read back by two independent parsers."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, afterview_command

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]
Process = Callable[..., subprocess.CompletedProcess[str]]


@dataclass
class Component:
    """One BEGIN/END block of a calendar file, as the hand-rolled parser sees it."""

    name: str
    properties: list[tuple[str, dict[str, str], str]] = field(default_factory=list)
    children: list[Component] = field(default_factory=list)

    def get(self, name: str) -> tuple[dict[str, str], str]:
        return next((params, value) for key, params, value in self.properties if key == name)

    def all(self, name: str) -> list[Component]:
        return [child for child in self.children if child.name == name]


def parse_lines(data: bytes) -> Component:
    """A small RFC 5545 reader, independent of icalendar: CRLF lines, unfolding, parameters, nesting."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    unfolded = text.replace("\r\n ", "").replace("\r\n\t", "")
    stack: list[Component] = [Component("ROOT")]
    for line in unfolded.split("\r\n")[:-1]:
        assert len(line.encode()) > 0
        head, _, value = line.partition(":")
        name, *raw_params = head.split(";")
        params = dict(p.split("=", 1) for p in raw_params)
        if name == "BEGIN":
            stack.append(Component(value))
        elif name == "END":
            done = stack.pop()
            assert done.name == value
            stack[-1].children.append(done)
        else:
            stack[-1].properties.append((name, params, value))
    assert len(stack) == 1
    (calendar,) = stack[0].children
    return calendar


@pytest.fixture
def interviews(log: Log, cli: Cli) -> list[dict[str, Any]]:
    """Two interviews; one step done, one skipped, one snoozed."""
    first = log("--interviewer", "Jane Doe <jane@acme.com>", "--paperwork", "Sign the NDA", company="Acme")
    second = log("--at", "2026-11-25T10:00", company="Beta")
    assert cli("done", "1.1").code == 0
    assert cli("skip", "2.1", "--reason", "no time").code == 0
    assert cli("snooze", "2.2", "--until", "2026-12-10").code == 0
    return [first, second]


def pending(cli: Cli) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = cli("todo", "--json").json()
    return result


def export(cli: Cli, tmp_path: Path, *args: str) -> bytes:
    target = tmp_path / "steps.ics"
    result = cli("export", "ics", "-o", str(target), *args)
    assert result.code == 0, result.err
    return target.read_bytes()


def test_one_event_with_an_alarm_per_pending_step_read_by_icalendar(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path
) -> None:
    import icalendar

    calendar = icalendar.Calendar.from_ical(export(cli, tmp_path))
    events = list(calendar.walk("VEVENT"))
    steps = pending(cli)
    assert len(events) == len(steps) > 0
    for event in events:
        assert len(event.subcomponents) == 1
        assert event.subcomponents[0].name == "VALARM"
        assert str(event.subcomponents[0]["ACTION"]) == "DISPLAY"
    summaries = sorted(str(e["SUMMARY"]) for e in events)
    assert summaries == sorted(s["title"].partition(" (afterview ")[0] for s in steps)


def test_titles_say_what_to_do_and_descriptions_say_how(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path
) -> None:
    """No SUMMARY holds an afterview command; the command moves to the DESCRIPTION."""
    import icalendar

    data = export(cli, tmp_path)
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert all("afterview " not in str(event["SUMMARY"]) for event in events)
    assert b"SUMMARY:" in data
    assert not [line for line in data.split(b"\r\n") if line.startswith(b"SUMMARY") and b"afterview " in line]
    thanks = next(e for e in events if str(e["SUMMARY"]).startswith("Send Jane Doe"))
    assert str(thanks["SUMMARY"]) == "Send Jane Doe a thank-you note"
    assert "How: afterview draft-thanks 1" in str(thanks["DESCRIPTION"])
    assert str(thanks.subcomponents[0]["DESCRIPTION"]) == "Send Jane Doe a thank-you note"


@pytest.mark.parametrize(
    ("title", "what", "how"),
    [
        (
            "Send Jane a thank-you note (afterview draft-thanks 2)",
            "Send Jane a thank-you note",
            "afterview draft-thanks 2",
        ),
        ("Sign the NDA", "Sign the NDA", None),
        ("Sign the NDA (by hand)", "Sign the NDA (by hand)", None),
    ],
)
def test_split_title(title: str, what: str, how: str | None) -> None:
    from afterview.formats.ics import split_title

    assert split_title(title) == (what, how)


def test_uids_are_stable_across_exports(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = parse_lines(export(cli, tmp_path))
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-28T09:00:00+01:00")
    second = parse_lines(export(cli, tmp_path))
    uids = [e.get("UID")[1] for e in first.all("VEVENT")]
    assert uids == [e.get("UID")[1] for e in second.all("VEVENT")]
    assert len(set(uids)) == len(uids)
    assert [e.get("DTSTAMP")[1] for e in first.all("VEVENT")] != [
        e.get("DTSTAMP")[1] for e in second.all("VEVENT")
    ]


def test_the_hand_rolled_parser_reads_dates_times_and_descriptions(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path
) -> None:
    calendar = parse_lines(export(cli, tmp_path))
    assert calendar.name == "VCALENDAR"
    assert calendar.get("VERSION")[1] == "2.0"
    events = {e.get("SUMMARY")[1]: e for e in calendar.all("VEVENT")}
    steps = {s["title"].partition(" (afterview ")[0]: s for s in pending(cli)}
    assert set(events) == {t.replace(",", "\\,").replace(";", "\\;") for t in steps}
    for title, step in steps.items():
        event = events[title.replace(",", "\\,").replace(";", "\\;")]
        params, start = event.get("DTSTART")
        if "T" in step["due"]:
            assert start.endswith("Z")
            assert "VALUE" not in params
            assert event.all("VALARM")[0].get("TRIGGER")[1] == "-PT1H"
        else:
            assert params == {"VALUE": "DATE"}
            assert start == step["due"].replace("-", "")
            assert event.all("VALARM")[0].get("TRIGGER")[1] == "PT9H"
        description = event.get("DESCRIPTION")[1]
        assert f"Interview {step['interview_id']}: " in description
        assert f"Step {step['id']} " in description
    snoozed = next(e for e in calendar.all("VEVENT") if "2.2-" in e.get("UID")[1])
    assert snoozed.get("DTSTART")[1] == "20261210"


def test_thank_you_due_24_hours_after_the_interview(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path
) -> None:
    calendar = parse_lines(export(cli, tmp_path))
    thanks = next(e for e in calendar.all("VEVENT") if e.get("SUMMARY")[1].startswith("Send Jane Doe"))
    assert thanks.get("DTSTART")[1] == "20261128T150000Z"  # 16:00+01:00 the next day


def test_closed_steps_are_left_out_or_cancelled_on_request(
    cli: Cli, interviews: list[dict[str, Any]], tmp_path: Path
) -> None:
    default = parse_lines(export(cli, tmp_path))
    assert not any("1.1-" in e.get("UID")[1] for e in default.all("VEVENT"))
    everything = parse_lines(export(cli, tmp_path, "--include-closed"))
    cancelled = [e for e in everything.all("VEVENT") if e.get("STATUS")[1] == "CANCELLED"]
    # 1.1 done; 1.7 the search's momentum step, which moved on to the newer process; 2.1 done
    assert sorted(e.get("UID")[1].split("-")[2] for e in cancelled) == ["1.1", "1.7", "2.1"]
    assert all(not e.all("VALARM") for e in cancelled)


def test_standard_output_and_an_empty_store() -> None:
    result = subprocess.run([*afterview_command(), "export", "ics"], capture_output=True, check=False)
    assert result.returncode == 0
    calendar = parse_lines(result.stdout)
    assert calendar.all("VEVENT") == []


def test_export_is_a_group_with_help(cli: Cli) -> None:
    result = cli("export", "--help")
    assert result.code == 0
    assert "ics" in result.out


def test_help_and_todo_do_not_load_icalendar_or_holidays(log: Log, process: Process) -> None:
    log()
    for args in (("--help",), ("todo",)):
        result = process(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
        assert result.returncode == 0
        imported = {
            line.rsplit("|", 1)[1].strip()
            for line in result.stderr.splitlines()
            if line.startswith("import time:")
        }
        assert "icalendar" not in imported
        assert "holidays" not in imported


def test_snoozing_a_step_raises_its_sequence_and_keeps_its_uid(
    cli: Cli, log: Log, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's must-show (RFC 5545 §3.8.7.4): calendars that take only a higher SEQUENCE take the new
    date. A later export with no change in between keeps the SEQUENCE."""
    import icalendar

    def by_uid() -> dict[str, Any]:
        cal = icalendar.Calendar.from_ical(export(cli, tmp_path))
        return {str(e["UID"]): e for e in cal.walk("VEVENT")}

    log("--interviewer", "Jane Doe <jane@acme.com>")
    before = by_uid()
    assert {int(e["SEQUENCE"]) for e in before.values()} == {0}
    step = next(s for s in pending(cli) if s["kind"] == "network")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-27T16:05:00+01:00")
    assert cli("snooze", step["id"], "--until", "2026-12-10").code == 0
    after = by_uid()
    assert set(after) == set(before)
    [uid] = [uid for uid in after if f"-{step['id']}-" in uid]
    assert int(after[uid]["SEQUENCE"]) > int(before[uid]["SEQUENCE"])
    assert after[uid].decoded("DTSTART").isoformat() == "2026-12-10"
    assert {uid: int(e["SEQUENCE"]) for uid, e in by_uid().items()} == {
        uid: int(e["SEQUENCE"]) for uid, e in after.items()
    }
