"""A company's name in a sentence: the article and case German needs before a legal form, and French
elision (pure).

- **German.** A company name ending in a legal form takes the article of that form's head noun, as a
  common noun would: *die* Aktiengesellschaft, so "die Lumen AG", "bei der Lumen AG", "für die Nordlicht
  GmbH"; *der* eingetragene Verein, so "beim"/"bei dem Chaos Computer Club e.V.". A name without a legal
  form ("Zyx", "Siemens") takes no article. Sources: Duden, *Richtiges und gutes Deutsch*, "Firmennamen"
  (the gender and article of a company name follow its legal form); the forms and their head nouns from
  the Handelsgesetzbuch §19 (OHG, KG, GmbH & Co. KG), GmbHG §4 (GmbH, UG (haftungsbeschränkt)), AktG §4
  (AG, KGaA), SE-VO Art. 11 (SE), GenG §3 (eG), BGB §65 (e.V.), PartGG §2 (PartG).
- **French.** Company names take no article ("chez Renault"); *de* is elided before a vowel ("l'équipe
  d'Airbus", but "de Lumen"): Grevisse, *Le Bon Usage*, §45 (élision). Before *h* the elision depends on
  the word (h muet or aspiré), which a name does not show, so *de* is kept.
- **Spanish** needs nothing: company names take no article, and an article that is part of a name is not
  contracted in writing ("de El Corte Inglés"): RAE, *Diccionario panhispánico de dudas*, "el", 2.1.
"""

from __future__ import annotations

import re
from typing import Literal

Case = Literal["nominative", "accusative", "dative"]

_FEMININE = (
    r"GmbH\s*&\s*Co\.\s*KG(?:aA)?|gGmbH|GmbH|mbH|AG|SE|KGaA|KG|OHG|oHG|GbR|UG(?:\s*\(haftungsbeschränkt\))?"
    r"|eG|PartG(?:\s*mbB)?|Ltd\.?|Limited"
)
_MASCULINE = r"e\.\s?V\.|VVaG"
_LEGAL_FORM = re.compile(rf"(?:\s|-(?=mbH$))(?:(?P<f>{_FEMININE})|(?P<m>{_MASCULINE}))$")
_GERMAN_ARTICLES = {
    "f": {"nominative": "die", "accusative": "die", "dative": "der"},
    "m": {"nominative": "der", "accusative": "den", "dative": "dem"},
}
_HAS_ARTICLE = re.compile(r"^(?:die|der|das|den|dem)\s", re.I)
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ")


def german_gender(company: str) -> Literal["f", "m"] | None:
    """The grammatical gender of ``company`` from its legal form ("Lumen AG": ``"f"``), else ``None``."""
    match = _LEGAL_FORM.search(company.strip())
    if match is None or _HAS_ARTICLE.match(company.strip()):
        return None
    return "f" if match["f"] else "m"


def german(company: str, case: Case) -> str:
    """``company`` with the German article its legal form needs in ``case`` ("der Lumen AG" in the
    dative), or as written when it has no legal form or already starts with an article."""
    gender = german_gender(company)
    return f"{_GERMAN_ARTICLES[gender][case]} {company}" if gender else company


def french_de(company: str) -> str:
    """*de* and ``company``, elided before a vowel: "d'Airbus", "de Lumen"."""
    return f"d'{company}" if company[:1] in _VOWELS else f"de {company}"
