"""Pausing Python's cycle collector while many objects are built that hold no reference cycles.

Reference counting frees such objects as soon as they go, so the collector finds nothing; but each of its
full passes walks every object alive, and reading 10,000 archived interviews or importing 100,000 rows makes
millions of them: about a third of the time went there (the same measurement as pip's and Instagram's).
Outside such blocks every command still wakes the collector less often than CPython's default
(:data:`afterview.__main__.YOUNG_GENERATION_THRESHOLD`).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The cycle collector off inside the block, and back as it was after it (however the block ends)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
