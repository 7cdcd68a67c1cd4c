"""``list`` and ``show``: the interviews stored, as of now.

``list`` shows a line for every round. The rounds of ended processes stay packed in the store's archive
(:meth:`afterview.models.document.Document.pack`); for the human view their lines are read straight from
the stored JSON (:func:`archived_lines`), which afterview wrote and checked when it saved it, instead of
validating every archived round as a model; ``--json``, which prints whole interviews, reads them whole.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from afterview.actions import session
from afterview.actions.index import current
from afterview.actions.lookup import find_process
from afterview.domain.dates import parse_date
from afterview.models.enums import Stage, Status, StepState
from afterview.models.records import Interview, Process
from afterview.store import layout

if TYPE_CHECKING:
    from afterview.domain import endings
    from afterview.formats.contract import InterviewJson
    from afterview.models.document import Document


class RoundLine(NamedTuple):
    """One round as ``list`` shows it."""

    id: int
    process: Process
    at: dt.datetime
    """When it starts (aware)."""
    timezone: str | None
    """The IANA zone it is held in, when not yours."""
    stage: Stage
    cancelled: bool
    pending: int
    """How many of its steps are pending."""

    @classmethod
    def of(cls, interview: Interview) -> RoundLine:
        """The line of a round read as a model."""
        pending = sum(step.state is StepState.PENDING for step in interview.steps)
        return cls(
            interview.id, interview.process, interview.at, interview.timezone, interview.stage,
            interview.cancelled is not None, pending,
        )  # fmt: skip


def archived_lines(document: Document) -> list[RoundLine]:
    """The lines of the rounds still packed in ``document``'s archive, read from their own fields in the
    stored JSON (:func:`afterview.store.layout.elements_fields`; the store packs only bytes whose digest or
    stamp shows afterview wrote them, in its one layout); none once it is unpacked. An archived round has
    nothing pending: a process is archived only when none of its steps is
    (:meth:`afterview.models.document.Document.archivable`)."""
    packed = document.packed
    if packed is None:
        return []
    data = bytes(packed)
    by_id = {process.id: process for process in document.processes}
    lines = []
    for stored in layout.elements_fields(data, _LISTED):
        lines.append(
            RoundLine(
                id=int(stored["id"]),
                process=by_id[int(stored["process_id"])],
                at=dt.datetime.fromisoformat(_text(stored["at"])),
                timezone=None if stored["timezone"] == b"null" else _text(stored["timezone"]),
                stage=Stage(_text(stored["stage"])),
                cancelled=stored["cancelled"] != b"null",
                pending=0,
            )
        )
    return lines


_LISTED = ("id", "process_id", "at", "timezone", "stage", "cancelled")


def _text(value: bytes) -> str:
    """The text of a JSON string that holds no escapes (a moment, an IANA zone name, a stage)."""
    return value[1:-1].decode("ascii")


class InterviewsListed(NamedTuple):
    """``list``: the lines of the interviews that match, newest first, out of ``total`` in the store."""

    lines: list[RoundLine]
    total: int
    now: dt.datetime
    document: Document

    def to_json(self) -> Iterator[InterviewJson]:
        """The JSON contract: an array of interview objects, one at a time (10,000 are never held whole);
        the archived rounds are read whole for it."""
        from afterview.formats.contract import interview_json

        self.document.unpack()
        by_id = {interview.id: interview for interview in self.document.interviews}
        return (interview_json(by_id[line.id], now=self.now) for line in self.lines)


def list_interviews(
    *,
    status: Status | None = None,
    company: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> InterviewsListed:
    """Every interview, newest first; only those with ``status``, whose company contains ``company``
    (ignoring case), held on or after ``since`` and on or before ``until`` (days as typed, in your day)."""
    document = current(open_only=True)
    now = session.local_now(document.profile)
    order = session.date_order(document.profile)
    first = parse_date(since, today=now.date(), past=True, order=order) if since else None
    last = parse_date(until, today=now.date(), past=True, order=order) if until else None

    def wanted(line: RoundLine) -> bool:
        day = line.at.astimezone(now.tzinfo).date()
        return (
            (status is None or line.process.status is status)
            and (company is None or company.casefold() in line.process.company.casefold())
            and (first is None or day >= first)
            and (last is None or day <= last)
        )

    lines = [*map(RoundLine.of, document.interviews), *archived_lines(document)]
    chosen = sorted(filter(wanted, lines), key=lambda line: line.at, reverse=True)
    return InterviewsListed(chosen, total=len(lines), now=now, document=document)


class Shown(NamedTuple):
    """``show``: one interview (``process`` is ``None``), or a hiring process and its rounds."""

    interview: Interview | None
    process: Process | None
    rounds: list[Interview]
    now: dt.datetime
    search: endings.SearchSummary | None = None
    """For a process whose offer you accepted: the search it ended."""

    def to_json(self) -> Any:
        """The JSON contract: the interview object, or the process with its ``interviews`` (and, for an
        accepted offer, the ``search`` it ended)."""
        from afterview.formats.contract import interview_json, process_json

        if self.process is None:
            assert self.interview is not None
            return interview_json(self.interview, now=self.now)
        rounds = [interview_json(i, now=self.now) for i in self.rounds]
        found = {"search": self.search.to_json()} if self.search is not None else {}
        return {**process_json(self.process, self.rounds), "interviews": rounds, **found}


def show(named: str) -> Shown:
    """The round ``named`` (``7``) or the process (``P2``) with its rounds, as of now."""
    document = current(open_only=True)
    now = session.local_now(document.profile)
    process, interview = find_process(document, named)
    if interview is not None:
        return Shown(interview, None, [], now=now)
    from afterview.domain.endings import search_summary

    rounds = document.rounds(process)
    search = search_summary(document.processes, round_counts(document), accepted=process)
    return Shown(None, process, rounds, now=now, search=search)


def round_counts(document: Document) -> dict[int, int]:
    """How many rounds each process has (process id → count), archived ones counted unread."""
    counts = Counter(interview.process_id for interview in document.interviews)
    counts.update(document.archived_rounds.values())
    return dict(counts)
