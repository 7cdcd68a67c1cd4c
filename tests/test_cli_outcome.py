"""``afterview outcome``: history, closing steps with the reason, competing offers, linked next rounds."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, afterview_command

Log = Callable[..., dict[str, Any]]
Cli = Callable[..., Result]


def test_rejected_closes_the_waiting_steps_and_todo_all_says_why(cli: Cli, log: Log) -> None:
    log(company="Acme")
    log(company="Beta")
    result = cli("outcome", "1", "rejected", "--note", "went with an internal candidate")
    assert result.code == 0, result.err
    assert "P1 (Acme · Staff Engineer): rejected, today" in result.out
    assert "process ended: rejected" in result.out
    pending = cli("todo", "--json").json()
    assert pending
    assert {s["kind"] for s in pending if s["interview_id"] == 1} == {"memory-dump", "rejection-reply"}
    everything = cli("todo", "--json", "--all").json()
    closed = [
        s
        for s in everything
        if s["interview_id"] == 1 and s["state"] != "pending" and s["kind"] != "momentum"
    ]
    assert closed
    assert {(s["state"], s["note"]) for s in closed} == {("skipped", "process ended: rejected")}
    assert "skipped (process ended: rejected)" in cli("todo", "1", "--all").out


def test_history_is_kept_and_shown(cli: Cli, log: Log) -> None:
    log()
    assert cli("outcome", "1", "next-round", "--on", "yesterday", "--no-input").code == 0
    assert cli("outcome", "1", "offer", "--deadline", "2026-12-04").code == 0
    history = cli("show", "1", "--json").json()["history"]
    assert [(h["status"], h["on"], h["deadline"]) for h in history] == [
        ("next-round", "2026-11-26", None),
        ("offer", "2026-11-27", "2026-12-04"),
    ]
    shown = cli("show", "1").out
    assert "2026-11-26 next-round" in shown
    assert "2026-11-27 offer, deadline 2026-12-04" in shown


def test_offer_on_a_tells_b_and_c_and_closes_a_follow_ups(cli: Cli, log: Log) -> None:
    for company in ("Acme", "Beta", "Gamma"):
        log(company=company)
    result = cli("outcome", "1", "offer", "--deadline", "next friday")
    assert result.code == 0, result.err
    notices = [s for s in cli("todo", "--json").json() if s["kind"] == "offer-notice"]
    assert [(n["company"], n["title"], n["due"], n["overdue"]) for n in notices] == [
        ("Beta", "Tell Beta you have an offer from Acme (deadline Fri 4 Dec)", "2026-11-27", False),
        ("Gamma", "Tell Gamma you have an offer from Acme (deadline Fri 4 Dec)", "2026-11-27", False),
    ]
    acme = cli("show", "1", "--json").json()["steps"]
    waiting = [s for s in acme if s["kind"] in ("follow-up", "close-out")]
    assert {(s["state"], s["note"]) for s in waiting} == {("skipped", "you have their offer")}
    assert "Tell Beta you have an offer from Acme" in result.out


def test_declining_the_offer_closes_the_notices(cli: Cli, log: Log) -> None:
    log(company="Acme")
    log(company="Beta")
    assert cli("outcome", "1", "offer").code == 0
    assert cli("outcome", "1", "withdrawn", "--note", "declined").code == 0
    notice = next(s for s in cli("todo", "--json", "--all").json() if s["kind"] == "offer-notice")
    assert (notice["state"], notice["note"]) == ("skipped", "that offer is no longer open")


def test_next_round_logs_the_next_interview_linked_to_the_process(cli: Cli, log: Log) -> None:
    log("--stage", "screen", "--interviewer", "Jane Doe <jane@acme.com>")
    result = cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input")
    assert result.code == 0, result.err
    assert "Logged interview 2: Acme · Staff Engineer" in result.out
    second = cli("show", "2", "--json").json()
    assert (second["company"], second["role"], second["stage"], second["at"]) == (
        "Acme",
        "Staff Engineer",
        "technical",
        "2026-12-01T10:00:00+01:00",
    )
    first = cli("show", "1", "--json").json()
    follow_up = next(s for s in first["steps"] if s["kind"] == "follow-up")
    assert (follow_up["state"], follow_up["note"]) == ("skipped", "moved to the next round")
    thanks = next(s for s in first["steps"] if s["kind"] == "thank-you")
    assert thanks["state"] == "pending"
    # The process ends in round 2: round 1's waiting steps and notes close too; what is worth doing after
    # a no (the memory dump, the network, a reply asking for feedback) stays.
    assert cli("outcome", "2", "rejected").code == 0
    left = {s["kind"] for s in cli("todo", "--json").json() if s["company"] == "Acme"}
    assert left <= {"momentum", "memory-dump", "network", "contact-details", "rejection-reply"}
    assert {"momentum", "rejection-reply"} <= left
    thanks = next(s for s in cli("show", "1", "--json").json()["steps"] if s["kind"] == "thank-you")
    assert thanks["note"] == "process ended: rejected"


def test_next_round_without_a_date_says_how_to_log_it_later(cli: Cli, log: Log) -> None:
    log()
    result = cli("outcome", "1", "next-round", "--no-input")
    assert result.code == 0
    assert "afterview outcome P1 next-round --at" in result.err
    later = cli("outcome", "1", "next-round", "--at", "2026-12-02T09:00", "--no-input")
    assert later.code == 0, later.err
    assert "Logged interview 2" in later.out
    assert len(cli("show", "1", "--json").json()["history"]) == 1
    again = cli("outcome", "1", "next-round", "--at", "2026-12-03T09:00", "--no-input")
    assert again.code == 1
    assert "Interview 2 is already the next round of Acme" in again.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rejected", "--on", "13/14/2026"), "--on: '13/14/2026' is ambiguous"),
        (("rejected", "--on", "next blursday"), "Cannot read"),
        (("offer", "--deadline", "13/14/2026"), "--deadline: '13/14/2026' is ambiguous"),
        (("rejected", "--deadline", "friday"), "--deadline is for offers"),
        (("waiting",), "not an outcome"),
        (("hired",), "not an outcome"),
        (("rejected", "--on", "tomorrow"), "future"),
        (("offer", "--at", "tuesday"), "for next-round"),
    ],
)
def test_bad_outcome_input_is_exit_1_with_the_store_unchanged(
    cli: Cli, log: Log, store_file: Path, args: tuple[str, ...], message: str
) -> None:
    log()
    before = store_file.read_bytes()
    result = cli("outcome", "1", *args)
    assert result.code == 1, result.out
    assert message in result.err
    assert "Traceback" not in result.err
    assert store_file.read_bytes() == before


def test_the_same_outcome_twice_changes_nothing(cli: Cli, log: Log, store_file: Path) -> None:
    log()
    assert cli("outcome", "1", "rejected").code == 0
    before = store_file.read_bytes()
    result = cli("outcome", "1", "rejected")
    assert result.code == 0
    assert "already rejected" in result.out
    assert store_file.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX terminal")
def test_next_round_on_a_terminal_asks_when_it_is(log: Log, home: Path, cli: Cli, store_file: Path) -> None:
    """The time typed at the prompt is the next round's time: Tuesday after Friday 27 November, 10:00."""
    import pexpect

    log()
    child = pexpect.spawn(
        afterview_command()[0],
        ["outcome", "1", "next-round"],
        env={**os.environ},
        encoding="utf-8",
        timeout=30,
    )
    child.expect("When is the next round")
    child.sendline("tuesday 10:00")
    child.expect("Logged interview 2: Acme")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    first, second = json.loads(store_file.read_bytes())["interviews"]
    assert (second["id"], second["process_id"]) == (2, first["process_id"])
    assert second["at"] == "2026-12-01T10:00:00+01:00"
    assert cli("show", "2", "--json").json()["at"] == "2026-12-01T10:00:00+01:00"


