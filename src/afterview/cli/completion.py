"""Shell completion for interview and step ids, shown with their company or text.

Every Tab press starts afterview, so this reads the store with the standard library's ``json`` only: no
pydantic, no rich, no lock (a completion that reads a half-written file just offers nothing).

Typer's bash completion prints values only, so under bash, when several ids match, each value carries its
text (``7.2  Send Jane Doe a thank-you note``) for bash to list; a single match is the bare id, which is
what bash inserts. zsh, fish and PowerShell show the text as the description.

:func:`bash_fast_path` gives the same answers for the commonest cases without importing Typer at all, for a
console-script fast path; ``tests/test_completion.py`` checks it against Typer's own answers.
"""

from __future__ import annotations

import json
import os
import shlex
from collections.abc import Mapping
from typing import Any

from afterview import paths

FAST_PATH_COMMANDS = {
    "done": "step",
    "skip": "step",
    "show": "interview",
    "draft-thanks": "interview",
    "interviewer": "interview",
}
"""Commands whose id argument :func:`bash_fast_path` completes: step ids anywhere, or one interview id."""

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


def _offer(candidates: list[tuple[str, str]], *, bash: bool) -> list[tuple[str, str]]:
    """The candidates as completion items, with the text folded into the value when bash has several."""
    if not bash or len(candidates) < 2:
        return candidates
    width = max(len(value) for value, _ in candidates)
    return [(f"{value.ljust(width)}  {text}", text) for value, text in candidates]


def _bash() -> bool:
    return os.environ.get("_AFTERVIEW_COMPLETE") == "complete_bash"


def interview_ids(incomplete: str) -> list[tuple[str, str]]:
    """Interview ids starting with ``incomplete``, newest first, each with ``Company — Role``."""
    return _offer(_interviews_starting(incomplete), bash=_bash())


def _interviews_starting(incomplete: str) -> list[tuple[str, str]]:
    found = []
    for interview in _interviews():
        interview_id = str(interview.get("id", ""))
        if interview_id.startswith(incomplete):
            text = f"{interview.get('company', '?')} — {interview.get('role', '?')}"
            found.append((str(interview.get("at", "")), interview_id, _short(text)))
    found.sort(reverse=True)
    return [(interview_id, text) for _, interview_id, text in found]


def pending_step_ids(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """Pending step ids starting with ``incomplete`` and not already typed, soonest due first, with text.

    ``ctx`` is Typer's context (not annotated as such, so that this module never imports Typer).
    """
    typed = [str(value) for value in ctx.params.get("step_ids") or ()]
    return _offer(_pending_steps_starting(typed, incomplete), bash=_bash())


def _pending_steps_starting(typed_ids: list[str], incomplete: str) -> list[tuple[str, str]]:
    typed = set(typed_ids)
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
    return [(step_id, text) for _, step_id, text in found]


def bash_fast_path(environ: Mapping[str, str]) -> str | None:
    """What Typer's bash completion would print for an id argument of :data:`FAST_PATH_COMMANDS`, or ``None``
    when the command line is anything else (an option, another command) and Typer should answer."""
    if environ.get("_AFTERVIEW_COMPLETE") != "complete_bash":
        return None
    try:
        words = shlex.split(environ.get("COMP_WORDS", ""))
        cword = int(environ.get("COMP_CWORD", ""))
    except ValueError:
        return None
    args, incomplete = words[1:cword], words[cword] if cword < len(words) else ""
    if not args or any(word.startswith("-") for word in [*args, incomplete]):
        return None
    kind = FAST_PATH_COMMANDS.get(args[0])
    if kind == "step":
        found = _pending_steps_starting(args[1:], incomplete)
    elif kind == "interview" and len(args) == 1:
        found = _interviews_starting(incomplete)
    else:
        return None
    return "\n".join(value for value, _ in _offer(found, bash=True))
