"""Schema versions: every released version has a frozen fixture that still loads; migrations are chained
pure functions; a store from a newer afterview is refused and left alone; unknown keys survive a save."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from afterview.models.document import SCHEMA_VERSION
from afterview.models.enums import Status
from afterview.store import codec, migrations
from afterview.store.codec import CorruptStore, NewerStore, parse_document, serialise
from afterview.store.migrations import MIGRATIONS, migrate
from tests.helpers import Result

FIXTURES = Path(__file__).with_name("fixtures")
Cli = Callable[..., Result]


def fixture(version: int) -> bytes:
    return (FIXTURES / f"schema-{version}.json").read_bytes()


def contains(whole: Any, part: Any) -> bool:
    """Whether every key and value of ``part`` is in ``whole`` (lists item by item)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(k in whole and contains(whole[k], v) for k, v in part.items())
    if isinstance(part, list):
        return isinstance(whole, list) and len(whole) == len(part) and all(map(contains, whole, part))
    return bool(whole == part)


def test_every_released_schema_has_a_frozen_fixture_and_a_migration() -> None:
    assert sorted(p.name for p in FIXTURES.glob("schema-*.json")) == [
        f"schema-{v}.json" for v in range(1, SCHEMA_VERSION + 1)
    ]
    assert set(MIGRATIONS) == set(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_every_fixture_loads_migrates_and_round_trips(version: int) -> None:
    data = fixture(version)
    document = parse_document(data)
    assert document.schema_version == SCHEMA_VERSION
    assert [i.company for i in document.interviews] == ["Acme GmbH", "Beta Ltd"]
    assert document.profile.name == "Sam Lee"
    saved = serialise(document)
    assert parse_document(saved) == document
    assert serialise(parse_document(saved)) == saved
    if version == SCHEMA_VERSION:  # nothing the file held is lost on the way through
        assert contains(json.loads(saved), json.loads(data))


def test_the_cli_reads_and_updates_the_fixture(cli: Cli, store_file: Path, home: Path) -> None:
    home.mkdir()
    store_file.write_bytes(fixture(1))
    listed = cli("list", "--json")
    assert listed.code == 0, listed.err
    assert [i["id"] for i in listed.json()] == [1, 2]
    assert cli("log", "--company", "Gamma", "--role", "r", "--no-input").code == 0
    assert [b.read_bytes() for b in (home / "backups").iterdir()] == [fixture(1)]


def test_migrations_run_in_order_as_pure_functions() -> None:
    def split_name(raw: dict[str, Any]) -> dict[str, Any]:
        profile = dict(raw["profile"])
        first, _, last = profile.pop("name").partition(" ")
        return {**raw, "profile": {**profile, "first_name": first, "last_name": last}}

    def add_tags(raw: dict[str, Any]) -> dict[str, Any]:
        return {**raw, "interviews": [{**i, "tags": []} for i in raw["interviews"]]}

    original = json.loads(fixture(1))
    migrated = migrate(json.loads(fixture(1)), migrations={1: split_name, 2: add_tags}, target=3)
    assert migrated["schema_version"] == 3
    assert migrated["profile"]["first_name"] == "Sam"
    assert "name" not in migrated["profile"]
    assert all(i["tags"] == [] for i in migrated["interviews"])
    assert json.loads(fixture(1)) == original


def test_an_older_store_is_migrated_in_memory_on_load(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a (test) schema 3, a schema-2 file loads through the migration and stays untouched on disk."""

    def mark(raw: dict[str, Any]) -> dict[str, Any]:
        return {**raw, "migrated_from": raw["schema_version"]}

    monkeypatch.setattr(codec, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(MIGRATIONS, 2, mark)
    document = parse_document(fixture(2))
    assert document.schema_version == 3
    assert document.model_extra == {"migrated_from": 2}
    with pytest.raises(NewerStore):
        parse_document(fixture(2).replace(b'"schema_version": 2', b'"schema_version": 4'))


RELEASED = FIXTURES / "released" / "afterview-0.1.0.json"
"""A store written by afterview 0.1.0's own commands (log, outcome next-round/offer/rejected, done, skip,
snooze, remember, draft-thanks --sent), with two rounds of one process."""


@pytest.mark.parametrize("path", [FIXTURES / "schema-1.json", RELEASED], ids=["frozen", "released"])
def test_a_schema_1_store_upgrades_on_its_first_write_keeping_everything(
    cli: Cli, store_file: Path, home: Path, path: Path
) -> None:
    old = path.read_bytes()
    before = json.loads(old)
    home.mkdir()
    store_file.write_bytes(old)
    assert cli("profile", "--phone", "+49 30 1234567").code == 0  # a write that plans nothing
    after = json.loads(store_file.read_bytes())
    assert after["schema_version"] == 2
    assert [b.read_bytes() for b in (home / "backups").iterdir()] == [old]  # the schema-1 bytes, kept
    states = {s["id"]: (s["state"], s["due"]) for i in before["interviews"] for s in i["steps"]}
    assert {s["id"]: (s["state"], s["due"]) for i in after["interviews"] for s in i["steps"]} == states
    assert [i["id"] for i in after["interviews"]] == [i["id"] for i in before["interviews"]]
    companies = {p["id"]: p["company"] for p in after["processes"]}
    assert [companies[i["process_id"]] for i in after["interviews"]] == [
        i["company"] for i in before["interviews"]
    ]
    debriefs = [i.get("debrief") for i in before["interviews"]]
    assert [i.get("debrief") for i in after["interviews"]] == debriefs


def test_rounds_linked_by_previous_id_become_one_process_with_both_histories() -> None:
    document = parse_document(RELEASED.read_bytes())
    acme = document.processes[0]
    assert (acme.company, [i.id for i in document.rounds(acme)]) == ("Acme GmbH", [1, 4])
    assert [c.status for c in acme.history] == [Status.NEXT_ROUND, Status.OFFER]
    assert acme.offer is not None
    assert (acme.offer.deadline, acme.offer.note) == (dt.date(2026, 11, 27), "120k")
    assert [(p.company, p.status) for p in document.processes[1:]] == [
        ("Globex", Status.WAITING),
        ("Initech", Status.REJECTED),
    ]
    assert {i.timezone for i in document.interviews} == {"Europe/Berlin"}


def test_rounds_linked_in_a_loop_by_hand_still_migrate() -> None:
    raw = json.loads(fixture(1))
    raw["interviews"][0]["previous_id"], raw["interviews"][1]["previous_id"] = 2, 1
    document = parse_document(json.dumps(raw).encode())
    assert len(document.processes) == 1
    assert [i.process_id for i in document.interviews] == [1, 1]


def test_a_newer_store_is_refused_and_left_alone(cli: Cli, store_file: Path, home: Path) -> None:
    home.mkdir()
    newer = fixture(1).replace(b'"schema_version": 1', b'"schema_version": 99')
    store_file.write_bytes(newer)
    for command in (("list",), ("log", "--company", "X", "--role", "r", "--no-input"), ("done", "1.2")):
        result = cli(*command)
        assert result.code == 3
        assert "newer afterview" in result.err
        assert "schema 99" in result.err
        assert "Traceback" not in result.err
    assert store_file.read_bytes() == newer
    assert not (home / "backups").exists()


@pytest.mark.parametrize("version", [b"0", b'"1"', b"true", b"-1", b"1.5", b"null"])
def test_a_schema_version_that_is_not_a_positive_whole_number_is_corrupt(version: bytes) -> None:
    with pytest.raises(CorruptStore, match=r"line 3 column 20: schema_version"):
        parse_document(fixture(1).replace(b'"schema_version": 1', b'"schema_version": ' + version))


def test_unknown_keys_survive_a_save(log: Callable[..., dict[str, Any]], cli: Cli, store_file: Path) -> None:
    log()
    raw = json.loads(store_file.read_bytes())
    raw["x_sync"] = {"device": "laptop", "seen": [1, 2.5, None]}
    raw["interviews"][0]["x_rating"] = 4
    store_file.write_text(json.dumps(raw), encoding="utf-8")
    assert cli("log", "--company", "Beta", "--role", "r", "--no-input").code == 0
    saved = json.loads(store_file.read_bytes())
    assert saved["x_sync"] == {"device": "laptop", "seen": [1, 2.5, None]}
    assert saved["interviews"][0]["x_rating"] == 4