def test_a_new_offer_deadline_updates_the_notices(cli: Cli, log: Log) -> None:
    log(company="Acme")
    log(company="Beta")
    assert cli("outcome", "1", "offer", "--deadline", "2026-12-04").code == 0
    assert cli("outcome", "1", "offer", "--deadline", "2026-12-11").code == 0
    notice = next(s for s in cli("todo", "--json").json() if s["kind"] == "offer-notice")
    assert notice["title"] == "Tell Beta you have an offer from Acme (deadline Fri 11 Dec)"
    assert [h["deadline"] for h in cli("show", "1", "--json").json()["history"]] == [
        "2026-12-04",
        "2026-12-11",
    ]
    assert "already offer" in cli("outcome", "1", "offer", "--deadline", "2026-12-11").out


@pytest.mark.parametrize("first_stage", ["other", "screen", "final"])
def test_next_round_uses_the_stage_given(cli: Cli, log: Log, first_stage: str) -> None:
    log("--stage", first_stage)
    result = cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--stage", "onsite", "--no-input")
    assert result.code == 0, result.err
    assert cli("show", "2", "--json").json()["stage"] == "onsite"


@pytest.mark.parametrize(("first_stage", "next_stage"), [("other", "other"), ("screen", "technical")])
def test_next_round_without_a_stage_takes_the_next_one(
    cli: Cli, log: Log, first_stage: str, next_stage: str
) -> None:
    log("--stage", first_stage)
    assert cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input").code == 0
    assert cli("show", "2", "--json").json()["stage"] == next_stage


