"""What marking drafts sent says (on stderr, so that stdout holds exactly the drafts)."""

from __future__ import annotations

from afterview.actions.messages import SentMarked
from afterview.render import console


def sent_marked(result: SentMarked) -> None:
    """``Marked sent: thanks to Bo Li; step 7.2 is done.``, one line per message, after a line for each one
    already on record; for a withdrawal, how to close the process."""
    now, by = result.now, result.by
    for earlier in result.already:
        when = earlier.at.astimezone(now.tzinfo)
        console.note(f"Already marked sent on {when:%Y-%m-%d %H:%M}: {earlier.kind} to {earlier.to}.")
    for record in result.records:
        step = f"; step {record.step} is done" if record.step else ""
        how = f" ({by})" if by != "email" else ""
        console.note(f"Marked sent{how}: {record.kind} to {record.to}{step}.")
    interview = result.interview
    if any(record.kind == "withdraw" for record in result.records) and not interview.process.ended:
        console.note(f"Close the process with: afterview outcome {interview.id} withdrawn")
