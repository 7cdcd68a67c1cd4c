"""Where warnings raised while a use case runs go: the store's (permissions tightened, a backup skipped) and
the after-save work's (a live calendar that could not be written).

The use-case layer never prints; the CLI points :data:`sink` at its error console once at start
(:func:`afterview.cli.main.run`), so the warning passes the one renderer for terminal text. Until then (a
library caller, a test of one use case) warnings are kept in :data:`kept`, newest last.
"""

from __future__ import annotations

from collections.abc import Callable

kept: list[str] = []
"""Warnings given while no sink was set."""

sink: Callable[[str], None] = kept.append
"""Called with each warning, a sentence for the user."""


def warn(message: str) -> None:
    """Pass ``message``, a sentence for the user, to :data:`sink`."""
    sink(message)
