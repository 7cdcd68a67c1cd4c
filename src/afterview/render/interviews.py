"""The human view of what a change to one interview did (an interviewer added or updated)."""

from __future__ import annotations

from afterview.actions.interviewers import ContactKept, InterviewerAdded
from afterview.render import console, views


def interviewer_added(result: InterviewerAdded) -> None:
    """``Added Bo Li on interview 7.`` and their pending steps, or that nothing changed."""
    name, interview_id = result.person.name, result.interview.id
    if not result.changed:
        console.say(f"Nothing changed: {name} is already on interview {interview_id} as given.")
        return
    console.say(f"{'Added' if result.added else 'Updated'} {name} on interview {interview_id}.")
    views.step_rows(((result.interview, s) for s in result.steps), now=result.now, show_interview=False)


def contact_kept(result: ContactKept) -> None:
    """A team's mailbox kept as the process's contact, not as an interviewer."""
    console.say(f"Kept {result.contact} as the contact address of {result.interview.company}'s process.")
