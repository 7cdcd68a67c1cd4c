"""Reading the store as of now, for the commands that show it (``list``, ``show``, ``export``, ``prep``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from afterview.actions import session
from afterview.actions.index import load_index

if TYPE_CHECKING:
    from afterview.models.document import Document


def current(*, open_only: bool = False) -> Document:
    """The store's document, after planning what the time has changed since the last save: an interview
    that has taken place gets its after-interview steps, a process whose next round was held waits again
    (one write, only when something is due; :func:`afterview.actions.index.load_index`). ``open_only``
    leaves the rounds of ended processes unread."""
    load_index()
    return session.open_store().read(open_only=open_only)
