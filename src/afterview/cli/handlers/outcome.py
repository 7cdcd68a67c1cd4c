"""``afterview outcome``: record how a process moved on, and let every step follow."""

from __future__ import annotations

from afterview.actions import clock
from afterview.actions.outcomes import NextRoundAsTyped, check_named, next_round_time, record_outcome
from afterview.cli import inputs
from afterview.domain import endings, outcomes
from afterview.domain.endings import REAPPLY_EXAMPLES
from afterview.models.enums import Format, Stage, Status
from afterview.render.outcomes import outcome_recorded
from afterview.render.results import emit


def outcome(
    *,
    interview_id: str,
    status: str,
    on: str = "today",
    deadline: str | None = None,
    note: str | None = None,
    at: str | None = None,
    stage: str | None = None,
    format_: str | None = None,
    location: str | None = None,
    tz: str | None = None,
    feedback: str | None = None,
    reapply_in: str | None = None,
    no_input: bool = False,
    json_: bool = False,
) -> None:
    """Record the outcome ``status`` (as typed) of the process of ``interview_id`` (``7`` or ``P2``); on a
    terminal, ask when the next round is and whether to get back in touch after a rejection."""
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
        check_named(interview_id)
        zone = following.timezone if following is not None else None
        when = inputs.ask_date(
            "When is the next round? (e.g. 'tuesday 10:00'; blank if not known yet)",
            lambda typed: next_round_time(interview_id, typed, timezone=zone),
            required=False,
        )
    if chosen is Status.REJECTED and reapply_in is None and inputs.interactive(no_input) and not json_:
        check_named(interview_id)  # never a question about a round that is not there
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
