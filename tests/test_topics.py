"""Which debrief topic each interviewer's note mentions."""

from __future__ import annotations

from afterview.domain.topics import Topic, is_named, parse_topic, topic_for
from afterview.models.records import Debrief, Person

PRIYA = Person(name="Dr. Priya Raman")
JORG = Person(name="Prof. Dr. Jörg Schäfer")


def test_a_topic_says_with_whom_it_came_up() -> None:
    assert parse_topic("your move to event sourcing (with Priya)") == Topic(
        "your move to event sourcing", ("Priya",)
    )
    assert parse_topic("your plans (with Priya and Jörg).").people == ("Priya", "Jörg")
    assert parse_topic("Ihr Umstieg (mit Priya, Jörg)").people == ("Priya", "Jörg")
    assert parse_topic("your plans for 2027 (the big one)") == Topic("your plans for 2027 (the big one)")
    assert parse_topic("your roadmap.") == Topic("your roadmap")


def test_names_in_a_debrief_find_the_interviewer_however_written() -> None:
    for written in ("Priya", "priya", "Raman", "Dr. Raman", "Priya Raman", "Dr. Priya Raman"):
        assert is_named(PRIYA, written), written
    assert is_named(JORG, "Jorg")
    assert not is_named(PRIYA, "Jörg")
    assert not is_named(PRIYA, " ")


def test_own_topic_else_shared_dealt_in_turn_else_none() -> None:
    debrief = Debrief(
        thank_you_topics=[
            "your move to event sourcing (with Priya)",
            "the team's on-call rota",
            "your hiring plans",
        ]
    )
    own = topic_for(PRIYA, debrief, position=0)
    assert own is not None
    assert own.text == "your move to event sourcing"
    shared = topic_for(JORG, debrief, position=1)
    assert shared is not None
    assert shared.text == "your hiring plans"
    only_theirs = Debrief(thank_you_topics=["your move to event sourcing (with Priya)"])
    assert topic_for(JORG, only_theirs) is None
    assert topic_for(JORG, None) is None
