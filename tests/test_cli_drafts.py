"""``draft-thanks``: one note per interviewer, written as the article says."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]


@pytest.mark.usefixtures("profile")
def test_one_note_per_interviewer_naming_person_company_role_and_signed(
    cli: Callable[..., Result], log: Log
) -> None:
    log("--interviewer", "Jane Doe, CTO <jane@acme.com>", "--interviewer", "Bob Roe <bob@acme.com>")
    notes = cli("draft-thanks", "1", "--json").json()
    assert [note["to_name"] for note in notes] == ["Jane Doe", "Bob Roe"]
    for note in notes:
        body = note["body"]
        assert f"Dear {note['to_name'].split()[0]}," in body
        assert "Acme" in body
        assert "Staff Engineer" in body
        assert "questions" in body
        assert body.rstrip().splitlines()[-2:] == ["Sam Lee", "sam@example.com"]
        assert not re.search(r"[{}$]|\[add", body + note["subject"])
        assert len(body.split()) < 150


@pytest.mark.usefixtures("profile")
def test_to_picks_one_interviewer_and_human_output_shows_the_address(
    cli: Callable[..., Result], log: Log
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>", "--interviewer", "Bob Roe <bob@acme.com>")
    result = cli("draft-thanks", "1", "--to", "bob")
    assert result.code == 0
    assert "To: Bob Roe <bob@acme.com>" in result.out
    assert "Subject: Thank you: Staff Engineer interview" in result.out
    assert "Jane" not in result.out
    assert cli("draft-thanks", "1", "--to", "nobody").code == 1


def test_no_profile_name_is_a_visible_marker_and_a_warning(cli: Callable[..., Result], log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>")
    result = cli("draft-thanks", "1")
    assert result.code == 0
    assert "[add your name]" in result.out
    assert "afterview profile --name" in result.err


def test_an_interview_without_interviewers_says_how_to_add_one(cli: Callable[..., Result], log: Log) -> None:
    log()
    result = cli("draft-thanks", "1")
    assert result.code == 1
    assert "afterview interviewer 1" in result.err


def test_the_topic_from_the_debrief_makes_it_personal(cli: Callable[..., Result], log: Log) -> None:
    from afterview.actions import session
    from afterview.models.records import Debrief

    log("--interviewer", "Jane Doe <jane@acme.com>")
    with session.open_store().transaction() as document:
        document.interviews[0].debrief = Debrief(thank_you_topics=["the migration to event sourcing"])
    body = cli("draft-thanks", "1", "--json").json()[0]["body"]
    assert "the migration to event sourcing" in body


@pytest.mark.usefixtures("profile")
@pytest.mark.parametrize("kind", ["withdraw", "follow-up", "rejection-reply"])
def test_a_round_booked_without_names_writes_to_whom_you_met_in_the_process(
    cli: Callable[..., Result], log: Log, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A next round booked with no interviewers: a message to the company goes to the people of the
    latest round that has some, and --sent closes the round's own step, planned in the same command."""
    log("--at", "2026-11-23T10:00", "--interviewer", "Dr. Fatima Al-Hashimi <fatima@stripe.example>")
    assert cli("outcome", "1", "next-round", "--at", "2026-11-26T10:00", "--no-input").code == 0
    monkeypatch.setenv("AFTERVIEW_NOW", "2026-11-27T17:00:00+01:00")  # round 2 is over; nothing ran since
    if kind == "rejection-reply":
        assert cli("outcome", "2", "rejected", "--no-input").code == 0
    draft = cli("draft", kind, "2", "--sent")
    assert draft.code == 0, draft.err
    assert "To: Dr. Fatima Al-Hashimi <fatima@stripe.example>" in draft.out
    assert "Dear Dr. Al-Hashimi," in draft.out
    assert "[add their name]" not in draft.out
    if kind == "follow-up":
        assert "step 2." in draft.err + draft.out
        steps = cli("show", "2", "--json").json()["steps"]
        assert [s["state"] for s in steps if s["kind"] == "follow-up"] == ["done"]
    thank_you = cli("draft-thanks", "2")  # thanks are for the round's own people: none recorded
    assert thank_you.code == 1
    assert "has no interviewers to thank" in thank_you.err


@pytest.mark.usefixtures("profile")
def test_no_thank_you_before_the_interview_unless_forced(cli: Callable[..., Result], log: Log) -> None:
    """An interview two days ahead: a thank-you would thank them for a conversation not had yet."""
    log(
        "--at", "2026-11-29T10:00", "--tz", "Asia/Tokyo", "--interviewer", "Wang Xiaoming <w@mercari.example>"
    )
    early = cli("draft-thanks", "1")
    assert early.code == 1
    assert "Interview 1 at Acme is still to come (Sun 29 Nov 2026 10:00 Tokyo" in early.err
    assert "afterview draft-thanks 1 --force" in early.err
    assert early.out == ""
    forced = cli("draft-thanks", "1", "--force")
    assert forced.code == 0, forced.err
    assert "To: Wang Xiaoming <w@mercari.example>" in forced.out


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("P2", "P2 is a hiring process; give one of its interviews (afterview show P2 lists them)."),
        ("7.2", "7.2 is a step; its interview is 7."),
        ("abc", "'abc' is not an interview id: the number afterview list shows, such as 7."),
        ("0", "'0' is not an interview id"),
    ],
)
def test_an_id_that_is_not_an_interviews_says_what_to_type(
    cli: Callable[..., Result], typed: str, said: str
) -> None:
    """Not a type checker's "Input should be a valid integer"."""
    for command in (["draft", "withdraw"], ["remember"], ["draft-thanks"]):
        result = cli(*command, typed)
        assert result.code == 2
        assert said in result.err
        assert "Input should be" not in result.err


@pytest.mark.usefixtures("profile")
def test_a_round_without_names_never_writes_to_people_of_a_round_still_to_come(
    cli: Callable[..., Result], log: Log
) -> None:
    """Round 2 (held, no names) and round 3 (upcoming, with a name you have not met): a follow-up on
    round 2 goes to round 1's interviewer."""
    log("--at", "2026-11-20T10:00", "--interviewer", "Jo Park <jo@acme.example>")
    assert cli("log", "--process", "P1", "--at", "2026-11-25T10:00", "--no-input").code == 0
    assert cli("log", "--process", "P1", "--at", "2026-12-02T10:00", "--interviewer",
               "Ann Lee <ann@acme.example>", "--no-input").code == 0  # fmt: skip
    draft = cli("draft", "follow-up", "2", "--force")
    assert draft.code == 0, draft.err
    assert "To: Jo Park <jo@acme.example>" in draft.out
