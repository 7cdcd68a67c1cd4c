"""Merging what an import file holds (:class:`Incoming`, read by :mod:`afterview.formats.imports`) into a
store's document, saying what changed (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from afterview.domain.dates import due_moment
from afterview.models.document import Document
from afterview.models.enums import StepState
from afterview.models.records import Interview, Process, Profile, Reference
from afterview.models.stories import Story

IMPORT_NOTE = "imported; it was due before the import"


@dataclass
class Incoming:
    """What a file holds, checked: interviews with ids (a JSON export) or rows to add (a CSV)."""

    interviews: list[Interview] = field(default_factory=list)
    """Linked to their processes in ``processes``."""
    processes: list[Process] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)
    """A CSV's columns that ``--map`` left out."""
    profile: Profile | None = None
    references: list[Reference] = field(default_factory=list)
    next_ids: dict[str, int] = field(default_factory=dict)
    """The next free ids of the store it came from (``interview``, ``process``, ``reference``, ``story``),
    so an id removed there is never handed out again here."""
    stories: list[Story] = field(default_factory=list)


@dataclass
class Conflict:
    """A record whose id is taken by a different one in the store."""

    what: str
    fields: list[str]


@dataclass
class Report:
    """What an import did (or, with ``--dry-run``, would do)."""

    added: list[int] = field(default_factory=list)
    replaced: list[int] = field(default_factory=list)
    replaced_processes: list[int] = field(default_factory=list)
    """Processes whose company, role, source or history the import's replaced (``--theirs``)."""
    unchanged: list[int] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)
    """The ids of the interviews added from CSV rows (also in ``added``)."""
    conflicts: list[Conflict] = field(default_factory=list)
    references_added: list[str] = field(default_factory=list)
    stories_added: list[int] = field(default_factory=list)
    stories_replaced: list[int] = field(default_factory=list)
    profile: str | None = None
    """``"taken"`` when the store had no profile and got the import's, ``"kept"`` when the two differ."""
    calendar_left: bool = False
    """The profile taken named a live calendar file, which was left out (it is the other store's)."""

    @property
    def changed(self) -> bool:
        """Whether the store would change."""
        return bool(
            self.added
            or self.replaced
            or self.replaced_processes
            or self.references_added
            or self.stories_added
            or self.stories_replaced
            or self.profile == "taken"
        )


def merge(document: Document, incoming: Incoming, *, now: dt.datetime, theirs: bool = False) -> Report:
    """Merge ``incoming`` into ``document`` in place and say what changed.

    Interviews from a JSON export are matched by id: a new id is added, an identical record is left alone,
    and a different one under a taken id is a conflict, reported and kept as it is (replaced with
    ``theirs``). CSV rows get new ids, unless an interview with the same company, role and time exists.
    Steps are not planned here: the transaction plans what changed, then :func:`settle_rows` skips the
    steps of the new rows that were due before the import.
    """
    from pydantic_core import to_json

    report = Report()
    current = {interview.id: interview for interview in document.interviews}
    positions = {interview.id: index for index, interview in enumerate(document.interviews)}
    mine = {process.id: process for process in document.processes}  # Document.process scans them all
    processes: dict[int, Process] = {}
    for interview in incoming.interviews:
        if interview.process_id not in processes:
            processes[interview.process_id] = _process_for(
                document, mine, interview.process, report, take_theirs=theirs, now=now
            )
        process = processes[interview.process_id]
        interview = interview.model_copy(update={"process_id": process.id}).linked(process)
        existing = current.get(interview.id)
        if existing is None:
            document.interviews.append(interview)
            report.added.append(interview.id)
            continue
        if to_json(existing) == to_json(interview):
            report.unchanged.append(interview.id)
            continue
        ours, theirs_dump = existing.model_dump(mode="json"), interview.model_dump(mode="json")
        if ours == theirs_dump:
            report.unchanged.append(interview.id)
        elif theirs:  # as Document.put does, without its scan for the place and the process
            document.interviews[positions[interview.id]] = interview
            report.replaced.append(interview.id)
        else:
            differing = sorted(
                k for k in ours.keys() | theirs_dump.keys() if ours.get(k) != theirs_dump.get(k)
            )
            report.conflicts.append(Conflict(f"interview {interview.id}", differing))
    if incoming.interviews:
        document.next_id = max(document.next_id, max(i.id for i in incoming.interviews) + 1)
    ids = incoming.next_ids  # ids freed in the store the file came from are never handed out here
    document.next_id = max(document.next_id, ids.get("interview", 1))
    document.next_process_id = max(document.next_process_id, ids.get("process", 1))
    document.next_reference_id = max(document.next_reference_id, ids.get("reference", 1))
    _merge_stories(document, incoming.stories, report, theirs=theirs)
    document.next_story_id = max(document.next_story_id, ids.get("story", 1))
    _merge_rows(document, incoming.rows, report, now=now)
    _merge_references(document, incoming.references, report)
    if incoming.profile is not None:
        _merge_profile(document, incoming.profile, report)
    document.interviews.sort(key=lambda interview: interview.id)
    return report


