"""The records inside the store: profile, people, processes, interviews, their steps and debriefs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from afterview.models.enums import ENDED_STATUSES, Format, Rating, Stage, Status, StepKind, StepState
from afterview.models.fields import limit

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
Text = Annotated[str, Field(min_length=1, max_length=limit("name"))]
"""A short required text: a name, a company, a role."""
LongText = Annotated[str, Field(max_length=limit("notes"))]
"""Free text: notes, a debrief's answers."""


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

    name: str | None = Field(None, max_length=limit("name"))
    email: Email = None
    phone: str | None = Field(None, max_length=limit("phone"))
    signature: str | None = Field(None, max_length=limit("signature"))
    timezone: str | None = Field(None, max_length=limit("timezone"))
    country: str | None = Field(None, max_length=limit("country"))
    subdivision: str | None = Field(None, max_length=limit("subdivision"))
    date_order: str | None = Field(None, pattern="^(DMY|MDY|YMD)$")
    """How numeric dates you type are read (13/11/2026 is DMY); None: from the locale."""
    schedule: Schedule = Field(default_factory=Schedule)
    greeting: Literal["auto", "formal", "full-name", "first-name"] | None = None
    """How drafts to a company greet a person (see ``afterview.domain.greetings``); ``None`` is ``auto``."""
    language: Literal["en", "de", "fr", "es"] | None = None
    """The language of the built-in templates; ``None`` is English."""
    calendar_file: str | None = Field(None, max_length=limit("calendar_file"))
    """The live calendar: an .ics file afterview rewrites after every change (``afterview calendar``)."""


class Person(Model):
    """An interviewer: display name (RFC 6350 ``FN``), how to reach them, and the parts of the name a
    greeting needs (``N``); unset parts are read from the name (``afterview.domain.people.parse_name``)."""

    name: Text
    title: str | None = Field(None, max_length=limit("title"))
    email: Email = None
    phone: str | None = Field(None, max_length=limit("phone"))
    url: str | None = Field(None, max_length=limit("url"))
    honorific: str | None = Field(None, max_length=limit("honorific"))
    given_name: str | None = Field(None, max_length=limit("given_name"))
    family_name: str | None = Field(None, max_length=limit("family_name"))
    address_as: str | None = Field(None, max_length=limit("address_as"))


class Reference(Model):
    """Someone who may vouch for the user, with the same name parts as :class:`Person`."""

    id: int = Field(ge=1)
    name: Text
    relationship: str | None = Field(None, max_length=limit("relationship"))
    email: Email = None
    phone: str | None = Field(None, max_length=limit("phone"))
    honorific: str | None = Field(None, max_length=limit("honorific"))
    given_name: str | None = Field(None, max_length=limit("given_name"))
    family_name: str | None = Field(None, max_length=limit("family_name"))
    address_as: str | None = Field(None, max_length=limit("address_as"))


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
    note: str | None = Field(None, max_length=limit("step_note"))
    closed_automatically: bool = False
    """Closed by afterview because the plan no longer held it (it reopens if the plan holds it again)."""


class StatusChange(Model):
    """One entry of a process's status history; for an offer, ``deadline`` and ``note`` (its terms)."""

    status: Status
    on: dt.date
    deadline: dt.date | None = None
    note: str | None = Field(None, max_length=limit("outcome_note"))
    cause: int | None = Field(None, ge=1)
    """The process whose accepted offer ended this one (a withdrawal afterview recorded for you)."""


class Process(Model):
    """A hiring process: one application to one company for one role; its rounds are interviews."""

    id: int = Field(ge=1)
    company: Text
    role: Text
    source: str | None = Field(None, max_length=limit("source"))
    """Where it came from: a referral, a job board, a recruiter."""
    history: list[StatusChange] = Field(default_factory=list)
    feedback: str | None = Field(None, max_length=limit("feedback"))
    """What the company said about your interviews (``outcome --feedback``, ``afterview feedback``)."""
    reconnect_on: dt.date | None = None
    """When to get back in touch after it ended (``outcome ID rejected --reapply-in 6m``)."""
    references_told: list[int] = Field(default_factory=list)
    """For an accepted offer: the references told about any process when it was accepted, each of whom
    gets an update (kept, since the rounds that told them may be archived)."""
    created_at: AwareDatetime
    updated_at: AwareDatetime
    language: Literal["en", "de", "fr", "es"] | None = None
    """The language of this process's drafts: the last ``--language`` a draft used, or set with ``edit`` or
    ``outcome``; ``None`` is the profile's."""
    contact: Email = None
    """The company's address for the process when it is a team's mailbox (``recruiting@…``), not a person's:
    kept for follow-ups, never thanked or added to your network."""

    @property
    def status(self) -> Status:
        """The latest status, ``waiting`` until something else is recorded."""
        return self.history[-1].status if self.history else Status.WAITING

    @property
    def offer(self) -> StatusChange | None:
        """The latest offer recorded (with its deadline and terms), if any."""
        return next((c for c in reversed(self.history) if c.status is Status.OFFER), None)

    @property
    def ended(self) -> bool:
        """Whether nothing is left to wait for."""
        return self.status in ENDED_STATUSES


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


