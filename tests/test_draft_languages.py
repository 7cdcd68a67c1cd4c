"""The built-in templates in every language: complete, native, and free of English leftovers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from afterview.cli.templates import builtin
from afterview.domain import drafts
from afterview.domain.drafts import Draft
from afterview.domain.greetings import LANGUAGES
from afterview.domain.templates import NAMES
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind, StepState
from afterview.models.records import (
    Debrief,
    Interview,
    Person,
    Profile,
    Reference,
    SentMessage,
    StatusChange,
    Step,
)
from tests.helpers import document_of, make_interview

UTC = dt.UTC
AT = dt.datetime(2026, 11, 23, 10, 0, tzinfo=UTC)  # a Monday
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=UTC)
ENGLISH = re.compile(
    r"\b(the|and|you|your|dear|thank|thanks|best|regards|please|position|role|with|would|hi|"
    r"interview|today|yesterday|on|my|for|of|to|I)\b"
)
"""English words no German, French or Spanish draft should hold (the data below is in no language)."""


def documents(language: str, *, full: bool) -> tuple[Interview, Document]:
    steps = [
        Step(id="7.3", kind=StepKind.FOLLOW_UP, key="follow-up", title="x", due=dt.date(2026, 11, 26),
             state=StepState.DONE, done_at=dt.datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    ] if full else []  # fmt: skip
    item = make_interview(
        id=7,
        company="Zyx",
        role="DevOps",
        at=AT,
        interviewers=[Person(name="Dr. Priya Raman", email="p@zyx.example"), Person(name="Jörg Schäfer")],
        debrief=Debrief(thank_you_topics=["Kafka (with Priya)", "Zyx-Cloud"]) if full else None,
        decision_by=dt.date(2026, 12, 4) if full else None,
        steps=steps,
        sent=[SentMessage(kind="offer-notice", to="x", at=dt.datetime(2026, 11, 26, 9, tzinfo=UTC))]
        if full
        else [],
        created_at=AT,
        updated_at=AT,
    )
    offer = make_interview(
        id=8,
        company="Qrs",
        role="DevOps",
        at=AT,
        history=[StatusChange(status=Status.OFFER, on=AT.date(), deadline=dt.date(2026, 12, 11))],
        created_at=AT,
        updated_at=AT,
    )
    profile = Profile(name="Sam Lee", email="sam@example.com", language=language)
    references = [Reference(id=1, name="Dr. Anna Schmidt", email="a@example.com")]
    return item, document_of(item, offer, profile=profile, references=references)


def every_draft(language: str, *, full: bool) -> list[Draft]:
    item, document = documents(language, full=full)
    profile = document.profile
    template: dict[str, Any] = {name: builtin(name, language) for name in NAMES}
    options: dict[str, Any] = {"now": NOW}
    return [
        *drafts.thank_you_notes(item, profile, template=template["thank-you"], **options),
        drafts.follow_up(item, profile, template=template["follow-up"], **options),
        drafts.nudge(item, document, template=template["nudge"], **options),
        *drafts.reference_notes(item, document, template=template["reference"], emphasis="Zyx", **options),
        drafts.offer_notice(item, document, template=template["offer-notice"], **options),
        drafts.withdraw(item, profile, template=template["withdraw"], **options),
    ]


@pytest.mark.parametrize("full", [True, False], ids=["all data", "no dates or topics"])
@pytest.mark.parametrize("language", [language for language in LANGUAGES if language != "en"])
def test_every_built_in_language_is_free_of_english_and_of_unfilled_fields(language: str, full: bool) -> None:
    for draft in every_draft(language, full=full):
        text = draft.subject + "\n" + draft.body
        assert not re.search(r"[{}$]|\[add|\bNone\b", text), (draft.kind, text)
        leftovers = ENGLISH.findall(text.replace("Sam Lee", "").replace("sam@example.com", ""))
        assert not leftovers, (language, draft.kind, leftovers, text)
        # The one warning: Jörg has no email, so his note shows "[add their email]" (issue 24: every marker
        # comes with its warning).
        no_email = "Jörg Schäfer has no email"
        expected = [no_email] if draft.to_name == "Jörg Schäfer" else []
        assert [w[: len(no_email)] for w in draft.warnings] == expected, (draft.kind, draft.warnings)
        assert len(draft.body.split()) < 160, draft.kind


@pytest.mark.parametrize("full", [True, False])
def test_english_has_every_field_filled_too(full: bool) -> None:
    for draft in every_draft("en", full=full):
        assert not re.search(r"[{}$]|\[add|\bNone\b", draft.subject + draft.body), draft.kind


def test_german_uses_sie_native_greetings_and_dates() -> None:
    notes = every_draft("de", full=True)
    priya, jorg = notes[0], notes[1]
    assert priya.subject == "Vielen Dank für das Gespräch \u2013 DevOps"
    assert priya.body.startswith("Guten Tag Dr. Raman,\n\nherzlichen Dank für das Gespräch am Montag")
    assert "über Kafka gesprochen" in priya.body
    assert jorg.body.startswith("Guten Tag Jörg Schäfer,\n\nvielen Dank, dass Sie sich am Montag Zeit")
    assert "Zyx-Cloud" in jorg.body
    assert priya.body.rstrip().endswith("Mit freundlichen Grüßen\nSam Lee\nsam@example.com")
    nudge = notes[3]
    assert "wie ich Ihnen gestern geschrieben habe" in nudge.body
    assert "bis Freitag, 11. Dezember antworten muss" in nudge.body
    reference = notes[4]
    assert reference.body.startswith("Hallo Anna,")


def test_french_and_spanish_greet_and_date_natively() -> None:
    french = every_draft("fr", full=True)
    assert french[0].body.startswith("Bonjour Dr. Raman,\n\nJe vous remercie d'avoir pris le temps")
    assert "lundi" in french[0].body
    assert french[2].body.count("vendredi 4 décembre") == 1
    spanish = every_draft("es", full=True)
    assert spanish[0].body.startswith("Buenos días, Dr. Raman:\n\nLe agradezco")
    assert "el lunes" in spanish[0].body
    assert spanish[4].body.startswith("Hola, Anna:")
