"""Whether a message still fits where the process stands (pure).

A follow-up, nudge, reference heads-up, offer notice or withdrawal after the process ended (accepted,
declined, rejected, withdrawn, no response) would read as if nothing had happened, so it is refused with
the outcome named; so is a follow-up or nudge asking for news after the company made you an offer.
``force`` drafts it anyway. A thank-you note is never refused for the outcome (thanking people is right
whatever it is), only before the interview has happened; after an ended process it comes with a warning,
since its text says you are eager to join (except after an offer, or one you accepted, where that still
holds). A process that an accepted offer elsewhere ended still needs its withdrawal written: that is the
"withdraw" step it gets.
"""

from __future__ import annotations

import datetime as dt

from afterview.domain.local_times import both_times
from afterview.errors import UserError
from afterview.models.enums import ENDED_STATUSES, Status
from afterview.models.records import Interview

REFUSED_AFTER_END = frozenset({"follow-up", "nudge", "reference", "offer-notice", "withdraw"})
REFUSED_AFTER_OFFER = frozenset({"follow-up", "nudge"})

_OUTCOMES = {
    Status.REJECTED: "they turned you down",
    Status.WITHDRAWN: "you withdrew",
    Status.NO_RESPONSE: "it ended with no response",
    Status.OFFER: "they made you an offer",
    Status.ACCEPTED: "you accepted their offer",
    Status.DECLINED: "you declined their offer",
}
_STILL_EAGER = frozenset({Status.OFFER, Status.ACCEPTED})
"""Where a thank-you note saying you are eager to join needs no warning."""


def check_process(
    interview: Interview, kind: str, *, force: bool = False, now: dt.datetime | None = None
) -> list[str]:
    """Warnings for a message of ``kind`` on ``interview``'s process as it stands ``now``.

    Raises UserError naming the outcome when the message no longer fits and ``force`` is not given, and
    for a thank-you for an interview still to come (it would thank them for a conversation not yet had).
    """
    if kind == "thank-you" and now is not None and interview.at > now and not force:
        when = both_times(interview.at, zone=interview.timezone, local=now.tzinfo or dt.UTC, day=True)
        raise UserError(
            f"Interview {interview.id} at {interview.company} is still to come ({when}): a thank-you note "
            "would thank them for a conversation you have not had, so none was drafted.",
            hint=f"Draft it once it has happened, or now with: afterview draft-thanks {interview.id} --force",
        )
    status = interview.status
    if kind == "withdraw" and _withdrawn_for_an_accepted_offer(interview):
        return []
    refused = (status in ENDED_STATUSES and kind in REFUSED_AFTER_END) or (
        status is Status.OFFER and kind in REFUSED_AFTER_OFFER
    )
    if status not in _OUTCOMES or not (refused or kind == "thank-you"):
        return []
    history = interview.process.history
    since = f" on {history[-1].on:%Y-%m-%d}" if history else ""
    where = f"Interview {interview.id} at {interview.company}"
    outcome = f"{where} is marked {status.value}{since}: {_OUTCOMES[status]}."
    if refused and not force:
        raise UserError(
            f"{outcome} A {kind} message no longer fits, so none was drafted.",
            hint=f"Draft it anyway with: afterview draft {kind} {interview.id} --force",
        )
    if kind == "thank-you" and status in _STILL_EAGER:
        return []
    return [f"{outcome} Read the {kind} draft with that in mind before sending it."]


def _withdrawn_for_an_accepted_offer(interview: Interview) -> bool:
    """Whether the process ended because you accepted an offer elsewhere (you still have to tell them)."""
    history = interview.process.history
    return bool(history) and history[-1].status is Status.WITHDRAWN and history[-1].cause is not None
