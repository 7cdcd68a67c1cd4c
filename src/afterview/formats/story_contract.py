"""The JSON of the story bank for scripts (``story ... --json``, the ``stories`` of ``prep --json``;
documented in docs/json.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from afterview.domain.story_bank import ToldFor, Use
from afterview.models.stories import Story


def story_json(story: Story, uses: Iterable[Use] | None = None) -> dict[str, Any]:
    """A story as stored, its id as a person types it (``"S3"``); with ``uses``, where it was told."""
    value: dict[str, Any] = {
        "id": story.label,
        "title": story.title,
        "situation": story.situation,
        "task": story.task,
        "action": story.action,
        "result": story.result,
        "differently": story.differently,
        "tags": list(story.tags),
        "created_at": story.created_at.isoformat(),
        "updated_at": story.updated_at.isoformat(),
    }
    if uses is not None:
        value["uses"] = [use_json(use) for use in uses]
    return value


def use_json(use: Use) -> dict[str, Any]:
    """One time a story was told: ``{interview_id, company, round, at, question, asked_by, told_to,
    rating}`` (``asked_by`` null when the debrief does not say; ``told_to`` then the round's interviewers)."""
    return {
        "interview_id": use.interview_id,
        "company": use.company,
        "round": use.round,
        "at": use.at.isoformat(),
        "question": use.question,
        "asked_by": use.asked_by or None,
        "told_to": list(use.listeners),
        "rating": use.rating.value if use.rating else None,
    }


def told_for_json(told: ToldFor) -> dict[str, Any]:
    """A story told for a question of ``prep``: ``{id, title, rating, told_to}`` (``title`` null for a
    story removed from the bank)."""
    return {
        "id": f"S{told.story_id}",
        "title": told.title,
        "rating": told.rating.value if told.rating else None,
        "told_to": list(told.told_to),
    }
