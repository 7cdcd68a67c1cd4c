"""A store file's bytes: what afterview writes, and the checks that read them back.

Reading names the line and column of the first problem, so a corrupt store is never a mystery; a newer
schema is refused (never written over), an older one migrated in memory (:mod:`afterview.store.migrations`).
"""

from __future__ import annotations

import json
import re
from typing import Any

from afterview import __version__
from afterview.errors import NotSavedError, StoreError
from afterview.models.document import SCHEMA_VERSION, Document
from afterview.store.jsonpos import first_problem, line_column, position_of
from afterview.store.migrations import migrate

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class CorruptStore(ValueError):
    """The bytes are not a valid afterview store; the message says where (line and column)."""


class NewerStore(StoreError):
    """The store was written by a newer afterview; it is read-only to this one."""


def serialise(document: Document) -> bytes:
    """The document as the bytes of a store file: UTF-8 JSON, one-space indents, a final newline.

    Pydantic's own JSON writer is used because it is many times faster than ``json.dumps`` with indents.
    """
    return document.model_dump_json(indent=1).encode("utf-8") + b"\n"


def parse_document(data: bytes) -> Document:
    """Parse and validate a store file's bytes, migrating older schemas in memory.

    Raises :class:`CorruptStore` naming the line and column, or :class:`NewerStore` for a newer schema.
    """
    from pydantic import ValidationError

    canonical = _canonical(data)
    if canonical is not None:
        return canonical
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


def checked_bytes(document: Document) -> bytes:
    """The bytes to write, parsed back first: never write what would not load again."""
    try:
        data = serialise(document)
    except ValueError:  # text that is not valid Unicode (lone surrogates) cannot be written as UTF-8
        raise NotSavedError(
            "Some text holds characters that cannot be stored (broken Unicode); nothing was saved.",
            hint="Retype the text, or check your terminal's encoding is UTF-8.",
        ) from None
    try:
        parse_document(data)
    except CorruptStore as error:
        raise NotSavedError(f"The change would not load again ({error}); nothing was saved.") from None
    return data


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
