"""The commands people run most, answered without starting Typer: ``done``, ``skip``, ``outcome``, ``log``,
``list`` and ``show``.

Typer (its vendored Click, and the Pydantic type adapter it builds for each parameter) costs a write about
a fifth of its time. For these commands, :func:`answer` reads the line with :mod:`afterview.cli.argv` and
calls the command's handler in :mod:`afterview.cli.handlers`, the same function the Typer command calls:
the same checks, use case, output and exit codes.

What this duplicates is small and held to Typer by ``tests/test_fast_lines.py``: the grammars below (built
afresh from each Typer command there and compared), the handlers' parameters and defaults (compared with
the Typer commands'), the mapping of an error to an exit code (as :func:`afterview.cli.main.run` does), and
``AFTERVIEW_QUIET`` as Click reads it; the same lines, run both ways in real processes, give the same
output, exit code and files. A line this does not read exactly as Click would (``--help``, ``--quiet``,
``--``, an unknown option, a value that looks like an option, a missing argument) returns ``None``, and
Typer parses it and explains what is wrong.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from afterview.cli.argv import Grammar, parse

_JSON = {"--json": ("json_", True)}
_NO_INPUT = {"--no-input": ("no_input", True)}

LINES: dict[str, tuple[Grammar, str]] = {
    "done": (
        Grammar(rest="step_ids", options={"--note": "note"}, flags=_JSON),
        "afterview.cli.handlers.steps:done",
    ),
    "skip": (
        Grammar(rest="step_ids", options={"--reason": "reason"}, flags=_JSON),
        "afterview.cli.handlers.steps:skip",
    ),
    "outcome": (
        Grammar(
            arguments=("interview_id", "status"),
            options={
                "--on": "on",
                "--deadline": "deadline",
                "--note": "note",
                "--at": "at",
                "--stage": "stage",
                "--format": "format_",
                "--location": "location",
                "--tz": "tz",
                "--feedback": "feedback",
                "--reapply-in": "reapply_in",
            },
            flags={**_NO_INPUT, **_JSON},
        ),
        "afterview.cli.handlers.outcome:outcome",
    ),
    "log": (
        Grammar(
            options={
                "--company": "company",
                "--role": "role",
                "--at": "at",
                "--stage": "stage",
                "--format": "format_",
                "--next-steps": "next_steps",
                "--decision-by": "decision_by",
                "--note": "note",
                "--location": "location",
                "--tz": "tz",
                "--process": "process",
                "--source": "source",
                "--from": "from_",
            },
            many={"--interviewer": "interviewer", "--paperwork": "paperwork"},
            flags={
                "--references": ("references", True),
                "--no-references": ("references", False),
                **_NO_INPUT,
                **_JSON,
            },
        ),
        "afterview.cli.handlers.log:log",
    ),
    "list": (
        Grammar(
            options={"--status": "status", "--company": "company", "--since": "since", "--until": "until"},
            flags=_JSON,
        ),
        "afterview.cli.handlers.stored:list_interviews",
    ),
    "show": (Grammar(arguments=("interview_id",), flags=_JSON), "afterview.cli.handlers.stored:show"),
}
"""Each command answered here: its grammar, and its handler as ``module:function``."""

_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


def answer(argv: list[str]) -> int | None:
    """Run ``afterview argv`` and return its exit code; ``None`` to leave the line to Typer."""
    if not argv or argv[0] not in LINES:
        return None
    grammar, target = LINES[argv[0]]
    given, hush = parse(grammar, argv[1:]), quiet()
    if given is None or hush is None:
        return None
    return _run(handler_of(target), given, hush=hush)


def quiet() -> bool | None:
    """``AFTERVIEW_QUIET`` as Click reads it for ``--quiet``; ``None`` for a value it would refuse."""
    value = os.environ.get("AFTERVIEW_QUIET", "").strip().lower()
    if not value:
        return False
    return True if value in _TRUE else False if value in _FALSE else None


def handler_of(target: str) -> Callable[..., None]:
    """The handler ``module:function`` names, its module imported now."""
    import importlib

    module, _, name = target.partition(":")
    handler: Callable[..., None] = getattr(importlib.import_module(module), name)
    return handler


def _run(handler: Callable[..., None], given: dict[str, object], *, hush: bool) -> int:
    """Call ``handler`` with ``given``; the exit code, errors said as :func:`afterview.cli.main.run` says
    them."""
    from afterview.actions import notices
    from afterview.errors import AfterviewError, ExitCode
    from afterview.render import console

    notices.sink = console.warn
    console.quiet = hush
    try:
        handler(**given)
    except AfterviewError as error:
        console.error(error.message, hint=error.hint)
        return int(error.code)
    except KeyboardInterrupt:
        interrupted()
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        raise  # the reader went away: __main__ exits quietly, as cli.main.run does
    except Exception as error:
        typer = sys.modules.get("typer")  # loaded only to ask at a terminal, where Ctrl-C or Ctrl-D aborts
        if typer is not None and isinstance(error, typer.Abort):
            interrupted()
            return int(ExitCode.INTERRUPTED)
        console.error(
            f"afterview hit an unexpected problem ({type(error).__name__}: {error}).",
            hint="Run the command again with --debug to see where, and please report it.",
        )
        return int(ExitCode.USER)
    return int(ExitCode.OK)


def interrupted() -> None:
    """Say what Ctrl-C left: nothing saved, or (when it came after the save) the change saved and the index
    and live calendar left to the next command, which refreshes them."""
    from afterview.render import console
    from afterview.store import interruptions

    if interruptions.saved:
        console.err().print(
            "\nInterrupted after the change was saved: it is kept (do not run the command again). "
            "The index and the live calendar will be refreshed by the next command."
        )
    else:
        console.err().print("\nInterrupted; nothing was saved.")
