"""A story as Markdown: the file ``story add`` and ``story edit`` open, and its parser (pure).

The file has a free preamble (never saved), then ``##`` sections in any order: Title, Tags, Situation,
Task, Action, Result, What I would do differently. Text lines that start with ``#`` or ``\\`` are written
with a backslash in front, so any story renders to Markdown that parses back to the same story
(:func:`to_markdown` then :func:`parse`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from afterview.domain import text_rules
from afterview.errors import UserError
from afterview.models.fields import FIELDS
from afterview.models.stories import Story

SECTIONS = {
    "title": "Title",
    "tags": "Tags",
    "situation": "Situation",
    "task": "Task",
    "action": "Action",
    "result": "Result",
    "differently": "What I would do differently",
}
"""Each ``##`` section: the story field it fills and its heading."""

TEXT_KEYS = ("situation", "task", "action", "result", "differently")
MAX_BYTES = 2_000_000
"""Larger input is refused before parsing."""
STORY_ID = re.compile(r"^\s*[sS]?(?P<number>[1-9][0-9]{0,8})\b")
"""A story as a person names it: ``S3`` (or ``3``), anything after the number ignored."""

_HEADING = re.compile(r"^##[ \t]+(?P<title>.*?)[ \t]*#*[ \t]*$")
_TAG_SPLIT = re.compile(r"[,\s]+")
_FENCE = ("```", "~~~")


class StoryError(UserError):
    """The Markdown does not read as a story; ``problems`` says where, one line each."""

    def __init__(self, problems: Sequence[str], *, hint: str | None = None) -> None:
        super().__init__(
            "The story could not be read:\n" + "\n".join(f"  - {p}" for p in problems),
            hint=hint
            or "Keep the ## headings afterview wrote; put a backslash before a line starting with #.",
        )
        self.problems = tuple(problems)


def story_id(text: str) -> int | None:
    """The id in ``S3`` (or ``3``, ``S3 migration``), or ``None`` when ``text`` names no story."""
    found = STORY_ID.match(text)
    return int(found["number"]) if found else None


def to_markdown(story: Story | Mapping[str, object] | None, *, label: str = "a new story") -> str:
    """The Markdown file ``story add``/``story edit`` opens: a short guide, then the story's sections
    (empty ones for a new story; ``story`` may be a mapping of the fields to start from)."""
    values: Mapping[str, object] = (
        story.model_dump() if isinstance(story, Story) else dict(story) if story is not None else {}
    )
    lines = [
        f"# Story: {label}",
        "",
        "<!--",
        "Write under each heading and keep the headings; text above ## Title is not saved.",
        "Tags: single words, separated by commas (conflict, leadership, failure).",
        "Situation, task, action, result: the STAR parts you would tell. Leave a part empty if it is not",
        "there yet. Save and close the editor when done; a file left as it is saves nothing.",
        "-->",
        "",
    ]
    for key, heading in SECTIONS.items():
        lines.append(f"## {heading}")
        value = values.get(key)
        if key == "tags":
            tags = value if isinstance(value, list) else []
            lines += [", ".join(str(tag) for tag in tags)] if tags else []
        elif isinstance(value, str) and value:
            lines += ["\\" + line if line.startswith(("#", "\\")) else line for line in value.split("\n")]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def parse(text: str) -> dict[str, object]:
    """The story's fields a Markdown file holds: ``title``, ``tags`` and the texts.

    Raises StoryError (a UserError) listing every problem with its line when it does not read as a story.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    problems: list[str] = []
    blocks: dict[str, tuple[int, list[str]]] = {}
    current: list[str] | None = None
    fenced = False
    for number, raw in enumerate(text.split("\n"), start=1):
        found = text_rules.problem(raw)
        if found and len(problems) < 5:
            problems.append(f"line {number}: {found}")
        heading = _HEADING.match(raw) if not fenced else None
        if heading:
            key = _section_key(heading["title"])
            if key is None:
                problems.append(
                    f"line {number}: unexpected heading {raw.strip()!r}; the headings are "
                    + ", ".join(SECTIONS.values())
                )
                current = None
                continue
            if key in blocks:
                problems.append(f"line {number}: ## {SECTIONS[key]} appears twice")
            current = []
            blocks[key] = (number, current)
            continue
        if current is None:
            continue  # the preamble, or the text under a heading already reported
        if raw.lstrip().startswith(_FENCE):
            fenced = not fenced
        current.append(raw[1:] if raw.startswith("\\") else raw)
    for key, name in SECTIONS.items():
        if key not in blocks:
            problems.append(f"the heading ## {name} is missing; put it back (even if its section is empty)")
    values = _values(blocks, problems)
    if problems:
        raise StoryError(problems)
    return values


def _section_key(title: str) -> str | None:
    folded = " ".join(title.split()).rstrip(":").casefold()
    return next((key for key, heading in SECTIONS.items() if heading.casefold() == folded), None)


def _values(blocks: Mapping[str, tuple[int, list[str]]], problems: list[str]) -> dict[str, object]:
    values: dict[str, object] = {}
    for key, (line, lines) in blocks.items():
        text = "\n".join(lines).strip()
        if key == "tags":
            values["tags"] = tags(text, problems=problems, line=line)
            continue
        field = FIELDS["story_title" if key == "title" else key]
        if key == "title":
            text = " ".join(text.split())
            if not text:
                problems.append(f"line {line}: the story has no title; write one under ## Title")
        long = text_rules.too_long(text, max_length=field.limit)
        if long:
            problems.append(f"line {line}: the {field.label} is {long}")
        values[key] = text
    return values


def tags(text: str, *, problems: list[str] | None = None, line: int = 0) -> list[str]:
    """The tags in ``text`` (commas or spaces between them, a leading ``#`` dropped), each once ignoring
    case, in the order given. A tag over its limit is a problem (added to ``problems``, else UserError)."""
    found: dict[str, str] = {}
    limit = FIELDS["tag"].limit
    for word in _TAG_SPLIT.split(text):
        tag = word.lstrip("#").strip()
        if not tag:
            continue
        if len(tag) > limit:
            message = f"the tag {tag[:20]!r}... is too long ({len(tag)} characters; at most {limit})"
            if problems is None:
                raise UserError(f"The {message}.")
            problems.append(f"line {line}: {message}")
            continue
        found.setdefault(tag.casefold(), tag)
    return list(found.values())
