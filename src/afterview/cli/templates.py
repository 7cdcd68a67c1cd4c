"""``afterview templates``: the message templates, built in or your own, and where they live."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from afterview.actions import session
from afterview.cli import inputs
from afterview.cli.interviews import Json
from afterview.domain.templates import NAMES, Template, TemplateError, check, fields_of
from afterview.errors import UserError
from afterview.render import console
from afterview.render.results import emit
from afterview.store import files, paths

app = typer.Typer(
    help="Message templates you can make your own: list, show, edit, reset."
    "\n\nExample: afterview templates edit thank-you",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

Name = Annotated[str, typer.Argument(help=f"The template: {', '.join(NAMES)}.", show_default=False)]


def user_dir() -> Path:
    """Where your own templates live (under the config directory)."""
    return paths.config_dir() / "templates"


def user_path(name: str, language: str = "en") -> Path:
    """The file that overrides the built-in template ``name`` in ``language`` (English: no subfolder)."""
    return user_dir() / f"{name}.txt" if language == "en" else user_dir() / language / f"{name}.txt"


def builtin(name: str, language: str = "en") -> Template:
    """The template ``name`` as shipped with afterview, in ``language``."""
    from importlib import resources

    folder = resources.files("afterview") / "message_templates"
    relative = f"{name}.txt" if language == "en" else f"{language}/{name}.txt"
    text = (folder / relative).read_text("utf-8")
    return Template(name=name, text=text, origin=f"built-in {relative}")


def profile_language() -> str:
    """The language of your drafts, from your profile (``profile --language``)."""
    return session.open_store().read(open_only=True).profile.language or "en"


def load(name: str, language: str = "en") -> Template:
    """Your template ``name`` in ``language`` if you have one, else the built-in one; checked, so a broken
    one says where."""
    path = user_path(name, language)
    if not path.is_file():
        return builtin(name, language)
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise TemplateError(
            f"The {name} template ({path}) is not UTF-8 text.",
            hint=f"Fix it with: afterview templates edit {name}, or: afterview templates reset {name}",
        ) from None
    except OSError as error:
        raise UserError(f"Cannot read the {name} template ({path}): {error.strerror}.") from None
    template = Template(name=name, text=text, origin=str(path))
    check(template)
    return template


def _known(name: str) -> str:
    if name not in NAMES:
        raise UserError(f"There is no template {name!r}.", hint=f"The templates are: {', '.join(NAMES)}.")
    return name


@app.command("list")
def list_templates(json_: Json = False) -> None:
    """List the templates and whether each is built in or your own.

    Example: afterview templates list
    """
    language = profile_language()
    emit(TemplatesListed([(name, user_path(name, language)) for name in NAMES]), json_=json_, human=_listed)


@dataclass(frozen=True)
class TemplatesListed:
    """Each template's name and where your own version of it is (or would be)."""

    rows: list[tuple[str, Path]]

    def to_json(self) -> list[dict[str, object]]:
        """An array of ``{"name", "custom", "path"}``."""
        return [{"name": name, "custom": path.is_file(), "path": str(path)} for name, path in self.rows]


def _listed(result: TemplatesListed) -> None:
    for name, path in result.rows:
        console.say(f"{name:<13} {'yours: ' + str(path) if path.is_file() else 'built-in'}")
    console.note("Make one your own with: afterview templates edit NAME")


@app.command("show")
def show(
    name: Name,
    builtin_: Annotated[
        bool, typer.Option("--builtin", help="Show the built-in one, even if you have your own.")
    ] = False,
) -> None:
    """Print a template, and the fields it can use.

    Example: afterview templates show thank-you
    """
    language = profile_language()
    template = builtin(_known(name), language) if builtin_ else load(_known(name), language)
    sys.stdout.write(template.text if template.text.endswith("\n") else template.text + "\n")
    fields = ", ".join("{{ " + field + " }}" for field in fields_of(name))
    console.note(f"From {template.origin}. Fields: {fields}.")


@app.command("edit")
def edit(name: Name) -> None:
    """Open your copy of a template in $VISUAL or $EDITOR (made from the built-in one the first time).

    Example: afterview templates edit follow-up
    """
    from afterview.cli import editor

    language = profile_language()
    path = user_path(_known(name), language)
    if not path.is_file():
        for directory in (paths.config_dir(), user_dir(), path.parent):  # all private
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            files.write_atomically(path, builtin(name, language).text.encode("utf-8"))
        except OSError as error:
            raise UserError(
                f"Cannot make your copy of the {name} template ({path}): {error.strerror or error}."
            ) from None
    command = editor.find_editor(
        interactive=inputs.interactive(no_input=False), instead=f"edit the file directly: {path}"
    )
    original = path.read_bytes()
    saved = editor.edit(original, editor=command, name=path.name)
    if saved != original:
        _save(name, path=path, original=original, saved=saved)
    load(name, language)
    console.say(f"Saved your {name} template: {path}")


def _save(name: str, *, path: Path, original: bytes, saved: bytes) -> None:
    """Save an edited template unless it changed since the editor opened (another ``templates edit``
    closed first): then theirs stays and yours is kept beside it, so neither edit is lost."""
    from afterview.cli import editor
    from afterview.store.lock import LockTimeout, held

    try:
        with held(path.with_name(f".{path.name}.lock"), timeout=10, mode=files.PRIVATE_FILE):
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                current = None
            if current == original:
                files.write_atomically(path.resolve(), saved)
                return
            stamp = session.now().astimezone().strftime("%Y%m%d-%H%M%S")
            yours = editor.write_new(path.parent, saved, name=f"{path.stem}.yours-{stamp}", suffix=".txt")
    except (OSError, LockTimeout) as error:
        kept = editor.keep(saved, name=name, suffix=".txt")
        reason = getattr(error, "strerror", None) or error
        raise UserError(
            f"Cannot save the {name} template ({path}): {reason}.", hint=f"What you typed is kept in {kept}."
        ) from None
    now = "was reset" if current is None else "was saved by another afterview"
    raise UserError(
        f"The {name} template {now} while you were editing it; that version is kept in {path}, and yours "
        f"beside it in {yours}.",
        hint=f"Compare the two and keep what you want: afterview templates edit {name}",
    )


@app.command("reset")
def reset(name: Name) -> None:
    """Go back to the built-in template; your version is kept beside it as NAME.txt.bak.

    Example: afterview templates reset thank-you
    """
    path = user_path(_known(name), profile_language())
    if not path.is_file():
        console.say(f"The {name} template is already the built-in one.")
        return
    backup = path.with_name(path.name + ".bak")
    os.replace(path, backup)
    console.say(f"The {name} template is the built-in one again; yours is kept as {backup}")
