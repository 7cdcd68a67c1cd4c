"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions.outcomes import record_feedback
from afterview.cli import inputs
from afterview.cli.handlers import outcome as handler
from afterview.cli.options import Json, RoundOrProcess
from afterview.domain.dates import DATE_EXAMPLES
from afterview.domain.endings import REAPPLY_EXAMPLES
from afterview.domain.outcomes import OUTCOMES
from afterview.render.outcomes import feedback_kept
from afterview.render.results import emit


def outcome(
    interview_id: RoundOrProcess,
    status: Annotated[
        str, typer.Argument(metavar="OUTCOME", help=f"What happened: {OUTCOMES}.", show_default=False)
    ],
    on: Annotated[
        str,
        typer.Option(
            metavar="DATE", help=f"When you heard (default: today): {DATE_EXAMPLES}.", show_default=False
        ),
    ] = "today",
    deadline: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help=f"For an offer: when you must answer by: {DATE_EXAMPLES}.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str | None, typer.Option(help="Anything worth keeping; for an offer, its terms.")] = None,
    at: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="For next-round: when the next interview is, as a date with an optional HH:MM "
            "('tuesday 10:00', '2026-12-01T10:00'); logs it as the process's next round.",
        ),
    ] = None,
    stage: Annotated[
        str | None, typer.Option(help="For next-round: the next interview's stage (default: the next one).")
    ] = None,
    format_: Annotated[
        str | None,
        typer.Option("--format", help="For next-round: video, phone or onsite (default: as the last round)."),
    ] = None,
    location: Annotated[
        str | None,
        typer.Option(help="For next-round: where it is, or its link (default: as the last round)."),
    ] = None,
    tz: Annotated[
        str | None,
        typer.Option("--tz", help="For next-round: the IANA time zone it is in, when not the last round's."),
    ] = None,
    feedback: Annotated[
        str | None,
        typer.Option(help="What they told you about your interviews; prep shows it before the next one."),
    ] = None,
    reapply_in: Annotated[
        str | None,
        typer.Option(
            metavar="PERIOD|DATE",
            help=f"After rejected (or withdrawn, declined, no-response): when to get back in touch, from the "
            f"day you heard ({REAPPLY_EXAMPLES}); adds a step to reconnect then.",
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    json_: Json = False,
) -> None:
    """Record an outcome of a hiring process: next-round, offer, accepted, declined, rejected, withdrawn.

    Or no-response, when they went silent.

    ID is any of the process's interviews (7) or the process itself (P2). Steps follow: an ended process
    closes its open steps, saying why. An offer gives you a step to decide by its deadline (3 business days
    without one) and every other waiting process a step to tell them. accepted ends every other open
    process with a step to withdraw from it, and the search's momentum step.

    next-round with --at logs the process's next interview. Examples:

        afterview outcome 7 offer --deadline "next friday" --note "120k, remote"

        afterview outcome P2 next-round --at "tuesday 10:00" --stage onsite
    """
    handler.outcome(
        interview_id=interview_id, status=status, on=on, deadline=deadline, note=note, at=at, stage=stage,
        format_=format_, location=location, tz=tz, feedback=feedback, reapply_in=reapply_in,
        no_input=no_input, json_=json_,
    )  # fmt: skip


def feedback(
    interview_id: RoundOrProcess,
    text: Annotated[str, typer.Argument(metavar="TEXT", help="What they told you.", show_default=False)],
    json_: Json = False,
) -> None:
    """Keep the feedback a company gave you; afterview prep shows it before your next interview there.

    ID is any of the process's interviews (7) or the process itself (P2). It replaces earlier feedback.

    Example: afterview feedback P2 "strong on design, wanted more depth on SQL"
    """
    emit(
        record_feedback(named=interview_id, text=inputs.field_text(text, "feedback")),
        json_=json_,
        human=feedback_kept,
    )
