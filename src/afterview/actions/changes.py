"""The one way a use case changes the store: a transaction that re-plans what the change touched.

1. lock the store and read it (:meth:`afterview.store.storefile.Store.transaction`);
2. note what planning any round reads from the rest of the document (:func:`shared_facts`);
3. let the use case change the document: every round it puts, adds or removes marks its process touched
   (:meth:`afterview.models.document.Document.touch`);
4. re-plan once, with one planning context: every round when the shared facts changed (the profile's
   country, time zone or schedule, a reference, an offer, the search's momentum), else the rounds of the
   touched processes (:meth:`Change.planned`);
   A process whose awaited next round has taken place waits again (:mod:`afterview.domain.history`).
5. save (backup, atomic replace, then the after-save work: the index and the live calendar).

This module is the only caller of the step planner (:func:`afterview.domain.steps.replan`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from afterview.actions import session
from afterview.models.enums import Status

if TYPE_CHECKING:
    from afterview.models.document import Document
    from afterview.models.records import Interview, Step
    from afterview.store.storefile import Store


class Change:
    """A document being changed, and the time of the change in the user's zone."""

    __slots__ = ("_facts", "_planned", "document", "everything", "now", "reasons")

    def __init__(self, document: Document, *, now: dt.datetime, facts: tuple[object, ...] = ()) -> None:
        self.document = document
        self.now = now
        self.reasons: dict[int, str] = {}
        """By interview id: why its steps closed when the plan no longer holds them (``changed by an
        edit``)."""
        self.everything = False
        """Re-plan every round read, whatever was touched (after an import, a restore of rounds)."""
        self._facts = facts
        """What planning read from the whole document when last planned (:func:`shared_facts`)."""
        self._planned: list[tuple[Interview, Step]] | None = None

    @property
    def changes(self) -> list[tuple[Interview, Step]]:
        """The steps that re-planning has opened or closed so far."""
        return list(self._planned or [])

    def taken_as_they_are(self) -> None:
        """Plan nothing for what the change did so far: records imported whole carry their own steps."""
        from afterview.domain.planning import shared_facts

        self._facts = shared_facts(self.document)
        self.document.untouch()

    def planned(self) -> list[tuple[Interview, Step]]:
        """Re-plan what the change touched, once, and return the steps that opened or closed.

        The transaction calls it before it saves; a use case that must check the plan's result first (a
        reopened step the plan closes again) calls it earlier. A change made after the first call is planned
        again when it is called again.
        """
        from afterview.domain.planning import shared_facts
        from afterview.domain.steps import replan

        document = self.document
        self._settle_history()
        facts = shared_facts(document)
        everything = self.everything or facts != self._facts
        touched = document.touched
        if not everything and not touched:
            return self._planned or []
        changed = replan(
            document,
            session.context(document),
            now=self.now,
            processes=None if everything else touched,
            reasons=self.reasons,
        )
        document.untouch()
        self._facts = facts
        self.everything = False
        self._planned = [*(self._planned or []), *changed]
        return self._planned

    def _settle_history(self) -> None:
        """Processes whose awaited next round has taken place wait again (:func:`held_rounds`); only open
        ones can (an ended process is never ``next-round``), so archived rounds stay unread."""
        from afterview.domain.history import held_rounds

        document = self.document
        scope = None if self.everything else document.touched
        awaiting = [
            process
            for process in document.processes
            if (scope is None or process.id in scope) and process.status is Status.NEXT_ROUND
        ]
        rounds = document.rounds_of(awaiting)
        for process in awaiting:
            if held_rounds(process, rounds[process.id], now=self.now):
                process.updated_at = self.now
                document.touch(process.id)


@contextlib.contextmanager
def changing(
    *, store: Store | None = None, open_only: bool = True, taking: Document | None = None
) -> Iterator[Change]:
    """Lock the store, yield a :class:`Change` of its document, re-plan what it touched, then save.

    ``open_only`` leaves the rounds of ended processes unread unless the change needs them, and ``taking``
    is a document just read that the change may take over unread when the file has not changed since (see
    :meth:`afterview.store.storefile.Store.transaction`). Raising
    :class:`afterview.store.storefile.Unchanged` in the block ends it without saving.
    """
    from afterview.domain.planning import shared_facts

    with (store or session.open_store()).transaction(open_only=open_only, taking=taking) as document:
        change = Change(document, now=session.local_now(document.profile), facts=shared_facts(document))
        yield change
        change.planned()
