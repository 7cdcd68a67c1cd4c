"""Answers from the derived index (:mod:`afterview.store.index`) for the commands people run most often.

``afterview todo`` (with or without ``--json``) and Tab completion of step and interview ids start the
program again and again, so they are answered here without Typer, Pydantic or (when piped) Rich. Each
function returns an exit code, or ``None`` to let the full command handle the request: anything unusual,
including every error, goes to the full command, which explains it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from afterview.actions import clock
from afterview.actions.index import load_index
from afterview.domain import dates
from afterview.domain.dates import due_moment, is_past
from afterview.domain.hints import step_command
from afterview.render import steplist

if TYPE_CHECKING:
    from afterview.formats.contract import StepJson
    from afterview.store.index import PendingStep

STEP_COMMANDS = frozenset({"done", "skip", "snooze"})
"""Commands whose every argument is a pending step id (Tab offers the pending steps)."""

INTERVIEW_COMMANDS = frozenset(
    {"show", "todo", "interviewer", "draft-thanks", "remember", "outcome", "edit", "rm"}
)
"""Commands whose first argument is an interview id (Tab offers every interview's id)."""


def todo(*, json_: bool) -> int | None:
    """``afterview todo [--json]``: the pending steps, soonest first (human output only into a pipe)."""
    if not json_ and not _plain(sys.stdout):
        return None
    try:
        found = load_index()
        now = clock.now_in(found["timezone"])
        tz = now.tzinfo or dt.timezone.utc
        steps = sorted(
            found["pending"],
            key=lambda step: (due_moment(dates.indexed_due(step), tz), step["interview_id"]),
        )
        rows = [_row(step, now=now) for step in steps]
    except Exception:  # an error, an unreadable store, a surprise: the full command explains it
        return None
    if json_:
        items = [_step_json(step, overdue=late) for step, _, late in rows]
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        _render(rows)
    return 0


def complete(environ: Mapping[str, str]) -> int | None:
    """Bash Tab completion of a step id (``done``, ``skip``) or an interview id (``show 7``...)."""
    if environ.get("_AFTERVIEW_COMPLETE") != "complete_bash":
        return None
    try:
        words = shlex.split(environ["COMP_WORDS"])
        current = int(environ["COMP_CWORD"])
    except (KeyError, ValueError):
        return None
    args, incomplete = words[1:current], words[current] if current < len(words) else ""
    if not args or any(arg.startswith("-") for arg in [*args, incomplete]):
        return None
    command = args[0]
    if command not in STEP_COMMANDS and not (command in INTERVIEW_COMMANDS and len(args) == 1):
        return None
    try:
        found = load_index()
    except Exception:  # the full command's completion (or error) instead
        return None
    from afterview.cli import completion

    if command in STEP_COMMANDS:
        candidates = completion.step_candidates(found, incomplete, args[1:], bash=True)
    else:
        candidates = completion.interview_candidates(found, incomplete, bash=True)
    sys.stdout.write("\n".join(value for value, _ in candidates) + "\n")  # as Typer's bash completion does
    return 0


def _row(step: PendingStep, *, now: dt.datetime) -> tuple[PendingStep, str, bool]:
    """A step with when it is due, as people say it, and whether that is past."""
    due = dates.indexed_due(step)
    late = is_past(due, now=now)
    return step, steplist.when(due, now=now, late=late), late


def _step_json(step: PendingStep, *, overdue: bool) -> StepJson:
    """A pending step as ``todo --json`` shows it (as :func:`afterview.formats.contract.step_json`)."""
    due = dates.indexed_due(step)
    return {
        "id": step["id"],
        "interview_id": step["interview_id"],
        "company": step["company"],
        "role": step["role"],
        "kind": step["kind"],
        "title": step["title"],
        "person": step["person"],
        "due": due.isoformat(),
        "state": "pending",
        "overdue": overdue,
        "done_at": None,
        "snoozed_until": step["snoozed_until"],
        "note": step["note"],
    }


_FORCE_TERMINAL = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _render(rows: Sequence[tuple[PendingStep, str, bool]]) -> None:
    """The pending steps as :func:`afterview.render.views.todo` prints them to a pipe, laid out by the
    same :mod:`afterview.render.steplist` (a test holds the two together byte for byte). Only piped output
    comes here; a terminal gets the full command and its styling."""
    if not rows:
        sys.stdout.write(steplist.NOTHING_TO_DO + "\n")
        return
    widths = steplist.widths((step["id"] for step, _, _ in rows), (when for _, when, _ in rows))
    for step, when, _ in rows:
        line = steplist.line(step["id"], when, step["title"], company=step["company"], widths=widths)
        sys.stdout.write(line + "\n")
    if os.environ.get("AFTERVIEW_QUIET"):
        return
    first = rows[0][0]
    command = step_command(
        kind=first["kind"],
        step_id=first["id"],
        interview_id=first["interview_id"],
        company=first["company"],
        person=first["person"],
    )
    message = steplist.closing_hint(sum(late for _, _, late in rows), next_command=command)
    if _plain(sys.stderr) or os.environ.get("NO_COLOR"):
        sys.stderr.write(message + "\n")
    else:
        from rich.console import Console

        Console(stderr=True, highlight=False).print(message, style="dim")


def _plain(stream: TextIO) -> bool:
    """Whether Rich would write plain text to ``stream``: not a terminal, and no variable forcing one."""
    return not stream.isatty() and not any(os.environ.get(name) for name in _FORCE_TERMINAL)
