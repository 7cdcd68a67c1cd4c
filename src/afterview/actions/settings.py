"""Your settings: the profile, the schedule of steps, the live calendar. A change to what steps depend on
(the country, its region, the time zone, the schedule) moves every pending step at once: the transaction
sees the profile change and re-plans every round (:mod:`afterview.actions.changes`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.domain.steps import effective_due
from afterview.models.enums import StepState
from afterview.models.records import Interview, Profile
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class ProfileSet:
    """The profile as it is now; ``changed`` says whether this command changed it, ``moved`` how many
    pending steps moved because of it."""

    profile: Profile
    changed: bool
    moved: int = 0

    def to_json(self) -> Any:
        """The profile, as stored."""
        return self.profile.model_dump(mode="json")


@dataclass(frozen=True)
class ScheduleSet(ProfileSet):
    """The schedule as it is now (in the profile), and how many pending steps moved."""

    now: dt.datetime | None = None

    def to_json(self) -> Any:
        """The schedule's settings, with the country and region whose holidays count."""
        return {
            **self.profile.schedule.model_dump(mode="json"),
            "country": self.profile.country,
            "subdivision": self.profile.subdivision,
        }


@dataclass(frozen=True)
class CalendarSet:
    """The live calendar file as it is now (``None``: off) and as it was."""

    path: str | None
    before: str | None

    def to_json(self) -> Any:
        """``{"file": path or null}``."""
        return {"file": self.path}


def set_profile(changes: dict[str, Any]) -> ProfileSet:
    """Change the profile's fields in ``changes`` (already read by the field rules); an empty or
    same-again change saves nothing."""
    profile, changed, moved = _set(
        lambda current: Profile.model_validate({**current.model_dump(), **changes})
    )
    return ProfileSet(profile, changed, moved)


def set_schedule(edit: Any) -> ScheduleSet:
    """Change the profile through ``edit`` (the current profile → the new one, raising UserError when it
    cannot); report how many pending steps moved."""
    profile, changed, moved = _set(edit)
    return ScheduleSet(profile, changed, moved, now=session.local_now(profile))


def show_profile() -> Profile:
    """The profile as stored."""
    return session.open_store().read(open_only=True).profile


def set_calendar(path: str | None) -> CalendarSet:
    """Keep the live calendar at ``path`` (absolute), or turn it off with ``None``; the save writes it."""
    with changing() as change:
        before = change.document.profile.calendar_file
        change.document.profile.calendar_file = path
    return CalendarSet(path, before)


def _set(edit: Any) -> tuple[Profile, bool, int]:
    """Apply ``edit`` to the profile in one transaction; the profile, whether it changed, and the number
    of pending steps whose due date moved."""
    with changing() as change:
        document = change.document
        updated = edit(document.profile)
        if updated == document.profile:  # the same again: no new revision, no backup pushed out
            raise Unchanged
        before = _pending_dues(document.interviews)
        document.profile = updated
        change.planned()
        after = _pending_dues(document.interviews)
        moved = sum(1 for step_id, due in after.items() if before.get(step_id, due) != due)
        return updated, True, moved
    return document.profile, False, 0


def _pending_dues(interviews: list[Interview]) -> dict[str, dt.date]:
    return {
        step.id: effective_due(step)
        for interview in interviews
        for step in interview.steps
        if step.state is StepState.PENDING
    }