class Cancellation(Model):
    """Why a round will not take place: an invitation's cancellation (METHOD:CANCEL or STATUS:CANCELLED)."""

    on: AwareDatetime
    """When it was recorded."""
    reason: str = Field(max_length=500)
    """In a few words (``cancelled by the invitation 'Brightwave Technical Interview'``)."""


class Interview(Model):
    """One interview (a round of a hiring process) and everything that follows from it.

    Its company, role and status are its process's; the document links the two when it loads and whenever
    an interview is added or replaced (:meth:`Document.put`).
    """

    id: int = Field(ge=1)
    process_id: int = Field(ge=1)
    at: AwareDatetime
    timezone: str | None = Field(None, max_length=limit("timezone"))
    """The IANA zone it happened in (``Europe/Berlin``); ``None`` when only its offset is known."""
    ends_at: AwareDatetime | None = None
    """When it ends, when an invitation said so (the live calendar shows it; nothing is planned from it)."""
    invitation_uid: str | None = Field(None, max_length=1_000)
    """The UID of the invitation it was logged from (RFC 5545 §3.8.4.7), so a later message for the same UID
    moves or cancels this round; ``None`` when it was not logged from one."""
    invitation_sequence: int | None = Field(None, ge=0)
    """That invitation's SEQUENCE (RFC 5545 §3.8.7.4): only a message with a higher one changes the round,
    or one with the same SEQUENCE and a later :attr:`invitation_stamp`."""
    invitation_stamp: AwareDatetime | None = None
    """That invitation's DTSTAMP (RFC 5545 §3.8.7.2): when the sender wrote it. Between messages with the
    same SEQUENCE the later one wins (RFC 5546 §2.1.5), as senders that move an event without raising its
    SEQUENCE expect."""
    cancelled: Cancellation | None = None
    """Set when the round was cancelled: it keeps its place in the process, and plans no steps."""
    stage: Stage = Stage.OTHER
    format: Format = Format.VIDEO
    location: str | None = Field(None, max_length=limit("location"))
    interviewers: list[Person] = Field(default_factory=list)
    next_steps: str | None = Field(None, max_length=limit("next_steps"))
    decision_by: dt.date | None = None
    references_may_call: bool = False
    paperwork: list[Paperwork] = Field(default_factory=list)
    debrief: Debrief | None = None
    sent: list[SentMessage] = Field(default_factory=list)
    steps: list[Step] = Field(default_factory=list)
    step_seq: int = Field(0, ge=0)
    notes: str | None = Field(None, max_length=limit("notes"))
    created_at: AwareDatetime
    updated_at: AwareDatetime
    _process: Process | None = PrivateAttr(None)

    @property
    def process(self) -> Process:
        """The hiring process this interview is a round of.

        Raises LookupError when the interview was made outside a document and never linked.
        """
        # Read from the model's own store of private values: ``self._process`` goes through Pydantic's
        # ``__getattr__`` (about 8 µs against 0.2), and planning, the index and views ask for it per round.
        private = self.__pydantic_private__
        process: Process | None = private.get("_process") if private else None
        if process is None:
            raise LookupError(f"interview {self.id} is not linked to its process")
        return process

    @property
    def company(self) -> str:
        """The process's company."""
        return self.process.company

    @property
    def role(self) -> str:
        """The process's role."""
        return self.process.role

    @property
    def status(self) -> Status:
        """The process's status."""
        return self.process.status

    def linked(self, process: Process) -> Interview:
        """This interview, linked to ``process`` (which must have its ``process_id``); returns itself."""
        assert process.id == self.process_id
        self._process = process
        return self
