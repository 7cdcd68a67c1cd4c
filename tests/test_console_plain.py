"""Into a pipe, a line of results is written without Rich (:func:`afterview.render.console.say`,
:func:`~afterview.render.console.line`), byte for byte what Rich would write there: checked against Rich
itself, for any text."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from afterview.render import console
from afterview.render.literal import visible


def rich_writes(*parts: tuple[str, str]) -> str:
    """What the results console writes into a pipe for ``parts``."""
    file = io.StringIO()
    out = Console(file=file, soft_wrap=True, width=100_000, highlight=False, color_system="auto")
    out.print(Text.assemble(*(console.literal(text, style) for text, style in parts)))
    return file.getvalue()


@given(st.lists(st.tuples(st.text(), st.sampled_from(["", "bold", "dim", "bold cyan"])), min_size=1))
def test_a_line_into_a_pipe_is_what_rich_writes(parts: list[tuple[str, str]]) -> None:
    file = io.StringIO()
    text = "".join(visible(piece) for piece, _ in parts)
    if console._wrote_plain(file, text, styled=any(style for _, style in parts)):
        assert file.getvalue() == rich_writes(*parts)


@pytest.mark.parametrize("text", ["Done 7.2: Send Jane a note", "Zoë · Łukasz — 東京", "[bold]x[/] :smile:"])
def test_common_lines_take_the_plain_path(text: str) -> None:
    file = io.StringIO()
    assert console._wrote_plain(file, text, styled=True)
    assert file.getvalue() == rich_writes((text, "bold"))


def test_a_tab_goes_to_rich() -> None:
    assert not console._wrote_plain(io.StringIO(), "a\tb", styled=False)
