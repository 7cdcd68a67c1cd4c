"""``afterview doctor`` and ``afterview restore``: check the store, and bring back a backup."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from afterview.actions import session
from afterview.domain.phrasing import plural
from afterview.errors import ExitCode
from afterview.render import console
from afterview.render import maintenance as view

if TYPE_CHECKING:
    from afterview.store.doctor import Finding
    from afterview.store.storefile import Store

Json = Annotated[bool, typer.Option("--json", help="Print JSON (see the README for the format).")]


def doctor(json_: Json = False) -> None:
    """Check the store and every backup; tighten loose permissions.

    Exits 0 when all is well and 3 when something needs attention. Example: afterview doctor
    """
    from afterview.store.doctor import examine, healthy

    store = session.open_store()
    findings = examine(store) + _live_calendar(store)
    well = healthy(findings)
    if json_:
        console.print_json(view.doctor_json(findings, healthy=well))
    else:
        view.doctor_report(findings, healthy=well)
    if not well:
        raise typer.Exit(int(ExitCode.STORE))


def _live_calendar(store: Store) -> list[Finding]:
    """Whether the live calendar file (``afterview calendar``) can be written."""
    from afterview.actions.livecalendar import calendar_problem
    from afterview.errors import AfterviewError
    from afterview.store.doctor import Finding, Level

    try:
        path = store.read().profile.calendar_file
    except AfterviewError:  # the store's own findings say why
        return []
    if not path:
        return []
    problem = calendar_problem(Path(path))
    if problem:
        return [Finding(Level.PROBLEM, path, f"the live calendar cannot be written: {problem}")]
    return [Finding(Level.OK, path, "live calendar, rewritten after every change")]


def restore(
    backup: Annotated[
        str | None,
        typer.Argument(
            help="The backup to bring back: its number in the list (1 is the newest) or file name."
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """List the backups, or bring one back (the version it replaces is kept, never deleted).

    Example: afterview restore, then afterview restore 1
    """
    from afterview.store.recovery import choose_backup, list_backups

    store = session.open_store()
    if backup is None:
        backups = list_backups(store)
        if json_:
            console.print_json(view.backups_json(backups))
        else:
            tz = session.now().tzinfo
            assert tz is not None
            view.backups_table(backups, tz=tz)
        return
    restored = store.restore(choose_backup(store, backup))
    document = restored.document
    if json_:
        console.print_json(
            {
                "restored": str(backup),
                "from_revision": restored.revision,
                "revision": document.revision,
                "interviews": document.round_count,
                "set_aside": str(restored.set_aside) if restored.set_aside else None,
            }
        )
        return
    console.say(
        f"Restored revision {restored.revision} ({plural(document.round_count, 'interview')}); "
        f"the store is now revision {document.revision}."
    )
    if restored.set_aside is not None:
        console.note(f"The unreadable version is kept as {restored.set_aside}.")
    else:
        console.note("The version it replaced is kept as a backup: afterview restore lists it.")
