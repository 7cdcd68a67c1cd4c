"""The derived index (:mod:`afterview.store.index`) for the fast paths, planned up to now.

Kept light: ``todo`` into a pipe, ``remind`` and Tab completion import it without the models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from afterview.actions import session
from afterview.store import paths

if TYPE_CHECKING:
    from afterview.models.document import Document
    from afterview.store.index import Index


def load_index() -> Index:
    """The index of the user's store, rebuilt from the store when it is missing or stale.

    For any fast path: ``timezone`` (the profile's), ``interviews`` (``[id, company, role]`` each) and
    ``pending`` (the pending steps, as :func:`afterview.store.index.build` writes them).
    """
    from afterview.store import index

    stored = index.load(paths.store_path())
    found = stored if stored is not None else session.open_store().current_index()
    return catch_up() if index.passed(found, now=session.now()) else found


def catch_up() -> Index:
    """Plan the steps of every interview whose time has come since the store was last saved (one write),
    and return the index; if the store cannot be written now, the index as it was."""
    from afterview.actions.changes import changing
    from afterview.errors import AfterviewError
    from afterview.store.storefile import Unchanged

    store = session.open_store()
    try:
        with changing(store=store) as change:
            change.everything = True
            if not change.planned():
                raise Unchanged
    except AfterviewError:
        pass
    return store.current_index()


def current(*, open_only: bool = False) -> Document:
    """The store's document, after planning what the time has changed since the last save: an interview
    that has taken place gets its after-interview steps, a process whose next round was held waits again
    (one write, only when something is due; :func:`load_index`). ``open_only`` leaves the rounds of ended
    processes unread."""
    load_index()
    return session.open_store().read(open_only=open_only)
