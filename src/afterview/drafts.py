"""Messages afterview suggests: pure functions from an interview and a profile to text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from afterview.models import Interview, Person, Profile, Rating


@dataclass(frozen=True)
class Draft:
    """A message ready to paste or send: who it is for, a subject and a body."""

    to_name: str
    to_email: str | None
    subject: str
    body: str
    warnings: tuple[str, ...] = field(default=())


def thank_you_notes(
    interview: Interview, profile: Profile, *, tz: dt.tzinfo, to: str | None = None
) -> list[Draft]:
    """One brief thank-you note per interviewer (or only to those whose name contains ``to``)."""
    people = [p for p in interview.interviewers if to is None or to.casefold() in p.name.casefold()]
    return [thank_you_note(interview, person, profile, tz=tz) for person in people]


def thank_you_note(interview: Interview, person: Person, profile: Profile, *, tz: dt.tzinfo) -> Draft:
    """A thank-you note as the article has it: thanks for the time, eagerness to work for the company,
    excitement about the position, an invitation to get in touch; personal where the debrief allows."""
    warnings: list[str] = []
    signature = _signature(profile, warnings)
    day = interview.at.astimezone(tz)
    topic = _topic(interview)
    topic_line = f" I especially enjoyed discussing {topic}." if topic else ""
    body = (
        f"Dear {person.name},\n\n"
        f"Thank you for taking the time to speak with me on {day:%A} about the {interview.role} position "
        f"at {interview.company}.{topic_line} Our conversation made me even more eager to work for "
        f"{interview.company}, and I am genuinely excited about the position and what I could contribute.\n\n"
        "Please do not hesitate to contact me if you have any questions.\n\n"
        f"Best regards,\n{signature}\n"
    )
    return Draft(
        to_name=person.name,
        to_email=person.email,
        subject=f"Thank you: {interview.role} interview",
        body=body,
        warnings=tuple(warnings),
    )


def _topic(interview: Interview) -> str | None:
    debrief = interview.debrief
    if debrief is None:
        return None
    if debrief.thank_you_topics:
        return debrief.thank_you_topics[0].strip().rstrip(".")
    strong = next((q for q in debrief.questions if q.rating is Rating.STRONG), None)
    return f'your question "{strong.question.strip()}"' if strong else None


def _signature(profile: Profile, warnings: list[str]) -> str:
    if profile.signature:
        return profile.signature.rstrip()
    if not profile.name:
        warnings.append('Your profile has no name: run afterview profile --name "Your Name".')
        return "[add your name]"
    contact = " · ".join(part for part in (profile.email, profile.phone) if part)
    return f"{profile.name}\n{contact}" if contact else profile.name
