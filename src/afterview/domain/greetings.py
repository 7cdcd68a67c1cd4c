"""How a message greets its reader, from the parts of their name, in each language afterview writes (pure).

The rule (the profile's ``greeting`` setting; ``auto`` unless you choose another):

- ``auto``, the default, for a message to a company: **with an honorific** (typed in the name, "Dr. Priya
  Raman", or given with ``--honorific``) the title and the family name, "Dear Dr. Raman,"; **otherwise the
  first name**, "Dear Priya,". A title is never doubled, never dropped and never followed by the full name.
  Interviewers introduce themselves, and most go by their first name; a name alone does not say whether to
  write Mr or Ms, and guessing it from a first name would be wrong too often.
- ``formal``: the title and family name when there is an honorific, else the full name, "Dear Priya
  Raman," (Purdue OWL's rule for a reader whose title you do not know). Give ``--honorific Ms.`` to get
  "Dear Ms. Raman,".
- ``full-name``: the name without a title, "Dear Priya Raman,".
- ``first-name``: always the first name, "Dear Priya,".

A reference is one of your own contacts: always by first name, "Hi Anna," (never "Hi Dr. Anna Schmidt,").
The first name is ``address_as`` when set (a name written family name first, "王伟", is greeted whole),
else the given name; a single name ("Cher") is greeted as it is.

Each language greets as a native writer would (formal Sie / vous / usted in the text):

- German: a known gender comes from the honorific ("Frau", "Herr", "Ms.", "Mr."…):
  "Sehr geehrte Frau Dr. Raman," / "Sehr geehrter Herr Prof. Dr. Schäfer,". Without it, DIN 5008's
  neutral form: "Guten Tag Dr. Raman," with a title, "Guten Tag Priya Raman," without one (German does not
  pair a first-name greeting with *Sie* by default; ``first-name`` gives "Hallo Priya,").
- French: "Madame," / "Monsieur," with a known gender ("Madame la Professeure,", "Monsieur le Docteur,"
  with a title); "Bonjour Dr. Raman," without one; "Bonjour Priya," by first name.
- Spanish (a colon after the greeting, as the RAE prescribes for letters): "Estimada Dra. Raman:" /
  "Estimado Sr. Schäfer:" with a known gender; "Buenos días, Dr. Raman:" without; "Hola, Priya:" by
  first name.

Sources: Purdue OWL, "Writing the Basic Business Letter" (title and family name; the full name when the
title is unknown; the first name for someone you address by it); Debrett's, "Forms of address" ("Dear Dr
Smith"); Martin Yate, *Knock 'em Dead*, "Etiquette after the interview" (the letter may be more formal
than the interview); DIN 5008 (German business letters, "Guten Tag" plus the full name when the gender is
unknown); RAE, *Diccionario panhispánico de dudas*, "carta" (the colon after the greeting).
"""

from __future__ import annotations

from typing import Literal, NamedTuple, Protocol

from afterview.domain.people import HONORIFICS, NameParts, parse_name, read_name

Language = Literal["en", "de", "fr", "es"]
Style = Literal["auto", "formal", "full-name", "first-name"]
LANGUAGES: tuple[Language, ...] = ("en", "de", "fr", "es")
STYLES: tuple[Style, ...] = ("auto", "formal", "full-name", "first-name")

_FEMALE = frozenset(
    [
        "frau",
        "fr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "miss",
        "mme",
        "mme.",
        "madame",
        "mlle",
        "mlle.",
        "mademoiselle",
        "sra",
        "sra.",
        "srta",
        "srta.",
        "señora",
        "señorita",
        "dame",
        "lady",
        "sig.ra",
        "dra",
        "dra.",
        "dott.ssa",
        "prof.ssa",
    ]
)
_MALE = frozenset(["herr", "hr.", "mr", "mr.", "m.", "monsieur", "sr", "sr.", "señor", "sir", "lord", "sig."])
_GENDER_ONLY = (_FEMALE | _MALE) - {"dra", "dra.", "dott.ssa", "prof.ssa", "dame", "lady", "sir", "lord"}
"""Words that say only whether to write Mr or Ms; the rest (Dr., Dra., Sir…) are titles kept as typed."""
_NATIVE: dict[Language, frozenset[str]] = {
    "en": frozenset(["ms", "ms.", "mrs", "mrs.", "miss", "mr", "mr."]),
    "es": frozenset(["sra", "sra.", "srta", "srta.", "sr", "sr."]),
}
_HONORIFIC_KEYS = frozenset(h.casefold() for h in HONORIFICS)
_GENDER_WORDS: dict[Language, dict[str, str]] = {
    "en": {"f": "Ms.", "m": "Mr."},
    "de": {"f": "Frau", "m": "Herr"},
    "fr": {"f": "Madame", "m": "Monsieur"},
    "es": {"f": "Sra.", "m": "Sr."},
}
_FIRST_NAME: dict[Language, str] = {
    "en": "Dear {},",
    "de": "Hallo {},",
    "fr": "Bonjour {},",
    "es": "Hola, {}:",
}
_REFERENCE: dict[Language, str] = {"en": "Hi {},", "de": "Hallo {},", "fr": "Bonjour {},", "es": "Hola, {}:"}
_NEUTRAL: dict[Language, str] = {
    "en": "Dear {},",
    "de": "Guten Tag {},",
    "fr": "Bonjour {},",
    "es": "Buenos días, {}:",
}


