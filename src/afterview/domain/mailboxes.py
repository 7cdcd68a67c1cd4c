"""Role mailboxes: addresses that belong to a team or a machine, not to a person (pure).

An invitation organised by ``recruiting@acme.com`` ("Acme Recruiting") names no one to thank: the address is
the company's contact for the process, not an interviewer. :func:`is_role_mailbox` says so from the local
part (before the ``@``), compared casefolded with accents removed and ``.``, ``-``, ``_`` and ``+`` read as
word breaks: a local part is a role mailbox when its first or last word is one of :data:`ROLE_WORDS`
(``recruiting``, ``jobs.de``, ``hr-team``, ``talent.acquisition``), or when it is a no-reply address.

Sources: RFC 2142 (mailbox names for common services: ``info``, ``sales``, ``support``…); the role
addresses applicant trackers and hiring teams use in English, German, French and Spanish (``recruiting``,
``careers``, ``jobs``, ``talent``, ``hr``, ``hiring``, ``people``; ``bewerbung``, ``karriere``,
``personal``, ``jobs``; ``recrutement``, ``emploi``, ``carrieres``, ``rh``; ``rrhh``, ``empleo``,
``seleccion``, ``reclutamiento``, ``talento``).
"""

from __future__ import annotations

import re
import unicodedata

_ROLE_TEXT = """recruiting recruitment recruiter recruiters careers career jobs job talent talents
    hr hiring people
    peopleops staffing applications apply candidates
    bewerbung bewerbungen karriere personal personalabteilung stellen
    recrutement recrutements emploi emplois carrieres carriere rh candidatures
    rrhh empleo empleos seleccion reclutamiento talento personas
    info contact office admin support hello
    noreply donotreply notifications notification calendar scheduling mailer postmaster"""
ROLE_WORDS = frozenset(_ROLE_TEXT.split())
"""Words that make a local part a role mailbox, casefolded and without accents."""

_NO_REPLY = re.compile(r"^(?:no|do[-_.]?not)[-_.]?reply\b")
_BREAKS = re.compile(r"[.\-_+]+")


def is_role_mailbox(address: str | None) -> bool:
    """Whether ``address`` (``local@domain``) is a team's or a machine's mailbox rather than a person's:
    ``recruiting@``, ``careers@``, ``jobs@``, ``talent@``, ``hr@``, ``hiring@``, ``people@``,
    ``noreply@``/``no-reply@``, their German, French and Spanish counterparts (``bewerbung@``,
    ``karriere@``, ``personal@``, ``recrutement@``, ``emploi@``, ``rrhh@``, ``empleo@``, ``seleccion@``…),
    and the same words with a suffix or prefix (``jobs.de@``, ``hr-team@``). ``None`` or text without an
    ``@`` is not one."""
    if not address or "@" not in address:
        return False
    local = address.rpartition("@")[0].strip().strip('"')
    plain = "".join(
        c for c in unicodedata.normalize("NFKD", local) if not unicodedata.combining(c)
    ).casefold()
    if _NO_REPLY.match(plain):
        return True
    words = [w for w in _BREAKS.split(plain) if w]
    return bool(words) and (words[0] in ROLE_WORDS or words[-1] in ROLE_WORDS or plain in ROLE_WORDS)
