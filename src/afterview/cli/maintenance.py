"""``afterview doctor`` and ``afterview restore``: check the store, and bring back a backup."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from afterview.actions import session
from afterview.actions.maintenance import (
    BackupsListed,
    Examined,
    RestoredBackup,
    backups,
    check_store,
    restore_backup,
)
from afterview.domain.phrasing import plural
from afterview.errors import ExitCode
from afterview.render import console
from afterview.render import maintenance as view
from afterview.render.results import emit

if TYPE_CHECKING:
    pass

Json = Annotated[bool, typer.Option("--json", help="Print JSON (see the README for the format).")]


def doctor(json_: Json = False) -> None:
    """Check the store and every backup; tighten loose permissions.

    Exits 0 when all is well and 3 when something needs attention. Example: afterview doctor
    """
    result = check_store()
    emit(
        result,
        json_=json_,
        human=lambda examined: view.doctor_report(examined.findings, healthy=examined.healthy),
    )
    if not result.healthy:
        raise typer.Exit(int(ExitCode.STORE))


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
    if backup is None:
        emit(backups(), json_=json_, human=_backups)
    else:
        emit(restore_backup(backup), json_=json_, human=_restored)


def _report(result: Examined) -> None:
    view.doctor_report(result.findings, healthy=result.healthy)


def _backups(result: BackupsListed) -> None:
    tz = session.now().tzinfo
    assert tz is not None
    view.backups_table(result.backups, tz=tz)


def _restored(result: RestoredBackup) -> None:
    console.say(
        f"Restored revision {result.from_revision} ({plural(result.interviews, 'interview')}"
        + (f", {plural(result.stories, 'story', 'stories')}" if result.stories else "")
        + "); "
        f"the store is now revision {result.revision}."
    )
    if result.set_aside is not None:
        console.note(f"The unreadable version is kept as {result.set_aside}.")
    else:
        console.note("The version it replaced is kept as a backup: afterview restore lists it.")