class _Named(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def honorific(self) -> str | None: ...
    @property
    def given_name(self) -> str | None: ...
    @property
    def family_name(self) -> str | None: ...
    @property
    def address_as(self) -> str | None: ...


def parts_of(person: _Named) -> NameParts:
    """The parts of ``person``'s name: the stored ones when any is set, else parsed from the display name."""
    stored = NameParts(person.honorific, person.given_name, person.family_name, person.address_as)
    return stored if stored != NameParts() else parse_name(person.name)


def first_name_of(parts: NameParts, display: str) -> str:
    """What to call someone by first name: ``address_as``, the given name, else the name as written."""
    return parts.address_as or parts.given_name or parts.family_name or " ".join(display.split())


def full_name_of(parts: NameParts, display: str) -> str:
    """The name without a title: ``address_as``, else given and family name, else the name as written."""
    if parts.address_as:
        return parts.address_as
    spaced = f" {' '.join(display.split())} "
    given, family = f" {parts.given_name} ", f" {parts.family_name} "
    if parts.given_name and parts.family_name and -1 < spaced.find(family) < spaced.find(given):
        # written family name first ("Nguyễn Văn An"): the whole name, in its own order
        return " ".join(w for w in display.split() if w.casefold() not in _HONORIFIC_KEYS)
    joined = " ".join(p for p in (parts.given_name, parts.family_name) if p)
    return joined or " ".join(w for w in display.split() if w.casefold() not in _HONORIFIC_KEYS) or display


def greeting(parts: NameParts, display: str, *, style: Style = "auto", language: Language = "en") -> str:
    """The greeting line of a message to a company, by the rule in this module's docstring."""
    titled = _titled(parts, language) if style in ("auto", "formal") else None
    if titled is not None:
        return titled
    if style in ("formal", "full-name") or (language == "de" and style == "auto"):
        return _NEUTRAL[language].format(full_name_of(parts, display))
    return _FIRST_NAME[language].format(first_name_of(parts, display))


def reference_greeting(parts: NameParts, display: str, *, language: Language = "en") -> str:
    """The greeting of a note to one of your references: their first name, "Hi Anna,"."""
    return _REFERENCE[language].format(first_name_of(parts, display))


def gender_of(honorific: str | None) -> str | None:
    """``"f"`` or ``"m"`` when a word of the honorific says so ("Frau Dr.", "Mr."), else ``None``."""
    for word in (honorific or "").split():
        if word.casefold() in _FEMALE:
            return "f"
        if word.casefold() in _MALE:
            return "m"
    return None


def _titled(parts: NameParts, language: Language) -> str | None:
    """The greeting by title and family name, or ``None`` without an honorific or a family name."""
    family = [w for w in (parts.family_name or "").split() if w.casefold() not in _HONORIFIC_KEYS]
    if not parts.honorific or not family:
        return None
    words = parts.honorific.split()
    gender = gender_of(parts.honorific)
    academic = [w for w in words if w.casefold() not in _GENDER_ONLY]
    if language != "es":  # "Dra." is Spanish; elsewhere a doctor is "Dr." whoever she is
        academic = ["Dr." if w.casefold() in ("dra", "dra.") else w for w in academic]
    native = next((w for w in words if w.casefold() in _NATIVE.get(language, ())), None)
    surname = " ".join(family)
    if language == "en":
        return f"Dear {' '.join(academic) or native or _GENDER_WORDS['en'][gender or 'f']} {surname},"
    if gender is None:
        return _NEUTRAL[language].format(f"{' '.join(academic)} {surname}")
    if language == "de":
        opening = "Sehr geehrte" if gender == "f" else "Sehr geehrter"
        return f"{opening} {' '.join([_GENDER_WORDS['de'][gender], *academic, surname])},"
    if language == "fr":
        return _french(academic, gender) + ","
    if gender == "f":
        academic = ["Dra." if w.casefold() in ("dr", "dr.") else w for w in academic]
    opening = "Estimada" if gender == "f" else "Estimado"
    return f"{opening} {' '.join(academic) or native or _GENDER_WORDS['es'][gender]} {surname}:"


def _french(academic: list[str], gender: str) -> str:
    """French formal letters greet by "Madame" or "Monsieur" alone, adding a title rather than the name."""
    keys = {w.casefold().rstrip(".") for w in academic}
    if keys & {"prof", "professor", "professeur", "pr"}:
        return "Madame la Professeure" if gender == "f" else "Monsieur le Professeur"
    if keys & {"dr", "dra", "docteur"}:
        return "Madame la Docteure" if gender == "f" else "Monsieur le Docteur"
    return "Madame" if gender == "f" else "Monsieur"


class GreetingCheck(NamedTuple):
    """The greeting a message to someone will open with, and whether it rests on a guessed name order."""

    line: str
    """The greeting line, e.g. "Dear Zhang Wei,"."""
    confident: bool
    reason: str | None = None
    """Why the name's order is a guess (``None`` when it is not), for the prompt or the warning."""


def greeting_check(person: _Named, *, style: Style = "auto", language: Language = "en") -> GreetingCheck:
    """The greeting ``person`` will get, and whether it is sure: parts stored on the person are (the user
    gave or confirmed them); parts parsed from the display name are sure unless
    :func:`afterview.domain.people.read_name` says the order is a guess."""
    stored = NameParts(person.honorific, person.given_name, person.family_name, person.address_as)
    if stored != NameParts():
        return GreetingCheck(greeting(stored, person.name, style=style, language=language), True)
    reading = read_name(person.name)
    line = greeting(reading.parts, person.name, style=style, language=language)
    return GreetingCheck(line, reading.confident, reading.reason)
