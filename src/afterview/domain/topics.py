"""Which topic from the debrief each interviewer's note mentions (pure).

Topics are written as they would read in a sentence to the interviewer (*your move to event sourcing*).
A topic that came up with some of the interviewers says so at its end: ``(with Priya)``,
``(with Priya and Jörg)``; the word may also be *mit*, *avec* or *con*. A note uses the person's own topic,
else a shared one (one without ``(with …)``; a panel's shared topics are dealt out in turn, so two notes do
not repeat each other when there are several), else none: there is no topic sentence then. The text of a
question they asked is never used as a topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from afterview.domain.greetings import first_name_of, full_name_of, parts_of
from afterview.domain.people import name_key
from afterview.domain.phrasing import one_line
from afterview.models.records import Debrief, Person

TOPIC_WORDS = 20
"""A topic is cut to this many words, so a thank-you note stays brief."""

_WITH = re.compile(r"^(?P<topic>.*?)\s*\(\s*(?:with|mit|avec|con)\s+(?P<names>[^()]+)\)\s*\.?$", re.I)
_SEPARATORS = re.compile(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.I)


@dataclass(frozen=True)
class Topic:
    """A thank-you topic and the names of those it came up with (none: it is shared)."""

    text: str
    people: tuple[str, ...] = ()


def parse_topic(item: str) -> Topic:
    """A debrief topic line as a :class:`Topic`: ``"your plan (with Priya)"`` is ``your plan``, Priya's."""
    line = one_line(item)
    match = _WITH.match(line)
    if match is None or not match["topic"].strip():
        return Topic(_words(line.rstrip(".")))
    names = tuple(n for n in _SEPARATORS.split(match["names"].strip()) if n)
    return Topic(_words(match["topic"].strip().rstrip(".")), names)


def topics(debrief: Debrief | None) -> list[Topic]:
    """The debrief's thank-you topics, parsed; none without a debrief."""
    if debrief is None:
        return []
    return [parse_topic(item) for item in debrief.thank_you_topics if one_line(item)]


def is_named(person: Person, name: str) -> bool:
    """Whether ``name`` (as typed in a debrief: "Priya", "Dr. Raman", "Priya Raman") means ``person``."""
    key = name_key(name)
    if not key:
        return False
    parts = parts_of(person)
    forms = (
        person.name,
        first_name_of(parts, person.name),
        full_name_of(parts, person.name),
        parts.family_name or "",
        f"{parts.honorific or ''} {parts.family_name or ''}",
    )
    return any(name_key(form) == key for form in forms)


def topic_for(person: Person, debrief: Debrief | None, *, position: int = 0) -> Topic | None:
    """The topic for ``person``'s note: their own, else a shared one (dealt by ``position``), else none."""
    every = topics(debrief)
    own = next((t for t in every if any(is_named(person, name) for name in t.people)), None)
    if own is not None:
        return own
    shared = [t for t in every if not t.people]
    return shared[position % len(shared)] if shared else None


def plain_topics(debrief: Debrief | None) -> list[str]:
    """Every topic's text, without who it came up with."""
    return [topic.text for topic in topics(debrief)]


def _words(text: str) -> str:
    words = text.split()
    return text if len(words) <= TOPIC_WORDS else " ".join(words[:TOPIC_WORDS]) + "…"


def debrief_texts(debrief: Debrief | None) -> list[tuple[str, str]]:
    """Text from the debrief a draft may quote, each with what it is: ``("topic", text)`` for every topic,
    ``("question", text)`` for every question asked and each of your own questions."""
    if debrief is None:
        return []
    texts = [("topic", text) for text in plain_topics(debrief)]
    texts += [("question", q.question) for q in debrief.questions if q.question.strip()]
    texts += [("question", q) for q in debrief.my_questions if q.strip()]
    return texts
