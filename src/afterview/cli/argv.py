"""A command line read the way Click reads it, for the commands that answer without starting Typer.

A :class:`Grammar` lists what one Typer command accepts (its positional arguments, options that take a
value, repeatable options, flags); :func:`parse` turns a command line into the keyword arguments the
command's handler takes, as Typer would pass them, or ``None`` for anything it does not read exactly as
Click does (``--help``, ``--``, an unknown option, a value that looks like an option, a missing value, the
wrong number of arguments). ``None`` hands the line to Typer, which parses it and explains what is wrong.

The grammars repeat what the Typer commands declare; ``tests/test_fast_lines.py`` builds each one afresh
from the Typer command and checks they are equal, so the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, NamedTuple

_NO_ENTRIES: Mapping[Any, Any] = MappingProxyType({})
"""An empty mapping no one can add to (a default)."""


class Grammar(NamedTuple):
    """What one command accepts: every name is the parameter of its handler that receives it."""

    arguments: tuple[str, ...] = ()
    """The positional arguments, in order, each required."""
    rest: str | None = None
    """The parameter that takes every positional argument (``STEP...``), at least one; instead of
    ``arguments``."""
    options: Mapping[str, str] = _NO_ENTRIES
    """``--note`` → ``note``: options that take one value (the last given wins, as in Click)."""
    many: Mapping[str, str] = _NO_ENTRIES
    """``--interviewer`` → ``interviewer``: options that may be repeated (a list, in the order given)."""
    flags: Mapping[str, tuple[str, bool]] = _NO_ENTRIES
    """``--json`` → (``json_``, True), ``--no-references`` → (``references``, False)."""


def parse(grammar: Grammar, words: list[str]) -> dict[str, object] | None:
    """The keyword arguments ``words`` (the line after the command's name) give the handler, or ``None``
    when Typer should read the line. Parameters not on the line are left out (the handler's defaults)."""
    given: dict[str, object] = {}
    positional: list[str] = []
    pending = iter(words)
    for word in pending:
        if not word.startswith("-") or word == "-":
            positional.append(word)
            continue
        name, equals, value = word.partition("=")
        if name in grammar.flags and not equals:
            parameter, flag = grammar.flags[name]
            given[parameter] = flag
            continue
        if name not in grammar.options and name not in grammar.many:
            return None  # --help, --, an unknown option, a flag given a value
        if not equals:
            following = next(pending, None)
            if following is None or following.startswith("-"):
                return None  # a missing value, or one Click might read otherwise
            value = following
        if name in grammar.options:
            given[grammar.options[name]] = value
        else:
            listed = given.setdefault(grammar.many[name], [])
            assert isinstance(listed, list)
            listed.append(value)
    return _with_arguments(grammar, given, positional)


def _with_arguments(
    grammar: Grammar, given: dict[str, object], positional: list[str]
) -> dict[str, object] | None:
    if grammar.rest is not None:
        if not positional:
            return None
        given[grammar.rest] = positional
    elif len(positional) != len(grammar.arguments):
        return None
    else:
        given.update(zip(grammar.arguments, positional, strict=True))
    return given
