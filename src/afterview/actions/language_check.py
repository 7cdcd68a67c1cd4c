"""Which language a short text from the debrief is in, to warn when a draft quotes it in another language.

Language identification is lingua (``lingua-language-detector``): chosen over langid, langdetect and
fastText's models because it is built for short text (a topic is a few words), ships its models inside the
package (nothing is downloaded when it runs) and restricted to afterview's four languages it classified
19 of 20 two- to five-word phrases right where the others missed more. It loads its models on first use
(a quarter of a second in its quick mode, about three seconds in its accurate one), so it is imported only
when a draft quotes debrief text, and the accurate mode is asked only about a text the quick one takes for
another language than the draft's.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from afterview.domain.greetings import LANGUAGES, Language

if TYPE_CHECKING:
    from collections.abc import Iterable

SURE = 0.6
"""How confident lingua must be of the other language before afterview says so."""
UNLIKE = 0.25
"""Below this confidence in the draft's own language the text is taken as not written in it."""
NAMES: dict[Language, str] = {"en": "English", "de": "German", "fr": "French", "es": "Spanish"}


@functools.cache
def _detector(*, quick: bool) -> Any:
    from lingua import Language as Lingua
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(
        Lingua.ENGLISH, Lingua.GERMAN, Lingua.FRENCH, Lingua.SPANISH
    )
    return (builder.with_low_accuracy_mode() if quick else builder).build()


def _confidences(text: str, *, quick: bool) -> dict[str, float]:
    return {
        value.language.iso_code_639_1.name.lower(): value.value
        for value in _detector(quick=quick).compute_language_confidence_values(text)
    }


def language_of(text: str, *, unless: Language) -> Language | None:
    """The language ``text`` is surely written in, when it is not ``unless``; ``None`` when it may well be
    ``unless``, when no language is sure, or when the text is a single word (a name, a product).

    lingua's quick mode (trigrams, a quarter of a second to load) sorts out the texts that are in
    ``unless``; only a text it takes for another language is read again in its accurate mode."""
    if sum(any(c.isalpha() for c in word) for word in text.split()) < 2:
        return None
    quick = _confidences(text, quick=True)
    if max(quick, key=quick.__getitem__, default=unless) == unless:
        return None
    values = _confidences(text, quick=False)
    best = max(values, key=values.__getitem__, default=None)
    if best is None or best == unless or best not in LANGUAGES:
        return None
    if values[best] < SURE or values.get(unless, 0.0) >= UNLIKE:
        return None
    return next(language for language in LANGUAGES if language == best)


def foreign_texts(texts: Iterable[tuple[str, str]], *, language: Language) -> list[str]:
    """A warning for each ``(what, text)`` written in another language than ``language``."""
    warnings = []
    for what, text in texts:
        other = language_of(text, unless=language)
        if other is not None:
            warnings.append(
                f"The {what} {text!r} from your debrief reads as {NAMES[other]}, but the draft is in "
                f"{NAMES[language]}: translate it in the draft, or edit the debrief."
            )
    return warnings
