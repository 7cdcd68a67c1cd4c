"""Drafts (pure): personal, brief, and never with a placeholder left unfilled."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from afterview.cli.templates import builtin
from afterview.domain import drafts
from afterview.domain.drafts import Draft
from afterview.domain.templates import Template
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Rating, Status, StepKind, StepState
from afterview.models.records import (
    Debrief,
    Interview,
    Person,
    Profile,
    Question,
    Reference,
    StatusChange,
    Step,
)
from tests.helpers import document_of, make_interview

UTC = dt.UTC
AT = dt.datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # a Thursday
NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=UTC)  # the Friday after
PROFILE = Profile(name="Sam Lee", email="sam@example.com", phone="+1 555 0100")


def interview(**changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "id": 7,
        "company": "Acme",
        "role": "Staff Engineer",
        "at": AT,
        "interviewers": [
            Person(name="Jane Doe", title="CTO", email="jane@acme.com"),
            Person(name="Bob Stone", email="bob@acme.com"),
        ],
        "debrief": Debrief(thank_you_topics=["the move to event sourcing"]),
        "created_at": AT,
        "updated_at": AT,
        **changes,
    }
    return make_interview(**fields)


def words(text: str) -> int:
    return len(text.split())


def thanks(item: Interview, profile: Profile = PROFILE, **options: Any) -> list[Draft]:
    return drafts.thank_you_notes(item, profile, template=builtin("thank-you"), now=NOW, **options)


def test_two_interviewers_get_two_personal_brief_notes() -> None:
    notes = thanks(interview())
    assert [n.to_name for n in notes] == ["Jane Doe", "Bob Stone"]
    for note, name in zip(notes, ["Jane", "Bob"], strict=True):
        assert note.body.startswith(f"Dear {name},\n")
        assert "Acme" in note.body
        assert "Staff Engineer" in note.body
        assert "the move to event sourcing" in note.body
        assert "yesterday" in note.body
        assert words(note.subject + " " + note.body) < 150
        assert note.body.rstrip().endswith("Sam Lee\nsam@example.com · +1 555 0100")
        assert note.warnings == ()
    first, second = (note.body for note in notes)
    assert "Thank you for taking the time to speak with me yesterday" in first
    assert "eager to work for Acme" in first
    assert "excited about the position" in first
    assert "contact me if you have any questions" in first
    assert "Many thanks for meeting me yesterday" in second
    assert "keener to join Acme" in second
    assert "glad to answer them" in second
    assert notes[1].step_key == "thank-you:1"
    assert notes[1].step_kind is StepKind.THANK_YOU


def test_a_question_is_never_the_topic_so_without_topics_there_is_no_topic_sentence() -> None:
    debrief = Debrief(
        questions=[
            Question(question="How do you test?", rating=Rating.WEAK),
            Question(question="How would you shard the ledger?", rating=Rating.STRONG),
        ]
    )
    for body in (note.body for note in thanks(interview(debrief=debrief))):
        assert "enjoyed" not in body
        assert "shard the ledger" not in body
        assert "How do you test" not in body


def test_without_a_debrief_there_is_no_topic_sentence() -> None:
    body = thanks(interview(debrief=None))[0].body
    assert "especially enjoyed" not in body


def test_a_long_topic_is_cut_so_the_note_stays_brief() -> None:
    topic = " ".join(["word"] * 300)
    note = thanks(interview(debrief=Debrief(thank_you_topics=[topic])))[0]
    assert words(note.body) < 150
    assert "word…" in note.body


def test_to_picks_one_interviewer_and_an_unknown_name_is_an_error() -> None:
    assert [n.to_name for n in thanks(interview(), to="bob")] == ["Bob Stone"]
    with pytest.raises(UserError, match="No interviewer of interview 7 matches 'Zed'") as caught:
        thanks(interview(), to="Zed")
    assert "Jane Doe, Bob Stone" in (caught.value.hint or "")


def test_a_missing_profile_name_is_a_visible_marker_and_a_warning() -> None:
    note = thanks(interview(), profile=Profile())[0]
    assert note.body.rstrip().endswith("[add your name]")
    assert any("profile --name" in warning for warning in note.warnings)


def test_a_profile_signature_is_used_as_written() -> None:
    note = thanks(interview(), profile=Profile(name="Sam", signature="Sam\nhttps://sam.example"))[0]
    assert note.body.rstrip().endswith("Best regards,\nSam\nhttps://sam.example")


@pytest.mark.parametrize(
    "name",
    [
        'Jane "JJ" O\'Doe, Jr.',
        "Jane <script>alert(1)</script>",
        "Zoë 🎉 Ünal",
        "רות כהן",
        "Jane\nBcc: evil@example.com",
        "{{ 7*7 }} ${HOME}",
        "Jane\x1b[31m Red\x07",
    ],
)
def test_awkward_names_and_companies_come_out_literally_on_one_line(name: str) -> None:
    item = interview(
        company=name.replace("Jane", "Acme"), interviewers=[Person(name=name, email="jane@acme.com")]
    )
    note = thanks(item)[0]

    def one(text: str) -> str:
        return " ".join(text.replace("\x1b", " ").replace("\x07", " ").split())

    one_line = one(name)
    assert note.to_name == one_line
    greeting = note.body.split("\n", 1)[0]
    assert greeting.startswith("Dear ")
    assert greeting.endswith(",")
    assert one(greeting.removeprefix("Dear ").removesuffix(",")) in one_line
    assert one(item.company) in note.body
    assert "\n" not in note.subject
    assert "\x1b" not in note.body


def test_an_interviewer_email_that_is_not_an_address_is_dropped_with_a_warning() -> None:
    item = interview(interviewers=[Person(name="Jane", email="jane@acme.com?bcc=x")])
    note = thanks(item)[0]
    assert note.to_email is None
    assert any("is not an address" in warning for warning in note.warnings)


def document(item: Interview, **changes: Any) -> Document:
    return document_of(item, profile=PROFILE, **changes)


def company_drafts(item: Interview, doc: Document | None = None) -> dict[str, Draft]:
    doc = doc or document(item)
    return {
        "follow-up": drafts.follow_up(item, PROFILE, template=builtin("follow-up"), now=NOW),
        "nudge": drafts.nudge(item, doc, template=builtin("nudge"), now=NOW),
        "reference": drafts.reference_notes(item, doc, template=builtin("reference"), now=NOW)[0],
        "offer-notice": drafts.offer_notice(item, doc, template=builtin("offer-notice"), now=NOW),
        "withdraw": drafts.withdraw(item, PROFILE, template=builtin("withdraw"), now=NOW),
    }


def test_with_all_the_data_every_kind_is_complete_and_warns_of_nothing() -> None:
    follow_up_done = Step(
        id="7.3", kind=StepKind.FOLLOW_UP, key="follow-up", title="Check in", due=dt.date(2026, 12, 7),
        state=StepState.DONE, done_at=dt.datetime(2026, 12, 8, 9, 0, tzinfo=UTC),
    )  # fmt: skip
    item = interview(decision_by=dt.date(2026, 12, 4), steps=[follow_up_done])
    offer = interview(
        id=8,
        company="Globex",
        history=[StatusChange(status=Status.OFFER, on=AT.date(), deadline=dt.date(2026, 12, 11))],
    )
    doc = document(item, references=[Reference(id=1, name="Maria Ruiz", email="maria@example.com")])
    doc.interviews.append(offer)
    reference = drafts.reference_notes(
        item, doc, template=builtin("reference"), now=NOW, emphasis="the payments migration I led"
    )[0]
    found = {**company_drafts(item, doc), "reference": reference}
    for kind, draft in found.items():
        assert draft.kind == kind
        assert draft.warnings == (), kind
        assert not re.search(r"[{}$]|\[add ", draft.subject + draft.body), kind
        assert "Staff Engineer" in draft.body
        assert "Acme" in draft.body
        assert words(draft.body) < 150
    assert "When we spoke yesterday" in found["follow-up"].body
    assert "decide by Friday 4 December" in found["follow-up"].body
    assert "the note I sent on 8 December" in found["nudge"].body
    assert "answer by Friday 11 December" in found["offer-notice"].body
    assert found["offer-notice"].step_key == "offer-notice:8"
    assert reference.to_name == "Maria Ruiz"
    assert reference.to_email == "maria@example.com"
    assert "Jane Doe (CTO) or Bob Stone may be in touch" in reference.body
    assert reference.body.startswith("Hi Maria,\n")
    assert "In the interviews we talked most about the move to event sourcing." in reference.body
    assert "speak to the payments migration I led" in reference.body
    assert found["follow-up"].to_name == "Jane Doe"


def test_missing_data_becomes_markers_with_warnings_never_empty_placeholders() -> None:
    item = interview(interviewers=[], debrief=None)
    found = company_drafts(item)
    expected = {
        "follow-up": ["[add their name]"],
        "nudge": ["[add their name]"],
        "reference": ["[add your reference's name]", "[add what they should emphasise]"],
        "offer-notice": ["[add their name]"],
        "withdraw": ["[add their name]"],
    }
    for kind, markers in expected.items():
        draft = found[kind]
        assert not re.search(r"[{}$]", draft.subject + draft.body), kind
        for marker in markers:
            assert marker in draft.body, (kind, marker)
        assert len(draft.warnings) >= len(markers), kind
    assert "Someone from Acme may be in touch" in found["reference"].body
    assert "I wanted to follow up on our conversation yesterday" in found["follow-up"].body
    assert "I am writing again about" in found["nudge"].body
    assert "give them an answer soon" in found["offer-notice"].body
    for kind in ("follow-up", "nudge", "offer-notice"):
        assert found[kind].body.count("[add") == 1, kind  # whom to write to; never a fact nobody gave


def test_an_unknown_reference_or_offer_is_an_error() -> None:
    item = interview()
    doc = document(item, references=[Reference(id=1, name="Maria Ruiz")])
    with pytest.raises(UserError, match="No reference matches 'Zed'"):
        drafts.reference_notes(item, doc, template=builtin("reference"), now=NOW, ref="Zed")
    with pytest.raises(UserError, match="Interview 3 has no offer recorded"):
        drafts.offer_notice(item, doc, template=builtin("offer-notice"), now=NOW, offer_id=3)


def test_offer_picks_the_named_offer_else_the_latest() -> None:
    item = interview()
    older = interview(
        id=8, company="Globex", history=[StatusChange(status=Status.OFFER, on=dt.date(2026, 11, 20))]
    )
    newer = interview(
        id=9, company="Initech", history=[StatusChange(status=Status.OFFER, on=dt.date(2026, 11, 25))]
    )
    doc = document_of(item, older, newer, profile=PROFILE)
    template = Template(
        name="offer-notice", text="Subject: x\n\n{{ offer_company }} by {{ offer_deadline }}\n", origin="t"
    )
    latest = drafts.offer_notice(item, doc, template=template, now=NOW)
    assert latest.body == "Initech by\n"
    assert latest.warnings == (
        "The offer has no deadline recorded, so the note names none; "
        "add it with: afterview outcome 9 offer --deadline DATE",
    )
    named = drafts.offer_notice(item, doc, template=template, now=NOW, offer_id=8)
    assert (named.body, named.step_key) == ("Globex by\n", "offer-notice:8")


def test_one_reference_note_per_reference() -> None:
    item = interview()
    doc = document(item, references=[Reference(id=1, name="Maria Ruiz"), Reference(id=2, name="Lu Chen")])
    notes = drafts.reference_notes(item, doc, template=builtin("reference"), now=NOW)
    assert [(n.to_name, n.step_key) for n in notes] == [
        ("Maria Ruiz", "reference:1"),
        ("Lu Chen", "reference:2"),
    ]


def test_a_draft_closes_its_own_step_only() -> None:
    note = thanks(interview())[1]
    step = Step(id="7.5", kind=StepKind.THANK_YOU, key="thank-you:1", title="t", person="Bob Stone", due=AT)
    other = step.model_copy(update={"key": "thank-you:0", "person": "Jane Doe"})
    follow = step.model_copy(update={"kind": StepKind.FOLLOW_UP, "key": "follow-up", "person": None})
    assert note.closes(step)
    assert not note.closes(other)
    assert not note.closes(follow)
