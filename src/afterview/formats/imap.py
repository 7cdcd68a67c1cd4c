"""An IMAP folder, read-only over TLS: ``imaps://USER@HOST[:PORT]/FOLDER``.

The standard library's ``imaplib`` does it: the folder is opened with ``EXAMINE`` (read-only, RFC 3501
6.3.2), messages are fetched with ``BODY.PEEK[]``, which sets no ``\\Seen`` flag, and no command that
stores or expunges is ever sent. A library such as IMAPClient would add parsed responses, but reading one
folder needs four commands, so ``imaplib`` keeps the dependency out. The password is the caller's; it is
never kept, printed or put in an error.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from afterview.domain.mail import Mail
from afterview.errors import UserError
from afterview.formats.mail import MAX_MESSAGE_BYTES, MAX_SOURCE_BYTES, read_message

if TYPE_CHECKING:
    import imaplib
    import ssl

IMAPS_PORT = 993
TIMEOUT = 60.0
"""Seconds to wait for the server at each step."""
_SIZE = re.compile(rb"UID (\d+).*RFC822\.SIZE (\d+)|RFC822\.SIZE (\d+).*UID (\d+)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class ImapSource:
    """Where an IMAP folder is: from ``imaps://USER@HOST[:PORT]/FOLDER``."""

    user: str
    host: str
    port: int
    folder: str

    def __str__(self) -> str:
        return f"imaps://{self.user}@{self.host}:{self.port}/{self.folder}"


def is_imap(source: str) -> bool:
    """Whether ``source`` names an IMAP folder rather than a file."""
    return source.lower().startswith(("imaps://", "imap://"))


def parse_imap_url(url: str) -> ImapSource:
    """The folder ``url`` names (RFC 5092's shape): the user (percent-decoded, so ``me%40example.com``
    works, as does a plain ``@`` in it), the host, the port (993) and the folder (``INBOX``).

    Raises UserError for ``imap://`` (TLS is required), a missing user or host, or a password in the URL.
    """
    from urllib.parse import unquote, urlsplit

    if url.lower().startswith("imap://"):
        raise UserError(f"{url} is plain IMAP; afterview reads mail only over TLS.", hint="Use imaps://.")
    parts = urlsplit(url)
    netloc = parts.netloc
    userinfo, _, hostport = netloc.rpartition("@")
    if ":" in userinfo:
        raise UserError(
            "The IMAP address holds a password; give it with --password-cmd or at the prompt instead.",
        )
    try:
        host, port = parts.hostname, parts.port
    except ValueError:
        raise UserError(f"{hostport!r} is not a host with a port number.") from None
    if not userinfo or not host:
        raise UserError(f"{url!r} is not imaps://USER@HOST[:PORT]/FOLDER.")
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return ImapSource(user=unquote(userinfo), host=host, port=port or IMAPS_PORT, folder=folder)


def read_imap(
    source: ImapSource,
    *,
    password: str,
    since: dt.date | None = None,
    me: str | None = None,
    context: ssl.SSLContext | None = None,
    max_message: int = MAX_MESSAGE_BYTES,
    max_source: int = MAX_SOURCE_BYTES,
    timeout: float = TIMEOUT,
) -> Iterator[tuple[Mail, bytes]]:
    """Every message in the folder (those from ``since`` on, by their internal date), each with its bytes
    (for ``log --from`` of an invitation), read-only: EXAMINE, UID SEARCH, UID FETCH of sizes, then of
    ``BODY.PEEK[]`` one at a time; ``context`` verifies the server (the system's trust store by default).

    Raises UserError when the server cannot be reached, the TLS check or the login fails, the folder is
    missing, or a message or the folder is over its cap (checked from the sizes before any body is read).
    """
    import imaplib
    import ssl

    context = context or ssl.create_default_context()
    try:
        client = imaplib.IMAP4_SSL(source.host, source.port, ssl_context=context, timeout=timeout)
    except (OSError, ssl.SSLError, imaplib.IMAP4.error) as error:
        raise UserError(f"Could not reach {source.host}:{source.port} over TLS ({_why(error)}).") from None
    try:
        yield from _read(client, source, password, since, me, max_message, max_source)
    except (OSError, imaplib.IMAP4.error) as error:
        raise UserError(f"The IMAP server {source.host} failed: {_why(error)}.") from None
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            client.logout()


def _read(
    client: imaplib.IMAP4_SSL,
    source: ImapSource,
    password: str,
    since: dt.date | None,
    me: str | None,
    max_message: int,
    max_source: int,
) -> Iterator[tuple[Mail, bytes]]:
    import imaplib

    try:
        client.login(source.user, password)
    except imaplib.IMAP4.error:
        raise UserError(f"The IMAP server {source.host} refused the login of {source.user}.") from None
    status, _ = client.select(_quoted(source.folder), readonly=True)  # readonly: EXAMINE
    if status != "OK":
        raise UserError(f"There is no folder {source.folder!r} on {source.host}.")
    criteria = f"SINCE {since.day}-{_MONTHS[since.month - 1]}-{since.year}" if since else "ALL"
    status, found = client.uid("SEARCH", criteria)
    uids = [uid.decode() for uid in (found[0] or b"").split()] if status == "OK" and found else []
    if not uids:
        return
    sizes = _sizes(client, uids)
    total = sum(sizes.values())
    if total > max_source:
        raise UserError(
            f"{source} holds {total:,} bytes of mail, over the cap of {max_source:,}; nothing was read.",
            hint="Use --since to read less.",
        )
    for uid in uids:
        if sizes.get(uid, 0) > max_message:
            raise UserError(
                f"Message UID {uid} in {source} is {sizes[uid]:,} bytes, over the cap of {max_message:,}.",
                hint="Raise the cap, or use --since to leave it out.",
            )
        status, data = client.uid("FETCH", uid, "(BODY.PEEK[])")
        body = next((item[1] for item in data or [] if isinstance(item, tuple)), None)
        if status == "OK" and isinstance(body, bytes):
            yield read_message(body, me=me, max_bytes=max_message), body


def _sizes(client: imaplib.IMAP4_SSL, uids: list[str]) -> dict[str, int]:
    """Each message's size in bytes (RFC822.SIZE), by UID."""
    sizes: dict[str, int] = {}
    for start in range(0, len(uids), 500):
        status, data = client.uid("FETCH", ",".join(uids[start : start + 500]), "(UID RFC822.SIZE)")
        for item in data or []:
            line = item[0] if isinstance(item, tuple) else item
            found = _SIZE.search(line) if isinstance(line, bytes) else None
            if status == "OK" and found:
                uid, size = (found[1], found[2]) if found[1] else (found[4], found[3])
                sizes[uid.decode()] = int(size)
    return sizes


def _quoted(folder: str) -> str:
    """A folder name as an IMAP quoted string (``"Job search"``), backslash and quote escaped."""
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _why(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return " ".join(text.split())[:300]
