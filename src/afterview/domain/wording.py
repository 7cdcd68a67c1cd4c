"""Small pieces of wording shared by every message that counts something (pure)."""

from __future__ import annotations


def plural(count: int, noun: str, plural_noun: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: ``1 interview``, ``2 interviews``.

    ``plural_noun`` is the plural when adding an "s" is wrong (``plural(2, "reply", "replies")``).
    """
    return f"{count} {noun if count == 1 else plural_noun or noun + 's'}"
