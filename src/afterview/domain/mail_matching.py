"""Which open hiring process a message is about (pure): by the sender's address (an interviewer's, or one
you wrote to), the sender's domain, the company's name (fuzzy, accents and case ignored, by ``rapidfuzz``)
and the dates."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from afterview.domain.email_addresses import organization_label
from afterview.domain.mail_phrases import ATS_DOMAINS, fold

if TYPE_CHECKING:
    from afterview.models.document import Document

SHARED_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
        "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "aol.com", "mail.com",
        "t-online.de", "orange.fr", "free.fr", "laposte.net", "yahoo.es", "hotmail.es", "calendly.com",
        "goodtime.io", "zoom.us", "google.com", "microsoft.com", "linkedin.com",
    }
)  # fmt: skip
"""Domains that say nothing about a company: mail providers and schedulers (trackers are in the rules)."""

EARLIEST = dt.timedelta(days=120)
"""A message more than this before a process's first round is not about it."""

FUZZY_SCORE = 90
"""The least rapidfuzz ``partial_ratio`` (0-100) at which a company name counts as named."""

_LEGAL = re.compile(
    r"\b(?:gmbh|ag|se|kg|inc|llc|ltd|limited|plc|corp|corporation|co|sa|sas|sarl|sl|slu|bv|nv|ab|oy|as)\.?$"
)
_NOT_WORD = re.compile(r"[^\w]+")


