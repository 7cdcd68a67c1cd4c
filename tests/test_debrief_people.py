"""Who asked a question and with whom a topic came up, in the debrief's Markdown; 0.1 debriefs still load."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from afterview.domain.debrief import asked_by, parse, to_markdown
from afterview.models.records import Debrief, Interview
from afterview.store.codec import parse_document
from tests.helpers import make_interview

UTC = dt.UTC
AT = dt.datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
RELEASED = Path(__file__).with_name("fixtures") / "released" / "afterview-0.1.0.json"


def interview(debrief: Debrief | None = None) -> Interview:
    return make_interview(
        id=1, company="Acme", role="Engineer", at=AT, debrief=debrief, created_at=AT, updated_at=AT
    )


def test_asked_by_and_topics_with_people_round_trip() -> None:
    text = to_markdown(None, interview(), tz=UTC)
    assert "#### Asked by" in text
    assert "your move to event sourcing" in text  # the template shows how to write a topic
    filled = text.replace("### Question 1\n", "### Question 1\nHow would you shard it?\n", 1)
    filled = filled.replace("#### Asked by\n", "#### Asked by\nPriya\n", 1)
    filled = filled.replace(
        "## Topics for the thank-you note\n- ",
        "## Topics for the thank-you note\n- your roadmap (with Priya)",
    )
    debrief = parse(filled)
    (question,) = debrief.questions
    assert question.question == "How would you shard it?"
    assert asked_by(question) == "Priya"
    assert debrief.thank_you_topics == ["your roadmap (with Priya)"]
    assert parse(to_markdown(debrief, interview(debrief), tz=UTC)) == debrief
    assert "asked_by" in debrief.model_dump_json()


def test_the_inline_form_and_no_asker_keep_the_0_1_shape() -> None:
    text = "## Questions\n### Question: Why us?\n#### Asked by: Jörg\n" + "".join(
        f"## {h}\n" for h in ("What went well", "What to improve", "Topics for the thank-you note",
                              "Questions I asked them", "Notes")
    )  # fmt: skip
    (question,) = parse(text).questions
    assert asked_by(question) == "Jörg"
    plain = parse(text.replace("#### Asked by: Jörg\n", ""))
    assert plain.questions[0].model_extra == {}


def test_every_debrief_of_the_released_0_1_store_survives_markdown() -> None:
    document = parse_document(RELEASED.read_bytes())  # a schema-1 store, upgraded on the way in
    debriefs = [(i, i.debrief) for i in document.interviews if i.debrief is not None]
    assert debriefs
    for item, debrief in debriefs:
        assert parse(to_markdown(debrief, item, tz=UTC)) == debrief
