"""The two consoles (results on stdout; errors, warnings and hints on stderr) and JSON for scripts.

On a terminal output is styled; piped or with ``NO_COLOR`` it is plain text with no escape codes and no
wrapping, so it can be grepped.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any, Literal

from afterview.render.literal import visible

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

quiet = False
"""Set by ``--quiet``: hints and notes are left out (warnings and errors never are)."""


@cache
def out() -> Console:
    """The console for results (stdout)."""
    from rich.console import Console

    plain = not sys.stdout.isatty()
    width, height = (100_000, None) if plain else _size(sys.stdout)
    return Console(soft_wrap=plain, width=width, height=height, highlight=False, color_system=_color_system())


@cache
def err() -> Console:
    """The console for errors, warnings and progress (stderr)."""
    from rich.console import Console

    width, height = _size(sys.stderr)
    return Console(
        stderr=True,
        width=width,
        height=height,
        highlight=False,
        soft_wrap=not sys.stderr.isatty(),
        color_system=_color_system(),
    )


FALLBACK_WIDTH = 80
"""The width when neither ``COLUMNS`` nor the terminal gives one above zero (``COLUMNS=0``, a serial
console that reports 0 columns): Rich would print nothing at all."""


def _size(stream: Any) -> tuple[int | None, int | None]:
    """The width to lay out for: ``COLUMNS`` when it is a positive number, else the terminal's own, else
    :data:`FALLBACK_WIDTH`; and the height under ``TERM=dumb``, where Rich would assume 25 lines."""
    height = None
    if os.environ.get("TERM") == "dumb":
        import shutil

        height = shutil.get_terminal_size().lines
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns[:6]) > 0:
        return int(columns), height
    try:
        width = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        width = 0
    return (width if width > 0 else FALLBACK_WIDTH), height


def _color_system() -> Literal["auto"] | None:
    """No escape codes at all (not even bold) with ``NO_COLOR``; else Rich decides (``FORCE_COLOR``)."""
    return None if os.environ.get("NO_COLOR") else "auto"


def print_json(value: Any) -> None:
    """Print ``value`` as indented JSON on stdout (no Rich, so no styling ever gets in)."""
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_json_array(items: Iterable[Any]) -> None:
    """Print ``items`` as :func:`print_json` prints a list of them, byte for byte, one item at a time: a
    long list is never built whole (JSON text holds no raw line breaks, so indenting each line is exact)."""
    first = True
    for item in items:
        sys.stdout.write("[\n  " if first else ",\n  ")
        sys.stdout.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def literal(text: str, style: str = "") -> Text:
    """Stored text as Rich shows it: never read as markup (``[bold]`` stays ``[bold]``), no emoji codes, and
    control characters made visible (:func:`afterview.render.literal.visible`). Every piece of stored text
    printed goes through here, alone or inside a whole line."""
    from rich.text import Text

    return Text(visible(text), style=style)


def say(line: str) -> None:
    """A line of results on stdout, printed literally (see :func:`literal`)."""
    out().print(literal(line))


def warn(message: str) -> None:
    """A warning on stderr (literal: messages quote what the user typed)."""
    from rich.text import Text

    err().print(Text.assemble(("Warning:", "yellow"), " ", literal(message)))


def note(message: str) -> None:
    """A hint or progress line on stderr, so stdout stays clean for results (none with ``--quiet``)."""
    if not quiet:
        err().print(literal(message, style="dim"))


def error(message: str, *, hint: str | None = None) -> None:
    """An error for the user on stderr, with what to do about it."""
    from rich.text import Text

    err().print(Text.assemble(("Error:", "bold red"), " ", literal(message)))
    if hint:
        err().print(literal(hint))
