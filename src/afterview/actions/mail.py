"""``afterview mail SOURCE...``: what your inbox says about your hiring processes, as suggestions, and the
suggestions you accept applied through the use cases the commands would run (``outcome``, closing the
answered step); the messages considered are remembered as hashes of their Message-IDs, never the mail.

Reading changes nothing; :func:`apply_mail` records the outcomes and steps chosen and marks every message
read as seen (those you said no to as well), in the store's ``mail_seen``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.actions.index import current
from afterview.actions.typed import option_date
from afterview.domain.mail import Mail, Suggestion, classify, message_id_hash, open_processes
from afterview.errors import UserError
from afterview.models.document import MailSeen
from afterview.models.enums import Status, StepState
from afterview.store.storefile import Unchanged

if TYPE_CHECKING:
    import ssl

    from afterview.formats.imap import ImapSource

MAX_SEEN = 20_000
"""The most Message-ID hashes kept per source (the oldest are dropped first)."""

_STATUSES = {"rejection": Status.REJECTED, "offer": Status.OFFER, "next-round": Status.NEXT_ROUND}


@dataclass(frozen=True)
class Found:
    """One suggestion, with the source it came from and, for an invitation, the message's bytes (what
    ``log --from`` reads)."""

    suggestion: Suggestion
    source: str
    """The source's key in ``mail_seen``."""
    location: str | None = None
    """The message's own file (Maildir or ``.eml``), if it has one."""
    data: bytes | None = None
    """An invitation's bytes when it has no file of its own (mbox, IMAP)."""


@dataclass(frozen=True)
class MailFound:
    """What ``afterview mail`` found: the suggestions (messages that say something), how many messages it
    read, skipped as seen before or as older, and every new message read (source key, Message-ID hash)."""

    found: tuple[Found, ...]
    read: int
    skipped: int
    """Messages seen before."""
    older: int
    """Messages dated before the day a source was read from."""
    considered: tuple[tuple[str, str], ...]
    since: dict[str, dt.date | None]
    """The day each source (as given) was read from, if any."""
    now: dt.datetime

    def to_json(self) -> Iterator[dict[str, object]]:
        """An array of suggestion objects (:meth:`afterview.domain.mail.Suggestion.as_json`)."""
        return (found.suggestion.as_json() for found in self.found)


@dataclass(frozen=True)
class Applied:
    """What applying one suggestion did: ``result`` is the JSON of what the use case returned, or ``None``
    when it was declined or failed (``problem`` says why)."""

    suggestion: Suggestion
    applied: bool
    result: Any = None
    problem: str | None = None

    def as_json(self) -> dict[str, object]:
        return {
            **self.suggestion.as_json(),
            "applied": self.applied,
            "result": self.result,
            "problem": self.problem,
        }


@dataclass(frozen=True)
class MailApplied:
    """``afterview mail --apply``: each suggestion with what was done about it, and how many messages were
    marked seen."""

    items: tuple[Applied, ...]
    marked: int
    now: dt.datetime
    extra: list[str] = field(default_factory=list)

    def to_json(self) -> list[dict[str, object]]:
        """An array of suggestion objects, each with ``applied``, ``result`` and ``problem``."""
        return [item.as_json() for item in self.items]


