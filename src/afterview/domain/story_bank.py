"""The story bank's rules: where each story was told, to whom and how it went; which strong answers could
become stories; and what to watch before the next round at a company (pure: ``now`` is a parameter).

A debrief's question names the story told for it under its ``story`` key (``"S3"``), written under
``#### Story`` in the debrief (:mod:`afterview.domain.debrief`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from afterview.domain.debrief import asked_by
from afterview.domain.prep import PrepQuestion, normalise
from afterview.domain.story_markdown import story_id
from afterview.models.enums import Rating
from afterview.models.records import Debrief, Interview, Question
from afterview.models.stories import Story

UNTAGGED = "untagged"
"""The group of stories with no tag, in ``prep COMPANY``."""


def told(question: Question) -> int | None:
    """The id of the story ``question`` says was told for it (``None`` when it names none)."""
    value = (question.model_extra or {}).get("story")
    return story_id(value) if isinstance(value, str) else None


def named_stories(debrief: Debrief) -> list[int]:
    """The ids of the stories the debrief's questions name, in order, each once."""
    return list(dict.fromkeys(i for q in debrief.questions if (i := told(q)) is not None))


@dataclass(frozen=True)
class Use:
    """One time a story was told: in which interview (its ``round`` in the process, 1 the first), for
    which question, to whom (``listeners``: who asked, else the round's interviewers) and how it went."""

    story_id: int
    interview_id: int
    company: str
    round: int
    at: dt.datetime
    question: str
    asked_by: str
    listeners: tuple[str, ...]
    rating: Rating | None


def uses(interviews: Iterable[Interview], rounds: dict[int, int]) -> list[Use]:
    """Every time a debrief names a story, earliest first; ``rounds`` gives each interview's round number
    in its process (:func:`round_numbers`)."""
    found = []
    for interview in interviews:
        if interview.debrief is None:
            continue
        for question in interview.debrief.questions:
            number = told(question)
            if number is None:
                continue
            who = asked_by(question)
            listeners = (who,) if who else tuple(p.name for p in interview.interviewers)
            found.append(
                Use(
                    story_id=number,
                    interview_id=interview.id,
                    company=interview.company,
                    round=rounds.get(interview.id, 1),
                    at=interview.at,
                    question=question.question,
                    asked_by=who,
                    listeners=listeners,
                    rating=question.rating,
                )
            )
    return sorted(found, key=lambda use: (use.at, use.interview_id))


def round_numbers(interviews: Iterable[Interview]) -> dict[int, int]:
    """Each interview's round in its process (1 the earliest), by interview id."""
    by_process: dict[int, list[Interview]] = {}
    for interview in interviews:
        by_process.setdefault(interview.process_id, []).append(interview)
    numbers = {}
    for rounds in by_process.values():
        for number, interview in enumerate(sorted(rounds, key=lambda i: (i.at, i.id)), start=1):
            numbers[interview.id] = number
    return numbers


def unkept_strong_answers(debrief: Debrief) -> list[int]:
    """The numbers (1-based) of the questions answered well (rated strong, with an answer) that name no
    story: worth keeping as one (``afterview story add --answer``)."""
    return [
        number
        for number, question in enumerate(debrief.questions, start=1)
        if question.rating is Rating.STRONG and question.answer.strip() and told(question) is None
    ]


def draft_from_answer(question: Question) -> dict[str, object]:
    """A new story's fields started from an answer: the question as its title, the answer as its start."""
    title = " ".join(question.question.split())
    return {"title": title[:200], "situation": question.answer.strip()}


@dataclass(frozen=True)
class ToldFor:
    """A story told for a question of ``prep``: the latest rating and everyone it was told to there."""

    story_id: int
    title: str | None
    """``None`` when the story is no longer in the bank (removed)."""
    rating: Rating | None
    told_to: tuple[str, ...]


