"""``afterview profile``: who you are, for signatures and time zones."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer

from afterview.actions import clock
from afterview.actions.settings import ProfileSet, set_profile, show_profile
from afterview.cli import inputs
from afterview.domain.greetings import LANGUAGES, STYLES
from afterview.domain.phrasing import plural
from afterview.errors import UserError
from afterview.render import console, views
from afterview.render.results import emit


def _country(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise UserError(f"{value!r} is not a two-letter country code.", hint="For example US, GB, DE or FR.")
    from afterview.domain.workdays import PublicHolidays

    PublicHolidays(code).check()  # refused now, not at the next log that counts a business day
    return code


def _date_order(value: str) -> str | None:
    from afterview.domain.dates import DATE_ORDERS

    order = value.strip().upper()
    if order == "AUTO":
        return None
    if order not in DATE_ORDERS:
        raise UserError(
            f"{value!r} is not a date order.",
            hint="DMY reads 13/11/2026, MDY 11/13/2026, YMD 2026/11/13; auto follows your locale.",
        )
    return order


def _one_of(options: tuple[str, ...], *, field: str) -> Callable[[str], str]:
    def read(value: str) -> str:
        chosen = value.strip().lower()
        if chosen not in options:
            raise UserError(f"{value!r} is not a {field}; choose one of: {', '.join(options)}.")
        return chosen

    return read


_READERS = {
    "name": lambda v: inputs.field_text(v, "name"),
    "email": inputs.email_address,
    "phone": lambda v: inputs.field_text(v, "phone"),
    "signature": lambda v: inputs.field_text(v.replace("\\n", "\n"), "signature"),
    "timezone": inputs.timezone,
    "country": _country,
    "date_order": _date_order,
    "greeting": _one_of(STYLES, field="greeting"),
    "language": _one_of(LANGUAGES, field="language"),
}


def profile(
    name: Annotated[str | None, typer.Option(help="Your name, as you sign messages.")] = None,
    email: Annotated[str | None, typer.Option(help="Your email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Your phone number.")] = None,
    signature: Annotated[
        str | None, typer.Option(help=r"How messages end (default: name, email, phone); \n for a new line.")
    ] = None,
    timezone: Annotated[
        str | None, typer.Option(help="Your time zone, e.g. Europe/Berlin (default: the system's).")
    ] = None,
    country: Annotated[str | None, typer.Option(help="Two-letter country code, for public holidays.")] = None,
    date_order: Annotated[
        str | None,
        typer.Option(
            metavar="DMY|MDY|YMD",
            help="How you write numeric dates: DMY (13.11.2026), MDY (11/13/2026), YMD, or auto (locale).",
        ),
    ] = None,
    greeting: Annotated[
        str | None,
        typer.Option(
            metavar="|".join(STYLES),
            help="How drafts greet interviewers: auto (Dear Dr. Raman, with a title, else Dear Priya,), "
            "formal (title, else full name), full-name, first-name.",
        ),
    ] = None,
    language: Annotated[
        str | None,
        typer.Option(metavar="|".join(LANGUAGES), help="The language of the built-in drafts (default en)."),
    ] = None,
    no_input: Annotated[bool, typer.Option("--no-input", help="Never prompt.")] = False,
    json_: Annotated[bool, typer.Option("--json", help="Print the profile as JSON.")] = False,
) -> None:
    """Show or set your name, email, phone and signature.

    --greeting and --language say how drafts greet people and in which language they are written.

    With no options on a terminal it asks for each, showing the current value. Example:

        afterview profile --name "Sam Lee" --email sam@example.com
    """
    given = {
        "name": name,
        "email": email,
        "phone": phone,
        "signature": signature,
        "timezone": timezone,
        "country": country,
        "date_order": date_order,
        "greeting": greeting,
        "language": language,
    }
    changes = {key: _READERS[key](value) for key, value in given.items() if value is not None}
    if not changes and inputs.interactive(no_input) and not json_:
        current = show_profile()
        for key in ("name", "email", "phone", "signature"):
            answer = inputs.ask_until_valid(
                key.capitalize(), _READERS[key], default=getattr(current, key), required=False
            )
            if answer is not None and answer != getattr(current, key):  # only what the user changed:
                changes[key] = answer  # another afterview may have saved another field meanwhile
    result = set_profile(changes) if changes else ProfileSet(show_profile(), changed=False)
    if result.changed:
        moved = f"; {plural(result.moved, 'pending step')} moved" if result.moved else ""
        console.note(f"Profile saved{moved}.")
    elif not json_ and (changes or inputs.interactive(no_input)):
        console.note("Nothing changed: the profile already says so.")
    emit(result, json_=json_, human=_show)


def _show(result: ProfileSet) -> None:
    system = clock.system_zone()
    shown = {"timezone": f"(not set: the system's, {system})" if system else None}
    views.kv(
        (key.replace("_", " ").capitalize(), getattr(result.profile, key) or shown.get(key))
        for key in _READERS
    )
