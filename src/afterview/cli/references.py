"""``afterview ref add|list|rm``: the people who vouch for you, and heads-up steps for them."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview.actions import reading
from afterview.actions.interviewers import name_parts
from afterview.actions.references import add_reference, remove_reference
from afterview.cli import inputs
from afterview.cli.interviews import (
    AddressAs,
    ChangedJson,
    FamilyName,
    GivenName,
    Honorific,
    Json,
    name_parts_given,
)
from afterview.models.records import Person
from afterview.render import console
from afterview.render.references import reference_changed, references_table
from afterview.render.results import emit

app = typer.Typer(
    name="ref",
    help="Your references: when an interview says they may be called, each gets a heads-up step.",
    no_args_is_help=True,
)


@app.command("add")
def add(
    name: Annotated[str, typer.Argument(help="Their name.")],
    relationship: Annotated[
        str | None, typer.Option(help="How they know you, e.g. 'former manager at Initech'.")
    ] = None,
    email: Annotated[str | None, typer.Option(help="Their email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="Their phone number.")] = None,
    json_: ChangedJson = False,
    honorific: Honorific = None,
    given_name: GivenName = None,
    family_name: FamilyName = None,
    address_as: AddressAs = None,
) -> None:
    """Add a reference; interviews that may call references get a step to warn them.

    Notes to a reference greet them by first name ("Hi Ann,"); --given-name or --address-as set it when
    the name does not say. Example:

        afterview ref add "Ann Smith" --relationship "former manager" --email ann@example.com
    """
    clean_name = inputs.field_text(name, "name")
    fields = {
        "name": clean_name,
        "relationship": inputs.field_text(relationship, "relationship") if relationship else None,
        "email": inputs.email_address(email) if email else None,
        "phone": inputs.field_text(phone, "phone") if phone else None,
    }
    parts = name_parts_given(
        honorific=honorific, given_name=given_name, family_name=family_name, address_as=address_as
    )
    fields |= name_parts(Person(name=clean_name), parts)
    emit(add_reference(fields), json_=json_, human=reference_changed)


@app.command("list")
def list_references(json_: Json = False) -> None:
    """List your references.

    Example: afterview ref list --json
    """
    emit(reading.list_references(), json_=json_, human=_references)


def _references(result: reading.ReferencesListed) -> None:
    if result.references:
        references_table(result.references)
    else:
        console.say('No references yet. Add one with: afterview ref add "Name" --email EMAIL')


@app.command("rm")
def rm(
    reference_id: Annotated[
        int, typer.Argument(metavar="ID", help="The reference's id, as ref list shows it.", min=1)
    ],
    json_: ChangedJson = False,
) -> None:
    """Remove a reference; their pending heads-up steps close.

    Example: afterview ref rm 2
    """
    emit(remove_reference(reference_id), json_=json_, human=reference_changed)
