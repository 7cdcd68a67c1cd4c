"""Adding an interview to the store's document: a new id, then the steps it calls for (pure)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from afterview.domain.steps import PlanContext, refresh_steps
from afterview.models import Document, Interview


def log_interview(
    document: Document, fields: Mapping[str, object], *, context: PlanContext, now: dt.datetime
) -> Interview:
    """Add an interview made of ``fields`` to ``document`` under the next id, with its steps planned.

    ``context`` is the planning context of ``document`` as it was before the interview was added.
    Raises UserError when the interview is dated too far ahead to plan its steps, and
    pydantic.ValidationError when ``fields`` do not make a valid interview.
    """
    interview = refresh_steps(document.add_interview(fields, now=now), context, now=now)
    document.put(interview)
    return interview
