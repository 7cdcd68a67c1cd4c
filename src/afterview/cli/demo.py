"""``afterview demo``: three made-up interviews in a throwaway store, to see the whole flow first.

The demo runs the real commands (``profile``, ``log``, ``done``, ``todo``, ``draft-thanks``) with
``AFTERVIEW_HOME`` pointed at a new temporary directory for the duration of the command, so the user's own
store is never opened.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from afterview.actions import session
from afterview.cli import drafts, log, profile, todo
from afterview.models.enums import StepKind
from afterview.render import console
from afterview.store import paths

_INTERVIEWS: list[dict[str, object]] = [
    {
        "company": "Northwind Analytics",
        "role": "Senior Backend Engineer",
        "at": "18 days ago 10:00",
        "stage": "screen",
        "format_": "phone",
        "interviewer": ["Maya Chen, Recruiter <maya@northwind.example>"],
        "next_steps": "The hiring manager will be in touch within a week.",
        "decision_by": "9 days ago",
    },
    {
        "company": "Globex",
        "role": "Staff Engineer",
        "at": "2 days ago 14:00",
        "stage": "onsite",
        "format_": "onsite",
        "interviewer": [
            "Priya Raman, Engineering Manager <priya@globex.example>",
            "Tom Becker, Staff Engineer",
        ],
        "next_steps": "A final round with the VP of Engineering.",
        "paperwork": ["Background-check form"],
        "references": True,
    },
    {
        "company": "Initech",
        "role": "Platform Lead",
        "at": "today 10:00",
        "stage": "technical",
        "format_": "video",
        "interviewer": ["Dana Whitfield, Principal Engineer <dana@initech.example>"],
        "next_steps": "The recruiter will call by the end of next week.",
    },
]
_ALREADY_DONE = {
    1: (StepKind.MEMORY_DUMP, StepKind.THANK_YOU, StepKind.NETWORK, StepKind.MOMENTUM),
    2: (StepKind.MEMORY_DUMP, StepKind.REFERENCE),
}


def demo() -> None:
    """Try afterview on three made-up interviews in a throwaway store; your own data is not touched.

    It prints where the demo store is, so you can look around in it. Example: afterview demo
    """
    home = Path(tempfile.mkdtemp(prefix="afterview-demo-"))
    screen = console.out()
    console.say(f"A throwaway store for the demo: {home}  (your own data is not touched)")
    with _home(home):
        with _silenced():
            _fill()
        screen.print("Three interviews: Northwind 18 days ago, Globex 2 days ago, Initech this morning.\n")
        screen.print("[bold]$ afterview todo[/]")
        todo.todo()
        screen.print("\n[bold]$ afterview draft-thanks 3[/]")
        drafts.draft_thanks(3)
    program = how_to_run()
    console.say(f"\nLook around:  AFTERVIEW_HOME={shlex.quote(str(home))} {program} list")
    console.say(
        f"Start for real with: {program} log   (delete the demo with: rm -r {shlex.quote(str(home))})"
    )


def how_to_run() -> str:
    """The command that runs this afterview, to paste: ``afterview`` when that is on PATH and is this one,
    else the path it was started by (``.venv/bin/afterview`` after the README's install), or
    ``python -m afterview``."""
    started = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if started is not None and started.name == "__main__.py" and started.parent.name == "afterview":
        return f"{shlex.quote(sys.executable)} -m afterview"
    if started is None or started.stem != "afterview" or not started.is_file():
        return "afterview"  # run from elsewhere (a test, another program's process)
    found = shutil.which("afterview")
    if found is not None and Path(found).resolve() == started.resolve():
        return "afterview"
    shown = (
        os.path.relpath(started)
        if not started.is_absolute() or started.is_relative_to(Path.cwd())
        else started
    )
    return shlex.quote(str(shown))


def _fill() -> None:
    """Record the demo interviews the way a user would, and tick off what they would have done by now."""
    profile.profile(name="Sam Lee", email="sam@example.com", no_input=True)
    for fields in _INTERVIEWS:
        log.log(**fields, no_input=True)  # type: ignore[arg-type]
    document = session.open_store().read()
    done = [
        step.id
        for interview in document.interviews
        for step in interview.steps
        if step.kind in _ALREADY_DONE.get(interview.id, ())
    ]
    todo.done(done)


@contextlib.contextmanager
def _home(home: Path) -> Iterator[None]:
    """Point ``AFTERVIEW_HOME`` at ``home`` for the duration, then put it back as it was."""
    before = os.environ.get(paths.HOME_VARIABLE)
    os.environ[paths.HOME_VARIABLE] = str(home)
    try:
        yield
    finally:
        if before is None:
            del os.environ[paths.HOME_VARIABLE]
        else:
            os.environ[paths.HOME_VARIABLE] = before


@contextlib.contextmanager
def _silenced() -> Iterator[None]:
    """Keep what the set-up commands print out of the demo's output."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        yield
