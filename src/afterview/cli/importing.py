"""``afterview import``: interviews from an afterview JSON export or a CSV, all or nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from afterview.actions.imports import Imported, import_file
from afterview.cli.interviews import Json
from afterview.domain.phrasing import plural
from afterview.errors import UserError
from afterview.render import console
from afterview.render.results import emit

if TYPE_CHECKING:
    from afterview.domain.merging import Report


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
    only: Annotated[
        list[int] | None,
        typer.Option("--only", metavar="ID", help="Import only the interview with this id (repeatable)."),
    ] = None,
    map_: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar='"THEIRS=COLUMN,..."',
            help="Read a CSV's own columns as afterview's: \"Company Name=company,Date=at\" (repeatable).",
        ),
    ] = None,
    json_: Json = False,
) -> None:
    """Import interviews from an afterview JSON export (merged by id) or a CSV (see the README's header).

    All or nothing: one bad record or row imports nothing. A spreadsheet's or another tracker's CSV: map its
    columns, and look first. Example: afterview import jobs.csv --map "Company Name=company,Date=at" --dry-run
    """
    result = import_file(
        text=_read_text(file),
        name=file.name,
        only=only or (),
        mapping=map_ or (),
        theirs=theirs,
        dry_run=dry_run,
    )
    emit(result, json_=json_, human=_imported)


def _imported(result: Imported) -> None:
    if result.dry_run and result.first_rows and result.now is not None:
        _preview(result.first_rows, count=result.rows, now=result.now)
    if result.left_out:
        console.note(f"Left out (not mapped): {', '.join(result.left_out)}.")
    _show_report(result.report, dry_run=result.dry_run)


def _preview(rows: list[dict[str, Any]], *, count: int, now: dt.datetime) -> None:
    """The first rows of a CSV as afterview reads them: ``1. Acme · SRE: Fri 20 Nov 2026 12:00; other``."""
    console.say(f"The first {len(rows)} of {plural(count, 'row')} as afterview reads them:")
    for number, fields in enumerate(rows, start=1):
        at = fields["at"].astimezone(now.tzinfo)
        facts = [f"{at:%a %d %b %Y %H:%M}", f"{fields['stage'].value}, {fields['format'].value}"]
        if fields["history"]:
            facts.append(fields["history"][-1].status.value)
        people = ", ".join(person.name for person in fields["interviewers"])
        facts += [f"with {people}"] if people else []
        console.say(f"  {number}. {fields['company']} · {fields['role']}: {'; '.join(facts)}")


MAX_IMPORT_BYTES = 200_000_000
"""The largest file ``import`` reads: far above any real export, low enough to fail clearly."""


def _read_text(file: Path) -> str:
    from afterview.cli.capped import read_capped

    data = read_capped(file, cap=MAX_IMPORT_BYTES, what="an afterview export or a spreadsheet")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise UserError(
            f"{file} is not UTF-8 text (line {line}).", hint="Save it as UTF-8 (CSV UTF-8 in a spreadsheet)."
        ) from None


def _ids(ids: list[int]) -> str:
    return ", ".join(map(str, ids[:20])) + (f" and {len(ids) - 20} more" if len(ids) > 20 else "")


def _show_stories(report: Report, *, dry_run: bool) -> None:
    for ids, verb in (
        (report.stories_added, "Would import" if dry_run else "Imported"),
        (report.stories_replaced, "Would replace" if dry_run else "Replaced"),
    ):
        if ids:
            named = ", ".join(f"S{n}" for n in ids)
            console.say(f"{verb} {plural(len(ids), 'story', 'stories')}: {named}.")


def _show_report(report: Report, *, dry_run: bool) -> None:
    if not report.changed and not report.conflicts:
        there = f": all {len(report.unchanged)} already there" if report.unchanged else ""
        console.say(f"Nothing to import{there}.")
        return
    verb = "Would import" if dry_run else "Imported"
    if report.added:
        console.say(f"{verb} {plural(len(report.added), 'interview')}: {_ids(report.added)}.")
    if report.replaced:
        what = "Would replace" if dry_run else "Replaced"
        console.say(
            f"{what} {plural(len(report.replaced), 'interview')} with the imported version: "
            f"{_ids(report.replaced)}."
        )
    if report.replaced_processes:
        what = "Would replace" if dry_run else "Replaced"
        named = ", ".join(f"P{n}" for n in report.replaced_processes)
        console.say(f"{what} the company, role or history of {named} with the imported version.")
    if report.unchanged:
        console.say(f"Already there, left alone: {len(report.unchanged)} ({_ids(report.unchanged)}).")
    if report.references_added:
        names = ", ".join(report.references_added)
        console.say(f"{verb} {plural(len(report.references_added), 'reference')}: {names}.")
    _show_stories(report, dry_run=dry_run)
    if report.profile == "taken":
        console.say(f"{verb} the profile (yours was empty).")
        if report.calendar_left:
            console.note(
                "Its live calendar file was left out: it belongs to the store the file came from. "
                "Keep one for this store with: afterview calendar --file PATH"
            )
    elif report.profile == "kept":
        console.note("The imported profile differs from yours; kept yours.")
    for conflict in report.conflicts:
        console.warn(
            f"{conflict.what} differs from yours ({', '.join(conflict.fields)}); kept yours. "
            "Use --theirs to take the imported one."
        )
    if dry_run:
        console.note("Dry run: nothing was changed.")
