"""What a message in your inbox says about your hiring processes: an invitation, a rejection, an offer, a
request to schedule another round, or a reply to a message you marked sent (pure; rules first, each
suggestion explained by the sentence or header that decided it).

The readers (:mod:`afterview.formats.mail`) turn a message into a :class:`Mail`; :func:`open_processes`
turns the store into what a message is matched against; :func:`classify` gives one :class:`Suggestion`.
The phrase rules are in :mod:`afterview.domain.mail_phrases`, the matching in
:mod:`afterview.domain.mail_matching`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shlex
from dataclasses import dataclass

from afterview.domain import mail_phrases as rules
from afterview.domain.mail_matching import Match, OpenProcess, SentNote, match_process, open_processes
from afterview.domain.mail_phrases import fold

__all__ = [
    "KINDS",
    "CalendarNote",
    "Mail",
    "OpenProcess",
    "SentNote",
    "Suggestion",
    "classify",
    "fold",
    "message_id_hash",
    "open_processes",
]

KINDS = ("invitation", "rejection", "offer", "next-round", "reply")
"""What a suggestion may be, in the order they are tried."""

EVIDENCE_LENGTH = 300
"""The longest evidence quoted, in characters (a sentence longer than that is cut with an ellipsis)."""

REPLY_WINDOW = dt.timedelta(days=90)
"""How long after a message you sent an answer still counts as its reply."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*[-*•])")
_OUTCOMES = {"rejection": "rejected", "offer": "offer", "next-round": "next-round"}


@dataclass(frozen=True)
class CalendarNote:
    """The calendar part of a message, as the invitation reader read it."""

    method: str
    """``request`` (a new or updated invitation) or ``cancel``."""
    sequence: int
    """RFC 5545 SEQUENCE: 0 for the first invitation, more for each update."""
    start: dt.datetime | None
    summary: str | None
    organizer: str | None
    """The organizer's e-mail address."""
    company: str | None
    """The company the invitation reader guessed."""


@dataclass(frozen=True)
class Mail:
    """One message as the readers give it: headers decoded, the body as plain text (HTML converted)."""

    message_id: str
    """The Message-ID header (``<...@...>``), or a digest of the message when it has none."""
    sender: str
    """The From address, lower case (``jobs@acme.example``); empty when there is none."""
    sender_name: str
    """The From display name (``Acme Recruiting``); empty when there is none."""
    subject: str
    date: dt.datetime | None
    """The Date header, time-zone aware; ``None`` when missing or unreadable."""
    text: str
    """The body as plain text."""
    calendar: CalendarNote | None = None
    location: str | None = None
    """A file the message can be read from again (Maildir or .eml), for ``log --from``."""


@dataclass(frozen=True)
class Suggestion:
    """What afterview would do about one message (the JSON shape of ``afterview mail --json``)."""

    kind: str | None
    """One of :data:`KINDS`, or ``None``: the message says nothing afterview acts on."""
    process_id: str | None
    """``P2``, or ``None`` when no open process matched (or several did)."""
    company: str | None
    date: dt.date | None
    """The day the message was sent, in its own offset."""
    sender: str
    subject: str
    message_id: str
    evidence: str
    """The sentence or header that decided the kind, quoted."""
    matched_by: str
    """How the process was found (``sender domain acme.example``), or why none was."""
    command: str | None
    """The afterview command it would run; ``None`` when there is nothing to run."""
    detail: str | None = None
    """For an invitation: ``new``, ``update`` or ``cancel``."""

    def as_json(self) -> dict[str, object]:
        """The documented JSON object: ``kind``, ``process_id``, ``company``, ``date`` (ISO), ``from``,
        ``subject``, ``message_id``, ``evidence``, ``command``, ``matched_by``, ``detail``."""
        return {
            "kind": self.kind,
            "process_id": self.process_id,
            "company": self.company,
            "date": self.date.isoformat() if self.date else None,
            "from": self.sender,
            "subject": self.subject,
            "message_id": self.message_id,
            "evidence": self.evidence,
            "command": self.command,
            "matched_by": self.matched_by,
            "detail": self.detail,
        }


def message_id_hash(message_id: str, *, source: str = "") -> str:
    """The hash afterview keeps for a message it has seen: BLAKE2b-128 hex of the Message-ID (angle
    brackets and case as written stripped and folded) with the source's name as key, so a list of hashes
    says nothing about the mail itself; 32 hex characters."""
    key = source.encode("utf-8")[:64]
    canonical = message_id.strip().strip("<>").strip().casefold().encode("utf-8", "surrogatepass")
    return hashlib.blake2b(canonical, digest_size=16, key=key).hexdigest()


def classify(mail: Mail, processes: list[OpenProcess]) -> Suggestion:
    """The suggestion for ``mail`` given the open ``processes``.

    In order: a calendar part is an invitation; else the phrase rules (rejection, offer, next round: a
    strong phrase alone, or two weak ones, or one weak one from an applicant tracking system; a veto
    phrase anywhere stops them, a hold phrase stops the weak ones); else a reply to a message you marked
    sent (by its recipient's address, its subject with ``Re:`` and the date). Each is matched to a process
    (:func:`afterview.domain.mail_matching.match_process`).
    """
    day = mail.date.date() if mail.date else None
    match = match_process(mail, processes)
    if mail.calendar is not None:
        return _invitation(mail, match, day)
    sentences = _sentences(_own_words(mail.text))
    folded = [fold(sentence) for sentence in sentences]
    whole = " ".join(folded)
    subject = fold(mail.subject)
    if not any(veto.search(whole) or veto.search(subject) for veto in rules.VETO):
        held = any(hold.search(whole) for hold in rules.HOLD)
        ats = _ats(mail.sender)
        for kind in ("rejection", "offer", "next-round"):
            evidence = _decided(kind, sentences, folded, subject=mail.subject, held=held, ats=ats)
            if evidence is not None:
                return _suggestion(mail, kind, evidence, match, day, command=_outcome(kind, match, day))
    reply = _reply(mail, processes)
    if reply is not None:
        process, sent = reply
        when = sent.at.date().isoformat()
        evidence = f"Subject {mail.subject!r} from {mail.sender} answers your {sent.kind} of {when}"
        step = process.answer_steps[0] if process.answer_steps else None
        command = f"afterview done {step}" if step else None
        found = Match(process, f"the recipient of your {sent.kind} of {when}")
        return _suggestion(mail, "reply", evidence, found, day, command=command)
    return _suggestion(mail, None, "", match, day, command=None)


