"""``afterview schedule``: when each kind of step falls due, and whose public holidays count."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import typer

from afterview.actions import session
from afterview.actions.settings import ScheduleSet, set_schedule, show_profile
from afterview.cli.interviews import Json
from afterview.domain.dates import short_date
from afterview.domain.phrasing import plural
from afterview.domain.steps import effective_due
from afterview.domain.workdays import PublicHolidays
from afterview.errors import UserError
from afterview.models.enums import StepState
from afterview.models.records import Profile, Schedule
from afterview.render import console, views
from afterview.render.results import emit

SETTINGS = {
    "thank_you_hours": "thank-you note, hours after the interview",
    "network_business_days": "add interviewers to your network, business days after",
    "paperwork_business_days": "paperwork with no date of its own, business days after",
    "reference_business_days": "tell your references, business days after",
    "follow_up_business_days": "check in when they gave no decision date, business days after",
    "follow_up_after_decision_business_days": "check in, business days after their decision date",
    "nudge_business_days": "second nudge, business days after the check-in",
    "close_out_days": "close it out, days after the interview",
    "momentum_days": "line up the next application, days after",
}
HOLIDAY_WINDOW = dt.timedelta(days=90)


def schedule(
    settings: Annotated[
        list[str] | None,
        typer.Argument(
            help="NAME=NUMBER pairs to change, e.g. follow_up_business_days=3.", show_default=False
        ),
    ] = None,
    reset: Annotated[bool, typer.Option("--reset", help="Put every setting back to its default.")] = False,
    subdivision: Annotated[
        str | None,
        typer.Option(
            help="Region of your country whose holidays also count, e.g. BY or CA ('none' to clear)."
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Show or change when steps fall due; pending steps move to match.

    Business days skip weekends and the public holidays of your profile's country and, if set, its region.

    Set the country with: afterview profile --country DE. Examples:

        afterview schedule follow_up_business_days=3 nudge_business_days=7

        afterview schedule --subdivision BY
    """
    changes = _read(settings or [])

    def edit(profile: Profile) -> Profile:
        base: dict[str, Any] = {} if reset else profile.schedule.model_dump()
        updated = profile.model_copy(update={"schedule": _schedule({**base, **changes})})
        return _with_subdivision(updated, subdivision) if subdivision is not None else updated

    if changes or reset or subdivision is not None:
        result = set_schedule(edit)
        if result.changed:
            console.note(f"Schedule saved; {plural(result.moved, 'pending step')} moved.")
        else:
            console.note("Nothing changed: the schedule already says so.")
    else:
        result = ScheduleSet(show_profile(), changed=False, now=session.local_now(show_profile()))
    emit(result, json_=json_, human=_show)


def _show(result: ScheduleSet) -> None:
    current, profile = result.profile.schedule, result.profile
    views.kv((f"{name} ({about})", str(getattr(current, name))) for name, about in SETTINGS.items())
    _show_holidays(profile, now=result.now or session.local_now(profile))


def _read(settings: list[str]) -> dict[str, int]:
    changes: dict[str, int] = {}
    for setting in settings:
        name, equals, value = setting.partition("=")
        key = name.strip().replace("-", "_")
        if not equals or key not in SETTINGS:
            raise UserError(
                f"Cannot read {setting!r} as a setting.",
                hint="Write NAME=NUMBER with one of: " + ", ".join(SETTINGS) + ".",
            )
        try:
            changes[key] = int(value.strip())
        except ValueError:
            raise UserError(f"{key} needs a whole number, not {value.strip()!r}.") from None
    return changes


def _schedule(values: dict[str, Any]) -> Schedule:
    from pydantic import ValidationError

    try:
        return Schedule.model_validate(values)
    except ValidationError as error:
        first = error.errors()[0]
        raise UserError(f"{first['loc'][0]}: {first['msg']}; nothing was changed.") from None


def _with_subdivision(profile: Profile, value: str) -> Profile:
    code = value.strip().upper()
    if code in ("", "NONE"):
        return profile.model_copy(update={"subdivision": None})
    if not profile.country:
        raise UserError(
            "Set your country before a subdivision.", hint="For example: afterview profile --country DE"
        )
    PublicHolidays(profile.country, code).check()
    return profile.model_copy(update={"subdivision": code})


def _pending_dues(interviews: list[Any]) -> dict[str, dt.date]:
    return {
        step.id: effective_due(step)
        for interview in interviews
        for step in interview.steps
        if step.state is StepState.PENDING
    }


def _show_holidays(profile: Profile, *, now: dt.datetime) -> None:
    if not profile.country:
        console.note(
            "Business days skip weekends only. Add your country's holidays: afterview profile --country DE"
        )
        return
    calendar = PublicHolidays(profile.country, profile.subdivision)
    where = profile.country + (f"-{profile.subdivision}" if profile.subdivision else "")
    upcoming = calendar.names(now.date(), now.date() + HOLIDAY_WINDOW)
    listed = "; ".join(f"{short_date(day, today=now.date())} {name}" for day, name in upcoming) or "none"
    views.kv([(f"Public holidays ({where}) in the next 90 days", listed)])
