"""Privacy: a private directory and private files even under umask 022, looser permissions tightened,
a symlinked store kept a symlink, and no traceback (never with local variables) without --debug."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result

Cli = Callable[..., Result]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_everything_is_private_under_umask_022(
    umask_022: None, log: Callable[..., dict[str, Any]], home: Path
) -> None:
    log()
    log(company="Beta")
    assert mode(home) == 0o700
    assert mode(home / "backups") == 0o700
    files = [p for p in home.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"afterview.json", "afterview.json.lock"}
    assert any(p.parent.name == "backups" for p in files)
    assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}


def test_looser_permissions_are_tightened_by_the_next_write(
    umask_022: None, log: Callable[..., dict[str, Any]], home: Path, store_file: Path
) -> None:
    log()
    log(company="Beta")
    home.chmod(0o755)
    (home / "backups").chmod(0o755)
    store_file.chmod(0o644)
    log(company="Gamma")
    assert mode(home) == 0o700
    assert mode(home / "backups") == 0o700
    assert mode(store_file) == 0o600


def test_a_symlinked_store_stays_a_symlink(
    log: Callable[..., dict[str, Any]], home: Path, store_file: Path, tmp_path: Path, cli: Cli
) -> None:
    real = tmp_path / "synced" / "afterview.json"
    real.parent.mkdir()
    home.mkdir()
    store_file.symlink_to(real)
    log()
    log(company="Beta")
    assert store_file.is_symlink()
    assert store_file.resolve() == real
    assert b"Beta" in real.read_bytes()
    assert mode(real) == 0o600
    assert list(real.parent.glob("*.tmp")) == []
    assert len(list((home / "backups").iterdir())) == 1
    assert [i["company"] for i in cli("list", "--json").json()] == ["Acme", "Beta"]


def explode(*args: object, **kwargs: object) -> None:
    secret = "".join(["hush-", "hush"])  # a local variable that must never be printed
    raise RuntimeError(f"boom {len(secret)}")


def test_an_unexpected_error_shows_no_traceback_and_no_locals(
    log: Callable[..., dict[str, Any]], cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    log()
    monkeypatch.setattr("afterview.render.views.interviews", explode)
    result = cli("list")
    assert result.code == 1
    assert "unexpected problem (RuntimeError: boom 9)" in result.err
    assert "--debug" in result.err
    assert "Traceback" not in result.err
    assert "hush-hush" not in result.err


def test_debug_shows_the_traceback_but_still_no_locals(
    log: Callable[..., dict[str, Any]], cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    log()
    monkeypatch.setattr("afterview.render.views.interviews", explode)
    result = cli("--debug", "list")
    assert result.code == 1
    assert "Traceback" in result.err
    assert "in explode" in result.err
    assert "hush-hush" not in result.err


def test_expected_failures_show_no_traceback_even_with_debug(cli: Cli) -> None:
    result = cli("--debug", "show", "42")
    assert result.code == 1
    assert "Traceback" not in result.err


def test_editor_temp_files_are_private_and_removed(tmp_path: Path) -> None:
    from afterview.cli.editor import Editor, edit

    seen = tmp_path / "seen"
    script = tmp_path / "editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import os, sys\n"
        "path = sys.argv[1]\n"
        "modes = [oct(os.stat(p).st_mode & 0o777)[2:] for p in (path, os.path.dirname(path))]\n"
        f"open({str(seen)!r}, 'w').write(' '.join([*modes, path]))\n"
        "open(path, 'a').write('more\\n')\n"
    )
    script.chmod(0o700)
    saved = edit("private notes\n", editor=Editor((str(script),), "test"), name="debrief.md")
    assert saved == b"private notes\nmore\n"
    file_mode, dir_mode, path = seen.read_text().split()
    assert (file_mode, dir_mode) == ("600", "700")
    assert not Path(path).exists()
    assert not Path(path).parent.exists()