def _merge_profile(document: Document, profile: Profile, report: Report) -> None:
    """Take the import's profile when the store has none, without its live calendar: that file belongs to
    the store the export came from, which this store's changes would otherwise rewrite."""
    theirs, yours = _without_calendar(profile), _without_calendar(document.profile)
    if theirs == yours:
        return
    if yours == Profile():  # yours may be only a live calendar: it stays
        document.profile = theirs.model_copy(update={"calendar_file": document.profile.calendar_file})
        report.profile = "taken"
        report.calendar_left = profile.calendar_file is not None
    else:
        report.profile = "kept"


def _without_calendar(profile: Profile) -> Profile:
    return profile.model_copy(update={"calendar_file": None})


def _process_for(
    document: Document,
    processes: dict[int, Process],
    theirs: Process,
    report: Report,
    *,
    take_theirs: bool,
    now: dt.datetime,
) -> Process:
    """The store's process for an imported one, matched by id as interviews are: a new id is added, the
    same record is left alone, and a different one is a conflict, reported and kept as it is (its company,
    role, source and history replaced with ``take_theirs``). ``processes`` are the document's by id, and
    get the new one."""
    mine = processes.get(theirs.id)
    if mine is None:
        process = theirs.model_copy()  # adopted as the interviews are: the file's records are not reused
        document.processes.append(process)
        processes[process.id] = process
        document.next_process_id = max(document.next_process_id, theirs.id + 1)
        return process
    fields = [key for key in _PROCESS_FIELDS if getattr(mine, key) != getattr(theirs, key)]
    if fields and take_theirs:
        for key in fields:
            setattr(mine, key, getattr(theirs, key))
        mine.updated_at = now
        report.replaced_processes.append(mine.id)
    elif fields:
        report.conflicts.append(Conflict(f"process P{theirs.id}", fields))
    return mine


_PROCESS_FIELDS = ("company", "role", "source", "history")


def _merge_rows(document: Document, rows: list[dict[str, Any]], report: Report, *, now: dt.datetime) -> None:
    """Add each new row as a process of its own (the transaction then plans every step once: an import of
    100,000 rows plans once, not once a row)."""
    known = {_identity(i.company, i.role, i.at): i.id for i in document.interviews}
    for fields in rows:
        identity = _identity(fields["company"], fields["role"], fields["at"])
        if identity in known:
            report.unchanged.append(known[identity])
            continue
        given = dict(fields)
        process = document.add_process(company=given.pop("company"), role=given.pop("role"), now=now)
        process.history.extend(given.pop("history", []))
        interview = document.add_interview(given, process=process, now=now)
        known[identity] = interview.id
        report.added.append(interview.id)
        report.rows.append(interview.id)


def settle_rows(document: Document, report: Report, *, tz: dt.tzinfo, now: dt.datetime) -> None:
    """After planning: an interview imported from a row keeps the steps still ahead; those already past
    are skipped, not overdue.

    Their steps were made a moment ago by the planning and belong to them alone, so they are changed in
    place rather than copied with the interview around them.
    """
    new = set(report.rows)
    for interview in document.interviews:
        if interview.id not in new:
            continue
        for step in interview.steps:
            if step.state is StepState.PENDING and due_moment(step.due, tz) < now:
                step.state, step.note = StepState.SKIPPED, IMPORT_NOTE


def _identity(company: str, role: str, at: dt.datetime) -> tuple[str, str, dt.datetime]:
    return (
        company.casefold(),
        role.casefold(),
        at.astimezone(dt.UTC).replace(second=0, microsecond=0),
    )


def _merge_stories(document: Document, stories: list[Story], report: Report, *, theirs: bool) -> None:
    """Stories are matched by id as interviews are: a new id is added, the same story left alone, and a
    different one is a conflict, reported and kept as it is (replaced with ``theirs``)."""
    mine = {story.id: n for n, story in enumerate(document.stories)}
    for story in stories:
        index = mine.get(story.id)
        if index is None:
            document.stories.append(story)
            report.stories_added.append(story.id)
        elif document.stories[index] != story:
            existing = document.stories[index]
            if theirs:
                document.stories[index] = story
                report.stories_replaced.append(story.id)
            else:
                fields = [key for key in Story.model_fields if getattr(existing, key) != getattr(story, key)]
                report.conflicts.append(Conflict(f"story S{story.id}", fields))
        document.next_story_id = max(document.next_story_id, story.id + 1)
    document.stories.sort(key=lambda story: story.id)


def _merge_references(document: Document, references: list[Reference], report: Report) -> None:
    mine = {reference.id: reference for reference in document.references}
    for reference in references:
        existing = mine.get(reference.id)
        if existing is None:
            document.references.append(reference)
            report.references_added.append(reference.name)
        elif existing != reference:
            report.conflicts.append(Conflict(f"reference {reference.id}", ["name, email or phone"]))
