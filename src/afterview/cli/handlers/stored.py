"""``afterview list`` and ``afterview show``: what is stored, as of now."""

from __future__ import annotations

from afterview.actions import listing
from afterview.cli import inputs
from afterview.domain.phrasing import plural
from afterview.models.enums import Status
from afterview.render import console, views
from afterview.render.results import emit


def list_interviews(
    *,
    status: str | None = None,
    company: str | None = None,
    since: str | None = None,
    until: str | None = None,
    json_: bool = False,
) -> None:
    """Every interview, newest first: only those with ``status`` (as typed), whose company contains
    ``company``, held from ``since`` to ``until`` (dates as typed)."""
    wanted = inputs.choice(status, Status, field="status") if status is not None else None
    result = listing.list_interviews(status=wanted, company=company, since=since, until=until)
    emit(result, json_=json_, human=_listed)


def _listed(result: listing.InterviewsListed) -> None:
    if not result.lines and result.total:
        count = result.total
        console.say(f"None of your {plural(count, 'interview')} {'matches' if count == 1 else 'match'}.")
    else:
        views.interviews(result.lines, now=result.now)


def show(*, interview_id: str, json_: bool = False) -> None:
    """The round ``interview_id`` (``7``) or the process (``P2``) with its rounds."""
    emit(listing.show(interview_id), json_=json_, human=_shown)


def _shown(result: listing.Shown) -> None:
    if result.process is not None:
        views.process_detail(result.process, result.rounds, now=result.now)
        if result.search is not None:
            from afterview.render.stats import search_summary

            console.out().print()
            search_summary(result.search)
    else:
        assert result.interview is not None
        views.interview_detail(result.interview, now=result.now)
