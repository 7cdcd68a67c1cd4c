"""How ``prep`` shows the questions to prepare, for people and for scripts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from afterview.domain.briefing import Brief
from afterview.domain.prep import PrepQuestion
from afterview.domain.story_bank import told_for
from afterview.models.enums import Rating
from afterview.models.stories import Story
from afterview.render.console import literal, note, out

if TYPE_CHECKING:
    from afterview.actions.reading import PrepShown
from afterview.render.literal import visible

_RATING_STYLE = {"strong": "green", "ok": "yellow", "weak": "bold red", "unrated": "dim"}


def prep_shown(shown: PrepShown, *, company: str | None, role: str | None) -> None:
    """``prep``: the next interview at the company and its feedback (when one is named), then the
    questions; before a first round there, your weakest questions anywhere instead of none."""
    if shown.brief is not None:
        brief_view(shown.brief, tz=shown.tz)
    if not shown.questions and shown.brief is not None and shown.brief.interview is not None:
        if shown.weakest:
            out().print(literal(f"No questions recorded at {company!r} yet. Your weakest questions so far:"))
            _questions(shown.weakest, tz=shown.tz)
        else:
            note("No debriefs yet: after this interview, write one with: afterview remember ID")
        return
    prep_list(
        shown.questions,
        debriefs=shown.debriefs,
        company=company,
        role=role,
        tz=shown.tz,
        stories=shown.stories,
    )
    if shown.briefing is not None:
        from afterview.render.stories import story_briefing

        story_briefing(shown.briefing, stories=shown.stories)


def when_line(at: dt.datetime, *, tz: dt.tzinfo, zone: str | None) -> str:
    """When an interview is, in your time, and in its own zone when that reads differently."""
    mine = at.astimezone(tz)
    line = f"{mine:%a %d %b %Y, %H:%M} your time"
    if zone:
        from zoneinfo import ZoneInfo

        try:
            theirs = at.astimezone(ZoneInfo(zone))
        except (ValueError, KeyError, OSError):
            return line
        if theirs.utcoffset() != mine.utcoffset():
            same_day = theirs.date() == mine.date()
            line += f" ({theirs:%H:%M}" if same_day else f" ({theirs:%a %d %b, %H:%M}"
            line += f" in {zone})"
    return line


def brief_view(brief: Brief, *, tz: dt.tzinfo) -> None:
    """The next interview: when, where, with whom (and whom you met before), and the feedback given."""
    from rich.text import Text

    console = out()
    interview = brief.interview
    if interview is not None:
        console.print(
            Text.assemble(
                ("Next interview: ", "bold"),
                literal(f"{interview.company} · {interview.role}, round {brief.round_number}"),
                literal(f" ({interview.stage.value}, {interview.format.value}; interview {interview.id})"),
            )
        )
        console.print(literal(f"  When: {when_line(interview.at, tz=tz, zone=interview.timezone)}"))
        if interview.location:
            console.print(literal(f"  Where: {interview.location}"))
        met = {m.person.name: m for m in brief.met}
        for person in interview.interviewers:
            title = f", {person.title}" if person.title else ""
            before = met.get(person.name)
            seen = ""
            if before is not None:
                rounds = ", ".join(f"{i.at.astimezone(tz):%d %b} (#{i.id})" for i in before.rounds)
                seen = f" · you met them before: {rounds}"
            console.print(literal(f"  With: {person.name}{title}{seen}"))
        if not interview.interviewers:
            console.print(
                literal(
                    f'  With: not known yet (add them: afterview interviewer {interview.id} "Name <email>")'
                )
            )
    for process, feedback in brief.feedback:
        console.print(
            Text.assemble(("Feedback ", "bold"), literal(f"from {process.company} (P{process.id}):"))
        )
        console.print(literal("  " + feedback.replace("\n", "\n  ")))
    if interview is not None or brief.feedback:
        console.print()


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
    _questions(questions, tz=tz, stories=stories)


def _questions(questions: Sequence[PrepQuestion], *, tz: dt.tzinfo, stories: Sequence[Story] = ()) -> None:
    """The questions, numbered, each with its rating, how often, your note and where it was asked."""
    from rich.text import Text

    console = out()
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
