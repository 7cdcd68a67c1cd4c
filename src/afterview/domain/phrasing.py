"""How values read in what afterview writes: dates and lists in the language of a draft, as a native
writer would; counts in the singular or plural and text on one line in its own messages (pure).

Days are said relative to when the draft is written (``today``, a parameter): "today", "yesterday",
"on Monday" within the last week, else "on 3 November" (with the year when it is another year). The
German, French and Spanish forms follow each language's usage: "am Montag", "am 3. November";
"lundi", "le 3 novembre"; "el lunes", "el 3 de noviembre". Names of days and months are written here,
not taken from the system's locale, so a draft reads the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

TYPE_CHECKING = False  # as typing's, without importing typing: the remind fast path imports this module
if TYPE_CHECKING:
    from afterview.domain.greetings import Language

WEEKDAYS: dict[Language, Sequence[str]] = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTHS: dict[Language, Sequence[str]] = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}
_TODAY: dict[Language, tuple[str, str]] = {
    "en": ("today", "yesterday"),
    "de": ("heute", "gestern"),
    "fr": ("aujourd'hui", "hier"),
    "es": ("hoy", "ayer"),
}
_ON_WEEKDAY: dict[Language, str] = {"en": "on {}", "de": "am {}", "fr": "{}", "es": "el {}"}
_AND: dict[Language, str] = {"en": "and", "de": "und", "fr": "et", "es": "y"}
_YOUR: dict[Language, dict[str, str]] = {
    "en": {"your": "their", "Your": "Their", "yours": "theirs"},
    "de": {f"Ihr{end}": f"ihr{end}" for end in ("", "e", "en", "em", "er", "es")},
    "fr": {"votre": "leur", "Votre": "Leur", "vos": "leurs", "Vos": "Leurs"},
    "es": {},
}


def date_in_words(day: dt.date, *, language: Language = "en", year: bool = False) -> str:
    """``3 November`` / ``3. November`` / ``3 novembre`` / ``3 de noviembre`` (and the year if asked)."""
    month = MONTHS[language][day.month - 1]
    text = {
        "en": f"{day.day} {month}",
        "de": f"{day.day}. {month}",
        "fr": f"{'1er' if day.day == 1 else day.day} {month}",
        "es": f"{day.day} de {month}",
    }[language]
    if year:
        text += f" de {day.year}" if language == "es" else f" {day.year}"
    return text


def long_date(day: dt.date, *, language: Language = "en") -> str:
    """The weekday and date: ``Friday 4 December``, ``Freitag, 4. Dezember``, ``vendredi 4 décembre``."""
    weekday = WEEKDAYS[language][day.weekday()]
    separator = ", " if language == "de" else " "
    return f"{weekday}{separator}{date_in_words(day, language=language)}"


def on_day(day: dt.date, *, today: dt.date, language: Language = "en") -> str:
    """When something happened, said from ``today``: "today", "yesterday", "on Monday", "on 3 November"."""
    days = (today - day).days
    if days == 0:
        return _TODAY[language][0]
    if days == 1:
        return _TODAY[language][1]
    if 1 < days < 7:
        return _ON_WEEKDAY[language].format(WEEKDAYS[language][day.weekday()])
    words = date_in_words(day, language=language, year=day.year != today.year)
    return {"en": "on {}", "de": "am {}", "fr": "le {}", "es": "el {}"}[language].format(words)


def listing(items: Sequence[str], *, language: Language = "en", last: str | None = None) -> str:
    """``a, b and c`` in the language: ``a, b und c``, ``a, b et c``, ``a, b y c`` (``last`` instead of
    "and": ``a, b or c``); one item alone; nothing for none."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last or _AND[language]} {items[-1]}"


def one_line(text: str) -> str:
    """``text`` on one line and without control characters (say, a terminal escape in a hand-edited store):
    a name or company never breaks a greeting, a subject or a header, nor restyles the terminal."""
    return " ".join("".join(" " if unicodedata.category(c) == "Cc" else c for c in text).split())


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: ``1 interview``, ``2 interviews``.

    ``plural_noun`` is the plural when adding an "s" is wrong (``plural(2, "reply", "replies")``).
    """
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"


def about_them(topic: str, *, language: Language = "en") -> str:
    """A topic written to the interviewer ("your move to event sourcing") as said to someone else
    ("their move to event sourcing"): the formal "your" becomes "their" (Spanish *su* is both)."""
    swaps = _YOUR[language]
    return " ".join(swaps.get(word, word) for word in topic.split(" "))
