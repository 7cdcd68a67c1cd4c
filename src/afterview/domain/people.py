"""People's names: the parts a greeting needs, and finding a person by what the user types (pure).

The parts follow vCard's structured name, ``N`` (RFC 6350 §6.2.2: family; given; additional;
honorific-prefixes; honorific-suffixes). :func:`parse_name` turns a display name into
:class:`NameParts` by one rule, applied in this order; flags and ``edit`` override the result, so the
rule only has to be right for the common cases and never wrong in a way that looks careless:

1. **Whitespace** runs collapse to one space. Parts are substrings of that text, exactly as typed: case,
   accents, hyphens and apostrophes are kept ("Mary-Jane O'Neil", "José Núñez"), and "Dr" stays "Dr"
   (British usage writes it without a dot). An empty or blank name gives all parts ``None``: the parser
   is total, so migrating an old store never fails on it; requiring a name is the models' job.
2. **Honorifics**: leading words from :data:`HONORIFICS` (case-insensitive), all of them, kept together:
   "Prof. Dr. Jörg Schäfer" has the honorific "Prof. Dr.". "Dr." alone is an honorific with no name.
3. **Suffixes**: trailing generational and post-nominal words from :data:`SUFFIXES` (Jr., Sr., II, III, IV,
   PhD, MD…, with or without a comma before them) are kept out of the parts; the display name keeps them
   and :func:`vcard_n` puts them in honorific-suffixes. "V" is not one (it is more often an initial), nor
   are "MA"/"BA" ("Ma" is a family name). A single remaining word is never taken as a suffix.
4. **Brackets** ("Hartmann, Julia (Dr.)", "Smith, John (Sales)", as Outlook and Exchange write a name) are
   not part of the name: a bracketed honorific is the honorific, anything else is left out of the parts.
5. **"Family, Given Middle"**: with a comma, the text before it is the family name ("Raman, Priya"); after
   it, the given name and additional names.
6. **Family name first** for names written wholly in Han characters or Hangul (Chinese, Korean), and for
   romanised Chinese, Korean and Vietnamese names whose first word is a common family name and whose rest
   reads as a given name of that culture, or whose family name is the one word in capitals ("WANG
   Xiaoming"); :mod:`afterview.domain.name_cultures` holds the cited lists and says how. Written as one
   word in Han or Hangul, the family name is the first character, or the first two for a compound surname
   (欧阳, 司马, 남궁…): "王伟" is family "王", given "伟". Chinese and Korean names get ``address_as``, the
   whole name, because a greeting by the given name alone would be wrong in these cultures (one greets 王伟
   as "王伟", or by title and family name, never as "伟"); Vietnamese names are greeted by the given name,
   their last word ("Nguyễn Văn An": "An"), as Vietnamese usage has it. A Japanese name in kanji is split
   the same way, often wrongly (most Japanese family names have two characters), but ``address_as`` keeps
   its greeting right.
7. **Otherwise given name first**: the first word is the given name (two words for a Spanish or
   Portuguese compound given name, "María José", "João Pedro", or an Arabic one that starts with Abd or
   Abu, "Abdul Rahman", "Abu Bakr"), the last word the family name, extended leftwards over
   :data:`PARTICLES` in any case ("van", "von", "de la", "Ní", "Mac"…, whole words only), so "Ludwig van
   Beethoven" is family "van Beethoven" and "Aoife Ní Bhriain" is family "Ní Bhriain".
   After a compound given name, or in a name with a letter only Spanish or Portuguese use (ñ, á, í, ó, ú,
   ã, õ), every remaining word is the family name: "João Pedro Silva Santos" is family "Silva Santos",
   "Gabriel García Márquez" is family "García Márquez" (not in an Icelandic name, with ð or þ or a patronym
   such as Jóhannsson last: "Sigurður Ingi Jóhannsson" is family "Jóhannsson"). Other words in between are
   additional names (vCard only). A single word is the given name ("Cher"), unless an honorific precedes
   it: "Dr. Raman" is a family name, as etiquette addresses a title. An ASCII Spanish name with a double
   family name ("Jose Garcia Perez") cannot be told from a middle name; set it with a flag.

**Sure or a guess.** :func:`read_name` also says whether the parts are sure. They are not when a name in
Latin letters starts with a common East Asian family name but cannot be read in one order only ("Zhang Wei",
"Kim Smith", "Lee Child", Japanese "Sato Yuki"); ``address_as`` is then the whole name, so the greeting is
never a guessed part, and the caller asks the user once (or says on stderr that the greeting is a guess).

Finding a person compares :func:`name_key` values: Unicode compatibility forms, accents removed from
Latin, Greek and Cyrillic letters (plus ł ø đ æ œ þ and dotless i folded), casefolded, dots and
apostrophes dropped, dashes and other punctuation read as spaces. Keys are for matching only and are
never stored or shown.

Sources: RFC 6350 §6.2.2 (N) and §6.2.1 (FN); Debrett's on addressing titled people ("Dear Dr Smith");
the W3C note "Personal names around the world" (family-name-first orders, Vietnamese given-name address,
Spanish and Portuguese double family names, particles, mononyms).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, TypeVar

from afterview.domain import name_cultures as cultures
from afterview.errors import UserError

T = TypeVar("T")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS = _words(
    """Dr Dr. Prof Prof. Professor Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Miss Sir Dame Lady Lord Rev Rev. Revd
    Fr Fr. Herr Frau Hr. Mme Mme. Mlle Mlle. M. Madame Monsieur Mademoiselle Sr Sr. Sra Sra. Srta Srta.
    Señor Señora Señorita Dra Dra. Dott. Dott.ssa Prof.ssa Ing. Dipl.-Ing. Mag. Avv. Sig. Sig.ra Rabbi Imam"""
)
"""Leading words taken as honorifics, compared casefolded."""

SUFFIXES = _words(
    """Jr Jr. JR JR. jr jr. Sr Sr. SR SR. sr sr. II III IV PhD Ph.D. DPhil MD M.D. DDS Esq Esq. MBA CPA
    RN OBE MBE CBE KBE DBE FRS"""
)
"""Trailing generational and post-nominal words, compared exactly (so "Ma" is not "MA")."""

PARTICLES = _words(
    """van von vom zu zum zur der den ter ten te de da das do dos di del della delle dei degli du des le la
    lo St. Ní Nic Mac Mc Ó Uí Mhic bin binti bint ibn al el"""
)
"""Words that join the family name after them, compared casefolded ("van der Waals", "de la Cruz")."""


_HONORIFIC_KEYS = frozenset(h.casefold() for h in HONORIFICS)
_PARTICLE_KEYS = frozenset(p.casefold() for p in PARTICLES)
_FOLDS = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "æ": "ae", "œ": "oe", "þ": "th", "\u0131": "i"}
)
_DROPPED = frozenset(".'’ʼ`´")  # noqa: RUF001 - the apostrophes people type in O'Neil
_ACCENTED_SCRIPTS = ("LATIN", "GREEK", "CYRILLIC")


class NameParts(NamedTuple):
    """The parts of a person's name a greeting needs; ``None`` where the name has no such part."""

    honorific: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    address_as: str | None = None


