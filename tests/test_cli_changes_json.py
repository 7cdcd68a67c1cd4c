"""``--json`` on every command that changes data, as gh does: what changed, in the documented contract."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import Result

Cli = Callable[..., Result]
Log = Callable[..., dict[str, Any]]
STEP_KEYS = {"id", "interview_id", "company", "kind", "title", "person", "due", "state", "overdue"}
INTERVIEW_KEYS = {"id", "company", "role", "at", "stage", "format", "interviewers", "decision_by", "status"}


@pytest.fixture
def logged(log: Log) -> dict[str, Any]:
    return log("--interviewer", "Jane Doe <jane@acme.com>")


def _steps(result: Result) -> list[dict[str, Any]]:
    assert result.code == 0, result.err
    steps: list[dict[str, Any]] = result.json()
    assert all(set(step) >= STEP_KEYS for step in steps)
    return steps


def test_done_prints_the_changed_steps_in_the_step_shape(cli: Cli, logged: dict[str, Any]) -> None:
    steps = _steps(cli("done", "1.2", "--json"))
    assert [(s["id"], s["state"], s["kind"]) for s in steps] == [("1.2", "done", "thank-you")]
    assert steps[0]["done_at"] is not None
    assert _steps(cli("done", "1.2", "--json")) == []  # nothing changed: an empty array, not prose


def test_skip_undo_and_snooze_print_the_steps_they_changed(cli: Cli, logged: dict[str, Any]) -> None:
    skipped = _steps(cli("skip", "1.2", "1.3", "--reason", "met already", "--json"))
    assert [(s["id"], s["state"], s["note"]) for s in skipped] == [
        ("1.2", "skipped", "met already"),
        ("1.3", "skipped", "met already"),
    ]
    reopened = _steps(cli("undo", "1.2", "--json"))
    assert [(s["id"], s["state"]) for s in reopened] == [("1.2", "pending")]
    assert _steps(cli("undo", "1.2", "--json")) == []
    snoozed = _steps(cli("snooze", "1.2", "--until", "+3d", "--json"))
    assert [(s["id"], s["snoozed_until"]) for s in snoozed] == [("1.2", "2026-11-30")]


def test_task_add_and_rm_print_the_step(cli: Cli, logged: dict[str, Any]) -> None:
    added = _steps(cli("task", "add", "1", "Sign the NDA", "--due", "monday 18:00", "--json"))
    assert [(s["kind"], s["title"], s["due"]) for s in added] == [
        ("paperwork", "Sign the NDA", "2026-11-30T18:00:00+01:00")
    ]
    removed = _steps(cli("task", "rm", added[0]["id"], "--json"))
    assert [s["id"] for s in removed] == [added[0]["id"]]
    assert added[0]["id"] not in {s["id"] for s in cli("todo", "--json").json()}


def test_interviewer_edit_and_outcome_print_the_interview(cli: Cli, logged: dict[str, Any]) -> None:
    person = cli("interviewer", "1", "Bo Li, CTO <bo@acme.com>", "--json")
    assert person.code == 0, person.err
    assert set(person.json()) >= INTERVIEW_KEYS
    assert [p["name"] for p in person.json()["interviewers"]] == ["Jane Doe", "Bo Li"]
    again = cli("interviewer", "1", "Bo Li, CTO <bo@acme.com>", "--json")
    assert again.json()["id"] == 1  # nothing changed: still the interview, not prose
    edited = cli("edit", "1", "--role", "Principal Engineer", "--json")
    assert edited.code == 0, edited.err
    assert edited.json()["role"] == "Principal Engineer"
    first = cli("outcome", "1", "rejected", "--json")
    assert first.json()["status"] == "rejected"
    second = cli("outcome", "1", "rejected", "--json")
    assert second.code == 0
    assert second.json()["status"] == "rejected"
    assert "Nothing changed" not in second.out


def test_rm_prints_the_interview_it_removed(cli: Cli, logged: dict[str, Any]) -> None:
    result = cli("rm", "1", "--yes", "--json")
    assert result.code == 0, result.err
    assert result.json()["id"] == 1
    assert set(result.json()) >= INTERVIEW_KEYS
    assert cli("list", "--json").json() == []


def test_ref_add_and_rm_print_the_reference(cli: Cli) -> None:
    added = cli(
        "ref", "add", "Ann Smith", "--relationship", "former manager", "--email", "ann@x.com", "--json"
    )
    assert added.code == 0, added.err
    assert added.json() == {
        "id": 1,
        "name": "Ann Smith",
        "relationship": "former manager",
        "email": "ann@x.com",
        "phone": None,
        "honorific": None,  # the name parts of issue 14, unset: read from the name
        "given_name": None,
        "family_name": None,
        "address_as": None,
    }
    removed = cli("ref", "rm", "1", "--json")
    assert removed.json()["name"] == "Ann Smith"


def test_name_part_options_and_json_together(cli: Cli, logged: dict[str, Any]) -> None:
    """Issue 14's name-part options on issue 19's --json: what is printed holds the parts just set."""
    person = cli("interviewer", "1", "Priya Raman <priya@acme.com>", "--honorific", "Dr.", "--json")
    assert person.code == 0, person.err
    priya = next(p for p in person.json()["interviewers"] if p["name"] == "Priya Raman")
    assert (priya["honorific"], priya["given_name"], priya["family_name"]) == ("Dr.", "Priya", "Raman")
    reference = cli("ref", "add", "Ann Smith", "--address-as", "Annie", "--json")
    assert reference.code == 0, reference.err
    assert (reference.json()["given_name"], reference.json()["address_as"]) == ("Ann", "Annie")
