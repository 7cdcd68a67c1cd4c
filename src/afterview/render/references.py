"""How references are shown."""

from __future__ import annotations

from collections.abc import Sequence

from afterview.models.records import Reference
from afterview.render.console import literal, out


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
