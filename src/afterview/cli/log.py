"""``afterview log``: record an interview right after it happens."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.cli.handlers import log as handler
from afterview.domain.dates import DATE_EXAMPLES


def log(
    company: Annotated[str | None, typer.Option(help="The company you interviewed with.")] = None,
    role: Annotated[str | None, typer.Option(help="The role you interviewed for.")] = None,
    at: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help=f"When it happened (default: now): a date, 'yesterday 14:00', or {DATE_EXAMPLES}.",
        ),
    ] = None,
    stage: Annotated[str | None, typer.Option(help="screen, technical, onsite, final or other.")] = None,
    format_: Annotated[str | None, typer.Option("--format", help="video, phone or onsite.")] = None,
    interviewer: Annotated[
        list[str] | None,
        typer.Option(
            metavar='"NAME <EMAIL>"',
            help='"Name, Title <email>"; title and email optional. Repeat for each interviewer.',
        ),
    ] = None,
    next_steps: Annotated[str | None, typer.Option(help="What they said would happen next.")] = None,
    decision_by: Annotated[
        str | None, typer.Option(metavar="DATE", help=f"When they said you would hear back: {DATE_EXAMPLES}.")
    ] = None,
    paperwork: Annotated[
        list[str] | None, typer.Option(help="Something you were handed to complete. Repeatable.")
    ] = None,
    references: Annotated[
        bool | None,
        typer.Option("--references/--no-references", help="Whether your references may be contacted."),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Anything else worth keeping.")] = None,
    location: Annotated[
        str | None, typer.Option(help="Where it was: an address, a room, or the video link.")
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option(
            "--tz",
            help="The IANA time zone it happened in, when not yours (e.g. America/New_York); --at is read "
            "in that zone.",
        ),
    ] = None,
    process: Annotated[
        str | None,
        typer.Option(
            help="Log it as the next round of this process (P2, or any of its interviews' ids) instead "
            "of starting a new one.",
        ),
    ] = None,
    source: Annotated[
        str | None, typer.Option(help="For a new process: where it came from (a referral, a job board...).")
    ] = None,
    from_: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Read a calendar invitation: an .ics file or an e-mail (.eml) that carries one, or - for "
            "standard input. Its time, zone, link and interviewers fill in what the flags do not give.",
            metavar="FILE",
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never prompt; fail if something is missing.")
    ] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print the new interview as JSON.")] = False,
) -> None:
    """Record an interview you just had, and plan what to do next.

    Each log starts a new hiring process, unless --process names one to add this round to (a second log
    for the same company and role suggests it). On a terminal it asks for whatever the flags did not give.
    An interview logged for a later time is upcoming: a prep step the day before, the after-interview
    steps once it has happened. Examples:

        afterview log --company Acme --role "Staff Engineer" --interviewer "Jane Doe <jane@acme.com>"

        afterview log --from invite.ics
    """
    handler.log(
        company=company, role=role, at=at, stage=stage, format_=format_, interviewer=interviewer,
        next_steps=next_steps, decision_by=decision_by, paperwork=paperwork, references=references,
        note=note, location=location, tz=tz, process=process, source=source, from_=from_,
        no_input=no_input, json_=json_,
    )  # fmt: skip
