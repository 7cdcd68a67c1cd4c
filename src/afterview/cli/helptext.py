"""Help that reads like gh's or git's: metavars a person reads (``ID``, ``STEP...``, ``DATE``, ``TEXT``), and
none of Typer's own notation (``<list[str]>``, ``{ID}``, ``[x>=1; required]``).

Typer prints each parameter's Python type and range; :func:`readable` swaps every parameter of a command
for a subclass that prints its metavar instead. A parameter given ``metavar=`` shows that; otherwise an
argument shows its name in capitals and an option a word for its type (``TEXT``, ``N``, ``FILE``).
"""

from __future__ import annotations

import typing
from typing import Any

from typer.core import TyperArgument, TyperOption


def readable(command: Any) -> Any:
    """``command`` and its subcommands, their parameters printing readable help; returns ``command``."""
    for param in getattr(command, "params", ()):
        if type(param) is TyperArgument:
            param.__class__ = ReadableArgument
        elif type(param) is TyperOption:
            param.__class__ = ReadableOption
    for sub in getattr(command, "commands", {}).values():
        readable(sub)
    return command


def type_metavar(param: Any) -> str:
    """A word for what an option takes when it has no metavar: ``TEXT``, ``N``, ``FILE`` or its choices."""
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None:  # pragma: no cover - a parameter Typer did not make
        return "TEXT"
    if getattr(descriptor, "is_choice", False) and descriptor.choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in descriptor.choices)
    if getattr(descriptor, "is_path", False) or getattr(descriptor, "is_file", False):
        return "FILE"
    annotation = descriptor.annotation
    if typing.get_origin(annotation) is list:
        (annotation,) = typing.get_args(annotation)
    return {int: "N", float: "N"}.get(annotation, "TEXT")


class ReadableArgument(TyperArgument):
    """An argument shown as ``ID`` or ``STEP...`` (``[ID]`` when optional), with no type or range."""

    def _rich_display_name(self) -> str:
        name = self.metavar or (self.name or "").upper()
        return name if self.nargs == 1 or name.endswith("...") else f"{name}..."

    def _usage_display_name(self) -> str:
        name = self._rich_display_name()
        return name if self.required else f"[{name}]"

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _get_number_range_help_str(self) -> str | None:
        return None

    def get_help_record(self, ctx: Any) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:  # pragma: no cover - hidden
            return None
        name, text = record
        # The usage line already says it is required: no brackets around it.
        return name, text.replace("; required]", "]").removesuffix("  [required]").removesuffix("[required]")


class ReadableOption(TyperOption):
    """An option shown as ``--due DATE`` or ``--note TEXT``, with no type notation or range."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return self.metavar or type_metavar(self)

    def _get_number_range_help_str(self) -> str | None:
        return None
