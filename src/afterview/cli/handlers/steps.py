"""``afterview done`` and ``afterview skip``: close steps, keeping a note or a reason."""

from __future__ import annotations

from afterview.actions.steps import close_steps
from afterview.cli import inputs
from afterview.models.enums import StepState
from afterview.render.results import emit
from afterview.render.steps import changed_steps


def done(*, step_ids: list[str], note: str | None = None, json_: bool = False) -> None:
    """Mark the steps ``step_ids`` (``7.2``) as done, keeping ``note`` with each."""
    text = inputs.field_text(note, "step_note") if note is not None else None
    result = close_steps(step_ids=step_ids, state=StepState.DONE, note=text)
    emit(result, json_=json_, human=changed_steps)


def skip(*, step_ids: list[str], reason: str | None = None, json_: bool = False) -> None:
    """Skip the steps ``step_ids``, keeping ``reason`` with each."""
    text = inputs.field_text(reason, "step_note", label="reason") if reason is not None else None
    result = close_steps(step_ids=step_ids, state=StepState.SKIPPED, note=text)
    emit(result, json_=json_, human=changed_steps)
