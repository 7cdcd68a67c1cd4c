"""How data of an older schema becomes today's: pure functions on parsed JSON (plain dicts and lists).

The store upgrades a file with them on load (:mod:`afterview.store.migrations`), and ``afterview import``
reads an export of an older version through the same functions. They never fail on odd input: whatever they
cannot make sense of they leave for the validator, which says where the problem is.
"""

from __future__ import annotations

import copy
from typing import Any

_ROUND_KEYS_OF_THE_PROCESS = ("company", "role", "history", "previous_id")


def schema_1_to_2(raw: dict[str, Any]) -> dict[str, Any]:
    """Schema 1 (afterview 0.1) → 2: rounds linked by ``previous_id`` become one hiring process each.

    Each chain of linked interviews (or a lone interview) becomes a process with the company and role of its
    latest round and the status histories of all its rounds, in date order. Interviews keep their ids, steps,
    step ids and states, and any unknown keys; each gets its ``process_id`` and, when the profile names an
    IANA zone, that zone (0.1 kept only offsets).
    """
    document = copy.deepcopy(raw)
    interviews = [i for i in document.get("interviews", []) if isinstance(i, dict)]
    ids = {i.get("id") for i in interviews}
    previous = {i.get("id"): i.get("previous_id") for i in interviews if i.get("previous_id") in ids}
    chains: dict[Any, list[dict[str, Any]]] = {}
    for interview in interviews:
        root, seen = interview.get("id"), set()
        while root in previous and root not in seen:
            seen.add(root)
            root = previous[root]
        if root in seen:  # rounds linked in a loop by hand: the loop is one process, named by its lowest id
            root = min(seen, key=_sortable)
        chains.setdefault(root, []).append(interview)
    profile = document.get("profile")
    zone = profile.get("timezone") if isinstance(profile, dict) else None
    processes = []
    for number, root in enumerate(sorted(chains, key=_sortable), start=1):
        rounds = sorted(chains[root], key=lambda i: (str(i.get("at", "")), _sortable(i.get("id"))))
        history = sorted(
            (change for i in rounds for change in _list(i.get("history"))),
            key=lambda change: str(change.get("on", "")) if isinstance(change, dict) else "",
        )
        latest = rounds[-1]
        processes.append(
            {
                "id": number,
                "company": latest.get("company"),
                "role": latest.get("role"),
                "source": None,
                "history": history,
                "created_at": rounds[0].get("created_at"),
                "updated_at": max((str(i.get("updated_at", "")) for i in rounds), default=None),
            }
        )
        for interview in rounds:
            for key in _ROUND_KEYS_OF_THE_PROCESS:
                interview.pop(key, None)
            interview["process_id"] = number
            interview.setdefault("timezone", zone if isinstance(zone, str) else None)
    document["processes"] = processes
    document["next_process_id"] = len(processes) + 1
    return document


def _sortable(value: Any) -> tuple[int, str]:
    return (value, "") if isinstance(value, int) else (2**63, str(value))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
