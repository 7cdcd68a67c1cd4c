"""Bugs found by using afterview as a user would: drafts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


def _step(interview: dict[str, Any], kind: str) -> str:
    return next(str(s["id"]) for s in interview["steps"] if s["kind"] == kind)


def test_a_skipped_follow_up_is_not_quoted_as_sent_in_the_nudge(cli: Cli, log: Log, profile: None) -> None:
    interview = log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "2026-11-20T10:00")
    assert cli("skip", _step(interview, "follow-up"), "--reason", "they called me").code == 0
    result = cli("draft", "nudge", "1")
    assert result.code == 0, result.err
    assert "my note of Friday 27 November" not in result.out
    assert "[add when you sent your first follow-up]" in result.out
    assert "No follow-up is marked sent" in result.err


def test_a_done_follow_up_is_quoted_in_the_nudge(cli: Cli, log: Log, profile: None) -> None:
    interview = log("--interviewer", "Jane Doe <jane@acme.com>", "--at", "2026-11-20T10:00")
    assert cli("done", _step(interview, "follow-up")).code == 0
    assert "my note of Friday 27 November" in cli("draft", "nudge", "1").out


def test_to_an_exact_name_writes_to_that_interviewer_only(cli: Cli, log: Log, profile: None) -> None:
    log("--interviewer", "Ann <ann@acme.com>", "--interviewer", "Ann Lee <lee@acme.com>")
    result = cli("draft-thanks", "1", "--to", "ann", "--sent")
    assert result.code == 0, result.err
    assert "Dear Ann," in result.out
    assert "Ann Lee" not in result.out
    steps = {
        s["person"]: s["state"]
        for s in cli("show", "1", "--json").json()["steps"]
        if s["kind"] == "thank-you"
    }
    assert steps == {"Ann": "done", "Ann Lee": "pending"}


def test_to_part_of_a_name_still_matches_everyone_it_fits(cli: Cli, log: Log, profile: None) -> None:
    log("--interviewer", "Ann Smith <ann@acme.com>", "--interviewer", "Ann Lee <lee@acme.com>")
    result = cli("draft-thanks", "1", "--to", "ann")
    assert "Dear Ann Smith," in result.out
    assert "Dear Ann Lee," in result.out


def test_ref_with_an_exact_name_drafts_to_that_reference_only(cli: Cli, log: Log, profile: None) -> None:
    assert cli("ref", "add", "Jo", "--email", "jo@example.com").code == 0
    assert cli("ref", "add", "Joanne Park", "--email", "joanne@example.com").code == 0
    log("--references", "--interviewer", "Jane Doe <jane@acme.com>")
    result = cli("draft", "reference", "1", "--ref", "jo")
    assert result.code == 0, result.err
    assert "To: Jo <jo@example.com>" in result.out
    assert "Joanne" not in result.out
