"""``afterview draft-thanks``: a thank-you note for each interviewer, ready to paste."""

from __future__ import annotations

from typing import Annotated

import typer

from afterview import render
from afterview.cli import runtime
from afterview.cli.interviews import InterviewId, Json, find
from afterview.drafts import thank_you_notes
from afterview.errors import UserError


def draft_thanks(
    interview_id: InterviewId,
    to: Annotated[str | None, typer.Option(help="Only the interviewer whose name contains this.")] = None,
    json_: Json = False,
) -> None:
    """Draft a brief thank-you note to each interviewer (printed, never sent).

    Example: afterview draft-thanks 7 --to Jane
    """
    document = runtime.open_store().read()
    interview = find(document, interview_id)
    if not interview.interviewers:
        raise UserError(
            f"Interview {interview_id} has no interviewers to thank.",
            hint=f'Add one with: afterview interviewer {interview_id} "Name, Title <email>"',
        )
    notes = thank_you_notes(interview, document.profile, tz=runtime.user_tz(document.profile), to=to)
    if not notes:
        names = ", ".join(p.name for p in interview.interviewers)
        raise UserError(
            f"No interviewer of interview {interview_id} matches {to!r}.", hint=f"They are: {names}."
        )
    if json_:
        render.print_json(
            [
                {"to_name": n.to_name, "to_email": n.to_email, "subject": n.subject, "body": n.body}
                for n in notes
            ]
        )
        for warning in dict.fromkeys(w for n in notes for w in n.warnings):
            render.warn(warning)
    else:
        render.drafts(notes)
