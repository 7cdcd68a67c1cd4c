"""Help that reads like gh's or git's: metavars a person reads (``ID``, ``STEP...``, ``DATE``, ``TEXT``), and
none of Typer's own notation (``<list[str]>``, ``{ID}``, ``[x>=1; required]``).

Typer prints each parameter's Python type and range. :func:`readable` gives every command of afterview a
help of its own instead, written through the extension points Click documents for it
(``Command.collect_usage_pieces`` and ``Command.format_options``) from each parameter's public attributes
(``opts``, ``metavar``, ``help``, ``default``) and the command function's annotations: a parameter given
``metavar=`` shows that; otherwise an argument shows its name in capitals and an option a word for its type
(``TEXT``, ``N``, ``FILE``, or its choices).
"""

from __future__ import annotations

import enum
import types
import typing
from pathlib import PurePath
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from afterview.errors import UserError


def readable(command: Any) -> Any:
    """``command`` and its subcommands with readable help; returns ``command``."""
    if type(command) is TyperCommand:
        command.__class__ = ReadableCommand
    elif type(command) is TyperGroup:
        command.__class__ = ReadableGroup
    for sub in getattr(command, "commands", {}).values():
        readable(sub)
    return command


def argument_name(param: Any) -> str:
    """An argument as help shows it: ``ID``, ``STEP...`` (its metavar, else its name in capitals)."""
    name = param.metavar or (param.name or "").upper()
    return name if param.nargs == 1 or name.endswith("...") else f"{name}..."


def type_metavar(command: Any, param: Any) -> str:
    """A word for what an option takes when it has no metavar, from the command function's annotation of
    it: ``N`` for a number, ``FILE`` for a path, the choices of an enumeration, else ``TEXT``."""
    hints = typing.get_type_hints(command.callback) if command.callback is not None else {}
    kind = _bare(hints.get(param.name or "", str))
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return "|".join(str(member.value) for member in kind)
    if isinstance(kind, type) and issubclass(kind, PurePath):
        return "FILE"
    return "N" if kind in (int, float) else "TEXT"


def _bare(annotation: Any) -> Any:
    """``int`` from ``Annotated[int | None, ...]`` or ``list[int]``: the type one value has."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _usage_pieces(command: Any, ctx: Any) -> list[str]:
    pieces = ["[OPTIONS]"] if command.get_params(ctx) else []
    for param in command.get_params(ctx):
        if param.param_type_name == "argument":
            name = argument_name(param)
            pieces.append(name if param.required else f"[{name}]")
    return pieces


def _option_record(command: Any, param: Any) -> tuple[str, str]:
    names = ", ".join(sorted(param.opts, key=lambda opt: opt.startswith("--")))
    if param.secondary_opts:  # a flag with its negation: --references / --no-references
        names += " / " + ", ".join(param.secondary_opts)
    if not param.is_flag:
        names += f" {param.metavar or type_metavar(command, param)}"
    extras = []
    if param.envvar:
        extras.append(f"env var: {param.envvar}")
    if param.show_default and param.default is not None and not param.is_flag:
        extras.append(f"default: {param.default}")
    if param.required:
        extras.append("required")
    text = (param.help or "") + (f"  [{'; '.join(extras)}]" if extras else "")
    return names, text


def help_records(command: Any, params: Any) -> list[tuple[str, str]]:
    """``(what to type, what it does)`` for each of ``params`` of ``command`` that help shows: arguments
    with help text, options that are not hidden (as ``--due DATE``, with default, env var, required)."""
    records = []
    for param in params:
        if param.param_type_name == "argument" and getattr(param, "help", None):
            records.append((argument_name(param), param.help))
        elif param.param_type_name == "option" and not param.hidden:
            records.append(_option_record(command, param))
    return records


def _format_options(command: Any, ctx: Any, formatter: Any) -> None:
    params = command.get_params(ctx)
    arguments = help_records(command, [param for param in params if param.param_type_name == "argument"])
    options = help_records(command, [param for param in params if param.param_type_name == "option"])
    if arguments:
        with formatter.section("Arguments"):
            formatter.write_dl(arguments)
    if options:
        with formatter.section("Options"):
            formatter.write_dl(options)


class ReadableCommand(TyperCommand):
    """A command whose help names what each parameter takes, with no type notation or range."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return _usage_pieces(self, ctx)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_options(self, ctx, formatter)


class ReadableGroup(TyperGroup):
    """A group of commands (``export``, ``draft``…) with the same readable help as a command."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [*_usage_pieces(self, ctx), "COMMAND [ARGS]..."]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        _format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


def help_command(
    ctx: typer.Context,
    command: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[COMMAND]...", help="The command (and subcommand) to explain.", show_default=False
        ),
    ] = None,
) -> None:
    """Show help for afterview or one of its commands, as --help does.

    Example: afterview help log, or afterview help draft follow-up
    """
    context = ctx.find_root()
    target = context.command
    for name in command or ():
        found = target.get_command(context, name) if hasattr(target, "get_command") else None
        if found is None:
            raise UserError(
                f"There is no command {' '.join(command or ())!r}.",
                hint="See every command with: afterview help",
            )
        context = found.make_context(name, [], parent=context, resilient_parsing=True)
        target = found
    typer.echo(target.get_help(context))
