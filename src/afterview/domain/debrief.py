"""The memory-dump debrief as Markdown: the template ``remember`` writes and its parser (pure).

The file has a free preamble (title, who and when; never saved), then six ``##`` sections in any order.
Each question is a ``### Question`` block under ``## Questions`` with optional ``####`` parts. Text lines
that start with ``#`` or ``\\`` are written with a backslash in front, so any debrief renders to Markdown
that parses back to the same debrief (:func:`to_markdown` then :func:`parse`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from afterview.domain import text_rules
from afterview.errors import UserError
from afterview.models.enums import Rating
from afterview.models.records import Debrief, Interview, Question

SECTIONS = {
    "questions": "Questions",
    "went_well": "What went well",
    "to_improve": "What to improve",
    "thank_you_topics": "Topics for the thank-you note",
    "my_questions": "Questions I asked them",
    "notes": "Notes",
}
"""Each ``##`` section: the debrief field it fills and its heading."""

PARTS = {
    "asked_by": "Asked by",
    "answer": "My answer",
    "rating": "Rating",
    "next_time": "What I would say next time",
    "story": "Story",
}
"""Each ``####`` part of a question: the field it fills and its heading. ``asked_by`` (who asked it) and
``story`` (the story told, ``S3``) are kept as extra keys of the stored question, so a debrief without them
is stored as 0.1 stored it."""

LIST_SECTIONS = frozenset({"thank_you_topics", "my_questions"})
RATINGS = ", ".join(rating.value for rating in Rating)
MAX_TEXT = 100_000
"""The longest text one field may hold (the store's limit)."""
MAX_ITEM = 2_000
"""The longest topic or question of yours, one line each."""
MAX_BYTES = 2_000_000
"""Larger input is refused before parsing."""
PROBLEMS_START = "<!-- afterview could not read this file:"
PROBLEMS_END = "Fix the lines above, then save and close the editor again. -->"

_HEADING = re.compile(r"^(?P<marks>#{1,6})(?:[ \t]+(?P<title>.*?))?(?:[ \t]+#+)?[ \t]*$")
_QUESTION = re.compile(r"^question\b(?:\s*\d+)?\s*[:.]?\s*(?P<text>.*)$", re.IGNORECASE | re.DOTALL)
_BULLET = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:\s+|$)")
_FENCE = ("```", "~~~")
_STORY = re.compile(r"^[sS]?([1-9][0-9]{0,8})(?:\b.*)?$")
_EMPTY_QUESTIONS = 3


class DebriefError(UserError):
    """The Markdown does not read as a debrief; ``problems`` says where, one line each."""

    def __init__(self, problems: Sequence[str], *, hint: str | None = None) -> None:
        super().__init__(
            "The debrief could not be read:\n" + "\n".join(f"  - {p}" for p in problems),
            hint=hint or "Keep the headings afterview wrote; put a backslash before a line starting with #.",
        )
        self.problems = tuple(problems)


def to_markdown(debrief: Debrief | None, interview: Interview, *, tz: dt.tzinfo) -> str:
    """The Markdown file ``remember`` opens: a header saying which interview, then the debrief's sections.

    With no debrief yet it is an empty template with three question blocks; otherwise one empty block
    follows the saved questions, ready for one more.
    """
    debrief = debrief or Debrief()
    at = interview.at.astimezone(tz)
    people = ", ".join(p.name + (f" ({p.title})" if p.title else "") for p in interview.interviewers)
    lines = [
        f"# Debrief: {_one_line(interview.company)} · {_one_line(interview.role)}",
        "",
        "<!--",
        f"Interview {interview.id}: {at:%a %d %b %Y, %H:%M} ({at:%z}); "
        f"{interview.stage.value}, {interview.format.value}.",
        f"Interviewers: {_one_line(people) or 'none recorded'}.",
        "Write under each heading and keep the headings; text above ## Questions is not saved.",
        f"Rate each answer {RATINGS}. Add a question with another ### Question block.",
        "Under #### Asked by, who asked it (Priya). Write each topic for the thank-you note as you would",
        "in a sentence to them (your move to event sourcing); end it with (with Priya) if it came up",
        "with one interviewer only. Under #### Story, the story you told for it (S3; afterview story",
        "list shows them).",
        "Save and close the editor when done; a file left as it is saves nothing.",
        "-->",
        "",
    ]
    lines += _sections(debrief)
    return "\n".join(lines).rstrip("\n") + "\n"


