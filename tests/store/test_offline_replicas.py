"""Two devices edit offline, then their replica folders meet: both compute the same state."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.rekindle_cli import command_env, run_command
from tests.store.store_helpers import PYTHON, field_oracle, snapshot
from tracker.store.files import read_file
from tracker.store.store import Store

EDIT = r"""
import json, sys
from datetime import date
from tracker.domain.models import Check, Habit
from tracker.store.couple import Couple
from tracker.store.identity import load_config

ops, frozen = json.loads(sys.argv[1]), int(sys.argv[2])
couple = Couple.open(load_config(), now_millis=(lambda: frozen) if frozen else None)
out = []
for op, *args in ops:
    if op == "tick":
        habit, person, day, note = args
        rid = couple.set_check(Check(habit, person, date.fromisoformat(day), note=note)).record_id
    elif op == "untick":
        habit, person, day = args
        rid = couple.clear_check(habit, person, date.fromisoformat(day)).record_id
    elif op == "new_habit":
        habit = Habit(Couple.new_habit_id(), args[0])
        rid = couple.save_habit(habit).record_id
    elif op == "rename":
        rid = couple.save_habit(couple.habit(args[0]).with_changes(title=args[1])).record_id
    elif op == "delete_habit":
        rid = couple.delete_habit(args[0]).record_id
    r = couple.store.state[rid]
    out.append({"id": rid, "stamp": r.stamp, "replica": r.replica, "deleted": r.deleted})
