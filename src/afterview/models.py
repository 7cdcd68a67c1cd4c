"""The data afterview keeps: Pydantic models and enums, no I/O.

Every model keeps unknown keys (``extra="allow"``), so a hand-edited file or one written by a newer
minor version survives a load-save cycle.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from enum import Enum
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

SCHEMA_VERSION = 1
"""The store's schema version; bump it (and add a migration) whenever the shape of the file changes."""

# A cheap structural check used when loading the store; the full check happens at the input edge.
_EMAIL_SHAPE = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


def _email_shape(value: str | None) -> str | None:
    if value is not None and not _EMAIL_SHAPE.match(value):
        raise ValueError(f"{value!r} is not an email address")
    return value


def _due(value: object) -> object:
    """Read a due date: ``YYYY-MM-DD`` stays a date, anything with a time is a time-zone-aware date-time."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value!r} is not an ISO 8601 date or date-time") from None
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        raise ValueError("a due date-time needs a time-zone offset")
    return value


Email = Annotated[str | None, AfterValidator(_email_shape)]
Due = Annotated[dt.datetime | dt.date, BeforeValidator(_due)]
Text = Annotated[str, Field(min_length=1, max_length=200)]
LongText = Annotated[str, Field(max_length=100_000)]


class Stage(str, Enum):
    """Which round of the process the interview was."""

    SCREEN = "screen"
    TECHNICAL = "technical"
    ONSITE = "onsite"
    FINAL = "final"
    OTHER = "other"


class Format(str, Enum):
    """How the interview happened."""

    VIDEO = "video"
    PHONE = "phone"
    ONSITE = "onsite"


class Status(str, Enum):
    """Where a process stands after an interview."""

    WAITING = "waiting"
    NEXT_ROUND = "next-round"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"


ENDED_STATUSES = frozenset({Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE})


class StepKind(str, Enum):
    """What a step asks the user to do (part of the JSON contract)."""

    MEMORY_DUMP = "memory-dump"
    CONTACT_DETAILS = "contact-details"
    THANK_YOU = "thank-you"
    NETWORK = "network"
    PAPERWORK = "paperwork"
    REFERENCE = "reference"
    FOLLOW_UP = "follow-up"
    NUDGE = "nudge"
    CLOSE_OUT = "close-out"
    OFFER_NOTICE = "offer-notice"
    MOMENTUM = "momentum"


class StepState(str, Enum):
    """Whether a step is still to do."""

    PENDING = "pending"
    DONE = "done"
    SKIPPED = "skipped"


class Rating(str, Enum):
    """How an answer went."""

    STRONG = "strong"
    OK = "ok"
    WEAK = "weak"


class Model(BaseModel):
    """Base for every stored model: unknown keys are kept, enums stored as their values."""

    model_config = ConfigDict(extra="allow", use_enum_values=False, validate_default=True)


class Schedule(Model):
    """When each kind of step falls due; every default comes from DESIGN.md's table."""

    thank_you_hours: int = Field(24, ge=0, le=24 * 30)
    network_business_days: int = Field(2, ge=0, le=60)
    paperwork_business_days: int = Field(2, ge=0, le=60)
    reference_business_days: int = Field(1, ge=0, le=60)
    follow_up_business_days: int = Field(5, ge=0, le=60)
    follow_up_after_decision_business_days: int = Field(2, ge=0, le=60)
    nudge_business_days: int = Field(10, ge=0, le=60)
    close_out_days: int = Field(38, ge=1, le=365)
    momentum_days: int = Field(7, ge=0, le=60)


class Profile(Model):
    """Who the user is, for signatures, and how they like to be reminded."""

    name: str | None = Field(None, max_length=200)
    email: Email = None
    phone: str | None = Field(None, max_length=50)
    signature: str | None = Field(None, max_length=2_000)
    timezone: str | None = Field(None, max_length=64)
    country: str | None = Field(None, max_length=10)
    subdivision: str | None = Field(None, max_length=10)
    date_order: str | None = Field(None, pattern="^(DMY|MDY|YMD)$")
    """How numeric dates you type are read (13/11/2026 is DMY); None: from the locale."""
    schedule: Schedule = Field(default_factory=Schedule)
    greeting: Literal["auto", "formal", "full-name", "first-name"] | None = None
    """How drafts to a company greet a person (see ``afterview.domain.greetings``); ``None`` is ``auto``."""
    language: Literal["en", "de", "fr", "es"] | None = None
    """The language of the built-in templates; ``None`` is English."""


class Person(Model):
    """An interviewer."""

    name: Text
    title: str | None = Field(None, max_length=200)
    email: Email = None
    phone: str | None = Field(None, max_length=50)
    url: str | None = Field(None, max_length=2_000)
    honorific: str | None = Field(None, max_length=200)
    given_name: str | None = Field(None, max_length=200)
    family_name: str | None = Field(None, max_length=200)
    address_as: str | None = Field(None, max_length=200)