def _sections(debrief: Debrief) -> list[str]:
    lines = [f"## {SECTIONS['questions']}", ""]
    blank = Question(question="")
    extra = _EMPTY_QUESTIONS if not debrief.questions else 1
    for number, question in enumerate([*debrief.questions, *[blank] * extra], start=1):
        lines += [f"### Question {number}", *_text(question.question), ""]
        lines += [f"#### {PARTS['asked_by']}", *_text(asked_by(question)), ""]
        lines += [f"#### {PARTS['answer']}", *_text(question.answer), ""]
        lines += [
            f"#### {PARTS['rating']} ({RATINGS})",
            *([question.rating.value] if question.rating else []),
            "",
        ]
        lines += [f"#### {PARTS['next_time']}", *_text(question.next_time), ""]
        lines += [f"#### {PARTS['story']}", *_text(told_story(question)), ""]
    for key in ("went_well", "to_improve", "thank_you_topics", "my_questions", "notes"):
        lines += [f"## {SECTIONS[key]}"]
        if key in LIST_SECTIONS:
            items: list[str] = getattr(debrief, key)
            lines += [f"- {_item(item)}" for item in items if _item(item)] or ["- "]
        else:
            lines += _text(getattr(debrief, key))
        lines.append("")
    return lines


def _text(value: str) -> list[str]:
    """A text field's lines, with a backslash before any that would read as a heading or lose one."""
    if not value:
        return []
    return ["\\" + line if line.startswith(("#", "\\")) else line for line in value.split("\n")]


def _item(value: str) -> str:
    return value.replace("\r", " ").replace("\n", " ").strip()


def _one_line(value: str) -> str:
    return " ".join(value.split())


@dataclass
class _Block:
    """The lines of one field while parsing, and where it started."""

    line: int
    lines: list[str] = field(default_factory=list)

    start: int = 0
    """The line number of ``lines[0]``: the heading's own for text after ``Heading:``, else the next."""

    @property
    def first(self) -> int:
        """The line number of the block's first non-blank line (its heading if it has none)."""
        filled = next((n for n, text in enumerate(self.lines) if text.strip()), None)
        return self.line if filled is None else (self.start or self.line + 1) + filled


@dataclass
class _QuestionBlock:
    line: int
    parts: dict[str, _Block] = field(default_factory=dict)


