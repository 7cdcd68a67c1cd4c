"""Reading what the user types: interviewer specs, emails, choices, and prompts on a terminal."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import TypeVar

import typer

from afterview.errors import UserError
from afterview.models import Person

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_SPEC = re.compile(r"^(?P<rest>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*$")
INTERVIEWER_EXAMPLES = '"Jane Doe <jane@acme.com>", "Jane Doe, CTO <jane@acme.com>" or "Jane Doe"'


def email_address(value: str) -> str:
    """A checked, normalised email address (syntax only: afterview never looks anything up online)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(value.strip(), check_deliverability=False).normalized
    except EmailNotValidError as error:
        raise UserError(f"{value!r} is not a valid email address: {error}") from None


def clean_text(value: str, *, field: str, max_length: int = 200, multiline: bool = False) -> str:
    """``value`` stripped, refused if empty, too long, or holding control characters."""
    text = value.strip()
    if not text:
        raise UserError(f"The {field} cannot be empty.")
    if len(text) > max_length:
        raise UserError(f"The {field} is too long ({len(text)} characters; at most {max_length}).")
    allowed = "\n\t" if multiline else "\t"
    if any((ord(c) < 32 and c not in allowed) or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise UserError(f"The {field} holds control characters or invalid text; please retype it.")
    return text


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
        name=clean_text(name, field="interviewer's name"),
        title=clean_text(title, field="interviewer's title") if title.strip() else None,
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
    while True:
        answer: str = typer.prompt(
            label, default=default if default is not None else "", show_default=bool(default)
        )
        if answer.strip() or not required:
            return answer.strip()
        typer.echo(f"{label} is needed.", err=True)


def ask_until_valid(
    label: str, read: Callable[[str], T], *, default: str | None = None, required: bool = True
) -> T | None:
    """Prompt, and prompt again with the reason while the answer does not read."""
    while True:
        answer = ask(label, default=default, required=required)
        if not answer and not required:
            return None
        try:
            return read(answer)
        except UserError as error:
            typer.echo(f"{error.message} {error.hint or ''}".strip(), err=True)
