"""One person across the rounds of a hiring process (pure).

The same person is met again in a later round when they share an email (compared casefolded) or a name
(compared by :func:`afterview.domain.people.name_key`: case, accents and punctuation ignored), as
:func:`afterview.domain.contacts.same_person` says. Planning keeps one network step per person and process
(the first round's), and a thank-you note to someone met before reads as a note for this round.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from afterview.domain.people import name_key
from afterview.models.enums import StepKind, StepState
from afterview.models.records import Interview, Person


def identities(person: Person) -> frozenset[str]:
    """The keys under which ``person`` is the same as someone else: their email and their name key."""
    keys = set()
    if person.email and person.email.strip():
        keys.add("email:" + person.email.strip().casefold())
    key = name_key(person.name)
    if key:
        keys.add("name:" + key)
    return frozenset(keys)


def in_order(rounds: Iterable[Interview]) -> list[Interview]:
    """Rounds in the order they happened (time, then id)."""
    return sorted(rounds, key=lambda i: (i.at, i.id))


def met_before(interviews: Sequence[Interview]) -> dict[int, frozenset[str]]:
    """For every interview, the identity keys of the people met in earlier rounds of its process."""
    by_process: dict[int, list[Interview]] = {}
    for interview in interviews:
        by_process.setdefault(interview.process_id, []).append(interview)
    result: dict[int, frozenset[str]] = {}
    for rounds in by_process.values():
        if len(rounds) < 2:  # a single round met no one before (most processes: kept cheap)
            continue
        earlier: frozenset[str] = frozenset()
        for interview in in_order(rounds):
            result[interview.id] = earlier
            earlier = earlier.union(*(identities(person) for person in interview.interviewers))
    return result


def earlier_rounds(interview: Interview, rounds: Iterable[Interview]) -> list[Interview]:
    """The rounds of ``interview``'s process before it, in order."""
    mine = (interview.at, interview.id)
    return [r for r in in_order(rounds) if r.process_id == interview.process_id and (r.at, r.id) < mine]


def rounds_with(person: Person, rounds: Iterable[Interview]) -> list[tuple[Interview, Person]]:
    """Each of ``rounds`` that ``person`` was in, with them as recorded there."""
    keys = identities(person)
    found = []
    for interview in rounds:
        match = next((p for p in interview.interviewers if identities(p) & keys), None)
        if match is not None:
            found.append((interview, match))
    return found


WORDINGS = 6
"""How many wordings a thank-you template offers: a panel of up to six gets one each."""


def panel_wordings(interview: Interview, rounds: Iterable[Interview]) -> list[int]:
    """The wording (1 to :data:`WORDINGS`) of the thank-you note to each interviewer of ``interview``.

    Along a panel each member gets their own (up to six); someone met in an earlier round of the process
    never gets the wording their last note had, so no one reads the same words twice. ``rounds`` are the
    process's rounds (``interview`` among them or not); only those before it count.
    """
    last: dict[str, int] = {}
    for earlier in earlier_rounds(interview, rounds):
        for person, wording in zip(earlier.interviewers, _wordings(earlier, last), strict=True):
            for key in identities(person):
                last[key] = wording
    return _wordings(interview, last)


def _wordings(interview: Interview, last: dict[str, int]) -> list[int]:
    used: set[int] = set()
    chosen = []
    for index, person in enumerate(interview.interviewers):
        avoid = {last[key] for key in identities(person) if key in last}
        options = [(index + step) % WORDINGS + 1 for step in range(WORDINGS)]
        free = [w for w in options if w not in used and w not in avoid]
        wording = (free or [w for w in options if w not in avoid] or options)[0]
        used.add(wording)
        chosen.append(wording)
    return chosen


def thanked_before(person: Person, earlier: Iterable[Interview]) -> bool:
    """Whether ``person`` was thanked after one of the ``earlier`` rounds: their thank-you step there is
    done, or a thank-you note to them is marked sent."""
    for interview, match in rounds_with(person, earlier):
        if any(
            s.kind is StepKind.THANK_YOU and s.person == match.name and s.state is StepState.DONE
            for s in interview.steps
        ):
            return True
        if any(r.kind == "thank-you" and r.to == match.name for r in interview.sent):
            return True
    return False
