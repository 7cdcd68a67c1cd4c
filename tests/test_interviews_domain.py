"""Adding an interview: the document gives the id, the domain plans its steps (pure)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from afterview.domain.interviews import log_interview
from afterview.domain.steps import plan_context
from afterview.errors import UserError
from afterview.models import Document, Person, StepKind

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
FIELDS = {"company": "Acme", "role": "SRE", "at": dt.datetime(2026, 11, 27, 10, tzinfo=UTC)}


def test_add_interview_gives_the_next_id_and_never_reuses_one() -> None:
    document = Document(next_id=7)
    first = document.add_interview(FIELDS, now=NOW)
    second = document.add_interview({**FIELDS, "role": "SWE"}, now=NOW)
    assert [(i.id, i.role) for i in document.interviews] == [(7, "SRE"), (8, "SWE")]
    assert (first.created_at, first.updated_at, second.id) == (NOW, NOW, 8)
    document.interviews.remove(second)
    assert document.add_interview(FIELDS, now=NOW).id == 9


def test_add_interview_adds_nothing_when_the_fields_are_invalid() -> None:
    document = Document()
    with pytest.raises(ValidationError):
        document.add_interview({**FIELDS, "company": ""}, now=NOW)
    assert (document.interviews, document.next_id) == ([], 1)


def test_put_replaces_by_id_and_refuses_an_unknown_one() -> None:
    document = Document()
    interview = document.add_interview(FIELDS, now=NOW)
    document.put(interview.model_copy(update={"role": "Staff SRE"}))
    assert [i.role for i in document.interviews] == ["Staff SRE"]
    with pytest.raises(KeyError, match="there is no interview 2 to replace"):
        document.put(interview.model_copy(update={"id": 2}))


def test_log_interview_adds_it_with_its_steps_planned() -> None:
    document = Document(next_id=4)
    fields = {**FIELDS, "interviewers": [Person(name="Jane Doe", email="jane@acme.com")]}
    interview = log_interview(document, fields, context=plan_context(document, tz=UTC), now=NOW)
    assert interview.id == 4
    assert document.interviews == [interview]
    kinds = {step.kind for step in interview.steps}
    assert {StepKind.MEMORY_DUMP, StepKind.THANK_YOU, StepKind.NETWORK, StepKind.FOLLOW_UP} <= kinds
    assert all(step.id.startswith("4.") for step in interview.steps)


def test_log_interview_refuses_a_date_too_far_ahead_to_plan() -> None:
    document = Document()
    far = {**FIELDS, "at": dt.datetime(9999, 12, 30, 10, tzinfo=UTC)}
    with pytest.raises(UserError, match="is dated too far ahead to plan its steps"):
        log_interview(document, far, context=plan_context(document, tz=UTC), now=NOW)