def test_a_future_round_is_not_called_fresh(cli: Cli, log: Log) -> None:
    log()
    result = cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input")
    assert result.code == 0, result.err
    assert "Next, while it is fresh" not in result.out
    assert "Before it: afterview prep Acme." in result.out


def test_three_processes_in_a_week_hold_one_momentum_step(cli: Cli, log: Log) -> None:
    for company in ("Acme", "Beta", "Gamma"):
        log(company=company)
    momentum = [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert [(s["company"], s["due"]) for s in momentum] == [("Gamma", "2026-12-04")]
    rolled = [s for s in cli("todo", "--json", "--all").json() if s["kind"] == "momentum"]
    assert {s["note"] for s in rolled if s["state"] == "skipped"} == {
        "the search's momentum moved to your newest process"
    }


def test_ticking_off_the_momentum_step_rolls_it_forward(cli: Cli, log: Log) -> None:
    log()
    (step,) = [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert cli("done", step["id"]).code == 0
    (rolled,) = [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert rolled["id"] != step["id"]
    assert rolled["due"] == "2026-12-04"  # seven days after it was done


def test_undoing_a_ticked_off_momentum_step_closes_the_rolled_one_saying_why(cli: Cli, log: Log) -> None:
    log()
    (step,) = [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert cli("done", step["id"]).code == 0
    assert cli("undo", step["id"]).code == 0
    momentum = [s for s in cli("todo", "--json", "--all").json() if s["kind"] == "momentum"]
    assert [s["id"] for s in momentum if s["state"] == "pending"] == [step["id"]]
    assert [s["note"] for s in momentum if s["state"] == "skipped"] == [
        "the earlier momentum step is open again"
    ]


def test_offer_then_accepted_gives_a_decide_step_then_withdraw_steps_and_no_momentum(
    cli: Cli, log: Log
) -> None:
    """The issue's must-show: an offer on A while B and C wait, then A accepted."""
    for company in ("Acme", "Beta", "Gamma"):
        log(company=company)
    result = cli("outcome", "1", "offer", "--deadline", "2026-12-04", "--note", "120k, remote")
    assert result.code == 0, result.err
    pending = cli("todo", "--json").json()
    (decide,) = [s for s in pending if s["kind"] == "decide-offer"]
    assert (decide["company"], decide["due"], decide["title"]) == (
        "Acme",
        "2026-12-04",
        "Decide on Acme's offer (deadline Fri 4 Dec)",
    )
    assert sorted(s["company"] for s in pending if s["kind"] == "offer-notice") == ["Beta", "Gamma"]
    accepted = cli("outcome", "P1", "accepted")
    assert accepted.code == 0, accepted.err
    assert "P2 (Beta · Staff Engineer): withdrawn." in accepted.out
    pending = cli("todo", "--json").json()
    withdraw = sorted((s["company"], s["due"]) for s in pending if s["kind"] == "withdraw")
    assert withdraw == [("Beta", "2026-11-27"), ("Gamma", "2026-11-27")]
    assert not [s for s in pending if s["kind"] in ("momentum", "decide-offer", "offer-notice")]
    assert not any(s["overdue"] for s in pending)
    process = cli("show", "P2", "--json").json()
    assert (process["status"], process["history"][-1]["cause"]) == ("withdrawn", 1)


def test_an_offer_without_a_deadline_is_decided_within_three_business_days(cli: Cli, log: Log) -> None:
    log()
    assert cli("outcome", "1", "offer").code == 0
    (decide,) = [s for s in cli("todo", "--json").json() if s["kind"] == "decide-offer"]
    assert decide["due"] == "2026-12-02"  # Friday 27 November + 3 business days


def test_show_takes_a_process_and_lists_its_rounds(cli: Cli, log: Log) -> None:
    log("--stage", "screen")
    assert cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input").code == 0
    shown = cli("show", "P1")
    assert shown.code == 0, shown.err
    assert "Process P1: Acme · Staff Engineer" in shown.out
    assert "Rounds:" in shown.out
    as_json = cli("show", "p1", "--json").json()
    assert (as_json["id"], as_json["rounds"], as_json["status"]) == ("P1", [1, 2], "next-round")
    assert [i["id"] for i in as_json["interviews"]] == [1, 2]
    missing = cli("show", "P9")
    assert (missing.code, "There is no process P9." in missing.err) == (1, True)


def test_next_round_takes_format_location_and_zone(cli: Cli, log: Log) -> None:
    log("--format", "video")
    result = cli(
        "outcome", "1", "next-round", "--at", "2026-12-01T10:00", "--format", "onsite",
        "--location", "1 Main St, New York", "--tz", "America/New_York", "--no-input",
    )  # fmt: skip
    assert result.code == 0, result.err
    second = cli("show", "2", "--json").json()
    assert (second["format"], second["location"], second["timezone"]) == (
        "onsite",
        "1 Main St, New York",
        "America/New_York",
    )
    assert second["at"] == "2026-12-01T10:00:00-05:00"  # read in the round's own zone


@pytest.mark.parametrize(
    ("zone", "now", "today"),
    [
        ("Asia/Tokyo", "2026-12-10T20:00:00+01:00", "Thu 10 Dec"),  # already Friday in Tokyo
        ("America/New_York", "2026-12-11T01:00:00+01:00", "Fri 11 Dec"),  # still Thursday in New York
    ],
)
def test_an_outcome_heard_today_is_dated_the_readers_today_whatever_the_rounds_zone(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, zone: str, now: str, today: str
) -> None:
    """The reader lives in Berlin. "today" for ``--on`` and the steps due at once (a reply to a rejection,
    telling other companies about an offer) are the reader's day, not the day in the round's zone."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-12-07T10:00:00+01:00")
    for company in ("Mercari", "Stripe"):
        logged = cli(
            "log", "--company", company, "--role", "PE", "--at", "2026-12-08T10:00", "--tz", zone,
            "--interviewer", "Wang Xiaoming <wang@example.com>", "--no-input",
        )  # fmt: skip
        assert logged.code == 0, logged.err
    monkeypatch.setenv("AFTERVIEW_NOW", now)
    rejected = cli("outcome", "1", "rejected", "--no-input")
    assert rejected.code == 0, rejected.err
    assert f"rejected, today, {today}." in rejected.out
    heard = dt.date.fromisoformat(now[:10])
    assert cli("show", "P1", "--json").json()["history"][-1]["on"] == heard.isoformat()
    reply = next(line for line in cli("todo").out.splitlines() if "Reply to Mercari" in line)
    assert f"today, {today}" in reply
    offer = cli("outcome", "2", "offer", "--deadline", "tomorrow", "--no-input")
    assert offer.code == 0, offer.err
    deadline = cli("show", "P2", "--json").json()["history"][-1]["deadline"]
    assert deadline == (heard + dt.timedelta(days=1)).isoformat()


def test_next_round_with_a_time_after_the_process_ended_changes_nothing(
    cli: Cli, log: Log, store_file: Path
) -> None:
    log()
    assert cli("outcome", "1", "rejected").code == 0
    before = store_file.read_bytes()
    result = cli("outcome", "1", "next-round", "--at", "tomorrow 10:00")
    assert result.code == 1
    assert "has ended (rejected)" in result.err
    assert store_file.read_bytes() == before
    assert cli("show", "P1", "--json").json()["status"] == "rejected"


def test_a_new_search_after_an_accepted_offer_gets_its_momentum_step_again(
    cli: Cli, log: Log, monkeypatch: pytest.MonkeyPatch
) -> None:
    log(company="Old Job")
    assert cli("outcome", "1", "accepted").code == 0
    assert [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"] == []
    log("--at", "2026-11-20T10:00", company="Logged late")  # happened before the acceptance
    assert [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"] == []
    monkeypatch.setenv("AFTERVIEW_NOW", "2027-10-04T09:00:00+02:00")  # a year later, a new search
    log("--at", "2027-10-04T08:00", company="New Co")
    momentum = [s for s in cli("todo", "--json").json() if s["kind"] == "momentum"]
    assert [(s["company"], s["due"]) for s in momentum] == [("New Co", "2027-10-11")]


@pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")
@pytest.mark.parametrize("outcome", ["rejected", "next-round"])
def test_nothing_is_asked_about_a_round_that_is_not_there(
    outcome: str, log: Callable[..., dict[str, Any]]
) -> None:
    from tests.helpers import finish, terminal

    log()
    child = terminal("outcome", "9", outcome)
    assert finish(child) == 1
    shown = child.logfile_read.getvalue()
    assert "There is no interview 9" in shown
    assert "?" not in shown.split("There is no interview 9")[0]  # no question came first
