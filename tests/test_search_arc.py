"""The whole arc of a search (issue 26): after a no, after a yes, before the next round, and the hint that
does the step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from afterview.domain import endings
from afterview.domain.hints import step_command
from afterview.errors import UserError
from afterview.models.enums import StepKind
from tests.helpers import Result, finish, posix_only, terminal

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]

PANEL = ("--interviewer", "Priya Raman <priya@acme.com>", "--interviewer", "Tom Berg <tom@acme.com>")


def steps_of(cli: Cli, interview_id: int) -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = cli("show", str(interview_id), "--json").json()["steps"]
    return steps


def test_a_rejection_keeps_the_memory_dump_and_both_network_steps_and_adds_a_reply(
    cli: Cli, log: Log, profile: None
) -> None:
    log(*PANEL, "--at", "yesterday 10:00")
    result = cli("outcome", "1", "rejected")
    assert result.code == 0, result.err
    steps = steps_of(cli, 1)
    pending = {(s["kind"], s["person"]) for s in steps if s["state"] == "pending"}
    assert ("memory-dump", None) in pending
    assert ("network", "Priya Raman") in pending
    assert ("network", "Tom Berg") in pending
    replies = [s for s in steps if s["kind"] == "rejection-reply"]
    assert [(r["state"], r["due"]) for r in replies] == [("pending", "2026-11-27")]
    assert "afterview draft rejection-reply 1" in replies[0]["title"]
    assert {s["state"] for s in steps if s["kind"] in ("follow-up", "thank-you")} == {"skipped"}

    draft = cli("draft", "rejection-reply", "1")
    assert draft.code == 0, draft.err
    assert "Thank you for letting me know" in draft.out
    assert "feedback" in draft.out
    assert "future openings at Acme" in draft.out

    sent = cli("draft", "rejection-reply", "1", "--sent")
    assert sent.code == 0, sent.err
    assert {s["state"] for s in steps_of(cli, 1) if s["kind"] == "rejection-reply"} == {"done"}


def test_reapply_in_six_months_adds_a_reconnect_step_six_months_after_the_rejection(
    cli: Cli, log: Log, profile: None
) -> None:
    log(*PANEL, "--at", "yesterday 10:00")
    result = cli("outcome", "1", "rejected", "--reapply-in", "6m", "--feedback", "more depth on SQL")
    assert result.code == 0, result.err
    reconnect = [s for s in steps_of(cli, 1) if s["kind"] == "reconnect"]
    assert [(s["due"], s["state"]) for s in reconnect] == [("2027-05-27", "pending")]
    assert "afterview draft reconnect 1" in reconnect[0]["title"]
    process = cli("show", "P1", "--json").json()
    assert process["feedback"] == "more depth on SQL"
    assert process["reconnect_on"] == "2027-05-27"
    draft = cli("draft", "reconnect", "1")
    assert draft.code == 0, draft.err
    assert "get back in touch" in draft.out


def test_withdrawn_and_no_response_keep_the_network_steps_too(cli: Cli, log: Log) -> None:
    log(*PANEL, "--at", "yesterday 10:00")
    log(*PANEL, "--at", "yesterday 11:00", company="Beta")
    assert cli("outcome", "1", "withdrawn").code == 0
    assert cli("outcome", "2", "no-response").code == 0
    for interview_id in (1, 2):
        steps = steps_of(cli, interview_id)
        assert {s["state"] for s in steps if s["kind"] == "network"} == {"pending"}
        assert not [s for s in steps if s["kind"] == "rejection-reply"]


def test_feedback_later_is_kept_and_prep_shows_it(cli: Cli, log: Log) -> None:
    log(*PANEL, "--at", "yesterday 10:00")
    assert cli("outcome", "1", "next-round", "--at", "2026-12-03 10:00").code == 0
    result = cli("feedback", "P1", "Great on design; go deeper on SQL next time")
    assert result.code == 0, result.err
    assert "Feedback kept for P1" in result.out
    shown = cli("prep", "Acme")
    assert "Great on design; go deeper on SQL next time" in shown.out


def test_reapply_in_is_refused_for_an_open_outcome_and_a_past_date(cli: Cli, log: Log) -> None:
    log()
    refused = cli("outcome", "1", "offer", "--reapply-in", "6m")
    assert refused.code == 1
    assert "--reapply-in is for an ended process" in refused.err
    past = cli("outcome", "1", "rejected", "--reapply-in", "2026-01-01")
    assert past.code == 1
    assert "is not after the outcome" in past.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6m", dt.date(2027, 5, 30)),
        ("6 months", dt.date(2027, 5, 30)),
        ("1y", dt.date(2027, 11, 30)),
        ("12w", dt.date(2027, 2, 22)),
        ("2027-03-01", dt.date(2027, 3, 1)),
    ],
)
def test_reconnect_dates_are_periods_after_the_outcome_or_dates(text: str, expected: dt.date) -> None:
    start = dt.date(2026, 11, 30)
    assert endings.reconnect_date(text, start=start, today=start) == expected


def test_a_month_later_than_the_31st_is_the_end_of_the_shorter_month() -> None:
    assert endings.add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


def test_a_reconnect_date_that_reads_as_nothing_is_refused() -> None:
    with pytest.raises(UserError, match="neither a period nor a date"):
        endings.reconnect_date("someday", start=dt.date(2026, 11, 30), today=dt.date(2026, 11, 30))


def test_accepting_closes_the_decision_as_done_and_each_told_reference_gets_one_update(
    cli: Cli, log: Log, profile: None
) -> None:
    assert cli("ref", "add", "Katrin Vogel", "--email", "katrin@example.com").code == 0
    assert cli("ref", "add", "Ben Ode", "--email", "ben@example.com").code == 0
    log("--references", "--at", "yesterday 10:00", company="Brightwave")
    log("--references", "--at", "yesterday 14:00", company="Lumen AG")
    told = [s["id"] for s in cli("todo", "--json").json() if s["kind"] == "reference"]
    assert len(told) == 4  # both references, told about both processes
    assert cli("done", *told).code == 0
    assert cli("outcome", "1", "rejected").code == 0  # Brightwave ended otherwise
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04").code == 0
    result = cli("outcome", "2", "accepted")
    assert result.code == 0, result.err

    steps = steps_of(cli, 2)
    assert [s["state"] for s in steps if s["kind"] == "decide-offer"] == ["done"]
    updates = [s for s in cli("todo", "--json").json() if s["kind"] == "reference-update"]
    names = sorted(s["title"].split(" you accepted")[0] for s in updates)
    assert names == ["Tell Ben Ode", "Tell Katrin Vogel"]
    assert {s["interview_id"] for s in updates} == {2}
    assert all("an offer at Lumen AG" in s["title"] for s in updates)

    draft = cli("draft", "reference-update", "2", "--ref", "Katrin")
    assert draft.code == 0, draft.err
    assert "To: Katrin Vogel <katrin@example.com>" in draft.out
    assert "I have accepted an offer for the Staff Engineer position at Lumen AG" in draft.out
    assert "Hi Katrin," in draft.out


def test_a_reference_told_about_nothing_gets_no_update(cli: Cli, log: Log) -> None:
    assert cli("ref", "add", "Katrin Vogel", "--email", "katrin@example.com").code == 0
    log("--at", "yesterday 10:00")
    assert cli("outcome", "1", "accepted").code == 0
    assert not [s for s in steps_of(cli, 1) if s["kind"] == "reference-update"]


def test_the_search_gets_a_summary_after_accepting(cli: Cli, log: Log) -> None:
    log("--at", "2026-11-02 10:00", company="Brightwave")
    log("--at", "2026-11-20 10:00", company="Lumen AG")
    assert cli("outcome", "2", "next-round", "--at", "2026-11-25 10:00").code == 0
    assert cli("outcome", "2", "offer").code == 0
    assert cli("outcome", "2", "accepted").code == 0
    shown = cli("show", "P2")
    assert "Your search" in shown.out
    assert "2 processes, 3 interviews, 1 offer" in shown.out
    search = cli("stats", "--json").json()["search"]
    assert (search["company"], search["processes"], search["interviews"], search["offers"]) == (
        "Lumen AG",
        2,
        3,
        1,
    )
    assert search["accepted_on"] == "2026-11-27"
    assert cli("show", "P2", "--json").json()["search"] == search


def test_prep_before_a_second_round_names_its_time_interviewers_and_round_one_questions(
    cli: Cli, log: Log, tmp_path: Any
) -> None:
    log("--interviewer", "Priya Raman <priya@acme.com>", "--at", "yesterday 10:00")
    debrief = tmp_path / "debrief.md"
    debrief.write_text(
        "## Questions\n### Question: How would you shard a time-series store?\n#### Rating: weak\n"
        "## What went well\n## What to improve\n## Topics for the thank-you note\n"
        "## Questions I asked them\n## Notes\n",
        encoding="utf-8",
    )
    assert cli("remember", "1", "--from", str(debrief), "--no-input").code == 0
    result = cli(
        "outcome", "1", "next-round", "--at", "2026-12-02 09:30", "--tz", "America/New_York",
        "--location", "https://meet.example/acme",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert cli("interviewer", "2", "Priya Raman <priya@acme.com>").code == 0
    assert cli("interviewer", "2", "Ola Berg <ola@acme.com>").code == 0

    shown = cli("prep", "Acme")
    assert shown.code == 0, shown.err
    assert "Next interview: Acme · Staff Engineer, round 2" in shown.out
    assert "Wed 02 Dec 2026, 15:30 your time (09:30 in America/New_York)" in shown.out
    assert "https://meet.example/acme" in shown.out
    assert "Priya Raman · you met them before: 26 Nov (#1)" in shown.out
    assert "With: Ola Berg" in shown.out
    assert "How would you shard a time-series store?" in shown.out


def test_prep_before_a_first_round_shows_the_interview_and_the_weakest_questions_anywhere(
    cli: Cli, log: Log, tmp_path: Any
) -> None:
    log("--at", "yesterday 10:00", company="Globex")
    debrief = tmp_path / "debrief.md"
    debrief.write_text(
        "## Questions\n### Question: Why do you leave your job?\n#### Rating: weak\n"
        "### Question: Tell me about yourself\n#### Rating: strong\n"
        "## What went well\n## What to improve\n## Topics for the thank-you note\n"
        "## Questions I asked them\n## Notes\n",
        encoding="utf-8",
    )
    assert cli("remember", "1", "--from", str(debrief), "--no-input").code == 0
    log("--at", "2026-12-01 14:00", company="Initech")
    shown = cli("prep", "Initech")
    assert "No debriefs yet" not in shown.out
    assert "Next interview: Initech · Staff Engineer, round 1" in shown.out
    assert "Your weakest questions so far:" in shown.out
    assert "Why do you leave your job?" in shown.out
    assert "Tell me about yourself" not in shown.out


@pytest.mark.parametrize(
    ("kind", "command"),
    [
        (StepKind.FOLLOW_UP, "afterview draft follow-up 2"),
        (StepKind.THANK_YOU, "afterview draft-thanks 2"),
        (StepKind.WITHDRAW, "afterview draft withdraw 2"),
        (StepKind.REFERENCE_UPDATE, "afterview draft reference-update 2"),
        (StepKind.PREP, "afterview prep 'Lumen AG'"),
        (StepKind.NETWORK, "afterview done 2.4"),
        (StepKind.MOMENTUM, "afterview done 2.4"),
    ],
)
def test_a_step_that_needs_a_message_suggests_its_draft(kind: StepKind, command: str) -> None:
    found = step_command(kind=kind.value, step_id="2.4", interview_id=2, company="Lumen AG", person="Ann")
    assert found == command


def test_todo_s_footer_suggests_the_first_step_s_command(cli: Cli, log: Log) -> None:
    log("--at", "2026-11-10 10:00")
    pending = cli("todo", "--json").json()
    assert cli("done", *[s["id"] for s in pending if s["kind"] != "follow-up"]).code == 0
    follow_up = cli("todo")
    assert "Next: afterview draft follow-up 1" in follow_up.err


@posix_only
def test_bare_afterview_with_a_due_check_in_suggests_its_draft(cli: Cli, log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "2026-11-10 10:00")
    pending = cli("todo", "--json").json()
    assert cli("done", *[s["id"] for s in pending if s["kind"] != "follow-up"]).code == 0
    child = terminal()
    child.expect_exact("Check in with Acme")
    child.expect_exact("Next: afterview draft follow-up 1")
    assert finish(child) == 0


def test_a_step_due_at_once_is_never_overdue_when_it_appears_across_zones(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A New York interview rejected at 00:45 in Berlin (still yesterday in New York): the reply step is due
    by the end of your today, not already overdue ("at once" is never in the past)."""
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-03T20:00:00+01:00")
    logged = cli(
        "log", "--company", "Brightwave", "--role", "SRE", "--at", "2026-12-03 15:00",
        "--tz", "America/New_York", "--interviewer", "Priya Raman <priya@brightwave.example>", "--no-input",
    )  # fmt: skip
    assert logged.code == 0, logged.err
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-04T00:45:00+01:00")
    assert cli("outcome", "1", "rejected", "--no-input").code == 0
    steps = cli("todo", "--json").json()
    reply = next(step for step in steps if step["kind"] == "rejection-reply")
    assert reply["overdue"] is False
    assert reply["due"] >= "2026-12-04"
