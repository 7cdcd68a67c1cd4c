"""How the story bank looks: ``story`` commands, and the stories ``prep`` shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from afterview.actions.stories import StoriesListed, StoryChanged, StoryShown
from afterview.domain.phrasing import plural
from afterview.domain.story_bank import Briefing, ToldFor, Use, by_tag
from afterview.domain.story_markdown import SECTIONS, TEXT_KEYS
from afterview.models.stories import Story
from afterview.render.console import literal, note, out, say, warn
from afterview.render.literal import visible

_RATING_STYLE = {"strong": "green", "ok": "yellow", "weak": "bold red"}


def story_changed(result: StoryChanged) -> None:
    """``Added story S3: title`` (or edited, removed, unchanged), and what else the change did."""
    story = result.story
    if result.verb == "unchanged":
        say(f"Nothing changed in story {story.label}, so nothing was saved.")
        return
    say(f"{result.verb.capitalize()} story {story.label}: {story.title}")
    if result.fields:
        say("Changed: " + ", ".join(SECTIONS[key].lower() for key in result.fields))
    if result.linked is not None:
        interview_id, number = result.linked
        say(f"Question {number} of interview {interview_id} names it as the story you told.")
    if result.verb == "removed" and result.told:
        note(
            f"{plural(result.told, 'debrief question')} still name {story.label}; its id is not given again."
        )
    if result.verb == "added":
        note(f"When you tell it, name it under #### Story in the debrief: {story.label}")


def other_version_kept(result: StoryChanged) -> None:
    """On stderr (so also with ``--json``): where another afterview's version of the story was kept."""
    if result.other is not None:
        warn(
            "Another afterview changed this story while you were writing. Yours is saved; the other "
            f"version is kept in {result.other} (to use it instead: afterview story edit "
            f"{result.story.label} --from {result.other})."
        )


def stories_list(result: StoriesListed) -> None:
    """The ``story list`` table: id, title, tags, and how often and how it was told."""
    if not result.stories:
        if result.total:
            say(f"No story is tagged {result.tag!r}; afterview story list shows them all.")
        else:
            say("No stories yet. Keep one with: afterview story add")
        return
    from rich.table import Table

    table = Table(box=None, padding=(0, 2), header_style="bold")
    for column in ("ID", "Title", "Tags", "Told"):
        table.add_column(column, no_wrap=column == "ID")
    for story in result.stories:
        uses = result.uses.get(story.id, [])
        table.add_row(
            story.label, literal(story.title), literal(", ".join(story.tags)), literal(_told_summary(uses))
        )
    out().print(table)


def _told_summary(uses: Sequence[Use]) -> str:
    if not uses:
        return "not yet"
    latest = uses[-1]
    rating = f", {latest.rating.value}" if latest.rating else ""
    return f"{plural(len(uses), 'time')} (last at {latest.company}{rating})"


def story_shown(result: StoryShown) -> None:
    """The story, section by section, then every time it was told."""
    from rich.text import Text

    story, console = result.story, out()
    console.print(Text.assemble((f"{story.label} ", "bold"), (visible(story.title), "bold")))
    if story.tags:
        console.print(literal("Tags: " + ", ".join(story.tags), style="dim"))
    for key in TEXT_KEYS:
        text = getattr(story, key)
        if text:
            console.print(Text(f"{SECTIONS[key]}:", style="bold"))
            console.print(literal("  " + text.replace("\n", "\n  ")))
    if not result.uses:
        console.print(Text("Not told yet.", style="dim"))
        return
    console.print(Text("Told:", style="bold"))
    for use in result.uses:
        line = Text("  ")
        line.append(literal(_use_line(use, tz=result.tz)))
        if use.rating is not None:
            line.append(f"  {use.rating.value}", style=_RATING_STYLE[use.rating.value])
        console.print(line)


def _use_line(use: Use, *, tz: dt.tzinfo) -> str:
    to = f" to {', '.join(use.listeners)}" if use.listeners else ""
    question = " ".join(use.question.split())
    return (
        f"{use.at.astimezone(tz):%d %b %Y} at {use.company}, round {use.round} (#{use.interview_id}){to}: "
        f"{question}"
    )


def told_for_lines(told: Sequence[ToldFor], *, weak: bool) -> None:
    """Under a question of ``prep``: the stories told for it and how they went; ``no story yet`` for a weak
    one with none."""
    from rich.text import Text

    console = out()
    if not told and weak:
        console.print(Text("    No story yet: afterview story add", style="dim"))
    for item in told:
        line = Text("    Story: ", style="bold")
        line.append(
            visible(f"S{item.story_id} {item.title}" if item.title else f"S{item.story_id} (removed)")
        )
        if item.rating is not None:
            line.append(f"  {item.rating.value}", style=_RATING_STYLE[item.rating.value])
        if item.told_to:
            line.append(visible(f" · told to {', '.join(item.told_to)}"), style="dim")
        console.print(line)


def story_briefing(briefing: Briefing, *, stories: Sequence[Story]) -> None:
    """For ``prep COMPANY``: the stories by tag, then each one already told there (loud when one of the next
    round's interviewers heard it)."""
    from rich.text import Text

    console = out()
    if not stories:
        note("No stories in your bank yet; keep the answers that work with: afterview story add")
        return
    interviewers, retold = briefing.interviewers, briefing.retold
    console.print()
    console.print(Text("Your stories, by tag:", style="bold"))
    for tag, tagged in by_tag(stories).items():
        console.print(literal(f"  {tag}: " + "; ".join(f"{s.label} {s.title}" for s in tagged)))
    for item in retold:
        use = item.use
        if item.same_people:
            warn(
                f"You told {_names(item.same_people)} the story S{item.story_id} ({item.title}) in round "
                f"{use.round} at {use.company} (#{use.interview_id}); {_they(item.same_people)} in your "
                "next round there."
            )
        else:
            heard = f" to {_names(use.listeners)}" if use.listeners else ""
            note(
                f"You told the story S{item.story_id} ({item.title}){heard} in round {use.round} at "
                f"{use.company} (#{use.interview_id})."
            )
    if interviewers and not any(item.same_people for item in retold):
        note(f"None of your stories was told to {_names(interviewers)} yet.")


def _they(names: Sequence[str]) -> str:
    return "they are" if len(names) > 1 else f"{names[0]} is"


def _names(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
