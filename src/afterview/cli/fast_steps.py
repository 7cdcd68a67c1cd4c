"""``afterview done`` and ``afterview skip`` without starting Typer: the commands people run most after
``todo``, answered by the same use case (:func:`afterview.actions.steps.close_steps`) and printed by the
same view (:func:`afterview.render.steps.changed_steps`) as :mod:`afterview.cli.todo`.

What this duplicates is small and held to the Typer commands by ``tests/test_fast_steps.py`` (same output
and exit code, in real processes): the argument parsing (``STEP...``, ``--note``/``--reason``, ``--json``,
anywhere on the line, the last value of an option winning, as Click does) and the mapping of an outcome to
an exit code (:func:`afterview.cli.main.run`). Anything else on the line (``--help``, ``--quiet``, ``--``,
an unknown option, a value that looks like an option, no step at all) returns ``None``: Typer parses it and
explains what is wrong.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from types import ModuleType

TEXT_OPTION = {"done": "--note", "skip": "--reason"}
"""Each command's text option (``afterview done --note``, ``afterview skip --reason``)."""
_TRUE = frozenset({"1", "true", "t", "yes", "y", "on"})
_FALSE = frozenset({"0", "false", "f", "no", "n", "off"})


@dataclass(frozen=True)
class Request:
    """A ``done`` or ``skip`` line, parsed."""

    command: str
    step_ids: list[str]
    text: str | None
    json_: bool


def parse(argv: list[str]) -> Request | None:
    """``done``/``skip`` arguments as the Typer command reads them, or ``None`` for anything else."""
    if not argv or argv[0] not in TEXT_OPTION:
        return None
    option, step_ids, text, json_ = TEXT_OPTION[argv[0]], [], None, False
    words = iter(argv[1:])
    for word in words:
        if word == "--json":
            json_ = True
        elif word == option:
            text = next(words, None)
            if text is None or text.startswith("-"):
                return None
        elif word.startswith(option + "="):
            text = word[len(option) + 1 :]
        elif word.startswith("-"):
            return None
        else:
            step_ids.append(word)
    return Request(argv[0], step_ids, text, json_) if step_ids else None


def quiet() -> bool | None:
    """``AFTERVIEW_QUIET`` as Click reads it for ``--quiet``; ``None`` for a value it would refuse."""
    value = os.environ.get("AFTERVIEW_QUIET", "").strip().lower()
    if not value:
        return False
    return True if value in _TRUE else False if value in _FALSE else None


def close(argv: list[str]) -> int | None:
    """Run ``afterview done|skip ...`` and return its exit code; ``None`` to leave the line to Typer."""
    request, hush = parse(argv), quiet()
    if request is None or hush is None:
        return None
    from afterview.actions import notices
    from afterview.errors import AfterviewError, ExitCode

    notices.sink = _warn
    try:
        _run(request, hush=hush)
    except AfterviewError as error:
        _console().error(error.message, hint=error.hint)
        return int(error.code)
    except KeyboardInterrupt:
        _console().err().print("\nInterrupted; nothing was saved.")
        return int(ExitCode.INTERRUPTED)
    except BrokenPipeError:
        raise  # the reader went away: __main__ exits quietly, as cli.main.run does
    except Exception as error:
        _console().error(
            f"afterview hit an unexpected problem ({type(error).__name__}: {error}).",
            hint="Run the command again with --debug to see where, and please report it.",
        )
        return int(ExitCode.USER)
    return int(ExitCode.OK)


def _run(request: Request, *, hush: bool) -> None:
    from afterview.actions.steps import close_steps
    from afterview.cli.inputs import field_text
    from afterview.models.enums import StepState
    from afterview.render import console
    from afterview.render.results import emit
    from afterview.render.steps import changed_steps

    console.quiet = hush
    if request.command == "done":
        note = field_text(request.text, "step_note") if request.text is not None else None
        state = StepState.DONE
    else:
        note = field_text(request.text, "step_note", label="reason") if request.text is not None else None
        state = StepState.SKIPPED
    result = close_steps(step_ids=request.step_ids, state=state, note=note)
    emit(result, json_=request.json_, human=changed_steps)


def _console() -> ModuleType:
    """The output module, imported when there is something to say."""
    from afterview.render import console

    return console


def _warn(message: str) -> None:
    _console().warn(message)
