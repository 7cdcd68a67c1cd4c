"""``afterview prep``: the questions asked so far, grouped by meaning, weakest and most frequent first."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import Any

import pytest

from afterview.domain.prep import normalise, prep_questions
from afterview.models.enums import Rating
from afterview.models.records import Debrief, Interview, Question
from tests.helpers import Result, make_interview

UTC = dt.UTC


def interview(number: int, *questions: Question, company: str = "Acme", role: str = "Engineer") -> Interview:
    at = dt.datetime(2026, 11, number, 10, 0, tzinfo=UTC)
    return make_interview(
        id=number,
        company=company,
        role=role,
        at=at,
        debrief=Debrief(questions=list(questions)),
        created_at=at,
        updated_at=at,
    )


def q(text: str, rating: Rating | None = None, next_time: str = "") -> Question:
    return Question(question=text, rating=rating, next_time=next_time)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tell me about yourself", "tell me about yourself?"),
        ("Tell me about yourself", "  TELL me -- about   yourself!!"),
        ("Tell me about yourself", "Tell me a bit about yourself"),
        ("What is your greatest weakness?", "What are your greatest weaknesses?"),
        ("\uff37hy Acme?", "why acme"),  # a full-width W
    ],
)
def test_the_same_question_in_other_words_is_one(first: str, second: str) -> None:
    [group] = prep_questions([interview(1, q(first)), interview(2, q(second))])
    assert group.count == 2


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Why do you want to work here?", "Why do you want to leave?"),
        ("Tell me about a time you failed", "Tell me about a time you succeeded"),
        ("Why Rust?", "Why REST?"),
        ("Design a rate limiter", "Design a URL shortener"),
    ],
)
def test_different_questions_stay_apart(first: str, second: str) -> None:
    assert len(prep_questions([interview(1, q(first)), interview(2, q(second))])) == 2


def test_weakest_then_most_frequent_then_newest_first() -> None:
    groups = prep_questions(
        [
            interview(1, q("Strong one", Rating.STRONG), q("Often asked", Rating.OK), q("Unrated")),
            interview(2, q("Weak one", Rating.WEAK), q("Often asked"), q("Rarely asked", Rating.OK)),
            interview(3, q("Often asked", Rating.OK, next_time="Lead with the outage story.")),
        ]
    )
    assert [g.text for g in groups] == ["Weak one", "Often asked", "Rarely asked", "Unrated", "Strong one"]
    often = groups[1]
    assert (often.count, often.rating, often.next_time) == (3, Rating.OK, "Lead with the outage story.")


def test_the_latest_rating_and_wording_stand_for_the_group() -> None:
    [group] = prep_questions(
        [interview(1, q("Why us", Rating.WEAK, "Read their blog")), interview(2, q("Why us?", Rating.STRONG))]
    )
    assert (group.text, group.rating, group.next_time) == ("Why us?", Rating.STRONG, "Read their blog")


def test_company_and_role_filter_by_any_part_of_the_name() -> None:
    interviews = [
        interview(1, q("One"), company="Acme Corp", role="Staff Engineer"),
        interview(2, q("Two"), company="Globex", role="Staff Engineer"),
        interview(3, q("Three"), company="acme", role="Manager"),
    ]
    assert [g.text for g in prep_questions(interviews, company="ACME")] == ["Three", "One"]
    assert [g.text for g in prep_questions(interviews, company="acme", role="engineer")] == ["One"]
    assert prep_questions(interviews, company="Initech") == []


def test_normalise_folds_case_punctuation_spacing_and_unicode_forms() -> None:
    assert normalise("  Tell me — about\tYOURSELF?! ") == "tell me about yourself"
    assert normalise("\uff23afe\u0301") == normalise("caf\u00e9")  # full-width C, combining accent


def test_other_commands_do_not_import_the_debrief_parser_editor_or_fuzzy_matching() -> None:
    import subprocess

    modules = ("rapidfuzz", "afterview.domain.prep", "afterview.domain.debrief", "afterview.cli.editor")
    code = f"import afterview.cli.main, sys; print([m for m in {modules!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


MARKDOWN = """## Questions
### Question
{first}
#### Rating
{rating}
#### What I would say next time
{note}
### Question
Design a cache
#### Rating
strong
## What went well
## What to improve
## Topics for the thank-you note
## Questions I asked them
## Notes
"""


@pytest.fixture
def remembered(
    cli: Callable[..., Result], log: Callable[..., dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two debriefed interviews, each asked "tell me about yourself" in its own words."""
    import io

    for number, company, first, rating, note in (
        (1, "Acme", "Tell me about yourself", "weak", "Keep it to two minutes."),
        (2, "Globex", "tell me about yourself?", "ok", ""),
    ):
        log(company=company)
        text = MARKDOWN.format(first=first, rating=rating, note=note)
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        assert cli("remember", str(number), "--from", "-").code == 0


def test_prep_shows_a_question_asked_twice_once_and_weak_before_strong(
    cli: Callable[..., Result], remembered: None
) -> None:
    result = cli("prep")
    assert result.code == 0
    lines = result.out.splitlines()
    about = [line for line in lines if "about yourself" in line.casefold() and line.lstrip()[0].isdigit()]
    assert about == [" 1. tell me about yourself?  ok · asked 2 times"]
    assert lines.index(about[0]) < next(n for n, line in enumerate(lines) if "Design a cache" in line)
    assert "Next time: Keep it to two minutes." in result.out
    data = cli("prep", "--json").json()
    assert [(g["question"], g["count"], g["rating"]) for g in data] == [
        ("tell me about yourself?", 2, "ok"),
        ("Design a cache", 2, "strong"),
    ]
    assert [a["company"] for a in data[0]["asked"]] == ["Globex", "Acme"]
    assert data[0]["next_time"] == "Keep it to two minutes."


def test_prep_filters_by_company_and_role(cli: Callable[..., Result], remembered: None) -> None:
    data = cli("prep", "acme", "--json").json()
    assert [(g["question"], g["count"]) for g in data] == [
        ("Tell me about yourself", 1),
        ("Design a cache", 1),
    ]
    nothing = cli("prep", "Initech", "--role", "chef")
    assert nothing.code == 0
    assert "No questions recorded yet from interviews at 'Initech' for a role like 'chef'." in nothing.out


def test_prep_with_no_debriefs_says_how_to_start(cli: Callable[..., Result]) -> None:
    result = cli("prep")
    assert result.code == 0
    assert "No debriefs yet" in result.out
    assert "afterview remember ID" in result.out
    assert cli("prep", "--json").json() == []
