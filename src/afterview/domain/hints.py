"""The command that does a step (pure): a step that needs a message suggests its draft, one that needs
writing down its editor, and ``done`` only a step that needs neither.

It reads plain values (a step's kind, id, person, company), so the fast ``todo`` into a pipe, which reads
the derived index rather than the store, suggests the same command as ``afterview`` and ``todo``; the kinds
are their JSON values (``StepKind``'s), so this module imports nothing a hot command would not.
"""

from __future__ import annotations

import shlex

_DRAFTS = {
    "thank-you": "afterview draft-thanks {id}",
    "follow-up": "afterview draft follow-up {id}",
    "nudge": "afterview draft nudge {id}",
    "reference": "afterview draft reference {id}",
    "offer-notice": "afterview draft offer-notice {id}",
    "withdraw": "afterview draft withdraw {id}",
    "rejection-reply": "afterview draft rejection-reply {id}",
    "reconnect": "afterview draft reconnect {id}",
    "reference-update": "afterview draft reference-update {id}",
    "memory-dump": "afterview remember {id}",
}
"""The command each kind of step is done with, by kind (``{id}``: the interview)."""


def step_command(*, kind: str, step_id: str, interview_id: int, company: str, person: str | None) -> str:
    """The one command that moves a step forward: its draft, ``remember``, ``prep``, the interviewer
    command for a missing email, else ``afterview done STEP``."""
    command = _DRAFTS.get(kind)
    if command is not None:
        return command.format(id=interview_id)
    if kind == "prep":
        return f"afterview prep {shlex.quote(company)}"
    if kind == "contact-details" and person:
        return f'afterview interviewer {interview_id} "{person} <email>"'
    return f"afterview done {step_id}"
