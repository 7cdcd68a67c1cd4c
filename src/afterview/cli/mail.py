"""``afterview mail SOURCE...``: suggestions from your inbox, applied when you say so."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from afterview.cli.interviews import Json
from afterview.domain.dates import DATE_EXAMPLES
from afterview.errors import UserError

if TYPE_CHECKING:
    from afterview.actions.mail import Applied, Found
    from afterview.formats.imap import ImapSource

PASSWORD_TIMEOUT = 120.0
"""Seconds --password-cmd may take (a password manager may ask you to unlock it)."""
LOG_TIMEOUT = 300.0


def mail(
    sources: Annotated[
        list[str],
        typer.Argument(
            metavar="SOURCE...",
            help="A Maildir, an mbox file, an .eml file or a folder of them, or imaps://USER@HOST[:PORT]/FOLDER.",
            show_default=False,
        ),
    ],
    since: Annotated[
        str | None,
        typer.Option(
            metavar="DATE",
            help="Read mail from this day on (default: since the last --apply for that source): "
            f"{DATE_EXAMPLES}.",
            show_default=False,
        ),
    ] = None,
    password_cmd: Annotated[
        str | None,
        typer.Option(
            "--password-cmd",
            metavar="CMD",
            help="For IMAP: a command that prints the password on its first line (run without a shell, as "
            "mbsync's PassCmd); else it is asked on the terminal. Never stored.",
        ),
    ] = None,
    apply: Annotated[
        bool, typer.Option("--apply", help="Ask about each suggestion, and apply those you accept.")
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="With --apply: apply every suggestion, asking none.")
    ] = False,
    json_: Json = False,
) -> None:
    """Find invitations, rejections, offers and replies in your mail, and apply them when you say so.

    Reads the mail without changing it (IMAP read-only over TLS: no flag is set), matches each message to
    an open process and lists what it found, with the sentence or header that decided it and the afterview
    command it would run. Nothing changes without --apply, which asks about each (yes or no) and runs the
    same use case as that command (outcome, log --from, done), then remembers the messages it read (as
    hashes of their Message-IDs, never the mail) so they are not suggested again. Examples:

        afterview mail ~/Mail/INBOX

        afterview mail imaps://me%40example.org@imap.example.org/INBOX --password-cmd "pass show mail"

        afterview mail ~/Mail/INBOX --apply
    """
    from afterview.actions.mail import apply_mail, scan_mail
    from afterview.render.mail import mail_applied, mail_found
    from afterview.render.results import emit

    if yes and not apply:
        raise UserError("--yes applies suggestions, so it needs --apply.", hint="Add --apply.")
    asking = apply and not yes
    if asking and not sys.stdin.isatty():
        raise UserError(
            "--apply asks about each suggestion on a terminal, and this is not one.",
            hint="Add --yes to apply every suggestion, or run it on a terminal.",
        )
    scanned = scan_mail(sources=sources, since=since, password=_password(password_cmd))
    if not apply:
        emit(scanned, json_=json_, human=mail_found)
        return
    chosen: list[Found] = []
    done: list[Applied] = []
    for found in scanned.found:
        if found.suggestion.command is None or (asking and not _accepted(found)):
            continue
        if found.suggestion.kind == "invitation":
            done.append(_log_invitation(found))
        else:
            chosen.append(found)
    emit(apply_mail(scanned=scanned, chosen=chosen, done=done), json_=json_, human=mail_applied)


def _accepted(found: Found) -> bool:
    """Show one suggestion on stderr and ask whether to apply it (yes or no)."""
    from afterview.render import console
    from afterview.render.mail import suggestion_lines

    for line in suggestion_lines(found.suggestion):
        console.err().print(console.literal(line))
    return typer.confirm("Apply it?", default=False, err=True)


def _password(command: str | None) -> Callable[[ImapSource], str]:
    """What gives an IMAP folder's password: ``command``'s first line, else a prompt on the terminal (each
    asked once per run; never kept past it)."""
    given: dict[str, str] = {}

    def password(folder: ImapSource) -> str:
        name = str(folder)
        if name not in given:
            given[name] = _run_password_command(command) if command else _ask_password(folder)
        return given[name]

    return password


def _run_password_command(command: str) -> str:
    import shlex
    import subprocess

    try:
        argv = shlex.split(command)
    except ValueError as error:
        raise UserError(f"--password-cmd is not a command line ({error}).") from None
    if not argv:
        raise UserError("--password-cmd is empty.")
    try:
        ran = subprocess.run(  # the user's own command, without a shell
            argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=PASSWORD_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UserError(f"--password-cmd {argv[0]!r} could not run ({type(error).__name__}).") from None
    if ran.returncode != 0:
        raise UserError(f"--password-cmd {argv[0]!r} failed (exit status {ran.returncode}).")
    first = ran.stdout.decode("utf-8", "replace").splitlines()
    if not first or not first[0]:
        raise UserError(f"--password-cmd {argv[0]!r} printed no password.")
    return first[0]


def _ask_password(folder: ImapSource) -> str:
    import getpass

    if not sys.stdin.isatty():
        raise UserError(
            f"{folder} needs a password, and this is not a terminal to ask it on.",
            hint="Give --password-cmd CMD, a command that prints it.",
        )
    return getpass.getpass(f"Password for {folder}: ")


def _log_invitation(found: Found) -> Applied:
    """Run ``afterview log --from`` on the invitation (from a private temporary copy of the message when it
    came from an mbox or IMAP), without prompts, and keep what it printed as JSON."""
    import contextlib
    import json
    import subprocess
    from pathlib import Path

    from afterview.actions.mail import Applied

    suggestion = found.suggestion
    path, temporary = _message_file(found)
    try:
        argv = [sys.executable, "-m", "afterview", "log", "--from", path, "--no-input", "--json"]
        if suggestion.process_id:
            argv += ["--process", suggestion.process_id]
        ran = subprocess.run(
            argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=LOG_TIMEOUT, check=False
        )
    finally:
        if temporary:
            with contextlib.suppress(OSError):
                Path(path).unlink()
    if ran.returncode != 0:
        problem = ran.stderr.decode("utf-8", "replace").strip().splitlines() or ["log --from failed"]
        return Applied(suggestion, applied=False, problem=" ".join(problem).removeprefix("Error: ")[:500])
    try:
        result = json.loads(ran.stdout.decode("utf-8"))
    except ValueError:
        result = None
    return Applied(suggestion, applied=True, result=result)


def _message_file(found: Found) -> tuple[str, bool]:
    """Where ``log --from`` reads the message: its own file, or a private temporary copy (mode 600)."""
    import os
    import tempfile

    if found.location is not None:
        return found.location, False
    handle, path = tempfile.mkstemp(prefix="afterview-mail-", suffix=".eml")
    with os.fdopen(handle, "wb") as stream:
        stream.write(found.data or b"")
    return path, True
