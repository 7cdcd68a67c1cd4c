"""A store file's bytes: what afterview writes, and the checks that read them back.

Reading names the line and column of the first problem, so a corrupt store is never a mystery; a newer
schema is refused (never written over), an older one migrated in memory (:mod:`afterview.store.migrations`).

The rounds of hiring processes that are over are written under ``"archive"``, after the ones already there,
and its digest after it (so a save can write the archive as it makes it). A change to an open process can
then cost what it changes rather than what the store holds: :func:`parse_document` with ``open_only``
validates everything *but* that array and keeps its bytes unread (:meth:`Document.pack
<afterview.models.document.Document.pack>`), and :func:`serialise` writes them back as they were. It does
so only for bytes it can show afterview wrote: the rest of the file must be exactly what :func:`serialise`
writes for it (the canonical form), and the archive must match the BLAKE2b digest (RFC 7693) stored beside
it. Anything else (a hand edit, an older afterview, a flipped bit) is read and checked whole, as before.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from afterview import __version__
from afterview.errors import NotSavedError, StoreError
from afterview.models.document import SCHEMA_VERSION, Document
from afterview.models.records import Interview, Process
from afterview.store import collector, layout
from afterview.store.jsonpos import first_problem, line_column, position_of
from afterview.store.migrations import migrate

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class CorruptStore(ValueError):
    """The bytes are not a valid afterview store; the message says where (line and column)."""


class NewerStore(StoreError):
    """The store was written by a newer afterview; it is read-only to this one."""


ARCHIVE_KEY = b'\n "archive": '
"""How the archive's key starts in a canonical file: a top-level key is the only thing at one space's
indent after a line break (JSON text escapes every line break inside a string)."""


def serialise(document: Document) -> bytes:
    """The document as the bytes of a store file: UTF-8 JSON, one-space indents, a final newline.

    The rounds of processes that are over (:meth:`Document.archivable`) go under ``"archive"``, after the
    rounds already there (packed bytes are copied as they are). Pydantic's own JSON writer is used because
    it is many times faster than ``json.dumps`` with indents. Raises ValueError for text that cannot be
    written as UTF-8 (lone surrogates).
    """
    return b"".join(_encode(document, check=False))


Bytes = bytes | memoryview
"""Bytes, or a view of part of a file's bytes (a packed archive is never copied out of what was read)."""


def archive_digest(rounds: Mapping[int, int], *archive: Bytes) -> str:
    """BLAKE2b (RFC 7693, 128 bits) of ``archived_rounds`` and the archive's bytes (in parts, as they are
    written one after the other): what ties the two to the file afterview wrote. Hex text, as stored under
    ``archive_digest``."""
    digest = _digest_of(rounds)
    for part in archive:
        digest.update(part)
    return digest.hexdigest()


def _digest_of(rounds: Mapping[int, int]) -> hashlib.blake2b:
    return hashlib.blake2b(b"".join(b"%d:%d," % item for item in rounds.items()), digest_size=16)


def _encode(document: Document, *, check: bool) -> Iterator[Bytes]:
    """The file, in parts made as they are asked for: the head up to ``"archive": ``, the archive (packed
    bytes as read, then each round archived now), the rest with the digest filled in. So a save writes each
    round as it is made and never holds them all as bytes (an import of 100,000 rows). With ``check``, each
    part made from models is parsed back first; :class:`NotSavedError` says what would not load again."""
    moving = document.archiving()
    leaving = {interview.id for interview in moving}
    staying = [i for i in document.interviews if i.id not in leaving]
    archived = [*document.archive, *moving]
    rounds = {**document.archived_rounds, **{i.id: i.process_id for i in archived}}
    update = {"interviews": staying, "archive": [], "archived_rounds": rounds, "archive_digest": _PENDING}
    head = _dump(document.model_copy(update=update))  # the digest, after the archive, is filled in last
    processes = _head_parsed_back(head, read=_records_read(document)) if check else None
    at = head.index(ARCHIVE_KEY + b"[]") + len(ARCHIVE_KEY)
    yield memoryview(head)[:at]
    kept = _kept_digest(document, rounds=rounds, moving=moving)
    digest = _digest_of(rounds)
    for part in _archive(document.packed, archived, processes=processes):
        if kept is None:
            digest.update(part)
        yield part
    filled = _DIGEST_KEY + (kept or digest.hexdigest()).encode("ascii")
    yield head[at + len(b"[]") :].replace(_DIGEST_KEY + _PENDING.encode("ascii"), filled, 1)


