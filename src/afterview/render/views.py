"""The interview and step views: ``todo``, ``list``, ``show`` and what ``log`` prints."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from afterview.domain.dates import describe_day, due_moment
from afterview.domain.hints import step_command
from afterview.models.enums import StepState
from afterview.models.records import Interview, Process, Step
from afterview.render import console as output
from afterview.render import steplist
from afterview.render.console import literal, note, out, plain_out
from afterview.render.literal import visible

if TYPE_CHECKING:
    from rich.text import Text

    from afterview.actions.listing import RoundLine
    from afterview.domain.local_times import Ahead


def step_rows(
    items: Iterable[tuple[Interview, Step]], *, now: dt.datetime, show_interview: bool = True
) -> None:
    """Print steps, one per line: id, when, what, and the interview they belong to (as
    :mod:`afterview.render.steplist` lays them out)."""
    from afterview.domain.steps import effective_due, is_overdue  # here: list needs neither, nor the planner

    rows = []
    for interview, step in items:
        due = effective_due(step)
        if step.state is StepState.PENDING:
            late = is_overdue(step, now=now)
            when, style = steplist.when(due, now=now, late=late), "bold red" if late else "cyan"
        else:
            when, style = step.state.value + (f" ({visible(step.note)})" if step.note else ""), "dim"
        rows.append((interview, step, when, style))
    widths = steplist.widths((step.id for _, step, _, _ in rows), (when for _, _, when, _ in rows))
    plain = plain_out()
    for interview, step, when, style in rows:
        step_id, padded, title = steplist.cells(step.id, when, visible(step.title), widths=widths)
        tag = steplist.company_tag(visible(interview.company)) if show_interview else ""
        row = f"{step_id}{steplist.GAP}{padded}{steplist.GAP}{title}{tag}"
        if plain and "\t" not in row:  # what Rich prints into a pipe, without loading it
            sys.stdout.write(row + "\n")
            continue
        from rich.text import Text

        what = Text(title, style="dim" if step.state is not StepState.PENDING else "")
        if show_interview:
            what.append(steplist.company_tag(visible(interview.company)), style="magenta")
        head = Text.assemble((step_id, "bold"), steplist.GAP, (padded, style), steplist.GAP)
        _hanging(head, what, under=len(step_id) + len(steplist.GAP))


def _hanging(head: Text, body: Text, *, under: int) -> None:
    """``head`` then ``body``, wrapped so that every line of ``body`` starts under its first (a hanging
    indent); when that leaves ``body`` too little room, ``head`` alone, then ``body`` indented by ``under``.
    Piped output is never wrapped: one line."""
    from rich.cells import cell_len
    from rich.text import Text

    console = out()
    if console.soft_wrap:
        console.print(Text.assemble(head, body))
        return
    first, indent = head, head.cell_len
    if console.width - indent < steplist.MIN_TITLE_WIDTH:
        head.rstrip()
        console.print(head)
        first, indent = Text(" " * under), under
    for number, line in enumerate(
        body.divide(steplist.breaks(body.plain, console.width - indent, measure=cell_len))
    ):
        line.rstrip()
        console.print(Text.assemble(first if number == 0 else " " * indent, line))


def todo(items: Sequence[tuple[Interview, Step]], *, now: dt.datetime, today: Sequence[Ahead] = ()) -> None:
    """The ``todo`` list, an interview still to come today first (``Interview today 21:00 (15:00 New York):
    Brightwave · link``); with nothing to do, a friendly word on stderr (so ``todo | wc -l`` counts steps)."""
    from afterview.domain.local_times import today_line

    for item in today:
        out().print(literal(today_line(item, now=now), style="bold"))
    if not items:
        note(steplist.NOTHING_TO_DO)
        return
    step_rows(items, now=now)
    first, step = items[0]
    command = step_command(
        kind=step.kind.value,
        step_id=step.id,
        interview_id=first.id,
        company=first.company,
        person=step.person,
    )
    from afterview.domain.steps import is_overdue

    note(steplist.closing_hint(sum(is_overdue(s, now=now) for _, s in items), next_command=command))


def created(interview: Interview, *, now: dt.datetime, local: dt.tzinfo | None = None) -> None:
    """What ``log`` says after recording an interview: when, in its zone and in yours (``local``) when they
    differ; how long ago and its steps in yours, as ``todo`` and ``show`` print them (a thank-you due 15:00
    Tokyo is "07:00" to a reader in Berlin, never an unlabelled "15:00")."""
    from afterview.domain.local_times import both_times

    mine = local or now.tzinfo or dt.UTC
    now = now.astimezone(mine)
    relative = describe_day(interview.at.astimezone(mine).date(), today=now.date()).partition(", ")[0]
    when = both_times(interview.at, zone=interview.timezone, local=mine, day=True)
    cancelled = f" (cancelled: {interview.cancelled.reason})" if interview.cancelled else ""
    output.line(
        (f"Logged interview {interview.id}", "bold green"),
        f": {interview.company} · {interview.role} → {when} ({relative}){cancelled}",
    )
    output.line("Steps:")
    step_rows(((interview, step) for step in _by_due(interview.steps, now)), now=now, show_interview=False)
    if interview.at > now:
        import shlex

        output.line(
            "Before it: ",
            (f"afterview prep {shlex.quote(interview.company)}", "bold"),
            ". The steps after an interview (memory dump, thank-you notes, follow-ups) appear once it "
            "has happened.",
        )
    else:
        output.line("Next, while it is fresh: ", (f"afterview remember {interview.id}", "bold"))


def interviews(items: Sequence[RoundLine], *, now: dt.datetime) -> None:
    """The ``list`` view: each hiring process (``P2  Acme · SRE  waiting``) with its rounds indented under
    it, newest process first, newest round first. Lines rather than a table, so a narrow terminal wraps a
    long company or role instead of cutting every column."""
    if not items:
        note("No interviews yet. Record one with: afterview log")  # stderr: a pipe counts only results
        return
    from afterview.domain.local_times import both_times

    rounds: dict[int, list[RoundLine]] = {}
    for interview in sorted(items, key=lambda i: (i.at, i.id), reverse=True):
        rounds.setdefault(interview.process.id, []).append(interview)
    plain = plain_out()  # into a pipe, the lines Rich would print, written without it (10,000 are many)
    for process_rounds in sorted(rounds.values(), key=lambda r: (r[0].at, r[0].process.id), reverse=True):
        process = process_rounds[0].process
        head = f"P{process.id}  {visible(f'{process.company} · {process.role}')}  {process.status.value}"
        if plain and "\t" not in head:
            sys.stdout.write(head + "\n")
        else:
            _process_line(process)
        for interview in process_rounds:
            at = interview.at.astimezone(now.tzinfo)
            there = both_times(interview.at, zone=interview.timezone, local=now.tzinfo or dt.UTC)
            zone = f" ({there.replace(', ', '; ')})" if "your time" in there else ""
            state = "cancelled" if interview.cancelled else f"{interview.pending} pending"
            row = f"    {interview.id:<4} {at:%a %d %b %Y %H:%M}  {interview.stage.value:<9} {state}{zone}"
            if plain:
                sys.stdout.write(row + "\n")
            else:
                out().print(row, highlight=False)


def _process_line(process: Process) -> None:
    """A process's line in ``list``, styled, its company and role wrapped under themselves."""
    from rich.text import Text

    head = Text(f"P{process.id}  ", style="bold")
    body = Text.assemble(
        literal(f"{process.company} · {process.role}", style="bold cyan"),
        (f"  {process.status.value}", _STATUS_STYLE.get(process.status.value, "")),
    )
    _hanging(head, body, under=head.cell_len)


