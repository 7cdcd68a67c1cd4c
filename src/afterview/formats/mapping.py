"""``import --map``: another tracker's or a spreadsheet's CSV columns read as afterview's (pure).

``--map "Company Name=company,Date=at"`` names, for each of their columns, the afterview column it holds.
With a map, their other columns that are not afterview's are left out (a tracker's export has many); without
one, an unknown column is refused as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from afterview.errors import UserError
from afterview.formats.exports import CSV_COLUMNS

_HINT = f"Map to one of: {', '.join(CSV_COLUMNS)}."


@dataclass(frozen=True)
class ColumnMap:
    """Their header names (ignoring case and surrounding spaces) and the afterview column each holds."""

    targets: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.targets)

    def header(self, names: Sequence[str]) -> tuple[list[str | None], dict[str, str], list[str]]:
        """Their header as afterview columns (``None`` for one left out), the name each afterview column
        has in their file (for messages), and the names left out.

        Raises UserError when a mapped column is not in their header.
        """
        keys = [name.strip().casefold() for name in names]
        missing = [theirs for theirs in self.targets if theirs not in keys]
        if missing:
            raise UserError(
                f"--map names {', '.join(repr(m) for m in missing)}, which the CSV header does not have.",
                hint=f"The header is: {', '.join(name.strip() for name in names)}.",
            )
        columns: list[str | None] = []
        labels: dict[str, str] = {}
        left_out: list[str] = []
        for name, key in zip(names, keys, strict=True):
            column = self.targets.get(key, key if key in CSV_COLUMNS or not self.targets else None)
            columns.append(column)
            if column is None:
                left_out.append(name.strip())
            elif column != key:
                labels[column] = f"{name.strip()} ({column})"
        return columns, labels, left_out


def column_map(specs: Iterable[str]) -> ColumnMap:
    """The map of ``--map`` values (each ``Their Name=column`` pairs, comma separated).

    Raises UserError on a pair without ``=``, an unknown afterview column or a column named twice.
    """
    targets: dict[str, str] = {}
    for spec in specs:
        for pair in spec.split(","):
            if not pair.strip():
                continue
            theirs, equals, ours = pair.rpartition("=")
            theirs, ours = theirs.strip(), ours.strip().lower()
            if not equals or not theirs or not ours:
                raise UserError(f"--map {pair.strip()!r} is not THEIR_COLUMN=column.", hint=_HINT)
            if ours not in CSV_COLUMNS:
                raise UserError(f"--map {pair.strip()!r}: afterview has no column {ours!r}.", hint=_HINT)
            if ours in targets.values():
                raise UserError(f"--map names the column {ours} twice.", hint=_HINT)
            targets[theirs.casefold()] = ours
    return ColumnMap(targets)
