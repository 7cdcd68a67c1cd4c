"""Bugs found by using afterview as a user would: the debrief a person edits."""

from __future__ import annotations

import datetime as dt

import pytest

from afterview.domain.debrief import DebriefError, parse, to_markdown
from afterview.models import Interview

UTC = dt.timezone.utc


def test_a_question_written_as_its_own_heading_says_how_to_write_it() -> None:
    at = dt.datetime(2026, 11, 27, 10, tzinfo=UTC)
    item = Interview(id=1, company="Acme", role="SRE", at=at, created_at=at, updated_at=at)
    text = to_markdown(None, item, tz=UTC).replace("### Question 1", "### Tell me about a failure", 1)
    with pytest.raises(DebriefError) as caught:
        parse(text)
    first = caught.value.problems[0]
    assert "unexpected heading '### Tell me about a failure'" in first
    assert "'### Question: Tell me about a failure'" in first
    assert "backslash" not in first  # the person meant a question, not text
