"""The one rule for text going out: stored text is shown as it is, never as markup, controls made visible.

Standard library only, so the fast paths (``todo`` into a pipe, ``remind``) use it without Rich;
:func:`afterview.render.console.literal` wraps it in a Rich ``Text``, which is never read as markup.

A control character (C0 but newline and tab, DEL, C1), a bidirectional embedding, override or isolate and a
lone surrogate is shown as its Python escape, ``\\x1b``, ``\\x9b``, ``\\u202e``: plain ASCII, readable
whatever the terminal's encoding, and it cannot start an escape sequence. The same on a terminal and in
a pipe. Such characters can only be in a store written before the input rules
(:mod:`afterview.domain.text_rules`) or edited by hand.
"""

from __future__ import annotations

import re
from functools import cache


def _escaped(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every character that could drive a terminal shown as its escape (``\\x1b``)."""
    if text.isprintable():  # no Cc, Cf or Cs character, so nothing to escape (and no pattern to compile)
        return text
    return _unsafe().sub(_escaped, text)


@cache
def _unsafe() -> re.Pattern[str]:
    """The characters :func:`visible` escapes; compiled on first use (a class with the surrogates takes
    about a millisecond), so a command that prints only printable text never compiles it."""
    return re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
