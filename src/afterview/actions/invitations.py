"""An invitation as a living calendar entry (``afterview log --from``): a later message for a UID already
logged moves that round or cancels it, instead of starting a process (RFC 5545 §3.8.4.7, §3.8.7.4; RFC 5546
§3.2.2, §3.2.5). A message with several sessions logs one round per session, through
:func:`afterview.actions.interviews.log_round`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from afterview.actions.changes import Change, changing
from afterview.actions.interviews import Logged, NewRound, log_round
from afterview.actions.lookup import find
from afterview.domain.dates import spoken_date
from afterview.errors import UserError
from afterview.formats.contract import interview_json
from afterview.models.document import Document
from afterview.models.records import Cancellation, Interview, Person, Step
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class RoundFromInvitation:
    """What an invitation for a logged round does to it: moves it (``changes``, one line each), cancels it,
    or nothing (``stale``: its SEQUENCE is not newer than the one logged)."""

    interview: Interview
    kind: str
    """``updated``, ``cancelled`` or ``unchanged``."""
    now: dt.datetime
    changes: tuple[str, ...] = ()
    reason: str = ""
    """Why nothing changed, or why the round was cancelled."""
    planned: list[tuple[Interview, Step]] = field(default_factory=list)

    def to_json(self) -> Any:
        """The round as it is now, with what the invitation did (additive keys)."""
        return {
            **interview_json(self.interview, now=self.now),
            "invitation": {"result": self.kind, "changes": list(self.changes), "reason": self.reason or None},
        }


@dataclass(frozen=True)
class SessionsLogged:
    """The rounds an invitation with several sessions logged, one per session, in one process."""

    rounds: tuple[Logged, ...]

    def to_json(self) -> Any:
        """The rounds logged, as ``log --json`` shows each."""
        return [logged.to_json() for logged in self.rounds]


def round_with_uid(document: Document, uid: str | None) -> Interview | None:
    """The round logged from the invitation ``uid``, if any (the newest, should there be several)."""
    if not uid:
        return None
    found = [i for i in document.interviews if i.invitation_uid == uid]
    return max(found, key=lambda i: i.id, default=None)


@dataclass(frozen=True)
class Move:
    """A later message's word on a logged session: its UID and SEQUENCE, and the round as it says it is."""

    uid: str
    sequence: int
    new_round: NewRound
    summary: str | None = None


@dataclass(frozen=True)
class Cancel:
    """A message's cancellation of a session: its UID and SEQUENCE."""

    uid: str | None
    sequence: int
    summary: str | None = None


@dataclass(frozen=True)
class InvitationFollowed:
    """What one calendar message did to the rounds logged from it, one result per session it names."""

    rounds: tuple[RoundFromInvitation, ...]

    def to_json(self) -> Any:
        """Each round as it is now, with what the message did to it (``invitation``: ``result``,
        ``changes``, ``reason``)."""
        return [result.to_json() for result in self.rounds]


def follow_invitation(*, moves: Sequence[Move] = (), cancels: Sequence[Cancel] = ()) -> InvitationFollowed:
    """Apply a calendar message to the rounds logged from its sessions, in one transaction.

    A move with a newer SEQUENCE changes the round's time, zone, end, place and people (its steps re-plan);
    an older or equal one changes nothing and says so. A cancellation (METHOD:CANCEL or STATUS:CANCELLED)
    not older than the round's SEQUENCE cancels it: its pending steps close saying why, the round and its
    process stay, and ``show`` records it. Raises UserError for a UID no round was logged from.
    """
    results: list[RoundFromInvitation] = []
    with changing() as change:
        for move in moves:
            results.append(_moved_round(change, move))
        for cancel in cancels:
            results.append(_cancelled_round(change, cancel))
        if all(result.kind == "unchanged" for result in results):
            raise Unchanged
        change.planned()
    document = change.document
    planned = change.changes
    return InvitationFollowed(
        tuple(
            dataclasses.replace(
                result,
                interview=find(document, result.interview.id),
                planned=[(i, s) for i, s in planned if i.id == result.interview.id],
            )
            if result.kind != "unchanged"
            else result
            for result in results
        )
    )


def _moved_round(change: Change, move: Move) -> RoundFromInvitation:
    interview = _logged(change.document, move.uid, move.summary)
    known = interview.invitation_sequence or 0
    if not _newer(move, interview):
        reason = f"the invitation's SEQUENCE {move.sequence} is not newer than the {known} already logged"
        if move.sequence == known and interview.invitation_stamp is not None:
            reason += " (nor is its DTSTAMP)"
        return RoundFromInvitation(interview, "unchanged", change.now, reason=reason)
    update = _moved(interview, move.new_round, move.sequence)
    changes = _described(interview, update)
    change.document.put(interview.model_copy(update={**update, "updated_at": change.now}))
    return RoundFromInvitation(interview, "updated", change.now, changes=changes or ("nothing you see",))