class Reference(Model):
    """Someone who may vouch for the user."""

    id: int = Field(ge=1)
    name: Text
    relationship: str | None = Field(None, max_length=200)
    email: Email = None
    phone: str | None = Field(None, max_length=50)
    honorific: str | None = Field(None, max_length=200)
    given_name: str | None = Field(None, max_length=200)
    family_name: str | None = Field(None, max_length=200)
    address_as: str | None = Field(None, max_length=200)


class Question(Model):
    """One question from an interview, with how it went."""

    question: LongText
    answer: LongText = ""
    rating: Rating | None = None
    next_time: LongText = ""


class Debrief(Model):
    """The memory dump written right after an interview."""

    questions: list[Question] = Field(default_factory=list)
    went_well: LongText = ""
    to_improve: LongText = ""
    thank_you_topics: list[str] = Field(default_factory=list)
    my_questions: list[str] = Field(default_factory=list)
    notes: LongText = ""


class Step(Model):
    """One dated thing to do for an interview.

    ``key`` names what the step is about (``thank-you:0`` is the thank-you to the first interviewer), so the
    step engine can tell an existing step from a new one when it plans again.
    """

    id: str = Field(pattern=r"^[1-9][0-9]*\.[1-9][0-9]*$")
    kind: StepKind
    key: str
    title: str = Field(min_length=1, max_length=500)
    person: str | None = None
    due: Due
    state: StepState = StepState.PENDING
    done_at: AwareDatetime | None = None
    snoozed_until: dt.date | None = None
    note: str | None = Field(None, max_length=2_000)
    closed_automatically: bool = False
    """Closed by afterview because the plan no longer held it (it reopens if the plan holds it again)."""


class StatusChange(Model):
    """One entry of an interview's status history."""

    status: Status
    on: dt.date
    deadline: dt.date | None = None
    note: str | None = Field(None, max_length=2_000)


class Paperwork(Model):
    """Something the user was handed to complete."""

    title: Text
    due: Due | None = None


class SentMessage(Model):
    """A message the user said went out (``--sent`` on a draft command)."""

    kind: str = Field(min_length=1, max_length=50)
    to: str = Field(max_length=500)
    email: str | None = Field(None, max_length=500)
    subject: str = Field("", max_length=2_000)
    at: AwareDatetime
    step: str | None = None


class Interview(Model):
    """One interview and everything that follows from it."""

    id: int = Field(ge=1)
    company: Text
    role: Text
    at: AwareDatetime
    stage: Stage = Stage.OTHER
    format: Format = Format.VIDEO
    location: str | None = Field(None, max_length=2_000)
    interviewers: list[Person] = Field(default_factory=list)
    next_steps: str | None = Field(None, max_length=10_000)
    decision_by: dt.date | None = None
    references_may_call: bool = False
    paperwork: list[Paperwork] = Field(default_factory=list)
    debrief: Debrief | None = None
    sent: list[SentMessage] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    step_seq: int = Field(0, ge=0)
    history: list[StatusChange] = Field(default_factory=list)
    notes: str | None = Field(None, max_length=100_000)
    previous_id: int | None = Field(None, ge=1)
    """The earlier round of the same process, when this interview is a next round."""
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @property
    def status(self) -> Status:
        """The latest status, ``waiting`` until something else is recorded."""
        return self.history[-1].status if self.history else Status.WAITING


class Document(Model):
    """The whole store file."""

    format: Literal["afterview"] = "afterview"
    schema_version: int = SCHEMA_VERSION
    revision: int = Field(0, ge=0)
    written_by: str = ""
    updated_at: AwareDatetime | None = None
    next_id: int = Field(1, ge=1)
    next_reference_id: int = Field(1, ge=1)
    profile: Profile = Field(default_factory=Profile)
    references: list[Reference] = Field(default_factory=list)
    interviews: list[Interview] = Field(default_factory=list)

    def interview(self, interview_id: int) -> Interview | None:
        """The interview with this id, if there is one."""
        return next((i for i in self.interviews if i.id == interview_id), None)

    def put(self, interview: Interview) -> None:
        """Replace the interview that has ``interview``'s id.

        Raises KeyError when the document has no interview with that id: callers look the interview up
        first (``afterview.cli.interviews.find`` says so to the user), so a miss here is a bug, not bad input.
        """
        index = next((n for n, i in enumerate(self.interviews) if i.id == interview.id), None)
        if index is None:
            raise KeyError(f"there is no interview {interview.id} to replace")
        self.interviews[index] = interview

    def add_interview(self, fields: Mapping[str, object], *, now: dt.datetime) -> Interview:
        """Add a new interview made of ``fields`` under the next id, created ``now``, and return it.

        The one way to add an interview: ids are given in order and never reused. Raises
        pydantic.ValidationError when ``fields`` do not make a valid interview (nothing is added then).
        """
        interview = Interview.model_validate(
            {**fields, "id": self.next_id, "created_at": now, "updated_at": now}
        )
        self.interviews.append(interview)
        self.next_id += 1
        return interview