def _invitation(mail: Mail, match: Match, day: dt.date | None) -> Suggestion:
    calendar = mail.calendar
    assert calendar is not None
    detail = "cancel" if calendar.method == "cancel" else ("update" if calendar.sequence > 0 else "new")
    start = f", starting {calendar.start:%Y-%m-%d %H:%M %z}" if calendar.start else ""
    evidence = f"text/calendar {calendar.method.upper()} {calendar.summary or '(no summary)'!r}{start}"
    if detail == "cancel":
        command = None
    else:
        source = shlex.quote(mail.location) if mail.location else "MESSAGE.eml"
        process = f" --process P{match.process.id}" if match.process else ""
        command = f"afterview log --from {source}{process}"
    return _suggestion(mail, "invitation", evidence, match, day, command=command, detail=detail)


def _decided(
    kind: str, sentences: list[str], folded: list[str], *, subject: str, held: bool, ats: bool
) -> str | None:
    """The evidence that decides ``kind``: a strong phrase's sentence, or two weak ones' sentences."""
    subject_folded = fold(subject)
    for pattern in rules.STRONG[kind]:
        if pattern.search(subject_folded):
            return f"Subject: {subject}"
        for sentence, text in zip(sentences, folded, strict=True):
            if pattern.search(text):
                return _quote(sentence)
    if held:
        return None
    weak: list[tuple[int, str]] = []
    for number, pattern in enumerate(rules.WEAK[kind]):
        hit = next((s for s, text in zip(sentences, folded, strict=True) if pattern.search(text)), None)
        if hit is not None:
            weak.append((number, hit))
    quoted = list(dict.fromkeys(_quote(sentence) for _, sentence in weak))
    if len(weak) >= 2:
        return " … ".join(quoted[:2])
    if weak and ats:
        return f"{quoted[0]} (sent through an applicant tracking system)"
    return None


def _reply(mail: Mail, processes: list[OpenProcess]) -> tuple[OpenProcess, SentNote] | None:
    """The process and the message you sent that ``mail`` answers: sent to its sender (or to one of the
    process's people), a subject that is the sent one with a reply prefix, and a date after it."""
    if not rules.REPLY_PREFIX.match(mail.subject) or not mail.sender:
        return None
    from rapidfuzz import fuzz

    topic = fold(rules.REPLY_PREFIX.sub("", mail.subject))
    best: tuple[float, OpenProcess, SentNote] | None = None
    for process in processes:
        for sent in process.sent:
            to_sender = (sent.email or "").casefold() == mail.sender
            if not (to_sender or mail.sender in process.addresses):
                continue
            if mail.date is not None and not (sent.at <= mail.date <= sent.at + REPLY_WINDOW):
                continue
            score = fuzz.ratio(topic, fold(rules.REPLY_PREFIX.sub("", sent.subject)))
            if score >= 85 and (best is None or (score, sent.at) > (best[0], best[2].at)):
                best = (score, process, sent)
    return (best[1], best[2]) if best else None


def _suggestion(
    mail: Mail,
    kind: str | None,
    evidence: str,
    match: Match,
    day: dt.date | None,
    *,
    command: str | None,
    detail: str | None = None,
) -> Suggestion:
    company = match.process.company if match.process else _company_guess(mail)
    return Suggestion(
        kind=kind,
        process_id=f"P{match.process.id}" if match.process else None,
        company=company,
        date=day,
        sender=mail.sender,
        subject=mail.subject,
        message_id=mail.message_id,
        evidence=evidence,
        matched_by=match.reason,
        command=command,
        detail=detail,
    )


def _outcome(kind: str, match: Match, day: dt.date | None) -> str | None:
    if match.process is None:
        return None
    on = f" --on {day.isoformat()}" if day else ""
    return f"afterview outcome P{match.process.id} {_OUTCOMES[kind]}{on}"


def _company_guess(mail: Mail) -> str | None:
    if mail.calendar is not None and mail.calendar.company:
        return mail.calendar.company
    return mail.sender_name or None


def _ats(sender: str) -> bool:
    domain = sender.rpartition("@")[2]
    return any(domain == known or domain.endswith("." + known) for known in rules.ATS_DOMAINS)


def _own_words(text: str) -> str:
    """``text`` without the quoted message a reply carries (``>`` lines, and all after "On ... wrote:")."""
    lines: list[str] = []
    for line in text.splitlines():
        if line.lstrip().startswith(">"):
            continue
        if rules.QUOTE_START.match(fold(line)):
            break
        lines.append(line)
    return "\n".join(lines)


def _sentences(text: str) -> list[str]:
    return [" ".join(part.split()) for part in _SENTENCE.split(text) if part and part.strip()]


def _quote(sentence: str) -> str:
    return sentence if len(sentence) <= EVIDENCE_LENGTH else sentence[: EVIDENCE_LENGTH - 1] + "…"
