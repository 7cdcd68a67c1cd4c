"""A hostile corpus: text that tries to drive the terminal, read as markup or break the program, and an
afterview export whose every text field can be filled with it."""

from __future__ import annotations

import copy
import json
from typing import Any

CONTROLS = {
    "esc": "\x1b[2J",  # clear the screen
    "osc52": "\x1b]52;c;aGk=\x07",  # write the clipboard
    "osc8": "\x1b]8;;https://evil.example/\x1b\\x\x1b]8;;\x1b\\",  # a hidden hyperlink
    "osc0": "\x1b]0;pwned\x07",  # set the window title
    "bel": "\x07",
    "nul": "\x00",
    "c1": "\x9b31m",  # CSI as one C1 character
    "del": "\x7f",
    "rtl": "\u202e",  # right-to-left override
}
"""What the text rules refuse on the way in (the first bad character of each is at position 5 in
``"Acme" + value``)."""

BRACKETS = {
    "bold": "[bold]Bold[/bold]",
    "close": "Engineer [/]",
    "contract": "Engineer [/contract]",
    "link": "[link=https://evil.example/]x[/link]",
    "blink": "[blink]Blink",
    "dev": "Jane [dev] Doe",
    "emoji": "Team :warning:",
}
"""Text that Rich would read as markup (or emoji codes): accepted, and shown exactly as typed."""

LONG = "x" * 100_001

NOW = "2026-11-27T16:00:00+01:00"

BASE: dict[str, Any] = {
    "format": "afterview-export",
    "export_version": 2,
    "schema_version": 2,
    "profile": {"name": "Sam Lee", "phone": "+1 555 0100", "signature": "Sam Lee"},
    "references": [{"id": 1, "name": "Ann Ref", "relationship": "former manager", "phone": "+1 555 0101"}],
    "processes": [
        {
            "id": 1,
            "company": "Acme",
            "role": "Site Reliability Engineer",
            "source": "A referral",
            "history": [{"status": "next-round", "on": "2026-11-25", "note": "went on"}],
            "created_at": "2026-11-20T11:00:00+01:00",
            "updated_at": "2026-11-20T11:00:00+01:00",
        }
    ],
    "interviews": [
        {
            "id": 1,
            "process_id": 1,
            "at": "2026-11-20T10:00:00+01:00",
            "timezone": "Europe/Berlin",
            "location": "Room 4",
            "next_steps": "They will call",
            "interviewers": [{"name": "Jane Doe", "title": "CTO", "phone": "+1 555 0102"}],
            "paperwork": [{"title": "NDA"}],
            "debrief": {
                "questions": [
                    {"question": "Why us?", "answer": "Because", "rating": "weak", "next_time": "Be brief"}
                ],
                "went_well": "Rapport",
                "to_improve": "Pacing",
                "thank_you_topics": ["The migration"],
                "my_questions": ["Team size?"],
                "notes": "Nice office",
            },
            "steps": [
                {
                    "id": "1.1",
                    "kind": "memory-dump",
                    "key": "memory-dump",
                    "title": "Write down what you remember",
                    "due": "2026-11-26",
                    "note": "soon",
                    "person": "Jane Doe",
                },
                {
                    "id": "1.2",
                    "kind": "thank-you",
                    "key": "thank-you:0",
                    "title": "Thank Jane Doe",
                    "due": "2026-11-30",
                },
            ],
            "notes": "Free notes",
            "created_at": "2026-11-20T11:00:00+01:00",
            "updated_at": "2026-11-20T11:00:00+01:00",
        }
    ],
}
"""A small export with a value in every text field of every record type."""

TEXT_FIELDS: list[tuple[Any, ...]] = [
    ("profile", "name"),
    ("profile", "phone"),
    ("profile", "signature"),
    ("references", 0, "name"),
    ("references", 0, "relationship"),
    ("references", 0, "phone"),
    ("processes", 0, "company"),
    ("processes", 0, "role"),
    ("processes", 0, "source"),
    ("processes", 0, "history", 0, "note"),
    *(
        ("interviews", 0, *path)
        for path in [
            ("location",),
            ("next_steps",),
            ("notes",),
            ("interviewers", 0, "name"),
            ("interviewers", 0, "title"),
            ("interviewers", 0, "phone"),
            ("paperwork", 0, "title"),
            ("debrief", "questions", 0, "question"),
            ("debrief", "questions", 0, "answer"),
            ("debrief", "questions", 0, "next_time"),
            ("debrief", "went_well"),
            ("debrief", "to_improve"),
            ("debrief", "notes"),
            ("debrief", "thank_you_topics", 0),
            ("debrief", "my_questions", 0),
            ("steps", 0, "title"),
            ("steps", 0, "note"),
        ]
    ),
]
"""Where text lives in :data:`BASE`: every text field of every record type."""


def export_with(values: dict[tuple[Any, ...], str]) -> str:
    """:data:`BASE` as JSON with each path in ``values`` set to its text."""
    document = copy.deepcopy(BASE)
    for path, text in values.items():
        holder: Any = document
        for key in path[:-1]:
            holder = holder[key]
        holder[path[-1]] = text
    return json.dumps(document, ensure_ascii=False)


def field_label(path: tuple[Any, ...]) -> str:
    """How an import error names ``path``: ``field name``, ``field debrief.questions[1].answer``."""
    record, *rest = path
    if record in ("interviews", "references", "processes"):
        rest = rest[1:]
    label = ""
    for key in rest:
        label += f"[{key + 1}]" if isinstance(key, int) else f".{key}"
    return "field " + label.lstrip(".")
