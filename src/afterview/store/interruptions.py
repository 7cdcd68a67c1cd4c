"""Which stores this process saved before Ctrl-C stopped what follows the save (standard library only, so
``cli/main`` can ask without loading the store)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

saved: list[Path] = []
"""Filled by :meth:`afterview.store.storefile.Store._save`; emptied when a command starts."""