def told_for(question: PrepQuestion, stories: Sequence[Story]) -> list[ToldFor]:
    """The stories told for ``question`` (each time it was asked, newest first), one entry a story."""
    titles = {story.id: story.title for story in stories}
    found: dict[int, ToldFor] = {}
    for asked in question.asked:  # newest first: the first rating seen is the latest
        number = told(asked.question)
        if number is None:
            continue
        who = asked_by(asked.question)
        earlier = found.get(number)
        rating = earlier.rating if earlier is not None and earlier.rating else asked.question.rating
        names = (*(earlier.told_to if earlier else ()), *((who,) if who else ()))
        found[number] = ToldFor(number, titles.get(number), rating, tuple(dict.fromkeys(names)))
    return list(found.values())


def by_tag(stories: Iterable[Story]) -> dict[str, list[Story]]:
    """The stories under each tag (ignoring case, the first spelling seen), tags in alphabetical order,
    untagged ones last under :data:`UNTAGGED`."""
    groups: dict[str, tuple[str, list[Story]]] = {}
    untagged = []
    for story in sorted(stories, key=lambda s: s.id):
        if not story.tags:
            untagged.append(story)
        for tag in story.tags:
            groups.setdefault(tag.casefold(), (tag, []))[1].append(story)
    result = {groups[key][0]: groups[key][1] for key in sorted(groups)}
    if untagged:
        result[UNTAGGED] = untagged
    return result


def has_tag(story: Story, tag: str) -> bool:
    """Whether ``story`` carries ``tag`` (ignoring case and a leading ``#``)."""
    wanted = tag.lstrip("#").casefold()
    return any(own.casefold() == wanted for own in story.tags)


@dataclass(frozen=True)
class Retold:
    """A story already told at the company of the next round: when, to whom, and whether one of the next
    round's interviewers (``same_people``) heard it."""

    story_id: int
    title: str
    use: Use
    same_people: tuple[str, ...]


def already_told(
    stories: Sequence[Story], story_uses: Iterable[Use], *, company: str, interviewers: Iterable[str]
) -> list[Retold]:
    """The times a story of the bank was told at ``company`` (any part of its name, as ``prep`` matches),
    earliest first, each naming who among ``interviewers`` (the next round's) heard it."""
    titles = {story.id: story.title for story in stories}
    wanted = normalise(company)
    coming = list(interviewers)
    found = []
    for use in story_uses:
        if use.story_id not in titles or wanted not in normalise(use.company):
            continue
        same = tuple(name for name in coming if any(same_person(name, heard) for heard in use.listeners))
        found.append(Retold(use.story_id, titles[use.story_id], use, tuple(dict.fromkeys(same))))
    return found


def next_round(interviews: Iterable[Interview], *, company: str, now: dt.datetime) -> Interview | None:
    """The soonest round still ahead at ``company`` (any part of its name), if one is logged."""
    wanted = normalise(company)
    ahead = [i for i in interviews if i.at > now and wanted in normalise(i.company)]
    return min(ahead, key=lambda i: (i.at, i.id), default=None)


def same_person(first: str, second: str) -> bool:
    """Whether two names can be one person: the words of one (case and accents aside) are all in the
    other (``Anna`` and ``Anna Schmidt``)."""
    one, other = set(_folded(first).split()), set(_folded(second).split())
    return bool(one and other) and (one <= other or other <= one)


def _folded(name: str) -> str:
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", normalise(name))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@dataclass(frozen=True)
class Briefing:
    """Before the next round at a company: the round (``None`` when none is logged ahead), its
    interviewers, and the stories already told there (:func:`already_told`)."""

    company: str
    next_round: Interview | None
    interviewers: tuple[str, ...]
    retold: list[Retold]


def briefing(
    interviews: Sequence[Interview], stories: Sequence[Story], *, company: str, now: dt.datetime
) -> Briefing:
    """What the story bank says before the next round at ``company`` (any part of its name)."""
    coming = next_round(interviews, company=company, now=now)
    names = tuple(person.name for person in coming.interviewers) if coming else ()
    told = uses(interviews, round_numbers(interviews))
    return Briefing(company, coming, names, already_told(stories, told, company=company, interviewers=names))
