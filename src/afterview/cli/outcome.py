"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import clock
from afterview.actions.outcomes import NextRoundAsTyped, next_round_time, record_feedback, record_outcome
from afterview.cli import inputs
from afterview.cli.options import Json, RoundOrProcess
from afterview.domain import endings, outcomes
from afterview.domain.dates import DATE_EXAMPLES
from afterview.domain.endings import REAPPLY_EXAMPLES
from afterview.domain.outcomes import OUTCOMES
from afterview.models.enums import Format, Stage, Status
from afterview.render.outcomes import feedback_kept, outcome_recorded
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
    chosen = outcomes.outcome_status(status)
    given = any(v is not None for v in (at, stage, format_, location, tz))
    following = None
    if given:
        following = NextRoundAsTyped(
            at=at,
            stage=inputs.choice(stage, Stage, field="stage") if stage is not None else None,
            format=inputs.choice(format_, Format, field="format") if format_ is not None else None,
            location=inputs.field_text(location, "location") if location else None,
            timezone=inputs.timezone(tz) if tz is not None else None,
        )
    text = inputs.field_text(note, "outcome_note") if note is not None else None
    when = None
    if chosen is Status.NEXT_ROUND and at is None and inputs.interactive(no_input) and not json_:
        outcomes.check_options(
            chosen, interview_id=interview_id, deadline=deadline is not None, next_round=False
        )
        zone = following.timezone if following is not None else None
        when = inputs.ask_date(
            "When is the next round? (e.g. 'tuesday 10:00'; blank if not known yet)",
            lambda typed: next_round_time(interview_id, typed, timezone=zone),
            required=False,
        )
    if chosen is Status.REJECTED and reapply_in is None and inputs.interactive(no_input) and not json_:
        reapply_in = _ask_reapply()
    result = record_outcome(
        named=interview_id,
        status=chosen,
        on=on,
        deadline=deadline,
        note=text,
        following=following,
        at=when,
        feedback=inputs.field_text(feedback, "feedback") if feedback is not None else None,
        reapply_in=reapply_in,
    )
    emit(result, json_=json_, human=outcome_recorded)


def _ask_reapply() -> str | None:
    """Ask whether to get back in touch later (a period or a date; blank: no)."""
    today = clock.now_in(None).date()

    def read(text: str) -> str:
        endings.reconnect_date(text, start=today, today=today)
        return text

    return inputs.ask_until_valid(
        f"Get back in touch with them later? ({REAPPLY_EXAMPLES}; blank: no)", read, required=False
    )


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
