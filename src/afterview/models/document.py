"""The whole store file, and the one way to add a process or an interview to it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Literal

from pydantic import AwareDatetime, Field, model_validator

from afterview.models.records import Interview, Model, Process, Profile, Reference

SCHEMA_VERSION = 2
"""The store's schema version; bump it (and add a migration) whenever the shape of the file changes.

Schema 2 (afterview 0.2) keeps hiring processes apart from their rounds (interviews), the name parts a
greeting needs, and the IANA zone each interview happened in.
"""


class Document(Model):
    """The whole store file: the profile, references, hiring processes and their rounds (interviews)."""

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

    @model_validator(mode="after")
    def _link_rounds(self) -> Document:
        """Link every interview to its process; an interview whose process is missing is invalid."""
        by_id = {process.id: process for process in self.processes}
        for interview in self.interviews:
            process = by_id.get(interview.process_id)
            if process is None:
                raise ValueError(
                    f"interview {interview.id} is a round of process {interview.process_id}, "
                    "which is not in the store"
                )
            interview.linked(process)
        return self

    def interview(self, interview_id: int) -> Interview | None:
        """The interview with this id, if there is one."""
        return next((i for i in self.interviews if i.id == interview_id), None)

    def process(self, process_id: int) -> Process | None:
        """The hiring process with this id, if there is one."""
        return next((p for p in self.processes if p.id == process_id), None)

    def rounds(self, process: Process) -> list[Interview]:
        """The process's interviews, earliest first."""
        return sorted((i for i in self.interviews if i.process_id == process.id), key=lambda i: (i.at, i.id))

    def put(self, interview: Interview) -> None:
        """Replace the interview that has ``interview``'s id, linking it to its process.

        Raises KeyError when the document has no interview with that id: callers look the interview up
        first (``afterview.cli.interviews.find`` says so to the user), so a miss here is a bug, not bad input.
        """
        index = next((n for n, i in enumerate(self.interviews) if i.id == interview.id), None)
        process = self.process(interview.process_id)
        if index is None or process is None:
            raise KeyError(f"there is no interview {interview.id} to replace")
        self.interviews[index] = interview.linked(process)

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
        return interview

    def remove_interview(self, interview: Interview) -> None:
        """Remove ``interview``, and its process too when that was its only round."""
        self.interviews = [i for i in self.interviews if i.id != interview.id]
        if not any(i.process_id == interview.process_id for i in self.interviews):
            self.processes = [p for p in self.processes if p.id != interview.process_id]
