"""How a debrief looks in ``show``, and what ``remember`` says after saving one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from afterview.domain.debrief import SECTIONS
from afterview.domain.phrasing import plural
from afterview.models.enums import Rating
from afterview.models.records import Debrief
from afterview.render.console import line, literal, note, out, say, warn

if TYPE_CHECKING:
    from afterview.actions.debriefs import DebriefSaved

_RATING_STYLE = {Rating.STRONG: "green", Rating.OK: "yellow", Rating.WEAK: "red"}


def debrief(value: Debrief) -> None:
    """The debrief, section by section, as plain readable text (user text is never read as markup)."""
    line(("Debrief:", "bold"))
    if value.questions:
        line((f"  {SECTIONS['questions']}:", "bold"))
    for number, question in enumerate(value.questions, start=1):
        rating = (
            ()
            if question.rating is None
            else ((f"  [{question.rating.value}]", _RATING_STYLE[question.rating]),)
        )
        line(f"    {number}. ", _indent(question.question, 7), *rating)
        for label, text in (("Answer", question.answer), ("Next time", question.next_time)):
            if text:
                line(("       " + label + ": ", "dim"), _indent(text, 7))
    for key in ("went_well", "to_improve", "thank_you_topics", "my_questions", "notes"):
        content = getattr(value, key)
        if not content:
            continue
        if isinstance(content, list):
            line((f"  {SECTIONS[key]}:", "bold"))
            for item in content:
                say(f"    - {item}")
        else:
            line((f"  {SECTIONS[key]}: ", "bold"), _indent(content, 4))


def _indent(text: str, width: int) -> str:
    return text.replace("\n", "\n" + " " * width)


def summary(value: Debrief) -> str:
    """``3 questions (1 strong, 1 ok, 1 weak), 2 topics for the thank-you note``."""
    count = len(value.questions)
    ratings = [q.rating for q in value.questions if q.rating is not None]
    by_rating = ", ".join(f"{ratings.count(r)} {r.value}" for r in Rating if r in ratings)
    parts = [plural(count, "question") + (f" ({by_rating})" if by_rating else "")]
    topics = len(value.thank_you_topics)
    if topics:
        parts.append(f"{plural(topics, 'topic')} for the thank-you note")
    return ", ".join(parts)


def saved(result: DebriefSaved) -> None:
    """What ``remember`` says once the debrief is stored (or that it was the same, and nothing was saved)."""
    from rich.text import Text

    interview = result.interview
    if not result.changed:
        say(f"Nothing changed in interview {interview.id}'s debrief, so nothing was saved.")
        return
    assert interview.debrief is not None
    console = out()
    console.print(
        Text.assemble(
            (f"Saved the debrief of interview {interview.id}", "bold green"),
            literal(f" ({interview.company} · {interview.role}): {summary(interview.debrief)}."),
        )
    )
    for step in result.done:
        console.print(literal(f"Done {step.id}: {step.title}"))
    if result.other is not None:
        other = result.other
        warn(
            "Another afterview changed this debrief while you were writing. Yours is saved; the other "
            f"version is kept in {other} "
            f"(to use it instead: afterview remember {interview.id} --from {other})."
        )
    for number in result.keep_as_story:
        note(
            f"Question {number} went well and names no story: keep it as one with "
            f"afterview story add --answer {interview.id}:{number}"
        )
    if interview.interviewers:
        note(f"Next: thank them with afterview draft-thanks {interview.id}")
