"""Reading interviews from an afterview JSON export or a CSV file (pure; :mod:`afterview.domain.merging`
merges them).

Everything is checked before anything is merged: one bad record or row fails the whole import with a message
naming it, so a store is never half-imported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import PurePath
from typing import Any, TypeVar

from pydantic import ValidationError  # the models below load it anyway; once here, not once a row

from afterview.domain.merging import Incoming
from afterview.errors import UserError
from afterview.formats import cells as csv_cells
from afterview.formats import checks, outcome_cells
from afterview.formats.exports import CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION
from afterview.formats.mapping import ColumnMap
from afterview.models.document import SCHEMA_VERSION
from afterview.models.enums import Format, Stage, Status
from afterview.models.migrations import schema_1_to_2
from afterview.models.records import Interview, Person, Process, Profile, Reference, StatusChange
from afterview.models.stories import Story

REQUIRED_CSV_COLUMNS = ("company", "role", "at")
_CSV_HINT = f"The CSV header is: {','.join(CSV_COLUMNS)} (company, role and at are required)."
_SPEC = re.compile(r"^(?P<rest>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*$")
_HISTORY_ENTRY = re.compile(r"^(?P<status>[a-z-]+)\s*(?:\((?P<on>[^()]*)\))?$")
Bad = Callable[[str], UserError]
"""Makes the error for a problem in one cell, naming its row and column."""


@dataclass(frozen=True)
class Source:
    """A file to import: its text, whether it is an afterview JSON export (else a CSV), the ids wanted."""

    text: str
    is_json: bool
    only: frozenset[int] = frozenset()
    columns: ColumnMap = field(default_factory=ColumnMap)
    """How a CSV's columns read as afterview's (``--map``)."""

    def read(self, *, tz: dt.tzinfo, today: dt.date) -> Incoming:
        """Every record in the file, checked (:func:`read_json` or :func:`read_csv`), keeping only ``only``.

        Raises UserError when a record is invalid or an id in ``only`` is not in the file.
        """
        if not self.is_json:
            return read_csv(self.text, tz=tz, today=today, columns=self.columns)
        incoming = read_json(self.text)
        if not self.only:
            return incoming
        missing = sorted(self.only - {i.id for i in incoming.interviews})
        if missing:
            raise UserError(f"The file holds no interview {', '.join(map(str, missing))}.")
        return Incoming(
            interviews=[i for i in incoming.interviews if i.id in self.only],
            processes=incoming.processes,
            next_ids=incoming.next_ids,
        )  # --only picks interviews: the stories stay out, as the profile and references do


def source(text: str, *, name: str, only: Iterable[int] = (), columns: ColumnMap | None = None) -> Source:
    """The file ``name`` holding ``text``: JSON by a ``.json`` suffix, or without a ``.csv`` one by a ``{``.

    Raises UserError when ``only`` picks ids from a CSV, which has no afterview ids, or ``columns`` maps
    the columns of a JSON export, which has none.
    """
    suffix = PurePath(name).suffix.lower()
    is_json = suffix == ".json" or (suffix != ".csv" and text.lstrip("\ufeff \r\n\t").startswith("{"))
    if only and not is_json:
        raise UserError("--only picks interviews by id from a JSON export; a CSV has no afterview ids.")
    if columns and is_json:
        raise UserError("--map reads the columns of a CSV; this is a JSON export.")
    return Source(text, is_json=is_json, only=frozenset(only), columns=columns or ColumnMap())


def read_json(text: str) -> Incoming:
    """An afterview JSON export (or a store file, such as a backup), every record checked.

    Raises UserError naming the first problem: not JSON, not afterview's, too new, or an invalid record.
    """
    raw = _export(text)
    interviews = _interview_items(raw)
    processes = _by_id(raw.get("processes") or [], Process, kind="process")
    incoming = Incoming(processes=list(processes.values()))
    incoming.interviews = _interviews(interviews, processes)
    _read_profile_and_references(raw, incoming)
    stories = raw.get("stories")
    stories = stories if isinstance(stories, list) else []
    incoming.stories = list(_by_id(stories, Story, kind="story", mark="S").values())
    return incoming


def _export(text: str) -> dict[str, Any]:
    """The export's top-level object, its versions checked and a schema 1 export (afterview 0.1) migrated.

    Raises UserError when ``text`` is not JSON, not an afterview export or store file, or too new to read.
    """
    checks.json_depth(text)
    try:
        loaded = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as error:
        raise UserError(
            f"This is not valid JSON: line {error.lineno} column {error.colno}: {error.msg}."
        ) from None
    if not isinstance(loaded, dict) or loaded.get("format") not in (EXPORT_FORMAT, "afterview"):
        raise UserError(
            "This JSON is not an afterview export.", hint="Make one with: afterview export json -o FILE"
        )
    raw: dict[str, Any] = loaded
    _check_version(raw, "export_version", EXPORT_VERSION)
    _check_version(raw, "schema_version", SCHEMA_VERSION)
    if raw.get("schema_version", 1) == 1:  # afterview 0.1: rounds linked by previous_id, no processes
        raw = schema_1_to_2(raw)
    return raw


def _interview_items(raw: dict[str, Any]) -> list[Any]:
    """The raw interview records: the export's ``interviews``, and a store file's ``archive`` after them.

    Raises UserError when there is no ``interviews`` list.
    """
    interviews = raw.get("interviews")
    if not isinstance(interviews, list):
        raise UserError('The export has no "interviews" list.')
    archive = raw.get("archive") if raw.get("format") == "afterview" else None
    if isinstance(archive, list):  # a store file keeps the rounds of processes that are over apart
        interviews = [*interviews, *archive]
    return interviews


Record = TypeVar("Record", Process, Story)


def _by_id(items: Iterable[Any], model: type[Record], *, kind: str, mark: str = "") -> dict[int, Record]:
    """The ``kind`` records (processes, stories), each validated as ``model`` and checked, by id in file
    order; ``mark`` prefixes an id where one is named (``S7``), and names it in the checks' messages.

    Raises UserError naming the record (1-based) that is invalid, or an id given twice.
    """
    records: dict[int, Record] = {}
    for index, item in enumerate(items, start=1):
        try:
            record = model.model_validate(item)
        except ValidationError as error:
            raise UserError(f"The {kind} record {index} is invalid: {_first_error(error)}.") from None
        if record.id in records:
            raise UserError(f"Two {kind} records have id {mark}{record.id}.")
        checks.record(record, where=f"The {kind} record {index}" + (f" ({mark}{record.id})" if mark else ""))
        records[record.id] = record
    return records


def _interviews(items: Iterable[Any], processes: dict[int, Process]) -> list[Interview]:
    """The interview records, each validated, linked to its process in ``processes`` and checked.

    Raises UserError naming the record (1-based, with its id when it has one) that is invalid, shares an
    id with an earlier one, or names a process the file does not hold.
    """
    interviews: list[Interview] = []
    seen: dict[int, int] = {}
    for index, item in enumerate(items, start=1):
        label = f"interview record {index}" + (
            f" (id {item['id']})" if isinstance(item, dict) and "id" in item else ""
        )
        try:
            interview = Interview.model_validate(item)
        except ValidationError as error:
            raise UserError(f"The {label} is invalid: {_first_error(error)}.") from None
        if interview.id in seen:
            raise UserError(
                f"Interview records {seen[interview.id]} and {index} both have id {interview.id}."
            )
        if interview.process_id not in processes:
            raise UserError(
                f"The {label} is a round of process {interview.process_id}, which the file does not hold."
            )
        interview.linked(processes[interview.process_id])
        seen[interview.id] = index
        checks.interview(interview, where=f"The {label}")
        interviews.append(interview)
    return interviews


def _read_profile_and_references(raw: dict[str, Any], incoming: Incoming) -> None:
    """Set ``incoming``'s profile, references and next free ids from the export, each validated and checked.

    Raises UserError when the profile or a reference is invalid.
    """
    try:
        if raw.get("profile") is not None:
            incoming.profile = Profile.model_validate(raw["profile"])
        incoming.references = [Reference.model_validate(item) for item in raw.get("references") or []]
        incoming.next_ids = _next_ids(raw)
    except ValidationError as error:
        raise UserError(f"The profile or a reference is invalid: {_first_error(error)}.") from None
    if incoming.profile is not None:
        checks.profile(incoming.profile)
    for index, reference in enumerate(incoming.references, start=1):
        checks.record(reference, where=f"Reference record {index} (id {reference.id})")


_STORE_NEXT_IDS = {
    "interview": "next_id",
    "process": "next_process_id",
    "reference": "next_reference_id",
    "story": "next_story_id",
}


def _next_ids(raw: dict[str, Any]) -> dict[str, int]:
    """The next free ids an export (``next_ids``) or a store file (``next_id``...) names; positive whole
    numbers only, anything else ignored (an export without them is read as before)."""
    given = raw.get("next_ids")
    named = dict(given) if isinstance(given, dict) else {}
    for kind, key in _STORE_NEXT_IDS.items():
        named.setdefault(kind, raw.get(key))
    return {
        kind: value
        for kind, value in named.items()
        if kind in _STORE_NEXT_IDS
        and isinstance(value, int)
        and not isinstance(value, bool)
        and 1 <= value <= 10**9
    }


def _check_version(raw: dict[str, Any], key: str, supported: int) -> None:
    version = raw.get(key, 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise UserError(f"The export's {key} {version!r} is not a positive whole number.")
    if version > supported:
        raise UserError(
            f"This export was written by a newer afterview ({raw.get('written_by', 'unknown version')}, "
            f"{key} {version}; this one reads up to {supported}). Nothing was imported.",
            hint="Upgrade afterview, then import again.",
        )


def _first_error(error: Any) -> str:
    first = error.errors()[0]
    where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
    return f"{where.lstrip('.') or 'top level'}: {first['msg']}"


def read_csv(text: str, *, tz: dt.tzinfo, today: dt.date, columns: ColumnMap | None = None) -> Incoming:
    """Interviews from a CSV under the documented header (any order; comma, semicolon or tab separated), or
    under their own header read through ``columns`` (``--map``), which names their columns in messages.

    Dates are ISO 8601; a date-time without an offset is in ``tz``, a date alone means noon.
    """
    text = text.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        names = next(reader)
    except StopIteration:
        raise UserError("The CSV file is empty.", hint=_CSV_HINT) from None
    except csv.Error as error:
        raise UserError(f"The CSV header cannot be read: {error}.", hint=_CSV_HINT) from None
    header, labels, left_out = (columns or ColumnMap()).header(names)
    _check_header([name for name in header if name is not None])
    incoming = Incoming(left_out=left_out)
    ids: dict[str, int] = {}
    number, line = 0, 2
    try:
        for values in reader:
            row_line, line = line, reader.line_num + 1
            if not any(value.strip() for value in values):
                continue
            number += 1
            where = f"row {number} (line {row_line})"
            if len(values) != len(header):
                raise UserError(
                    f"CSV {where} has {len(values)} fields; the header has {len(header)}.",
                    hint="Quote values that hold the separator or a line break.",
                )
            cells = {
                name: csv_cells.restored(value.strip())
                for name, value in zip(header, values, strict=True)
                if name is not None
            }
            cells = checks.csv_cells(cells, where=f"CSV {where}", labels=labels)
            if cells.get("id"):
                if cells["id"] in ids:
                    raise UserError(f"CSV {where} repeats the id {cells['id']} of row {ids[cells['id']]}.")
                ids[cells["id"]] = number
            incoming.rows.append(_row(cells, where=where, tz=tz, today=today, labels=labels))
    except csv.Error as error:
        raise UserError(f"The CSV cannot be read after line {line - 1}: {error}.") from None
    return incoming


def _check_header(header: list[str]) -> None:
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise UserError(f"The CSV header repeats the column {', '.join(repeated)}.", hint=_CSV_HINT)
    unknown = [name for name in header if name not in CSV_COLUMNS]
    missing = [name for name in REQUIRED_CSV_COLUMNS if name not in header]
    problems = [f"has unknown columns: {', '.join(unknown)}"] if unknown else []
    problems += [f"is missing the column {', '.join(missing)}"] if missing else []
    if problems:
        hint = _CSV_HINT + (" Another program's columns: --map 'Their Name=company,...'." if unknown else "")
        raise UserError("The CSV " + " and ".join(problems) + ".", hint=hint)


def _row(
    cells: dict[str, str], *, where: str, tz: dt.tzinfo, today: dt.date, labels: dict[str, str]
) -> dict[str, Any]:
    """The fields of an interview from one CSV row, checked (a column named as ``labels`` says)."""

    def bad(column: str, problem: str) -> UserError:
        return UserError(f"CSV {where}, column {labels.get(column, column)}: {problem}.", hint=_CSV_HINT)

    fields: dict[str, Any] = {}
    for column in ("company", "role"):
        value = cells.get(column, "")
        if not value:
            raise bad(column, "it is empty")
        if len(value) > 200:
            raise bad(column, f"too long ({len(value)} characters; at most 200)")
        fields[column] = value
    zone = _zone(cells.get("timezone", ""), bad=partial(bad, "timezone"))
    if zone is not None:
        from zoneinfo import ZoneInfo

        fields["timezone"], tz = zone, ZoneInfo(zone)
    fields["at"] = _moment(cells["at"], tz=tz, bad=partial(bad, "at"))
    for column, enum, default in (("stage", Stage, Stage.OTHER), ("format", Format, Format.VIDEO)):
        fields[column] = _choice(cells.get(column, ""), enum, default, bad=partial(bad, column))
    fields["location"] = cells.get("location") or None
    fields["notes"] = cells.get("notes") or None
    if cells.get("decision_by"):
        fields["decision_by"] = _date(cells["decision_by"], bad=partial(bad, "decision_by"))
    fields["interviewers"] = _people(cells.get("interviewers", ""), bad=partial(bad, "interviewers"))
    history = _history(cells.get("status_history", ""), bad=partial(bad, "status_history"))
    status = _choice(cells.get("status", ""), Status, None, bad=partial(bad, "status"))
    if history and status is not None and history[-1].status is not status:
        raise bad(
            "status", f"{status.value} is not where the status_history ends ({history[-1].status.value})"
        )
    if not history and status not in (None, Status.WAITING):
        assert status is not None
        history = [StatusChange(status=status, on=today, note="status from an import")]
    history = outcome_cells.with_notes(
        history, cells.get("outcome_notes", ""), bad=partial(bad, "outcome_notes")
    )
    fields["history"] = outcome_cells.with_offer(history, cells, bad=bad, date=_date)
    days = [("at", fields["at"]), ("decision_by", fields.get("decision_by"))]
    days += [("status_history", change.on) for change in fields["history"]]
    days += [("offer_deadline", change.deadline) for change in fields["history"]]
    for column, day in days:
        if day is not None:
            checks.date(day, where=f"CSV {where}", field=f"column {labels.get(column, column)}")
    return fields


def _moment(text: str, *, tz: dt.tzinfo, bad: Bad) -> dt.datetime:
    try:
        if len(text) == 10:
            return dt.datetime.combine(dt.date.fromisoformat(text), dt.time(12), tzinfo=tz)
        moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise bad(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)") from None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=tz)


def _zone(text: str, *, bad: Bad) -> str | None:
    """The IANA zone a ``timezone`` cell names (``None`` for an empty cell): the zone the interview
    happened in, which an ``at`` without an offset is read in."""
    if not text:
        return None
    from afterview.domain.zones import iana_name

    name = iana_name(text)
    if name is None:
        raise bad(f"{text!r} is not an IANA time zone (Europe/Berlin, America/New_York...)")
    return name


def _date(text: str, *, bad: Bad) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise bad(f"{text!r} is not an ISO 8601 date (YYYY-MM-DD)") from None


def _choice(text: str, enum: Any, default: Any, *, bad: Bad) -> Any:
    if not text:
        return default
    try:
        return enum(text.lower())
    except ValueError:
        options = ", ".join(member.value for member in enum)
        raise bad(f"{text!r} is not one of {options}") from None


def _people(cell: str, *, bad: Bad) -> list[Person]:
    """The interviewers of a cell: a JSON array as ``export csv`` writes it, else ``Name, Title <email>``
    specs separated by ``;``."""
    try:
        found = csv_cells.people_from_cell(cell)
    except ValueError as error:
        raise bad(str(error)) from None
    if found is None:
        return [_person(spec, bad=bad) for spec in cell.split(";") if spec.strip()]
    try:
        people = [Person.model_validate(item) for item in found]
    except ValidationError as error:
        raise bad(_first_error(error)) from None
    for number, person in enumerate(people, start=1):  # as decoded from the JSON's \u escapes
        problem = checks.record_problem(person)
        if problem is not None:
            raise bad(f"person {number}, {problem}")
    return people


def _person(spec: str, *, bad: Bad) -> Person:
    match = _SPEC.match(spec.strip())
    if match is None or not match["rest"].strip():
        raise bad(f'cannot read {spec.strip()!r}; write "Name, Title <email>; Other Name"')
    name, _, title = match["rest"].partition(",")
    try:
        return Person(
            name=name.strip(), title=title.strip() or None, email=(match["email"] or "").strip() or None
        )
    except ValidationError as error:
        raise bad(f"{spec.strip()!r}: {_first_error(error)}") from None


def _history(text: str, *, bad: Bad) -> list[StatusChange]:
    if not text:
        return []
    changes: list[StatusChange] = []
    for index, entry in enumerate(re.split(r"\s*(?:→|->)\s*", text.strip())):
        match = _HISTORY_ENTRY.match(entry.strip().lower())
        if match is None or match["on"] is None:
            raise bad(f"cannot read {entry!r}; write entries as 'next-round (2026-12-01)' joined by →")
        status = _choice(match["status"], Status, None, bad=bad)
        on = _date(match["on"].strip(), bad=bad)
        if index == 0 and status is Status.WAITING:
            continue  # the start of every process, implied by the interview itself
        changes.append(StatusChange(status=status, on=on))
    return changes
