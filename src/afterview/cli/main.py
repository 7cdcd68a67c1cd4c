"""The Typer app, and :func:`run`, which maps every outcome to an exit code.

1. parse the arguments (Typer);
2. run the command, which reads or changes the store through the store protocol;
3. on an expected failure print its message (no traceback) and return its exit code;
4. on anything else print a short report; the traceback only with ``--debug``, never with local variables.
"""

from __future__ import annotations

import importlib
import sys
from collections import ChainMap
from collections.abc import Iterator, Mapping, MutableMapping
from types import ModuleType
from typing import Annotated, Any, cast

import typer
from typer.core import TyperGroup

from afterview import __version__
from afterview.actions import notices
from afterview.cli.fast_lines import interrupted
from afterview.errors import AfterviewError, ExitCode
from afterview.store import interruptions


class Commands(Mapping[str, Any]):
    """The commands by name, each imported only when it runs or its own help is asked for.

    ``afterview --help`` lists them from their one-line summaries here, so it imports no command module.
    """

    def __init__(self) -> None:
        self.targets: dict[str, str] = {}
        self.summaries: dict[str, str] = {}
        self._loaded: dict[str, Any] = {}

    def add(self, name: str, target: str, summary: str) -> None:
        """Register ``name`` as ``module:attribute``, a Typer command function or a Typer sub-app (a group of
        commands), with its one-line summary."""
        self.targets[name] = target
        self.summaries[name] = summary

    def function(self, name: str) -> Any:
        """The command function or sub-app itself (imports its module)."""
        module, _, function = self.targets[name].partition(":")
        return getattr(importlib.import_module(module), function)

    def __getitem__(self, name: str) -> Any:
        if name not in self._loaded:
            from afterview.cli.helptext import readable

            target = self.function(name)
            if isinstance(target, typer.Typer):
                # Registered on a bare app, so the group has no --install-completion of its own.
                one = typer.Typer(add_completion=False, rich_markup_mode=None)
                one.add_typer(target, name=name)
                group = typer.main.get_command(one).commands[name]  # type: ignore[attr-defined]
                self._loaded[name] = readable(_plain_help(group))
            else:
                one = typer.Typer(add_completion=False, rich_markup_mode=None)
                one.command(name)(target)
                self._loaded[name] = readable(typer.main.get_command(one))
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.targets)

    def __len__(self) -> int:
        return len(self.targets)


COMMANDS = Commands()


def _plain_help(command: Any) -> Any:
    """``command`` and its subcommands with plain Click help, as the top level has, each subcommand listed
    with the whole first line of its help (Click would cut it with "..." to fit a column)."""
    command.rich_markup_mode = None
    for sub in getattr(command, "commands", {}).values():
        if not sub.short_help and sub.help:
            sub.short_help = " ".join(sub.help.strip().split("\n\n")[0].split())
        _plain_help(sub)
    return command


class _LazyGroup(TyperGroup):
    """A Typer group whose commands come from :data:`COMMANDS`, loaded on demand.

    A command registered the usual eager way (``app.command(...)``, ``app.add_typer(...)``) works too.
    """

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        # A ChainMap writes only to its first map, so the read-only registry is never written to.
        self.commands = ChainMap(dict(self.commands), cast("MutableMapping[str, Any]", COMMANDS))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # names only: Typer's own version loads every command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The commands by what they are for (:data:`GROUPS`), as gh lists its own."""
        names = self.list_commands(ctx)
        for title, members in GROUPS.items():
            rows = [(name, self._summary(name)) for name in members if name in names]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        grouped = {name for members in GROUPS.values() for name in members}
        others = [(name, self._summary(name)) for name in names if name not in grouped]
        if others:
            with formatter.section("More commands"):
                formatter.write_dl(others)

    def _summary(self, name: str) -> str:
        summary = COMMANDS.summaries.get(name)
        return summary if summary is not None else str(self.commands[name].get_short_help_str())


app = typer.Typer(
    name="afterview",
    cls=_LazyGroup,
    help="What to do after a job interview: remember it, thank people, follow up — as dated steps.",
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain Click help: Rich's help renderer costs more than the rest of --help
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"afterview {__version__}")
        raise typer.Exit