_STATUS_STYLE = {"offer": "green", "accepted": "bold green", "rejected": "dim", "withdrawn": "dim",
                 "declined": "dim", "no-response": "dim"}  # fmt: skip


def interview_detail(interview: Interview, *, now: dt.datetime) -> None:
    """Everything ``show`` knows about one interview."""
    output.line(
        (f"Interview {interview.id}: ", "bold"), (f"{interview.company} · {interview.role}", "bold cyan")
    )
    lines = [
        ("When", when_held(interview, now=now)),
        (
            "Cancelled",
            _cancelled(interview),
        ),
        ("Stage", f"{interview.stage.value}, {interview.format.value}"),
        ("Where", interview.location),
        ("Process", f"P{interview.process_id}, {interview.status.value}"),
        ("Next steps", interview.next_steps),
        (
            "Decision by",
            describe_day(interview.decision_by, today=now.date()) if interview.decision_by else None,
        ),
        ("References", "may be contacted" if interview.references_may_call else None),
        ("Notes", interview.notes),
    ]
    for label, value in lines:
        if value:
            output.line((f"{label}: ", "bold"), value)
    if interview.interviewers:
        output.line(("Interviewers:", "bold"))
        for person in interview.interviewers:
            details = ", ".join(
                part for part in (person.title, person.email, person.phone, person.url) if part
            )
            output.say(f"  {person.name}" + (f" ({details})" if details else ""))
    if interview.paperwork:
        output.line(("Paperwork:", "bold"))
        for item in interview.paperwork:
            output.say(f"  {item.title}" + (f" (due {item.due.isoformat()})" if item.due else ""))
    if interview.process.history:
        output.line(("History:", "bold"))
        for change in interview.process.history:
            extra = f", deadline {change.deadline.isoformat()}" if change.deadline else ""
            output.say(
                f"  {change.on.isoformat()} {change.status.value}{extra}"
                + (f": {change.note}" if change.note else "")
            )
    if interview.debrief is not None:
        from afterview.render.debrief import debrief

        debrief(interview.debrief)
    if interview.sent:
        from afterview.render.drafts import sent

        output.line(("Sent:", "bold"))
        sent(interview.sent, tz=now.tzinfo or dt.UTC)
    if interview.steps:
        output.line(("Steps:", "bold"))
        step_rows(((interview, s) for s in _by_due(interview.steps, now)), now=now, show_interview=False)


