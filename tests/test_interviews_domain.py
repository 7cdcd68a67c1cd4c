"""Logging an interview (schema 2): a new hiring process, or the next round of one; ids from the document."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from afterview.domain.interviews import log_interview, open_process_named
from afterview.domain.planning import PlanContext, plan_context, shared_facts
from afterview.domain.steps import replan
from afterview.errors import UserError
from afterview.models.document import Document
from afterview.models.enums import Status, StepKind
from afterview.models.records import Person, Process, StatusChange

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 27, 15, 0, tzinfo=UTC)
AT = {"at": dt.datetime(2026, 11, 27, 10, tzinfo=UTC)}


def planner(document: Document) -> PlanContext:
    return plan_context(document, tz=UTC)


def log(
    document: Document,
    company: str = "Acme",
    role: str = "SRE",
    *,
    join: Process | None = None,
    **extra: object,
) -> int:
    """Log a round as the ``log`` use case does: add it, then plan what it touched (or, when the momentum
    moved, every round), as the transaction does before it saves."""
    facts = shared_facts(document)
    interview = log_interview(document, {**AT, **extra}, company=company, role=role, join=join, now=NOW)
    everything = shared_facts(document) != facts
    replan(document, planner(document), now=NOW, processes=None if everything else document.touched)
    document.untouch()
    return interview.id


def test_add_interview_gives_the_next_id_and_never_reuses_one() -> None:
    document = Document(next_id=7)
    process = document.add_process(company="Acme", role="SRE", now=NOW)
    first = document.add_interview(AT, process=process, now=NOW)
    second = document.add_interview(AT, process=process, now=NOW)
    assert [(i.id, i.process_id, i.company) for i in document.interviews] == [(7, 1, "Acme"), (8, 1, "Acme")]
    assert (first.created_at, first.updated_at, second.id) == (NOW, NOW, 8)
    document.remove_interview(second)
    assert document.add_interview(AT, process=process, now=NOW).id == 9


def test_add_process_and_interview_add_nothing_when_the_fields_are_invalid() -> None:
    document = Document()
    with pytest.raises(ValidationError):
        document.add_process(company="", role="SRE", now=NOW)
    process = document.add_process(company="Acme", role="SRE", now=NOW)
    with pytest.raises(ValidationError):
        document.add_interview({"at": "not a time"}, process=process, now=NOW)
    assert (document.interviews, document.next_id, document.next_process_id) == ([], 1, 2)


def test_put_replaces_by_id_and_refuses_an_unknown_one() -> None:
    document = Document()
    process = document.add_process(company="Acme", role="SRE", now=NOW)
    interview = document.add_interview(AT, process=process, now=NOW)
    document.put(interview.model_copy(update={"location": "Room 4"}))
    assert [(i.location, i.company) for i in document.interviews] == [("Room 4", "Acme")]
    with pytest.raises(KeyError, match="there is no interview 2 to replace"):
        document.put(interview.model_copy(update={"id": 2}))


def test_removing_the_last_round_removes_its_process() -> None:
    document = Document()
    log(document)
    second = log(document, "Globex")
    interview = document.interview(second)
    assert interview is not None
    document.remove_interview(interview)
    assert [p.company for p in document.processes] == ["Acme"]


def test_an_interview_whose_process_is_missing_is_invalid() -> None:
    with pytest.raises(ValidationError, match="round of process 3, which is not in the store"):
        Document.model_validate(
            {"interviews": [{"id": 1, "process_id": 3, **AT, "created_at": NOW, "updated_at": NOW}]}
        )


def test_log_starts_a_new_process_with_its_steps_planned() -> None:
    document = Document(next_id=4)
    interview_id = log(document, interviewers=[Person(name="Jane Doe", email="jane@acme.com")])
    interview = document.interview(interview_id)
    assert interview is not None
    assert (interview.id, interview.process_id, interview.company, interview.status) == (
        4,
        1,
        "Acme",
        Status.WAITING,
    )
    kinds = {step.kind for step in interview.steps}
    assert {StepKind.MEMORY_DUMP, StepKind.THANK_YOU, StepKind.NETWORK, StepKind.FOLLOW_UP} <= kinds
    assert all(step.id.startswith("4.") for step in interview.steps)


def test_joining_a_waiting_process_records_the_next_round_and_moves_the_follow_ups() -> None:
    document = Document()
    first = log(document)
    second = log(document, join=document.processes[0], stage="onsite")
    process = document.processes[0]
    assert [c.status for c in process.history] == [Status.NEXT_ROUND]
    assert [i.id for i in document.rounds(process)] == [first, second]
    waiting = {StepKind.FOLLOW_UP, StepKind.CLOSE_OUT}
    by_round = {i.id: {s.kind for s in i.steps if s.state.value == "pending"} for i in document.interviews}
    assert waiting <= by_round[second]
    assert not waiting & by_round[first]


def test_joining_an_ended_process_is_refused() -> None:
    document = Document()
    log(document)
    document.processes[0].history.append(StatusChange(status=Status.REJECTED, on=NOW.date()))
    with pytest.raises(UserError, match="process has ended \\(rejected\\)"):
        log(document, join=document.processes[0])


def test_an_open_process_is_found_by_company_and_role_ignoring_case_and_accents() -> None:
    document = Document()
    log(document, "Société Générale", "Data Engineer")
    log(document, "Globex", "SRE")
    found = open_process_named(document, "societe generale", "data engineer")
    assert found is not None
    assert found.company == "Société Générale"
    assert open_process_named(document, "Société Générale", "SRE") is None
    document.processes[0].history.append(StatusChange(status=Status.WITHDRAWN, on=NOW.date()))
    assert open_process_named(document, "Société Générale", "Data Engineer") is None


def test_log_refuses_a_date_too_far_ahead_to_plan() -> None:
    document = Document()
    with pytest.raises(UserError, match="is dated too far ahead to plan its steps"):
        log(document, at=dt.datetime(9999, 12, 30, 10, tzinfo=UTC))
