"""``afterview story add|list|show|edit|rm``: the story bank, stories to tell again in later interviews.

``add`` and ``edit`` take a story's Markdown (:mod:`afterview.domain.story_markdown`) from the editor, or
from a file or stdin with ``--from``, with the recovery ``remember`` has: a file that does not read is
reopened with its problems marked (on a terminal) or kept in a recovery file whose path is printed, and
text that could not be saved is kept the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from afterview.actions import stories
from afterview.cli import editor, inputs
from afterview.cli.interviews import ChangedJson, Json
from afterview.domain.debrief import mark_problems
from afterview.domain.story_markdown import MAX_BYTES, TEXT_KEYS, StoryError, parse, to_markdown
from afterview.errors import AfterviewError, UserError
from afterview.render import console
from afterview.render.results import emit
from afterview.render.stories import other_version_kept, stories_list, story_changed, story_shown

app = typer.Typer(
    name="story",
    help="Your story bank: situation, task, action, result; where each was told and how it went.",
    no_args_is_help=True,
)

StoryId = Annotated[str, typer.Argument(metavar="STORY", help="The story's id, S3, as story list shows it.")]
From = Annotated[
    str | None,
    typer.Option("--from", metavar="FILE", help="Read the story's Markdown from FILE, or - for stdin."),
]
NoInput = Annotated[
    bool, typer.Option("--no-input", help="Never prompt: a file that does not read is kept, not reopened.")
]


@app.command("add")
def add(
    from_: From = None,
    answer: Annotated[
        str | None,
        typer.Option(
            "--answer",
            metavar="INTERVIEW:N",
            help="Start from your answer to question N of the interview's debrief (7:2), and name the "
            "story there as the one you told.",
        ),
    ] = None,
    no_input: NoInput = False,
    json_: ChangedJson = False,
) -> None:
    """Keep a story to tell again: title, tags, situation, task, action, result, what you would do
    differently.

    Opens $VISUAL or $EDITOR on a Markdown template; --from FILE (- for stdin) reads the same Markdown.

    Example: afterview story add, or afterview story add --answer 7:2
    """
    question = _answer(answer) if answer is not None else None
    start = stories.answer_draft(interview_id=question[0], question=question[1]) if question else None
    fields, text = _story_text(to_markdown(start), source=from_, name="story-new", no_input=no_input)
    try:
        result = stories.add_story(fields, answer=question)
    except AfterviewError as error:
        _keep(error, text, name="story-new")
        raise
    emit(result, json_=json_, human=story_changed)


def _answer(value: str) -> tuple[int, int]:
    interview, colon, number = value.partition(":")
    if not colon or not interview.strip().isdigit() or not number.strip().isdigit():
        raise typer.BadParameter("write the interview and the question's number: 7:2", param_hint="--answer")
    return int(interview), int(number)


@app.command("list")
def list_(
    tag: Annotated[str | None, typer.Option(help="Only stories with this tag (any case).")] = None,
    json_: Json = False,
) -> None:
    """List your stories: id, title, tags, and where they were told.

    Example: afterview story list --tag conflict
    """
    emit(stories.list_stories(tag=tag), json_=json_, human=stories_list)


@app.command("show")
def show(story: StoryId, json_: Json = False) -> None:
    """Show a story and every time you told it: where, to whom, how it went.

    Example: afterview story show S3
    """
    emit(stories.show_story(story), json_=json_, human=story_shown)


@app.command("edit")
def edit(story: StoryId, from_: From = None, no_input: NoInput = False, json_: ChangedJson = False) -> None:
    """Change a story in your editor ($VISUAL or $EDITOR), or from --from FILE (- for stdin).

    Example: afterview story edit S3
    """
    before, markdown = stories.story_markdown(story)
    name = f"story-{before.label}"
    fields, text = _story_text(markdown, source=from_, name=name, no_input=no_input)
    if text == markdown.encode("utf-8") and from_ is None:
        console.say(f"Nothing changed in story {before.label}, so nothing was saved.")
        return
    try:
        result = stories.save_story(
            before=before, fields=fields, keep_other=lambda other: editor.keep(other, name=f"{name}-other")
        )
    except AfterviewError as error:
        _keep(error, text, name=name)
        raise
    emit(result, json_=json_, human=story_changed)
    other_version_kept(result)


@app.command("rm")
def rm(story: StoryId, json_: ChangedJson = False) -> None:
    """Remove a story (a copy stays in the store's backups; debriefs that name it keep naming it).

    Example: afterview story rm S3
    """
    emit(stories.remove_story(story), json_=json_, human=story_changed)


def _story_text(
    markdown: str, *, source: str | None, name: str, no_input: bool
) -> tuple[dict[str, object], bytes]:
    """The story's fields, read by the field rules, and the bytes they came from."""
    if source is not None:
        data, kept = _read_source(source)
        try:
            return _fields(parse(_decode(data, where="stdin" if source == "-" else source))), data
        except UserError as error:
            if kept:
                error.hint = f"What you sent is kept in {editor.keep(data, name=name)}."
            else:
                error.hint = f"{source} is as it was; fix it and run this again. {error.hint or ''}".strip()
            raise
    interactive = inputs.interactive(no_input)
    command = editor.find_editor(interactive=interactive, instead="use --from FILE")
    text = markdown
    while True:
        data = editor.edit(text, editor=command, name=f"{name}.md")
        try:
            return _fields(parse(_decode(data, where="The file"))), data
        except UserError as error:
            problems = error.problems if isinstance(error, StoryError) else (error.message,)
            if interactive and editor.edit_again(error):
                text = mark_problems(data.decode("utf-8", "replace"), problems)
                continue
            path = editor.keep(data, name=name)
            error.hint = f"What you typed is kept in {path}. Fix it, then use --from {path}."
            raise


def _read_source(source: str) -> tuple[bytes, bool]:
    """The bytes of ``source`` (a file, or ``-`` for stdin), and whether they are kept when they do not
    read (stdin is: it cannot be read again)."""
    if source == "-":
        if sys.stdin is None:
            raise UserError("There is no stdin to read the story from.", hint="Use --from FILE instead.")
        if sys.stdin.isatty():
            console.note(
                "Reading the story's Markdown from the terminal; end it with Ctrl-D (Ctrl-Z on Windows)."
            )
        return sys.stdin.buffer.read(MAX_BYTES + 1), True
    try:
        with Path(source).expanduser().open("rb") as file:
            return file.read(MAX_BYTES + 1), False
    except OSError as error:
        raise UserError(f"Cannot read {source}: {error.strerror or error}.") from None


def _decode(data: bytes, *, where: str) -> str:
    if len(data) > MAX_BYTES:
        raise StoryError([f"{where} holds more than {MAX_BYTES // 1_000_000} MB; a story must be smaller"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StoryError([f"{where} holds bytes that are not UTF-8 (save the text as UTF-8)"]) from None
    if not text.strip():
        raise UserError(f"{where} is empty, so nothing was saved.")
    return text


def _fields(values: dict[str, object]) -> dict[str, object]:
    """The parsed story's text through the catalogue of fields (:func:`afterview.cli.inputs.field_text`)."""
    fields: dict[str, object] = {"title": inputs.field_text(str(values["title"]), "story_title")}
    for key in TEXT_KEYS:
        text = str(values.get(key) or "")
        fields[key] = inputs.field_text(text, key) if text.strip() else ""
    fields["tags"] = [inputs.field_text(str(tag), "tag") for tag in values.get("tags") or []]  # type: ignore[attr-defined]
    return fields


def _keep(error: AfterviewError, text: bytes, *, name: str) -> None:
    """Keep what was typed when it could not be saved, and say where in the error's hint."""
    kept = editor.keep(text, name=name)
    error.hint = f"{error.hint or ''} What you typed is kept in {kept}; use it with --from {kept}.".strip()
