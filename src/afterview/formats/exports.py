"""A store as other programs read it: JSON, CSV, Markdown and vCard text (pure; the CLI writes the files).

The JSON export is afterview's own versioned format, which ``afterview import`` reads back; the others are
for spreadsheets, people and address books.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from afterview import __version__
from afterview.domain.history import in_time_order, timeline
from afterview.domain.people import NameParts, vcard_n
from afterview.formats.cells import neutralised, neutralised_unless_phone, people_cell
from afterview.models.document import SCHEMA_VERSION, Document
from afterview.models.enums import Stage
from afterview.models.records import Debrief, Interview, Person
from afterview.models.stories import Story

EXPORT_FORMAT = "afterview-export"
EXPORT_VERSION = 3
"""The version of the JSON export; bumped whenever its shape changes (documented in the README).

2 (schema 2): ``processes`` beside ``interviews``, whose rounds name them by ``process_id``. 3: the story
bank, ``stories`` (and ``next_ids.story``), which an import of an older afterview would drop, so it refuses
the file instead. ``import`` still reads versions 1 and 2.
"""

CSV_COLUMNS = (
    "id",
    "company",
    "role",
    "at",
    "stage",
    "format",
    "location",
    "interviewers",
    "decision_by",
    "status",
    "status_history",
    "notes",
    "offer_deadline",
    "offer_terms",
    "outcome_notes",
    "timezone",
)
"""The CSV header, in order; ``afterview import`` reads the same columns (``timezone``, the IANA zone the
interview happened in, last: it came after the others)."""

HISTORY_ARROW = " → "
NOTE_INDENT = "  "
_VCARD_NAMESPACE = uuid.UUID("5b0c3f0e-9a53-4d0c-8a4e-0d6f2e0b8c11")


def to_json(document: Document, *, now: dt.datetime) -> bytes:
    """The whole store as a versioned JSON export (profile, references and every interview), UTF-8."""
    from pydantic_core import to_json as dump  # serialises models directly, several times faster

    payload = {
        "format": EXPORT_FORMAT,
        "export_version": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "written_by": f"afterview {__version__}",
        "exported_at": now.isoformat(),
        "profile": document.profile,
        "references": document.references,
        "processes": sorted(document.processes, key=lambda p: p.id),
        "interviews": _by_id(document.interviews),
        "next_ids": {
            "interview": document.next_id,
            "process": document.next_process_id,
            "reference": document.next_reference_id,
            "story": document.next_story_id,
        },
        "stories": sorted(document.stories, key=lambda s: s.id),
    }
    return dump(payload, indent=2) + b"\n"  # bytes, never a str copy of a store that may be large


def to_csv(document: Document, *, bom: bool = True) -> str:
    """One row per interview with its status history, under :data:`CSV_COLUMNS`.

    Safe to open in a spreadsheet: formulas neutralised (:mod:`afterview.formats.cells`), interviewers as a
    JSON array in their cell, and a UTF-8 byte-order mark first (unless ``bom`` is false) so that Excel reads
    the file as UTF-8.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    starts = first_days(document)
    for interview in _by_id(document.interviews):
        people = (person.model_dump() for person in interview.interviewers)
        offer = interview.process.offer
        writer.writerow(
            neutralised(str(cell))
            for cell in (
                interview.id,
                interview.company,
                interview.role,
                interview.at.isoformat(),
                interview.stage.value,
                interview.format.value,
                interview.location or "",
                people_cell(people),
                interview.decision_by.isoformat() if interview.decision_by else "",
                interview.status.value,
                status_history(interview, since=starts[interview.process_id]),
                interview.notes or "",
                offer.deadline.isoformat() if offer and offer.deadline else "",
                (offer.note or "") if offer else "",
                outcome_notes(interview),
                interview.timezone or "",
            )
        )
    return ("\ufeff" if bom else "") + buffer.getvalue()


def first_days(document: Document) -> dict[int, dt.date]:
    """Each process's first day (by process id): its first round's, or the day it was logged if earlier."""
    days = {process.id: process.created_at.date() for process in document.processes}
    for interview in document.interviews:
        days[interview.process_id] = min(days[interview.process_id], interview.at.date())
    return days


def status_history(interview: Interview, *, since: dt.date | None = None) -> str:
    """``waiting (2026-11-20) → next-round (2026-11-25) → offer (2026-12-01)``: where the process went, in
    time order, from its first day ``since`` (default: this round's, or the process's if earlier;
    :func:`afterview.domain.history.timeline`)."""
    process = interview.process
    first = since or min(process.created_at.date(), interview.at.date())
    entries = timeline(process, since=first)
    return HISTORY_ARROW.join(f"{status.value} ({on.isoformat()})" for status, on in entries)


def outcome_notes(interview: Interview) -> str:
    """Every outcome's note with its status and date, one a line (a note's further lines indented by
    :data:`NOTE_INDENT`): ``rejected (2026-12-03): They went with an internal candidate``."""
    entries = []
    for change in in_time_order(interview.process.history):
        if change.note:
            first, *rest = change.note.split("\n")
            entries.append(f"{change.status.value} ({change.on.isoformat()}): {first}")
            entries += (NOTE_INDENT + line for line in rest)
    return "\n".join(entries)


