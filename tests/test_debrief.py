"""The debrief Markdown: the template, the parser, its problems, and the render/parse round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from afterview.domain.debrief import (
    DebriefError,
    is_empty,
    mark_problems,
    merged,
    parse,
    same,
    strip_problems,
    to_markdown,
)
from afterview.domain.text_rules import BIDI_CONTROLS
from afterview.models.enums import Rating
from afterview.models.records import Debrief, Interview, Person, Question
from tests.helpers import make_interview

UTC = dt.UTC
AT = dt.datetime(2026, 11, 27, 14, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def interview() -> Interview:
    return make_interview(
        id=7,
        company="Acme",
        role="Staff Engineer",
        at=AT,
        interviewers=[Person(name="Jane Doe", title="CTO"), Person(name="Bob")],
        created_at=AT,
        updated_at=AT,
    )


def template() -> str:
    return to_markdown(None, interview(), tz=UTC)


FILLED = Debrief(
    questions=[
        Question(question="Tell me about yourself", answer="Ten years of backend.", rating=Rating.STRONG),
        Question(
            question="Design a rate limiter", answer="Token bucket", rating=Rating.OK, next_time="Redis"
        ),
        Question(question="Why leave?", rating=Rating.WEAK, next_time="Talk about growth, not pay."),
    ],
    went_well="Rapport with Jane.",
    to_improve="Slow on the design question.\n\nPractise out loud.",
    thank_you_topics=["their migration to Rust", "the on-call rotation"],
    my_questions=["How is success measured?"],
    notes="Parking is behind the building.",
)


def test_template_names_the_interview_and_every_section() -> None:
    text = template()
    assert text.startswith("# Debrief: Acme · Staff Engineer\n")
    assert "Interview 7: Fri 27 Nov 2026, 13:00 (+0000)" in text
    assert "Interviewers: Jane Doe (CTO), Bob." in text
    for heading in ("## Questions", "## What went well", "## Topics for the thank-you note", "## Notes"):
        assert f"\n{heading}\n" in text
    assert text.count("\n### Question ") == 3


def test_the_empty_template_parses_to_an_empty_debrief() -> None:
    assert is_empty(parse(template()))


def test_a_filled_debrief_renders_and_parses_back() -> None:
    text = to_markdown(FILLED, interview(), tz=UTC)
    assert "### Question 4" in text  # one empty block, ready for another question
    assert parse(text) == FILLED


def test_hand_written_markdown_is_read_leniently() -> None:
    text = (
        "anything up here is ignored\n"
        "## questions\n"
        "### Question: Tell me about yourself\n"
        "#### Rating: Strong\n"
        "### Question 2\n"
        "Why us?\n"
        "#### My answer\n"
        "```python\n"
        "# a comment in code is not a heading\n"
        "```\n"
        "## Notes ##\r\n"
        "\ufeffemoji 🎉 and עברית\n"
        "## What went well\n## What to improve\n"
        "## Topics for the thank-you note\n* first\n2. second\nthird\n-\n"
        "## Questions I asked them\n"
    )
    debrief = parse(text)
    assert [(q.question, q.rating) for q in debrief.questions] == [
        ("Tell me about yourself", Rating.STRONG),
        ("Why us?", None),
    ]
    assert "# a comment in code" in debrief.questions[1].answer
    assert debrief.thank_you_topics == ["first", "second", "third"]
    assert "🎉" in debrief.notes
    assert "עברית" in debrief.notes


@pytest.mark.parametrize(
    ("broken", "problem"),
    [
        ("\nstrong\n", "rating 'meh' is not one of strong, ok, weak"),
        ("## Notes", "the heading ## Notes is missing"),
        ("## What went well", "## What went well appears twice"),
        ("#### My answer", "unexpected heading '## Surprise'"),
        ("### Question 1", "text under ## Questions must follow a ### Question heading"),
    ],
)
def test_broken_files_name_the_problem(broken: str, problem: str) -> None:
    text = to_markdown(FILLED, interview(), tz=UTC)
    replacement = {
        "\nstrong\n": "\nmeh\n",
        "## Notes": "",
        "## What went well": "## What went well\n\n## What went well",
        "#### My answer": "## Surprise",
        "### Question 1": "stray text",
    }[broken]
    with pytest.raises(DebriefError) as caught:
        parse(text.replace(broken, replacement, 1))
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_problems_carry_line_numbers_that_still_point_right_once_marked() -> None:
    text = to_markdown(FILLED, interview(), tz=UTC).replace("\nstrong\n", "\nmeh\n")
    with pytest.raises(DebriefError) as caught:
        parse(text)
    marked = mark_problems(text, caught.value.problems)
    line = int(marked.split("  - line ", 1)[1].split(":", 1)[0])
    assert marked.split("\n")[line - 1] == "meh"
    with pytest.raises(DebriefError):
        parse(marked)
    again = mark_problems(marked, ["line 3: another"])
    assert again.count("could not read this file") == 1
    assert strip_problems(again) == text


def test_a_question_needs_its_text() -> None:
    text = template().replace("#### My answer\n", "#### My answer\nI said things\n", 1)
    with pytest.raises(DebriefError, match="question 1 has no question text"):
        parse(text)


def test_control_characters_and_huge_fields_are_refused() -> None:
    with pytest.raises(DebriefError, match="control character"):
        parse(template().replace("## Notes\n", "## Notes\nbell \x07\n"))
    with pytest.raises(DebriefError, match=r"Notes is too long \(1,048,576 characters; at most 100,000\)"):
        parse(template().replace("## Notes\n", "## Notes\n" + "x" * 1_048_576 + "\n"))


def test_same_ignores_unknown_keys_and_merged_keeps_them() -> None:
    old = Debrief.model_validate({**FILLED.model_dump(), "mood": "tired"})
    assert same(old, FILLED)
    assert merged(FILLED, old=old).model_extra == {"mood": "tired"}
    assert merged(FILLED, old=None) is FILLED


# Text as afterview stores it: stripped, no control characters but newline and tab, no bidi controls.
_chars = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=sorted(BIDI_CONTROLS)) | (
    st.sampled_from(["\n", "\t", "#", "\\", "-", " "])
)
_lines = st.lists(
    st.sampled_from(["#", "## Notes", "### Question 2", "#### Rating", "\\#", "```", "- x", ""])
    | st.text(_chars),
    max_size=4,
).map("\n".join)
_text = (st.text(_chars, max_size=40) | _lines).map(str.strip)
_item = _text.map(lambda t: " ".join(t.split("\n")).strip()).filter(bool)
_question = st.builds(
    Question,
    question=_text.filter(bool),
    answer=_text,
    rating=st.none() | st.sampled_from(Rating),
    next_time=_text,
)
_debriefs = st.builds(
    Debrief,
    questions=st.lists(_question, max_size=4),
    went_well=_text,
    to_improve=_text,
    thank_you_topics=st.lists(_item, max_size=3),
    my_questions=st.lists(_item, max_size=3),
    notes=_text,
)


@settings(max_examples=300)
@given(_debriefs)
def test_any_debrief_renders_to_markdown_that_parses_back_to_it(debrief: Debrief) -> None:
    assert parse(to_markdown(debrief, interview(), tz=UTC)) == debrief


REST = "## What went well\n## What to improve\n## Topics for the thank-you note\n## Questions I asked them\n"


@pytest.mark.parametrize(
    ("markdown", "problem"),
    [
        (
            "## Questions\n### Question\nQ\n#### Rating\nok\n#### Rating\nok\n## Notes\n",
            "has #### Rating twice",
        ),
        ("## Questions\n## Notes\n### Question 2\n", "### Question blocks belong under ## Questions"),
        ("## Questions\n#### My answer\n## Notes\n", "#### parts belong inside a ### Question block"),
        ("## Questions\n### Question\nQ\n#### Ratings\n## Notes\n", "put a backslash before it"),
        (
            "## Questions\n## Notes\n" + REST.replace("note\n", "note\n- " + "x" * 2_001 + "\n"),
            "at most 2,000",
        ),
    ],
)
def test_misplaced_or_repeated_markdown_is_named(markdown: str, problem: str) -> None:
    with pytest.raises(DebriefError) as caught:
        parse(markdown + REST if "Topics" not in markdown else markdown)
    assert any(problem in p for p in caught.value.problems), caught.value.problems


def test_a_question_written_as_its_own_heading_says_how_to_write_it() -> None:
    at = dt.datetime(2026, 11, 27, 10, tzinfo=UTC)
    item = make_interview(id=1, company="Acme", role="SRE", at=at, created_at=at, updated_at=at)
    text = to_markdown(None, item, tz=UTC).replace("### Question 1", "### Tell me about a failure", 1)
    with pytest.raises(DebriefError) as caught:
        parse(text)
    first = caught.value.problems[0]
    assert "unexpected heading '### Tell me about a failure'" in first
    assert "'### Question: Tell me about a failure'" in first
    assert "backslash" not in first  # the person meant a question, not text