def process_detail(process: Process, rounds: Sequence[Interview], *, now: dt.datetime) -> None:
    """Everything ``show P2`` knows about one hiring process: status, history, offer, rounds."""
    from rich.text import Text

    console = out()
    console.print(
        Text.assemble(
            (f"Process P{process.id}: ", "bold"), (f"{process.company} · {process.role}", "bold cyan")
        )
    )
    console.print(Text.assemble(("Status: ", "bold"), process.status.value))
    if process.source:
        console.print(Text.assemble(("Source: ", "bold"), process.source))
    if process.history:
        console.print(Text("History:", style="bold"))
        for change in process.history:
            extra = f", deadline {change.deadline.isoformat()}" if change.deadline else ""
            note = f": {change.note}" if change.note else ""
            console.print(Text(f"  {change.on.isoformat()} {change.status.value}{extra}{note}"))
    console.print(Text("Rounds:", style="bold"))
    for interview in rounds:
        pending = sum(step.state is StepState.PENDING for step in interview.steps)
        console.print(
            Text(
                f"  {interview.id}  {interview.stage.value}, {when_held(interview, now=now)}; "
                f"{pending} pending"
            )
        )


def _cancelled(interview: Interview) -> str | None:
    cancelled = interview.cancelled
    return f"{cancelled.on:%Y-%m-%d}, {cancelled.reason}" if cancelled is not None else None


def when_held(interview: Interview, *, now: dt.datetime) -> str:
    """When an interview is or was, in the zone it happened in, and in yours when that differs:
    ``tomorrow at 10:00 (2026-03-29 10:00 +0200, Europe/Berlin; 09:00 yours)``."""
    from afterview.domain.planning import zone_of

    user = now.tzinfo or dt.UTC
    there = interview.at.astimezone(zone_of(interview, user))
    zone = f", {interview.timezone}" if interview.timezone else ""
    day = describe_day(there.date(), today=now.date())
    held = f"{day} at {there:%H:%M} ({there:%Y-%m-%d %H:%M %z}{zone})"
    mine = interview.at.astimezone(user)
    if mine.utcoffset() != there.utcoffset():
        held += f"; {describe_day(mine.date(), today=now.date())} at {mine:%H:%M} your time"
    return held


def _by_due(steps: Iterable[Step], now: dt.datetime) -> list[Step]:
    from afterview.domain.steps import effective_due

    return sorted(steps, key=lambda step: due_moment(effective_due(step), now.tzinfo or dt.UTC))


def kv(pairs: Iterable[tuple[str, str | None]]) -> None:
    """Labelled values, one per line (the profile)."""
    from rich.text import Text

    for label, value in pairs:
        out().print(Text.assemble((f"{label}: ", "bold"), literal(value or "(not set)")))
