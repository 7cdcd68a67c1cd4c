"""The enumerations afterview stores (their values are part of the JSON contract)."""

from __future__ import annotations

from enum import Enum


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
    """Where a hiring process stands."""

    WAITING = "waiting"
    NEXT_ROUND = "next-round"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no-response"


ENDED_STATUSES = frozenset(
    {Status.ACCEPTED, Status.DECLINED, Status.REJECTED, Status.WITHDRAWN, Status.NO_RESPONSE}
)
"""A process with one of these has nothing left to wait for: its follow-ups close."""

COMPANY_ANSWERS = frozenset({Status.NEXT_ROUND, Status.OFFER, Status.REJECTED})
"""The outcomes that are an answer from the company (your own decisions and silence are not)."""


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
    DECIDE_OFFER = "decide-offer"
    WITHDRAW = "withdraw"
    MOMENTUM = "momentum"
    PREP = "prep"
    REJECTION_REPLY = "rejection-reply"
    RECONNECT = "reconnect"
    REFERENCE_UPDATE = "reference-update"


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
