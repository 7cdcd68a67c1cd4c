"""How references are shown."""

from __future__ import annotations

from collections.abc import Sequence

from afterview.actions.references import ReferenceChanged
from afterview.models.records import Reference
from afterview.render import console
from afterview.render.console import literal, out
from afterview.render.steps import show_changes


def references_table(items: Sequence[Reference]) -> None:
    """The ``ref list`` table."""
    from rich.table import Table

    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("ID", "Name", "Relationship", "Email", "Phone"):
        table.add_column(column, no_wrap=column == "ID")
    for reference in items:
        table.add_row(
            str(reference.id),
            literal(reference.name),
            literal(reference.relationship or ""),
            literal(reference.email or ""),
            literal(reference.phone or ""),
        )
    out().print(table)


def reference_changed(result: ReferenceChanged) -> None:
    """``Added reference 2: Ann Smith``, then the steps that opened or closed."""
    verb = "Added" if result.verb == "added" else "Removed"
    console.say(f"{verb} reference {result.reference.id}: {result.reference.name}")
    show_changes(result.changes, now=result.now)
