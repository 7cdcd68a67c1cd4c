"""``afterview demo``: a throwaway store with three interviews, and the user's own store never touched."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Result, stored_companies

Spawn = Callable[..., subprocess.CompletedProcess[str]]


def demo_home(output: str) -> Path:
    found = re.search(r"A throwaway store for the demo: (\S+)", output)
    assert found, output
    return Path(found[1])


def test_demo_fills_a_printed_temporary_home_and_shows_todo_and_a_draft(
    cli: Callable[..., Result], home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    result = cli("demo")
    assert result.code == 0, result.err
    demo = demo_home(result.out)
    assert demo.parent == tmp_path
    document = json.loads((demo / "afterview.json").read_bytes())
    assert stored_companies(document) == ["Northwind Analytics", "Globex", "Initech"]
    assert document["profile"]["name"] == "Sam Lee"
    states = {
        company: {s["state"] for s in i["steps"]}
        for company, i in zip(stored_companies(document), document["interviews"], strict=True)
    }
    # an older process, partly done; its momentum step moved on to the newest process (skipped)
    assert states["Northwind Analytics"] == {"done", "pending", "skipped"}
    assert states["Initech"] == {"pending"}  # just happened
    assert "$ afterview todo" in result.out
    assert "OVERDUE" in result.out
    assert "$ afterview draft-thanks 3" in result.out
    assert "To: Dana Whitfield <dana@initech.example>" in result.out
    assert "Sam Lee" in result.out
    assert f"AFTERVIEW_HOME={demo} afterview list" in result.out
    assert not home.exists()  # the user's own AFTERVIEW_HOME was not even created
    assert os.environ["AFTERVIEW_HOME"] == str(home)  # and is set back as it was


def test_demo_leaves_an_existing_store_byte_identical(
    process: Spawn, log: Callable[..., dict[str, Any]], store_file: Path, tmp_path: Path
) -> None:
    log()
    before = store_file.read_bytes()
    listing = sorted(p.name for p in store_file.parent.rglob("*"))
    result = process("demo", env={"TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert demo_home(result.stdout).parent == tmp_path
    assert store_file.read_bytes() == before
    assert sorted(p.name for p in store_file.parent.rglob("*")) == listing


def test_demo_without_afterview_home_never_touches_the_platform_data_directory(
    process: Spawn, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("AFTERVIEW_HOME")
    user = tmp_path / "user"
    env = {
        "HOME": str(user),
        "XDG_DATA_HOME": str(user / "data"),
        "XDG_CONFIG_HOME": str(user / "config"),
        "LOCALAPPDATA": str(user / "local"),
        "APPDATA": str(user / "roaming"),
        "TMPDIR": str(tmp_path),
    }
    result = process("demo", env=env)
    assert result.returncode == 0, result.stderr
    assert (demo_home(result.stdout) / "afterview.json").exists()
    assert not user.exists()


def test_the_commands_the_demo_suggests_run_where_afterview_is_not_on_path(
    process: Spawn, tmp_path: Path
) -> None:
    """After the README's install, ``.venv/bin`` is not on PATH: the demo's last lines name the program by
    the path it was started with, so pasting them works."""
    result = process("demo", env={"TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("Look around:"))
    words = shlex.split(line.removeprefix("Look around:"))
    assert words[0].startswith("AFTERVIEW_HOME=")
    listed = subprocess.run(
        words[1:],
        env={**os.environ, "PATH": "/usr/bin:/bin", "AFTERVIEW_HOME": words[0].partition("=")[2]},
        capture_output=True,
        text=True,
        check=False,
    )
    assert listed.returncode == 0, listed.stderr
    assert "Initech" in listed.stdout
