"""``afterview edit`` and ``rm``: fixing records and removing them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from afterview.actions import session
from afterview.actions.edits import Edited, Removed, changed_fields, edit_fields, remove_interview, save_edit
from afterview.actions.lookup import find
from afterview.cli import editor as editors
from afterview.cli import inputs
from afterview.cli.interviews import ChangedJson, InterviewId
from afterview.domain.dates import DATE_EXAMPLES
from afterview.domain.phrasing import plural
from afterview.errors import AfterviewError, UserError
from afterview.formats import editable
from afterview.models.enums import Format, Stage
from afterview.render import console
from afterview.render.results import emit
from afterview.store.storefile import Store

if TYPE_CHECKING:
    pass


def edit(
    interview_id: InterviewId,
    company: Annotated[str | None, typer.Option(help="Set the company.")] = None,
    role: Annotated[str | None, typer.Option(help="Set the role.")] = None,
    at: Annotated[
        str | None, typer.Option(metavar="DATE", help="Set when it happened: a date, 'yesterday 14:00', ...")
    ] = None,
    stage: Annotated[str | None, typer.Option(help="screen, technical, onsite, final or other.")] = None,
    format_: Annotated[str | None, typer.Option("--format", help="video, phone or onsite.")] = None,
    location: Annotated[str | None, typer.Option(help='Set the place or link ("" clears it).')] = None,
    next_steps: Annotated[str | None, typer.Option(help='What they said comes next ("" clears it).')] = None,
    decision_by: Annotated[
        str | None,
        typer.Option(metavar="DATE", help=f'When you should hear back: {DATE_EXAMPLES} ("" clears it).'),
    ] = None,
    notes: Annotated[str | None, typer.Option(help='Replace the notes ("" clears them).')] = None,
    json_: ChangedJson = False,
) -> None:
    """Fix an interview: with flags for a quick change, else in your editor ($VISUAL or $EDITOR) as TOML.

    Steps are planned again afterwards. Example: afterview edit 7 --role "Staff Engineer"
    """
    flags = {
        "company": company, "role": role, "at": at, "stage": stage, "format": format_, "location": location,
        "next_steps": next_steps, "decision_by": decision_by, "notes": notes,
    }  # fmt: skip
    given = {key: value for key, value in flags.items() if value is not None}
    store = session.open_store()
    if given:
        result: Edited | None = edit_fields(interview_id=interview_id, given=_field_values(given))
    else:
        result = _edit_in_editor(store, interview_id)
    if result is None:
        return
    emit(result, json_=json_, human=_edited)


def _edited(result: Edited) -> None:
    if result.fields:
        planned = "; its steps are planned again" if result.in_editor else ""
        console.say(f"Updated interview {result.interview.id}: {', '.join(result.fields)}{planned}.")


def _field_values(given: dict[str, str]) -> dict[str, object]:
    """The flags' values, checked as ``log`` checks them (dates are read in the user's day by the use
    case)."""
    update: dict[str, object] = {}
    for key, value in given.items():
        if key in ("company", "role"):
            update[key] = inputs.field_text(value, key)
        elif key in ("at", "decision_by"):
            update[key] = value
        elif key == "stage":
            update[key] = inputs.choice(value, Stage, field="stage")
        elif key == "format":
            update[key] = inputs.choice(value, Format, field="format")
        else:  # location, next steps, notes: "" clears them
            update[key] = inputs.field_text(value, key) if value.strip() else None
    return update


def _edit_in_editor(store: Store, interview_id: int) -> Edited | None:
    """Edit in the editor with no lock held; merge with anything saved meanwhile, keeping both on conflict.

    1. read the interview (no lock) and write it as TOML to a private temporary file;
    2. open the editor; on save, check it; on an error reopen with the reason on top;
    3. if the user gives up (closes without a change after an error), keep their text and stop;
    4. save in one transaction, merged field by field with changes saved meanwhile.
    """
    document = store.read(open_only=True)
    base = find(document, interview_id)
    command = editors.find_editor(
        interactive=inputs.interactive(no_input=False),
        instead=f"change fields with flags, e.g. afterview edit {interview_id} --role 'Staff Engineer'",
    )
    text, edited = editable.to_toml(base), None
    problem: str | None = None
    while edited is None:
        shown = text if problem is None else _with_problem(text, problem)
        typed = _typed(shown, editor=command, interview_id=interview_id)
        if not _strip_problem(typed).strip():
            console.say("The file was empty; nothing was changed.")
            return None
        if problem is not None and typed == shown:
            kept = _keep(interview_id, _strip_problem(typed))
            raise UserError(f"Not saved: {problem}", hint=f"What you typed is kept in {kept}.")
        text = _strip_problem(typed)
        try:
            edited = editable.from_toml(text, base=base, now=session.local_now(document.profile))
        except UserError as error:
            problem = error.message
    if not changed_fields(base, edited):
        console.say(f"No changes to interview {interview_id}.")
        console.note("If your editor returned at once, make it wait: for example EDITOR='code --wait'.")
        return None
    try:
        result = save_edit(base=base, edited=edited)
    except AfterviewError as error:
        kept = _keep(interview_id, text)
        raise type(error)(error.message, hint=f"What you typed is kept in {kept}.") from None
    if result.conflicts:
        kept = _keep(interview_id, text)
        raise UserError(
            f"Interview {interview_id} changed while you were editing; saved your other changes, but kept "
            f"the other version of: {', '.join(result.conflicts)}.",
            hint=f"Your version is kept in {kept}; run afterview edit {interview_id} to apply it by hand.",
        )
    return result


_PROBLEM_MARK = "# afterview could not save this: "


def _with_problem(text: str, problem: str) -> str:
    """``text`` under a note saying what is wrong, its line numbers shifted to match the file shown."""
    import re

    count = len(problem.splitlines() or [problem]) + 2
    shifted = re.sub(r"\bline (\d+)", lambda m: f"line {int(m[1]) + count}", problem)
    lines = [f"{_PROBLEM_MARK}{line}" for line in shifted.splitlines() or [shifted]]
    return "\n".join([*lines, "# Fix it and save again, or close without changes to give up.", "", text])


def _strip_problem(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith(_PROBLEM_MARK):
        lines.pop(0)
    if lines and lines[0].startswith("# Fix it and save again"):
        lines.pop(0)
        if lines and not lines[0].strip():
            lines.pop(0)
    return "".join(lines)


EDITS = "edits"
"""Where ``edit`` keeps text it could not save, next to the store."""


def _typed(shown: str, *, editor: editors.Editor, interview_id: int) -> str:
    """Open ``shown`` in the editor and return the text saved (what cannot be read is kept in ``edits/``)."""
    data = editors.edit(shown, editor=editor, name=f"interview-{interview_id}.toml", keep_in=EDITS)
    try:
        return data.decode("utf-8").replace("\r\n", "\n")
    except UnicodeDecodeError:
        kept = _keep(interview_id, data)
        raise UserError(
            "The file is not UTF-8 text; nothing was changed.", hint=f"What you typed is kept in {kept}."
        ) from None


def _keep(interview_id: int, text: str | bytes) -> Path:
    """Save an edit that could not be applied in ``edits/`` next to the store, so nothing typed is lost."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return editors.keep(data, name=f"interview-{interview_id}", folder=EDITS, suffix=".toml")


def rm(
    interview_id: InterviewId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    json_: ChangedJson = False,
) -> None:
    """Remove an interview and its steps (a copy stays in the store's backups).

    Example: afterview rm 7 --yes
    """
    store = session.open_store()
    interview = find(store.read(), interview_id)
    label = f"interview {interview_id} ({interview.company} · {interview.role}, {interview.at:%Y-%m-%d})"
    if not yes:
        if not inputs.interactive(no_input=False):
            raise UserError(f"Not removing {label} without confirmation.", hint="Add --yes to remove it.")
        if not typer.confirm(
            f"Remove {label} and its {plural(len(interview.steps), 'step')}?", default=False
        ):
            console.say("Kept it.")
            return
    emit(remove_interview(interview_id=interview_id), json_=json_, human=_removed)


def _removed(result: Removed) -> None:
    """``Removed interview 7 (...)``, and the backup that still has it."""
    interview = result.interview
    console.say(
        f"Removed interview {interview.id} ({interview.company} · {interview.role}, {interview.at:%Y-%m-%d})."
    )
    backups = session.open_store().backups()
    if backups:
        console.note(
            f"A copy is in the backup {backups[-1]}. To bring it back: "
            f"afterview import {backups[-1]} --only {interview.id}"
        )
