"""One device, several processes: the app, a `rekindle tick` from a script, a second terminal.

Each process keeps its own copy of a month file in memory; before this, each rewrote the
whole file from its copy and nothing locked, so an acknowledged tick from one process
vanished at the other's next write. Two Store objects on one replica are two processes
as far as the files are concerned (each has its own cache of them); the real-process
tests are in tests/test_same_device_processes.py.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.store.store_helpers import ME, ME_META, check_data
from tracker.store import replica
from tracker.store.replica import Busy, replica_dir, replica_lock
from tracker.store.store import Store


def opened(data_dir: Path) -> Store:
    store = Store(data_dir, ME, ME_META)
    store.load()
    store.ensure_replica()
    return store


def on_disk(data_dir: Path) -> dict[str, dict]:
    fresh = Store(data_dir, "reader000000")
    fresh.load(use_cache=False)
    return {rid: dict(r.data) for rid, r in fresh.state.items() if not r.deleted}


def test_ticks_from_two_processes_in_one_month_are_all_kept(tmp_path: Path) -> None:
    app, cli = opened(tmp_path), opened(tmp_path)
    app.put("check", "check:h:a:2026-11-01", check_data("2026-11-01", "app"))
    cli.put("check", "check:h:a:2026-11-10", check_data("2026-11-10", "FROM-CLI"))
    # The app has not looked at the disk since: its next tick used to rewrite the month
    # from its own copy and drop the CLI's.
    app.put("check", "check:h:a:2026-11-02", check_data("2026-11-02", "app again"))
    kept = on_disk(tmp_path)
    assert kept["check:h:a:2026-11-10"]["note"] == "FROM-CLI"
    assert {"check:h:a:2026-11-01", "check:h:a:2026-11-02"} <= set(kept)
    # And the app itself now shows the CLI's tick.
    assert app.get("check:h:a:2026-11-10") is not None


def test_edits_of_core_from_two_processes_are_all_kept(tmp_path: Path) -> None:
    app, cli = opened(tmp_path), opened(tmp_path)
    app.put("habit", "habit:1", {"title": "Walk", "description": ""})
    cli.put("habit", "habit:2", {"title": "Thank you"})
    cli.put("habit", "habit:1", {"title": "Walk", "description": "after dinner"})
    app.put("habit", "habit:1", {"title": "Evening walk", "description": ""})
    kept = on_disk(tmp_path)
    assert kept["habit:2"] == {"title": "Thank you"}
    # The app edited the title from a stale copy: the CLI's description, made in between
    # and never seen by the app's screen, is kept beside the app's new title.
    assert kept["habit:1"] == {"title": "Evening walk", "description": "after dinner"}


def test_the_later_write_of_one_record_wins_across_processes(tmp_path: Path) -> None:
    frozen = 1_800_000_000_000
    app = Store(tmp_path, ME, ME_META, now_millis=lambda: frozen)
    app.load()
    app.ensure_replica()
    cli = Store(tmp_path, ME, ME_META, now_millis=lambda: frozen)
    cli.load()
    first = app.put("check", "check:h:a:2026-11-03", check_data("2026-11-03", "first"))
    second = cli.put("check", "check:h:a:2026-11-03", check_data("2026-11-03", "second"))
    # Same replica, same frozen millisecond: the second write still gets a later stamp.
    assert second.stamp > first.stamp
    assert on_disk(tmp_path)["check:h:a:2026-11-03"]["note"] == "second"


def test_a_blocked_writer_waits_then_says_so_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(tmp_path)
    store.put("check", "check:h:a:2026-11-01", check_data("2026-11-01"))
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.json")}
    monkeypatch.setattr(replica, "LOCK_WAIT_S", 0.2)
    with replica_lock(replica_dir(tmp_path, ME)), pytest.raises(Busy, match="busy saving"):
        store.put("check", "check:h:a:2026-11-02", check_data("2026-11-02"))
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.json")} == before
    # Once the other process lets go, the write goes through.
    store.put("check", "check:h:a:2026-11-02", check_data("2026-11-02"))
    assert "check:h:a:2026-11-02" in on_disk(tmp_path)


# The kernel stamps file times and times waits by the real clock, which faketime does not
# move: left out of the faked-day runs (tests/test_any_day.py), not of the suite.
@pytest.mark.kernel_clock
def test_a_writer_waits_for_a_short_lock_instead_of_failing(tmp_path: Path) -> None:
    store = opened(tmp_path)
    holding = threading.Event()

    def hold_briefly() -> None:
        with replica_lock(replica_dir(tmp_path, ME)):
            holding.set()
            threading.Event().wait(0.3)

    other = threading.Thread(target=hold_briefly)
    other.start()
    holding.wait(5)
    store.put("check", "check:h:a:2026-11-05", check_data("2026-11-05"))
    other.join()
    assert "check:h:a:2026-11-05" in on_disk(tmp_path)


def test_the_lock_file_is_not_read_as_data_nor_listed(tmp_path: Path) -> None:
    store = opened(tmp_path)
    store.put("check", "check:h:a:2026-11-01", check_data("2026-11-01"))
    assert (replica_dir(tmp_path, ME) / ".rekindle.lock").exists()
    again = opened(tmp_path)
    assert again.problems() == [] and again.temp_files == [] and again.other_files == []
