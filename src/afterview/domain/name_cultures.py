"""Which culture's order a romanised name is written in: lists of common family and given names (pure data).

:mod:`afterview.domain.people` reads a name written in Latin letters family name first when its first word
is a common Chinese, Korean or Vietnamese family name *and* the rest reads as a given name of that culture
(Hanyu Pinyin syllables, a Korean given name in Revised Romanization with its hyphen, a Vietnamese middle
name); when only the first half holds it says it is not sure. The lists are short on purpose: the most
common names cover most people (the hundred commonest Chinese family names cover about 85 % of the
population, the ten commonest Korean ones over 60 %, the commonest Vietnamese one alone about 38 %), and a
short list errs less on Western names that happen to match.

Sources:

- Chinese: Ministry of Public Security of the PRC, 2020 national household-register report of the hundred
  commonest family names (Hanyu Pinyin), plus the Wade-Giles and Cantonese spellings common in Taiwan, Hong
  Kong and abroad (Wikipedia, "List of common Chinese surnames", the romanisation columns).
- Korean: Statistics Korea, 2015 Population and Housing Census, family names by population, with the
  spellings in use (Revised Romanization and the common passport spellings; National Institute of Korean
  Language, 2009 survey of family-name romanisation).
- Vietnamese: Lê Trung Hoa, *Họ và tên người Việt Nam* (2005), the fourteen commonest family names, with and
  without diacritics.
- Hanyu Pinyin syllables: the initials and finals of the *Scheme for the Chinese Phonetic Alphabet* (1958),
  as in ISO 7098:2015.
- Japanese: Meiji Yasuda Life Insurance, national family-name ranking (2018), the fifty commonest, in
  Hepburn romanisation.
- Spanish and Portuguese compound given names (María José, João Pedro): INE, *Nombres y apellidos más
  frecuentes* (Spain, 2023) and IBGE, *Nomes no Brasil* (Censo 2010), the compound forms among the
  commonest.
"""

from __future__ import annotations

import re
from typing import NamedTuple


def _keys(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in text.split())


