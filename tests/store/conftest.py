"""Fixtures for the store tests: a data folder holding two replicas."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.store.store_helpers import (
    ME,
    ME_META,
    T0,
    THEM,
    THEM_META,
    Clock,
    Folder,
    check_data,
    device,
)
from tracker.domain.models import Habit
from tracker.store.couple import Couple
from tracker.store.files import read_file
from tracker.store.store import Store


@pytest.fixture
def folder(tmp_path: Path) -> Folder:
    """Records in four files: our core and month shard, and the partner's."""
    data_dir = tmp_path / "Rekindle"
    mine = Store(data_dir, ME, ME_META)
    mine.load()
    mine.ensure_replica()
    mine.put("person", "person:a", {"key": "a", "name": "Alex", "tz": "UTC", "day_start": 4})
    mine.put("habit", "habit:mine", {"title": "Mine", "owner": "each"})
    mine.put("check", "check:habit:mine:a:2026-11-03", check_data("2026-11-03"))
    mine.close()
    theirs = Store(data_dir, THEM, THEM_META)
    theirs.load()
    theirs.ensure_replica()
    theirs.put("person", "person:b", {"key": "b", "name": "Sam", "tz": "UTC", "day_start": 4})
    theirs.put("habit", "habit:theirs", {"title": "Theirs", "owner": "each"})
    theirs.put("check", "check:habit:theirs:b:2026-11-04", check_data("2026-11-04", person="b"))
    theirs.close()
    ids = {
        "own core": "habit:mine",
        "own log": "check:habit:mine:a:2026-11-03",
        "their core": "habit:theirs",
        "their log": "check:habit:theirs:b:2026-11-04",
    }
    # The fixture itself must be sound, or every test built on it proves nothing.
    for path in (data_dir / "replicas").rglob("*.json"):
        assert read_file(path).writable, path
    return Folder(data_dir, ids)


@pytest.fixture
def two(tmp_path: Path) -> tuple[Couple, Couple, Clock, str]:
    """Alex's and Sam's devices on one folder, both having seen a shared habit."""
    clock = Clock(T0)
    alex = device(tmp_path / "data", ME, ME_META, clock)
    alex.store.put("person", "person:a", {"key": "a", "name": "Alex", "tz": "UTC", "day_start": 4})
    habit = Habit(Couple.new_habit_id(), "Walk after dinner", start=date(2026, 9, 1))
    alex.save_habit(habit)
    sam = device(tmp_path / "data", THEM, THEM_META, clock)
    sam.store.put("person", "person:b", {"key": "b", "name": "Sam", "tz": "UTC", "day_start": 4})
    alex.store.refresh()
    assert sam.habit(habit.id) is not None
    return alex, sam, clock, habit.id
