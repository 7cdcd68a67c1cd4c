"""Synthetic afterview stores that look like a real job search, generated deterministically from a seed.

Each interview has 2-3 interviewers, a debrief of 6-10 questions with a few hundred words of notes, 8-12
steps and a status history. Interviews are a day or two apart and the newest is yesterday, so, as in a real
search, only the most recent few dozen still have pending steps; everything older is done, skipped or closed.
The whole store is validated with the real models and written with the store's own serialiser, so the
files are exactly what afterview writes.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
"""The benchmark's fixed "now" (``AFTERVIEW_NOW``): a Friday afternoon."""

PENDING_DAYS = 40
"""Interviews older than this have every step closed."""

_FIRST = [
    "Ada",
    "Grace",
    "Alan",
    "Barbara",
    "Edsger",
    "Donald",
    "Frances",
    "Ken",
    "Margaret",
    "Dennis",
    "Radia",
    "John",
    "Lynn",
    "Guido",
    "Anita",
]
_LAST = [
    "Lovelace",
    "Hopper",
    "Turing",
    "Liskov",
    "Dijkstra",
    "Knuth",
    "Allen",
    "Thompson",
    "Hamilton",
    "Ritchie",
    "Perlman",
    "Backus",
]
_TITLES = ["Engineering Manager", "Staff Engineer", "Recruiter", "CTO", "Product Manager", "Tech Lead"]
_COMPANIES = [
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Aperture",
    "Soylent",
    "Vandelay",
]
_ROLES = ["Staff Engineer", "Senior Backend Engineer", "Platform Engineer", "Data Engineer", "SRE"]
_STAGES = ["screen", "technical", "onsite", "final", "other"]
_FORMATS = ["video", "phone", "onsite"]
_ENDINGS = ["rejected", "next-round", "no-response", "withdrawn"]  # an offer adds steps to every waiting one
_WORDS = [
    "the",
    "team",
    "asked",
    "about",
    "distributed",
    "systems",
    "caching",
    "latency",
    "trade",
    "offs",
    "and",
    "how",
    "I",
    "would",
    "design",
    "a",
    "rate",
    "limiter",
    "for",
    "their",
    "public",
    "API",
    "I",
    "explained",
    "token",
    "buckets",
    "sliding",
    "windows",
    "and",
    "the",
    "failure",
    "modes",
    "of",
    "each",
    "they",
    "pushed",
    "on",
    "consistency",
    "across",
    "regions",
    "and",
    "I",
    "talked",
    "through",
    "leader",
    "election",
    "quorum",
    "reads",
    "and",
    "what",
    "I",
    "had",
    "learned",
    "running",
    "a",
    "migration",
    "that",
    "went",
    "wrong",
    "we",
    "spent",
    "time",
    "on",
    "on",
    "call",
    "culture",
    "incident",
    "reviews",
    "mentoring",
    "junior",
    "engineers",
    "and",
    "how",
    "to",
    "say",
    "no",
    "to",
    "a",
    "roadmap",
    "that",
    "does",
    "not",
    "fit",
    "the",
    "capacity",
    "we",
    "have",
]
_QUESTIONS = [
    "Tell me about a time you disagreed with your manager.",
    "Design a URL shortener that serves a billion requests a day.",
    "How would you find the slowest endpoint in a service you do not know?",
    "What is the hardest bug you have fixed?",
    "How do you decide what not to build?",
    "Walk me through a migration you led.",
    "How do you review code from someone more senior?",
    "What would your first ninety days look like?",
    "Explain consistent hashing to a new graduate.",
    "Why are you leaving your current role?",
    "How do you handle an incident at 3am?",
    "What do you look for in a team?",
]


def _words(rng: random.Random, count: int) -> str:
    start = rng.randrange(len(_WORDS))
    text = " ".join(_WORDS[(start + i) % len(_WORDS)] for i in range(count))
    return text[0].upper() + text[1:] + "."


def _person(rng: random.Random, company: str) -> dict[str, Any]:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    email = None if rng.random() < 0.15 else f"{first}.{last}@{company.lower()}.example".lower()
    return {"name": f"{first} {last}", "title": rng.choice(_TITLES), "email": email}


def _debrief(rng: random.Random) -> dict[str, Any]:
    questions = [
        {
            "question": question,
            "answer": _words(rng, rng.randint(25, 50)),
            "rating": rng.choice(["strong", "ok", "weak"]),
            "next_time": _words(rng, rng.randint(8, 20)),
        }
        for question in rng.sample(_QUESTIONS, rng.randint(6, 10))
    ]
    return {
        "questions": questions,
        "went_well": _words(rng, 40),
        "to_improve": _words(rng, 40),
        "thank_you_topics": [_words(rng, 6), _words(rng, 6)],
        "my_questions": ["How do you measure success in this role?", "What does on-call look like?"],
        "notes": "\n\n".join(_words(rng, rng.randint(60, 110)) for _ in range(3)),
    }


