"""Editing text in the user's editor as git does, and keeping text that could not be saved.

One launcher for every command that opens an editor (``remember``, ``edit``, ``templates edit``). The editor
is ``$VISUAL``, then ``$EDITOR``, then a platform default. Its command is split as a shell would split it
(``code --wait``, ``"C:\\Program Files\\Notepad++\\notepad++.exe"``) but never run through a shell, and the
file's path is passed as an argument of its own. The file lives in a private temporary directory (0700, the
file 0600) that is removed afterwards.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from afterview.actions import session
from afterview.errors import UserError
from afterview.store import paths

RECOVERY_DIR = "recovery"
_DEFAULTS_POSIX = ("editor", "nano", "vi")


@dataclass(frozen=True)
class Editor:
    """An editor command, split into arguments, and where it came from (for messages)."""

    argv: tuple[str, ...]
    source: str
    instead: str = field(default="", compare=False)
    """What the user can do instead of using an editor (for hints), e.g. ``use --prompt, or --from FILE``."""

    @property
    def name(self) -> str:
        """The command as the user wrote it."""
        return shlex.join(self.argv)


def find_editor(*, interactive: bool, instead: str = "") -> Editor:
    """The editor to use: ``$VISUAL``, ``$EDITOR``, else (on a terminal) the platform's default.

    ``instead`` says what the command offers in place of an editor; hints end with it.
    """
    for variable in ("VISUAL", "EDITOR"):
        command = os.environ.get(variable, "").strip()
        if command:
            return Editor(_split(command, variable=variable), f"${variable}", instead)
    if interactive:
        if os.name == "nt":
            return Editor(("notepad",), "the default editor", instead)
        for candidate in _DEFAULTS_POSIX:
            if shutil.which(candidate):
                return Editor((candidate,), "the default editor", instead)
    raise UserError("No editor is set.", hint=_or("Set $EDITOR (say, export EDITOR=nano)", instead))


def _split(command: str, *, variable: str) -> tuple[str, ...]:
    try:
        if os.name == "nt":  # keep backslashes in paths; drop the quotes around an argument
            argv = [part.strip('"') for part in shlex.split(command, posix=False)]
        else:
            argv = shlex.split(command)
    except ValueError as error:
        raise UserError(f"Cannot read ${variable}={command!r}: {error}.") from None
    if not argv:
        raise UserError(f"${variable} is empty.", hint="Set it to an editor command, e.g. nano.")
    return tuple(argv)


def edit(text: str | bytes, *, editor: Editor, name: str, keep_in: str = RECOVERY_DIR) -> bytes:
    """Open ``text`` in ``editor`` as a file called ``name`` and return the bytes it was saved with.

    If the editor fails after something was typed, that is kept in the folder ``keep_in`` (:func:`keep`)
    and the error says where.
    """
    program = shutil.which(editor.argv[0])
    if program is None:
        raise UserError(
            f"The editor {editor.argv[0]!r} (from {editor.source}) was not found; nothing was saved.",
            hint=_or("Check the command", editor.instead),
        )
    original = text if isinstance(text, bytes) else text.encode("utf-8")
    directory = Path(tempfile.mkdtemp(prefix="afterview-"))  # 0700, only this user
    try:
        path = directory / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as file:
            file.write(original)
        status = _run([program, *editor.argv[1:], str(path)], editor=editor)
        try:
            saved = path.read_bytes()
        except OSError:
            saved = b""
        if status != 0:
            how = f"was stopped by signal {-status}" if status < 0 else f"exited with status {status}"
            kept = None
            if saved.strip() and saved != original:
                kept = keep(saved, name=path.stem, folder=keep_in, suffix=path.suffix)
            raise UserError(
                f"The editor {editor.name!r} {how}; nothing was saved.",
                hint=f"What you typed is kept in {kept}." if kept else None,
            )
        return saved
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def _run(argv: list[str], *, editor: Editor) -> int:
    """Run the editor, ignoring Ctrl-C here meanwhile (the editor gets it, as with git)."""
    try:
        child = subprocess.Popen(argv)  # never a shell: the path is an argument of its own
    except OSError as error:
        raise UserError(
            f"Could not start the editor {editor.name!r} (from {editor.source}): "
            f"{error.strerror or error}; nothing was saved.",
            hint=_or("Check the command", editor.instead),
        ) from None
    previous = None
    with contextlib.suppress(ValueError):  # only the main thread may set signal handlers
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        return child.wait()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _or(advice: str, instead: str) -> str:
    return f"{advice}, or {instead}." if instead else f"{advice}."


def keep(data: bytes, *, name: str, folder: str = RECOVERY_DIR, suffix: str = ".md") -> Path:
    """Save ``data`` in a new private file (0600) ``<folder>/<name>-<time><suffix>`` in the data directory
    (the folder 0700), never over another one, and return its path: what the user typed is never lost.

    When the data directory has no room (or cannot be written), the file goes to a new private folder in the
    system's temp directory instead (where the editor's file just was), with a warning; a file that could not
    be written whole is removed, never left empty.
    """
    stamp = session.now().astimezone().strftime("%Y%m%d-%H%M%S")
    home = paths.data_dir() / folder
    try:
        home.mkdir(mode=0o700, parents=True, exist_ok=True)
        return write_new(home, data, name=f"{name}-{stamp}", suffix=suffix)
    except OSError as error:
        first = f"{home}: {error.strerror or error}"
    try:
        spare = Path(tempfile.mkdtemp(prefix="afterview-kept-"))  # 0700, only this user
    except OSError as error:
        raise UserError(
            f"Could not keep what you typed ({first}; the temp folder: {error.strerror or error})."
        ) from None
    try:
        kept = write_new(spare, data, name=f"{name}-{stamp}", suffix=suffix)
    except OSError as error:
        shutil.rmtree(spare, ignore_errors=True)
        raise UserError(
            f"Could not keep what you typed ({first}; {spare}: {error.strerror or error})."
        ) from None
    from afterview.render import console

    console.warn(
        f"Could not keep what you typed in {home} ({first.rpartition(': ')[2]}), so it is in the temp "
        f"folder: {kept}. Move it somewhere safe; the temp folder may be emptied when the computer restarts."
    )
    return kept


def write_new(directory: Path, data: bytes, *, name: str, suffix: str) -> Path:
    """Write ``data`` whole and durably to a new private file ``<name>[-n]<suffix>`` in ``directory``, never
    over another; on failure remove it and raise."""
    for attempt in range(1, 1000):
        path = directory / f"{name}{f'-{attempt}' if attempt > 1 else ''}{suffix}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except FileExistsError:
            continue
        try:
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view) :]
                os.fsync(fd)
            finally:
                os.close(fd)
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()
            raise
        return path
    raise FileExistsError(f"no free file name in {directory}")


def edit_again(error: UserError) -> bool:
    """Say why the edited text does not read, and ask whether to open the editor again to fix it; Ctrl-C or
    end of input means no (the caller keeps the text)."""
    import typer

    from afterview.render import console

    console.error(error.message)
    try:
        return bool(typer.confirm("Open the editor again to fix it?", default=True, err=True))
    except (typer.Abort, KeyboardInterrupt, EOFError):
        return False
