"""What more than one test file needs: the fixed clock, a command's result, the real ``afterview`` command,
completion and pseudo-terminal drivers, and every command's name. Fixtures live in conftest.py; test files
import from here, never from each other."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from afterview.models.document import Document
from afterview.models.records import Interview, Process, StatusChange

NOW = "2026-11-27T16:00:00+01:00"
"""The fixed "now" of every test: a Friday afternoon, UTC+1."""

Spawn = Callable[..., subprocess.CompletedProcess[str]]
"""The ``process`` fixture: run the real ``afterview`` command as a separate process."""

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pseudo-terminal")


@dataclass
class Result:
    """What a command printed and how it exited."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


def afterview_command() -> list[str]:
    """The installed ``afterview`` console script of this environment."""
    script = Path(sys.executable).with_name("afterview.exe" if os.name == "nt" else "afterview")
    found = str(script) if script.exists() else shutil.which("afterview")
    assert found, "the afterview command is not installed in this environment"
    return [found]


def bash(process: Spawn, words: str) -> list[str]:
    """What Typer's bash completion script gets back for the command line ``words`` (cursor at its end)."""
    cword = len(words.split()) - (0 if words.endswith(" ") else 1)
    result = process(
        env={"_AFTERVIEW_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    )
    assert result.returncode == 0, result.stderr
    return [line for line in result.stdout.splitlines() if line]


def terminal(*args: str) -> Any:
    """``afterview ARGS`` in a real pseudo-terminal."""
    import pexpect

    child = pexpect.spawn(
        afterview_command()[0], list(args), env={**os.environ, "COLUMNS": "120"}, encoding="utf-8", timeout=30
    )
    child.logfile_read = io.StringIO()
    return child


def finish(child: Any) -> int:
    """Wait for a :func:`terminal` child to end; its exit status (128 + the signal when one killed it)."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus if child.exitstatus is not None else 128 + child.signalstatus)


def command_paths(command: Any = None, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """Every command as the words a user types after ``afterview``."""
    if command is None:
        import typer

        from afterview.cli.main import app

        command = typer.main.get_command(app)
    for name, sub in sorted(getattr(command, "commands", {}).items()):
        if getattr(sub, "hidden", False):
            continue
        if getattr(sub, "commands", None):
            yield from command_paths(sub, (*prefix, name))
        else:
            yield (*prefix, name)


def make_interview(
    *,
    company: str = "Acme",
    role: str = "Engineer",
    history: Sequence[StatusChange] = (),
    process: Process | None = None,
    **fields: Any,
) -> Interview:
    """An interview linked to a hiring process of its own (schema 2), for tests of the pure domain.

    ``company``, ``role`` and ``history`` are the process's; ``process`` joins an existing one instead.
    """
    if process is None:
        when = fields.get("created_at") or fields["at"]
        process = Process(
            id=fields.get("process_id") or fields.get("id", 1),
            company=company,
            role=role,
            history=list(history),
            created_at=when,
            updated_at=when,
        )
    return Interview.model_validate({**fields, "process_id": process.id}).linked(process)


def document_of(*interviews: Interview, **fields: Any) -> Document:
    """A document holding ``interviews`` and their processes, with the next ids after theirs."""
    processes = list({interview.process.id: interview.process for interview in interviews}.values())
    defaults = {
        "next_id": max((i.id for i in interviews), default=0) + 1,
        "next_process_id": max((p.id for p in processes), default=0) + 1,
    }
    return Document.model_validate(
        {**defaults, **fields, "processes": processes, "interviews": list(interviews)}
    )


def stored_companies(document: dict[str, Any]) -> list[str]:
    """The company of each interview of a store file's JSON, in order (schema 2 keeps it on the process)."""
    companies = {process["id"]: process["company"] for process in document["processes"]}
    return [companies[interview["process_id"]] for interview in document["interviews"]]


def acme_round(interview_id: int = 1, **fields: Any) -> Interview:
    """Interview ``interview_id`` (Acme · SRE, Friday 20 November 2026 10:00 UTC, logged on the 27th at
    15:00 UTC) in a process of its own, for the pure domain's tests; ``fields`` override."""
    logged = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.UTC)
    values: dict[str, Any] = {
        "id": interview_id,
        "company": "Acme",
        "role": "SRE",
        "at": dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC),
        "created_at": logged,
        "updated_at": logged,
        **fields,
    }
    return make_interview(**values)


def interrupt(child: Any) -> None:
    """Press Ctrl-C in a pexpect child's terminal and wait for it to end.

    A second press follows when the first has not ended it within 10 s: on a loaded machine a keypress can
    reach the terminal before the prompt reads it (seen a few times in hundreds of CI runs). The callers still
    assert the exit status (130) and that nothing was written.
    """
    import pexpect

    child.sendintr()
    if child.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=10) == 1:
        child.sendintr()
        child.expect(pexpect.EOF)


_PROBE = """
import json, sys
sys.argv = ["afterview", *json.loads(sys.argv[1])]
from afterview.__main__ import main
code = 0
try:
    main()
except SystemExit as exit:
    code = exit.code if isinstance(exit.code, int) else 0 if exit.code is None else 1
sys.stdout.flush()
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
sys.exit(code)
"""


def loaded(
    *args: str, env: dict[str, str] | None = None, code: int = 0, err: str = ""
) -> tuple[set[str], str]:
    """Run ``afterview ARGS`` in a fresh interpreter; return the modules it imported and what it printed.

    The probe must have run the command as ``afterview`` would: it exits with ``code`` and writes ``err`` to
    stderr (nothing, unless told), then the module list."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )
    errors, _, modules = result.stderr.rpartition("\nMODULES ")
    assert modules, result.stderr
    assert result.returncode == code, result.stderr
    assert errors == err
    return set(json.loads(modules)), result.stdout + errors


STAYING_AFTER_THE_END = ("memory-dump", "contact-details", "network", "rejection-reply")
"""The kinds of step an ended process keeps pending (issue 26), which keep its rounds out of the archive."""


def close_what_stays(cli: Callable[..., Result], interview_id: int | str) -> None:
    """Tick off the steps an ended process keeps pending on round ``interview_id``, so it can be archived."""
    steps = cli("todo", str(interview_id), "--json").json()
    ids = [step["id"] for step in steps if step["kind"] in STAYING_AFTER_THE_END]
    if ids:
        result = cli("done", *ids)
        assert result.code == 0, result.err
