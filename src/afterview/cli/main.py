"""The Typer app, and :func:`run`, which maps every outcome to an exit code.

1. parse the arguments (Typer);
2. run the command, which reads or changes the store through the store protocol;
3. on an expected failure print its message (no traceback) and return its exit code;
4. on anything else print a short report; the traceback only with ``--debug``, never with local variables.
"""

from __future__ import annotations

import sys
import traceback
from typing import Annotated

import typer

from afterview import __version__, render
from afterview.cli import (
    data,
    drafts,
    export,
    interviews,
    lifecycle,
    log,
    maintenance,
    outcome,
    prep,
    profile,
    references,
    remember,
    remind,
    schedule,
    stats,
    templates,
    todo,
)
from afterview.errors import AfterviewError, ExitCode

app = typer.Typer(
    name="afterview",
    help="What to do after a job interview: remember it, thank people, follow up — as dated steps.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"afterview {__version__}")
        raise typer.Exit


@app.callback()
def _main(
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """afterview: the steps after a job interview. Start with: afterview log"""


app.command("log")(log.log)
app.command("todo")(todo.todo)
app.command("done")(todo.done)
app.command("skip")(todo.skip)
app.command("draft-thanks")(drafts.draft_thanks)
app.add_typer(drafts.app, name="draft")
app.add_typer(templates.app, name="templates")
app.command("list")(interviews.list_interviews)
app.command("show")(interviews.show)
app.command("interviewer")(interviews.interviewer)
app.command("profile")(profile.profile)
app.command("doctor")(maintenance.doctor)
app.command("restore")(maintenance.restore)
app.command("snooze")(lifecycle.snooze)
app.command("undo")(lifecycle.undo)
app.add_typer(lifecycle.task_app, name="task")
app.add_typer(references.app, name="ref")
app.command("outcome")(outcome.outcome)
app.command("schedule")(schedule.schedule)
app.command("remind")(remind.remind)
app.add_typer(export.app, name="export")
app.command("remember")(remember.remember)
app.command("prep")(prep.prep)
app.command("import")(data.import_)
app.command("stats")(stats.stats)
app.command("edit")(data.edit)
app.command("rm")(data.rm)

# Click's base exception; Typer vendors Click in newer releases, so find the class rather than import it.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def run(argv: list[str] | None = None) -> int:
    """Run afterview with ``argv`` (default: the process's arguments) and return the exit code."""
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="afterview", standalone_mode=False)
    except AfterviewError as error:
        render.error(error.message, hint=error.hint)
        return int(error.code)
    except (KeyboardInterrupt, typer.Abort):
        render.err().print("\nInterrupted; nothing was saved.")
        return int(ExitCode.INTERRUPTED)
    except _ClickException as error:
        error.show()  # type: ignore[attr-defined]
        return int(getattr(error, "exit_code", ExitCode.USAGE))
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``afterview todo | head``); nothing more to say
        return int(ExitCode.OK)
    except Exception as error:
        if "--debug" in args:
            traceback.print_exc()
        else:
            render.error(
                f"afterview hit an unexpected problem ({type(error).__name__}: {error}).",
                hint="Run the command again with --debug to see where, and please report it.",
            )
        return int(ExitCode.USER)
    if result == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into a quiet exit 130
        render.err().print("\nInterrupted; nothing was saved.")
    return int(result) if isinstance(result, int) else int(ExitCode.OK)
