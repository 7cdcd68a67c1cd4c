"""Handing a draft to a mail client: an RFC 5322 ``.eml`` draft and a ``mailto:`` link (pure; no I/O)."""

from __future__ import annotations

import re
import unicodedata

from afterview.domain.drafts import Draft


def eml(draft: Draft, *, sender_name: str | None = None, sender_email: str | None = None) -> bytes:
    """``draft`` as an unsent RFC 5322 message (``X-Unsent: 1``), CRLF line ends, UTF-8 body.

    The body is base64-encoded so that it decodes to exactly the printed draft, line ends included. Names
    with quotes, commas, ``<>``, emoji or right-to-left text are quoted and RFC 2047-encoded by the stdlib,
    never spliced into a header by hand, so no name can add a header. A domain is written in its ASCII
    (IDNA) form, ``bücher.example`` as ``xn--bcher-kva.example``, since RFC 2047 §5 forbids an encoded word
    inside an address. An address whose local part is not ASCII (``jörg@…``) cannot be written in ASCII at
    all: the message then uses RFC 6532's UTF-8 headers (the stdlib's SMTPUTF8 policy), which mail clients
    that open such an address read.
    """
    from email import policy
    from email.message import EmailMessage

    message = EmailMessage()
    utf8 = False
    for header, name, address in (("To", draft.to_name, draft.to_email), ("From", sender_name, sender_email)):
        if address:
            value, needs_utf8 = _address(name or "", address)
            message[header] = value
            utf8 = utf8 or needs_utf8
    message["Subject"] = _one_line(draft.subject)
    message["X-Unsent"] = "1"
    message.set_content(draft.body, charset="utf-8", cte="base64")
    # Fold only at RFC 5322's hard limit: the stdlib can split the encoded word of a long non-ASCII name so
    # that it decodes with an extra space; only a name of some 180 four-byte characters reaches 998.
    chosen = policy.SMTPUTF8 if utf8 else policy.SMTP
    return message.as_bytes(policy=chosen.clone(max_line_length=998))


def _address(name: str, address: str) -> tuple[object, bool]:
    """The header value for ``name <address>`` with the domain in IDNA form, and whether it needs UTF-8."""
    from email.headerregistry import Address

    local, _, domain = address.rpartition("@")
    ascii_domain = domain
    if not domain.isascii():  # IDNA 2008 with UTS 46, through email-validator (the idna package)
        from email_validator import EmailNotValidError, validate_email

        try:
            ascii_domain = validate_email(address, check_deliverability=False).ascii_domain
        except EmailNotValidError:
            ascii_domain = domain.encode("idna").decode("ascii")
    return (
        Address(display_name=_one_line(name), username=local, domain=ascii_domain.lower()),
        not local.isascii(),
    )


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
