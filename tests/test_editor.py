"""One editor launcher for ``remember``, ``edit`` and ``templates edit``: the same private file, removed
afterwards, and what was typed kept when the editor fails."""

from __future__ import annotations

import json
import shlex
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

COMMANDS = {
    "remember": (("remember", "1"), "recovery", ".md"),
    "edit": (("edit", "1"), "edits", ".toml"),
    "templates edit": (("templates", "edit", "nudge"), "recovery", ".txt"),
}
"""Each command that opens an editor: its arguments, and where (and as what) it keeps unsaved text."""


@pytest.fixture
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[int], Path]:
    """An editor that notes the file's path and modes, appends a line, and exits with ``status``."""

    def install(status: int) -> Path:
        seen = tmp_path / "seen.json"
        script = tmp_path / "editor.py"
        script.write_text(
            "import json, os, sys\n"
            "path = sys.argv[1]\n"
            "modes = [oct(os.stat(p).st_mode & 0o777) for p in (path, os.path.dirname(path))]\n"
            f"open({str(seen)!r}, 'w').write(json.dumps({{'path': path, 'modes': modes}}))\n"
            "open(path, 'a', encoding='utf-8').write('\\n# typed with care\\n')\n"
            f"sys.exit({status})\n"
        )
        monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
        return seen

    return install


@pytest.fixture
def interview(log: Callable[..., dict[str, Any]]) -> None:
    log("--interviewer", "Jane Doe <jane@acme.com>")


def saved_state(home: Path) -> tuple[bytes, bytes | None]:
    """The store's bytes and the nudge template's (None while it is the built-in one)."""
    template = home / "config" / "templates" / "nudge.txt"
    return (home / "afterview.json").read_bytes(), template.read_bytes() if template.exists() else None


@pytest.mark.usefixtures("interview")
@pytest.mark.parametrize("command", COMMANDS)
def test_every_editor_file_is_private_and_removed(
    command: str, cli: Callable[..., Result], editor: Callable[[int], Path]
) -> None:
    seen = editor(0)
    cli(*COMMANDS[command][0])
    opened = json.loads(seen.read_text())
    if sys.platform != "win32":
        assert opened["modes"] == ["0o600", "0o700"]
    assert not Path(opened["path"]).parent.exists()


@pytest.mark.usefixtures("interview")
@pytest.mark.parametrize("command", COMMANDS)
def test_an_editor_that_fails_changes_nothing_and_keeps_what_was_typed(
    command: str, cli: Callable[..., Result], editor: Callable[[int], Path], home: Path
) -> None:
    args, folder, suffix = COMMANDS[command]
    if command == "templates edit":
        assert cli("templates", "edit", "nudge").code == 1  # no editor yet: this makes the user's copy
    editor(3)
    before = saved_state(home)
    result = cli(*args)
    assert result.code == 1
    assert "exited with status 3; nothing was saved" in result.err
    assert saved_state(home) == before
    (kept,) = (home / folder).iterdir()
    assert kept.suffix == suffix
    assert "# typed with care" in kept.read_text(encoding="utf-8")
    assert str(kept) in result.err
    if sys.platform != "win32":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600


@pytest.mark.usefixtures("interview")
def test_edit_refuses_a_file_that_is_not_utf8_and_keeps_it(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    script = tmp_path / "latin1.py"
    script.write_text(
        "import sys\nopen(sys.argv[1], 'ab').write('role = \"caf\\xe9\"\\n'.encode('latin-1'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{shlex.quote(sys.executable)} {shlex.quote(str(script))}")
    before = saved_state(home)
    result = cli("edit", "1")
    assert result.code == 1
    assert "The file is not UTF-8 text; nothing was changed." in result.err
    assert "Traceback" not in result.err
    assert saved_state(home) == before
    (kept,) = (home / "edits").iterdir()
    assert kept.read_bytes().endswith(b'role = "caf\xe9"\n')
