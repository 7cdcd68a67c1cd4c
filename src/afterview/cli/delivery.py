"""Where drafts go: stdout (the draft alone), ``--json``, ``--mailto``/``--open``, ``--copy``, ``--eml``, and
``--sent`` recording that they went out. Confirmations and warnings go to stderr, so
``afterview draft-thanks 7 --sent > note.txt`` leaves exactly the draft in note.txt.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer

from afterview.actions.messages import mark_sent
from afterview.domain.drafts import Draft
from afterview.errors import UserError
from afterview.render import console
from afterview.render import drafts as show
from afterview.render.messages import sent_marked

SENT_BY = ("email", "phone", "linkedin", "in-person", "other")
"""How a message can have gone out (``--sent --by``); anything but email needs no address."""


@dataclasses.dataclass(frozen=True, kw_only=True)
class Delivery:
    """Where drafts go besides stdout, whether they are marked sent, and how they went."""

    copy: bool = False
    eml: str | None = None
    mailto: bool = False
    open: bool = False
    sent: bool = False
    by: str | None = None
    force: bool = False
    json: bool = False


def check(delivery: Delivery) -> None:
    """Refuse options that do not go together, before anything is drafted."""
    if delivery.by is not None and not delivery.sent:
        raise UserError("--by says how a message went out; use it with --sent.")
    if delivery.by is not None and delivery.by not in SENT_BY:
        raise UserError(f"{delivery.by!r} is not a way to send; choose one of: {', '.join(SENT_BY)}.")


def deliver(
    interview_id: int, items: Sequence[Draft], delivery: Delivery, *, sender: tuple[str | None, ...]
) -> None:
    """Show, hand over and record ``items`` as ``delivery`` says."""
    if delivery.copy and len(items) > 1:
        raise UserError(
            f"There are {len(items)} drafts, and the clipboard holds one.",
            hint="Pick one with --to (or --ref), or use --eml DIR for all of them.",
        )
    if delivery.sent:
        _check_addresses(interview_id, items, by=delivery.by)
    written = _write_eml(items, delivery.eml, sender=sender, force=delivery.force) if delivery.eml else []
    if delivery.json:
        from afterview.formats.delivery import mailto

        console.print_json(
            [{**show.as_json(d), **({"mailto": mailto(d)} if delivery.mailto else {})} for d in items]
        )
        show.warnings(items)
    elif delivery.mailto or delivery.open:
        _links(items)
    else:
        show.drafts(items)
    if delivery.open:
        _open(items)
    for path in written:
        console.note(f"Wrote {path}")
    if delivery.copy:
        _copy(items[0])
    if delivery.sent:
        sent_marked(mark_sent(interview_id=interview_id, drafts=items, by=delivery.by or "email"))


def _check_addresses(interview_id: int, items: Sequence[Draft], *, by: str | None) -> None:
    """A message marked sent by email needs an address: else say how it went (``--by``)."""
    if by not in (None, "email"):
        return
    missing = [d for d in items if not d.to_email]
    if missing:
        names = ", ".join(d.to_name for d in missing)
        raise UserError(
            f"No email address for {names}, so nothing was marked sent by email.",
            hint=f'Add it with: afterview interviewer {interview_id} "Name <email>" (or ref add … --email), '
            "or say how it went: --sent --by phone|linkedin|in-person|other",
        )


def _write_eml(
    items: Sequence[Draft], where: str, *, sender: tuple[str | None, ...], force: bool
) -> list[Path]:
    """Write each draft as an .eml file: to ``where``, or into it when it is a directory or ends with one.

    Files are 0600 and a directory made here 0700 (drafts are private). A symlink at a target is never
    followed, and an existing file is replaced only with ``force``.
    """
    from afterview.formats.delivery import eml, eml_name

    target = Path(where).expanduser()
    into_dir = target.is_dir() or where.endswith(("/", os.sep))
    if not into_dir and len(items) > 1:
        raise UserError(
            f"There are {len(items)} drafts; --eml needs a directory to hold them.",
            hint="Give a directory (--eml DIR/), or pick one draft with --to.",
        )
    if into_dir and not target.is_dir():
        try:
            target.mkdir(mode=0o700, parents=True)
            target.chmod(0o700)
        except OSError as error:
            raise UserError(f"Cannot make {target}: {error.strerror or error}.") from None
    paths: list[Path] = []
    for draft in items:
        path = target / eml_name(draft) if into_dir else target
        stem, count = path.stem, 1
        while path in paths:
            count += 1
            path = path.with_name(f"{stem}-{count}{path.suffix}")
        _write_private(path, eml(draft, sender_name=sender[0], sender_email=sender[1]), force=force)
        paths.append(path)
    return paths


def _write_private(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to a new 0600 file at ``path``; never through a symlink, never over a file unless
    ``force``."""
    try:
        existing = path.lstat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise UserError(f"Cannot write {path}: {error.strerror or error}.") from None
    if existing is not None and stat.S_ISLNK(existing.st_mode):
        raise UserError(
            f"{path} is a symbolic link; afterview does not write through one.", hint="Give another file."
        )
    if existing is not None and not force:
        raise UserError(f"{path} already exists; nothing was written.", hint="Replace it with --force.")
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise UserError(f"{path} is not a regular file; nothing was written.")
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    flags |= os.O_TRUNC if existing is not None else os.O_EXCL
    try:
        descriptor = os.open(path, flags, 0o600)
        try:
            if hasattr(os, "fchmod"):
                os.fchmod(descriptor, 0o600)  # an existing file keeps its mode otherwise
            os.write(descriptor, data)
        finally:
            os.close(descriptor)
    except FileExistsError:
        raise UserError(
            f"{path} already exists; nothing was written.", hint="Replace it with --force."
        ) from None
    except OSError as error:
        raise UserError(f"Cannot write {path}: {error.strerror or error}.") from None


