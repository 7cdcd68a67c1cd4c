"""What an imported or hand-edited record must satisfy beyond its model, as ``log`` checks input (pure).

Every text field follows :mod:`afterview.domain.text_rules`; every date lies within :data:`EARLIEST` and
:data:`LATEST`; a step's id belongs to its interview; the profile's time zone is an IANA name; JSON nests at
most :data:`MAX_DEPTH` levels. A refusal names the record (or CSV row) and the field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel

from afterview.domain import text_rules
from afterview.domain.dates import EARLIEST, LATEST
from afterview.errors import UserError
from afterview.models.fields import FIELDS, MULTILINE_FIELDS, TextField
from afterview.models.records import Interview, Profile

MAX_DEPTH = 64
"""How deeply a JSON import may nest arrays and objects (an afterview export needs 6)."""

CSV_FIELDS: Mapping[str, TextField] = {
    "company": FIELDS["company"],
    "role": FIELDS["role"],
    "location": FIELDS["location"],
    "notes": FIELDS["notes"],
    "offer_terms": FIELDS["outcome_note"],
    "interviewers": TextField("interviewers", "interviewers", 50_000),  # a JSON array of people
    "status_history": TextField("status_history", "status history", 10_000),  # "waiting (date) → ..."
    "outcome_notes": TextField("outcome_notes", "outcome notes", 100_000, multiline=True),  # every note
}
"""Each CSV column that holds one field of the catalogue, or a cell made of several (their own limits);
any other column is one line of at most 200 characters."""

_ONE_LINE = TextField("cell", "cell", 200)

_HINT = "Fix the file; nothing was imported."
_BRACKET = re.compile(r"[\[\]{}]")
_INDEX = re.compile(r"\[\d+\]$")


def json_depth(text: str) -> None:
    """Refuse JSON that nests deeper than :data:`MAX_DEPTH`, before ``json.loads`` recurses into it."""
    depth = 0
    outside_strings = _without_strings(text)  # JSON strings hold no raw newline: lines stay put
    for match in _BRACKET.finditer(outside_strings):
        depth += 1 if match[0] in "[{" else -1
        if depth > MAX_DEPTH:
            line = outside_strings.count("\n", 0, match.start()) + 1
            raise UserError(
                f"This JSON nests deeper than {MAX_DEPTH} levels (line {line}); afterview exports do not.",
                hint=_HINT,
            )


def _without_strings(text: str) -> str:
    """``text`` with each JSON string written ``""`` (an unterminated one ends the text), in one pass: a
    regular expression retried from every quote of an unterminated string took quadratic time."""
    parts, position = [], 0
    while (start := text.find('"', position)) >= 0:
        parts.append(text[position:start])
        end = start
        while True:
            end = text.find('"', end + 1)
            if end < 0:
                return "".join([*parts, '""'])
            before = end - 1
            while text[before] == "\\":  # the quote is escaped when an odd number of backslashes precede it
                before -= 1
            if (end - 1 - before) % 2 == 0:
                break
        parts.append('""')
        position = end + 1
    return "".join([*parts, text[position:]])


def record(value: BaseModel, *, where: str) -> None:
    """Refuse a record (its nested records too) with text :mod:`afterview.domain.text_rules` refuses, a
    link that is no web address (``javascript:``) or a date outside :data:`EARLIEST`..:data:`LATEST`,
    naming ``where`` and the field (``debrief.questions[2]``).
    """
    found = record_problem(value)
    if found is not None:
        raise UserError(f"{where}, {found}.", hint=_HINT)
    for path, item in _leaves(value, ""):
        if isinstance(item, dt.date):
            date(item, where=where, field=f"field {path}")


def record_problem(value: BaseModel) -> str | None:
    """What is wrong with the text of ``value`` (nested records too), ``field name: control character
    U+001B (ESC) at position 5``, or ``None``: the rules of :func:`record` for text and links."""
    declared = _declared(type(value))
    for path, item in _leaves(value, ""):
        if not isinstance(item, str):
            continue
        key = _INDEX.sub("", path).rpartition(".")[2]  # the key that holds it, even in a list
        multiline = key in MULTILINE_FIELDS or key not in declared
        found = text_rules.too_long(item, max_length=100_000) or text_rules.problem(item, multiline=multiline)
        if found is None and key == "url":
            found = text_rules.web_address_problem(item)
        if found is not None:
            return f"field {path}: {found}"
    return None


@cache
def _declared(model: type[BaseModel]) -> frozenset[str]:
    """Every declared field name of ``model`` and the models inside it (unknown keys are not in it)."""
    names: set[str] = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for inner in _model_args(info.annotation):
            names |= _declared(inner)
    return frozenset(names)


def _model_args(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _model_args(arg)


def _leaves(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    """Every scalar under ``value`` with its path."""
    if isinstance(value, BaseModel):
        for key, item in value:
            yield from _leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _leaves(item, f"{path}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value, start=1):
            yield from _leaves(item, f"{path}[{index}]")
    else:
        yield path, value


def date(value: dt.date, *, where: str, field: str) -> None:
    """Refuse a date outside :data:`EARLIEST`..:data:`LATEST`."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise UserError(
            f"{where}, {field}: {value.isoformat()} is not between {EARLIEST.year} and {LATEST.year}.",
            hint=_HINT,
        )


def interview(value: Interview, *, where: str) -> None:
    """:func:`record`, and every step's id is ``<this interview's id>.<n>``, given once."""
    record(value, where=where)
    seen: set[str] = set()
    for step in value.steps:
        if step.id.partition(".")[0] != str(value.id):
            raise UserError(
                f"{where}, step {step.id}: a step id starts with its interview's id ({value.id}.N).",
                hint=_HINT,
            )
        if step.id in seen:
            raise UserError(f"{where}: two steps have the id {step.id}.", hint=_HINT)
        seen.add(step.id)


def profile(value: Profile) -> None:
    """:func:`record`, and the time zone is an IANA name, the country one with a holiday calendar."""
    where = "The profile"
    record(value, where=where)
    if value.timezone is not None:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise UserError(
                f"{where}, field timezone: {value.timezone!r} is not an IANA time zone (Europe/Berlin...).",
                hint=_HINT,
            ) from None
    if value.country is not None:
        from afterview.domain.workdays import PublicHolidays

        try:
            PublicHolidays(value.country, value.subdivision).check()
        except UserError as error:
            raise UserError(f"{where}, field country: {error.message}", hint=_HINT) from None


def csv_cells(
    cells: Mapping[str, str], *, where: str, labels: Mapping[str, str] | None = None
) -> dict[str, str]:
    """A CSV row's cells, notes with Windows line ends made plain; refused (naming the row and column) when
    a cell is too long or holds text :mod:`afterview.domain.text_rules` refuses."""
    checked: dict[str, str] = {}
    for column, value in cells.items():
        if not value:  # most cells of a big file: nothing to check
            checked[column] = value
            continue
        field = CSV_FIELDS.get(column, _ONE_LINE)
        multiline = field.multiline
        text = text_rules.normalised(value, multiline=True) if multiline else value
        text_rules.check_field(
            text,
            where=where,
            field=f"column {(labels or {}).get(column, column)}",
            max_length=field.limit,
            multiline=multiline,
        )
        checked[column] = text
    return checked