def parse(text: str) -> Debrief:
    """The debrief a Markdown file holds.

    Raises DebriefError (a UserError) when it does not read as a debrief, listing every problem with its line.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    reader = _Reader(problems=_bad_characters(text))
    for number, raw in enumerate(text.split("\n"), start=1):
        reader.read_line(number, raw)
    problems = reader.problems
    for key, name in SECTIONS.items():
        if key not in reader.sections:
            problems.append(f"the heading ## {name} is missing; put it back (even if its section is empty)")
    debrief = _debrief(reader.sections, reader.questions, problems)
    if problems:
        raise DebriefError(problems)
    return debrief


@dataclass
class _Reader:
    """Reads a debrief's lines in order into section and question blocks, noting problems as it goes.

    Each line is a heading that starts a block (a ``##`` section, a ``### Question``, a ``####`` part), an
    unexpected heading (a problem), or text for the current block; text before the first section is the
    preamble and is dropped. A heading inside a fenced code block is text.
    """

    problems: list[str]
    """``line N: ...`` messages, in the order found (after the bad-character ones it starts with)."""
    sections: dict[str, _Block] = field(default_factory=dict)
    """Each ``##`` section read, by its :data:`SECTIONS` key."""
    questions: list[_QuestionBlock] = field(default_factory=list)
    current: _Block | None = None
    """The block text lines go to; None in the preamble."""
    section: str | None = None
    """The :data:`SECTIONS` key of the section being read."""
    fenced: bool = False
    """Whether the line is inside a fenced code block (three backticks or tildes), where a heading is text."""

    def read_line(self, number: int, raw: str) -> None:
        """Read line ``number`` (1-based), ``raw`` as in the file."""
        heading = _HEADING.match(raw)
        if heading and self._heading(number, raw, len(heading["marks"]), _title(heading["title"] or "")):
            return
        self._text(number, raw)

    def _heading(self, number: int, raw: str, level: int, title: str) -> bool:
        """Read a heading line; False when it is text after all (in a fence, or in the preamble)."""
        key = _section_key(title) if level == 2 else None
        if key is not None:
            self._start_section(number, key)
            return True
        if self.section == "questions" and level == 3 and (match := _QUESTION.match(title)):
            self._start_question(number, match["text"])
            return True
        part = _part(title) if level == 4 and self.section == "questions" and self.questions else None
        if part is not None:
            self._start_part(number, *part)
            return True
        if self.section is not None and not self.fenced:
            self.problems.append(
                f"line {number}: unexpected heading {raw.strip()!r}" + _where(level, title, self.section)
            )
            return True
        return False

    def _start_section(self, number: int, key: str) -> None:
        """A ``##`` section heading on line ``number``; a section given twice keeps its last block."""
        if key in self.sections:
            self.problems.append(f"line {number}: ## {SECTIONS[key]} appears twice")
        self.sections[key] = self.current = _Block(number)
        self.section, self.fenced = key, False

    def _start_question(self, number: int, inline: str) -> None:
        """A ``### Question`` heading on line ``number``, with any question text written after it."""
        block = _QuestionBlock(number)
        block.parts["question"] = self.current = _inline_block(number, inline)
        self.questions.append(block)
        self.fenced = False

    def _start_part(self, number: int, key: str, inline: str) -> None:
        """A ``####`` part heading (its :data:`PARTS` key) of the last question, with any text after it."""
        parts = self.questions[-1].parts
        if key in parts:
            self.problems.append(f"line {number}: question {len(self.questions)} has #### {PARTS[key]} twice")
        parts[key] = self.current = _inline_block(number, inline)
        self.fenced = False

    def _text(self, number: int, raw: str) -> None:
        """A text line for the current block, its escaping backslash removed (the preamble's is dropped)."""
        if self.current is None:
            return  # the preamble: who and when, never saved
        if raw.lstrip().startswith(_FENCE):
            self.fenced = not self.fenced
        if self.section == "questions" and not self.questions and raw.strip():
            self.problems.append(f"line {number}: text under ## Questions must follow a ### Question heading")
        self.current.lines.append(raw[1:] if raw.startswith("\\") else raw)


def _inline_block(number: int, inline: str) -> _Block:
    """The block a heading on line ``number`` starts, holding ``inline`` (text after the heading) if any."""
    return _Block(number, [inline], number) if inline else _Block(number)


def _title(title: str) -> str:
    return " ".join(title.split()).rstrip(":").strip()


def _section_key(title: str) -> str | None:
    folded = title.casefold()
    return next((key for key, heading in SECTIONS.items() if heading.casefold() == folded), None)


def _part(title: str) -> tuple[str, str] | None:
    """Which question part a heading starts, and any text after a colon (``#### Rating: strong``)."""
    for key, heading in PARTS.items():
        if not title.casefold().startswith(heading.casefold()):
            continue
        rest = title[len(heading) :]
        if not rest or rest.lstrip().startswith("("):
            return key, ""
        if rest.startswith(":"):
            return key, rest[1:].strip()
    return None


def _where(level: int, title: str, section: str) -> str:
    if level == 3 and _QUESTION.match(title):
        return " (### Question blocks belong under ## Questions)"
    if level == 3 and section == "questions":
        return f"; write a question as '### Question: {title}', or on the line under '### Question N'"
    if level == 4 and _part(title):
        return " (#### parts belong inside a ### Question block)"
    return "; to keep it as text, put a backslash before it (\\#)"


def _bad_characters(text: str) -> list[str]:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        found = text_rules.problem(line)
        if found:
            problems.append(f"line {number}: {found}")
    return problems[:5]


def _debrief(sections: dict[str, _Block], questions: list[_QuestionBlock], problems: list[str]) -> Debrief:
    values: dict[str, object] = {}
    for key, block in sections.items():
        if key in LIST_SECTIONS:
            values[key] = _items(block, key, problems)
        elif key != "questions":
            values[key] = _field(block, SECTIONS[key], problems)
    values["questions"] = [
        q for number, block in enumerate(questions, start=1) if (q := _question(number, block, problems))
    ]
    return Debrief.model_validate(values) if not problems else Debrief()


def _field(block: _Block, name: str, problems: list[str]) -> str:
    value = "\n".join(block.lines).strip()
    if len(value) > MAX_TEXT:
        problems.append(
            f"line {block.first}: {name} is too long ({len(value):,} characters; at most {MAX_TEXT:,})"
        )
    return value


def _items(block: _Block, key: str, problems: list[str]) -> list[str]:
    items = []
    for offset, line in enumerate(block.lines, start=1):
        item = _BULLET.sub("", line.strip(), count=1).strip()
        if len(item) > MAX_ITEM:
            problems.append(
                f"line {block.line + offset}: an item under ## {SECTIONS[key]} is too long "
                f"({len(item):,} characters; at most {MAX_ITEM:,}, one line each)"
            )
        elif item:
            items.append(item)
    return items


def _question(number: int, block: _QuestionBlock, problems: list[str]) -> Question | None:
    empty = _Block(block.line)
    text = {
        key: _field(block.parts.get(key, empty), f"question {number}'s {name.lower()}", problems)
        for key, name in (("question", "Question"), *PARTS.items())
    }
    if not any(text.values()):
        return None
    if not text["question"]:
        problems.append(f"line {block.line}: question {number} has no question text under its heading")
    rating: Rating | None = None
    if text["rating"]:
        try:
            rating = Rating(text["rating"].casefold().rstrip("."))
        except ValueError:
            line = block.parts["rating"].first
            problems.append(
                f"line {line}: question {number}'s rating {_one_line(text['rating'])[:40]!r} "
                f"is not one of {RATINGS}"
            )
    fields = {"question": text["question"], "answer": text["answer"], "next_time": text["next_time"]}
    who = _one_line(text["asked_by"])
    story = _story(number, text["story"], block, problems)
    return Question.model_validate(
        {
            **fields,
            "rating": rating,
            **({"asked_by": who} if who else {}),
            **({"story": story} if story else {}),
        }
    )


def _story(number: int, text: str, block: _QuestionBlock, problems: list[str]) -> str:
    """The story a question names (``S3``), or empty; anything else under ``#### Story`` is a problem."""
    if not text:
        return ""
    found = _STORY.match(_one_line(text))
    if found is None:
        problems.append(
            f"line {block.parts['story'].first}: question {number}'s story {_one_line(text)[:40]!r} "
            "is not a story id like S3 (afterview story list shows them)"
        )
        return ""
    return f"S{int(found[1])}"


def told_story(question: Question) -> str:
    """The story the question says was told for it (``S3``; empty when it names none)."""
    return str((question.model_extra or {}).get("story") or "")


def asked_by(question: Question) -> str:
    """Who asked ``question``, as the debrief says (empty when it does not)."""
    return str((question.model_extra or {}).get("asked_by") or "")


def is_empty(debrief: Debrief) -> bool:
    """Whether the debrief holds nothing at all."""
    return same(debrief, Debrief())


def same(first: Debrief, second: Debrief) -> bool:
    """Whether two debriefs hold the same questions, text and lists (unknown keys aside)."""
    return _fields(first) == _fields(second)


def _fields(debrief: Debrief) -> dict[str, object]:
    return debrief.model_dump(include=set(Debrief.model_fields))


def merged(new: Debrief, *, old: Debrief | None) -> Debrief:
    """``new``, keeping any unknown keys ``old`` had (written by a newer afterview or by hand)."""
    if old is None or not old.model_extra:
        return new
    return Debrief.model_validate({**old.model_extra, **_fields(new)})


def mark_problems(text: str, problems: Iterable[str]) -> str:
    """``text`` with the problems listed at the top (replacing an earlier list), line numbers adjusted."""
    text = strip_problems(text)
    problems = list(problems)
    shift = len(problems) + 2
    listed = [_shift_line(problem, shift) for problem in problems]
    return "\n".join([PROBLEMS_START, *(f"  - {p}" for p in listed), PROBLEMS_END, text])


def strip_problems(text: str) -> str:
    """``text`` without a problem list :func:`mark_problems` put at its top."""
    if not text.startswith(PROBLEMS_START):
        return text
    end = text.find(PROBLEMS_END)
    return text if end < 0 else text[end + len(PROBLEMS_END) :].removeprefix("\n")


def _shift_line(problem: str, shift: int) -> str:
    match = re.match(r"^line (\d+)", problem)
    return problem if match is None else f"line {int(match[1]) + shift}{problem[match.end() :]}"
