"""Handing a draft to a mail client: an RFC 5322 ``.eml`` draft and a ``mailto:`` link (pure; no I/O)."""

from __future__ import annotations

import re
import unicodedata

from afterview.domain.drafts import Draft


def eml(draft: Draft, *, sender_name: str | None = None, sender_email: str | None = None) -> bytes:
    """``draft`` as an unsent RFC 5322 message (``X-Unsent: 1``), CRLF line ends, UTF-8 body.

    The body is base64-encoded so that it decodes to exactly the printed draft, line ends included. Names
    with quotes, commas, ``<>``, emoji or right-to-left text are quoted and RFC 2047-encoded by the stdlib,
    never spliced into a header by hand, so no name can add a header.
    """
    from email import policy
    from email.headerregistry import Address
    from email.message import EmailMessage

    message = EmailMessage()
    if draft.to_email:
        message["To"] = Address(display_name=_one_line(draft.to_name), addr_spec=draft.to_email)
    if sender_email:
        message["From"] = Address(display_name=_one_line(sender_name or ""), addr_spec=sender_email)
    message["Subject"] = _one_line(draft.subject)
    message["X-Unsent"] = "1"
    message.set_content(draft.body, charset="utf-8", cte="base64")
    # Fold only at RFC 5322's hard limit: the stdlib can split the encoded word of a long non-ASCII name so
    # that it decodes with an extra space; only a name of some 180 four-byte characters reaches 998.
    return message.as_bytes(policy=policy.SMTP.clone(max_line_length=998))


def mailto(draft: Draft) -> str:
    """A ``mailto:`` link (RFC 6068) with the address, subject and body percent-encoded.

    Line breaks in the body are encoded as ``%0D%0A``, as RFC 6068 requires; every other reserved character
    (``?``, ``&``, ``#``, ``%``, ``,``…) is encoded too, so nothing in a name or an address can add a field.
    """
    from urllib.parse import quote

    to = quote(draft.to_email, safe="@") if draft.to_email else ""
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(_one_line(draft.subject), safe='')}&body={quote(body, safe='')}"


def eml_name(draft: Draft) -> str:
    """A portable file name for the draft, from its kind and recipient: ``thank-you-jane-doe.eml``."""
    ascii_name = unicodedata.normalize("NFKD", draft.to_name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return f"{draft.kind}-{slug}.eml" if slug else f"{draft.kind}.eml"


def _one_line(text: str) -> str:
    return " ".join(text.split())
