"""Showing drafts, where they went, and what was sent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from afterview.domain.drafts import Draft
from afterview.models.records import SentMessage
from afterview.render.console import literal, out, say, warn


def drafts(items: Sequence[Draft]) -> None:
    """Each draft with who it is for, a subject and the body exactly as written, separated by a rule."""
    from rich.text import Text

    console = out()
    for index, draft in enumerate(items):
        if index:
            console.print("\n" + "─" * 40 + "\n")
        console.print(Text.assemble(("To: ", "bold"), literal(recipient(draft))))
        console.print(Text.assemble(("Subject: ", "bold"), literal(draft.subject)))
        console.print()
        # Soft wrap: the terminal folds long lines, so text copied from it has no line breaks of Rich's.
        console.print(literal(draft.body.rstrip("\n")), soft_wrap=True)
    warnings(items)


def warnings(items: Sequence[Draft]) -> None:
    """Every warning of ``items`` once, on stderr."""
    for message in dict.fromkeys(w for draft in items for w in draft.warnings):
        warn(message)


def recipient(draft: Draft) -> str:
    """``Name <address>``, or the name and a marker where the address is missing."""
    return f"{draft.to_name} <{draft.to_email}>" if draft.to_email else f"{draft.to_name} [add their email]"


def as_json(draft: Draft) -> dict[str, Any]:
    """A draft for ``--json``."""
    return {
        "kind": draft.kind,
        "to_name": draft.to_name,
        "to_email": draft.to_email,
        "subject": draft.subject,
        "body": draft.body,
        "warnings": list(draft.warnings),
    }


def sent(records: Sequence[SentMessage], *, tz: dt.tzinfo) -> None:
    """The messages marked sent, one line each: when, what, to whom."""

    for record in records:
        when = record.at.astimezone(tz)
        step = f" (step {record.step} done)" if record.step else ""
        by = (record.model_extra or {}).get("by")
        to = f"{record.to} <{record.email}>" if record.email else record.to
        to += f" (by {by})" if by else ""
        say(f"  {when:%Y-%m-%d %H:%M} {record.kind} to {to}: {record.subject}{step}")
