"""A prepared story (situation, task, action, result) kept to tell again in later interviews."""

from __future__ import annotations

from typing import Annotated

from pydantic import AwareDatetime, Field

from afterview.models.fields import limit
from afterview.models.records import Model

Tag = Annotated[str, Field(min_length=1, max_length=limit("tag"), pattern=r"^[^\s,]+$")]
"""One tag: a single word (``conflict``, ``leadership``), kept as typed but compared ignoring case."""


class Story(Model):
    """One story of the story bank, ``S<id>`` to a person; a debrief's question names the one told
    (its ``story`` key, ``"S3"``)."""

    id: int = Field(ge=1)
    title: str = Field(min_length=1, max_length=limit("story_title"))
    situation: str = Field("", max_length=limit("situation"))
    task: str = Field("", max_length=limit("task"))
    action: str = Field("", max_length=limit("action"))
    result: str = Field("", max_length=limit("result"))
    differently: str = Field("", max_length=limit("differently"))
    """What you would do differently, looking back."""
    tags: list[Tag] = Field(default_factory=list)
    created_at: AwareDatetime
    updated_at: AwareDatetime

    @property
    def label(self) -> str:
        """How a person names it: ``S3``."""
        return f"S{self.id}"
