"""How stored values read inside a message: on one line, listed with "and", dates written out."""

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