CHINESE_SURNAMES = _keys(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie
    song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lü lyu lv
    ding ren lu yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin
    xue yan duan lei long shao qian kong mao wan gu lai kang yi qiao niu hao tao hong
    chan wong leung cheung lau ng ho tsang chow lam yeung kwok tse chiu hsu tsai chuang chiang kuo
    hsieh cheng tseng liao chou"""
)
"""Common Chinese family names, romanised (casefolded)."""

KOREAN_SURNAMES = _keys(
    """kim gim lee yi rhee park pak bak choi choe jung jeong chung kang cho jo yoon yun jang lim han oh seo
    suh shin kwon gwon hwang ahn song jeon chun hong yoo ryu moon mun yang son bae baek paik heo huh nam
    noh roh kwak sung cha joo woo chae"""
)
"""Common Korean family names, romanised (casefolded); two-letter ones that are also common given names
elsewhere (An, Im, Ji, Na, Go, O) are left out."""

VIETNAMESE_SURNAMES = _keys(
    """nguyễn nguyen trần tran lê le phạm pham hoàng hoang huỳnh huynh phan vũ vu võ vo đặng dang bùi bui
    đỗ do hồ ho ngô ngo dương duong lý ly"""
)
"""The commonest Vietnamese family names, with and without diacritics (casefolded)."""

JAPANESE_SURNAMES = _keys(
    """sato satou suzuki takahashi tanaka watanabe ito itou yamamoto nakamura kobayashi kato katou yoshida
    yamada sasaki yamaguchi matsumoto inoue kimura hayashi shimizu yamazaki ikeda hashimoto yamashita
    ishikawa nakajima maeda fujita ogawa goto gotou okada hasegawa murakami kondo kondou ishii saito saitou
    sakamoto endo endou aoki fujii nishimura fukuda miura okamoto matsuda nakagawa"""
)
"""The commonest Japanese family names in Hepburn romanisation, with and without the long-vowel "u"
(casefolded): Meiji Yasuda Life, *Zenkoku myōji rankingu* (2018), the fifty commonest. Japanese names in
Latin letters are written in either order, so one of these first makes the order a guess, never a rule."""

VIETNAMESE_MIDDLE = _keys("văn van thị thi")
"""The commonest Vietnamese middle names (tên đệm), male and female."""

_VIETNAMESE_LOWER = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
_VIETNAMESE_LETTERS = frozenset(_VIETNAMESE_LOWER + _VIETNAMESE_LOWER.upper())

_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|uai|iao|ian|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui"
    r"|ue|ve|üe|a|o|e|i|u|v|ü))+"
)
"""A word made of one or more Hanyu Pinyin syllables, without tone marks ("xiaoming", "wei", "zhiqiang")."""

_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,6}")
"""A Korean given name in Revised Romanization: two syllables joined by a hyphen, the second in lower case
("Min-jun", "Ji-eun"); Western double names capitalise both halves ("Mary-Jane", "Jean-Luc")."""

COMPOUND_GIVEN_FIRST = _keys(
    """maría maria josé jose juan ana luis luiz joão joao miguel francisco carlos pedro antonio antónio
    antônio josé jesús jesus josep"""
)
"""Spanish and Portuguese given names that often start a compound given name (María José, Juan Carlos)."""

COMPOUND_GIVEN_SECOND = _keys(
    """josé jose maría maria luisa luis carmen isabel teresa pilar dolores mercedes fernanda eduarda clara
    paula lucía lucia elena cristina victoria eugenia guadalupe antonio antónio antônio manuel carlos pablo
    pedro javier miguel ángel angel alberto ignacio ramón enrique eduardo rafael jorge felipe gabriel
    emilio vicente paulo henrique ricardo vitor victor guilherme lucas mateus beatriz carolina sofia laura
    marta rosa alejandro fernando andrés francisco gustavo rodrigo daniel diego juan joão joao júlia julia
    luíza luiza vitória cecilia cecília belén inés inês jesús fátima fatima auxiliadora concepción elisa
    sofía lucía"""
)
"""Given names that often end a Spanish or Portuguese compound given name (María José, João Pedro)."""

_IBERIAN_LETTERS = frozenset("ñáíóúãõÑÁÍÓÚÃÕ")
_ICELANDIC_LETTERS = frozenset("ðþÐÞ")
_PATRONYMIC_ENDINGS = ("sson", "dóttir", "dottir")
"""How an Icelandic patronym or matronym ends (Jóhannsson, Jónsdóttir): one family name, whatever letters
the given names share with Spanish."""

ARABIC_COMPOUND_FIRST = _keys("abd abdul abdel abdal abdol abdur abdus abu")
"""The first word of an Arabic theophoric or kunya given name, never a name alone: "Abdul Rahman" (servant
of the Merciful), "Abu Bakr" (W3C, "Personal names around the world", Arabic names)."""


def is_pinyin(word: str) -> bool:
    """Whether ``word`` (letters only, any case) is made of Hanyu Pinyin syllables."""
    return bool(_PINYIN.fullmatch(word.casefold()))


def is_korean_given(word: str) -> bool:
    """Whether ``word`` reads as a romanised Korean given name ("Min-jun")."""
    return bool(_KOREAN_GIVEN.fullmatch(word))


def is_vietnamese(words: list[str]) -> bool:
    """Whether letters only Vietnamese uses appear (ư, ơ, đ, tone marks under or over a vowel)."""
    return any(char in _VIETNAMESE_LETTERS for word in words for char in word)


def is_iberian(words: list[str]) -> bool:
    """Whether a letter found in Spanish or Portuguese names but not English, French or German appears,
    in a name that is not Icelandic (ð or þ, or a last word ending in -sson or -dóttir: "Sigurður Ingi
    Jóhannsson" has one family name, not two)."""
    if any(char in _ICELANDIC_LETTERS for word in words for char in word):
        return False
    if words and words[-1].casefold().endswith(_PATRONYMIC_ENDINGS):
        return False
    return any(char in _IBERIAN_LETTERS for word in words for char in word)


EAST_ASIAN_SURNAMES = CHINESE_SURNAMES | KOREAN_SURNAMES | VIETNAMESE_SURNAMES


class Order(NamedTuple):
    """Which words of a name are the given and the family name, when its culture writes the family name
    first or marks it; ``unsure`` says why the order is a guess (``None``: it is not)."""

    given: str | None
    family: str
    additional: tuple[str, ...] = ()
    address_whole: bool = False
    """Whether the name is greeted whole (Chinese, Korean), not by the given name alone."""
    unsure: str | None = None


def family_first_order(words: list[str], *, titled: bool) -> Order | None:
    """The order of a name in Latin letters (two words or more, titles and suffixes removed) when its family
    name comes first or is marked, else ``None`` (read it given name first).

    - One word in capitals among others is the family name, the explicit order of international forms
      ("WANG Xiaoming", "Xiaoming WANG").
    - Vietnamese: a common family name first and a letter or middle name only Vietnamese has ("Nguyễn Văn
      An", "Tran Thi Mai"): family, middle, given; greeted by the given name, the last word.
    - Chinese and Korean: a common family name first and the rest Hanyu Pinyin syllables or a Korean given
      name ("Wang Xiaoming", "Kim Min-jun"): greeted whole. When the last word is a common family name
      too ("Zhang Wei"), the order is a guess and says so (unless a title shows the family name).
    """
    capital = [w for w in words if len(w) > 1 and w.isupper() and w.isalpha()]
    if len(capital) == 1 and any(not w.isupper() for w in words):
        family = capital[0]
        given = [w for w in words if w is not family]
        whole = family.casefold() in CHINESE_SURNAMES | KOREAN_SURNAMES and words[0] is family
        if whole:
            return Order(" ".join(given), family, address_whole=True)
        return Order(given[0], family, additional=tuple(given[1:]))
    first, rest, last = words[0].casefold(), words[1:], words[-1].casefold()
    if first in VIETNAMESE_SURNAMES and (
        is_vietnamese(words) or any(w.casefold() in VIETNAMESE_MIDDLE for w in rest)
    ):
        return Order(words[-1], words[0], additional=tuple(words[1:-1]))
    if first not in CHINESE_SURNAMES and first not in KOREAN_SURNAMES:
        return None
    if all(is_pinyin(w) for w in rest) or all(is_korean_given(w) for w in rest):
        unsure = unsure_order(words) if last in EAST_ASIAN_SURNAMES and not titled else None
        return Order(" ".join(rest), words[0], address_whole=True, unsure=unsure)
    return None


def unsure_order(words: list[str]) -> str | None:
    """Why the order of a name in Latin letters cannot be told, or ``None`` when it can: its first word is
    a common East Asian family name ("Lee Child", "Kim Smith", "Zhang Wei", "Sato Yuki")."""
    if words[0].casefold() in JAPANESE_SURNAMES:
        return f"{words[0]!r} is a common Japanese family name, so the name may be written family name first"
    if words[0].casefold() not in EAST_ASIAN_SURNAMES:
        return None
    if words[-1].casefold() in EAST_ASIAN_SURNAMES:
        return (
            f"{words[0]!r} and {words[-1]!r} are both common family names, "
            "so the name may be written family name first or last"
        )
    return f"{words[0]!r} is a common family name, so the name may be written family name first"


def given_length(words: list[str], *, whole: bool) -> int:
    """How many leading words of ``words`` are the given name: two for a Spanish or Portuguese compound
    given name ("María José", "João Pedro") or an Arabic one that starts with Abd or Abu ("Abdul Rahman"),
    else one (none for no words); ``whole`` when every word is a given name (the part after the comma of
    "García-López, María José"), else a family name follows."""
    if len(words) < (2 if whole else 3):
        return min(1, len(words))
    first, second = words[0].casefold(), words[1].casefold()
    if (first in COMPOUND_GIVEN_FIRST and second in COMPOUND_GIVEN_SECOND) or first in ARABIC_COMPOUND_FIRST:
        return 2
    return 1


COMPOUND_SURNAMES = _keys(
    """欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒
    夏侯 令狐 端木 南宫 南宮 西门 西門 남궁 황보 제갈 선우 독고 사공 서문"""
)
"""Two-character family names written before the given name without a space."""


def is_han_or_hangul(word: str) -> bool:
    """Whether ``word`` is written wholly in Han characters or Hangul syllables."""
    return all(_is_han(char) or "\uac00" <= char <= "\ud7a3" for char in word)


def _is_han(char: str) -> bool:
    return (
        "\u4e00" <= char <= "\u9fff"
        or "\u3400" <= char <= "\u4dbf"
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0003134f"
    )


def script_order(words: list[str]) -> Order:
    """A name in Han characters or Hangul, family name first and greeted whole: the first word, else the
    first character, or the first two when they are one of :data:`COMPOUND_SURNAMES` ("欧阳娜娜")."""
    whole = " ".join(words)
    if len(words) > 1:
        return Order(" ".join(words[1:]), words[0], address_whole=True)
    if len(whole) == 1:
        return Order(whole, "", address_whole=True)
    cut = 2 if len(whole) > 2 and whole[:2] in COMPOUND_SURNAMES else 1
    return Order(whole[cut:], whole[:cut], address_whole=True)
