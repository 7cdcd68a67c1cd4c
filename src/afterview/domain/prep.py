"""What to prepare before the next interview: the questions asked so far, grouped and ordered (pure).

The same question asked in different words is one group: texts are compared after normalising (case,
punctuation, spacing, Unicode forms), then by fuzzy similarity (rapidfuzz), so "Tell me about yourself" and
"tell me a bit about yourself?" count as one question asked twice. Groups come weakest first (by the latest
rating: weak, ok, unrated, strong), then most often asked, then most recently.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from afterview.models.enums import Rating
from afterview.models.records import Interview, Question

SIMILARITY = 87.0
"""How alike (0-100, rapidfuzz's ratio of the normalised texts) two wordings must be to count as one."""
FUZZY_MIN_LENGTH = 12
"""Shorter normalised texts must match exactly: "why rust" and "why rest" are different questions."""

_RANK = {Rating.WEAK: 0, Rating.OK: 1, None: 2, Rating.STRONG: 3}
_NOT_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Asked:
    """One time a question was asked: in which interview, and how it went."""

    interview_id: int
    company: str
    role: str
    at: dt.datetime
    question: Question


@dataclass(frozen=True)
class PrepQuestion:
    """A question as asked once or more, newest first."""

    asked: tuple[Asked, ...]

    @property
    def text(self) -> str:
        """The latest wording."""
        return self.asked[0].question.question

    @property
    def count(self) -> int:
        """How many times it was asked."""
        return len(self.asked)

    @property
    def rating(self) -> Rating | None:
        """How it went the last time it was rated."""
        return next((a.question.rating for a in self.asked if a.question.rating is not None), None)

    @property
    def next_time(self) -> str:
        """The latest note on what to say next time."""
        return next((a.question.next_time for a in self.asked if a.question.next_time), "")


def normalise(text: str) -> str:
    """``text`` folded for comparing: Unicode-normalised, case-folded, punctuation and spacing collapsed."""
    return _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def prep_questions(
    interviews: Iterable[Interview], *, company: str | None = None, role: str | None = None
) -> list[PrepQuestion]:
    """Every question asked in the interviews matching ``company`` and ``role`` (parts of the names,
    any case), grouped by meaning and ordered weakest, then most frequent, then most recent first."""
    asked = sorted(
        (
            Asked(interview.id, interview.company, interview.role, interview.at, question)
            for interview in interviews
            if interview.debrief is not None and _matches(interview, company=company, role=role)
            for question in interview.debrief.questions
            if question.question.strip()
        ),
        key=lambda a: (a.at, a.interview_id),
        reverse=True,
    )
    groups: dict[str, list[Asked]] = {}
    for item in asked:
        groups.setdefault(_group_key(normalise(item.question.question), groups), []).append(item)
    questions = [PrepQuestion(tuple(items)) for items in groups.values()]
    return sorted(questions, key=lambda q: (_RANK[q.rating], -q.count, -q.asked[0].at.timestamp()))


def _matches(interview: Interview, *, company: str | None, role: str | None) -> bool:
    return all(
        wanted is None or normalise(wanted) in normalise(value)
        for wanted, value in ((company, interview.company), (role, interview.role))
    )


def _group_key(key: str, groups: dict[str, list[Asked]]) -> str:
    """The existing group ``key`` belongs to, or ``key`` itself for a new one."""
    if key in groups or len(key) < FUZZY_MIN_LENGTH:
        return key
    from rapidfuzz import fuzz, process

    candidates = [existing for existing in groups if len(existing) >= FUZZY_MIN_LENGTH]
    best = process.extractOne(key, candidates, scorer=fuzz.ratio, score_cutoff=SIMILARITY)
    return key if best is None else str(best[0])