def source_key(source: str) -> str:
    """The name ``mail_seen`` keeps a source under: a hash of the folder's address or the file's absolute
    path (so the store holds no path or account name)."""
    from afterview.formats.imap import is_imap, parse_imap_url

    name = str(parse_imap_url(source)) if is_imap(source) else str(Path(source).expanduser().resolve())
    return hashlib.blake2b(name.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def scan_mail(
    *,
    sources: Sequence[str],
    since: str | None = None,
    password: Callable[[ImapSource], str] | None = None,
    context: ssl.SSLContext | None = None,
) -> MailFound:
    """Read every source (a Maildir, an mbox, an ``.eml`` or a folder of them, ``imaps://USER@HOST/FOLDER``)
    from ``since`` (as typed; default: the day of the last ``--apply`` for that source), skip the messages
    seen before and classify the rest against the open processes. Changes nothing.

    ``password`` gives an IMAP folder's password when it is about to be read (never kept).
    """
    document = current(open_only=True)
    now = session.local_now(document.profile)
    order = session.date_order(document.profile)
    typed = option_date("--since", since, today=now.date(), past=True, order=order) if since else None
    processes = open_processes(document)
    me = document.profile.email
    found: list[Found] = []
    considered: list[tuple[str, str]] = []
    days: dict[str, dt.date | None] = {}
    read = skipped = older = 0
    for source in sources:
        key = source_key(source)
        known = document.mail_seen.get(key)
        seen = set(known.messages) if known else set()
        day = typed or (known.last_run if known else None)
        days[source] = day
        for mail, data in _messages(source, since=day, me=me, password=password, context=context):
            if day is not None and mail.date is not None and mail.date.date() < day:
                older += 1  # an IMAP server leaves these out itself
                continue
            number = message_id_hash(mail.message_id, source=key)
            if number in seen:
                skipped += 1
                continue
            seen.add(number)
            read += 1
            considered.append((key, number))
            suggestion = classify(mail, processes)
            if suggestion.kind is not None:
                kept = data if suggestion.kind == "invitation" and mail.location is None else None
                found.append(Found(suggestion, key, mail.location, kept))
    found.sort(key=_when)  # oldest first: applied in order, the latest news has the last word
    return MailFound(tuple(found), read, skipped, older, tuple(considered), days, now)


def _when(found: Found) -> tuple[bool, dt.date]:
    day = found.suggestion.date
    return (day is None, day or dt.date.min)


def _messages(
    source: str,
    *,
    since: dt.date | None,
    me: str | None,
    password: Callable[[ImapSource], str] | None,
    context: ssl.SSLContext | None,
) -> Iterator[tuple[Mail, bytes]]:
    from afterview.formats.imap import is_imap, parse_imap_url, read_imap
    from afterview.formats.mail import read_source_bytes

    if is_imap(source):
        folder = parse_imap_url(source)
        if password is None:
            raise UserError(f"{folder} needs a password.", hint="Give --password-cmd.")
        yield from read_imap(folder, password=password(folder), since=since, me=me, context=context)
        return
    yield from read_source_bytes(Path(source).expanduser(), me=me)


def apply_mail(*, scanned: MailFound, chosen: Sequence[Found], done: Sequence[Applied] = ()) -> MailApplied:
    """Apply the suggestions ``chosen`` as their commands would (``outcome`` for a rejection, an offer or a
    next round; ``done`` on the answered step for a reply), one transaction each so steps re-plan as
    usual; ``done`` are those already applied elsewhere (invitations, through ``log --from``). Then mark
    every message ``scanned`` read as seen, with today as each source's last run.
    """
    items: list[Applied] = list(done)
    handled = {id(item.suggestion) for item in done}
    picked = {id(found.suggestion) for found in chosen}
    for found in scanned.found:
        suggestion = found.suggestion
        if id(suggestion) in handled:
            continue
        if id(suggestion) not in picked:
            items.append(Applied(suggestion, applied=False))
            continue
        items.append(_apply(suggestion))
    order = {id(found.suggestion): number for number, found in enumerate(scanned.found)}
    items.sort(key=lambda item: order.get(id(item.suggestion), len(order)))
    marked = _mark_seen(scanned)
    return MailApplied(tuple(items), marked, scanned.now)


def _apply(suggestion: Suggestion) -> Applied:
    from afterview.actions.outcomes import record_outcome
    from afterview.actions.steps import close_steps

    try:
        if suggestion.kind in _STATUSES and suggestion.process_id is not None:
            on = suggestion.date.isoformat() if suggestion.date else "today"
            status = _STATUSES[suggestion.kind or ""]
            recorded = record_outcome(named=suggestion.process_id, status=status, on=on)
            return Applied(suggestion, applied=True, result=recorded.to_json())
        if suggestion.kind == "reply" and suggestion.command:
            step = suggestion.command.rsplit(" ", 1)[-1]
            closed = close_steps(step_ids=[step], state=StepState.DONE, note="They answered by mail.")
            return Applied(suggestion, applied=True, result=closed.to_json())
    except UserError as error:
        return Applied(suggestion, applied=False, problem=error.message)
    except Unchanged:
        return Applied(suggestion, applied=False, problem="Nothing to change.")
    return Applied(suggestion, applied=False, problem="afterview has no command for it.")


def _mark_seen(scanned: MailFound) -> int:
    if not scanned.considered and not scanned.since:
        return 0
    with changing() as change:
        document = change.document
        today = change.now.date()
        keys = {source_key(source) for source in scanned.since}
        for key in keys:
            entry = document.mail_seen.setdefault(key, MailSeen())
            entry.last_run = today
        for key, number in scanned.considered:
            entry = document.mail_seen[key]
            if number not in entry.messages:
                entry.messages.append(number)
        for key in keys:
            entry = document.mail_seen[key]
            del entry.messages[: max(0, len(entry.messages) - MAX_SEEN)]
    return len(scanned.considered)
