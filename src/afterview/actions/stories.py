"""The story bank (``afterview story``): adding, listing, showing, editing and removing stories, each
change in one transaction; a story's uses are read from the debriefs that name it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from afterview.actions import session
from afterview.actions.changes import changing
from afterview.actions.index import current
from afterview.actions.lookup import find
from afterview.domain import story_bank
from afterview.domain.story_markdown import to_markdown
from afterview.errors import UserError
from afterview.formats.story_contract import story_json
from afterview.models.document import Document
from afterview.models.stories import Story
from afterview.store.storefile import Unchanged


@dataclass(frozen=True)
class StoryChanged:
    """A story added, edited or removed (``verb``), as it is now (for ``removed``: as it was).

    ``linked`` names the question (interview id, number) an answer's story was linked to; ``other`` where
    another afterview's version was kept (an edit that crossed another); ``told`` how many times the
    debriefs name a removed story (they keep naming it).
    """

    verb: str
    story: Story
    now: dt.datetime
    linked: tuple[int, int] | None = None
    other: Path | None = None
    told: int = 0
    fields: list[str] = field(default_factory=list)

    def to_json(self) -> Any:
        """The story object (docs/json.md)."""
        return story_json(self.story)


def find_story(document: Document, named: str | int) -> Story:
    """The story ``named`` (``S3``, ``3``), or a clear error."""
    text = str(named).strip()
    digits = text[1:] if text[:1] in ("S", "s") else text
    number = int(digits) if digits.isascii() and digits.isdigit() and int(digits) > 0 else None
    if number is None:
        raise UserError(
            f"{named!r} is not a story id (S3).", hint="See your stories with: afterview story list"
        )
    story = document.story(number)
    if story is None:
        raise UserError(f"There is no story S{number}.", hint="See your stories with: afterview story list")
    return story


def answer_draft(*, interview_id: int, question: int) -> dict[str, object]:
    """A new story's fields started from question ``question`` (1-based) of interview ``interview_id``'s
    debrief: its text as the title, the answer as the start (UserError when there is no such answer)."""
    document = session.open_store().read(open_only=True)
    return story_bank.draft_from_answer(_question(document, interview_id, question))


def _question(document: Document, interview_id: int, number: int) -> Any:
    interview = find(document, interview_id)
    questions = interview.debrief.questions if interview.debrief else []
    if not 1 <= number <= len(questions):
        raise UserError(
            f"Interview {interview_id}'s debrief has no question {number}.",
            hint=f"See its questions with: afterview show {interview_id}",
        )
    return questions[number - 1]


def add_story(fields: Mapping[str, object], *, answer: tuple[int, int] | None = None) -> StoryChanged:
    """Add a story made of ``fields`` (text already read by the field rules); with ``answer`` (interview
    id, question number), that question of the debrief names it as the story told."""
    with changing() as change:
        document, now = change.document, change.now
        try:
            story = document.add_story(fields, now=now)
        except ValidationError as error:
            raise UserError(f"That story is not valid: {error.errors()[0]['msg']}.") from None
        if answer is not None:
            _link(document, story, answer, now=now)
    return StoryChanged("added", story, now, linked=answer)


def _link(document: Document, story: Story, answer: tuple[int, int], *, now: dt.datetime) -> None:
    """Name ``story`` as the one told for the question ``answer`` points to."""
    interview_id, number = answer
    interview = find(document, interview_id)
    _question(document, interview_id, number)
    assert interview.debrief is not None
    questions = [q.model_copy() for q in interview.debrief.questions]
    questions[number - 1] = questions[number - 1].model_copy(update={"story": story.label})
    debrief = interview.debrief.model_copy(update={"questions": questions})
    document.put(interview.model_copy(update={"debrief": debrief, "updated_at": now}))


@dataclass(frozen=True)
class StoriesListed:
    """``story list``: the stories (with ``tag`` when one was asked for), each with where it was told."""

    stories: list[Story]
    uses: dict[int, list[story_bank.Use]]
    tag: str | None
    total: int

    def to_json(self) -> Any:
        """An array of story objects, each with its ``uses``."""
        return [story_json(story, self.uses.get(story.id, [])) for story in self.stories]


def list_stories(*, tag: str | None = None) -> StoriesListed:
    """Every story in id order, or those tagged ``tag`` (ignoring case)."""
    document = current()
    stories = [s for s in document.stories if tag is None or story_bank.has_tag(s, tag)]
    return StoriesListed(stories, _uses(document), tag=tag, total=len(document.stories))


def _uses(document: Document) -> dict[int, list[story_bank.Use]]:
    by_story: dict[int, list[story_bank.Use]] = {}
    interviews = document.interviews
    for use in story_bank.uses(interviews, story_bank.round_numbers(interviews)):
        by_story.setdefault(use.story_id, []).append(use)
    return by_story


@dataclass(frozen=True)
class StoryShown:
    """``story show``: the story and every time it was told, earliest first."""

    story: Story
    uses: list[story_bank.Use]
    tz: dt.tzinfo

    def to_json(self) -> Any:
        """The story object with its ``uses`` array."""
        return story_json(self.story, self.uses)


def show_story(named: str) -> StoryShown:
    """The story ``named`` (``S3``) and where it was told."""
    document = current()
    story = find_story(document, named)
    return StoryShown(story, _uses(document).get(story.id, []), tz=session.user_tz(document.profile))


def story_markdown(named: str) -> tuple[Story, str]:
    """The story ``named`` as read now, and its Markdown for the editor."""
    document = session.open_store().read(open_only=True)
    story = find_story(document, named)
    return story, to_markdown(story, label=f"{story.label} {story.title}")


def save_story(
    *, before: Story, fields: Mapping[str, object], keep_other: Callable[[bytes], Path]
) -> StoryChanged:
    """Save ``fields`` over the story ``before`` was read as. When the stored one changed meanwhile
    (another afterview), its Markdown goes to ``keep_other``, which keeps it in a file; the same story
    again saves nothing."""
    verb, kept, changed = "edited", None, []
    with changing() as change:
        document, now = change.document, change.now
        stored = document.story(before.id)
        if stored is None:
            raise UserError(f"Story {before.label} was removed while you were editing; nothing was saved.")
        update = {key: fields[key] for key in fields if key in Story.model_fields}
        try:
            edited = Story.model_validate({**stored.model_dump(), **update, "updated_at": now})
        except ValidationError as error:
            raise UserError(f"That story is not valid: {error.errors()[0]['msg']}.") from None
        changed = [key for key in update if getattr(stored, key) != getattr(edited, key)]
        if not changed:
            verb, edited = "unchanged", stored
            raise Unchanged
        kept = None
        if stored != before:
            kept = keep_other(to_markdown(stored, label=f"{stored.label} {stored.title}").encode("utf-8"))
        document.put_story(edited)
    return StoryChanged(verb, edited, now, other=kept, fields=changed)


def remove_story(named: str) -> StoryChanged:
    """Remove the story ``named``; debriefs that name it keep naming it (its id is never given again)."""
    with changing(open_only=False) as change:
        document = change.document
        story = find_story(document, named)
        document.remove_story(story)
        told = len(_uses(document).get(story.id, []))
    return StoryChanged("removed", story, change.now, told=told)