def _kept_digest(document: Document, *, rounds: Mapping[int, int], moving: list[Interview]) -> str | None:
    """The digest read with the archive, when the archive is written back exactly as read (still packed,
    nothing moving in): the same bytes have the same digest, so the whole archive need not be hashed again."""
    packed = document.packed
    if moving or packed is None or not document.archive_digest or rounds != document.archived_rounds:
        return None
    return document.archive_digest


_PENDING = "0" * 32
_DIGEST_KEY = b'\n "archive_digest": "'
"""How the digest starts in a canonical file (a top-level key: found once, whatever text the store holds)."""


def _archive(
    packed: Bytes | None, archived: list[Interview], *, processes: set[int] | None
) -> Iterator[Bytes]:
    """The archive array as written at one level of indent (``[`` ... ``\\n ]``, or ``[]``), in parts: the
    ``packed`` array as read (never copied), then each of ``archived``, parsed back first when the ids of
    the file's ``processes`` are given."""
    started = packed is not None and packed != b"[]"
    if packed is not None and started:
        yield packed[: -len(b"\n ]")]
    for interview in archived:
        element = _element(interview)
        if processes is not None:
            _round_parsed_back(element, processes)
        yield b",\n" if started else b"[\n"
        yield element
        started = True
    yield b"\n ]" if started else b"[]"


def _head_parsed_back(head: bytes, *, read: tuple[dict[bytes, int], dict[bytes, int]]) -> set[int]:
    """Parse back the file without its archive, a record at a time (its processes and rounds one by one,
    the rest as a document), so checking never holds a second copy of them all; the processes' ids.

    A process or round written byte for byte as it was in the file just read (``read``: the bytes of each
    there, with the process's id, or the round's process) validated then, so it is not parsed again: the
    check costs what changed.

    Raises :class:`NotSavedError` naming what would not load again.
    """
    processes, rounds = layout.array_span(head, "processes"), layout.array_span(head, "interviews")
    if processes is None or rounds is None:  # not laid out as afterview lays out a file: check it whole
        return {process.id for process in _parsed_back(Document, head).processes}
    _parsed_back(Document, layout.without(head, [processes, rounds]))
    known_processes, known_rounds = read
    ids = {
        known_processes[element] if element in known_processes else _parsed_back(Process, element).id
        for element in layout.elements(head, *processes)
    }
    for element in layout.elements(head, *rounds):
        if element not in known_rounds:
            _round_parsed_back(element, ids)
        elif known_rounds[element] not in ids:
            raise NotSavedError(
                f"The change would not load again (a round of process {known_rounds[element]}, which is "
                "not in the store); nothing was saved."
            )
    return ids


def _records_read(document: Document) -> tuple[dict[bytes, int], dict[bytes, int]]:
    """The processes and rounds of the file ``document`` was read from (if afterview wrote it), each one's
    bytes there with the process's id, or the round's process."""
    read = document.head_read
    if read is None:
        return {}, {}
    head, processes, rounds = read
    return _by_bytes(head, "processes", processes), _by_bytes(head, "interviews", rounds)


def _by_bytes(head: bytes, key: str, values: list[int]) -> dict[bytes, int]:
    span = layout.array_span(head, key)
    elements = list(layout.elements(head, *span)) if span is not None else []
    return dict(zip(elements, values, strict=True)) if len(elements) == len(values) else {}


def _round_parsed_back(element: bytes, processes: set[int]) -> None:
    """Parse back one round, which must belong to one of ``processes`` (as :class:`Document` requires)."""
    interview = _parsed_back(Interview, element)
    if interview.process_id not in processes:
        raise NotSavedError(
            f"The change would not load again (interview {interview.id} is a round of process "
            f"{interview.process_id}, which is not in the store); nothing was saved."
        )


def _parsed_back(model: type[Parsed], data: bytes) -> Parsed:
    """``data`` loaded again as a ``model``; :class:`NotSavedError` if it would not load."""
    try:
        return model.model_validate_json(data)
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise NotSavedError(f"The change would not load again ({error}); nothing was saved.") from None


