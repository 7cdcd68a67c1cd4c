"""Mail in, read-only: one message's bytes, a Maildir, an mbox file, one ``.eml`` file or a folder of them,
each turned into :class:`afterview.domain.mail.Mail` for the classifier.

The standard library's ``mailbox`` and ``email`` packages (``email.policy.default``) parse everything; the
charset a part declares is honoured; an HTML-only message is turned into text by BeautifulSoup's
``get_text`` (never rendered, scripts and styles dropped); a ``text/calendar`` part goes to the invitation
reader (:mod:`afterview.formats.invitations`). Mail is hostile input: messages and sources have size
caps, MIME nesting has a depth cap, and every text is cleaned by the text rules
(:mod:`afterview.domain.text_rules`) before anyone sees it. Nothing here writes, moves or flags a message.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from afterview.domain import text_rules
from afterview.domain.mail import CalendarNote, Mail
from afterview.errors import UserError
from afterview.formats.calendar_mail import MAX_DEPTH, check_mime_depth

if TYPE_CHECKING:
    from email.message import EmailMessage, MIMEPart

MAX_MESSAGE_BYTES = 25 * 1024 * 1024
"""The largest message read, in bytes (25 MiB, the common limit of mail servers)."""
MAX_SOURCE_BYTES = 1024 * 1024 * 1024
"""The most bytes one source (a Maildir, mbox, folder or IMAP folder) may hold (1 GiB)."""
MAX_TEXT = 200_000
"""The most characters of a body handed to the classifier."""

_CALENDAR_TYPES = ("text/calendar", "application/ics")


def read_message(
    data: bytes, *, location: str | None = None, me: str | None = None, max_bytes: int = MAX_MESSAGE_BYTES
) -> Mail:
    """One message (RFC 5322 bytes) as a :class:`Mail`; ``location`` is the file it came from, ``me`` your
    address (no sign of a company in an invitation).

    Raises UserError when the message is over ``max_bytes`` or nests MIME parts deeper than
    :data:`MAX_DEPTH`.
    """
    where = f" ({location})" if location else ""
    if len(data) > max_bytes:
        raise UserError(
            f"A message{where} is {len(data):,} bytes, over the cap of {max_bytes:,}; nothing was read.",
            hint="Raise the cap, or move the message out of the source.",
        )
    import email
    import email.policy

    message: EmailMessage = email.message_from_bytes(data, policy=email.policy.default)
    check_mime_depth(
        message, too_deep=f"A message{where} nests MIME parts deeper than {MAX_DEPTH}; it was not read."
    )
    return Mail(
        message_id=_message_id(message, data),
        sender=_clean(_address(message, "from")[1].casefold(), 254),
        sender_name=_clean(_address(message, "from")[0], 200),
        subject=_clean(_header(message, "subject"), 2_000),
        date=_date(message),
        text=_clean(_body(message), MAX_TEXT, multiline=True),
        calendar=_calendar(message, me=me),
        location=location,
    )


def read_source(
    path: Path,
    *,
    me: str | None = None,
    max_message: int = MAX_MESSAGE_BYTES,
    max_source: int = MAX_SOURCE_BYTES,
) -> Iterator[Mail]:
    """Every message in ``path``: a Maildir (a folder with ``cur``, ``new`` and ``tmp``), a folder of
    ``.eml`` files, an mbox file (it starts with ``From ``) or one ``.eml`` file; read-only.

    Raises UserError for a missing path, or one over ``max_source`` bytes in all.
    """
    for mail, _ in read_source_bytes(path, me=me, max_message=max_message, max_source=max_source):
        yield mail


def read_source_bytes(
    path: Path,
    *,
    me: str | None = None,
    max_message: int = MAX_MESSAGE_BYTES,
    max_source: int = MAX_SOURCE_BYTES,
) -> Iterator[tuple[Mail, bytes]]:
    """As :func:`read_source`, each message with its bytes (for ``log --from`` of a message in an mbox)."""
    if not path.exists():
        raise UserError(f"{path} does not exist.", hint="Give a Maildir, an mbox file or .eml files.")
    if path.is_dir():
        maildir = all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))
        saved = (p for p in path.iterdir() if p.suffix.lower() == ".eml" and p.is_file())
        files = _maildir_files(path) if maildir else sorted(saved)
        _check_total(path, sum(_size(f) for f in files), max_source)
        for file in files:
            data = _read(file, max_message)
            yield read_message(data, location=str(file), me=me, max_bytes=max_message), data
        return
    _check_total(path, _size(path), max_source)
    with path.open("rb") as stream:
        head = stream.read(5)
    if head != b"From ":
        data = _read(path, max_message)
        yield read_message(data, location=str(path), me=me, max_bytes=max_message), data
        return
    yield from _mbox(path, me=me, max_message=max_message)


def _mbox(path: Path, *, me: str | None, max_message: int) -> Iterator[tuple[Mail, bytes]]:
    import mailbox

    box = mailbox.mbox(path, create=False)
    try:
        for key in box.iterkeys():
            data = box.get_bytes(key)
            yield read_message(data, me=me, max_bytes=max_message), data
    finally:
        box.close()


def _maildir_files(path: Path) -> list[Path]:
    """A Maildir's messages (``new`` then ``cur``; ``tmp`` holds half-delivered ones), without touching
    them: Maildir's flags live in the names, so reading by name changes nothing."""
    files: list[Path] = []
    for sub in ("new", "cur"):
        files += sorted(p for p in (path / sub).iterdir() if p.is_file() and not p.name.startswith("."))
    return files


