"""Issue 24 from the command line: no doubled full stop in any draft, role mailboxes are no interviewers,
each note in its reader's language, one person across the rounds of a process, a panel's distinct notes."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Log = Callable[..., dict[str, Any]]
DEBRIEF = """## Questions
## What went well
## What to improve
## Topics for the thank-you note
- {topic}
## Questions I asked them
## Notes
"""


def _stored(home: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((home / "afterview.json").read_text(encoding="utf-8"))
    return document


def _body(note: dict[str, Any]) -> str:
    """A note's body without its greeting line."""
    return "\n".join(note["body"].splitlines()[1:])


@pytest.mark.usefixtures("profile")
def test_no_draft_kind_doubles_the_full_stop_of_brightwave_inc(cli: Callable[..., Result], log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@brightwave.example>", "--references", company="Brightwave Inc.")
    log("--interviewer", "Bob Roe <bob@lumen.example>", company="Lumen AG")
    assert cli("ref", "add", "Anna Berg", "--email", "anna@example.org").code == 0
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-20").code == 0
    commands = [
        ["draft-thanks", "1"],
        *(["draft", kind, "1", "--force"] for kind in ("follow-up", "nudge", "reference", "offer-notice")),
        ["draft", "withdraw", "1", "--force"],
    ]
    for language in ("en", "de", "fr", "es"):
        for command in commands:
            result = cli(*command, "--language", language, "--json")
            assert result.code == 0, (command, result.err)
            for note in result.json():
                assert "Brightwave Inc." in note["body"] + note["subject"] or command[1] == "reference"
                assert ".." not in note["body"] + note["subject"], (command, language)


@pytest.mark.usefixtures("profile")
def test_log_from_an_invitation_organised_by_a_role_mailbox(
    cli: Callable[..., Result], tmp_path: Path, home: Path
) -> None:
    invitation = tmp_path / "invite.ics"
    invitation.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
        "UID:u1\r\nDTSTAMP:20261125T101500Z\r\nDTSTART:20261120T140000Z\r\nDTEND:20261120T150000Z\r\n"
        "SUMMARY:Brightwave Technical Interview\r\n"
        "ORGANIZER;CN=Brightwave Recruiting:mailto:recruiting@brightwave.example\r\n"
        "ATTENDEE;CN=Jane Doe:mailto:jane@brightwave.example\r\n"
        "ATTENDEE;CN=Sam Lee:mailto:sam@example.com\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n",
        encoding="utf-8",
    )
    result = cli("log", "--from", str(invitation), "--role", "Data Engineer", "--no-input", "--json")
    assert result.code == 0, result.err
    interview = result.json()
    assert [p["email"] for p in interview["interviewers"]] == ["jane@brightwave.example"]
    named = [s for s in interview["steps"] if "recruiting" in json.dumps(s).casefold()]
    assert named == []
    assert _stored(home)["processes"][0]["contact"] == "recruiting@brightwave.example"


@pytest.mark.usefixtures("profile")
def test_a_role_mailbox_typed_as_interviewer_off_a_terminal_is_the_contact(
    cli: Callable[..., Result], log: Log, home: Path
) -> None:
    interview = log("--interviewer", "Brightwave Recruiting <recruiting@brightwave.example>")
    assert interview["interviewers"] == []
    assert {s["kind"] for s in interview["steps"]}.isdisjoint({"thank-you", "network"})
    assert _stored(home)["processes"][0]["contact"] == "recruiting@brightwave.example"