class NameReading(NamedTuple):
    """How sure afterview is of a name's parts: the parts, and whether its greeting may rest on them.

    ``confident`` is ``False`` when the order of the name cannot be told from the text ("Zhang Wei" and
    "Kim Minjun" read either way); ``parts.address_as`` then holds the whole name, so the greeting uses
    it rather than guess a part, and ``reason`` says in a sentence why, for the prompt that asks.
    """

    parts: NameParts
    confident: bool = True
    reason: str | None = None


class _Parsed(NamedTuple):
    """What the parse found: the parts, the words beyond them, and how sure it is."""

    parts: NameParts
    additional: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    confident: bool = True
    reason: str | None = None


def parse_name(display: str) -> NameParts:
    """The parts of ``display`` by the rule in this module's docstring; never raises."""
    return _parse(display).parts


def read_name(display: str) -> NameReading:
    """The parts of ``display`` and whether they are sure (see :class:`NameReading`); never raises."""
    parsed = _parse(display)
    return NameReading(parsed.parts, parsed.confident, parsed.reason)


def _parse(display: str) -> _Parsed:
    segments = [words for words in (segment.split() for segment in display.split(",")) if words]
    bracketed = _take_bracketed(segments)
    segments = [words for words in segments if words]
    honorifics = _take_honorifics(segments[0]) if segments else []
    segments = [words for words in segments if words]
    suffixes = _take_suffixes(segments)
    honorifics = honorifics or bracketed
    honorific = " ".join(honorifics) or None
    if not segments:
        return _Parsed(NameParts(honorific=honorific), suffixes=suffixes)
    if len(segments) > 1:
        if not honorifics:  # one run of titles, as typed, at the start of the given part
            honorifics = _take_honorifics(segments[1])
        given_words = [word for words in segments[1:] for word in words]
        cut = cultures.given_length(given_words, whole=True)
        return _Parsed(
            NameParts(
                honorific=" ".join(honorifics) or None,
                given_name=" ".join(given_words[:cut]) or None,
                family_name=" ".join(segments[0]),
            ),
            additional=tuple(given_words[cut:]),
            suffixes=suffixes,
        )
    words = segments[0]
    if all(cultures.is_han_or_hangul(word) for word in words):
        return _ordered(cultures.script_order(words), words, honorific, suffixes)
    if len(words) == 1:
        if honorific:
            return _Parsed(NameParts(honorific=honorific, family_name=words[0]), suffixes=suffixes)
        return _Parsed(NameParts(given_name=words[0]), suffixes=suffixes)
    order = cultures.family_first_order(words, titled=honorific is not None)
    if order is not None:
        return _ordered(order, words, honorific, suffixes)
    start = len(words) - 1
    while start > 1 and words[start - 1].casefold() in _PARTICLE_KEYS:
        start -= 1
    cut = cultures.given_length(words, whole=False)
    if cut > 1 or cultures.is_iberian(words):
        start = cut  # Spanish and Portuguese: every word after the given name is the family name
    parts = NameParts(
        honorific=honorific, given_name=" ".join(words[:cut]), family_name=" ".join(words[start:])
    )
    unsure = None if honorific else cultures.unsure_order(words)
    if unsure is not None:
        parts = parts._replace(address_as=" ".join(words))
    return _Parsed(
        parts,
        additional=tuple(words[cut:start]),
        suffixes=suffixes,
        confident=unsure is None,
        reason=unsure,
    )


