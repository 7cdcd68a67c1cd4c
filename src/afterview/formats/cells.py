"""Spreadsheet-safe cells: formulas neutralised on export and restored on import; one cell of people (pure).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and some treat a
leading tab or carriage return the same way (OWASP, "CSV Injection":
https://owasp.org/www-community/attacks/CSV_Injection). Such a cell is written with a single quote in front,
which spreadsheets show as text. So that ``import`` can take exactly that quote off again, the rule also
covers text that itself starts with quotes before such a character:

- export: a value matching ``'*[=+-@\\t\\r]`` (any number of quotes, then a trigger) gets one more ``'``;
- import: a cell matching ``'+[=+-@\\t\\r]`` loses its first ``'``; every other cell is kept as it is.

Each value has one cell and each cell one value, so a round trip gives back exactly what was exported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = "=+-@\t\r"
"""What a spreadsheet may read as the start of a formula (OWASP)."""

_NEEDS_QUOTE = re.compile(r"'*[=+\-@\t\r]")
_QUOTED = re.compile(r"'+[=+\-@\t\r]")
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]*")
PERSON_KEYS = ("name", "title", "email", "phone", "url")


def neutralised(value: str) -> str:
    """``value`` as a cell no spreadsheet runs: ``=1+1`` becomes ``'=1+1``."""
    return "'" + value if _NEEDS_QUOTE.match(value) else value


def restored(cell: str) -> str:
    """The value :func:`neutralised` made ``cell`` from: ``'=1+1`` becomes ``=1+1``."""
    return cell[1:] if cell.startswith("'") and _QUOTED.match(cell) else cell


def neutralised_unless_phone(value: str) -> str:
    """:func:`neutralised`, except that a phone number (``+49 30 1234``) keeps its plus sign."""
    return value if _PHONE.fullmatch(value) else neutralised(value)


def people_cell(people: Iterable[dict[str, Any]]) -> str:
    """Interviewers as one cell: a JSON array of objects (``name``, ``title``, ``email``, ``phone``,
    ``url``; empty ones left out), so any character in a name or title survives."""
    items = [{key: person[key] for key in PERSON_KEYS if person.get(key)} for person in people]
    return json.dumps(items, ensure_ascii=False) if items else ""


def people_from_cell(cell: str) -> list[dict[str, Any]] | None:
    """The people of a cell :func:`people_cell` wrote, or ``None`` when it is not a JSON array (a hand-made
    CSV's ``Name, Title <email>; Other Name``). Raises ValueError when it is an array but not of people."""
    if not cell.startswith("["):
        return None
    try:
        items = json.loads(cell)
    except ValueError:
        return None
    if not isinstance(items, list) or not all(
        isinstance(item, dict) and all(k in PERSON_KEYS and isinstance(v, str) for k, v in item.items())
        for item in items
    ):
        raise ValueError('write interviewers as [{"name": "...", "title": "...", "email": "..."}]')
    return items
