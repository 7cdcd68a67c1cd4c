"""The calendar in an invitation file: an .ics as it is, or the ``text/calendar`` part or ``.ics`` attachment
of an e-mail (the standard library's ``email`` package), as UTF-8 in whatever charset the part declares."""

from __future__ import annotations

from typing import Any

from afterview.errors import UserError

MAX_DEPTH = 16
"""How deeply an e-mail may nest its MIME parts (mail clients use three or four)."""

_TOO_DEEP = f"The e-mail nests its MIME parts deeper than {MAX_DEPTH}; it was not read."


def check_mime_depth(message: Any, *, too_deep: str = _TOO_DEEP) -> None:
    """Refuse parts nested deeper than :data:`MAX_DEPTH` (UserError saying ``too_deep``), looked at without
    recursion. Every reader of e-mail calls it: invitations here, the mailbox readers in
    :mod:`afterview.formats.mail`."""
    stack: list[tuple[Any, int]] = [(message, 1)]
    while stack:
        part, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise UserError(too_deep)
        if part.is_multipart():
            stack.extend((child, depth + 1) for child in part.get_payload())


def calendar_bytes(data: bytes) -> bytes:
    """The calendar itself, as UTF-8: ``data`` when it is one, else the calendar an e-mail carries, decoded
    in the charset its part declares (``text/calendar; charset=windows-1252``)."""
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].upper()
    if head.startswith(b"BEGIN:VCALENDAR"):
        return data
    import email
    import email.policy

    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        check_mime_depth(message)
    except RecursionError:
        raise UserError(_TOO_DEEP) from None
    if not message.keys():
        raise UserError("This is neither a calendar file (.ics) nor an e-mail (.eml) with an invitation.")
    for part in message.walk():
        if part.is_multipart():
            continue
        filename = (part.get_filename() or "").lower()
        if part.get_content_type() in ("text/calendar", "application/ics") or filename.endswith(".ics"):
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return _as_utf8(payload, part.get_content_charset())
    raise UserError("The e-mail carries no invitation (no text/calendar part or .ics attachment).")


def _as_utf8(payload: bytes, charset: str | None) -> bytes:
    """``payload`` re-encoded from its declared ``charset`` to UTF-8 (as it is without one, or with one
    Python does not know)."""
    import codecs

    if not charset:
        return payload
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        return payload
    if name == "utf-8":
        return payload
    return payload.decode(name, errors="replace").encode("utf-8")
