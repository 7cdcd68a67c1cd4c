"""Where things are in a store file afterview wrote: found in its bytes, without parsing them.

``model_dump_json(indent=1)`` lays a document out one way only, and JSON text escapes every line break
inside a string. So in a file afterview wrote, a line break followed by exactly one space starts a top-level
key, and in a top-level array a line that is two spaces and ``}`` ends an element, and a line break followed
by exactly three spaces starts a key of that element. That is enough to find an array's bytes
(:func:`array_span`), cut it into its elements (:func:`elements`) and read their own simple fields
(:func:`elements_fields`) at C speed. Callers use
these only on bytes they check some other way (a digest, or parsing what they find).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

EMPTY = b"[]"
_CLOSE = b"\n ]"
_OPEN = b"[\n"
_BETWEEN = b"\n  },\n"


def array_span(data: bytes, key: str, *, before: str | None = None) -> tuple[int, int] | None:
    """Where the top-level array ``key`` is in ``data`` (``data[start:end]`` is ``[`` ... ``]``), if any.

    Its end is the first line that is one space and ``]`` after it (lines inside are indented further).
    ``before`` names the top-level key that comes right after the array (the archive's digest, after the
    archive): its end is then found just before that key, looked for from the end of ``data``, rather than
    by reading through the whole array, which is most of a large store.
    """
    marker = b'\n "' + key.encode("ascii") + b'": '
    found = data.find(marker)
    if found < 0:
        return None
    start = found + len(marker)
    if data.startswith(EMPTY, start):
        return start, start + len(EMPTY)
    if not data.startswith(_OPEN, start):
        return None
    if before is not None:
        follows = data.rfind(b'\n "' + before.encode("ascii") + b'": ', start)
        if follows >= 0 and data.startswith(_CLOSE + b",", follows - len(_CLOSE) - 1):
            return start, follows - 1
    close = data.find(_CLOSE, start)
    return None if close < 0 else (start, close + len(_CLOSE))


def elements(data: bytes, start: int, end: int) -> Iterator[bytes]:
    """The elements of the array ``data[start:end]`` (from :func:`array_span`), each as its own bytes."""
    position, last = start + len(_OPEN), end - len(_CLOSE)
    while position < last:
        boundary = data.find(_BETWEEN, position, last)
        stop = last if boundary < 0 else boundary + len(_BETWEEN) - len(b",\n")
        yield data[position:stop]
        position = stop + len(b",\n")


def without(data: bytes, spans: list[tuple[int, int]]) -> bytes:
    """``data`` with each span (in order, not overlapping) replaced by an empty array."""
    parts, position = [], 0
    for start, end in spans:
        parts += [data[position:start], EMPTY]
        position = end
    return b"".join([*parts, data[position:]])


def elements_fields(data: bytes, keys: tuple[str, ...]) -> Iterator[dict[str, bytes]]:
    """For each element of the top-level array ``data`` (from :func:`array_span`), the fields ``keys`` that
    are its own (not of an object inside it), each as its JSON text on its line: ``1``, ``"screen"``,
    ``null``, or ``{`` for an object that starts there. ``keys[0]`` must be the first field of every element
    (as ``id`` is an interview's, and a model's fields keep their order): each element starts there. One
    search over the array, at C speed, for the lines of those fields only."""
    names = b"|".join(re.escape(key.encode("ascii")) for key in keys)
    first = keys[0].encode("ascii")
    fields: dict[str, bytes] = {}
    for key, value in re.findall(rb'\n   "(' + names + rb')": ([^\n]*?),?(?=\n)', data):
        if key == first:
            if fields:
                yield fields
            fields = {}
        fields[key.decode("ascii")] = value
    if fields:
        yield fields