Parsed = TypeVar("Parsed", Document, Process, Interview)


def _dump(document: Document) -> bytes:
    """What ``model_dump_json(indent=1)`` writes, as the UTF-8 bytes the model's own serializer makes (which
    ``model_dump_json`` turns into a ``str``, to be encoded again: about 3 ms of a write at 1,000
    interviews), and a final newline."""
    return Document.__pydantic_serializer__.to_json(document, indent=1) + b"\n"


def _element(interview: Interview) -> bytes:
    """An interview as an element of the archive array writes it (two more spaces on every line: JSON text
    holds no raw line breaks, so this is exact), one at a time so no copy of the whole array is made."""
    return b"  " + Interview.__pydantic_serializer__.to_json(interview, indent=1).replace(b"\n", b"\n  ")


def parse_document(data: bytes, *, open_only: bool = False, written: bool = False) -> Document:
    """Parse and validate a store file's bytes, migrating older schemas in memory.

    The document holds every round in ``interviews``; with ``open_only``, the archived rounds of a file
    afterview wrote stay packed (unread) until a lookup needs one (:meth:`Document.unpack`). ``written``
    says the caller knows afterview wrote exactly these bytes (the index's stamp of the file matches, see
    :mod:`afterview.store.index`): everything but the archive is still validated, but not written out again
    to compare, nor the archive digested.

    Raises :class:`CorruptStore` naming the line and column, or :class:`NewerStore` for a newer schema.
    """
    document = _written_by_afterview(data, written=written)
    if document is None:
        document = _checked(data)
    if not open_only or document.packed is None:  # read whole anyway: the next save archives afresh
        document.unpack()
    return document


def _written_by_afterview(data: bytes, *, written: bool = False) -> Document | None:
    """The document, if ``data`` is a file afterview wrote (else ``None``), checked without writing it out
    again: the file without its archive must be exactly what :func:`serialise` writes for it, and the
    archive must match its digest. The archive is packed: a view of ``data``, its rounds read one at a
    time when :meth:`Document.unpack` is called."""
    span = layout.array_span(data, "archive", before="archive_digest")
    if span is None:
        return None
    value, end = span
    archive, head = memoryview(data)[value:end], layout.without(data, [span])
    try:
        document = Document.model_validate_json(head)
    except ValueError:
        return None
    if (
        document.schema_version != SCHEMA_VERSION
        or not (written or _canonical_head(document, head=head, archive=archive))
        or not _archive_agrees(document)
    ):
        return None
    if end > value + len(b"[]"):
        document.pack(archive, lambda: _archived(data, value, end))
    document.read_from(head)
    return document


def _canonical_head(document: Document, *, head: bytes, archive: memoryview) -> bool:
    """Whether the archive matches its digest and the rest is what :func:`serialise` writes for it."""
    return document.archive_digest == archive_digest(document.archived_rounds, archive) and (
        _dump(document) == head
    )


def _archived(data: bytes, start: int, end: int) -> Iterator[Interview]:
    """Each round of the archive ``data[start:end]``, validated as it is asked for, the cycle collector
    paused meanwhile (many small models, no cycles)."""
    with collector.paused():
        for element in layout.elements(data, start, end):
            yield Interview.model_validate_json(element)


def _archive_agrees(document: Document) -> bool:
    """Whether the rounds under ``archived_rounds`` are where a save would put them: their processes are
    there and over (a hand edit can reopen or remove one and leave the file canonical), and no open round
    has one of their ids."""
    archived = document.archived_rounds
    return set(archived.values()) <= document.archivable() and not any(
        interview.id in archived for interview in document.interviews
    )


def _checked(data: bytes) -> Document:
    """The whole document, every part validated (archived rounds still under ``archive``), holding every
    round ``archived_rounds`` names (else rounds were cut from the archive: the file is not whole)."""
    document = _canonical(data) or _validated(data)
    held = {interview.id for interview in [*document.interviews, *document.archive]}
    missing = next((i for i in document.archived_rounds if i not in held), None)
    if missing is not None:
        text = _decode(data)
        where = position_of(text, ["archived_rounds", str(missing)])
        raise CorruptStore(_at(text, where, f"archived_rounds: interview {missing} is not in the archive"))
    return document