def _newer(move: Move, interview: Interview) -> bool:
    """Whether the message is newer than the one the round was last set from: a higher SEQUENCE, or the same
    one written later (DTSTAMP; RFC 5546 §2.1.5), as a sender that moves an event without raising its
    SEQUENCE sends it."""
    known = interview.invitation_sequence or 0
    if move.sequence != known:
        return move.sequence > known
    if interview.cancelled is not None:  # a cancellation is undone only by a higher SEQUENCE
        return False
    stamp, logged = move.new_round.invitation_stamp, interview.invitation_stamp
    return stamp is not None and logged is not None and stamp > logged


def _cancelled_round(change: Change, cancel: Cancel) -> RoundFromInvitation:
    interview = _logged(change.document, cancel.uid, cancel.summary)
    known = interview.invitation_sequence or 0
    if interview.cancelled is not None or cancel.sequence < known:
        why = (
            "it was already cancelled"
            if interview.cancelled is not None
            else f"the cancellation's SEQUENCE {cancel.sequence} is older than the {known} logged"
        )
        return RoundFromInvitation(interview, "unchanged", change.now, reason=why)
    title = f"the invitation {cancel.summary!r}" if cancel.summary else "the invitation"
    reason = f"cancelled by {title}"
    cancelled = interview.model_copy(
        update={
            "cancelled": Cancellation(on=change.now, reason=reason),
            "invitation_sequence": max(cancel.sequence, known),
            "updated_at": change.now,
        }
    )
    change.document.put(cancelled)
    change.reasons[interview.id] = "the interview was cancelled"
    return RoundFromInvitation(interview, "cancelled", change.now, reason=reason)


def log_sessions(
    *, rounds: Sequence[NewRound], company: str, role: str, source: str | None = None, join: int | None = None
) -> SessionsLogged:
    """Log one round per session of an invitation, the first starting a process (or joining ``join``) and
    the others joining it, each as :func:`afterview.actions.interviews.log_round` logs a round."""
    logged: list[Logged] = []
    for new_round in rounds:
        joined = join if not logged else logged[0].interview.process_id
        logged.append(log_round(new_round=new_round, company=company, role=role, source=source, join=joined))
    return SessionsLogged(tuple(logged))


def _logged(document: Document, uid: str | None, summary: str | None) -> Interview:
    interview = round_with_uid(document, uid)
    if interview is None:
        title = f"The invitation {summary!r}" if summary else "The invitation"
        raise UserError(
            f"{title} was cancelled, and no interview was logged from it (UID {uid or 'none'}); "
            "nothing was logged.",
            hint="An interview logged with --at is not matched: remove it with afterview rm if it is off.",
        )
    return interview


def _moved(interview: Interview, new_round: NewRound, sequence: int) -> dict[str, Any]:
    """What the invitation changes: when, in which zone, until when, where, who."""
    update: dict[str, Any] = {
        "at": new_round.at,
        "timezone": new_round.timezone or interview.timezone,
        "ends_at": new_round.ends_at,
        "invitation_sequence": sequence,
        "invitation_stamp": new_round.invitation_stamp or interview.invitation_stamp,
        "cancelled": None,
    }
    if new_round.location is not None:
        update["location"] = new_round.location
    if new_round.interviewers:
        update["interviewers"] = _people(interview.interviewers, new_round.interviewers)
    return update


def _people(before: list[Person], after: Sequence[Person]) -> list[Person]:
    """The invitation's people, keeping what the user added to those already known (same email or name)."""
    from afterview.domain.contacts import same_person

    kept = []
    for person in after:
        known = next((p for p in before if same_person(p, person)), None)
        kept.append(known if known is not None else person)
    return kept


def _described(interview: Interview, update: dict[str, Any]) -> tuple[str, ...]:
    """One line per field the invitation changed, as a person reads it."""
    lines = []
    if update["at"] != interview.at or update["timezone"] != interview.timezone:
        before, after = interview.at, update["at"]
        lines.append(f"time: {_when(before, interview.timezone)} → {_when(after, update['timezone'])}")
    if "location" in update and update["location"] != interview.location:
        lines.append(f"place: {interview.location or 'none'} → {update['location']}")
    if "interviewers" in update:
        old = {p.name for p in interview.interviewers}
        new = {p.name for p in update["interviewers"]}
        if old != new:
            added, gone = sorted(new - old), sorted(old - new)
            parts = [f"+{name}" for name in added] + [f"-{name}" for name in gone]
            lines.append("people: " + ", ".join(parts))
    return tuple(lines)


def _when(moment: dt.datetime, timezone: str | None) -> str:
    return f"{spoken_date(moment.date())} {moment:%H:%M}" + (f" ({timezone})" if timezone else "")
