"""An interview as a TOML file a person edits, read back and checked, and merged with concurrent changes.

Pure: text in, text or an :class:`Interview` out. The id, the steps, the process and the created/updated
times are not in the file (steps are planned again from what was edited). ``company`` and ``role`` are the
hiring process's: an edit changes them for every round of it.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from afterview.errors import UserError
from afterview.formats import checks
from afterview.models.records import Interview, Process

FIXED = frozenset(
    {
        "id",
        "process_id",
        "steps",
        "step_seq",
        "created_at",
        "updated_at",
        "invitation_uid",
        "invitation_sequence",
        "invitation_stamp",
        "cancelled",
    }
)
"""Keys the file does not hold: afterview keeps them."""
OF_THE_PROCESS = ("company", "role")
"""Keys the file shows for the interview's hiring process."""
_OPTIONAL_HINTS = {
    "location": 'location = "Room 4 / https://meet.example/abc"',
    "next_steps": 'next_steps = "They will call by Friday"',
    "decision_by": "decision_by = 2026-12-04",
    "notes": 'notes = """Anything worth keeping"""',
}


def to_toml(interview: Interview) -> str:
    """The editable fields of ``interview`` as commented TOML, unset optional fields as examples."""
    import tomli_w

    fields = _plain(editable(interview, mode="python"))
    header = [
        f"# afterview interview {interview.id}. Edit, save and close; afterview checks it and plans steps.",
        "# To cancel, delete everything and save. Delete a line to clear an optional field.",
        "# stage: screen, technical, onsite, final, other    format: video, phone, onsite",
        "# company and role are the hiring process's (every round of it); outcomes: afterview outcome",
        "# Dates are TOML dates (2026-12-04) and date-times with an offset (2026-11-27T14:00:00+01:00).",
    ]
    unset = [hint for key, hint in _OPTIONAL_HINTS.items() if key not in fields]
    if unset:
        header += ["#", "# Not set yet (remove the # to set):", *(f"# {hint}" for hint in unset)]
    return "\n".join(header) + "\n\n" + tomli_w.dumps(fields, multiline_strings=True)


def editable(interview: Interview, *, mode: str = "json") -> dict[str, Any]:
    """The fields a person edits: the process's company and role, and every stored key of the interview
    except :data:`FIXED`."""
    stored = {k: v for k, v in interview.model_dump(mode=mode).items() if k not in FIXED}
    return {"company": interview.company, "role": interview.role, **stored}


def interview_of(fields: dict[str, Any], *, keep: Interview, now: dt.datetime) -> Interview:
    """An interview from edited ``fields``, with ``keep``'s fixed keys, linked to a copy of its process
    that has the edited company and role.

    Raises pydantic.ValidationError when the fields do not make a valid interview or process.
    """
    interview = {k: v for k, v in fields.items() if k not in OF_THE_PROCESS}
    changes = {k: fields[k] for k in OF_THE_PROCESS if k in fields}
    process = Process.model_validate({**keep.process.model_dump(), **changes})
    edited = Interview.model_validate({**interview, **_kept(keep), "updated_at": now})
    return edited.linked(process)


def _plain(value: Any) -> Any:
    """``value`` with enums as their values and ``None`` left out (TOML has no null)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value if v is not None]
    if isinstance(value, Enum):
        return value.value
    return value


def from_toml(text: str, *, base: Interview, now: dt.datetime) -> Interview:
    """The interview as edited: ``base``'s id, steps and created time with the file's fields, checked.

    Raises :class:`UserError` naming the line (bad TOML) or the field (bad value).
    """
    import tomllib

    from pydantic import ValidationError

    try:
        fields = tomllib.loads(text.removeprefix("\ufeff"))  # the BOM Notepad and others write first
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"This is not valid TOML: {error}.") from None
    fixed = sorted(FIXED & fields.keys())
    if fixed:
        raise UserError(f"{', '.join(fixed)} cannot be edited here; remove it from the file.")
    shown = tomllib.loads(to_toml(base))
    kept = untouched_kept(shown, fields, editable(base, mode="python"))
    try:
        edited = interview_of(kept, keep=base, now=now)
        as_typed = interview_of(fields, keep=base.model_copy(update={"steps": []}), now=now)
    except ValidationError as error:
        first = error.errors()[0]
        where = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"])
        raise UserError(f"{where.lstrip('.') or 'the file'}: {first['msg']}.") from None
    # The text rules, as log's, on the file as typed; what comes back untouched from the store (a CRLF the
    # file showed as a newline) was not typed.
    checks.record(as_typed, where="The file")
    checks.record(as_typed.process, where="The file")  # company and role, as typed
    return edited


def untouched_kept(shown: Any, typed: Any, stored: Any) -> Any:
    """``typed`` (the file as saved) with every part the user left as ``shown`` taken from ``stored``.

    TOML cannot say everything the store holds (no null, and line ends in text are normalised), so what the
    file showed is compared with what came back, key by key and item by item, and only the parts the user
    changed are taken from the file: a null inside an unknown key, an interviewer's extra keys or the CRLF in
    notes come back exactly as stored. Keys the file could not show (a null) stay unless the user set them.
    """
    if typed == shown:
        return stored
    if isinstance(typed, dict) and isinstance(shown, dict) and isinstance(stored, dict):
        merged = {
            key: untouched_kept(shown[key], value, stored[key]) if key in shown and key in stored else value
            for key, value in typed.items()
        }
        hidden = {key: value for key, value in stored.items() if key not in shown and key not in typed}
        return {**merged, **hidden}
    if (
        isinstance(typed, list)
        and isinstance(shown, list)
        and isinstance(stored, (list, tuple))
        and len(typed) == len(shown) == len(stored)
    ):
        return [untouched_kept(*parts) for parts in zip(shown, typed, stored, strict=True)]
    return typed


def _kept(interview: Interview) -> dict[str, Any]:
    return {key: getattr(interview, key) for key in FIXED}


def merge(
    *, base: Interview, mine: Interview, theirs: Interview, now: dt.datetime
) -> tuple[Interview, list[str]]:
    """Three-way merge, field by field, of an edit (``mine``) with a change saved meanwhile (``theirs``).

    A field changed on one side only takes that change; a field changed differently on both sides keeps
    ``theirs`` (already saved) and is listed as a conflict. Steps and ids always come from ``theirs``.
    """
    old, new, saved = editable(base), editable(mine), editable(theirs)
    merged: dict[str, Any] = {}
    conflicts: list[str] = []
    for key in [*saved, *(k for k in new if k not in saved)]:
        b, m, t = old.get(key), new.get(key), saved.get(key)
        if m in (b, t):
            value = t
        elif t == b:
            value = m
        else:
            value, conflicts = t, [*conflicts, key]
        if value is not None or key in saved or key in new:
            merged[key] = value
    return interview_of(merged, keep=theirs, now=now), conflicts
