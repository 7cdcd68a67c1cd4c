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
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from afterview.actions import clock
from afterview.actions.index import load_index
from afterview.domain import dates
from afterview.domain.dates import due_moment, is_past
from afterview.domain.hints import step_command
from afterview.domain.local_times import ahead_today, from_index, today_line
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
        tz = now.tzinfo or dt.UTC
        steps = sorted(
            found["pending"],
            key=lambda step: (due_moment(dates.indexed_due(step), tz), step["interview_id"]),
        )
        rows = [_row(step, now=now) for step in steps]
        today = [
            today_line(item, now=now) for item in ahead_today(from_index(found.get("ahead", [])), now=now)
        ]
    except Exception:  # an error, an unreadable store, a surprise: the full command explains it
        return None
    if json_:
        items = [_step_json(step, overdue=late) for step, _, late in rows]
        sys.stdout.write(json.dumps(items, ensure_ascii=False, indent=2) + "\n")
    else:
        _render(rows, today=today)
    return 0


SHELLS = ("complete_bash", "complete_zsh", "complete_fish")
"""The completion requests answered here (``_AFTERVIEW_COMPLETE``), as Typer's scripts make them."""


def complete(environ: Mapping[str, str]) -> int | None:
    """Tab completion of a step id (``done``, ``skip``) or an interview id (``show 7``...) for bash, zsh and
    fish: the candidates Typer's own completion gives (the same functions of :mod:`afterview.cli.completion`
    make them), printed as Typer prints them for that shell."""
    shell = environ.get("_AFTERVIEW_COMPLETE")
    if shell not in SHELLS:
        return None
    line = _completion_line(environ, bash=shell == "complete_bash")
    if line is None:
        return None
    args, incomplete = line
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

    bash = shell == "complete_bash"
    if command in STEP_COMMANDS:
        candidates = completion.step_candidates(found, incomplete, args[1:], bash=bash)
    else:
        candidates = completion.interview_candidates(found, incomplete, bash=bash)
    if bash:
        sys.stdout.write(
            "\n".join(value for value, _ in candidates) + "\n"
        )  # as Typer's bash completion does
        return 0
    zsh = shell == "complete_zsh"
    shown = [(value, _zsh_escape(text) if zsh else re.sub(r"\s", " ", text)) for value, text in candidates]
    if not all(_plain_help(text) for _, text in shown):
        return None  # Typer reads descriptions as Rich markup: let it, for text that markup could change
    if zsh:
        sys.stdout.write(_zsh(shown) + "\n")
        return 0
    action = environ.get("_TYPER_COMPLETE_FISH_ACTION", "")
    if action == "is-args":  # fish asks first whether to complete arguments (not files) at all
        return 0 if shown else 1
    lines = [f"{value}\t{text}" if text else value for value, text in shown] if action == "get-args" else []
    sys.stdout.write("\n".join(lines) + "\n")
    return 0


def _completion_line(environ: Mapping[str, str], *, bash: bool) -> tuple[list[str], str] | None:
    """The words before the one being completed, and that word, as Typer's completion classes read them:
    bash from ``COMP_WORDS`` and ``COMP_CWORD``; zsh and fish from the line typed so far."""
    try:
        if bash:
            words = shlex.split(environ["COMP_WORDS"])
            current = int(environ["COMP_CWORD"])
            return words[1:current], words[current] if current < len(words) else ""
        typed = environ.get("_TYPER_COMPLETE_ARGS", "")
        words = shlex.split(typed)
    except (KeyError, ValueError):
        return None
    args = words[1:]
    if args and not typed.endswith(" "):
        return args[:-1], args[-1]
    return args, ""


def _plain_help(text: str) -> bool:
    """Whether Rich, reading a description as markup in a line 80 cells wide (as Typer's completion does),
    prints it as it is: no markup tag, no emoji code, nothing it strips or expands, nothing it wraps."""
    if not text.isprintable() or "[" in text or _EMOJI_CODE.search(text):
        return False
    if text.isascii():
        return len(text) < 80
    from unicodedata import east_asian_width

    return sum(2 if east_asian_width(c) in "WF" else 1 for c in text) < 80  # at most the cells Rich counts


_EMOJI_CODE = re.compile(r":\S*?:")
"""What Rich could take for an emoji code (``:smile:``); one colon, as in ``Keep your search moving: ...``,
it leaves alone."""


def _zsh(candidates: Sequence[tuple[str, str]]) -> str:
    """What Typer's zsh completion prints: an ``_arguments`` spec of values and (escaped) descriptions,
    else files."""
    if not candidates:
        return "_files"
    items = "\n".join(
        f'"{_zsh_escape(value)}":"{text}"' if text else f'"{_zsh_escape(value)}"'
        for value, text in candidates
    )
    return f"_arguments '*: :(({items}))'"


def _zsh_escape(text: str) -> str:
    return (
        text.replace('"', '""')
        .replace("'", "''")
        .replace("$", "\\$")
        .replace("`", "\\`")
        .replace(":", r"\\:")
    )


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


def _render(rows: Sequence[tuple[PendingStep, str, bool]], *, today: Sequence[str] = ()) -> None:
    """The pending steps as :func:`afterview.render.views.todo` prints them to a pipe, laid out by the
    same :mod:`afterview.render.steplist` (a test holds the two together byte for byte). Only piped output
    comes here; a terminal gets the full command and its styling. An interview still to come today comes
    first (``Interview today 21:00 (15:00 New York): Brightwave · link``)."""
    for line in today:
        sys.stdout.write(line + "\n")
    if not rows:
        sys.stderr.write(steplist.NOTHING_TO_DO + "\n")  # a pipe counts only steps
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
