"""The JSON contract for scripts (docs/json.md), schema 2: every documented key, in every command's output."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.helpers import Result

Cli = Callable[..., Result]

INTERVIEW = {
    "id", "process_id", "company", "role", "at", "timezone", "ends_at", "stage", "format", "location",
    "interviewers", "next_steps", "decision_by", "references_may_call", "paperwork", "status", "history",
    "debrief", "notes", "steps", "sent", "created_at", "updated_at", "at_local", "cancelled",
    "invitation_uid", "invitation_sequence",
}  # fmt: skip
STEP = {
    "id", "interview_id", "company", "role", "kind", "title", "person", "due", "state", "overdue", "done_at",
    "snoozed_until", "note",
}  # fmt: skip
PROCESS = {
    "id", "company", "role", "source", "status", "history", "offer", "rounds", "feedback", "reconnect_on",
    "created_at", "updated_at", "interviews",
}  # fmt: skip
PERSON = {"name", "title", "email", "phone", "url", "honorific", "given_name", "family_name", "address_as"}


def test_every_command_prints_the_documented_keys(cli: Cli, log: Callable[..., dict[str, Any]]) -> None:
    logged = log("--interviewer", "Dr. Priya Raman <priya@acme.example>", "--tz", "Europe/Berlin")
    assert set(logged) == INTERVIEW
    assert set(logged["interviewers"][0]) == PERSON
    assert (logged["process_id"], logged["timezone"], logged["status"]) == (1, "Europe/Berlin", "waiting")
    assert set(cli("show", "1", "--json").json()) == INTERVIEW
    assert {frozenset(i) for i in cli("list", "--json").json()} == {frozenset(INTERVIEW)}
    steps = cli("todo", "--json").json()
    assert {frozenset(s) for s in steps} == {frozenset(STEP)}
    assert {s["kind"] for s in steps} <= {
        "memory-dump", "contact-details", "thank-you", "network", "paperwork", "reference", "follow-up",
        "nudge", "close-out", "offer-notice", "decide-offer", "withdraw", "momentum", "prep",
    }  # fmt: skip
    process = cli("show", "P1", "--json").json()
    assert set(process) == PROCESS
    assert (process["id"], process["rounds"]) == ("P1", [1])
    assert {frozenset(i) for i in process["interviews"]} == {frozenset(INTERVIEW)}


def test_history_and_offer_are_the_process_s_on_every_round(
    cli: Cli, log: Callable[..., dict[str, Any]]
) -> None:
    log("--stage", "screen")
    assert cli("outcome", "1", "next-round", "--at", "tuesday 10:00", "--no-input").code == 0
    assert cli("outcome", "2", "offer", "--deadline", "2026-12-11", "--note", "120k").code == 0
    first, second = (cli("show", str(n), "--json").json() for n in (1, 2))
    assert first["history"] == second["history"]
    assert [h["status"] for h in first["history"]] == ["next-round", "offer"]
    assert (first["status"], second["status"]) == ("offer", "offer")
    offer = cli("show", "P1", "--json").json()["offer"]
    assert (offer["deadline"], offer["note"]) == ("2026-12-11", "120k")