def _links(items: Sequence[Draft]) -> None:
    from afterview.formats.delivery import mailto

    for draft in items:
        console.out().print(mailto(draft), markup=False, highlight=False, soft_wrap=True)
    show.warnings(items)


def _open(items: Sequence[Draft]) -> None:
    from afterview.formats.delivery import mailto

    for draft in items:
        if typer.launch(mailto(draft)) != 0:
            raise UserError(
                "Could not open your mail client.", hint="Use the mailto: link (--mailto) instead."
            )
    console.note("Opened in your mail client.")


@contextlib.contextmanager
def _detached_output() -> Iterator[None]:
    """Give the clipboard tool ``/dev/null`` for the output that is not a terminal. xclip and xsel stay in
    the background to own the selection, holding whatever descriptors they got: a pipe given to them
    (``draft-thanks 1 --copy | cat``, ``$(...)``) would not end until something else takes the clipboard."""
    streams = [stream for stream in (sys.stdout, sys.stderr) if not _is_terminal(stream)]
    if not streams or os.name == "nt":
        yield
        return
    saved: list[tuple[int, int]] = []
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        try:
            for stream in streams:
                stream.flush()
                number = stream.fileno()
                saved.append((number, os.dup(number)))
                os.dup2(null, number)
        finally:
            os.close(null)
    except (OSError, ValueError):  # no descriptor to detach (captured output): nothing to hold open
        pass
    try:
        yield
    finally:
        for number, copy in saved:
            os.dup2(copy, number)
            os.close(copy)


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (OSError, ValueError):
        return False


def _copy(draft: Draft) -> None:
    import pyperclip

    try:
        with _detached_output():
            pyperclip.copy(draft.body)
    except pyperclip.PyperclipException:
        raise UserError(
            "There is no clipboard here, so nothing was copied.",
            hint="On Linux install wl-clipboard, xclip or xsel; or use --eml or --mailto instead.",
        ) from None
    console.note(f"Copied the body to the clipboard. Subject: {draft.subject}")
