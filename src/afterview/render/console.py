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
from typing import TYPE_CHECKING, Any, Literal, TextIO

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
    text = visible(line)
    if not _wrote_plain(sys.stdout, text, styled=False):
        out().print(literal(line))


def line(*parts: str | tuple[str, str]) -> None:
    """One line of results on stdout made of ``parts``, each text or ``(text, style)``, each printed
    literally (see :func:`literal`): ``line(("Logged interview 7", "bold green"), ": Acme")``."""
    pieces = [(part, "") if isinstance(part, str) else part for part in parts]
    text = "".join(visible(piece) for piece, _ in pieces)
    if not _wrote_plain(sys.stdout, text, styled=any(style for _, style in pieces)):
        from rich.text import Text

        out().print(Text.assemble(*(literal(piece, style) for piece, style in pieces)))


def plain_out() -> bool:
    """Whether results go to a pipe or file, where Rich writes plain text and never wraps (a view may then
    write its lines itself, as :func:`say` does)."""
    return os.name != "nt" and not _forced_terminal() and not sys.stdout.isatty()


_FORCE_TERMINAL = ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _forced_terminal() -> bool:
    return any(os.environ.get(name) for name in _FORCE_TERMINAL)


def _wrote_plain(stream: TextIO, text: str, *, styled: bool) -> bool:
    """Write ``text`` and a line break to ``stream`` without Rich when Rich would write exactly that (so a
    one-line result costs no Rich import), and say whether it did.

    That is: into a pipe or file (no styles, no wrapping: :func:`out` and :func:`err` soft-wrap there), or
    on a terminal a line with no style (or ``NO_COLOR``) that is plain ASCII and shorter than the terminal
    is wide, which Rich would neither colour nor wrap. A tab, which Rich expands, always goes to Rich.
    """
    if "\t" in text or os.name == "nt":
        return False
    if _forced_terminal():
        return False
    if stream.isatty():
        if styled and not os.environ.get("NO_COLOR"):
            return False
        import shutil

        if not text.isascii() or len(text) >= shutil.get_terminal_size().columns:
            return False
    stream.write(text + "\n")
    return True


def warn(message: str) -> None:
    """A warning on stderr (literal: messages quote what the user typed)."""
    from rich.text import Text

    err().print(Text.assemble(("Warning:", "yellow"), " ", literal(message)))


def note(message: str) -> None:
    """A hint or progress line on stderr, so stdout stays clean for results (none with ``--quiet``)."""
    if not quiet and not _wrote_plain(sys.stderr, visible(message), styled=True):
        err().print(literal(message, style="dim"))


def error(message: str, *, hint: str | None = None) -> None:
    """An error for the user on stderr, with what to do about it."""
    from rich.text import Text

    err().print(Text.assemble(("Error:", "bold red"), " ", literal(message)))
    if hint:
        err().print(literal(hint))
