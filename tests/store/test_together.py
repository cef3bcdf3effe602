"""Store.together(): one user action's puts saved as one, whole or not at all."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.store.store_helpers import ME, check_data
from tests.store.test_same_device import on_disk, opened
from tracker.store import files, replica
from tracker.store.replica import Busy, replica_dir, replica_lock


def test_several_puts_are_one_rewrite_of_their_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(tmp_path)
    store.put("habit", "habit:1", {"title": "Walk", "order": 0})
    rewrites: list[str] = []
    real_replace = os.replace

    def counted(source: str, target: str) -> None:
        rewrites.append(Path(target).name)
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", counted)
    with store.together():
        store.put("habit", "habit:1", {"title": "Walk", "order": 1})
        store.put("habit", "habit:2", {"title": "Thanks", "order": 0})
        assert rewrites == []  # held back until the action is over
    assert rewrites == ["core.json"]
    kept = on_disk(tmp_path)
    assert (kept["habit:1"]["order"], kept["habit:2"]["order"]) == (1, 0)


def test_a_failure_inside_keeps_nothing_in_the_files_or_in_memory(tmp_path: Path) -> None:
    store = opened(tmp_path)
    store.put("habit", "habit:1", {"title": "Walk", "order": 0})
    before_disk, before_memory = on_disk(tmp_path), dict(store.state)
    with pytest.raises(ValueError, match="second thoughts"), store.together():
        store.put("habit", "habit:1", {"title": "Walk", "order": 1})
        store.put("check", "check:h:a:2026-11-02", check_data("2026-11-02"))
        raise ValueError("second thoughts")
    assert on_disk(tmp_path) == before_disk
    assert store.state == before_memory
    store.put("habit", "habit:2", {"title": "Thanks"})  # and the next write goes through
    assert set(on_disk(tmp_path)) == {"habit:1", "habit:2"}


def test_a_nested_batch_is_part_of_the_outer_one(tmp_path: Path) -> None:
    store = opened(tmp_path)
    with pytest.raises(RuntimeError, match="the outer one fails"), store.together():
        with store.together():
            store.put("habit", "habit:1", {"title": "Walk"})
        raise RuntimeError("the outer one fails after the inner one ended")
    assert on_disk(tmp_path) == {}


def test_another_process_holding_the_lock_stops_the_batch_before_it_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = opened(tmp_path)
    monkeypatch.setattr(replica, "LOCK_WAIT_S", 0.2)
    ran: list[bool] = []
    with (
        replica_lock(replica_dir(tmp_path, ME)),
        pytest.raises(Busy, match="busy saving"),
        store.together(),
    ):
        ran.append(True)
    assert ran == [] and on_disk(tmp_path) == {}