@app.callback(invoke_without_command=True)
def _main(
    ctx: typer.Context,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", envvar="AFTERVIEW_QUIET", help="Leave out hints and notes.")
    ] = False,
) -> None:
    """afterview: the steps after a job interview. Start with: afterview log"""
    if quiet or "afterview.render.console" in sys.modules:
        from afterview.render import console

        console.quiet = quiet
    if ctx.invoked_subcommand is None:
        from afterview.cli import welcome

        welcome.run()


# One line per command: name, "module:attribute" (a command function or a Typer sub-app), and the first
# line of its help (a test checks they agree). The module is imported only when the command runs.
COMMANDS.add("log", "afterview.cli.log:log", "Record an interview you just had, and plan what to do next.")
COMMANDS.add(
    "todo", "afterview.cli.todo:todo", "List the steps still to do, soonest first; overdue ones stand out."
)
COMMANDS.add("done", "afterview.cli.todo:done", "Mark steps as done.")
COMMANDS.add(
    "mail",
    "afterview.cli.mail:mail",
    "Find invitations, rejections, offers and replies in your mail, and apply them when you say so.",
)
COMMANDS.add("skip", "afterview.cli.todo:skip", "Skip steps that do not apply, optionally saying why.")
COMMANDS.add(
    "draft-thanks",
    "afterview.cli.drafts:draft_thanks",
    "Draft a brief thank-you note to each interviewer (printed, never sent).",
)
COMMANDS.add(
    "draft",
    "afterview.cli.drafts:app",
    "Draft a message for an interview: follow-up, nudge, reference, offer-notice, withdraw, thank-you, "
    "rejection-reply, reconnect, reference-update.",
)
COMMANDS.add(
    "templates",
    "afterview.cli.templates:app",
    "Message templates you can make your own: list, show, edit, reset.",
)
COMMANDS.add(
    "list",
    "afterview.cli.interviews:list_interviews",
    "List every interview, newest first, optionally filtered.",
)
COMMANDS.add(
    "show",
    "afterview.cli.interviews:show",
    "Show one interview (who, when, what comes next, its steps) or one hiring process and its rounds.",
)
COMMANDS.add(
    "interviewer",
    "afterview.cli.interviews:interviewer",
    "Add an interviewer to an interview, or update one with the same name (say, their email).",
)
COMMANDS.add("profile", "afterview.cli.profile:profile", "Show or set your name, email, phone and signature.")
COMMANDS.add(
    "doctor",
    "afterview.cli.maintenance:doctor",
    "Check the store and every backup; tighten loose permissions.",
)
COMMANDS.add(
    "restore",
    "afterview.cli.maintenance:restore",
    "List the backups, or bring one back (the version it replaces is kept, never deleted).",
)
COMMANDS.add(
    "snooze", "afterview.cli.lifecycle:snooze", "Hide pending steps from being due until a later day."
)
COMMANDS.add("undo", "afterview.cli.lifecycle:undo", "Reopen done or skipped steps (back to pending).")
COMMANDS.add(
    "task",
    "afterview.cli.lifecycle:task_app",
    "Add or remove your own paperwork items (forms, NDAs...) as steps.",
)
COMMANDS.add(
    "ref",
    "afterview.cli.references:app",
    "Your references: when an interview says they may be called, each gets a heads-up step.",
)
COMMANDS.add(
    "outcome",
    "afterview.cli.outcome:outcome",
    "Record an outcome of a hiring process: next-round, offer, accepted, declined, rejected, withdrawn.",
)
COMMANDS.add(
    "feedback",
    "afterview.cli.outcome:feedback",
    "Keep the feedback a company gave you; afterview prep shows it before your next interview there.",
)
COMMANDS.add(
    "schedule",
    "afterview.cli.schedule:schedule",
    "Show or change when steps fall due; pending steps move to match.",
)
COMMANDS.add(
    "remind",
    "afterview.cli.remind.command:remind",
    "One line saying how many steps are due today or overdue, for a shell start-up file or cron.",
)
COMMANDS.add(
    "calendar",
    "afterview.cli.calendar:calendar",
    "Keep a calendar file up to date after every change, for your calendar app to subscribe to.",
)
COMMANDS.add(
    "export",
    "afterview.cli.export:app",
    "Export for other tools: ics (calendar), json (to import again), csv, md (report), vcf (contacts).",
)
COMMANDS.add(
    "remember",
    "afterview.cli.remember:remember",
    "Write down what you remember of an interview: questions, answers, how they went.",
)
COMMANDS.add(
    "prep",
    "afterview.cli.prep:prep",
    "List the questions you have been asked, weakest and most frequent first, with your notes.",
)
COMMANDS.add(
    "story",
    "afterview.cli.stories:app",
    "Your story bank: situation, task, action, result; where each was told and how it went.",
)
COMMANDS.add(
    "import",
    "afterview.cli.importing:import_",
    "Import interviews from an afterview JSON export (merged by id) or a CSV (see the README's header).",
)
COMMANDS.add(
    "stats",
    "afterview.cli.stats:stats",
    "Your funnel, time to an answer, interviews per week, thank-you habit and weakest questions.",
)
COMMANDS.add(
    "edit",
    "afterview.cli.data:edit",
    "Fix an interview: with flags for a quick change, else in your editor ($VISUAL or $EDITOR) as TOML.",
)
COMMANDS.add(
    "rm", "afterview.cli.data:rm", "Remove an interview and its steps (a copy stays in the store's backups)."
)
COMMANDS.add(
    "demo",
    "afterview.cli.demo:demo",
    "Try afterview on three made-up interviews in a throwaway store; your own data is not touched.",
)