def _person_spec(person: Person) -> str:
    title = f", {person.title}" if person.title else ""
    email = f" <{person.email}>" if person.email else ""
    return f"{person.name}{title}{email}"


def to_markdown(document: Document, *, now: dt.datetime) -> str:
    """A readable report, one section per interview (debrief included), newest first."""
    name = document.profile.name
    lines = [f"# Interviews{f' of {name}' if name else ''}", "", f"Exported {now:%Y-%m-%d %H:%M}."]
    starts = first_days(document)
    for interview in sorted(document.interviews, key=lambda i: i.at, reverse=True):
        lines += ["", *_interview_markdown(interview, since=starts[interview.process_id])]
    if document.stories:
        lines += ["", "# Stories"]
        for story in sorted(document.stories, key=lambda s: s.id):
            lines += ["", *_story_markdown(story)]
    return "\n".join(lines) + "\n"


def _story_markdown(story: Story) -> Iterator[str]:
    """One story's section of :func:`to_markdown`: its heading, tags, then each part it has."""
    yield f"## {story.label}. {_inline(story.title)}"
    if story.tags:
        yield from ("", f"- **Tags:** {_inline(', '.join(story.tags))}")
    for label, text in (
        ("Situation", story.situation),
        ("Task", story.task),
        ("Action", story.action),
        ("Result", story.result),
        ("What I would do differently", story.differently),
    ):
        if text:
            yield from ("", f"**{label}:**", "", text.strip())


def _interview_markdown(interview: Interview, *, since: dt.date) -> Iterator[str]:
    """One interview's section of :func:`to_markdown`, as lines: its heading and facts, then a ``###``
    subsection for each of its outcomes, interviewers, paperwork, debrief, notes and done steps it has."""
    yield f"## {interview.id}. {interview.company}: {interview.role}"
    yield ""
    yield from _facts_markdown(interview, since=since)
    yield from _outcomes_markdown(interview)
    yield from _interviewers_markdown(interview)
    yield from _paperwork_markdown(interview)
    if interview.debrief is not None:
        yield from _debrief_markdown(interview.debrief)
    if interview.notes:
        yield from ("", "### Notes", "", interview.notes.strip())
    yield from _done_markdown(interview)


def _facts_markdown(interview: Interview, *, since: dt.date) -> Iterator[str]:
    """The interview's facts as ``- **Label:** value`` lines (when, stage, status...), those it has."""
    facts = [
        ("When", f"{interview.at:%a %d %b %Y %H:%M %z}"),
        ("Stage", f"{interview.stage.value}, {interview.format.value}"),
        ("Where", interview.location),
        ("Status", interview.status.value),
        ("History", status_history(interview, since=since)),
        ("Next steps", interview.next_steps),
        ("Decision by", interview.decision_by.isoformat() if interview.decision_by else None),
    ]
    yield from (f"- **{label}:** {_inline(value)}" for label, value in facts if value)


def _outcomes_markdown(interview: Interview) -> Iterator[str]:
    """``### Outcomes``: each status change of the process with a note or a deadline (none: nothing).

    One item a change (``- 2026-12-03 **offer**, deadline 2026-12-10: first line``), the note's further
    lines indented under it.
    """
    outcomes = [change for change in interview.process.history if change.note or change.deadline]
    if not outcomes:
        return
    yield from ("", "### Outcomes", "")
    for change in outcomes:
        deadline = f", deadline {change.deadline.isoformat()}" if change.deadline else ""
        first, *rest = (change.note or "").strip().splitlines() or [""]
        yield f"- {change.on.isoformat()} **{change.status.value}**{deadline}" + (
            f": {first}" if first else ""
        )
        yield from (f"  {line}" for line in rest)


def _interviewers_markdown(interview: Interview) -> Iterator[str]:
    """``### Interviewers``: one ``- Name, title <email>`` item each (none: nothing)."""
    if interview.interviewers:
        yield from ("", "### Interviewers", "")
        yield from (f"- {_inline(_person_spec(person))}" for person in interview.interviewers)


def _paperwork_markdown(interview: Interview) -> Iterator[str]:
    """``### Paperwork``: one item a document, with its due date if it has one (none: nothing)."""
    if interview.paperwork:
        yield from ("", "### Paperwork", "")
        for item in interview.paperwork:
            yield f"- {_inline(item.title)}" + (f" (due {item.due.isoformat()})" if item.due else "")


def _debrief_markdown(debrief: Debrief) -> Iterator[str]:
    """``### Debrief``: the numbered questions, then each text section and list the debrief fills."""
    yield from ("", "### Debrief")
    yield from _debrief_questions_markdown(debrief)
    for label, text in (
        ("Went well", debrief.went_well),
        ("To improve", debrief.to_improve),
        ("Notes", debrief.notes),
    ):
        if text:
            yield from ("", f"**{label}:**", "", text.strip())
    for label, items in (
        ("For the thank-you note", debrief.thank_you_topics),
        ("My questions", debrief.my_questions),
    ):
        if items:
            yield from ("", f"**{label}:**", "")
            yield from (f"- {_inline(item)}" for item in items)