print(json.dumps(out))
"""

# Both sides' clocks are stuck at one instant, later than every stamp already written,
# so their first edits tie exactly and the replica id has to decide.
FROZEN = 1_900_000_000_000


def rekindle(config: Path, *args: str) -> str:
    # A real process: the folder is set up once for the whole module (a module-scoped
    # fixture), where the in-process runner, which belongs to one test, cannot reach.
    return run_command(config, *args).ok(warnings=True)


def edit(config: Path, ops: list[list[Any]], frozen: int = 0) -> list[dict[str, Any]]:
    result = subprocess.run(
        [PYTHON, "-c", EDIT, json.dumps(ops), str(frozen)],
        env=command_env(config),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def replica_of(config: Path) -> str:
    for line in (config / "config.toml").read_text().splitlines():
        if line.startswith("replica_id"):
            return json.loads(line.split("=", 1)[1])
    raise AssertionError("no replica_id")


def load(data_dir: Path) -> Store:
    store = Store(data_dir, "observer0000")
    store.load()
    assert store.problems() == []
    return store


@dataclass
class Offline:
    a_dir: Path
    b_dir: Path
    a_replica: str
    b_replica: str
    written: list[dict[str, Any]]  # every version either side reported writing
    ids: dict[str, str]


@pytest.fixture(scope="module")
def offline(tmp_path_factory: pytest.TempPathFactory) -> Offline:
    root = tmp_path_factory.mktemp("offline")
    a_conf, b_conf = root / "conf-a", root / "conf-b"
    a_dir, b_dir = root / "alex" / "Rekindle", root / "sam" / "Rekindle"
    rekindle(
        a_conf,
        *("init", "--data", str(a_dir), "--name", "Alex", "--partner-name", "Sam"),
        *("--tz", "Europe/London", "--starter", "phone-free-dinner", "--starter", "weekly-walk"),
    )
    habits = {r.data["title"]: r.id for r in load(a_dir).live("habit")}
    dinner, walk = habits["Phone-free dinner"], habits["A walk together"]
    written = edit(a_conf, [["tick", walk, "us", "2026-11-01", "shared history"]])

    # The folder reaches Sam's computer once; from here on the two are offline.
    shutil.copytree(a_dir, b_dir)
    rekindle(b_conf, "join", "--data", str(b_dir), "--as", "Sam")
    a_replica, b_replica = replica_of(a_conf), replica_of(b_conf)
    assert a_replica != b_replica

    written += edit(
        a_conf,
        [
            ["tick", dinner, "us", "2026-11-20", "Alex ticked it"],
            ["new_habit", "Alex's new habit"],
            ["delete_habit", walk],
        ],
        FROZEN,
    )
    written += edit(
        b_conf,
        [
            ["tick", dinner, "us", "2026-11-20", "Sam ticked it"],
            ["tick", walk, "us", "2026-11-01", "Sam edited it"],
            ["rename", walk, "Walk, Sam's way"],
            ["new_habit", "Sam's new habit"],
            ["tick", dinner, "us", "2026-12-02", "December"],
        ],
        FROZEN,
    )
    written += edit(a_conf, [["untick", walk, "us", "2026-11-01"]])
    ids = {
        "both ticked": f"check:{dinner}:us:2026-11-20",
        "edited vs deleted": f"check:{walk}:us:2026-11-01",
        "renamed vs deleted": walk,
    }
    return Offline(a_dir, b_dir, a_replica, b_replica, written, ids)


def versions(offline: Offline, record_id: str) -> list[tuple[str, str]]:
    return sorted((w["stamp"], w["replica"]) for w in offline.written if w["id"] == record_id)


def oracle(*data_dirs: Path) -> dict[str, tuple[str, str, bool, dict[str, Any]]]:
    """Every version in every file, merged field by field the slow, obvious way."""
    return field_oracle(
        record
        for data_dir in data_dirs
        for path in (data_dir / "replicas").rglob("*.json")
        for record in read_file(path).records
    )


def check_merged(offline: Offline, states: list[dict[str, Any]], oracle_state: dict) -> None:
    first = states[0]
    for other in states[1:]:
        assert other == first
    assert first == oracle_state
    # Nothing lost: every id either side wrote is there (tombstones count).
    assert {w["id"] for w in offline.written} <= set(first)
    assert {"person:a", "person:b"} <= set(first)
    titles = {data["title"] for _, _, deleted, data in first.values() if "title" in data}
    assert {"Alex's new habit", "Sam's new habit"} <= titles
    for record_id in offline.ids.values():
        seen = versions(offline, record_id)
        sides = {replica for _, replica in seen}
        assert sides == {offline.a_replica, offline.b_replica}, record_id  # a real conflict
        stamp, replica, _, _ = first[record_id]
        assert (stamp, replica) == seen[-1], record_id


def test_both_folders_converge_after_exchanging_replica_folders(
    offline: Offline, tmp_path: Path
) -> None:
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    shutil.copytree(offline.a_dir, a_dir)
    shutil.copytree(offline.b_dir, b_dir)
    a_own = Path("replicas") / offline.a_replica
    b_own = Path("replicas") / offline.b_replica
    # B's folder still holds the copy of A's replica from before going offline.
    assert (b_dir / a_own).is_dir() and not (a_dir / b_own).exists()
    shutil.copytree(offline.a_dir / a_own, b_dir / a_own, dirs_exist_ok=True)
    shutil.copytree(offline.b_dir / b_own, a_dir / b_own, dirs_exist_ok=True)

    states = [snapshot(load(a_dir).state), snapshot(load(b_dir).state)]
    check_merged(offline, states, oracle(offline.a_dir, offline.b_dir))

    merged = states[0]
    # The same together tick on both sides, at the very same stamp: the replica id decides.
    tie = versions(offline, offline.ids["both ticked"])
    assert tie[0][0] == tie[1][0]
    winner = max(offline.a_replica, offline.b_replica)
    assert merged[offline.ids["both ticked"]][1] == winner
    expected_note = "Alex ticked it" if winner == offline.a_replica else "Sam ticked it"
    assert merged[offline.ids["both ticked"]][3]["note"] == expected_note
    # Alex's later untick (a real clock, long after the stuck ones) beats Sam's edit.
    assert merged[offline.ids["edited vs deleted"]][2] is True
    # Field by field: Alex's delete and Sam's rename of the same habit both count, so
    # the habit is in the bin under Sam's new name, ready to come back as Sam left it.
    walk = merged[offline.ids["renamed vs deleted"]]
    assert walk[2] is True and walk[3]["title"] == "Walk, Sam's way"


def test_copy_order_does_not_matter(offline: Offline, tmp_path: Path) -> None:
    a_part = (offline.a_dir / "replicas" / offline.a_replica, offline.a_replica)
    b_part = (offline.b_dir / "replicas" / offline.b_replica, offline.b_replica)
    states = []
    for name, order in (("ab", [a_part, b_part]), ("ba", [b_part, a_part])):
        fresh = tmp_path / name
        for source, replica in order:
            shutil.copytree(source, fresh / "replicas" / replica, dirs_exist_ok=True)
        states.append(snapshot(load(fresh).state))
    # And the stale pre-join copy of A arriving after A's current files changes nothing.
    stale_last = tmp_path / "stale-last"
    shutil.copytree(offline.a_dir, stale_last)
    shutil.copytree(
        offline.b_dir / "replicas" / offline.b_replica, stale_last / "replicas" / offline.b_replica
    )
    states.append(snapshot(load(stale_last).state))
    check_merged(offline, states, oracle(offline.a_dir, offline.b_dir))


def test_each_side_alone_still_has_its_own_edits(offline: Offline) -> None:
    """Before the exchange each folder shows only its own side of the conflicts."""
    a_state, b_state = load(offline.a_dir).state, load(offline.b_dir).state
    assert {r.replica for r in a_state.values()} == {offline.a_replica}
    assert {r.replica for r in b_state.values()} == {offline.a_replica, offline.b_replica}
    a_titles = {r.data.get("title") for r in a_state.values()}
    b_titles = {r.data.get("title") for r in b_state.values()}
    assert "Alex's new habit" in a_titles and "Sam's new habit" not in a_titles
    assert "Sam's new habit" in b_titles and "Alex's new habit" not in b_titles
    walk = offline.ids["renamed vs deleted"]
    assert a_state[walk].deleted and not b_state[walk].deleted
    assert b_state[walk].data["title"] == "Walk, Sam's way"
