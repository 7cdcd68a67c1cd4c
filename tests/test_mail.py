"""The mail classifier (afterview.domain.mail): the corpus's precision and recall, and each rule alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from afterview.domain.mail import (
    Mail,
    OpenProcess,
    SentNote,
    Suggestion,
    classify,
    message_id_hash,
    open_processes,
)
from afterview.domain.mail_matching import company_key
from afterview.domain.mail_phrases import fold
from afterview.formats.mail import read_message
from afterview.models.records import Person, SentMessage, Step
from tests.helpers import acme_round, document_of
from tests.mail_corpus import NEGATIVE, POSITIVE, PROCESSES, build, corpus

CET = dt.timezone(dt.timedelta(hours=1))
WHEN = dt.datetime(2026, 11, 20, 9, 30, tzinfo=CET)
ACME = OpenProcess(
    id=2,
    company="Acme Robotics",
    addresses=frozenset({"anna@acme-robotics.com"}),
    domains=frozenset({"acme-robotics.com"}),
    first=dt.date(2026, 11, 2),
    last=dt.date(2026, 11, 9),
    sent=(
        SentNote("follow-up", "anna@acme-robotics.com", "Following up on the role", WHEN - dt.timedelta(3)),
    ),
    answer_steps=("4.5",),
)


def mail(
    text: str, *, sender: str = "anna@acme-robotics.com", subject: str = "Your application", **kw: object
) -> Mail:
    fields: dict[str, object] = {
        "message_id": "<m1@example>",
        "sender": sender,
        "sender_name": "",
        "subject": subject,
        "date": WHEN,
        "text": text,
        **kw,
    }
    return Mail(**fields)  # type: ignore[arg-type]


def classified() -> list[tuple[str, str | None, int | None, Suggestion]]:
    return [
        (case.name, case.kind, case.process, classify(read_message(build(case)), PROCESSES))
        for case in corpus()
    ]


def test_the_corpus_is_large_enough_in_four_languages() -> None:
    """At least 40 messages that should give something (every kind) and 15 that must give nothing."""
    assert len(POSITIVE) >= 40
    assert len(NEGATIVE) >= 15
    assert {case.kind for case in POSITIVE} == {"invitation", "rejection", "offer", "next-round", "reply"}
    bodies = " ".join(case.body for case in POSITIVE)
    for word in ("Unfortunately", "Leider", "malheureusement", "Lamentablemente"):
        assert word.casefold() in bodies.casefold()


def test_precision_and_recall_on_the_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    """A suggestion counts as right when its kind and its process are the expected ones; precision is right
    suggestions over all suggestions, recall right suggestions over the messages that should give one.
    Precision must be at least 0.95."""
    results = classified()
    suggested = [(name, kind, process, s) for name, kind, process, s in results if s.kind is not None]
    right = [name for name, kind, process, s in suggested if s.kind == kind and s.process_id == f"P{process}"]
    precision = len(right) / len(suggested)
    recall = len(right) / len(POSITIVE)
    with capsys.disabled():
        print(f"\nmail corpus: precision {precision:.3f}, recall {recall:.3f} ({len(right)}/{len(POSITIVE)})")
    wrong = [(name, s.kind, s.process_id, s.evidence) for name, kind, _, s in suggested if name not in right]
    assert precision >= 0.95, wrong
    assert recall >= 0.9


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda case: case.name)
def test_messages_that_say_nothing_give_nothing(case: object) -> None:
    suggestion = classify(read_message(build(case)), PROCESSES)  # type: ignore[arg-type]
    assert suggestion.kind is None
    assert suggestion.command is None


@pytest.mark.parametrize("case", POSITIVE, ids=lambda case: case.name)
def test_each_corpus_message_gives_its_kind_and_process(case: object) -> None:
    suggestion = classify(read_message(build(case)), PROCESSES)  # type: ignore[arg-type]
    assert (suggestion.kind, suggestion.process_id) == (case.kind, f"P{case.process}")  # type: ignore[attr-defined]
    assert suggestion.evidence


def test_a_strong_phrase_decides_alone_and_its_sentence_is_the_evidence() -> None:
    text = "Hi Sam.\n\nWe have decided not to move forward with your application. Best, Anna"
    suggestion = classify(mail(text), [ACME])
    assert suggestion.kind == "rejection"
    assert suggestion.evidence == "We have decided not to move forward with your application."
    assert suggestion.command == "afterview outcome P2 rejected --on 2026-11-20"
    assert suggestion.as_json()["from"] == "anna@acme-robotics.com"


def test_one_weak_phrase_is_not_enough_but_two_are() -> None:
    assert classify(mail("Unfortunately the train was late."), [ACME]).kind is None
    two = classify(mail("Unfortunately it did not work out. We wish you the best of luck."), [ACME])
    assert two.kind == "rejection"
    assert "Unfortunately" in two.evidence
    assert "wish you the best" in two.evidence


def test_one_weak_phrase_from_an_applicant_tracking_system_is_enough() -> None:
    text = "Unfortunately it did not work out this time."
    assert classify(mail(text, sender="noreply@smartrecruiters.com"), [ACME]).kind == "rejection"
    assert classify(mail(text, sender="someone@example.com"), [ACME]).kind is None


def test_a_veto_phrase_outweighs_even_a_strong_one() -> None:
    text = "We have decided to move forward with other candidates. Your position is at risk of redundancy."
    assert classify(mail(text), [ACME]).kind is None


def test_still_reviewing_outweighs_weak_phrases_not_strong_ones() -> None:
    weak = "We are still reviewing. Unfortunately it takes time; we wish you the best."
    assert classify(mail(weak), [ACME]).kind is None
    strong = "We are still reviewing other roles, but we have decided not to proceed with your application."
    assert classify(mail(strong), [ACME]).kind == "rejection"


def test_quoted_text_of_a_reply_is_not_read() -> None:
    text = "Thanks, noted!\n\nOn Fri, 13 Nov 2026, Sam wrote:\n> we have decided not to move forward"
    assert classify(mail(text), [ACME]).kind is None


def test_accents_and_case_are_ignored() -> None:
    assert fold("Votre candidature N\u2019a pas été RETENUE") == "votre candidature n'a pas ete retenue"
    assert classify(mail("VOTRE CANDIDATURE N'A PAS ETE RETENUE."), [ACME]).kind == "rejection"


def test_a_reply_to_a_sent_message_is_matched_by_address_subject_and_date() -> None:
    reply = mail("Thanks for checking in, more next week.", subject="Re: Following up on the role")
    suggestion = classify(reply, [ACME])
    assert (suggestion.kind, suggestion.process_id, suggestion.command) == (
        "reply",
        "P2",
        "afterview done 4.5",
    )
    assert "follow-up" in suggestion.evidence


@pytest.mark.parametrize(
    ("subject", "sender", "when"),
    [
        ("Following up on the role", "anna@acme-robotics.com", WHEN),  # no Re:
        ("Re: Something else entirely", "anna@acme-robotics.com", WHEN),
        ("Re: Following up on the role", "bob@example.com", WHEN),
        ("Re: Following up on the role", "anna@acme-robotics.com", WHEN - dt.timedelta(days=5)),  # before it
        ("Re: Following up on the role", "anna@acme-robotics.com", WHEN + dt.timedelta(days=120)),
    ],
)
def test_what_is_not_a_reply(subject: str, sender: str, when: dt.datetime) -> None:
    suggestion = classify(mail("Thanks!", subject=subject, sender=sender, date=when), [ACME])
    assert suggestion.kind is None


def test_a_reply_prefix_in_german_french_or_spanish_counts() -> None:
    for prefix in ("AW:", "RE :", "RV:", "Re: AW:"):
        reply = mail("Danke!", subject=f"{prefix} Following up on the role")
        assert classify(reply, [ACME]).kind == "reply", prefix


def test_the_process_is_found_by_company_name_with_accents_ignored() -> None:
    other = replace(ACME, id=3, company="Lumière Données", addresses=frozenset(), domains=frozenset())
    text = "Malheureusement, votre candidature n'a pas été retenue."
    suggestion = classify(
        mail(text, sender="no-reply@teamtailor-mail.com", subject="LUMIERE DONNEES"), [other]
    )
    assert suggestion.process_id == "P3"
    assert "subject" in suggestion.matched_by
    assert company_key("Acmé Robotics GmbH") == "acme robotics"


def test_a_long_name_misspelt_still_matches_a_short_one_must_be_exact() -> None:
    long = replace(ACME, company="Quantenwerk Systems", addresses=frozenset(), domains=frozenset())
    text = "We have decided not to proceed."
    found = classify(mail(text, sender="x@lever.co", subject="Quantenwerk Sytems"), [long])
    assert found.process_id == "P2"
    short = replace(ACME, company="Ace", addresses=frozenset(), domains=frozenset())
    missed = classify(mail(text, sender="x@lever.co", subject="Acme"), [short])
    assert missed.process_id is None


def test_an_unmatched_message_says_so_and_runs_nothing() -> None:
    suggestion = classify(mail("We have decided not to proceed.", sender="x@lever.co", subject="Hi"), [ACME])
    assert suggestion.kind == "rejection"
    assert suggestion.process_id is None
    assert suggestion.command is None
    assert suggestion.matched_by.startswith("no open process")


def test_two_equal_matches_pick_the_process_whose_last_round_is_nearest_before_or_none() -> None:
    older = replace(ACME, id=3, addresses=frozenset(), last=dt.date(2026, 10, 1))
    newer = replace(ACME, id=4, addresses=frozenset(), last=dt.date(2026, 11, 15))
    text = "We have decided not to proceed."
    assert classify(mail(text, sender="hr@acme-robotics.com"), [older, newer]).process_id == "P4"
    twin = replace(newer, id=5)
    tie = classify(mail(text, sender="hr@acme-robotics.com"), [newer, twin])
    assert tie.process_id is None
    assert "P4" in tie.matched_by
    assert "P5" in tie.matched_by


def test_a_message_long_before_the_first_round_is_not_about_the_process() -> None:
    early = mail("We have decided not to proceed.", date=dt.datetime(2026, 1, 5, tzinfo=CET))
    assert classify(early, [ACME]).process_id is None


def test_message_id_hashes_are_stable_keyed_by_source_and_ignore_brackets_and_case() -> None:
    first = message_id_hash("<ABC@example.com>", source="imaps://me@host/INBOX")
    assert first == message_id_hash("abc@example.com", source="imaps://me@host/INBOX")
    assert first != message_id_hash("<ABC@example.com>", source="/home/me/Maildir")
    assert len(first) == 32
    assert int(first, 16) >= 0
    assert "abc" not in first


def test_open_processes_reads_people_sent_messages_and_pending_answer_steps() -> None:
    sent = SentMessage(kind="follow-up", to="Anna", email="Anna@Acme.io", subject="Checking in", at=WHEN)
    step = Step(id="1.4", kind="nudge", key="nudge", title="Nudge", due=dt.date(2026, 12, 1))
    done = Step(
        id="1.5", kind="follow-up", key="f", title="Follow up", due=dt.date(2026, 11, 1), state="done"
    )
    people = [Person(name="Anna", email="anna@acme.io"), Person(name="Bo", email="bo@gmail.com")]
    document = document_of(acme_round(1, interviewers=people, sent=[sent], steps=[step, done]))
    (process,) = open_processes(document)
    assert process.addresses == {"anna@acme.io", "bo@gmail.com"}
    assert process.domains == {"acme.io"}
    assert process.answer_steps == ("1.4",)
    assert process.sent[0].subject == "Checking in"
    assert process.first == dt.date(2026, 11, 20)
