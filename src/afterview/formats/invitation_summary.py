"""What an invitation's summary says: the company, the role and the stage ("Brightwave Technical Interview:
Sam Lee (Senior Data Engineer)" with an organizer at ``brightwave.example``: Brightwave, Senior Data Engineer,
technical). Pure text rules; words in English, German, French and Spanish."""

from __future__ import annotations

import re

from afterview.domain.email_addresses import organization_label

_SHARED_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "yahoo.com", "icloud.com",
        "me.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "aol.com",
        "greenhouse.io", "lever.co", "ashbyhq.com", "workday.com", "myworkday.com", "smartrecruiters.com",
        "teamtailor.com", "personio.de", "recruitee.com", "workable.com", "bamboohr.com", "calendly.com",
        "goodtime.io", "zoom.us", "google.com", "microsoft.com",
    }
)  # fmt: skip
"""Domains that say nothing about the company: mail providers, applicant trackers, schedulers."""
_WITH_COMPANY = re.compile(
    r"\b(?:interview|call|chat|meeting|screen|conversation|loop)\s+(?:with|at)\s+(?P<c>[^:|/()<>\u2013\u2014]+)",
    re.I,
)
_SEPARATORS = re.compile(r"\s*(?:<>|[|:/()\u2013\u2014\[\]]|\s-\s)\s*")
_STAGE_WORDS = (
    ("final", "final"),
    ("onsite", "onsite"),
    ("on-site", "onsite"),
    ("technical", "technical"),
    ("coding", "technical"),
    ("system design", "technical"),
    ("screen", "screen"),
    ("intro", "screen"),
    # German, French, Spanish (matched without accents)
    ("abschlussgesprach", "final"),
    ("finales gesprach", "final"),
    ("entretien final", "final"),
    ("entrevista final", "final"),
    ("vor ort", "onsite"),
    ("sur site", "onsite"),
    ("presencial", "onsite"),
    ("technisch", "technical"),
    ("fachgesprach", "technical"),
    ("fachinterview", "technical"),
    ("technique", "technical"),
    ("tecnica", "technical"),
    ("tecnico", "technical"),
    ("erstes gesprach", "screen"),
    ("kennenlern", "screen"),
    ("telefoninterview", "screen"),
    ("premier entretien", "screen"),
    ("entretien telephonique", "screen"),
    ("primera entrevista", "screen"),
    ("entrevista telefonica", "screen"),
    ("zweites gesprach", "other"),
    ("drittes gesprach", "other"),
    ("second interview", "other"),
    ("second round", "other"),
    ("deuxieme entretien", "other"),
    ("second entretien", "other"),
    ("segunda entrevista", "other"),
)
"""Words in a summary that name the round, in English, German, French and Spanish (casefolded, accents
left out); the first that occurs wins. A second round is a round the stages have no name for: ``other``."""
_ROUND_WORDS = frozenset(
    {
        "interview", "interviews", "call", "chat", "meeting", "screen", "screening", "round", "loop",
        "session", "technical", "final", "onsite", "on-site", "coding", "intro", "introductory", "phone",
        "video", "panel",
        "first", "second", "third", "1st", "2nd", "3rd", "hr", "recruiter", "culture", "fit", "system",
        "design", "hiring", "manager", "virtual",
        "gesprach", "vorstellungsgesprach", "bewerbungsgesprach", "erstes", "zweites", "drittes",
        "technisches", "fachgesprach", "abschlussgesprach", "finales", "telefoninterview",
        "kennenlerngesprach",
        "entretien", "technique", "premier", "deuxieme", "telephonique", "embauche",
        "entrevista", "tecnica", "tecnico", "primera", "segunda", "telefonica", "trabajo", "de", "d'",
    }
)  # fmt: skip
"""Words that name a meeting or its round rather than a company (casefolded, accents left out): trailing
ones are cut from a summary segment that starts with the company ("Brightwave Technical Interview")."""
_ROLE_IN_PARENTHESES = re.compile(r"\((?P<r>[^()]{2,120})\)\s*$")
_ROLE_AFTER_FOR = re.compile(
    r"\b(?:for|f\u00fcr|pour|para)\s+(?:the\s+|a\s+|an\s+|le\s+|la\s+|el\s+|die\s+|den\s+)?"
    r"(?:(?:poste|puesto|stelle|position|role)\s+(?:de\s+|d'|als\s+|of\s+))?"
    r"(?P<r>[^:|/()<>\[\]\u2013\u2014]{2,120}?)"
    r"(?:\s+(?:role|position|stelle|poste|puesto))?\s*(?:$|[:|/()\u2013\u2014])",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"engineer|developer|programmer|scientist|analyst|architect|designer|manager|lead|director|head|"
    r"consultant|specialist|administrator|intern|researcher|officer|sre|devops|product|entwickler|"
    r"ingenieur|ingénieur|ingeniero|desarrollador|d[ée]veloppeu|berater|leiter|analista|chef|werkstudent",
    re.I,
)
"""Words that make a phrase a job title; a summary's parentheses may hold anything else ("(30 min)")."""


def company(summary: str | None, emails: list[str]) -> tuple[str | None, bool, bool]:
    """The company an invitation names, from its ``summary`` and the ``emails`` of the people in it
    (organizer first); whether the two signs agree on it (the summary's words and a work e-mail domain); and
    whether they disagree (the summary names one company, the domain another)."""
    match = _WITH_COMPANY.search(summary or "")
    named = match.group("c").strip(" .,-") if match else None
    segments = [s.strip(" .,") for s in _SEPARATORS.split(summary or "") if s.strip(" .,")]
    domains = [email.lower().split("@")[-1] for email in emails]
    work = [d for d in domains if not any(d == s or d.endswith("." + s) for s in _SHARED_DOMAINS)]
    label = (organization_label(work[0]) or None) if work else None
    if label:
        for candidate in (named, *segments):
            if candidate and _plain(candidate).replace(" ", "").startswith(_plain(label)):
                return _without_round_words(candidate), True, False
    if named and label:
        return named, False, True
    return named or (label.capitalize() if label else None), False, False


def _without_round_words(name: str) -> str:
    """``name`` less the words after it that name the meeting ("Brightwave Technical Interview" →
    "Brightwave"); all of it when nothing else is left."""
    words = name.split()
    while len(words) > 1 and _plain(words[-1]).strip(".,") in _ROUND_WORDS:
        words.pop()
    return " ".join(words)


def role(summary: str | None, company: str | None) -> str | None:
    """The role a summary names: a job title in closing parentheses, or one after "for" (für, pour, para)."""
    text = summary or ""
    for pattern in (_ROLE_IN_PARENTHESES, _ROLE_AFTER_FOR):
        match = pattern.search(text)
        role = match.group("r").strip(" .,-") if match else ""
        if role and _ROLE_WORDS.search(role) and _plain(role) != _plain(company or ""):
            return role
    return None


def stage(summary: str | None) -> str | None:
    """The stage a summary names (``technical``...), in English, German, French or Spanish; ``None``."""
    text = _plain(summary or "")
    return next((stage for word, stage in _STAGE_WORDS if word in text), None)


def _plain(text: str) -> str:
    """``text`` casefolded, without accents (``Gespräch`` → ``gesprach``, ``técnica`` → ``tecnica``)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
