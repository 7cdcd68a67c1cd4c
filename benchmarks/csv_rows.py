"""A deterministic CSV of N interviews for ``afterview import``, shaped like a long job search's tracker.

    .venv/bin/python benchmarks/csv_rows.py 100000 /tmp/interviews.csv [--columns company,role,at]

Rows are spread over six years before :data:`NOW` (the benchmark's ``AFTERVIEW_NOW``), a few in the weeks
after it. Old processes have ended (rejected, no response, withdrawn, declined), half of them with a
``status_history``; recent ones still wait or go to a next round, and a rare one holds an offer. Each row has
0-3 interviewers, most with an email; some have a location, a decision date or a note. Company, role and
time together are unique, so every row is a new interview.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from collections.abc import Iterator, Sequence
from pathlib import Path

NOW = dt.datetime(2026, 11, 27, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=1)))
"""The benchmark's fixed "now" (as ``benchmarks/stores.py``): a Friday afternoon."""

HEADER = (
    "company",
    "role",
    "at",
    "stage",
    "format",
    "location",
    "interviewers",
    "decision_by",
    "status",
    "status_history",
    "notes",
)
YEARS = 6
"""How far back the rows go."""
UPCOMING = 0.02
"""The share of rows still to come (up to three weeks after :data:`NOW`)."""
RECENT_DAYS = 45
"""Rows younger than this may still be waiting for an answer."""

_FIRST = ["Ada", "Grace", "Alan", "Barbara", "Edsger", "Donald", "Frances", "Ken", "Margaret", "Radia"]
_LAST = ["Lovelace", "Hopper", "Turing", "Liskov", "Dijkstra", "Knuth", "Allen", "Thompson", "Hamilton"]
_TITLES = ["Engineering Manager", "Staff Engineer", "Recruiter", "CTO", "Product Manager", "Tech Lead"]
_COMPANIES = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne"]
_KINDS = ["Labs", "Systems", "Analytics", "Cloud", "Health", "Robotics", "Bank", "Games"]
_ROLES = ["Staff Engineer", "Senior Backend Engineer", "Platform Engineer", "Data Engineer", "SRE"]
_STAGES = ["screen", "technical", "onsite", "final", "other"]
_FORMATS = ["video", "video", "phone", "onsite"]
_ENDED = ["rejected", "rejected", "no-response", "withdrawn", "declined"]
_NOTES = [
    "Asked about on-call and the team's release cadence.",
    "Recruiter said the band is flexible; follow up on remote days.",
    'Whiteboard: design a rate limiter. Went "ok".',
    "Panel of three, friendly; they want someone to own the data pipeline.",
]


def rows(count: int, *, seed: int = 18, now: dt.datetime = NOW) -> Iterator[list[str]]:
    """``count`` rows under :data:`HEADER`, the same ones for the same ``seed``, oldest first."""
    pick = random.Random(seed)
    span = YEARS * 365 * 24 * 60  # minutes
    past = int(count * (1 - UPCOMING))
    minutes = sorted(pick.sample(range(span), past))
    moments = [now - dt.timedelta(minutes=span - m) for m in minutes]
    moments += sorted(
        now + dt.timedelta(minutes=pick.randrange(1, 21 * 24 * 60)) for _ in range(count - past)
    )
    for number, at in enumerate(moments):
        yield _row(pick, number, _working_hours(at), now=now)


def _working_hours(moment: dt.datetime) -> dt.datetime:
    """The same minute of the hour, moved between 9:00 and 17:59 on its day."""
    return moment.replace(hour=9 + moment.hour % 9)


def _row(pick: random.Random, number: int, at: dt.datetime, *, now: dt.datetime) -> list[str]:
    company = f"{pick.choice(_COMPANIES)} {pick.choice(_KINDS)} {number % 997}"
    age = (now - at).days
    interview_format = pick.choice(_FORMATS)
    decision_by = ""
    status, history = "", ""
    if at > now:
        pass
    elif age < RECENT_DAYS:
        status = pick.choices(["waiting", "next-round", "rejected", "offer"], weights=[70, 20, 10, 0.2])[0]
        if pick.random() < 0.3:
            decision_by = (at + dt.timedelta(days=pick.randint(5, 15))).date().isoformat()
    else:
        status = pick.choice(_ENDED)
        if pick.random() < 0.5:
            answered = at + dt.timedelta(days=pick.randint(3, 30))
            history = f"waiting ({at.date()}) → {status} ({answered.date()})"
    return [
        company,
        pick.choice(_ROLES),
        at.isoformat(timespec="minutes"),
        pick.choice(_STAGES),
        interview_format,
        f"{company} office, floor {pick.randint(1, 9)}" if interview_format == "onsite" else "",
        "; ".join(_person(pick, company) for _ in range(pick.choice([0, 1, 1, 2, 2, 3]))),
        decision_by,
        status,
        history,
        pick.choice(_NOTES) if pick.random() < 0.2 else "",
    ]


def _person(pick: random.Random, company: str) -> str:
    first, last = pick.choice(_FIRST), pick.choice(_LAST)
    domain = company.split()[0].lower() + ".example"
    email = f" <{first.lower()}.{last.lower()}@{domain}>" if pick.random() < 0.7 else ""
    return f"{first} {last}, {pick.choice(_TITLES)}{email}"


def write(
    path: Path, count: int, *, seed: int = 18, columns: Sequence[str] = HEADER, bad_last: bool = False
) -> None:
    """Write ``count`` rows under the header to ``path`` (UTF-8, as ``export csv`` writes, without a BOM);
    only ``columns``, when given (``company,role,at``: a bare tracker's, every process still waiting).
    With ``bad_last`` one more row follows whose ``at`` is not a date: the whole import must be refused."""
    keep = [HEADER.index(column) for column in columns]
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([row[i] for i in keep] for row in rows(count, seed=seed))
        if bad_last:
            writer.writerow(["Acme", "SRE", "soon", *[""] * (len(HEADER) - 3)][i] for i in keep)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many rows")
    parser.add_argument("path", type=Path, help="where to write the CSV")
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument(
        "--columns", default=",".join(HEADER), help=f"which of {','.join(HEADER)} (default: all)"
    )
    parser.add_argument("--bad-last", action="store_true", help="end with a row whose date is not a date")
    arguments = parser.parse_args()
    columns = arguments.columns.split(",")
    write(arguments.path, arguments.count, seed=arguments.seed, columns=columns, bad_last=arguments.bad_last)


if __name__ == "__main__":
    main()