def _steps(rng: random.Random, interview: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps the engine would plan, closed as a person would close them (older ones all closed)."""
    at = dt.datetime.fromisoformat(interview["at"])
    day = at.date()
    company = interview["company"]
    planned: list[tuple[str, str, str, str | None, str]] = [
        ("memory-dump", "memory-dump", "Write down what you remember of the interview", None, day.isoformat())
    ]
    for index, person in enumerate(interview["interviewers"]):
        name = person["name"]
        if person["email"] is None:
            planned.append(
                (
                    "contact-details",
                    f"contact-details:{index}",
                    f"Get {name}'s email address",
                    name,
                    at.isoformat(),
                )
            )
        thanks = (at + dt.timedelta(hours=24)).isoformat()
        planned.append(("thank-you", f"thank-you:{index}", f"Send {name} a thank-you note", name, thanks))
        network = (day + dt.timedelta(days=2)).isoformat()
        planned.append(
            ("network", f"network:{index}", f"Add {name} to your professional network", name, network)
        )
    planned.append(("follow-up", "follow-up", f"Check in with {company} (no news yet)", None, _plus(day, 7)))
    planned.append(
        ("close-out", "close-out", f"Still no answer from {company}? Close it out", None, _plus(day, 38))
    )
    planned.append(
        ("momentum", "momentum", "Line up your next application or interview", None, _plus(day, 7))
    )
    if len(planned) < 8:
        planned.append(("paperwork", "paperwork:0", "Return the background-check form", None, _plus(day, 2)))
    recent = (NOW - at).days < PENDING_DAYS
    steps = []
    for seq, (kind, key, title, person, due) in enumerate(planned[:12], start=1):
        due_moment = dt.datetime.fromisoformat(due) if "T" in due else None
        past = (due_moment or dt.datetime.combine(dt.date.fromisoformat(due), dt.time.max, NOW.tzinfo)) < NOW
        pending = recent and (not past or rng.random() < 0.3)
        state = "pending" if pending else rng.choices(["done", "skipped"], [9, 1])[0]
        done_at = None if pending else (at + dt.timedelta(hours=rng.randint(2, 200))).isoformat()
        steps.append(
            {
                "id": f"{interview['id']}.{seq}",
                "kind": kind,
                "key": key,
                "title": title,
                "person": person,
                "due": due,
                "state": state,
                "done_at": done_at,
                "snoozed_until": None,
                "note": "met them at a meetup already" if state == "skipped" else None,
            }
        )
    return steps


def _plus(day: dt.date, days: int) -> str:
    return (day + dt.timedelta(days=days)).isoformat()


def interview(rng: random.Random, number: int, at: dt.datetime) -> dict[str, Any]:
    """One interview as the store holds it."""
    company = rng.choice(_COMPANIES)
    created = at + dt.timedelta(hours=1)
    record: dict[str, Any] = {
        "id": number,
        "company": company,
        "role": rng.choice(_ROLES),
        "at": at.isoformat(),
        "stage": rng.choice(_STAGES),
        "format": rng.choice(_FORMATS),
        "location": None,
        "interviewers": [_person(rng, company) for _ in range(rng.randint(2, 3))],
        "next_steps": _words(rng, 15),
        "decision_by": None,
        "references_may_call": False,
        "paperwork": [],
        "debrief": _debrief(rng),
        "notes": None,
        "created_at": created.isoformat(),
        "updated_at": created.isoformat(),
    }
    record["steps"] = _steps(rng, record)
    record["step_seq"] = len(record["steps"])
    history = [{"status": "waiting", "on": at.date().isoformat(), "deadline": None, "note": None}]
    if (NOW - at).days >= PENDING_DAYS:
        ending = rng.choice(_ENDINGS)
        on = (at + dt.timedelta(days=rng.randint(5, 30))).date().isoformat()
        history.append({"status": ending, "on": on, "deadline": None, "note": None})
    record["history"] = history
    return record


def document(size: int, *, seed: int = 7) -> dict[str, Any]:
    """A whole store of ``size`` interviews; the same ``size`` and ``seed`` always give the same bytes."""
    rng = random.Random(f"{seed}:{size}")
    moments = []
    at = NOW - dt.timedelta(days=1)
    for _ in range(size):
        moments.append(at.replace(hour=rng.randint(9, 17), minute=rng.choice([0, 15, 30, 45])))
        at -= dt.timedelta(hours=rng.randint(12, 60))
    interviews = [interview(rng, number, at) for number, at in enumerate(reversed(moments), start=1)]
    return {
        "format": "afterview",
        "schema_version": 1,
        "revision": size,
        "written_by": "afterview benchmark",
        "updated_at": NOW.isoformat(),
        "next_id": size + 1,
        "profile": {"name": "Sam Lee", "email": "sam@example.com", "timezone": "Europe/Berlin"},
        "references": [],
        "interviews": interviews,
    }


def write(path: Path, size: int, *, seed: int = 7) -> list[str]:
    """Write a valid store of ``size`` interviews to ``path``; return its pending step ids, newest first.

    The whole document goes through the models and the store's own serialiser, so the file holds exactly
    the bytes afterview itself would write (and loads as such).
    """
    from afterview.models.document import Document
    from afterview.models.migrations import schema_1_to_2
    from afterview.store.codec import serialise

    payload = {**schema_1_to_2(document(size, seed=seed)), "schema_version": 2}  # each interview a process
    data = serialise(Document.model_validate(payload))
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(0o600)
    return [
        step["id"]
        for record in reversed(payload["interviews"])
        for step in record["steps"]
        if step["state"] == "pending"
    ]


if __name__ == "__main__":
    import sys

    # Run in its own process by run.py, so the benchmark's parent stays small: a child's peak memory as the
    # kernel reports it starts from what its parent held when it forked.
    print(json.dumps(write(Path(sys.argv[1]), int(sys.argv[2]))))
