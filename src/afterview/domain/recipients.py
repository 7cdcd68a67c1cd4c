"""Whom a message is addressed to: interviewers and references found by name, and their addresses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, TypeVar

from afterview.domain.company_grammar import german
from afterview.domain.greetings import Language
from afterview.domain.people import name_key
from afterview.domain.phrasing import listing, one_line
from afterview.errors import UserError
from afterview.models.records import Interview, Person


class _HasName(Protocol):
    @property
    def name(self) -> str: ...


_Named = TypeVar("_Named", bound=_HasName)


def by_name(items: Sequence[_Named], name: str) -> list[_Named]:
    """The items named exactly ``name``, else named the same ignoring case, accents and punctuation
    ("Jose Nunez" finds "José Núñez"), else those whose name contains it (compared the same way)."""
    exact = [item for item in items if item.name.strip() == name.strip()]
    wanted = name_key(name)
    same = [item for item in items if name_key(item.name) == wanted]
    return exact or same or [item for item in items if wanted and wanted in name_key(item.name)]


def interviewers_named(interview: Interview, to: str) -> list[Person]:
    """The interviewers ``to`` names (see :func:`by_name`); a user error naming them all if none."""
    people = by_name(interview.interviewers, to)
    if not people:
        names = ", ".join(p.name for p in interview.interviewers) or "none recorded yet"
        raise UserError(
            f"No interviewer of interview {interview.id} matches {to!r}.", hint=f"They are: {names}."
        )
    return people


def company_side(interview: Interview, rounds: Sequence[Interview], *, now: dt.datetime) -> Interview:
    """``interview`` as a message to the company sees it: when no one is recorded on it, with the people of
    the latest other round of its process (``rounds``, earliest first) that has taken place by ``now`` and
    has some, so a withdrawal after a next round booked without names goes to whom you met, not to "[add
    their name]"."""
    if interview.interviewers:
        return interview
    met = (r for r in reversed(rounds) if r.id != interview.id and r.cancelled is None and r.at <= now)
    known = next((r for r in met if r.interviewers), None)
    return interview if known is None else interview.model_copy(update={"interviewers": known.interviewers})


def recipient(interview: Interview, to: str | None) -> Person | None:
    """Whom a message to the company goes to: the one named, else the first interviewer with an email."""
    people = interviewers_named(interview, to) if to is not None else list(interview.interviewers)
    return next((p for p in people if p.email), people[0] if people else None)


_OR = {"en": "or", "de": "oder", "fr": "ou", "es": "o"}
_SOMEONE = {
    "en": "Someone from {}",
    "de": "Jemand von {}",
    "fr": "Quelqu'un de chez {}",
    "es": "Alguien de {}",
}


def callers(interview: Interview, *, language: Language = "en") -> str:
    """Who may call a reference: the interviewers with their titles, else someone from the company."""
    people = [
        one_line(p.name) + (f" ({_bracketed(one_line(p.title))})" if p.title and p.title.strip() else "")
        for p in interview.interviewers
    ]
    company = one_line(interview.company)
    company = german(company, "dative") if language == "de" else company
    return listing(people, last=_OR[language]) or _SOMEONE[language].format(company)


def checked_email(email: str | None, *, name: str, interview: Interview, warnings: list[str]) -> str | None:
    """``email`` when it is an address; otherwise ``None`` and a warning (it will not be written anywhere)."""
    if email is None:
        return None
    from afterview.domain.email_addresses import normalised

    try:
        return normalised(email)
    except ValueError:  # email_validator.EmailNotValidError
        warnings.append(
            f"{name}'s email {email!r} is not an address, so the draft has none; fix it with: "
            f'afterview interviewer {interview.id} "{name} <address>"'
        )
        return None


def _bracketed(text: str) -> str:
    """``text`` to stand inside parentheses: its own parentheses become square brackets ("CTO [Berlin]"),
    never "))" (Chicago Manual of Style, 6.101: brackets as parentheses within parentheses)."""
    return text.replace("(", "[").replace(")", "]")
