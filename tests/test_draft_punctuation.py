"""Sentences read right around any name: every built-in template in every language, with names that end
in punctuation, and the German article a legal form needs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from afterview.cli.templates import builtin
from afterview.domain import drafts, ending_drafts
from afterview.domain.company_grammar import french_de, german
from afterview.domain.drafts import Draft
from afterview.domain.greetings import LANGUAGES
from afterview.domain.templates import NAMES
from afterview.models.enums import Status
from afterview.models.records import Debrief, Person, Profile, Reference, StatusChange
from tests.helpers import document_of, make_interview

UTC = dt.UTC
AT = dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
DOUBLED = re.compile(r"\.\.(?!\.)|[!?]\.|\)\)|,,|\.,\.")


def every_draft(
    company: str, language: str, *, interviewers: bool = True, role: str = "Sr. Eng."
) -> list[Draft]:
    people = [
        Person(name="Dr. Priya Raman", title="Head of Data (Berlin)", email="p@x.example"),
        Person(name="Jörg Schäfer", title="Sr.", email="j@x.example"),
    ]
    item = make_interview(
        id=7,
        company=company,
        role=role,
        at=AT,
        interviewers=people if interviewers else [],
        debrief=Debrief(thank_you_topics=["Kafka!"]),
        decision_by=dt.date(2026, 12, 4),
        created_at=AT,
        updated_at=AT,
    )
    offer = make_interview(
        id=8,
        company="Globex Inc.",
        role="Eng",
        at=AT,
        history=[StatusChange(status=Status.OFFER, on=AT.date(), deadline=dt.date(2026, 12, 11))],
        created_at=AT,
        updated_at=AT,
    )
    profile = Profile(name="Sam Lee Jr.", email="sam@example.com", language=language)
    document = document_of(item, offer, profile=profile, references=[Reference(id=1, name="Anna Schmidt")])
    template: dict[str, Any] = {name: builtin(name, language) for name in NAMES}
    options: dict[str, Any] = {"now": NOW, "force": True}
    return [
        *drafts.thank_you_notes(item, profile, template=template["thank-you"], **options),
        drafts.follow_up(item, profile, template=template["follow-up"], **options),
        drafts.nudge(item, document, template=template["nudge"], **options),
        *drafts.reference_notes(item, document, template=template["reference"], emphasis="x", **options),
        drafts.offer_notice(item, document, template=template["offer-notice"], **options),
        drafts.withdraw(item, profile, template=template["withdraw"], **options),
        ending_drafts.rejection_reply(item, profile, template=template["rejection-reply"], **options),
        ending_drafts.reconnect(item, profile, template=template["reconnect"], **options),
        *ending_drafts.reference_updates(item, document, template=template["reference-update"], **options),
    ]


@pytest.mark.parametrize("interviewers", [True, False], ids=["a panel", "nobody named"])
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("company", ["Brightwave Inc.", "Yahoo!", "Acme (Berlin)", "Lumen AG"])
def test_no_template_doubles_punctuation_around_a_name(
    company: str, language: str, interviewers: bool
) -> None:
    found = every_draft(company, language, interviewers=interviewers)
    kinds = set(NAMES) if interviewers else set(NAMES) - {"thank-you"}  # no one to thank
    assert {draft.kind for draft in found} == kinds
    for draft in found:
        text = draft.subject + "\n" + draft.body
        assert not DOUBLED.search(text), (language, draft.kind, DOUBLED.search(text), text)
        assert company in text, (language, draft.kind)


def test_the_thank_you_note_ends_the_sentence_with_the_company_s_own_stop() -> None:
    [first, second] = every_draft("Brightwave Inc.", "en")[:2]
    assert "the Sr. Eng. position at Brightwave Inc. I especially enjoyed discussing Kafka!" in first.body
    assert "to join Brightwave Inc., and" in second.body


def test_a_title_in_brackets_keeps_one_pair_of_parentheses() -> None:
    reference = next(d for d in every_draft("Acme", "en") if d.kind == "reference")
    assert "Dr. Priya Raman (Head of Data [Berlin]) or Jörg Schäfer (Sr.) may be in touch" in reference.body


@pytest.mark.parametrize(
    ("company", "nominative", "accusative", "dative"),
    [
        ("Lumen AG", "die Lumen AG", "die Lumen AG", "der Lumen AG"),
        ("Nordlicht GmbH", "die Nordlicht GmbH", "die Nordlicht GmbH", "der Nordlicht GmbH"),
        ("Airbus SE", "die Airbus SE", "die Airbus SE", "der Airbus SE"),
        ("Müller GmbH & Co. KG", "die Müller GmbH & Co. KG", "die Müller GmbH & Co. KG",
         "der Müller GmbH & Co. KG"),
        ("Start UG (haftungsbeschränkt)", "die Start UG (haftungsbeschränkt)",
         "die Start UG (haftungsbeschränkt)", "der Start UG (haftungsbeschränkt)"),
        ("Nordlicht Verwaltungs-mbH", "die Nordlicht Verwaltungs-mbH", "die Nordlicht Verwaltungs-mbH",
         "der Nordlicht Verwaltungs-mbH"),
        ("Chaos Computer Club e.V.", "der Chaos Computer Club e.V.", "den Chaos Computer Club e.V.",
         "dem Chaos Computer Club e.V."),
        ("Zyx", "Zyx", "Zyx", "Zyx"),
        ("Die Lumen AG", "Die Lumen AG", "Die Lumen AG", "Die Lumen AG"),
        ("Siemens", "Siemens", "Siemens", "Siemens"),
    ],
)  # fmt: skip
def test_german_articles_follow_the_legal_form(
    company: str, nominative: str, accusative: str, dative: str
) -> None:
    assert german(company, "nominative") == nominative
    assert german(company, "accusative") == accusative
    assert german(company, "dative") == dative


def test_german_drafts_put_the_article_before_a_legal_form() -> None:
    found = {d.kind: d for d in every_draft("Lumen AG", "de")[1:]}
    notes = every_draft("Nordlicht GmbH", "de")
    assert "dass bei der Lumen AG eine Entscheidung ansteht" in found["follow-up"].body
    assert "das Team bei der Lumen AG" in found["follow-up"].body
    assert "die Lumen AG kennenzulernen" in found["withdraw"].body
    assert "Anruf von der Lumen AG" in found["reference"].subject
    assert "sehr gern für die Nordlicht GmbH arbeiten" in notes[0].body
    assert "Interesse an der Nordlicht GmbH" in notes[1].body
    nobody = next(d for d in every_draft("Lumen AG", "de", interviewers=False) if d.kind == "reference")
    assert "Jemand von der Lumen AG" in nobody.body


def test_french_elides_de_before_a_vowel() -> None:
    assert french_de("Airbus") == "d'Airbus"
    assert french_de("Lumen") == "de Lumen"
    assert french_de("Hermès") == "de Hermès"
    follow_up = next(d for d in every_draft("Airbus", "fr") if d.kind == "follow-up")
    assert "l'équipe d'Airbus" in follow_up.body


def test_french_elides_de_before_a_role_that_starts_with_a_vowel() -> None:
    """French says "le poste d'Ingénieure logiciel", never "de Ingénieure"."""
    assert french_de("Ingénieure logiciel") == "d'Ingénieure logiciel"
    notes = every_draft("Lumen", "fr", role="Ingénieure logiciel")
    naming = [d for d in notes if "Ingénieure" in d.body]
    assert {d.kind for d in naming} >= {"thank-you", "follow-up", "withdraw", "reference"}
    for draft in naming:
        assert "de Ingénieure" not in draft.body, draft.kind
        assert "poste d'Ingénieure logiciel" in draft.body, draft.kind
