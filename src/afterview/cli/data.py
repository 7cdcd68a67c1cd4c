"""``afterview import``, ``edit`` and ``rm``: bringing records in, fixing them and removing them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterview import render
from afterview.cli import runtime
from afterview.cli.interviews import Json
from afterview.errors import UserError
from afterview.store import Unchanged

if TYPE_CHECKING:
    from afterview.imports import Report


def import_(
    file: Annotated[
        Path, typer.Argument(help="An afterview JSON export or a CSV file ('-' reads stdin).", dir_okay=False)
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; change nothing.")
    ] = False,
    theirs: Annotated[
        bool, typer.Option("--theirs", help="On a conflict, replace your interview with the imported one.")
    ] = False,
    json_: Json = False,
) -> None:
    """Import interviews from an afterview JSON export (merged by id) or a CSV (see the README's header).

    All or nothing: one bad record or row imports nothing. Example: afterview import interviews.csv --dry-run
    """
    from afterview import imports

    text = _read_text(file)
    store = runtime.open_store()
    current = store.read()
    now = runtime.local_now(current.profile)
    as_json = file.suffix.lower() == ".json" or (
        file.suffix.lower() != ".csv" and text.lstrip("\ufeff \r\n\t").startswith("{")
    )
    incoming = (
        imports.read_json(text)
        if as_json
        else imports.read_csv(text, tz=runtime.user_tz(current.profile), today=now.date())
    )
    if dry_run:
        report = imports.merge(current, incoming, context=runtime.context(current), now=now, theirs=theirs)
    else:
        with store.transaction() as document:
            report = imports.merge(
                document, incoming, context=runtime.context(document), now=now, theirs=theirs
            )
            if not report.changed:
                raise Unchanged
    if json_:
        render.print_json(_report_json(report, dry_run=dry_run))
    else:
        _show_report(report, dry_run=dry_run)


def _read_text(file: Path) -> str:
    if str(file) == "-":
        return sys.stdin.read()
    try:
        data = file.read_bytes()
    except OSError as error:
        raise UserError(f"Cannot read {file}: {error.strerror or error}.") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError(
            f"{file} is not UTF-8 text (line {line}).", hint="Save it as UTF-8 (CSV UTF-8 in a spreadsheet)."
        ) from None


def _ids(ids: list[int]) -> str:
    return ", ".join(map(str, ids[:20])) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")


def _show_report(report: Report, *, dry_run: bool) -> None:
    console = render.out()
    verb = "Would import" if dry_run else "Imported"
    if report.added:
        console.print(f"{verb} {len(report.added)} interview(s): {_ids(report.added)}.")
    if report.replaced:
        what = "Would replace" if dry_run else "Replaced"
        console.print(
            f"{what} {len(report.replaced)} interview(s) with the imported version: {_ids(report.replaced)}."
        )
    if report.unchanged:
        console.print(f"Already there, left alone: {len(report.unchanged)} ({_ids(report.unchanged)}).")
    if report.references_added:
        console.print(f"{verb} reference(s): {', '.join(report.references_added)}.")
    if report.profile == "taken":
        console.print(f"{verb} the profile (yours was empty).")
    elif report.profile == "kept":
        render.note("The imported profile differs from yours; kept yours.")
    for conflict in report.conflicts:
        render.warn(
            f"{conflict.what} differs from yours ({', '.join(conflict.fields)}); kept yours. "
            "Use --theirs to take the imported one."
        )
    if not report.changed and not report.conflicts:
        console.print("Nothing to import: everything is already there.")
    elif dry_run:
        render.note("Dry run: nothing was changed.")


def _report_json(report: Report, *, dry_run: bool) -> dict[str, Any]:
    return {
        "dry_run": dry_run,
        "added": report.added,
        "replaced": report.replaced,
        "unchanged": report.unchanged,
        "conflicts": [{"record": c.what, "fields": c.fields} for c in report.conflicts],
        "references_added": report.references_added,
        "profile": report.profile,
    }