def _debrief_questions_markdown(debrief: Debrief) -> Iterator[str]:
    """The debrief's questions as a numbered list (``1. **question** (rating)``), the answer and what to
    say next time as sub-items when given."""
    for number, question in enumerate(debrief.questions, start=1):
        rating = f" ({question.rating.value})" if question.rating else ""
        yield from ("", f"{number}. **{_inline(question.question)}**{rating}")
        if question.answer:
            yield from _indented("Answer", question.answer)
        if question.next_time:
            yield from _indented("Next time", question.next_time)
        story = (question.model_extra or {}).get("story")
        if isinstance(story, str) and story:
            yield from _indented("Story", story)


def _done_markdown(interview: Interview) -> Iterator[str]:
    """``### Done``: each step marked done, with the date it was done if known (none: nothing)."""
    done = [step for step in interview.steps if step.state.value == "done"]
    if done:
        yield from ("", "### Done", "")
        for step in done:
            when = f" ({step.done_at:%Y-%m-%d})" if step.done_at else ""
            yield f"- {_inline(step.title)}{when}"


def _indented(label: str, text: str) -> Iterator[str]:
    first, *rest = text.strip().splitlines() or [""]
    yield f"   - *{label}:* {first}"
    yield from (f"     {line}" for line in rest)


def _inline(text: str) -> str:
    """Text on one Markdown line."""
    return " ".join(text.split())


@dataclass
class Contact:
    """One interviewer as an address-book entry, with every interview they were part of."""

    person: Person
    company: str
    met: list[str] = field(default_factory=list)


def contacts(document: Document) -> list[Contact]:
    """Every interviewer once (the same email, or the same name at the same company, is one person)."""
    found: dict[str, Contact] = {}
    for interview in _by_id(document.interviews):
        for person in interview.interviewers:
            key = (
                person.email or ""
            ).casefold() or f"{person.name.casefold()}|{interview.company.casefold()}"
            contact = found.setdefault(key, Contact(person=person, company=interview.company))
            contact.person = _merged(contact.person, person)
            stage = "" if interview.stage is Stage.OTHER else f"{interview.stage.value} "
            contact.met.append(
                f"{stage}interview for {interview.role} at {interview.company} "
                f"on {interview.at:%Y-%m-%d} (afterview interview {interview.id})"
            )
    return list(found.values())


def _merged(known: Person, newer: Person) -> Person:
    """``known`` with any details ``newer`` adds."""
    update = {
        name: getattr(newer, name)
        for name in ("title", "email", "phone", "url")
        if getattr(newer, name) and getattr(known, name) != getattr(newer, name)
    }
    return known.model_copy(update=update) if update else known


def to_vcard(document: Document) -> str:
    """Every interviewer as a vCard 4.0 contact (RFC 6350): escaped, folded, CRLF line ends."""
    lines: list[str] = []
    for contact in contacts(document):
        lines += _vcard(contact)
    return "".join(_fold(line) + "\r\n" for line in lines)


def _vcard(contact: Contact) -> list[str]:
    person = contact.person
    stored = NameParts(
        honorific=person.honorific,
        given_name=person.given_name,
        family_name=person.family_name,
        address_as=person.address_as,
    )
    n = ";".join(_value(part) for part in vcard_n(stored, person.name))  # RFC 6350 6.2.2
    identity = (person.email or "").casefold() or f"{person.name.casefold()}|{contact.company.casefold()}"
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"PRODID:-//afterview//afterview {__version__}//EN",
        f"UID:urn:uuid:{uuid.uuid5(_VCARD_NAMESPACE, identity)}",
        f"FN:{_value(person.name)}",
        f"N:{n}",
        f"ORG:{_value(contact.company)}",
    ]
    if person.title:
        lines.append(f"TITLE:{_value(person.title)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=work:{_value(person.email)}")
    if person.phone:
        lines.append(f"TEL;TYPE=work;VALUE=text:{escape_text(neutralised_unless_phone(person.phone))}")
    if person.url:
        lines.append(f"URL:{person.url}")
    lines += [f"NOTE:{_value('Met at: ' + '; '.join(contact.met))}", "END:VCARD"]
    return lines


def _value(value: str) -> str:
    """A vCard text value an address book or a spreadsheet it exports to will not run as a formula."""
    return escape_text(neutralised(value))


def escape_text(value: str) -> str:
    r"""A vCard text value: backslash, comma, semicolon and newlines escaped (RFC 6350 §3.4)."""
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def _fold(line: str, *, limit: int = 75) -> str:
    """Fold a content line at ``limit`` octets, never inside a UTF-8 character (RFC 6350 §3.2)."""
    parts: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _by_id(interviews: Iterable[Interview]) -> list[Interview]:
    return sorted(interviews, key=lambda interview: interview.id)
