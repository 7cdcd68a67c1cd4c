"""Saving a debrief (``afterview remember``): the interview is re-read under the lock, the debrief merged
into it and its memory-dump step marked done; a version another afterview saved meanwhile is kept aside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.actions.lookup import find
from afterview.domain import steps as rules
from afterview.domain import story_bank
from afterview.domain.debrief import is_empty, merged, same, to_markdown
from afterview.errors import UserError
from afterview.formats.contract import interview_json
from afterview.models.document import Document
from afterview.models.enums import StepKind, StepState
from afterview.models.records import Debrief, Interview, Step
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class DebriefSaved:
    """The interview as it is now (with the debrief saved, unless ``changed`` is false: it was the same),
    the memory-dump steps this closed (``done``, as they were closed) and where another afterview's version
    of the debrief was kept (``other``; ``None`` when there was none)."""

    interview: Interview
    changed: bool
    now: dt.datetime
    done: list[Step] = field(default_factory=list)
    other: Path | None = None
    keep_as_story: list[int] = field(default_factory=list)
    """The numbers of the questions answered well that name no story (:mod:`afterview.domain.story_bank`)."""

    def to_json(self) -> Any:
        """The JSON contract: the interview, as it is now."""
        return interview_json(self.interview, now=self.now)


def save_debrief(
    *,
    interview_id: int,
    debrief: Debrief,
    before: Debrief | None,
    keep_other: Callable[[bytes], Path],
) -> DebriefSaved:
    """Save ``debrief`` on the interview and mark its pending memory-dump step done, in one transaction.

    ``before`` is the debrief as it was read when the editing began; when the stored one differs from it
    (another afterview saved it meanwhile), its Markdown is handed to ``keep_other``, which keeps it in a
    file and returns the path. An all-empty debrief over a saved one is refused (UserError); the same debrief
    again saves nothing.
    """
    kept: Path | None = None
    done: list[Step] = []
    changed = False
    with changing() as change:
        document, now = change.document, change.now
        interview = find(document, interview_id)
        current = interview.debrief
        if is_empty(debrief) and current is not None:
            raise UserError(
                "Every section is empty, so nothing was saved; the debrief is as it was.",
                hint="To change it, run afterview remember again and edit the sections.",
            )
        if same(debrief, current or Debrief()):
            raise Unchanged
        _check_stories(document, debrief, current=current)
        if current is not None and (before is None or not same(current, before)):
            # Another afterview saved this debrief while the editor was open: keep its version too.
            markdown = to_markdown(current, interview, tz=session.user_tz(document.profile))
            kept = keep_other(markdown.encode("utf-8"))
        steps = [
            rules.closed(step, StepState.DONE, now=now) if step.kind is StepKind.MEMORY_DUMP else step
            for step in interview.steps
        ]
        done = [step for step, old in zip(steps, interview.steps, strict=True) if step is not old]
        document.put(
            interview.model_copy(
                update={"debrief": merged(debrief, old=current), "steps": steps, "updated_at": now}
            )
        )
        changed = True
    saved = find(document, interview_id)
    unkept = story_bank.unkept_strong_answers(saved.debrief) if changed and saved.debrief else []
    return DebriefSaved(saved, changed, now, done=done, other=kept, keep_as_story=unkept)


def _check_stories(document: Document, debrief: Debrief, *, current: Debrief | None) -> None:
    """Refuse a debrief naming a story that is not in the bank (unless the saved one named it already:
    a story removed since)."""
    known = {story.id for story in document.stories}
    if current is not None:
        known |= set(story_bank.named_stories(current))
    missing = [number for number in story_bank.named_stories(debrief) if number not in known]
    if missing:
        raise UserError(
            f"The debrief names {', '.join(f'S{n}' for n in missing)}, which is not in your story bank; "
            "nothing was saved.",
            hint="See your stories with: afterview story list (add one with: afterview story add).",
        )
