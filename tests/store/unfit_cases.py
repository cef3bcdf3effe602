"""Records with the right outer shape and a value the app does not expect (issue 15)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.store.store_helpers import THEM, THEM_META, shard_bytes
from tracker.store.files import read_file
from tracker.store.records import Record, format_stamp
from tracker.store.replica import shard_path
from tracker.store.shards import shard_of


def later_ms() -> int:
    """A little after now: later than anything the fixtures wrote, too little to be skew."""
    return time.time_ns() // 1_000_000 + 5_000


@dataclass(frozen=True)
class Bad:
    name: str
    kind: str
    record_id: str
    data: dict[str, Any]
    field: str
    reason: str


def _habit(**changes: Any) -> dict[str, Any]:
    return {"title": "Walk", "owner": "each", "start": "2026-10-01", **changes}


def _check(**changes: Any) -> dict[str, Any]:
    return {"habit": "habit:bad", "person": "b", "day": "2026-11-04", "status": "done", **changes}


NEWER, DAMAGED = "from a newer Rekindle", "damaged"
BAD = [
    Bad(
        "check status",
        "check",
        "check:habit:x:b:2026-11-04",
        _check(status="bogus"),
        "status",
        NEWER,
    ),
    Bad(
        "check date",
        "check",
        "check:habit:x:b:2026-11-31",
        _check(day="2026-11-31"),
        "day",
        DAMAGED,
    ),
    Bad(
        "check year",
        "check",
        "check:habit:x:b:0001-11-04",
        _check(day="0001-11-04"),
        "day",
        DAMAGED,
    ),
    Bad("habit area", "habit", "habit:bad", _habit(area="bogus"), "area", NEWER),
    Bad(
        "habit every 0",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "every n days", "every": 0}),
        "schedule.every",
        DAMAGED,
    ),
    Bad(
        "weekly times 1e9",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "per week", "times": 1e9}),
        "schedule.times",
        DAMAGED,
    ),
    Bad(
        "schedule kind of a later version",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "x in n weeks", "times": 2, "every": 3}),
        "schedule.kind",
        NEWER,
    ),
    Bad(
        "more times than days",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "x in n days", "times": 5, "every": 3}),
        "schedule",
        DAMAGED,
    ),
    Bad(
        "a stretch of one day",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "x in n days", "times": 1, "every": 1}),
        "schedule",
        DAMAGED,
    ),
    Bad(
        "times past a year",
        "habit",
        "habit:bad",
        _habit(schedule={"kind": "x in n days", "times": 366, "every": 365}),
        "schedule.times",
        DAMAGED,
    ),
    Bad("habit start", "habit", "habit:bad", _habit(start="someday"), "start", DAMAGED),
    Bad(
        "person day_start",
        "person",
        "person:b",
        {"key": "b", "name": "Sam", "tz": "UTC", "day_start": "x"},
        "day_start",
        DAMAGED,
    ),
]


def plant(data_dir: Path, bad: Bad, ms: int | None = None, replica: str = THEM) -> Path:
    """Add the record (as a version newer than anything there) to the partner's file where
    the app would put it, keeping what the file held; return that file."""
    path = shard_path(data_dir, replica, shard_of(bad.kind, bad.data))
    held = read_file(path).records if path.exists() else []
    record = Record(
        bad.record_id, bad.kind, format_stamp(ms or later_ms(), 0), replica, False, bad.data
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    kept = [r for r in held if r.id != bad.record_id]
    path.write_bytes(shard_bytes([*kept, record], THEM_META, replica))
    return path
