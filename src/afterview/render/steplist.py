"""How a list of steps reads as text: when each is due, the columns, and the words around the list.

Shared by the Rich output (:mod:`afterview.render`) and the fast ``todo`` (:mod:`afterview.cli.fast`), so
the two print the same; standard library only, as the fast path needs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from afterview.domain.dates import describe_due
from afterview.render.literal import visible

GAP = "  "
NOTHING_TO_DO = "Nothing to do. Just had an interview? Record it with: afterview log"
MAX_WHEN_WIDTH = 40
"""A longer "when" (a skipped step's reason) is not padded to, so it cannot push every title aside."""
MIN_TITLE_WIDTH = 28
"""Narrower than this beside the id and "when", a title goes on a line of its own under them."""

_UNIT = re.compile(r"\s*(?:\(afterview\b[^()]*\)\S*|\S+)\s*")
"""What a title wraps between: words, and a whole ``(afterview remember 3)`` as one, so a command is never
cut in two."""


def when(due: dt.date, *, now: dt.datetime, late: bool) -> str:
    """A pending step's due date as people say it, ``OVERDUE`` first when it has gone by."""
    text = describe_due(due, now=now)
    return f"OVERDUE {text}" if late else text


def widths(ids: Iterable[str], whens: Iterable[str]) -> tuple[int, int]:
    """How wide the id and "when" columns are. They are padded by hand, so they stay visible on a narrow
    terminal and piped output carries no trailing spaces."""
    return max(map(len, ids), default=0), min(max(map(len, whens), default=0), MAX_WHEN_WIDTH)


def cells(step_id: str, when: str, title: str, *, widths: tuple[int, int]) -> tuple[str, str, str]:
    """A row's id, "when" and title, padded to ``widths``; :data:`GAP` goes between them."""
    return step_id.ljust(widths[0]), when.ljust(widths[1]), title


def company_tag(company: str) -> str:
    """What follows a row's title to say which interview it belongs to: ``  [Acme]``."""
    return f"{GAP}[{company}]"


def line(step_id: str, when: str, title: str, *, company: str, widths: tuple[int, int]) -> str:
    """One plain row: ``7.2  tomorrow, Sat 28 Nov  Thank-you note to Jane  [Acme]`` (stored text shown
    literally, as :func:`afterview.render.literal.visible` says)."""
    return GAP.join(cells(step_id, when, visible(title), widths=widths)) + company_tag(visible(company))


def breaks(text: str, width: int, *, measure: Callable[[str], int] = len) -> list[int]:
    """Where ``text`` starts a new line when wrapped at ``width`` (as offsets into it): between words, never
    inside a parenthesised command; a word wider than a whole line is cut where it must. ``measure`` says
    how wide a piece is on screen (Rich's cell length on a terminal)."""
    found: list[int] = []
    used = 0
    for unit in _UNIT.finditer(text):
        start, word = unit.start(), unit[0]
        if used and used + measure(word.rstrip()) > width:
            found.append(start)
            used = 0
        while measure(word.rstrip()) > width > 0:  # longer than a line: cut it
            cut = _fitting(word, width, measure)
            start += cut
            found.append(start)
            word = word[cut:]
        used += measure(word)
    return found


def _fitting(word: str, width: int, measure: Callable[[str], int]) -> int:
    """How many characters of ``word`` fit in ``width`` (at least one)."""
    end = 1
    while end < len(word) and measure(word[: end + 1]) <= width:
        end += 1
    return end


def closing_hint(overdue: int, *, next_command: str | None = None) -> str:
    """What ``todo`` says under the list: how many are overdue, the command that does the first step
    (:func:`afterview.domain.hints.step_command`), and how to tick steps off."""
    hint = "Tick steps off with: afterview done STEP"
    if next_command is not None and not next_command.startswith("afterview done "):
        hint = f"Next: {next_command}. {hint}"
    return f"{overdue} overdue. {hint}" if overdue else hint
