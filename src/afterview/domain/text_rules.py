"""The one rule for text coming in: what a stored text field may hold, and how long it may be (pure).

Every way text enters afterview uses these functions: flags and prompts (:mod:`afterview.cli.inputs`), the
TOML editor, JSON and CSV import and templates. Refused, wherever it comes from:

- control characters: C0 (NUL, BEL, ESC...), DEL and C1 (U+0080 to U+009F, which include CSI and OSC), except
  newline and tab in multi-line fields. ESC and C1 start terminal escape sequences: they clear the screen,
  set the window title or write the clipboard (OSC 52);
- lone surrogates, which are not text at all (what a terminal with the wrong encoding sends);
- the bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069): they reorder what
  is shown, so a line can read differently from what it holds ("Trojan Source", CVE-2021-42574).
  Right-to-left text itself (Arabic, Hebrew) needs none of them; the invisible marks U+200E/U+200F are kept.

Multi-line text has Windows line ends (CRLF) made plain newlines first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from afterview.errors import UserError
from afterview.models.fields import FIELDS

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Embeddings, overrides and isolates: refused in, shown escaped out."""

# fmt: off
_C0 = (
    "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
    "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US",
)
_C1 = (
    "PAD", "HOP", "BPH", "NBH", "IND", "NEL", "SSA", "ESA", "HTS", "HTJ", "VTS",
    "PLD", "PLU", "RI", "SS2", "SS3", "DCS", "PU1", "PU2", "STS", "CCH", "MW",
    "SPA", "EPA", "SOS", "SGCI", "SCI", "CSI", "ST", "OSC", "PM", "APC",
)
# fmt: on


@cache
def _unsafe_pattern(multiline: bool) -> re.Pattern[str]:
    """Every character :func:`is_unsafe` refuses, as one character class: a text is checked by one search
    rather than one call a character (an import checks millions of cells). Unicode's Cc is exactly C0, DEL
    and C1, and Cs the surrogates. Compiled on first use: a class with the surrogates takes about a
    millisecond, which a command that checks no text (``done``, ``list``) need not pay."""
    newline = "" if multiline else r"\n"
    bidi = "".join(sorted(BIDI_CONTROLS))
    return re.compile(rf"[\x00-\x08{newline}\x0b-\x1f\x7f-\x9f\ud800-\udfff{bidi}]")


def character_name(char: str) -> str:
    """A short name for a character the rules refuse: ``ESC``, ``DEL``, ``OSC``, ``LEFT-TO-RIGHT ISOLATE``."""
    code = ord(char)
    if code < 0x20:
        return _C0[code]
    if code == 0x7F:
        return "DEL"
    if 0x80 <= code <= 0x9F:
        return _C1[code - 0x80]
    return unicodedata.name(char, "unnamed")


def is_unsafe(char: str, *, multiline: bool = False) -> bool:
    """Whether ``char`` may not be stored (tab always may, newline in multi-line text)."""
    if char == "\t" or (multiline and char == "\n"):
        return False
    return unicodedata.category(char) in ("Cc", "Cs") or char in BIDI_CONTROLS


def problem(text: str, *, multiline: bool = False) -> str | None:
    """What is wrong with ``text`` as stored text, or ``None``: ``control character U+001B (ESC) at
    position 5`` (positions count from 1)."""
    if text.isprintable():  # no Cc, Cf or Cs character: none of those refused (the usual case)
        return None
    found = _unsafe_pattern(multiline).search(text)
    if found is None:
        return None
    char, index = found[0], found.start() + 1
    code = f"U+{ord(char):04X}"
    if unicodedata.category(char) == "Cs":
        return f"bytes that are not valid text ({code}, a lone surrogate) at position {index}"
    kind = "bidirectional control" if char in BIDI_CONTROLS else "control character"
    return f"{kind} {code} ({character_name(char)}) at position {index}"


def too_long(text: str, *, max_length: int) -> str | None:
    """``too long (201 characters; at most 200)`` when ``text`` is over ``max_length``, else ``None``."""
    if len(text) <= max_length:
        return None
    return f"too long ({len(text):,} characters; at most {max_length:,})"


def normalised(text: str, *, multiline: bool = False) -> str:
    """``text`` stripped, multi-line text with CRLF (and a lone CR) made a newline."""
    if multiline:
        text = text.replace("\r\n", "\n")
    return text.strip()


def clean(value: str, *, field: str, max_length: int = 200, multiline: bool = False) -> str:
    """``value`` normalised, refused (UserError naming ``field``) if empty, too long or holding a character
    :func:`is_unsafe` refuses."""
    text = normalised(value, multiline=multiline)
    if not text:
        raise UserError(f"The {field} cannot be empty.")
    long = too_long(text, max_length=max_length)
    if long:
        raise UserError(f"The {field} is {long}.", hint="Shorten it; the README lists every limit.")
    found = problem(text, multiline=multiline)
    if found:
        hint = "Type it again without it" + ("." if multiline else "; it must fit on one line.")
        if "surrogate" in found:
            hint = "Check that your terminal uses UTF-8, then type it again."
        raise UserError(f"The {field} holds {found}; nothing was saved.", hint=hint)
    return text


def clean_field(value: str, key: str, *, label: str | None = None) -> str:
    """``value`` for the field ``key`` of the catalogue (:data:`afterview.models.fields.FIELDS`), read by
    :func:`clean` with the field's limit and line rule; messages name it ``label`` or the field's own."""
    field = FIELDS[key]
    return clean(value, field=label or field.label, max_length=field.limit, multiline=field.multiline)


def check_field(text: str, *, where: str, field: str, max_length: int, multiline: bool = False) -> None:
    """Refuse ``text`` read from a file, naming the record and the field: ``CSV row 3 (line 4), column
    company: control character U+001B (ESC) at position 5``."""
    found = too_long(text, max_length=max_length) or problem(text, multiline=multiline)
    if found:
        raise UserError(f"{where}, {field}: {found}.", hint="Fix the file; nothing was imported.")


def web_address_problem(text: str) -> str | None:
    """``not a web address (http or https with a host)`` for a link a browser would run or could not open
    (``javascript:``, ``data:``, ``file:``), else ``None``."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(text)
        _ = parts.port  # raises on a port that is not a number
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in text
    except ValueError:
        valid = False
    return None if valid else "not a web address (http or https with a host)"
