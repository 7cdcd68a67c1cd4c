"""Where in a JSON text something is: the line and column of a path, or of the first thing JSON forbids.

The standard library's fast parser says where the syntax breaks, but not where a duplicate key, a ``NaN``
or a value that fails validation sits. These helpers walk the text again (only on the error path, so
speed does not matter) to point a person at the exact line and column.
"""

from __future__ import annotations

import json
import json.decoder
import re
from collections.abc import Callable, Sequence

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
scanstring: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]


class _Problem(Exception):
    def __init__(self, index: int, message: str) -> None:
        super().__init__(message)
        self.index = index
        self.message = message


def line_column(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[index]``."""
    prefix = text[:index]
    return prefix.count("\n") + 1, index - (prefix.rfind("\n") + 1) + 1


def position_of(text: str, path: Sequence[int | str]) -> int:
    """The index of the value at ``path`` (keys and list indexes), or of the deepest part of it present."""
    index = _skip(text, 0)
    for part in path:
        try:
            found = _child(text, index, part)
        except (ValueError, IndexError):
            return index
        if found is None:
            return index
        index = found
    return index


def first_problem(text: str) -> tuple[int, str] | None:
    """The index and description of the first duplicate key, non-JSON constant, or broken string."""
    try:
        _scan(text, _skip(text, 0))
    except _Problem as problem:
        return problem.index, problem.message
    except RecursionError:
        return 0, "the data is nested too deeply"
    except (ValueError, IndexError):  # not even JSON: the parser's own message says where
        return None
    return None


def _skip(text: str, index: int) -> int:
    match = _SPACE.match(text, index)
    return match.end() if match else index


def _child(text: str, index: int, part: int | str) -> int | None:
    """The index of member ``part`` of the object or array starting at ``index``."""
    opening, closing = ("{", "}") if isinstance(part, str) else ("[", "]")
    if not text.startswith(opening, index):
        return None
    index = _skip(text, index + 1)
    position = 0
    while not text.startswith(closing, index):
        if isinstance(part, str):
            key, index = scanstring(text, index + 1)
            index = _skip(text, _skip(text, index) + 1)  # past the colon
            if key == part:
                return index
        elif position == part:
            return index
        _, index = _DECODER.raw_decode(text, index)
        index = _skip(text, index)
        if text.startswith(",", index):
            index = _skip(text, index + 1)
        position += 1
    return None


def _scan(text: str, index: int) -> int:
    """Walk one value starting at ``index`` and return where it ends; raise :class:`_Problem` on trouble."""
    if text.startswith("{", index):
        return _scan_members(text, _skip(text, index + 1))
    if text.startswith("[", index):
        index = _skip(text, index + 1)
        while not text.startswith("]", index):
            index = _skip(text, _scan(text, index))
            if text.startswith(",", index):
                index = _skip(text, index + 1)
        return index + 1
    if text.startswith('"', index):
        value, end = scanstring(text, index + 1)
        _check_text(value, index)
        return int(end)
    try:
        _, end = _DECODER.raw_decode(text, index)
    except ValueError as error:
        raise _Problem(index, f"this value is not valid JSON ({error})") from error
    if text.startswith(("NaN", "Infinity", "-Infinity"), index):
        raise _Problem(index, f"{text[index:end]} is not a valid JSON value")
    return int(end)


def _scan_members(text: str, index: int) -> int:
    seen: set[str] = set()
    while not text.startswith("}", index):
        key, end = scanstring(text, index + 1)
        _check_text(key, index)
        if key in seen:
            raise _Problem(index, f'the key "{key}" appears twice')
        seen.add(key)
        index = _skip(text, _scan(text, _skip(text, _skip(text, end) + 1)))
        if text.startswith(",", index):
            index = _skip(text, index + 1)
    return index + 1


def _check_text(value: str, index: int) -> None:
    if any(0xD800 <= ord(c) <= 0xDFFF for c in value):
        raise _Problem(index, "this text holds an unpaired surrogate escape (broken Unicode)")
