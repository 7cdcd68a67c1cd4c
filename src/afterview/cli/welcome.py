"""``afterview`` with no command: a welcome on first run, else what is due today and what to run next.

1. not on a terminal: print a short summary (and how many steps are due), never prompting;
2. no interviews yet: greet, explain the five habits, offer to set up the profile, then to log an interview;
3. otherwise: the steps due today or overdue, and the one command most worth running next.
"""

from __future__ import annotations

import datetime as dt
import locale
import os
import sys

import typer

from afterview.actions import clock, session
from afterview.actions.index import load_index
from afterview.actions.welcome import set_up_profile
from afterview.cli import inputs, log, profile
from afterview.domain.dates import due_moment
from afterview.domain.hints import step_command
from afterview.domain.steps import effective_due
from afterview.models.document import Document
from afterview.models.enums import StepState
from afterview.models.records import Interview, Profile, Step
from afterview.render import console
from afterview.render import welcome as screen


def run() -> None:
    """What ``afterview`` alone does (see the module docstring)."""
    load_index()  # plans the steps of an interview that has happened since the last save
    document = session.open_store().read()
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        screen.summary(due=len(_due(document)[0]), today=_today(document))
        return
    if document.interviews:
        _agenda(document)
        return
    screen.greeting()
    if document.profile.name is None and typer.confirm(
        "Set up your profile now (name, email, signature, country, time zone)?", default=True
    ):
        _set_up_profile(document.profile)
    if typer.confirm("Log the interview you just had?", default=True):
        log.log()
    else:
        console.out().print(
            "When you are ready: [bold]afterview log[/] (or look around first: afterview demo)"
        )


def _set_up_profile(current: Profile) -> None:
    """Ask for the profile fields that matter for drafts and business days, then save them in one write."""
    readers = profile._READERS  # the same checks as `afterview profile`
    answers = {
        "name": inputs.ask_until_valid(
            "Your name (blank to skip)", readers["name"], default=current.name, required=False
        ),
        "email": inputs.ask_until_valid(
            "Your email (blank to skip)", readers["email"], default=current.email, required=False
        ),
        "signature": inputs.ask_until_valid(
            r"Signature, \n for a new line (blank: your name and email)",
            readers["signature"],
            default=current.signature,
            required=False,
        ),
        "country": inputs.ask_until_valid(
            "Country for public holidays, two letters (blank to skip)",
            readers["country"],
            default=current.country or _locale_country(),
            required=False,
        ),
        "timezone": inputs.ask_until_valid(
            "Your time zone (an IANA name; Enter keeps the system's)",
            readers["timezone"],
            default=current.timezone or clock.system_zone(),
            required=False,
        ),
    }
    result = set_up_profile(answers=answers)
    if result is not None:
        screen.profile_set_up(result)


def _locale_country() -> str | None:
    """The country of the user's locale (``en_GB`` gives ``GB``), as a default to confirm; none for the C
    or POSIX locale of containers and servers, which Python reports as ``en_US`` though it names no
    country."""
    # none of them set (as on Windows): "", and the locale Python reads decides
    chosen = next((os.environ[key] for key in ("LC_ALL", "LC_CTYPE", "LANG") if os.environ.get(key)), "")
    if chosen.partition(".")[0] in ("C", "POSIX"):
        return None
    name = locale.getlocale()[0] or ""
    code = name.partition("_")[2][:2]
    return code.upper() if len(code) == 2 and code.isalpha() else None


def _due(document: Document) -> tuple[list[tuple[Interview, Step]], list[tuple[Interview, Step]]]:
    """The pending steps due by the end of today, and all pending steps, soonest first."""
    now = session.local_now(document.profile)
    tz = now.tzinfo or dt.UTC
    end_of_today = dt.datetime.combine(now.date(), dt.time.max, tzinfo=tz)
    pending = sorted(
        (
            (interview, step)
            for interview in document.interviews
            for step in interview.steps
            if step.state is StepState.PENDING
        ),
        key=lambda item: (due_moment(effective_due(item[1]), tz), item[0].id),
    )
    return [item for item in pending if due_moment(effective_due(item[1]), tz) <= end_of_today], pending


def _today(document: Document) -> list[str]:
    """``Interview today 21:00 (15:00 New York): Brightwave · link``, for each one still to come today."""
    from afterview.domain.local_times import ahead_of, ahead_today, today_line

    now = session.local_now(document.profile)
    return [
        today_line(item, now=now) for item in ahead_today(ahead_of(document.interviews, now=now), now=now)
    ]


def _agenda(document: Document) -> None:
    due, pending = _due(document)
    first = (due or pending)[0] if pending else None
    now = session.local_now(document.profile)
    screen.agenda(
        due,
        now=now,
        today=_today(document),
        upcoming=None if due or not pending else pending[0],
        next_command=next_command(first) if first else "afterview log",
    )


def next_command(item: tuple[Interview, Step]) -> str:
    """The command that does this step (:func:`afterview.domain.hints.step_command`)."""
    interview, step = item
    return step_command(
        kind=step.kind.value,
        step_id=step.id,
        interview_id=interview.id,
        company=interview.company,
        person=step.person,
    )
