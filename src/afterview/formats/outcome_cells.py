"""The outcome cells of a CSV row read back: ``outcome_notes`` and the offer's ``offer_deadline`` and
``offer_terms``, put on the status history they belong to (pure; :mod:`.exports` writes them)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import partial
from typing import Any

from afterview.errors import UserError
from afterview.formats.exports import NOTE_INDENT
from afterview.models.enums import Status
from afterview.models.records import StatusChange

_OUTCOME_NOTE = re.compile(r"^(?P<status>[a-z-]+) \((?P<on>[0-9-]+)\): ?(?P<note>.*)$")
Bad = Callable[[str], UserError]


def with_notes(history: list[StatusChange], cell: str, *, bad: Bad) -> list[StatusChange]:
    """``history`` with the notes of an ``outcome_notes`` cell (as :func:`.exports.outcome_notes` writes
    it) on the entries they name by status and date."""
    notes: list[tuple[str, str, list[str]]] = []
    for line in cell.split("\n") if cell else []:
        if line.startswith(NOTE_INDENT) and notes:
            notes[-1][2].append(line.removeprefix(NOTE_INDENT))
            continue
        match = _OUTCOME_NOTE.match(line)
        if match is None:
            raise bad(f"cannot read {line!r}; write each note as 'rejected (2026-12-03): the note'")
        notes.append((match["status"], match["on"], [match["note"]]))
    changes = list(history)
    for status, on, lines in notes:
        index = next(
            (
                i
                for i, c in enumerate(changes)
                if (c.status.value, c.on.isoformat()) == (status, on) and not c.note
            ),
            None,
        )
        if index is None:
            raise bad(f"status_history has no {status} ({on}) for the note {lines[0]!r}")
        changes[index] = changes[index].model_copy(update={"note": "\n".join(lines).strip() or None})
    return changes


def with_offer(
    history: list[StatusChange],
    cells: dict[str, str],
    *,
    bad: Callable[[str, str], UserError],
    date: Callable[..., dt.date],
) -> list[StatusChange]:
    """``history`` with the ``offer_deadline`` and ``offer_terms`` of a row on its latest offer."""
    deadline, terms = cells.get("offer_deadline", ""), cells.get("offer_terms", "")
    if not deadline and not terms:
        return history
    column = "offer_deadline" if deadline else "offer_terms"
    offers = [i for i, change in enumerate(history) if change.status is Status.OFFER]
    if not offers:
        raise bad(column, "status_history holds no offer")
    offer = history[offers[-1]]
    update: dict[str, Any] = {}
    if deadline:
        update["deadline"] = date(deadline, bad=partial(bad, "offer_deadline"))
    if terms and offer.note not in (None, terms):
        raise bad("offer_terms", "they differ from the offer's note in outcome_notes")
    if terms:
        update["note"] = terms
    return [*history[: offers[-1]], offer.model_copy(update=update), *history[offers[-1] + 1 :]]