def _read(path: Path, max_bytes: int) -> bytes:
    size = _size(path)
    if size > max_bytes:
        raise UserError(
            f"The message {path} is {size:,} bytes, over the cap of {max_bytes:,}; nothing was read.",
            hint="Raise the cap, or move the message out of the source.",
        )
    return path.read_bytes()


def _size(path: Path) -> int:
    return path.stat().st_size


def _check_total(path: Path, total: int, max_source: int) -> None:
    if total > max_source:
        raise UserError(
            f"{path} holds {total:,} bytes of mail, over the cap of {max_source:,}; nothing was read.",
            hint="Read a smaller folder, or use --since with an IMAP source.",
        )


def _message_id(message: EmailMessage, data: bytes) -> str:
    found = _header(message, "message-id").strip()
    if found and len(found) <= 998 and text_rules.problem(found) is None:
        return found
    return f"<{hashlib.sha256(data).hexdigest()[:32]}@no-message-id.invalid>"


def _header(message: EmailMessage, name: str) -> str:
    """A header's decoded value on one line; one the modern policy cannot parse is decoded as RFC 2047
    words only, or else kept as written."""
    try:
        value = str(message.get(name) or "")
    except Exception:  # the header parser fails in many ways on hostile input
        value = _raw_header(message, name)
    return " ".join(value.split())


def _raw_header(message: EmailMessage, name: str) -> str:
    from email.header import decode_header, make_header

    raw = next((str(v) for k, v in message.raw_items() if k.lower() == name), "")
    try:
        return str(make_header(decode_header(raw)))
    except Exception:  # kept as written, then
        return raw


def _address(message: EmailMessage, name: str) -> tuple[str, str]:
    from email.utils import getaddresses

    pairs = getaddresses([_header(message, name)])
    for display, address in pairs:
        if "@" in address:
            return display, address
    return "", ""


def _date(message: EmailMessage) -> dt.datetime | None:
    from email.utils import parsedate_to_datetime

    raw = _header(message, "date")
    try:
        when = parsedate_to_datetime(raw) if raw else None
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _body(message: EmailMessage) -> str:
    """The text of the message: its text/plain body, else its text/html body as text."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = _content(part)
    return html_text(content) if part.get_content_type() == "text/html" else content


def _content(part: MIMEPart) -> str:
    """A text part decoded in its declared charset; an unknown or wrong one read as UTF-8 with
    replacement characters."""
    try:
        content = part.get_content()
    except Exception:  # an unknown charset, bytes it cannot decode, a NUL it refuses...
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    return content if isinstance(content, str) else ""


def html_text(html: str) -> str:
    """The text an HTML body shows, one block a line (BeautifulSoup with the standard library's parser;
    scripts, styles and the head dropped); nothing is fetched or run."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head", "title", "template"]):
        hidden.decompose()
    lines = (" ".join(line.split()) for line in soup.get_text("\n").splitlines())
    return "\n".join(line for line in lines if line)


def _calendar(message: EmailMessage, *, me: str | None) -> CalendarNote | None:
    """The invitation a message carries (a ``text/calendar`` part or an ``.ics`` attachment), if any."""
    for part in message.walk():
        if part.is_multipart():
            continue
        named = (part.get_filename() or "").lower().endswith(".ics")
        if part.get_content_type() not in _CALENDAR_TYPES and not named:
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload.strip():
            return calendar_note(payload, me=me)
    return None


def calendar_note(data: bytes, *, me: str | None = None) -> CalendarNote | None:
    """What a calendar (RFC 5546) says: a request (new, or an update when SEQUENCE > 0) read by the
    invitation reader, or a cancellation; ``None`` for anything else (a reply, a recurring or all-day
    event, a calendar icalendar cannot read)."""
    import icalendar

    from afterview.formats.invitations import read_invitation

    try:
        calendar = icalendar.Calendar.from_ical(data)
        event = next(iter(calendar.walk("VEVENT")), None)
    except Exception:  # icalendar fails in many ways on hostile input: no calendar, then
        return None
    if event is None:
        return None
    method = str(calendar.get("METHOD", "")).upper()
    try:
        sequence = int(str(event.get("SEQUENCE", "0")))
    except ValueError:
        sequence = 0
    summary = _clean(str(event.get("SUMMARY", "")), 500) or None
    if method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED":
        organizer = str(event.get("ORGANIZER", "")).removeprefix("mailto:").removeprefix("MAILTO:")
        return CalendarNote("cancel", sequence, None, summary, _clean(organizer, 254) or None, None)
    try:
        invitation = read_invitation(data, me=me)
    except UserError:
        return None
    organizer_email = invitation.organizer.email if invitation.organizer else None
    company = _clean(invitation.company, 200) if invitation.company else None
    return CalendarNote("request", sequence, invitation.start, summary, organizer_email, company or None)


def _clean(value: str, limit: int, *, multiline: bool = False) -> str:
    """``value`` as the text rules allow it: characters they refuse made U+FFFD, cut to ``limit``."""
    text = value.replace("\r\n", "\n").replace("\r", "\n") if multiline else " ".join(value.split())
    if text_rules.problem(text, multiline=multiline) is not None:
        text = "".join("\ufffd" if text_rules.is_unsafe(c, multiline=multiline) else c for c in text)
    return text[:limit]