def _ordered(
    order: cultures.Order, words: list[str], honorific: str | None, suffixes: tuple[str, ...]
) -> _Parsed:
    parts = NameParts(
        honorific=honorific,
        given_name=order.given,
        family_name=order.family or None,
        address_as=" ".join(words) if order.address_whole else None,
    )
    return _Parsed(
        parts,
        additional=order.additional,
        suffixes=suffixes,
        confident=order.unsure is None,
        reason=order.unsure,
    )


def _take_bracketed(segments: list[list[str]]) -> list[str]:
    """Remove every bracketed group ("(Dr.)", "(Sales)", "(Berlin Office)", as Outlook and Exchange write
    them after a name) and return the honorifics among them, without the brackets."""
    titles: list[str] = []
    for words in segments:
        kept: list[str] = []
        group: list[str] | None = None
        for word in words:
            if group is None and word.startswith("(") and len(word) > 1:
                group = []
            if group is None:
                kept.append(word)
                continue
            group.append(word)
            if word.endswith(")"):
                inner = " ".join(group)[1:-1].split()
                if not titles and inner and all(w.casefold() in _HONORIFIC_KEYS for w in inner):
                    titles.extend(inner)  # the first group only, so the titles are one run as typed
                group = None
        if group is not None:  # an unclosed bracket: keep the words as typed
            kept.extend(group)
        words[:] = kept
    return titles


def _take_honorifics(words: list[str]) -> list[str]:
    """Remove and return the leading honorifics of ``words``."""
    count = 0
    while count < len(words) and words[count].casefold() in _HONORIFIC_KEYS:
        count += 1
    taken = words[:count]
    del words[:count]
    return taken


def _take_suffixes(segments: list[list[str]]) -> tuple[str, ...]:
    """Remove and return the trailing suffixes, leaving at least one word of name."""
    taken: list[str] = []
    while segments and sum(map(len, segments)) > 1 and segments[-1][-1] in SUFFIXES:
        taken.insert(0, segments[-1].pop())
        if not segments[-1]:
            segments.pop()
    return tuple(taken)


def _effective(parts: NameParts, display: str) -> NameParts:
    """``parts``, or the parts parsed from ``display`` when none were set (a person not yet parsed)."""
    return parse_name(display) if parts == NameParts() else parts


