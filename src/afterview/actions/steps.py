"""Moving steps through their life: close (done, skip), snooze, reopen, and the user's own paperwork tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple

from afterview.actions.changes import changing
from afterview.actions.lookup import find, locate
from afterview.actions.session import date_order
from afterview.actions.typed import option_date, option_due
from afterview.domain import steps as rules
from afterview.domain.dates import describe_day
from afterview.errors import UserError
from afterview.models.enums import ENDED_STATUSES, StepKind, StepState
from afterview.models.records import Interview, Paperwork, Step
from afterview.store.storefile import Unchanged

_NO_ENTRIES: Mapping[Any, Any] = MappingProxyType({})
"""An empty mapping no one can add to (a default)."""


class StepsChanged(NamedTuple):
    """What a step command did: ``steps`` as they are now (for ``rm``, as they were), in the order named.

    ``verb`` says what happened to them (``done``, ``skipped``, ``snoozed``, ``reopened``, ``added``,
    ``removed``); ``unchanged`` lists the ids named that needed no change; ``notes`` say more about single
    steps (``it was due later anyway``), by step id.
    """

    verb: str
    steps: list[tuple[Interview, Step]]
    now: dt.datetime
    unchanged: Sequence[str] = ()
    notes: Mapping[str, str] = _NO_ENTRIES
    until: dt.date | None = None

    def to_json(self) -> list[Any]:
        """The JSON contract: the steps, in the contract's step shape (an empty array when none changed)."""
        from afterview.formats.contract import step_json

        return [step_json(interview, step, now=self.now) for interview, step in self.steps]


def close_steps(*, step_ids: Sequence[str], state: StepState, note: str | None = None) -> StepsChanged:
    """Set ``state`` (done or skipped) on every pending step named, keeping ``note`` with it; if any id is
    unknown, change nothing (UserError)."""
    with changing() as change:
        document, now = change.document, change.now
        targets = [locate(document, step_id) for step_id in step_ids]
        by_interview: dict[int, dict[str, Step]] = {}
        for interview, step in targets:
            if step.state is StepState.PENDING:
                by_interview.setdefault(interview.id, {})[step.id] = rules.closed(
                    step, state, now=now, note=note
                )
        if not by_interview:
            raise Unchanged
        for interview_id, changed in by_interview.items():
            document.put(rules.with_steps(find(document, interview_id), changed, now=now))
    return _result(document, state.value, step_ids, now=now, changed=_ids(by_interview))


def snooze_steps(*, step_ids: Sequence[str], until: str) -> StepsChanged:
    """Hide the pending steps named from being due until ``until`` (as typed: a day after today)."""
    with changing() as change:
        document, now = change.document, change.now
        day = option_date("--until", until, today=now.date(), order=date_order(document.profile))
        if day <= now.date():
            raise UserError(
                f"Snooze until a day after today, not {describe_day(day, today=now.date())}.",
                hint="For example: --until tomorrow, --until +3d or --until 'next monday'.",
            )
        targets = [locate(document, step_id) for step_id in step_ids]
        by_interview: dict[int, dict[str, Step]] = {}
        notes: dict[str, str] = {}
        for interview, step in targets:
            by_interview.setdefault(interview.id, {})[step.id] = rules.snoozed(step, until=day)
            due = rules.effective_due(step)
            if (due.date() if isinstance(due, dt.datetime) else due) > day:
                notes[step.id] = "it was due later anyway"
        for interview_id, changed in by_interview.items():
            document.put(rules.with_steps(find(document, interview_id), changed, now=now))
    return _result(document, "snoozed", step_ids, now=now, changed=_ids(by_interview), notes=notes, until=day)


def reopen_steps(*, step_ids: Sequence[str]) -> StepsChanged:
    """Reopen the done or skipped steps named (back to pending); a step the plan would close again at once
    (its process has ended) is refused, changing nothing."""
    with changing() as change:
        document, now = change.document, change.now
        targets = [locate(document, step_id) for step_id in step_ids]
        by_interview: dict[int, dict[str, Step]] = {}
        for interview, step in targets:
            if step.state is not StepState.PENDING:
                by_interview.setdefault(interview.id, {})[step.id] = rules.reopened(step)
        if not by_interview:
            raise Unchanged
        for interview_id, changed in by_interview.items():
            document.put(rules.with_steps(find(document, interview_id), changed, now=now))
        change.planned()
        for interview_id, changed in by_interview.items():
            for step in find(document, interview_id).steps:
                if step.id in changed and step.state is not StepState.PENDING:
                    raise UserError(
                        f"Step {step.id} cannot reopen: {step.note}. Nothing was changed.",
                        hint=f"See the interview with: afterview show {interview_id}",
                    )
    return _result(document, "reopened", step_ids, now=now, changed=_ids(by_interview))


def add_task(*, interview_id: int, title: str, due: str | None = None) -> StepsChanged:
    """Add a paperwork item ``title`` to the interview, due ``due`` as typed (a date with an optional
    HH:MM; default: as the schedule says); it becomes a step."""
    with changing() as change:
        document, now = change.document, change.now
        day = option_due("--due", due, now=now, order=date_order(document.profile)) if due else None
        interview = find(document, interview_id)
        if interview.status in ENDED_STATUSES:
            raise UserError(
                f"Interview {interview_id}'s process has ended ({interview.status.value}); "
                "nothing was changed.",
                hint="Tasks are for processes still open.",
            )
        paperwork = [*interview.paperwork, Paperwork(title=title, due=day)]
        document.put(interview.model_copy(update={"paperwork": paperwork, "updated_at": now}))
        change.planned()
    updated = find(document, interview_id)
    key = f"paperwork:{len(paperwork) - 1}"
    step = next(s for s in updated.steps if s.key == key)
    return StepsChanged("added", [(updated, step)], now=now)


def remove_task(*, step_id: str) -> StepsChanged:
    """Remove a paperwork item and its step (other kinds of step are refused: skip them instead)."""
    with changing() as change:
        document, now = change.document, change.now
        interview, step = locate(document, step_id)
        if step.kind is not StepKind.PAPERWORK:
            raise UserError(
                f"Step {step_id} is a {step.kind.value} step, not a task; nothing was changed.",
                hint=f"To drop it from your list: afterview skip {step_id} --reason '...'",
            )
        removed = rules.remove_paperwork(interview, step_id)
        document.put(removed.model_copy(update={"updated_at": now}))
    return StepsChanged("removed", [(interview, step)], now=now)  # the step as it was before removal


def _ids(by_interview: dict[int, dict[str, Step]]) -> set[str]:
    return {step_id for changed in by_interview.values() for step_id in changed}


def _result(
    document: Any,
    verb: str,
    step_ids: Sequence[str],
    *,
    now: dt.datetime,
    changed: set[str],
    notes: dict[str, str] | None = None,
    until: dt.date | None = None,
) -> StepsChanged:
    """The steps named, as they are now: the changed ones in the order named, the others as unchanged."""
    done = [step_id for step_id in dict.fromkeys(step_ids) if step_id in changed]
    return StepsChanged(
        verb,
        [locate(document, step_id) for step_id in done],
        now=now,
        unchanged=[step_id for step_id in dict.fromkeys(step_ids) if step_id not in changed],
        notes=notes or {},
        until=until,
    )
