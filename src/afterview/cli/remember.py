"""``afterview remember``: write down what you remember of an interview (a memory dump), in the editor, by
prompts, or from a file or stdin.

1. read the store (no lock is held from here until step 4) and render the debrief, or a template, as Markdown;
2. get the new text: from the editor (reopened with the problems marked while it does not read, when
   interactive), from prompts, or from ``--from``;
3. parse it; text that cannot be read or saved goes to a recovery file whose path is printed;
4. save it (:func:`afterview.actions.debriefs.save_debrief`: one transaction re-reads the interview, saves the
   debrief and marks the memory-dump step done); if another afterview changed this debrief meanwhile, that
   version goes to a recovery file, not away.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from afterview.actions import session
from afterview.actions.debriefs import save_debrief
from afterview.actions.lookup import find
from afterview.cli import editor, inputs
from afterview.cli.interviews import InterviewId
from afterview.domain.debrief import (
    MAX_BYTES,
    DebriefError,
    mark_problems,
    parse,
    same,
    to_markdown,
)
from afterview.domain.story_markdown import story_id
from afterview.errors import AfterviewError, UserError
from afterview.models.enums import Rating
from afterview.models.records import Debrief, Question
from afterview.render import console
from afterview.render.debrief import saved


def remember(
    interview_id: InterviewId,
    prompt: Annotated[
        bool, typer.Option("--prompt", help="Ask question by question in the terminal instead of an editor.")
    ] = False,
    from_: Annotated[
        str | None,
        typer.Option("--from", metavar="FILE", help="Read the debrief's Markdown from FILE, or - for stdin."),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option("--no-input", help="Never prompt: a file that does not read is kept, not reopened."),
    ] = False,
) -> None:
    """Write down what you remember of an interview: questions, answers, how they went.

    Opens $VISUAL or $EDITOR on a Markdown debrief, saved when you close the editor.

    --prompt asks in the terminal instead; --from FILE (- for stdin) reads the same Markdown.

    Example: afterview remember 7, or afterview remember 7 --from notes.md
    """
    if prompt and from_ is not None:
        raise typer.BadParameter("use either --prompt or --from, not both", param_hint="--prompt / --from")
    memory_dump(interview_id, prompt=prompt, source=from_, no_input=no_input)


def memory_dump(interview_id: int, *, prompt: bool, source: str | None, no_input: bool) -> None:
    """Get the interview's debrief from the editor, the prompts or ``source``, and save it."""
    interactive = inputs.interactive(no_input)
    document = session.open_store().read(open_only=True)
    interview = find(document, interview_id)
    before = interview.debrief
    text: bytes | None = None
    if source is not None:
        debrief, text = _from_source(source, interview_id=interview_id)
    elif prompt:
        if not interactive:
            raise UserError(
                "--prompt needs a terminal.", hint=f"Use: afterview remember {interview_id} --from -"
            )
        debrief = (before or Debrief()).model_copy(deep=True)
        tz = session.user_tz(document.profile)
        try:
            _ask(debrief, stories=[f"{s.label} {s.title}" for s in document.stories])
        except (typer.Abort, KeyboardInterrupt, EOFError):
            if not same(debrief, before or Debrief()):  # stopped part way: keep what was typed
                kept = editor.keep(
                    to_markdown(debrief, interview, tz=tz).encode("utf-8"), name=f"debrief-{interview_id}"
                )
                console.note(f"What you typed so far is kept in {kept}; finish it with --from {kept}")
            raise
        text = to_markdown(debrief, interview, tz=tz).encode("utf-8")
        debrief = _reread(text, interview_id=interview_id)
    else:
        markdown = to_markdown(before, interview, tz=session.user_tz(document.profile))
        debrief, text = _from_editor(markdown, interview_id=interview_id, interactive=interactive)
        if text == markdown.encode("utf-8"):
            console.say(f"Nothing changed in interview {interview_id}'s debrief, so nothing was saved.")
            return
    try:
        result = save_debrief(
            interview_id=interview_id,
            debrief=debrief,
            before=before,
            keep_other=lambda other: editor.keep(other, name=f"debrief-{interview_id}-other"),
        )
    except AfterviewError as error:
        if text is not None:
            kept = editor.keep(text, name=f"debrief-{interview_id}")
            error.hint = f"{error.hint or ''} What you typed is kept in {kept}.".strip()
        raise
    saved(result)
    if source is not None and source != "-":
        _tidy_recovery(Path(source), interview_id=interview_id)


def _tidy_recovery(source: Path, *, interview_id: int) -> None:
    """After ``--from`` a recovery copy of this interview's debrief saved, remove that copy (its text is in
    the store now) and say so; name any other copies of this debrief still kept there."""
    from afterview.store import paths

    folder = paths.data_dir() / editor.RECOVERY_DIR
    prefix = f"debrief-{interview_id}-"
    try:
        used = source.expanduser().resolve()
        if used.parent == folder.resolve() and used.name.startswith(prefix):
            used.unlink()
            console.note(f"Removed the recovery copy {used.name}: the debrief holds its text now.")
        others = sorted(folder.glob(f"{prefix}*")) if folder.is_dir() else []
    except OSError as error:
        console.note(f"The recovery copy {source} is still there: {error.strerror or error}.")
        return
    if others:
        console.note(f"Other copies of this debrief are still kept: {', '.join(str(p) for p in others)}")


