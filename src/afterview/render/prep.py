"""How ``prep`` shows the questions to prepare, for people and for scripts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from afterview.domain.prep import PrepQuestion
from afterview.domain.story_bank import told_for
from afterview.models.enums import Rating
from afterview.models.stories import Story
from afterview.render.console import literal, note, out
from afterview.render.literal import visible

_RATING_STYLE = {"strong": "green", "ok": "yellow", "weak": "bold red", "unrated": "dim"}


def prep_list(
    questions: Sequence[PrepQuestion],
    *,
    debriefs: int,
    company: str | None,
    role: str | None,
    tz: dt.tzinfo,
    stories: Sequence[Story] = (),
) -> None:
    """The questions, numbered, each with how it went, how often, your note and where it was asked."""
    from rich.text import Text

    console = out()
    if not questions:
        if debriefs == 0:
            console.print("No debriefs yet. Right after an interview, write one with: afterview remember ID")
        else:
            which = " ".join(
                part
                for part in (
                    f"at {company!r}" if company else None,
                    f"for a role like {role!r}" if role else None,
                )
                if part
            )
            console.print(literal(f"No questions recorded yet from interviews {which or 'with a debrief'}."))
            note(
                "Run afterview prep without a filter to see every question, or add one: afterview remember ID"
            )
        return
    console.print(Text("Questions you have been asked, weakest and most frequent first:", style="bold"))
    for number, question in enumerate(questions, start=1):
        rating = question.rating.value if question.rating else "unrated"
        line = Text(f"{number:>2}. ")
        line.append(visible(question.text.replace("\n", " ")))
        line.append("  ")
        line.append(rating, style=_RATING_STYLE[rating])
        line.append(
            f" · asked {question.count} times" if question.count > 1 else " · asked once", style="dim"
        )
        console.print(line)
        if question.next_time:
            console.print(
                Text.assemble(
                    ("    Next time: ", "bold"), visible(question.next_time).replace("\n", "\n    ")
                )
            )
        where = ", ".join(
            f"{a.company} {a.at.astimezone(tz):%d %b %Y} (#{a.interview_id})" for a in question.asked
        )
        console.print(literal(f"    Asked at {where}", style="dim"))
        _stories_told(question, stories)


def _stories_told(question: PrepQuestion, stories: Sequence[Story]) -> None:
    """The stories told for the question and how they went; ``no story yet`` for a weak one."""
    from afterview.render.stories import told_for_lines

    told_for_lines(told_for(question, stories), weak=question.rating is Rating.WEAK)
