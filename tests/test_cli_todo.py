"""``todo``, ``done`` and ``skip`` on interviews logged with flags, as a script would."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]


@pytest.fixture
def two_interviews(log: Log) -> tuple[dict[str, Any], dict[str, Any]]:
    """The foundation issue's scenario: a Friday interview with two emailed interviewers, and one with an
    interviewer without email and a decision date."""
    first = log(
        "--at", "2026-11-27 10:00",
        "--interviewer", "Jane Doe, CTO <jane@acme.com>",
        "--interviewer", "Bob Roe <bob@acme.com>",
    )  # fmt: skip
    second = log(
        "--at", "2026-11-26 15:00", "--interviewer", "Ann Smith", "--decision-by", "2026-12-04",
        company="Globex", role="SRE",
    )  # fmt: skip
    return first, second


def steps_by_kind(interview: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    result: dict[str, list[dict[str, Any]]] = {}
    for step in interview["steps"]:
        result.setdefault(step["kind"], []).append(step)
    return result


def test_scripted_interviews_get_the_right_steps(
    two_interviews: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    first, second = (steps_by_kind(i) for i in two_interviews)
    assert [s["person"] for s in first["thank-you"]] == ["Jane Doe", "Bob Roe"]
    assert [s["due"] for s in first["thank-you"]] == ["2026-11-28T10:00:00+01:00"] * 2
    assert [s["due"] for s in first["network"]] == ["2026-12-01", "2026-12-01"]
    assert first["follow-up"][0]["due"] == "2026-12-04"  # Friday + 5 business days skips the weekend
    assert first["memory-dump"][0]["due"] == "2026-11-27"
    assert "contact-details" not in first
    assert second["contact-details"][0]["person"] == "Ann Smith"
    assert second["follow-up"][0]["due"] == "2026-12-08"  # decision Friday 4 Dec + 2 business days
    assert second["momentum"][0]["due"] == "2026-12-04"  # 7 days from the day it was logged (27 Nov)


def test_todo_json_is_ordered_by_due_date(cli: Callable[..., Result], two_interviews: object) -> None:
    steps = cli("todo", "--json").json()
    keys = [(s["due"] if "T" in s["due"] else s["due"] + "T23:59:59.999999+01:00") for s in steps]
    assert keys == sorted(keys)
    assert {s["state"] for s in steps} == {"pending"}
    assert set(steps[0]) >= {
        "id",
        "interview_id",
        "company",
        "kind",
        "title",
        "person",
        "due",
        "state",
        "overdue",
    }
    assert steps[0]["overdue"] is True  # Ann's contact details were due at the interview, yesterday


def test_done_removes_a_step_from_todo(cli: Callable[..., Result], two_interviews: object) -> None:
    before = [s["id"] for s in cli("todo", "--json").json()]
    result = cli("done", "1.2")
    assert result.code == 0
    assert "Done 1.2" in result.out
    after = [s["id"] for s in cli("todo", "--json").json()]
    assert after == [step_id for step_id in before if step_id != "1.2"]
    closed = next(s for s in cli("todo", "--all", "--json").json() if s["id"] == "1.2")
    assert closed["state"] == "done"


def test_unknown_step_id_exits_1_and_changes_nothing(
    cli: Callable[..., Result], two_interviews: object, store_file: Path
) -> None:
    before = store_file.read_bytes()
    for bad in (["9.9"], ["1.2", "1.99"], ["banana"], ["3.1"]):
        result = cli("done", *bad)
        assert result.code == 1, bad
        assert "Traceback" not in result.err
        assert store_file.read_bytes() == before


def test_skip_keeps_the_reason(cli: Callable[..., Result], two_interviews: object) -> None:
    assert cli("skip", "1.4", "--reason", "already connected").code == 0
    step = next(s for s in cli("todo", "1", "--all", "--json").json() if s["id"] == "1.4")
    assert (step["state"], step["note"]) == ("skipped", "already connected")


def test_done_twice_says_so_and_writes_nothing(
    cli: Callable[..., Result], two_interviews: object, store_file: Path
) -> None:
    assert cli("done", "1.1").code == 0
    before = store_file.read_bytes()
    result = cli("done", "1.1")
    assert result.code == 0
    assert "already closed" in result.out
    assert store_file.read_bytes() == before


def test_todo_for_one_interview(cli: Callable[..., Result], two_interviews: object) -> None:
    assert {s["interview_id"] for s in cli("todo", "2", "--json").json()} == {2}
    assert cli("todo", "5").code == 1


def test_todo_human_output_marks_overdue_and_names_the_company(
    cli: Callable[..., Result], two_interviews: object
) -> None:
    out = cli("todo").out
    first = out.splitlines()[0]
    assert first.startswith("2.")
    assert "OVERDUE" in first
    assert "[Globex]" in first
    assert "\x1b[" not in out


def test_todo_with_nothing_pending_suggests_log_on_stderr(cli: Callable[..., Result]) -> None:
    """The empty state is a hint, not a result: ``todo | wc -l`` counts 0."""
    result = cli("todo")
    assert result.code == 0
    assert result.out == ""
    assert "afterview log" in result.err


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        (
            "Send Jane a note (afterview draft-thanks 2)  [Acme]",
            40,
            ["Send Jane a note ", "(afterview draft-thanks 2)  [Acme]"],
        ),
        ("Write it down (afterview remember 3)", 30, ["Write it down ", "(afterview remember 3)"]),
        ("short", 10, ["short"]),
        ("a " + "x" * 25, 10, ["a ", "xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"]),
    ],
)
def test_a_title_wraps_between_words_and_never_inside_a_command(
    text: str, width: int, lines: list[str]
) -> None:
    from itertools import pairwise

    from afterview.render.steplist import breaks

    offsets = [0, *breaks(text, width), len(text)]
    assert [text[start:end] for start, end in pairwise(offsets)] == lines
