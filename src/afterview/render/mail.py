"""The human view of ``afterview mail``: each suggestion with its evidence and the command it would run,
and with ``--apply`` what was done about each."""

from __future__ import annotations

from afterview.actions.mail import MailApplied, MailFound
from afterview.domain.mail import Suggestion
from afterview.render import console


def suggestion_lines(suggestion: Suggestion) -> list[str]:
    """A suggestion as a few lines: what and for whom, the message, the evidence, the command."""
    kind = suggestion.kind or "nothing"
    if suggestion.detail:
        kind = f"{kind} ({suggestion.detail})"
    who = suggestion.process_id or "no open process"
    company = f" · {suggestion.company}" if suggestion.company else ""
    day = suggestion.date.isoformat() if suggestion.date else "undated"
    lines = [
        f"{kind}: {who}{company}",
        f"  {day} from {suggestion.sender or '(no sender)'}: {suggestion.subject or '(no subject)'}",
        f"  evidence: {suggestion.evidence}",
    ]
    if suggestion.process_id is None:
        lines.append(f"  matched: {suggestion.matched_by}")
    lines.append(f"  would run: {suggestion.command}" if suggestion.command else "  nothing to run")
    return lines


def mail_found(result: MailFound) -> None:
    """Every suggestion, then how many messages were read."""
    for number, found in enumerate(result.found):
        if number:
            console.say("")
        for line in suggestion_lines(found.suggestion):
            console.say(line)
    seen = f", {result.skipped} seen before" if result.skipped else ""
    days = sorted({day for day in result.since.values() if day is not None})
    if result.older and days:
        seen += f", {result.older} dated before {days[0].isoformat()}"
    count = len(result.found)
    if not count:
        console.say(f"Nothing new: {result.read} new message{'s' * (result.read != 1)} read{seen}.")
        return
    console.note(
        f"{count} suggestion{'s' * (count != 1)} in {result.read} new message{'s' * (result.read != 1)}"
        f"{seen}. Nothing was changed; afterview mail --apply asks about each."
    )


def mail_applied(result: MailApplied) -> None:
    """What was done about each suggestion, and how many messages will not be shown again."""
    for item in result.items:
        suggestion = item.suggestion
        what = f"{suggestion.kind} {suggestion.process_id or ''}".strip()
        if suggestion.company:
            what += f" ({suggestion.company})"
        if item.applied:
            console.say(f"Applied: {what}: {suggestion.command}")
        elif item.problem:
            console.warn(f"Not applied: {what}: {item.problem}")
        elif suggestion.command is None:
            console.say(f"Nothing to run: {what}: {suggestion.matched_by}")
        else:
            console.say(f"Left alone: {what}.")
    console.note(
        f"{result.marked} message{'s' * (result.marked != 1)} marked seen; they will not be suggested again."
    )
