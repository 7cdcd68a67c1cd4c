"""Writing the live calendar after a save (the store's after-save work), and whether it can be written
(``afterview calendar``)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING

from afterview.actions import notices

if TYPE_CHECKING:
    from afterview.models.document import Document


def write_live(document: Document, *, now: dt.datetime) -> None:
    """Rewrite the live calendar file of ``document``'s profile atomically; a failure is a warning."""
    from afterview.formats.ics import live_calendar
    from afterview.store import foreign

    path = document.profile.calendar_file
    if not path:
        return
    try:
        data = live_calendar(document, now=now)
        foreign.write(Path(path).expanduser(), data)  # links checked, afterview's own files refused
    except OSError as error:
        notices.warn(
            f"Saved, but the live calendar {path} could not be written ({error.strerror or error}); "
            "afterview doctor says more."
        )


def calendar_problem(path: Path) -> str | None:
    """Why the live calendar cannot be written at ``path``, or ``None`` when it can."""
    from afterview.store import foreign

    if reason := foreign.problem(path):
        return reason
    target = path.expanduser().resolve()
    folder = target.parent
    if target.is_dir():
        return "it is a folder"
    if not folder.is_dir():
        return f"its folder {folder} does not exist"
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} may not be written"
    if target.exists() and not os.access(target, os.W_OK):
        return "the file may not be written"
    return None
