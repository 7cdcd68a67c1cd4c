"""The catalogue of fields a person types: for each, its label in messages, its limit and whether it may
hold line breaks.

One table that everything reads: the models' ``max_length`` constraints, the CLI's checks of flags and
prompts (:func:`afterview.domain.text_rules.clean_field`), the editor's TOML and the import checks
(:mod:`afterview.formats.checks`). Limits are in characters (Unicode code points); the README lists them.
A limit is never lowered: a store holding longer text would stop loading.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class TextField:
    """One field: ``key`` as stored, ``label`` as messages name it, ``limit`` in characters, and whether
    it may hold line breaks and tabs (``multiline``)."""

    key: str
    label: str
    limit: int
    multiline: bool = False


_CATALOGUE = (
    TextField("name", "name", 200),
    TextField("company", "company", 200),
    TextField("role", "role", 200),
    TextField("title", "title", 200),
    TextField("relationship", "relationship", 200),
    TextField("honorific", "honorific", 200),
    TextField("given_name", "given name", 200),
    TextField("family_name", "family name", 200),
    TextField("address_as", "address as", 200),
    TextField("email", "email address", 254),
    TextField("phone", "phone", 50),
    TextField("url", "link", 2_000),
    TextField("source", "source", 500),
    TextField("location", "location", 2_000),
    TextField("paperwork", "paperwork item", 200),
    TextField("next_steps", "next steps", 10_000, multiline=True),
    TextField("signature", "signature", 2_000, multiline=True),
    TextField("step_note", "note", 2_000),
    TextField("outcome_note", "note", 2_000, multiline=True),
    TextField("feedback", "feedback", 10_000, multiline=True),
    TextField("notes", "note", 100_000, multiline=True),
    TextField("question", "question", 100_000, multiline=True),
    TextField("answer", "answer", 100_000, multiline=True),
    TextField("next_time", "next time", 100_000, multiline=True),
    TextField("went_well", "went well", 100_000, multiline=True),
    TextField("to_improve", "to improve", 100_000, multiline=True),
    TextField("timezone", "time zone", 64),
    TextField("country", "country", 10),
    TextField("subdivision", "subdivision", 10),
    TextField("calendar_file", "calendar file", 4_096),
    TextField("story_title", "story title", 200),
    TextField("situation", "situation", 100_000, multiline=True),
    TextField("task", "task", 100_000, multiline=True),
    TextField("action", "action", 100_000, multiline=True),
    TextField("result", "result", 100_000, multiline=True),
    TextField("differently", "what you would do differently", 100_000, multiline=True),
    TextField("tag", "tag", 50),
)

FIELDS: Mapping[str, TextField] = {field.key: field for field in _CATALOGUE}
"""Every field by its key."""

MULTILINE_FIELDS = frozenset(field.key for field in _CATALOGUE if field.multiline) | {"note"}
"""Stored keys whose text may hold newlines and tabs (``note`` is an outcome's); every other text is one
line."""


def limit(key: str) -> int:
    """The longest text field ``key`` accepts, in characters (KeyError for a key not in the catalogue)."""
    return FIELDS[key].limit