def formal_greeting_name(parts: NameParts, display: str) -> str | None:
    """Title and family name ("Dr. Raman", "Prof. Dr. Schäfer"), or ``None`` without both.

    A title is never followed by the given or full name, and never doubled: a family name that already
    starts with honorifics (typed into a flag) loses them.
    """
    parts = _effective(parts, display)
    if not parts.honorific or not parts.family_name:
        return None
    family = parts.family_name.split()
    _take_honorifics(family)
    return f"{parts.honorific} {' '.join(family)}" if family else None


def first_name(parts: NameParts, display: str) -> str:
    """What to call a person informally: ``address_as``, else the given name, else the display name."""
    parts = _effective(parts, display)
    return parts.address_as or parts.given_name or " ".join(display.split())


def vcard_n(parts: NameParts, display: str) -> tuple[str, str, str, str, str]:
    """vCard ``N`` (RFC 6350 §6.2.2): family, given, additional, honorific-prefixes, honorific-suffixes.

    Each component is one unescaped text value (several words joined by spaces); the vCard writer
    escapes it. Additional names and suffixes come from ``display`` when its parse agrees with ``parts``
    on the given and family names, and are empty when the parts were set by hand.
    """
    parts = _effective(parts, display)
    parsed = _parse(display)
    agrees = (parsed.parts.given_name, parsed.parts.family_name) == (parts.given_name, parts.family_name)
    return (
        parts.family_name or "",
        parts.given_name or "",
        " ".join(parsed.additional) if agrees else "",
        parts.honorific or "",
        " ".join(parsed.suffixes) if agrees else "",
    )


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """``text`` as compared when finding a person: no accents, case, dots, apostrophes or extra spaces.

    Remembered for the last 4,096 texts: planning and imports compare the same few names again and again."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) and kept and _is_accented_script(kept[-1]):
            continue
        kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept)).casefold().translate(_FOLDS)
    out = []
    for char in folded:
        category = unicodedata.category(char)
        if char in _DROPPED or category in ("Cc", "Cf"):
            continue
        out.append(" " if category[0] in "PSZ" else char)
    return " ".join("".join(out).split())


def _is_accented_script(char: str) -> bool:
    return unicodedata.name(char, "").startswith(_ACCENTED_SCRIPTS)


def find_person(
    people: Sequence[T],
    query: str,
    *,
    name_of: Callable[[T], str],
    parts_of: Callable[[T], NameParts] | None = None,
    label_of: Callable[[T], str] | None = None,
) -> T | None:
    """The one person ``query`` names, ``None`` when nobody matches.

    Tried in order, the first step with a match deciding: the display name exactly (spaces collapsed),
    then equal :func:`name_key` values ("Jose Nunez" finds "José Núñez"), then equal given and family
    names ("Raman, Priya" and "Priya Raman" find "Dr. Priya Raman"; the query needs both). There is no
    prefix matching: "Ann" finds "Ann" but neither "Ann Lee" nor "Anne Ng". A blank query finds nobody.
    ``parts_of`` gives a person's stored parts (default: parsed from the name); ``label_of`` names a
    candidate in the error (default: the name).

    Raises:
        UserError: the deciding step matches more than one person.
    """
    spaced = " ".join(query.split())
    key = name_key(query)
    if not key:
        return None
    exact = [person for person in people if " ".join(name_of(person).split()) == spaced]
    keyed = [person for person in people if name_key(name_of(person)) == key]
    for found in (exact, keyed, _by_parts(people, query, name_of=name_of, parts_of=parts_of)):
        if len(found) == 1:
            return found[0]
        if found:
            labels = ", ".join(map(label_of or name_of, found))
            raise UserError(
                f"{spaced!r} matches {len(found)} people: {labels}.",
                hint="Give the full name as it is stored, or the person's id.",
            )
    return None


def _by_parts(
    people: Sequence[T],
    query: str,
    *,
    name_of: Callable[[T], str],
    parts_of: Callable[[T], NameParts] | None,
) -> list[T]:
    wanted = parse_name(query)
    if not wanted.given_name or not wanted.family_name:
        return []
    pair = (name_key(wanted.given_name), name_key(wanted.family_name))
    found = []
    for person in people:
        parts = _effective(parts_of(person), name_of(person)) if parts_of else parse_name(name_of(person))
        if (
            parts.given_name
            and parts.family_name
            and ((name_key(parts.given_name), name_key(parts.family_name)) == pair)
        ):
            found.append(person)
    return found
