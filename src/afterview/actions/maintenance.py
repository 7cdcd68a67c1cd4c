"""Looking after the store: ``doctor`` checks it and every backup, ``restore`` lists the backups or brings
one back (the version it replaces is kept)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from afterview.actions import session
from afterview.actions.livecalendar import calendar_problem
from afterview.errors import AfterviewError
from afterview.store.doctor import Finding, Level, examine, healthy
from afterview.store.recovery import Backup, choose_backup, list_backups
from afterview.store.storefile import Store


@dataclass(frozen=True)
class Examined:
    """What ``doctor`` found, and whether all is well."""

    findings: list[Finding]
    healthy: bool

    def to_json(self) -> Any:
        """``{"healthy": bool, "findings": [{"level", "subject", "message"}]}``."""
        return {
            "healthy": self.healthy,
            "findings": [
                {"level": f.level.value, "subject": f.subject, "message": f.message} for f in self.findings
            ],
        }


def check_store() -> Examined:
    """Check the store, every backup and the live calendar; tighten loose permissions."""
    store = session.open_store()
    findings = examine(store) + _live_calendar(store)
    return Examined(findings, healthy=healthy(findings))


def _live_calendar(store: Store) -> list[Finding]:
    """Whether the live calendar file (``afterview calendar``) can be written."""
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


@dataclass(frozen=True)
class BackupsListed:
    """``restore`` without a backup named: the backups, newest first."""

    backups: list[Backup]

    def to_json(self) -> Any:
        """An array of ``{"number", "file", "saved_at", "revision", "interviews", "stories", "problem"}``."""
        return [
            {
                "number": b.number,
                "file": str(b.path),
                "saved_at": b.saved_at.isoformat() if b.saved_at else None,
                "revision": b.revision,
                "interviews": b.interviews,
                "stories": b.stories,
                "problem": b.problem,
            }
            for b in self.backups
        ]


def backups() -> BackupsListed:
    """The store's backups, newest first, each checked."""
    return BackupsListed(list_backups(session.open_store()))


@dataclass(frozen=True)
class RestoredBackup:
    """What ``restore`` did: the backup named, the revision it held, the store's revision now, how many
    interviews (and stories) it holds, and where an unreadable version it replaced is kept."""

    named: str
    from_revision: int
    revision: int
    interviews: int
    set_aside: Path | None
    stories: int = 0

    def to_json(self) -> Any:
        """``{"restored", "from_revision", "revision", "interviews", "stories", "set_aside"}``."""
        return {
            "restored": self.named,
            "from_revision": self.from_revision,
            "revision": self.revision,
            "interviews": self.interviews,
            "stories": self.stories,
            "set_aside": str(self.set_aside) if self.set_aside else None,
        }


def restore_backup(named: str) -> RestoredBackup:
    """Make the backup ``named`` (its number in the list, 1 the newest, or its file name) the current
    version, under the store's lock; the version it replaces is kept."""
    store = session.open_store()
    restored = store.restore(choose_backup(store, named))
    document = restored.document
    return RestoredBackup(
        named,
        restored.revision,
        document.revision,
        document.round_count,
        set_aside=restored.set_aside,
        stories=len(document.stories),
    )
