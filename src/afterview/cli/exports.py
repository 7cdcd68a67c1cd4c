"""``afterview export json|csv|md|vcf``: the store for other programs, on stdout or into a file."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from afterview import render
from afterview.cli import runtime
from afterview.errors import UserError

export_app = typer.Typer(
    help="Export your interviews: json (to import again), csv, md (a report) or vcf (contacts).",
    no_args_is_help=True,
)

Output = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file (private, 0600) instead of stdout.", dir_okay=False
    ),
]


def export_json(output: Output = None) -> None:
    """The whole store as versioned JSON, which afterview import reads back.

    Example: afterview export json -o afterview-backup.json
    """
    from afterview import exports

    document = runtime.open_store().read()
    _emit(exports.to_json(document, now=runtime.local_now(document.profile)), output=output)


def export_csv(output: Output = None) -> None:
    """One row per interview, with the full status history (proof of your job search).

    Example: afterview export csv -o interviews.csv
    """
    from afterview import exports

    _emit(exports.to_csv(runtime.open_store().read()), output=output)


def export_md(output: Output = None) -> None:
    """A readable Markdown report per interview, debrief included, for a journal or a mentor.

    Example: afterview export md -o interviews.md
    """
    from afterview import exports

    document = runtime.open_store().read()
    _emit(exports.to_markdown(document, now=runtime.local_now(document.profile)), output=output)


def export_vcf(output: Output = None) -> None:
    """Every interviewer as a vCard 4.0 contact, ready for your address book.

    Example: afterview export vcf -o interviewers.vcf
    """
    from afterview import exports

    document = runtime.open_store().read()
    text = exports.to_vcard(document)
    if not text:
        render.note('No interviewers recorded yet; add one with: afterview interviewer ID "Name <email>"')
    _emit(text, output=output)


def _emit(text: str, *, output: Path | None) -> None:
    """Print ``text``, or write it to ``output`` readable by the user only (exports hold private notes)."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)  # an existing file keeps its mode otherwise
        with os.fdopen(fd, "wb") as file:
            file.write(text.encode("utf-8"))
    except OSError as error:
        raise UserError(f"Cannot write {output}: {error.strerror or error}.") from None
    render.note(f"Wrote {output}.")


export_app.command("json")(export_json)
export_app.command("csv")(export_csv)
export_app.command("md")(export_md)
export_app.command("vcf")(export_vcf)
