"""``afterview export ics|json|csv|md|vcf``: your steps and interviews in formats other tools read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from afterview.actions import index, session
from afterview.domain.dates import due_moment
from afterview.domain.steps import effective_due
from afterview.errors import UserError
from afterview.models.enums import StepState
from afterview.render import console
from afterview.store import foreign

app = typer.Typer(
    name="export",
    help="Export for other tools: ics (calendar), json (to import again), csv, md (report), vcf (contacts).",
    no_args_is_help=True,
)

Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (private, 0600) instead of standard output.",
        dir_okay=False,
    ),
]


@app.command("ics")
def ics(
    output: Output = None,
    include_closed: Annotated[
        bool,
        typer.Option(
            "--include-closed",
            help="Also list done and skipped steps, marked cancelled, so calendars drop them.",
        ),
    ] = False,
) -> None:
    """Export pending steps as an iCalendar (.ics) file: one event per step, with a reminder.

    Each step keeps its UID across exports, so importing again updates the events.

    Steps with only a date become all-day events. Example:

        afterview export ics -o ~/afterview.ics
    """
    from afterview.formats.ics import calendar

    document = index.current()
    now = session.local_now(document.profile)
    tz = now.tzinfo or session.user_tz(document.profile)
    items = [
        (interview, step)
        for interview in document.interviews
        for step in interview.steps
        if include_closed or step.state is StepState.PENDING
    ]
    items.sort(key=lambda item: (due_moment(effective_due(item[1]), tz), item[0].id, item[1].id))
    data = calendar(items, now=now)
    emit(data, output=output)


def export_json(output: Output = None) -> None:
    """The whole store as versioned JSON, which afterview import reads back.

    Example: afterview export json -o afterview-backup.json
    """
    from afterview.formats import exports

    document = index.current()
    emit(exports.to_json(document, now=session.local_now(document.profile)), output=output)


def export_csv(
    output: Output = None,
    no_bom: Annotated[
        bool, typer.Option("--no-bom", help="Leave out the UTF-8 byte-order mark that Excel needs.")
    ] = False,
) -> None:
    """One row per interview, with the full status history (proof of your job search).

    Safe to open in a spreadsheet: a cell that would start a formula (=, +, -, @) gets a ' in front, which
    afterview import takes off again. Example: afterview export csv -o interviews.csv
    """
    from afterview.formats import exports

    emit(exports.to_csv(index.current(), bom=not no_bom).encode("utf-8"), output=output)


def export_md(output: Output = None) -> None:
    """A readable Markdown report per interview, debrief included, for a journal or a mentor.

    Example: afterview export md -o interviews.md
    """
    from afterview.formats import exports

    document = index.current()
    emit(
        exports.to_markdown(document, now=session.local_now(document.profile)).encode("utf-8"), output=output
    )


def export_vcf(output: Output = None) -> None:
    """Every interviewer as a vCard 4.0 contact, ready for your address book.

    Example: afterview export vcf -o interviewers.vcf
    """
    from afterview.formats import exports

    document = index.current()
    text = exports.to_vcard(document)
    if not text:
        console.note('No interviewers recorded yet; add one with: afterview interviewer ID "Name <email>"')
    emit(text.encode("utf-8"), output=output)


def emit(data: bytes, *, output: Path | None) -> None:
    """Print ``data``, or replace ``output`` with it in one step, readable by the user only (exports hold
    private notes), so a reader never sees half a file.

    The temp file is created exclusively with a name no one can guess (:func:`afterview.store.files.
    create_temp`); one a killed export left is removed by the next export to the same place. ``/dev/null``,
    a FIFO or a terminal is written into, as a shell's ``>`` would, never replaced by a file; a socket or a
    disk device is refused.
    """
    if output is None or str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = output.expanduser()
    try:
        kind = _special(target)
        if kind in ("a socket", "a disk device", "a folder"):
            raise UserError(f"{output} is {kind}; afterview writes exports only to files.")
        foreign.write(target, data, into_special=True)  # links checked, afterview's own files refused
    except OSError as error:
        raise UserError(f"Cannot write {output}: {error.strerror or error}.") from None
    console.note(f"Wrote {output}.")


def _special(path: Path) -> str | None:
    """What ``path`` is when it exists and is not a regular file."""
    import stat

    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISBLK(mode):
        return "a disk device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "a device or pipe"


app.command("json")(export_json)
app.command("csv")(export_csv)
app.command("md")(export_md)
app.command("vcf")(export_vcf)
