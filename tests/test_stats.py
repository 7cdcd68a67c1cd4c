"""``afterview stats``: funnel, time to an answer, momentum, thank-you habit and weak questions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from afterview.domain.stats import compute
from afterview.models.enums import Rating, Status, StepKind, StepState
from afterview.models.records import Debrief, Interview, Process, Question, StatusChange, Step
from afterview.render.stats import bar, sparkline
from tests.helpers import Result, make_interview

TZ = dt.timezone(dt.timedelta(hours=1))
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=TZ)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=TZ)


def thank_you(interview_id: int, n: int, *, done_at: str | None = None, state: str = "pending") -> Step:
    return Step(
        id=f"{interview_id}.{n}",
        kind=StepKind.THANK_YOU,
        key=f"thank-you:{n}",
        title="Send a thank-you note",
        due=NOW,
        state=StepState(state),
        done_at=at(done_at) if done_at else None,
    )


def interview(
    interview_id: int,
    when: str,
    *,
    history: tuple[tuple[str, str], ...] = (),
    steps: tuple[Step, ...] = (),
    weak: tuple[str, ...] = (),
    process: Process | None = None,
) -> Interview:
    """Interview ``interview_id``, a process of its own ("Company N") unless ``process`` names one."""
    return make_interview(
        id=interview_id,
        company=f"Company {interview_id}",
        role="Engineer",
        at=at(when),
        history=[StatusChange(status=Status(s), on=dt.date.fromisoformat(on)) for s, on in history],
        process=process,
        steps=list(steps),
        debrief=Debrief(
            questions=[Question(question=q, rating=Rating.WEAK) for q in weak]
            + [Question(question="Why us?", rating=Rating.STRONG)]
        )
        if weak
        else None,
        created_at=NOW,
        updated_at=NOW,
    )


def fixture() -> list[Interview]:
    """Five processes: one with three rounds that ended in an offer, one rejected, one you withdrew from,
    two waiting (one for longer than the benchmark)."""
    first = interview(
        1,
        "2026-10-01T10:00",
        history=(("next-round", "2026-10-08"), ("next-round", "2026-10-15"), ("offer", "2026-10-20")),
        steps=(
            thank_you(1, 1, done_at="2026-10-01T18:00", state="done"),
            thank_you(1, 2, done_at="2026-10-03T09:00", state="done"),
        ),
        weak=("Tell me about a conflict?",),
    )
    return [
        first,
        interview(
            2,
            "2026-10-05T10:00",
            history=(("rejected", "2026-10-26"),),
            steps=(thank_you(2, 1), thank_you(2, 2, state="skipped")),
            weak=("tell me about a   CONFLICT", "Design a rate limiter"),
        ),
        interview(3, "2026-11-27T10:00", steps=(thank_you(3, 1),)),
        interview(4, "2026-09-01T10:00"),
        interview(
            5,
            "2026-11-02T10:00",
            history=(("withdrawn", "2026-11-12"),),
            steps=(thank_you(5, 1, done_at="2026-11-02T20:00", state="done"),),
        ),
        interview(6, "2026-10-09T10:00", process=first.process),
        interview(7, "2026-10-16T10:00", process=first.process),
    ]


@pytest.fixture
def known(cli: Callable[..., Result]) -> None:
    """The fixture above, written through the store protocol."""
    from afterview.actions import session

    interviews = fixture()
    with session.open_store().transaction() as document:
        document.processes.extend({i.process.id: i.process for i in interviews}.values())
        document.interviews.extend(interviews)
        document.next_id, document.next_process_id = 8, 6


def test_stats_json_on_a_known_fixture(cli: Callable[..., Result], known: None) -> None:
    result = cli("stats", "--json")
    assert result.code == 0, result.err
    data: dict[str, Any] = result.json()
    assert data["funnel"] == {
        "processes": 5,
        "interviews": 7,
        "next_round": 1,
        "offers": 1,
        "accepted": 0,
        "next_round_rate": 0.2,
        "offer_rate": 0.2,
        "rounds_per_process": 1.4,
    }
    assert (data["processes"], data["interviews"]) == (5, 7)
    assert (data["outcomes"]["waiting"], data["outcomes"]["withdrawn"]) == (2, 1)
    answers = data["time_to_answer"]
    assert answers["answered"] == 4  # your withdrawal from Company 5 is not an answer
    assert answers["median_days"] == 6.5  # 7, 6 and 4 days for Company 1's three rounds; 21 for Company 2
    assert answers["mean_days"] == 9.5
    assert answers["benchmark_days"] == 38
    assert answers["waiting_past_benchmark"] == 1  # interview 4, 87 days
    assert data["thank_you"] == {
        "on_time": 2,
        "late": 1,
        "missed": 1,
        "on_time_share": 0.5,
        "within_hours": 24,
    }
    assert data["weak_questions"] == [
        {"question": "Tell me about a conflict?", "count": 2, "interviews": [1, 2]},
        {"question": "Design a rate limiter", "count": 1, "interviews": [2]},
    ]
    weeks = data["per_week"]
    assert len(weeks) == 12
    assert weeks[-1] == {"week": "2026-W48", "start": "2026-11-23", "interviews": 1}
    assert sum(week["interviews"] for week in weeks) == 6  # interview 4 is older than 12 weeks


def test_since_limits_every_figure(cli: Callable[..., Result], known: None) -> None:
    data = cli("stats", "--since", "2026-10-03", "--json").json()
    assert data["since"] == "2026-10-03"
    assert (data["funnel"]["processes"], data["funnel"]["interviews"]) == (3, 3)  # Company 1 began before
    assert data["funnel"]["next_round"] == 0
    assert data["funnel"]["offers"] == 0
    assert data["time_to_answer"]["median_days"] == 21
    assert data["per_week"][0]["start"] == "2026-09-28"


def test_stats_terminal_report(cli: Callable[..., Result], known: None) -> None:
    result = cli("stats")
    assert result.code == 0, result.err
    out = result.out
    assert "Your applications (all time): 5 processes, 7 interviews (1.4 rounds per process)" in out
    assert "Next round" in out
    assert "20%" in out
    assert "6.5 days (4 answered, faster than the benchmark)" in out
    assert "1 still waiting after more than 38 days" in out
    assert "50% (2 on time, 1 late, 1 not sent)" in out
    assert "1. Tell me about a conflict? (2 times; interview 1, 2)" in out
    assert "█" in out
    assert any(char in out for char in "▁▂▃▄▅▆▇")


def test_stats_on_an_empty_store(cli: Callable[..., Result]) -> None:
    result = cli("stats")
    assert result.code == 0
    assert "Nothing to count yet" in result.out
    data = cli("stats", "--json").json()
    assert data["funnel"]["next_round_rate"] is None
    assert data["time_to_answer"]["median_days"] is None
    assert data["thank_you"]["on_time_share"] is None


def test_bad_since_is_a_clear_error(cli: Callable[..., Result]) -> None:
    result = cli("stats", "--since", "03/04/2026")
    assert result.code == 1
    assert "YYYY-MM-DD" in result.err


def test_compute_counts_a_thank_you_as_on_time_at_exactly_24_hours() -> None:
    item = interview(
        1, "2026-11-01T10:00", steps=(thank_you(1, 1, done_at="2026-11-02T10:00", state="done"),)
    )
    assert compute([item], now=NOW, tz=TZ).thank_yous.on_time == 1


def test_a_thank_you_afterview_closed_unsent_after_it_was_due_counts_as_not_sent() -> None:
    """An accepted offer elsewhere closed three notes two days after they were due: "not sent", never
    "None due yet". One you skipped yourself, or one closed before it was due, is not counted."""
    closed_late = thank_you(1, 1, done_at="2026-11-04T10:00").model_copy(
        update={"state": StepState.SKIPPED, "closed_automatically": True}
    )
    closed_early = thank_you(1, 2, done_at="2026-11-01T18:00").model_copy(
        update={"state": StepState.SKIPPED, "closed_automatically": True}
    )
    skipped = thank_you(1, 3, done_at="2026-11-04T10:00", state="skipped")
    item = interview(1, "2026-11-01T10:00", steps=(closed_late, closed_early, skipped))
    counted = compute([item], now=NOW, tz=TZ).thank_yous
    assert (counted.on_time, counted.late, counted.missed) == (0, 0, 0)  # its process is still open
    ended = item.process.model_copy(
        update={"history": [StatusChange(status=Status.ACCEPTED, on=dt.date(2026, 11, 4))]}
    )
    after_end = interview(1, "2026-11-01T10:00", steps=tuple(item.steps), process=ended)
    counted = compute([after_end], now=NOW, tz=TZ).thank_yous
    assert (counted.on_time, counted.late, counted.missed) == (0, 0, 1)


@pytest.mark.parametrize(
    ("value", "maximum", "expected"),
    [(0, 10, ""), (10, 10, "█" * 30), (5, 10, "█" * 15), (1, 16, "█▉"), (3, 0, "")],
)
def test_bar(value: float, maximum: float, expected: str) -> None:
    assert bar(value, maximum=maximum) == expected


def test_sparkline() -> None:
    assert sparkline([0, 0]) == "▁▁"
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"


def test_momentum_line_fits_a_terminal(cli: Callable[..., Result], known: None) -> None:
    out = cli("stats", "--since", "2020-01-01").out
    line = next(line for line in out.splitlines() if "this week" in line)
    assert len(line.split()[0]) == 13  # from the week of the first interview, not from 2020
    assert "7 in 13 weeks (0.5 a week)" in line


def test_momentum_starts_with_the_first_interview(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    """No empty weeks before the search began: one interview last week gives two weeks, not twelve."""
    log("--at", "2026-11-18T10:00")
    weeks = cli("stats", "--json").json()["per_week"]
    assert [(w["start"], w["interviews"]) for w in weeks] == [("2026-11-16", 1), ("2026-11-23", 0)]
    assert [w["start"] for w in cli("stats", "--since", "2020-01-01", "--json").json()["per_week"]] == [
        "2026-11-16",
        "2026-11-23",
    ]


def test_one_day_to_an_answer_is_singular(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log("--at", "yesterday 10:00")
    assert cli("outcome", "1", "rejected").code == 0
    out = cli("stats").out
    assert "Median" in out
    assert " 1 day (" in out
    assert "1 days" not in out


def test_one_process_reads_in_the_singular(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]]
) -> None:
    log()
    out = cli("stats").out
    assert "1 process, 1 interview (1 round per process)" in out
    assert "afterview outcome ID" in out  # no answers yet: says how to record one
