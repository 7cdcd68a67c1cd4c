"""The first run's set-up (``afterview`` alone, with no interviews yet): the profile fields drafts and
business days need, answered at the prompts and saved in one write."""

from __future__ import annotations

from collections.abc import Mapping

from afterview.actions.settings import ProfileSet, set_profile


def set_up_profile(*, answers: Mapping[str, str | None]) -> ProfileSet | None:
    """Save the profile fields answered (``name``, ``email``, ``signature``, ``country``, ``timezone``:
    already read by the field rules; ``None`` for one skipped) in one transaction; ``None``, saving nothing,
    when every one was skipped."""
    changes = {key: value for key, value in answers.items() if value is not None}
    if not changes:
        return None
    return set_profile(changes)
