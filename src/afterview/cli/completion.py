"""Shell completion for interview and step ids, shown with their company or text.

Every Tab press starts afterview, so this reads the store with the standard library's ``json`` only: no
pydantic, no rich, no lock (a completion that reads a half-written file just offers nothing).

Typer's bash completion prints values only, so under bash, when several ids match, each value carries its
text (``7.2  Send Jane Doe a thank-you note``) for bash to list; a single match is the bare id, which is
what bash inserts. zsh, fish and PowerShell show the text as the description.
"""

from __future__ import annotations

import json
import os
from typing import Any

import typer

from afterview import paths

_TEXT_WIDTH = 60


def _interviews() -> list[dict[str, Any]]:
    """The stored interviews as plain JSON objects; none when the store is missing or unreadable."""
    try:
        document = json.loads(paths.store_path().read_bytes())
        interviews = document.get("interviews", [])
    except (OSError, ValueError, AttributeError):
        return []
    return [i for i in interviews if isinstance(i, dict)] if isinstance(interviews, list) else []


def _short(text: str) -> str:
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def _offer(candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The candidates as completion items, with the text folded into the value when bash has several."""
    if os.environ.get("_AFTERVIEW_COMPLETE") != "complete_bash" or len(candidates) < 2:
        return candidates
    width = max(len(value) for value, _ in candidates)
    return [(f"{value.ljust(width)}  {text}", text) for value, text in candidates]


def interview_ids(incomplete: str) -> list[tuple[str, str]]:
    """Interview ids starting with ``incomplete``, newest first, each with ``Company — Role``."""
    found = []
    for interview in _interviews():
        interview_id = str(interview.get("id", ""))
        if interview_id.startswith(incomplete):
            text = f"{interview.get('company', '?')} — {interview.get('role', '?')}"
            found.append((str(interview.get("at", "")), interview_id, _short(text)))
    found.sort(reverse=True)
    return _offer([(interview_id, text) for _, interview_id, text in found])


def pending_step_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Pending step ids starting with ``incomplete`` and not already typed, soonest due first, with text."""
    typed = {str(value) for value in ctx.params.get("step_ids") or ()}
    found = []
    for interview in _interviews():
        for step in interview.get("steps", []):
            if not isinstance(step, dict) or step.get("state", "pending") != "pending":
                continue
            step_id = str(step.get("id", ""))
            if step_id.startswith(incomplete) and step_id not in typed:
                due = str(step.get("snoozed_until") or step.get("due") or "")[:10]
                number = step_id.partition(".")[2]
                key = (due, interview.get("id", 0), int(number) if number.isdigit() else 0)
                found.append((key, step_id, _short(str(step.get("title", "")))))
    found.sort(key=lambda item: item[0])
    return _offer([(step_id, text) for _, step_id, text in found])
