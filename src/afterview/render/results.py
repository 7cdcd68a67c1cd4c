"""The one place that decides between ``--json`` and the human view of a use case's result.

A use case (:mod:`afterview.actions`) returns a result object with ``to_json()``, the documented JSON
contract; a command hands it here with the human view that shows the same object. No command keeps an
``if json_`` branch of its own, so what a script reads and what a person reads can never drift apart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol, TypeVar

from afterview.render import console


class Result(Protocol):
    """What every use case returns: an object that knows its JSON form."""

    def to_json(self) -> Any:
        """The result in the JSON contract (README, "JSON output")."""


R = TypeVar("R", bound=Result)


def emit(result: R, *, json_: bool, human: Callable[[R], None]) -> None:
    """Print ``result``: its JSON form with ``--json`` (an iterator is printed as an array, one item at a
    time), else ``human(result)``."""
    if not json_:
        human(result)
        return
    value = result.to_json()
    if isinstance(value, Iterator):
        console.print_json_array(value)
    else:
        console.print_json(value)
