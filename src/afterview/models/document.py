"""The whole store file, and the one way to add a process or an interview to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Literal

from pydantic import AwareDatetime, BaseModel, Field, PrivateAttr, model_validator

from afterview.models.enums import StepState
from afterview.models.records import Interview, Model, Process, Profile, Reference
from afterview.models.stories import Story

SCHEMA_VERSION = 2
"""The store's schema version; bump it (and add a migration) whenever the shape of the file changes.

Schema 2 (afterview 0.2) keeps hiring processes apart from their rounds (interviews), the name parts a
greeting needs, and the IANA zone each interview happened in; the rounds of processes that are over are
kept apart in ``archive`` (:meth:`Document.archivable`).
"""


class MailSeen(Model):
    """One mail source as ``afterview mail`` knows it: the day it was last read, the messages considered."""

    last_run: dt.date | None = None
    messages: list[str] = Field(default_factory=list)
    """BLAKE2b hashes of Message-IDs (:func:`afterview.domain.mail.message_id_hash`), oldest first."""


class Document(Model):
    """The whole store file: the profile, references, hiring processes and their rounds (interviews).

    Rounds of processes that are over (:meth:`archivable`) are stored under ``archive``, so that a change
    to an open process can leave them as they were written (see :mod:`afterview.store.codec`). In memory
    every round is in ``interviews`` — unless the store was read with only the open processes' rounds: the
    archived ones then stay *packed* (unread bytes) until a lookup needs one (:meth:`interview`,
    :meth:`rounds`, :meth:`put`, :meth:`remove_interview` unpack them first) or :meth:`unpack` is called.
    """

    format: Literal["afterview"] = "afterview"
    schema_version: int = SCHEMA_VERSION
    revision: int = Field(0, ge=0)
    written_by: str = ""
    updated_at: AwareDatetime | None = None
    next_id: int = Field(1, ge=1)
    next_process_id: int = Field(1, ge=1)
    next_reference_id: int = Field(1, ge=1)
    profile: Profile = Field(default_factory=Profile)
    references: list[Reference] = Field(default_factory=list)
    processes: list[Process] = Field(default_factory=list)
    interviews: list[Interview] = Field(default_factory=list)
    next_story_id: int = Field(1, ge=1)
    stories: list[Story] = Field(default_factory=list)
    """The story bank (``afterview story``), before the archive: the digest stays the last key. An
    afterview that predates it keeps both keys as unknown ones (written last), so it loses no story."""
    mail_seen: dict[str, MailSeen] = Field(default_factory=dict)
    """What ``afterview mail --apply`` has considered, by a hash of each source (``imaps://...`` or a path):
    the hashes of the Message-IDs (never the mail) and the day of the last run."""
    archived_rounds: dict[int, int] = Field(default_factory=dict)
    """``{interview id: process id}`` for every round stored under ``archive``."""
    archive: list[Interview] = Field(default_factory=list)
    """The rounds of processes that are over (:meth:`archivable`), as stored; empty in memory once
    :meth:`unpack` has moved them into ``interviews``."""
    archive_digest: str | None = None
    """BLAKE2b of ``archived_rounds`` and the bytes of ``archive`` as last written (the store's check that
    the archive is what afterview wrote, :func:`afterview.store.codec.archive_digest`); after the archive
    in the file, so a save can write the archive as it makes it and the digest last."""
    _packed: bytes | memoryview | None = PrivateAttr(None)
    _read_packed: Callable[[], Iterator[Interview]] | None = PrivateAttr(None)
    _archive_order: dict[int, int] = PrivateAttr(default_factory=dict)
    _touched: set[int] = PrivateAttr(default_factory=set)
    _read_from: tuple[bytes, list[int], list[int]] | None = PrivateAttr(None)
    _origin: tuple[bytes, list[int]] | None = PrivateAttr(None)

    @model_validator(mode="after")
    def _link_rounds(self) -> Document:
        """Link every interview to its process; an interview whose process is missing is invalid."""
        by_id = {process.id: process for process in self.processes}
        for interview in [*self.interviews, *self.archive]:
            process = by_id.get(interview.process_id)
            if process is None:
                raise ValueError(
                    f"interview {interview.id} is a round of process {interview.process_id}, "
                    "which is not in the store"
                )
            interview.linked(process)
        return self

    @property
    def origin(self) -> tuple[bytes, list[int]] | None:
        """The bytes of the store file this document was read from, with the file's stamp then (size,
        modification time, inode, change time); ``None`` once a transaction has taken it over."""
        return self._origin

    def came_from(self, origin: tuple[bytes, list[int]] | None) -> None:
        """Note :attr:`origin` (the store, when it reads this document; ``None`` when a transaction takes
        it)."""
        self._origin = origin

    def read_from(self, head: bytes) -> None:
        """Note that this document was read from ``head``, the bytes of a file afterview wrote (its archive
        left out), which validated as it: a save need not parse back a record it writes as it was."""
        processes = [process.id for process in self.processes]
        self._read_from = (head, processes, [interview.process_id for interview in self.interviews])

    @property
    def head_read(self) -> tuple[bytes, list[int], list[int]] | None:
        """What :meth:`read_from` noted: the bytes, the ids of the processes in the order they are listed
        there, and the process of each round listed there."""
        return self._read_from

    @property
    def packed(self) -> bytes | memoryview | None:
        """The archive's JSON array exactly as stored, while its rounds are unread; else ``None``."""
        return self._packed

    def pack(self, data: bytes | memoryview, read: Callable[[], Iterator[Interview]]) -> None:
        """Keep the rounds under ``archived_rounds`` as ``data`` (their JSON array as stored), unread until a
        lookup needs one; ``read`` validates them then, one at a time (the store's read of open processes
        only, for bytes it checked were its own)."""
        self._packed, self._read_packed = data, read

    def unpack(self) -> None:
        """Move every archived round into ``interviews`` (validating packed ones first), in id order, so
        the document holds everything; :meth:`archivable` decides again what is archived on the next save.

        Raises pydantic.ValidationError if packed bytes do not hold valid interviews (the store packs only
        bytes whose digest shows afterview wrote them, so that is a bug, not bad input).
        """
        archived = list(self.archive)
        self._read_from = None  # read whole: a document like any other (equal to one made from its models)
        for interview in self._read_packed() if self._read_packed is not None else ():
            _share_field_sets(interview)  # one at a time, so the sets never all exist at once
            archived.append(interview)
        self._packed = self._read_packed = None
        self._archive_order = {interview.id: n for n, interview in enumerate(archived)}
        if not archived:
            self.archived_rounds, self.archive_digest = {}, None
            return
        by_id = {process.id: process for process in self.processes}
        for interview in archived:
            interview.linked(by_id[interview.process_id])
        self.interviews = sorted([*self.interviews, *archived], key=lambda i: i.id)
        self.archive, self.archived_rounds, self.archive_digest = [], {}, None

    @property
    def round_count(self) -> int:
        """How many interviews the document holds, archived ones included (read or not)."""
        archived = len(self.archived_rounds) if self.packed is not None else len(self.archive)
        return len(self.interviews) + archived

    def archiving(self) -> list[Interview]:
        """The rounds in ``interviews`` that belong in ``archive`` now (:meth:`archivable`): those that were
        archived when read first, in their order there, then the others in the order of ``interviews`` (so
        reading a file whole and writing it again gives the same bytes as a read of open processes does)."""
        ending = self.archivable()
        moving = [interview for interview in self.interviews if interview.process_id in ending]
        order = self._archive_order
        return sorted(moving, key=lambda i: (0, order[i.id]) if i.id in order else (1, 0))

    def archivable(self) -> set[int]:
        """The ids of the processes whose rounds belong in ``archive``: ended, no step of any round still
        pending, and not the newest process (which holds the search's momentum step)."""
        newest = max((p.id for p in self.processes), default=None)
        candidates = {p.id for p in self.processes if p.ended and p.id != newest}
        for interview in self.interviews:
            if interview.process_id in candidates and any(
                step.state is StepState.PENDING for step in interview.steps
            ):
                candidates.discard(interview.process_id)
        return candidates

    def interview(self, interview_id: int) -> Interview | None:
        """The interview with this id, if there is one (unpacking the archive if it is archived)."""
        if interview_id in self.archived_rounds:
            self.unpack()
        return next((i for i in self.interviews if i.id == interview_id), None)

    def process(self, process_id: int) -> Process | None:
        """The hiring process with this id, if there is one."""
        return next((p for p in self.processes if p.id == process_id), None)

    def rounds(self, process: Process) -> list[Interview]:
        """The process's interviews, earliest first (unpacking the archive if they are archived)."""
        return self.rounds_of([process])[process.id]

    def rounds_of(self, processes: Iterable[Process]) -> dict[int, list[Interview]]:
        """``{process id: its interviews, earliest first}`` for each of ``processes``, in one pass over the
        interviews (not one a process: an import of 100,000 rows asks for thousands)."""
        found: dict[int, list[Interview]] = {process.id: [] for process in processes}
        if not found.keys().isdisjoint(self.archived_rounds.values()):
            self.unpack()
        for interview in self.interviews:
            if interview.process_id in found:
                found[interview.process_id].append(interview)
        for rounds in found.values():
            rounds.sort(key=lambda i: (i.at, i.id))
        return found

    def touch(self, process_id: int) -> None:
        """Record that a change touched the hiring process ``process_id`` (its status, offer or rounds), so
        the transaction re-plans its rounds before it saves (:func:`afterview.actions.changes.changing`).
        :meth:`put`, :meth:`add_interview` and :meth:`remove_interview` call it themselves."""
        self._touched.add(process_id)

    @property
    def touched(self) -> frozenset[int]:
        """The ids of the processes a change has touched since the document was read."""
        return frozenset(self._touched)

    def untouch(self) -> None:
        """Forget what was touched: its rounds have been planned again."""
        self._touched.clear()

    def put(self, interview: Interview) -> None:
        """Replace the interview that has ``interview``'s id, linking it to its process (touched).

        Raises KeyError when the document has no interview with that id: callers look the interview up
        first (``afterview.cli.interviews.find`` says so to the user), so a miss here is a bug, not bad input.
        """
        if interview.id in self.archived_rounds:
            self.unpack()
        index = next((n for n, i in enumerate(self.interviews) if i.id == interview.id), None)
        process = self.process(interview.process_id)
        if index is None or process is None:
            raise KeyError(f"there is no interview {interview.id} to replace")
        self.interviews[index] = interview.linked(process)
        self.touch(process.id)

    def put_edited(self, interview: Interview) -> None:
        """Replace the interview (as :meth:`put`), giving its process the company and role of the process
        the edited copy is linked to: an edit of one round renames the whole hiring process.

        Raises KeyError as :meth:`put` does.
        """
        process = self.process(interview.process_id)
        if process is None:
            raise KeyError(f"there is no process {interview.process_id}")
        process.company, process.role = interview.company, interview.role
        self.put(interview)

    def add_process(self, *, company: str, role: str, source: str | None = None, now: dt.datetime) -> Process:
        """Start a new hiring process under the next process id, and return it.

        Raises pydantic.ValidationError when the fields do not make a valid process (nothing is added then).
        """
        process = Process(
            id=self.next_process_id, company=company, role=role, source=source, created_at=now, updated_at=now
        )
        self.processes.append(process)
        self.next_process_id += 1
        return process

    def add_interview(self, fields: Mapping[str, object], *, process: Process, now: dt.datetime) -> Interview:
        """Add a round of ``process`` made of ``fields`` under the next id, created ``now``; return it.

        The one way to add an interview: ids are given in order and never reused. Raises
        pydantic.ValidationError when ``fields`` do not make a valid interview (nothing is added then).
        """
        interview = Interview.model_validate(
            {**fields, "id": self.next_id, "process_id": process.id, "created_at": now, "updated_at": now}
        )
        self.interviews.append(interview.linked(process))
        self.next_id += 1
        self.touch(process.id)
        return interview

    def story(self, story_id: int) -> Story | None:
        """The story with this id, if there is one."""
        return next((s for s in self.stories if s.id == story_id), None)

    def add_story(self, fields: Mapping[str, object], *, now: dt.datetime) -> Story:
        """Add a story made of ``fields`` under the next story id (ids are never reused); return it.

        Raises pydantic.ValidationError when ``fields`` do not make a valid story (nothing is added then).
        """
        story = Story.model_validate(
            {**fields, "id": self.next_story_id, "created_at": now, "updated_at": now}
        )
        self.stories.append(story)
        self.next_story_id += 1
        return story

    def put_story(self, story: Story) -> None:
        """Replace the story that has ``story``'s id (KeyError when there is none: callers look it up)."""
        index = next((n for n, s in enumerate(self.stories) if s.id == story.id), None)
        if index is None:
            raise KeyError(f"there is no story {story.id} to replace")
        self.stories[index] = story

    def remove_story(self, story: Story) -> None:
        """Remove ``story``; its id is not given again."""
        self.stories = [s for s in self.stories if s.id != story.id]

    def remove_interview(self, interview: Interview) -> None:
        """Remove ``interview``, and its process too when that was its only round (touched)."""
        if self.archived_rounds:
            self.unpack()
        self.touch(interview.process_id)
        self.interviews = [i for i in self.interviews if i.id != interview.id]
        if not any(i.process_id == interview.process_id for i in self.interviews):
            self.processes = [p for p in self.processes if p.id != interview.process_id]


def _share_field_sets(model: BaseModel) -> None:
    """Let every model that had all its fields given share one set of their names per class.

    Pydantic keeps, on each instance, the set of fields that were given (``model_fields_set``); read from
    a file afterview wrote, that is every field, the same few dozen names on each of a hundred thousand
    steps and people: about a third of the memory of 10,000 archived interviews. Sharing the set is safe:
    Pydantic only ever adds a field's own name to it, which is already there.
    """
    shared = _SHARED_FIELD_SETS
    stack: list[object] = [model]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, BaseModel):
            kind = type(item)
            names = shared.get(kind)
            if names is None:
                names = shared[kind] = set(kind.model_fields)
            if item.__pydantic_fields_set__ == names:
                object.__setattr__(item, "__pydantic_fields_set__", names)
            stack.extend(item.__dict__.values())


_SHARED_FIELD_SETS: dict[type[BaseModel], set[str]] = {}
"""The one set of field names per model class that :func:`_share_field_sets` gives its instances."""
