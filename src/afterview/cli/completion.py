"""Shell completion for interview and step ids, shown with their company or text.

Every Tab press starts afterview, so candidates come from the derived index
(:mod:`afterview.store.index`), read
with the standard library's ``json``: no pydantic, no rich. The same functions answer the Typer callbacks and
the bash fast path in ``__main__``.

Typer's bash completion prints values only, so under bash, when several ids match, each value carries its
text (``7.2  Send Jane Doe a thank-you note``) for bash to list; a single match is the bare id, which is
what bash inserts. zsh, fish and PowerShell show the text as the description.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

from afterview.errors import AfterviewError

if TYPE_CHECKING:
    from afterview.store.index import Index

_TEXT_WIDTH = 60


def index_or_empty() -> Index:
    """The index of the store; empty when the store is missing or unreadable (completion never complains)."""
    from afterview.actions.index import load_index

    try:
        return load_index()
    except (AfterviewError, OSError, ValueError):
        return {"timezone": None, "interviews": [], "pending": [], "upcoming": [], "ahead": []}


def _short(text: str) -> str:
    """``text`` as a candidate shows it: controls escaped (a hand-edited store may hold them), cut short."""
    from afterview.render.literal import visible

    text = visible(text)
    return text if len(text) <= _TEXT_WIDTH else text[: _TEXT_WIDTH - 1] + "…"


def under_bash() -> bool:
    """Whether this completion request comes from bash (which shows values only)."""
    return os.environ.get("_AFTERVIEW_COMPLETE") == "complete_bash"


def _offer(candidates: list[tuple[str, str]], *, bash: bool) -> list[tuple[str, str]]:
    """The candidates as completion items, with the text folded into the value when bash has several."""
    if not bash or len(candidates) < 2:
        return candidates
    width = max(len(value) for value, _ in candidates)
    return [(f"{value.ljust(width)}  {text}", text) for value, text in candidates]


def interview_candidates(found: Index, incomplete: str, *, bash: bool) -> list[tuple[str, str]]:
    """Interview ids starting with ``incomplete``, newest first, each with ``Company — Role``."""
    rows = sorted(found["interviews"], key=lambda row: row[0], reverse=True)
    return _offer(
        [
            (str(i), _short(f"{company} — {role}"))
            for i, company, role in rows
            if str(i).startswith(incomplete)
        ],
        bash=bash,
    )


def step_candidates(
    found: Index, incomplete: str, typed: Iterable[str], *, bash: bool
) -> list[tuple[str, str]]:
    """Pending step ids starting with ``incomplete`` and not already typed, soonest due first, with text."""
    from afterview.domain import dates

    skip = set(typed)
    steps = [s for s in found["pending"] if s["id"].startswith(incomplete) and s["id"] not in skip]
    steps.sort(
        key=lambda s: (str(dates.indexed_due(s))[:10], s["interview_id"], int(s["id"].partition(".")[2]))
    )
    return _offer([(s["id"], _short(s["title"])) for s in steps], bash=bash)


def interview_ids(incomplete: str) -> list[tuple[str, str]]:
    """Typer callback: interview ids with their company and role."""
    return interview_candidates(index_or_empty(), incomplete, bash=under_bash())


def closed_step_ids(incomplete: str, typed: Iterable[str]) -> list[tuple[str, str]]:
    """Typer callback for ``undo``: the done and skipped step ids with their text, in id order.

    The index holds pending steps only, so these come from the store (``undo`` is rarely completed).
    """
    from afterview.actions import session
    from afterview.models.enums import StepState

    try:
        document = session.open_store().read()
    except (AfterviewError, OSError):
        return []
    skip = set(typed)
    steps = [
        (step.id, _short(step.title))
        for interview in sorted(document.interviews, key=lambda i: i.id)
        for step in sorted(interview.steps, key=lambda s: int(s.id.partition(".")[2]))
        if step.state is not StepState.PENDING and step.id.startswith(incomplete) and step.id not in skip
    ]
    return _offer(steps, bash=under_bash())