def _reread(text: bytes, *, interview_id: int) -> Debrief:
    """The prompted debrief as the parser reads it back: the same checks and form as an edited file."""
    try:
        return parse(text.decode("utf-8"))
    except DebriefError as error:
        path = editor.keep(text, name=f"debrief-{interview_id}")
        error.hint = (
            f"What you typed is kept in {path} (the lines above are its lines); fix it, then use --from."
        )
        raise


def _from_source(source: str, *, interview_id: int) -> tuple[Debrief, bytes | None]:
    """The debrief in a file or on stdin; text from stdin is kept in a recovery file if it does not read."""
    if source == "-":
        if sys.stdin is None:
            raise UserError("There is no stdin to read the debrief from.", hint="Use --from FILE instead.")
        if sys.stdin.isatty():
            console.note(
                "Reading the debrief's Markdown from the terminal; end it with Ctrl-D (Ctrl-Z on Windows)."
            )
        data, where, kept = sys.stdin.buffer.read(MAX_BYTES + 1), "stdin", True
    else:
        try:
            with Path(source).expanduser().open("rb") as file:
                data, where, kept = file.read(MAX_BYTES + 1), source, False
        except OSError as error:
            raise UserError(f"Cannot read {source}: {error.strerror or error}.") from None
    try:
        return parse(_decode(data, where=where)), data if kept else None
    except DebriefError as error:
        if kept:
            error.hint = f"What you sent is kept in {editor.keep(data, name=f'debrief-{interview_id}')}."
        else:
            error.hint = f"{source} is as it was; fix it and run this again. {error.hint}"
        raise


def _decode(data: bytes, *, where: str) -> str:
    """The text of ``data``; too large, not UTF-8 or empty is a clear error."""
    if len(data) > MAX_BYTES:
        raise DebriefError(
            [f"{where} holds more than {MAX_BYTES // 1_000_000} MB; a debrief must be smaller"]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data[: error.start]
        line = start.count(b"\n") + 1
        column = len(start[start.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise DebriefError(
            [f"line {line} column {column}: bytes that are not UTF-8 (save the text as UTF-8)"]
        ) from None
    if not text.strip():
        raise UserError(f"{where} is empty, so nothing was saved.")
    return text


def _from_editor(markdown: str, *, interview_id: int, interactive: bool) -> tuple[Debrief, bytes]:
    """Edit until the file reads; if the user gives up, its text goes to a recovery file."""
    command = editor.find_editor(interactive=interactive, instead="use --prompt, or --from FILE")
    name = f"debrief-{interview_id}"
    text = markdown
    while True:
        data = editor.edit(text, editor=command, name=f"{name}.md")
        if data == text.encode("utf-8"):
            console.note(
                'The file was not changed (an editor that returns at once needs to wait: "code --wait").'
            )
        try:
            return parse(_decode(data, where="The file")), data
        except DebriefError as error:
            if interactive and editor.edit_again(error):
                try:
                    data.decode("utf-8")
                except UnicodeDecodeError:
                    console.note(f"The file as you saved it is kept in {editor.keep(data, name=name)}.")
                text = mark_problems(data.decode("utf-8", "replace"), error.problems)
                continue
            path = editor.keep(data, name=name)
            error.hint = (
                f"What you typed is kept in {path}. Fix it, then run: "
                f"afterview remember {interview_id} --from {path}"
            )
            raise


def _ask(draft: Debrief, *, stories: list[str]) -> None:
    """Fill ``draft`` (the saved debrief, or an empty one) from prompts, answer by answer, so that if the
    user stops part way what they typed so far is in it. New questions go after the saved ones. With
    ``stories`` in the bank (``S1 title`` each), each question asks which one was told."""
    console.note("The questions they asked; leave the question blank when there are no more.")
    if stories:
        console.note("Your stories: " + "; ".join(stories))
    while question := inputs.ask(f"Question {len(draft.questions) + 1}", required=False):
        item = Question(question=question)
        draft.questions.append(item)
        item.answer = inputs.ask("  Your answer", required=False)
        item.rating = inputs.ask_until_valid(
            "  How it went (strong, ok, weak)",
            lambda value: inputs.choice(value, Rating, field="rating"),
            required=False,
        )
        item.next_time = inputs.ask("  What you would say next time", required=False)
        if stories:
            told = inputs.ask_until_valid(
                "  Which story did you tell? (S1; blank for none)", _story_named, required=False
            )
            if told:
                draft.questions[-1] = item.model_copy(update={"story": told})  # an extra key, kept
    draft.went_well = inputs.ask("What went well", default=draft.went_well or None, required=False)
    draft.to_improve = inputs.ask("What to improve", default=draft.to_improve or None, required=False)
    _ask_list("Topic for the thank-you note", draft.thank_you_topics)
    _ask_list("A question you asked them", draft.my_questions)
    draft.notes = inputs.ask("Notes", default=draft.notes or None, required=False)


def _story_named(value: str) -> str:
    """``S3`` as typed (``s3``, ``3``) made ``S3``; anything else is refused, to be asked again."""
    number = story_id(value)
    if number is None or value.strip().lstrip("sS") != str(number):
        raise UserError(f"{value!r} is not a story id like S3.")
    return f"S{number}"


def _ask_list(label: str, items: list[str]) -> None:
    while answer := inputs.ask(f"{label} {len(items) + 1} (blank when done)", required=False):
        items.append(answer)
