"""``afterview calendar``: a live calendar file, rewritten after every change, for a calendar app to subscribe
to. The setting is the profile's ``calendar_file``; after each save the store calls
:func:`afterview.actions.livecalendar.write_live`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from afterview.actions import session
from afterview.actions.livecalendar import calendar_problem
from afterview.actions.settings import CalendarSet, set_calendar
from afterview.errors import UserError
from afterview.render import console
from afterview.render.results import emit


def calendar(
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            help="Keep this .ics file up to date: upcoming interviews and every pending step.",
            dir_okay=False,
        ),
    ] = None,
    off: Annotated[
        bool, typer.Option("--off", help="Stop updating it (the file stays where it is).")
    ] = False,
) -> None:
    """Keep a calendar file up to date after every change, for your calendar app to subscribe to.

    Upcoming interviews (with their link and interviewers) and every pending step, as export ics writes
    them, with UIDs that never change. Without options it says where the file is. Example:

        afterview calendar --file ~/Calendars/afterview.ics
    """
    if file is not None and off:
        raise UserError("Give either --file or --off, not both.")
    store = session.open_store()
    if file is None and not off:
        path = store.read(open_only=True).profile.calendar_file
        if path:
            problem = calendar_problem(Path(path))
            console.out().print(f"Live calendar: {path}" + (f" ({problem})" if problem else ""))
        else:
            console.out().print("No live calendar. Turn it on with: afterview calendar --file PATH")
        return
    target = str(Path(file).expanduser().absolute()) if file is not None else None
    if target is not None and (problem := calendar_problem(Path(target))):
        raise UserError(f"Cannot keep a live calendar at {file}: {problem}; nothing was changed.")
    emit(set_calendar(target), json_=False, human=_show)


def _show(result: CalendarSet) -> None:
    if result.path is not None:
        console.out().print(f"Live calendar on: {result.path} is rewritten after every change.")
        console.note("Subscribe to it in your calendar app (as a file or through a synced folder).")
    elif result.before:
        console.out().print(
            f"Live calendar off: afterview no longer updates {result.before} (the file stays)."
        )
    else:
        console.out().print("The live calendar was already off.")
