"""Reading what the user types: interviewer specs, emails, choices, and prompts on a terminal."""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, TypeVar

from afterview.domain import text_rules
from afterview.errors import UserError
from afterview.models.records import Person

if TYPE_CHECKING:
    from afterview.domain.greetings import Language

E = TypeVar("E", bound=Enum)
D = TypeVar("D", bound=dt.date)
T = TypeVar("T")

_SPEC = re.compile(r"^(?P<rest>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*$")
INTERVIEWER_EXAMPLES = '"Jane Doe <jane@acme.com>", "Jane Doe, CTO <jane@acme.com>" or "Jane Doe"'


def email_address(value: str) -> str:
    """A checked, normalised email address (syntax only: afterview never looks anything up online)."""
    from afterview.domain.email_addresses import normalised

    text = field_text(value, "email")
    try:
        return normalised(text)
    except ValueError as error:  # email_validator.EmailNotValidError
        raise UserError(f"{text!r} is not a valid email address: {error}") from None


def url(value: str, *, field: str = "link") -> str:
    """A checked web address: ``http`` or ``https``, with a host and no spaces."""
    text = field_text(value, "url", label=field)
    if text_rules.web_address_problem(text) is not None:
        raise UserError(
            f"{text!r} is not a web address.", hint="Give the whole address, e.g. https://example.com/jane"
        )
    return text


def field_text(value: str, key: str, *, label: str | None = None) -> str:
    """``value`` for the catalogue's field ``key`` (:mod:`afterview.models.fields`): its limit and line
    rule, named ``label`` or the field's own label in messages."""
    return text_rules.clean_field(value, key, label=label)


def interviewer(spec: str) -> Person:
    """An interviewer from ``"Name, Title <email>"`` (title and email optional)."""
    match = _SPEC.match(spec.strip())
    if match is None or not match["rest"].strip():
        raise UserError(f"Cannot read the interviewer {spec!r}.", hint=f"Write it as {INTERVIEWER_EXAMPLES}.")
    name, _, title = match["rest"].partition(",")
    if "@" in name:
        raise UserError(f"{spec!r} has no name.", hint=f"Write it as {INTERVIEWER_EXAMPLES}.")
    email = match["email"]
    return Person(
        name=field_text(name, "name", label="interviewer's name"),
        title=field_text(title, "title", label="interviewer's title") if title.strip() else None,
        email=email_address(email) if email is not None and email.strip() else None,
    )


def choice(value: str, enum: type[E], *, field: str) -> E:
    """The member of ``enum`` the user named."""
    try:
        return enum(value.strip().lower())
    except ValueError:
        options = ", ".join(str(member.value) for member in enum)
        raise UserError(f"{value!r} is not a {field}; choose one of: {options}.") from None


def ask(label: str, *, default: str | None = None, required: bool = True) -> str:
    """Prompt until the user gives an answer (or, when not ``required``, accept a blank one)."""
    import typer  # here, not above: the fast paths read text through this module without Typer

    from afterview.render.literal import visible

    shown = f"{label} [{visible(default)}]" if default else label  # text from a file: never raw
    while True:
        answer: str = typer.prompt(shown, default="", show_default=False)
        if not answer.strip() and default:
            answer = default
        if answer.strip() or not required:
            return answer.strip()
        typer.echo(f"{label} is needed.", err=True)


def confirm(question: str, *, default: bool) -> bool:
    """Ask a yes/no question on the terminal."""
    import typer

    return bool(typer.confirm(question, default=default))


def say(text: str, *, err: bool = False) -> None:
    """Print one line of a conversation at the terminal (a prompt's preamble, or why an answer is refused)."""
    import typer

    typer.echo(text, err=err)


def ask_until_valid(
    label: str,
    read: Callable[[str], T],
    *,
    default: str | None = None,
    required: bool = True,
    echo: Callable[[T], str] | None = None,
) -> T | None:
    """Prompt, and prompt again with the reason while the answer does not read.

    With ``echo``, say what was understood on the next line (``→ Fri 6 Nov 2026`` for a date).
    """
    import typer

    while True:
        answer = ask(label, default=default, required=required)
        if not answer and not required:
            return None
        try:
            value = read(answer)
        except UserError as error:
            typer.echo(f"{error.message} {error.hint or ''}".strip(), err=True)
            continue
        if echo is not None:
            typer.echo(f"  → {echo(value)}")
        return value


def ask_date(
    label: str, read: Callable[[str], D], *, default: str | None = None, required: bool = True
) -> D | None:
    """Prompt for a date or date-time as :func:`ask_until_valid` does, then echo it in words
    (``→ Fri 6 Nov 2026``), so "next friday" never silently means another Friday."""
    from afterview.domain.dates import spoken_date

    return ask_until_valid(label, read, default=default, required=required, echo=spoken_date)


def timezone(value: str) -> str:
    """An IANA time-zone name the system knows (``Europe/Berlin``), as typed.

    Raises UserError for anything else, paths included.
    """
    from afterview.domain.zones import FIXED_ZONES, iana_name, zone_suggestion

    name = iana_name(value)
    if name is None:
        guess = zone_suggestion(value)
        hint = f"Did you mean {guess}?" if guess else "Use an IANA name such as Europe/Berlin."
        raise UserError(f"{value!r} is not a time zone.", hint=hint)
    if name in FIXED_ZONES:
        from zoneinfo import ZoneInfo

        from afterview.render import console

        offset = dt.datetime(2026, 1, 1, tzinfo=ZoneInfo(name)).strftime("%z")
        console.warn(
            f"{name} is UTC{offset} all year, with no summer time; for a place, use its own zone, such as "
            f"{FIXED_ZONES[name]}."
        )
    return name


def interactive(no_input: bool) -> bool:
    """Whether prompting is allowed: never with ``--no-input`` or when stdin is not a terminal."""
    return not no_input and sys.stdin.isatty()


def language(value: str) -> Language:
    """A draft language as typed (``--language de``): one of en, de, fr, es, any case."""
    from afterview.domain.greetings import LANGUAGES  # here: the greetings read names, which list never needs

    chosen = value.strip().lower()
    for known in LANGUAGES:
        if known == chosen:
            return known
    raise UserError(f"{value!r} is not a language afterview writes; choose one of: {', '.join(LANGUAGES)}.")
