"""Output of ``afterview doctor`` and ``afterview restore``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from afterview.render.console import literal, out
from afterview.render.literal import visible
from afterview.store.doctor import Finding, Level
from afterview.store.recovery import Backup

_MARKS = {
    Level.OK: ("ok", "green"),
    Level.WARNING: ("warning", "yellow"),
    Level.PROBLEM: ("PROBLEM", "bold red"),
}


def doctor_report(findings: Sequence[Finding], *, healthy: bool) -> None:
    """One line per finding, then the verdict."""
    from rich.text import Text

    width = max(len(mark) for mark, _ in _MARKS.values())
    for finding in findings:
        mark, style = _MARKS[finding.level]
        out().print(
            Text.assemble(
                (mark.ljust(width), style),
                "  ",
                (visible(finding.subject), "bold"),
                visible(f": {finding.message}"),
            )
        )
    if healthy:
        out().print("The store is healthy.", style="green")
    else:
        out().print("The store needs attention (see PROBLEM above).", style="bold red")


def backups_table(backups: Sequence[Backup], *, tz: dt.tzinfo) -> None:
    """The list ``restore`` shows with no argument."""
    if not backups:
        out().print("No backups yet: each change keeps the previous version, so there will be one soon.")
        return
    from rich.table import Table

    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("#", "Saved", "Revision", "Interviews", "Stories", "File"):
        table.add_column(column, no_wrap=True)
    for backup in backups:
        saved = f"{backup.saved_at.astimezone(tz):%a %d %b %Y %H:%M:%S}" if backup.saved_at else "?"
        table.add_row(
            str(backup.number),
            saved,
            str(backup.revision) if backup.revision is not None else "?",
            str(backup.interviews) if backup.interviews is not None else "unreadable",
            str(backup.stories) if backup.stories is not None else "",
            literal(backup.path.name),
        )
    out().print(table)
    out().print("Bring one back with: afterview restore NUMBER (the current version is kept as a backup).")
