"""Checking an e-mail address: email-validator (RFC 5321/5322 and 6531, IDNA 2008), with a quick answer
for plain ones.

email-validator compiles its Unicode patterns when it is imported, about 70 ms, which every ``log`` naming
an interviewer's address would pay. Most addresses are plain ASCII (``jane.doe@acme.com``): a dot-atom
local part (RFC 5322, 3.2.3) and a host name of letters, digits and hyphens (RFC 1123, 2.1). For those,
:func:`plain_address` gives the answer email-validator gives, in the same normalised form, with the
standard library; anything else (Unicode, quoted local parts, IP literals, punycode, reserved names, the
mailbox names email-validator lower-cases, anything near a length limit) it leaves to email-validator.

``tests/test_email_addresses.py`` holds the two together: every address :func:`plain_address` answers,
over thousands of generated ones and a hand-written corpus, email-validator accepts and normalises the
same way.
"""

from __future__ import annotations

import re

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
RESERVED_NAMES = frozenset({"arpa", "invalid", "local", "localhost", "onion", "test"})
"""The special-use domains email-validator refuses (``SPECIAL_USE_DOMAIN_NAMES``; RFC 6761 and others)."""
MAILBOX_NAMES = frozenset(
    {"info", "marketing", "sales", "support", "abuse", "noc", "security", "postmaster", "hostmaster",
     "usenet", "news", "webmaster", "www", "uucp", "ftp"}
)  # fmt: skip
"""The mailbox names email-validator lower-cases (``CASE_INSENSITIVE_MAILBOX_NAMES``; RFC 2142)."""


def plain_address(text: str) -> str | None:
    """``text`` as email-validator would normalise it (the domain in lower case), when it is a plain ASCII
    address well inside every limit; ``None`` when only email-validator can say."""
    local, at, domain = text.rpartition("@")
    domain = domain.lower()
    labels = domain.split(".")
    plain = (
        at
        and len(text) <= 200
        and len(local) <= 60
        and _LOCAL.fullmatch(local) is not None
        and local.lower() not in MAILBOX_NAMES
        and len(labels) >= 2
        and all(_LABEL.fullmatch(label) and "--" not in label for label in labels)
        and labels[-1][-1].isalpha()
        and not labels[-1].isdigit()
        and labels[-1] not in RESERVED_NAMES
    )
    return f"{local}@{domain}" if plain else None


def normalised(text: str) -> str:
    """``text``, checked and normalised as email-validator does (syntax only: nothing is looked up).

    Raises ``email_validator.EmailNotValidError`` (a ``ValueError``) saying why it is not an address."""
    quick = plain_address(text)
    if quick is not None:
        return quick
    from email_validator import validate_email

    return validate_email(text, check_deliverability=False).normalized


SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "go", "gov", "ne", "net", "or", "org"})
"""Second-level labels under a country's domain where organisations register (``acme.co.uk``,
``rakuten.co.jp``, ``acme.com.au``): the part of the Public Suffix List that work e-mail domains use."""


def organization_label(domain: str) -> str:
    """The label an organisation registered, before the public suffix: ``acme`` for ``jobs.acme.co.uk``,
    ``rakuten.co.jp`` and ``acme.com``; ``""`` for a name of one label."""
    labels = domain.lower().rstrip(".").split(".")
    if len(labels) < 2:
        return ""
    under_country = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL
    return labels[-3] if under_country else labels[-2]