class _Dated(Protocol):
    @property
    def date(self) -> dt.datetime | None: ...
    @property
    def sender(self) -> str: ...
    @property
    def sender_name(self) -> str: ...
    @property
    def subject(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class SentNote:
    """A message you marked sent for a process (``draft-* --sent``)."""

    kind: str
    email: str | None
    subject: str
    at: dt.datetime


@dataclass(frozen=True)
class OpenProcess:
    """What a message is matched against: one open process, as :func:`open_processes` reads it."""

    id: int
    company: str
    addresses: frozenset[str]
    """Its interviewers' addresses and those you sent to, lower case."""
    domains: frozenset[str]
    """The work domains of those addresses (not mail providers or trackers)."""
    first: dt.date | None
    """The day of its first round."""
    last: dt.date | None
    """The day of its latest round."""
    sent: tuple[SentNote, ...] = ()
    answer_steps: tuple[str, ...] = ()
    """Its pending follow-up and nudge steps (``7.4``), which a reply answers."""


@dataclass(frozen=True)
class Match:
    """The process a message is about, and how it was found (or why none was)."""

    process: OpenProcess | None
    reason: str


def open_processes(document: Document, *, trackers: tuple[str, ...] = ()) -> list[OpenProcess]:
    """Every open process in ``document`` as the matcher reads it; ``trackers`` are more domains that say
    nothing about a company (the applicant tracking systems' by default)."""
    from afterview.models.enums import StepKind, StepState

    generic = (*SHARED_DOMAINS, *ATS_DOMAINS, *trackers)
    found: list[OpenProcess] = []
    for process in document.processes:
        if process.ended:
            continue
        rounds = document.rounds(process)
        addresses = {p.email.casefold() for r in rounds for p in r.interviewers if p.email}
        addresses |= {s.email.casefold() for r in rounds for s in r.sent if s.email}
        domains = {a.rpartition("@")[2] for a in addresses}
        answered = (StepKind.FOLLOW_UP, StepKind.NUDGE)
        found.append(
            OpenProcess(
                id=process.id,
                company=process.company,
                addresses=frozenset(addresses),
                domains=frozenset(d for d in domains if not _within(d, generic)),
                first=rounds[0].at.date() if rounds else None,
                last=rounds[-1].at.date() if rounds else None,
                sent=tuple(
                    SentNote(kind=s.kind, email=s.email, subject=s.subject, at=s.at)
                    for r in rounds
                    for s in r.sent
                ),
                answer_steps=tuple(
                    s.id
                    for r in rounds
                    for s in r.steps
                    if s.kind in answered and s.state is StepState.PENDING
                ),
            )
        )
    return found


def match_process(mail: _Dated, processes: list[OpenProcess]) -> Match:
    """The one open process ``mail`` is about, best sign first: the sender is one of its people (100), the
    sender's domain is its work domain (90), its company is named in the sender's name, the subject or the
    sender's domain (80) or in the first lines of the text (60). Processes whose first round is more than
    :data:`EARLIEST` after the message are left out; among equal signs the one whose latest round is
    nearest before the message wins; a tie names both and matches none."""
    day = mail.date.date() if mail.date else None
    scored: list[tuple[int, OpenProcess, str]] = []
    for process in processes:
        if day is not None and process.first is not None and day < process.first - EARLIEST:
            continue
        sign = _sign(mail, process)
        if sign is not None:
            scored.append((sign[0], process, sign[1]))
    if not scored:
        return Match(None, "no open process matches the sender or names its company")
    top = max(score for score, _, _ in scored)
    best = [(p, why) for score, p, why in scored if score == top]
    if len(best) > 1 and day is not None:
        best.sort(key=lambda item: _distance(item[0], day))
        if _distance(best[0][0], day) == _distance(best[1][0], day):
            return Match(None, "matches " + " and ".join(f"P{p.id} ({p.company})" for p, _ in best[:2]))
    elif len(best) > 1:
        return Match(None, "matches " + " and ".join(f"P{p.id} ({p.company})" for p, _ in best[:2]))
    return Match(best[0][0], best[0][1])


def _distance(process: OpenProcess, day: dt.date) -> tuple[int, int]:
    """How far ``day`` is after the process's latest round: rounds after the message come last."""
    if process.last is None:
        return (1, 0)
    gap = (day - process.last).days
    return (0, gap) if gap >= 0 else (1, -gap)


def _sign(mail: _Dated, process: OpenProcess) -> tuple[int, str] | None:
    sender = mail.sender.casefold()
    if sender and sender in process.addresses:
        return 100, f"the sender {sender} is one of its people"
    domain = sender.rpartition("@")[2]
    for known in process.domains:
        if domain and _within(domain, (known,)):
            return 90, f"the sender's domain {domain}"
    name = company_key(process.company)
    if not name:
        return None
    label = _domain_label(domain)
    if label and (
        label == name.replace(" ", "") or (len(label) >= 4 and name.replace(" ", "").startswith(label))
    ):
        return 80, f"the sender's domain {domain} is {process.company}'s"
    for field, text in (("sender's name", mail.sender_name), ("subject", mail.subject)):
        if _names(name, text):
            return 80, f"{process.company!r} in the {field}"
    if _names(name, "\n".join(mail.text.splitlines()[:40])[:4_000]):
        return 60, f"{process.company!r} in the text"
    return None


def company_key(company: str) -> str:
    """A company name as compared: folded, without punctuation or a legal form (``Acmé GmbH`` -> ``acme``)."""
    words = _NOT_WORD.sub(" ", fold(company)).strip()
    while True:
        shorter = _LEGAL.sub("", words).strip()
        if shorter == words or not shorter:
            return words
        words = shorter


def _names(name: str, text: str) -> bool:
    """Whether ``text`` names the company ``name`` (a key): as whole words, or fuzzily for long names."""
    if not text:
        return False
    folded = _NOT_WORD.sub(" ", fold(text))
    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded):
        return True
    if len(name) < 8:
        return False
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(name, folded) >= FUZZY_SCORE


def _domain_label(domain: str) -> str:
    """The label before the public suffix: ``acme`` for ``jobs.acme.co.uk``, ``acmecorp`` for
    ``acme-corp.example``."""
    if _within(domain, SHARED_DOMAINS) or _within(domain, ATS_DOMAINS):
        return ""
    return organization_label(domain).replace("-", "")


def _within(domain: str, known: tuple[str, ...] | frozenset[str]) -> bool:
    return any(domain == k or domain.endswith("." + k) for k in known)
