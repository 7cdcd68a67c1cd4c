"""Delivery as a user meets it: the draft alone on stdout, --sent needing an address, safe .eml files,
process checks, greetings and the language from the profile."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest

from afterview.models.records import Debrief
from tests.helpers import Result
from tests.test_cli_draft_commands import add_debrief

CLI = Callable[..., Result]
Log = Callable[..., dict[str, Any]]


@pytest.fixture
def panel(profile: None, log: Log) -> dict[str, Any]:
    interview = log(
        "--interviewer", "Dr. Priya Raman, CTO <priya@acme.com>",
        "--interviewer", "Prof. Dr. Jörg Schäfer <jorg@bücher.example>",
        "--at", "today 10:00",
    )  # fmt: skip
    add_debrief(
        interview["id"],
        Debrief(
            thank_you_topics=[
                "your move to event sourcing (with Priya)",
                "your plans for the data platform (with Jörg)",
            ]
        ),
    )
    return interview


def bodies(out: str) -> list[str]:
    return [part.split("\n\n", 1)[1] for part in out.split("\n\n" + "─" * 40 + "\n\n")]


def test_a_panel_of_two_gets_two_notes_each_with_its_own_topic(cli: CLI, panel: dict[str, Any]) -> None:
    result = cli("draft-thanks", "1")
    assert result.code == 0, result.err
    priya, jorg = bodies(result.out)
    assert priya.startswith("Dear Dr. Raman,\n")
    assert jorg.startswith("Dear Prof. Dr. Schäfer,\n")
    assert "your move to event sourcing" in priya
    assert "data platform" not in priya
    assert "your plans for the data platform" in jorg
    assert "event sourcing" not in jorg
    assert "today" in priya
    assert "today" in jorg
    assert priya.replace("Dr. Raman", "X") != jorg.replace("Prof. Dr. Schäfer", "X")


def test_with_no_topic_there_is_no_topic_sentence_and_no_question(cli: CLI, profile: None, log: Log) -> None:
    from afterview.models.enums import Rating
    from afterview.models.records import Question

    log("--interviewer", "Ann Lee <ann@acme.com>", "--interviewer", "Bo Kim <bo@acme.com>")
    add_debrief(1, Debrief(questions=[Question(question="Tell me about yourself", rating=Rating.STRONG)]))
    result = cli("draft-thanks", "1")
    assert "enjoyed" not in result.out
    assert "Tell me about yourself" not in result.out
    first, second = bodies(result.out)
    assert first.replace("Ann", "X") != second.replace("Bo", "X")  # more than the name differs


def test_sent_with_stdout_redirected_leaves_exactly_the_draft(
    process: Callable[..., Any], panel: dict[str, Any], tmp_path: Path
) -> None:
    plain = process("draft-thanks", "1", "--to", "Priya")
    sent = process("draft-thanks", "1", "--to", "Priya", "--sent")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout == plain.stdout
    assert "Marked sent: thank-you to Dr. Priya Raman" in sent.stderr
    note = tmp_path / "note.txt"
    note.write_text(sent.stdout, encoding="utf-8")
    assert note.read_text(encoding="utf-8").startswith("To: Dr. Priya Raman <priya@acme.com>\n")


def test_sent_needs_an_address_unless_it_went_another_way(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Ann Lee")
    refused = cli("draft-thanks", "1", "--sent")
    assert refused.code == 1
    assert "No email address for Ann Lee" in refused.err
    assert "--by phone" in refused.err
    assert cli("show", "1", "--json").json()["steps"][2]["state"] == "pending"
    by_phone = cli("draft-thanks", "1", "--sent", "--by", "phone")
    assert by_phone.code == 0, by_phone.err
    assert "Marked sent (phone): thank-you to Ann Lee" in by_phone.err
    assert "(by phone)" in cli("show", "1").out
    assert cli("draft-thanks", "1", "--by", "phone").code == 1
    assert cli("draft-thanks", "1", "--sent", "--by", "pigeon").code == 1


def test_eml_to_an_idn_domain_is_idna_private_and_never_overwritten(cli: CLI, panel: dict[str, Any]) -> None:
    result = cli("draft-thanks", "1", "--to", "Jörg", "--eml", "out/")
    assert result.code == 0, result.err
    (path,) = Path("out").iterdir()
    assert stat.S_IMODE(Path("out").stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    message = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert message.defects == []
    assert message["To"].defects == ()
    (to,) = message["To"].addresses
    assert to.domain == "xn--bcher-kva.example"
    assert to.display_name == "Prof. Dr. Jörg Schäfer"
    before = path.read_bytes()
    again = cli("draft-thanks", "1", "--to", "Jörg", "--eml", "out/")
    assert again.code == 1
    assert "already exists" in again.err
    assert path.read_bytes() == before
    path.chmod(0o644)
    assert cli("draft-thanks", "1", "--to", "Jörg", "--eml", "out/", "--force").code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
def test_eml_never_writes_through_a_symlink(cli: CLI, panel: dict[str, Any]) -> None:
    target = Path("elsewhere.txt")
    os.symlink(target, "draft.eml")
    for extra in ([], ["--force"]):
        result = cli("draft-thanks", "1", "--to", "Priya", "--eml", "draft.eml", *extra)
        assert result.code == 1
        assert "symbolic link" in result.err
    assert not target.exists()


def test_eml_with_a_non_ascii_local_part_uses_utf8_headers(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Jörg Schäfer <jörg@example.com>")
    result = cli("draft-thanks", "1", "--eml", "jorg.eml")
    assert result.code == 0, result.err
    data = Path("jorg.eml").read_bytes()
    assert "To: Jörg Schäfer <jörg@example.com>".encode() in data
    import email

    message = email.message_from_string(data.decode("utf-8"), policy=policy.default)
    (to,) = message["To"].addresses
    assert (to.username, to.domain) == ("jörg", "example.com")


def test_a_follow_up_after_a_rejection_is_refused_unless_forced(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Ann Lee <ann@acme.com>")
    assert cli("outcome", "1", "rejected").code == 0
    for kind in ("follow-up", "nudge"):
        refused = cli("draft", kind, "1")
        assert refused.code == 1
        assert "rejected" in refused.err
        assert "--force" in refused.err
        assert refused.out == ""
    forced = cli("draft", "follow-up", "1", "--force")
    assert forced.code == 0
    assert "Dear Ann," in forced.out
    thanks = cli("draft-thanks", "1")
    assert thanks.code == 0
    assert "rejected" in thanks.err


def test_follow_up_without_a_decision_date_asks_for_nothing(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Ann Lee <ann@acme.com>")
    result = cli("draft", "follow-up", "1")
    assert result.code == 0
    assert "[add" not in result.out
    assert "I wanted to follow up on our conversation today" in result.out
    assert result.err == ""


def test_a_nudge_after_an_offer_notice_refers_to_it_and_its_deadline(
    cli: CLI, profile: None, log: Log
) -> None:
    log("--interviewer", "Ann Lee <ann@acme.com>")
    log("--interviewer", "Kim <kim@globex.example>", company="Globex")
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-04").code == 0
    assert cli("draft", "offer-notice", "1", "--sent").code == 0
    nudge = cli("draft", "nudge", "1")
    assert nudge.code == 0, nudge.err
    assert "As I wrote to you today, I have received an offer from another company" in nudge.out
    assert "answer by Friday 4 December" in nudge.out


def test_profile_greeting_and_language_shape_the_notes(cli: CLI, panel: dict[str, Any]) -> None:
    assert cli("profile", "--greeting", "first-name", "--no-input").code == 0
    assert "Dear Priya," in cli("draft-thanks", "1", "--to", "Priya").out
    assert cli("profile", "--greeting", "auto", "--language", "de", "--no-input").code == 0
    german = cli("draft-thanks", "1", "--to", "Priya")
    assert "Subject: Vielen Dank für das Gespräch \u2013 Staff Engineer" in german.out
    assert "Guten Tag Dr. Raman," in german.out
    assert "heute" in german.out
    assert cli("profile", "--language", "it", "--no-input").code == 1
    assert cli("profile", "--greeting", "casual", "--no-input").code == 1
    assert cli("profile", "--json").json()["language"] == "de"


def test_interviewer_and_reference_name_parts_override_the_reading(cli: CLI, profile: None, log: Log) -> None:
    log("--interviewer", "Priya Raman <priya@acme.com>", "--references")
    changed = cli("interviewer", "1", "Priya Raman", "--honorific", "Frau Dr.")
    assert changed.code == 0, changed.err
    (person,) = cli("show", "1", "--json").json()["interviewers"]
    assert (person["honorific"], person["given_name"], person["family_name"]) == (
        "Frau Dr.",
        "Priya",
        "Raman",
    )
    assert "Dear Dr. Raman," in cli("draft-thanks", "1").out
    assert (
        cli("ref", "add", "Dr. Anna Schmidt", "--address-as", "Annie", "--email", "a@example.com").code == 0
    )
    assert "Hi Annie," in cli("draft", "reference", "1").out
    assert cli("ref", "add", "Dr. Bea Roth", "--email", "b@example.com").code == 0
    assert "Hi Bea," in cli("draft", "reference", "1", "--ref", "Bea").out


@pytest.mark.parametrize("outcome", ["accepted", "declined"])
def test_an_offer_you_answered_refuses_the_messages_that_no_longer_fit(
    cli: CLI, profile: None, log: Log, outcome: str
) -> None:
    log("--interviewer", "Ann Lee <ann@acme.com>")
    assert cli("outcome", "1", "offer").code == 0
    assert cli("outcome", "1", outcome).code == 0
    for kind in ("follow-up", "nudge", "reference", "offer-notice", "withdraw"):
        refused = cli("draft", kind, "1")
        assert refused.code == 1, kind
        assert outcome in refused.err
        assert refused.out == ""
    thanks = cli("draft-thanks", "1")
    assert thanks.code == 0
    assert (outcome in thanks.err) is (outcome == "declined")  # eager to join fits an accepted offer


def test_the_withdraw_step_an_accepted_offer_gives_drafts_and_closes_when_sent(
    cli: CLI, profile: None, log: Log
) -> None:
    log("--interviewer", "Ann Lee <ann@acme.com>")
    log("--interviewer", "Kim Park <kim@globex.example>", company="Globex")
    assert cli("outcome", "2", "accepted").code == 0
    (step,) = [s for s in cli("todo", "--json").json() if s["kind"] == "withdraw"]
    assert f"afterview draft withdraw {step['interview_id']}" in step["title"]
    drafted = cli("draft", "withdraw", "1")
    assert drafted.code == 0, drafted.err
    assert "withdraw my application" in drafted.out
    assert drafted.err == ""
    sent = cli("draft", "withdraw", "1", "--sent")
    assert sent.code == 0, sent.err
    assert f"step {step['id']} is done" in sent.err
    assert "afterview outcome 1 withdrawn" not in sent.err  # it already is
    assert [s for s in cli("todo", "--json").json() if s["kind"] == "withdraw"] == []