COMMANDS.add(
    "help",
    "afterview.cli.helptext:help_command",
    "Show help for afterview or one of its commands, as --help does.",
)

GROUPS: dict[str, tuple[str, ...]] = {
    "Record an interview": ("log", "remember", "interviewer", "outcome", "feedback", "mail"),
    "Follow through": ("todo", "done", "skip", "snooze", "undo", "task", "remind", "calendar"),
    "Drafts": ("draft-thanks", "draft", "templates"),
    "Your data": (
        "list",
        "show",
        "prep",
        "story",
        "stats",
        "edit",
        "rm",
        "export",
        "import",
        "restore",
        "doctor",
    ),
    "Set up": ("profile", "ref", "schedule", "demo", "help"),
}
"""The sections of ``afterview --help``: every command in one (a test checks)."""


# Click's base exception; Typer vendors Click in newer releases, so find the class rather than import it.
_ClickException: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def _render() -> ModuleType:
    """The output module (Rich, the models), imported only when there is something to report."""
    from afterview.render import console

    return console


def run(argv: list[str] | None = None) -> int:
    """Run afterview with ``argv`` (default: the process's arguments) and return the exit code."""
    from afterview.cli.streams import tolerate_unencodable

    tolerate_unencodable()
    notices.sink = _warn
    interruptions.saved.clear()
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    try:
        result = command.main(args=args, prog_name="afterview", standalone_mode=False)
    except AfterviewError as error:
        _render().error(error.message, hint=error.hint)
        return int(error.code)
    except (KeyboardInterrupt, typer.Abort):
        interrupted()
        return int(ExitCode.INTERRUPTED)
    except _ClickException as error:
        error.show()  # type: ignore[attr-defined]
        return int(getattr(error, "exit_code", ExitCode.USAGE))
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``afterview todo | head``); nothing more to say
        return int(ExitCode.OK)
    except SystemExit as exit_:
        if isinstance(exit_.__context__, BrokenPipeError):  # Rich and Click exit 1 on it; it is no error
            return int(ExitCode.OK)
        raise
    except Exception as error:
        if "--debug" in args:
            import traceback

            traceback.print_exc()
        else:
            _render().error(
                f"afterview hit an unexpected problem ({type(error).__name__}: {error}).",
                hint="Run the command again with --debug to see where, and please report it.",
            )
        return int(ExitCode.USER)
    if result == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into a quiet exit 130
        interrupted()
    return int(result) if isinstance(result, int) else int(ExitCode.OK)


def _warn(message: str) -> None:
    """A use case's warning, through the error console (imported when there is one to print)."""
    _render().warn(message)