def _validated(data: bytes) -> Document:
    from pydantic import ValidationError

    text = _decode(data)
    raw = _parse_json(text)
    if not isinstance(raw, dict) or raw.get("format") != "afterview":
        where = position_of(text, ["format"]) if isinstance(raw, dict) else 0
        raise CorruptStore(_at(text, where, 'not an afterview store (no "format": "afterview")'))
    version = raw.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        where = position_of(text, ["schema_version"])
        raise CorruptStore(_at(text, where, f"schema_version {version!r} is not a positive whole number"))
    if version > SCHEMA_VERSION:
        raise NewerStore(
            f"the store was written by a newer afterview ({raw.get('written_by', 'unknown version')}, "
            f"schema {version}); this is afterview {__version__} (schema {SCHEMA_VERSION}). "
            "Nothing was changed.",
            hint="Upgrade afterview to use this store.",
        )
    for missing in ("revision", "interviews"):
        if missing not in raw:
            raise CorruptStore(_at(text, 0, f'the key "{missing}" is missing'))
    raw = migrate(raw)
    try:
        return Document.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        dotted = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        message = f"{dotted.lstrip('.') or 'top level'}: {first['msg']}"
        raise CorruptStore(_at(text, position_of(text, first["loc"]), message)) from None


def _canonical(data: bytes) -> Document | None:
    """The document, if ``data`` is exactly what :func:`serialise` writes for it (the fast path).

    Every file afterview writes is canonical, so this is the usual case. Anything else (a duplicate key,
    ``NaN``, an older schema, odd spacing) takes the slow path, which checks it all and says where it is.
    """
    try:
        document = Document.model_validate_json(data)
        if document.schema_version != SCHEMA_VERSION or serialise(document) != data:
            return None
    except ValueError:
        return None
    return document


def checked_bytes(document: Document) -> Iterator[Bytes]:
    """The bytes to write, in parts made as they are written (:func:`_encode`: a store of 10,000 interviews
    is tens of MB, never joined in memory), and never what would not load again: the parts made from models
    are parsed back first (commands change models in place, which Pydantic does not validate); packed
    archive bytes are copied as read, which the digest showed afterview wrote. So the check costs what
    changed. The head is made and checked before the first part is returned.

    Raises :class:`NotSavedError` (then, or while the parts are made) for text that cannot be stored or a
    change that would not load again.
    """
    parts = _unicode_checked(_encode(document, check=True))
    first = next(parts)
    return itertools.chain([first], parts)


def _unicode_checked(parts: Iterator[Bytes]) -> Iterator[Bytes]:
    try:
        yield from parts
    except ValueError:  # text that is not valid Unicode (lone surrogates) cannot be written as UTF-8
        raise NotSavedError(
            "Some text holds characters that cannot be stored (broken Unicode); nothing was saved.",
            hint="Retype the text, or check your terminal's encoding is UTF-8.",
        ) from None


def _decode(data: bytes) -> str:
    if not data:
        raise CorruptStore("line 1 column 1: the file is empty (0 bytes), so it holds no store")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        prefix = data[: error.start].decode("utf-8", "replace")
        line, column = line_column(prefix, len(prefix))
        raise CorruptStore(f"line {line} column {column}: bytes that are not UTF-8") from None
    if not text.strip():
        raise CorruptStore("line 1 column 1: the file holds only blank space")
    return text


def _parse_json(text: str) -> Any:
    try:
        raw = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as error:
        raise CorruptStore(f"line {error.lineno} column {error.colno}: {error.msg}") from None
    except (ValueError, RecursionError):  # a duplicate key, NaN, an oversized number, deep nesting
        where, message = first_problem(text) or (0, "this is not valid JSON")
        raise CorruptStore(_at(text, where, message)) from None
    if _SURROGATE_ESCAPE.search(text):
        problem = first_problem(text)
        if problem is not None:
            raise CorruptStore(_at(text, *problem))
    return raw


def _at(text: str, position: int, message: str) -> str:
    line, column = line_column(text, position)
    return f"line {line} column {column}: {message}"


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not a valid JSON value")
