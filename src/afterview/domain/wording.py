"""How values read in what afterview writes: counts in the singular or plural, text on one line, lists with
"and", dates written out (pure)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence


def one_line(text: str) -> str:
    """``text`` on one line and without control characters (say, a terminal escape in a hand-edited store):
    a name or company never breaks a greeting, a subject or a header, nor restyles the terminal."""
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def listing(items: Sequence[str], *, last: str = "and") -> str:
    """``a, b and c``; one item alone; nothing for none."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def long_date(day: dt.date) -> str:
    """``Friday 27 November``."""
    return f"{day:%A} {day.day} {day:%B}"


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: ``1 interview``, ``2 interviews``.

    ``plural_noun`` is the plural when adding an "s" is wrong (``plural(2, "reply", "replies")``).
    """
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"