@pytest.mark.usefixtures("profile")
def test_language_option_writes_german_without_touching_the_profile_and_names_an_english_topic(
    cli: Callable[..., Result], log: Log, home: Path
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.example>")
    topic = "your plan to move the nightly batch jobs"
    path = Path("debrief.md")
    path.write_text(DEBRIEF.format(topic=topic), encoding="utf-8")
    assert cli("remember", "1", "--from", str(path), "--no-input").code == 0
    profile_before = _stored(home)["profile"]
    result = cli("draft-thanks", "1", "--language", "de")
    assert result.code == 0, result.err
    assert "Vielen Dank für das Gespräch" in result.out
    assert "Mit freundlichen Grüßen" in result.out
    assert topic in result.err
    assert "reads as English" in result.err
    assert "in German" in result.err
    stored = _stored(home)
    assert stored["profile"] == profile_before
    assert stored["processes"][0]["language"] == "de"
    again = cli("draft-thanks", "1")  # the process keeps the language of its last draft
    assert "Mit freundlichen Grüßen" in again.out
    english = cli("draft-thanks", "1", "--language", "en")
    assert "Best regards" in english.out
    assert topic not in english.err


@pytest.mark.usefixtures("profile")
def test_a_german_topic_in_a_german_draft_gives_no_warning(cli: Callable[..., Result], log: Log) -> None:
    log("--interviewer", "Jane Doe <jane@acme.example>")
    path = Path("debrief.md")
    path.write_text(DEBRIEF.format(topic="die Umstellung der nächtlichen Batch-Jobs"), encoding="utf-8")
    assert cli("remember", "1", "--from", str(path), "--no-input").code == 0
    result = cli("draft-thanks", "1", "--language", "de")
    assert result.code == 0
    assert "debrief" not in result.err


@pytest.mark.usefixtures("profile")
def test_the_same_person_in_two_rounds_has_one_network_step_and_two_different_notes(
    cli: Callable[..., Result], log: Log
) -> None:
    log("--interviewer", "Jane Doe <jane@acme.example>", "--at", "2026-11-10 10:00")
    first = cli("draft-thanks", "1", "--json").json()
    assert cli("outcome", "1", "next-round").code == 0
    log("--interviewer", "JANE DOE", "--at", "2026-11-17 10:00", "--process", "P1")
    rounds = [cli("show", str(n), "--json").json() for n in (1, 2)]
    network = [s for r in rounds for s in r["steps"] if s["kind"] == "network"]
    assert len(network) == 1
    assert network[0]["id"].startswith("1.")
    second = cli("draft-thanks", "2", "--json").json()
    assert _body(first[0]) != _body(second[0])
    assert cli("draft-thanks", "1", "--sent").code == 0
    thanked = cli("draft-thanks", "2", "--json").json()
    assert "Thank you again" in thanked[0]["body"]
    assert _body(thanked[0]) != _body(first[0])


@pytest.mark.usefixtures("profile")
@pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
def test_a_panel_of_five_without_topics_gets_five_different_notes(
    cli: Callable[..., Result], log: Log, language: str
) -> None:
    names = ["Jane Doe", "Bob Roe", "Ana Silva", "Tom Berg", "Eva Lind"]
    log(
        *itertools.chain.from_iterable(
            ("--interviewer", f"{n} <{n.split()[0].lower()}@x.example>") for n in names
        )
    )
    notes = cli("draft-thanks", "1", "--language", language, "--json").json()
    assert len(notes) == 5
    bodies = [_body(note) for note in notes]
    assert len(set(bodies)) == 5


def test_panel_wordings_are_distinct_and_never_a_persons_last_one() -> None:
    from afterview.domain.identities import panel_wordings
    from afterview.models.records import Person
    from tests.helpers import make_interview

    people = [Person(name=f"Person {n}", email=f"p{n}@x.example") for n in range(6)]
    at = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    first = make_interview(id=1, at=at, created_at=at, updated_at=at, interviewers=people)
    second = make_interview(
        id=2,
        at=at + dt.timedelta(days=7),
        created_at=at,
        updated_at=at,
        interviewers=[Person(name="Someone Else"), *people[:5]],
        process=first.process,
    )
    wordings = panel_wordings(first, [first, second])
    assert sorted(wordings) == [1, 2, 3, 4, 5, 6]
    later = panel_wordings(second, [first, second])
    assert len(set(later)) == 6
    assert all(later[n + 1] != wordings[n] for n in range(5))
