"""The fields every message template has: who it is for, the interview in words, and who signs (pure)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from afterview.domain import phrasing
from afterview.domain.company_grammar import french_de, german
from afterview.domain.greetings import Language, first_name_of, greeting, greeting_check, parts_of
from afterview.domain.people import NameParts
from afterview.domain.phrasing import one_line
from afterview.domain.planning import zone_of
from afterview.domain.process_check import check_process
from afterview.models.records import Interview, Person, Profile


@dataclass
class Fill:
    """Template values being gathered, with the warning for each ``[add …]`` marker used."""

    values: dict[str, Any]
    language: Language = "en"
    missing: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def marker(self, what: str, warning: str) -> str:
        """A visible ``[add what]`` marker; ``warning`` is shown when the draft uses it."""
        text = f"[add {what}]"
        self.missing[text] = warning
        return text


def common_fields(
    interview: Interview,
    person: Person | None,
    profile: Profile,
    *,
    now: dt.datetime,
    kind: str,
    force: bool,
    language: Language | None = None,
) -> Fill:
    """The fields every template has, for a message of ``kind`` to ``person`` written ``now`` in
    ``language`` (default: the profile's, else English).

    Raises UserError when the process rules the message out (see :func:`check_process`).
    """
    language = language or profile.language or "en"
    warnings = check_process(interview, kind, force=force, now=now)
    company = one_line(interview.company)
    # the interviewer's days: a Friday 19:30 in New York is "on Friday" to them, though Saturday in Berlin
    there = zone_of(interview, now.tzinfo or dt.UTC)
    day, today = interview.at.astimezone(there).date(), now.astimezone(there).date()
    fill = Fill(
        {
            "title": one_line(person.title or "") if person else "",
            "company": company,
            "company_dative": german(company, "dative") if language == "de" else company,
            "company_accusative": german(company, "accusative") if language == "de" else company,
            "company_nominative": german(company, "nominative") if language == "de" else company,
            "de_company": french_de(company),
            "role": one_line(interview.role),
            "de_role": french_de(one_line(interview.role)),
            "stage": interview.stage.value,
            "interview_day": phrasing.WEEKDAYS[language][day.weekday()],
            "interview_date": phrasing.long_date(day, language=language),
            "interview_when": phrasing.on_day(day, today=today, language=language),
        },
        language=language,
        warnings=warnings,
    )
    if person is not None and person.name.strip():
        parts = parts_of(person)
        fill.values.update(name_fields(parts, person.name))
        style = profile.greeting or "auto"
        fill.values["greeting"] = one_line(greeting(parts, person.name, style=style, language=language))
        check = greeting_check(person, style=style, language=language)
        if not check.confident:
            fill.warnings.append(
                f"The greeting {check.line!r} is a guess: {check.reason}. Set the name's parts with: "
                f'afterview interviewer {interview.id} "{person.name}" --given-name NAME --family-name NAME'
            )
    else:
        marker = fill.marker(
            "their name",
            f"Interview {interview.id} has no interviewer to write to; "
            f'add one with: afterview interviewer {interview.id} "Name <email>"',
        )
        fill.values.update(name=marker, first_name=marker, family_name="", honorific="")
        fill.values["greeting"] = greeting(NameParts(given_name=marker), marker, language=language)
    no_name = 'Your profile has no name: run afterview profile --name "Your Name".'
    fill.values["my_name"] = one_line(profile.name) if profile.name else fill.marker("your name", no_name)
    if profile.signature:
        fill.values["signature"] = profile.signature.strip()
    elif profile.name:
        contact = " · ".join(part for part in (profile.email, profile.phone) if part)
        name = one_line(profile.name)
        fill.values["signature"] = f"{name}\n{contact}" if contact else name
    else:
        fill.values["signature"] = fill.marker("your name", no_name)
    return fill


def name_fields(parts: NameParts, display: str) -> dict[str, str]:
    """The name fields of a template: ``name``, ``first_name``, ``family_name``, ``honorific``."""
    return {
        "name": one_line(display),
        "first_name": one_line(first_name_of(parts, display)),
        "family_name": one_line(parts.family_name or ""),
        "honorific": one_line(parts.honorific or ""),
    }
