"""Importing interviews (``afterview import``) from an afterview JSON export or a CSV: all or nothing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.domain import merging
from afterview.formats import imports
from afterview.formats.mapping import column_map
from afterview.models.document import Document
from afterview.store import collector
from afterview.store.storefile import Unchanged

PREVIEW_ROWS = 5
"""How many rows of a CSV ``import --dry-run`` shows as afterview reads them."""


@dataclass(frozen=True)
class Imported:
    """What an import did (or, with ``dry_run``, would do): the merge's report, and of a CSV its first
    rows as afterview reads them, how many there were and the columns ``--map`` left out."""

    report: merging.Report
    dry_run: bool
    now: dt.datetime | None = None
    first_rows: list[dict[str, Any]] = field(default_factory=list)
    rows: int = 0
    left_out: list[str] = field(default_factory=list)

    def to_json(self) -> Any:
        """``{"dry_run", "added", "replaced", "replaced_processes", "unchanged", "conflicts",
        "references_added", "stories_added", "stories_replaced", "profile"}`` (README, "JSON output")."""
        report = self.report
        return {
            "dry_run": self.dry_run,
            "added": report.added,
            "replaced": report.replaced,
            "replaced_processes": [f"P{n}" for n in report.replaced_processes],
            "unchanged": report.unchanged,
            "conflicts": [{"record": c.what, "fields": c.fields} for c in report.conflicts],
            "references_added": report.references_added,
            "stories_added": [f"S{n}" for n in report.stories_added],
            "stories_replaced": [f"S{n}" for n in report.stories_replaced],
            "profile": report.profile,
        }


def import_file(
    *,
    text: str,
    name: str,
    only: Sequence[int] = (),
    mapping: Sequence[str] = (),
    theirs: bool = False,
    dry_run: bool = False,
) -> Imported:
    """Import ``text``, the file ``name`` holds (an afterview JSON export or a CSV), keeping only the
    interviews ``only`` names when given, reading a CSV's columns through ``mapping``; ``theirs`` takes the
    imported record on a conflict; ``dry_run`` changes nothing."""
    source = imports.source(text, name=name, only=only, columns=column_map(mapping))
    kept: dict[str, Any] = {}

    def apply(document: Document, *, now: dt.datetime) -> merging.Report:
        incoming = source.read(tz=session.user_tz(document.profile), today=now.date())
        kept.update(
            first_rows=incoming.rows[:PREVIEW_ROWS], rows=len(incoming.rows), left_out=incoming.left_out
        )
        return merging.merge(document, incoming, now=now, theirs=theirs)  # the rows are in the document now

    store = session.open_store()
    with collector.paused():  # the import is read, merged and saved: millions of objects, no cycles
        if dry_run:
            document = store.read()
            now = session.local_now(document.profile)
            report = apply(document, now=now)
        else:
            with changing(store=store, open_only=False) as change:  # checked and merged in one go
                now = change.now
                report = apply(change.document, now=now)
                if not report.changed:
                    raise Unchanged
                if report.rows:  # new rounds from a CSV: plan them, and the search's momentum moves
                    change.everything = True
                    change.planned()
                    tz = session.user_tz(change.document.profile)
                    merging.settle_rows(change.document, report, tz=tz, now=now)
                else:  # the records of an afterview export come with their steps
                    change.taken_as_they_are()
    return Imported(report, dry_run=dry_run, now=now, **kept)
