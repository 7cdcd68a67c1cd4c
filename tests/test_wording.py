"""Counts in messages agree with their nouns."""

from __future__ import annotations

import pytest

from afterview.domain.phrasing import plural


@pytest.mark.parametrize(
    ("count", "noun", "expected"),
    [
        (0, "interview", "0 interviews"),
        (1, "interview", "1 interview"),
        (2, "interview", "2 interviews"),
        (1, "pending step", "1 pending step"),
        (3, "pending step", "3 pending steps"),
    ],
)
def test_plural_adds_an_s_unless_the_count_is_one(count: int, noun: str, expected: str) -> None:
    assert plural(count, noun) == expected


def test_plural_takes_an_irregular_plural() -> None:
    assert plural(2, "reply", "replies") == "2 replies"
    assert plural(1, "reply", "replies") == "1 reply"
