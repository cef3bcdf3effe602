"""A wrong clock is named on both devices; what a concurrent edit overrode is listed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.store.store_helpers import ME, ME_META, THEM, THEM_META
from tracker.store.couple import Couple
from tracker.store.doctor import health
from tracker.store.records import stamp_millis
from tracker.store.store import Store

MONTH_MS = 30 * 24 * 3600 * 1000


def real_now() -> int:
    return time.time_ns() // 1_000_000


def open_store(data: Path, replica: str, meta: dict[str, str], ahead_ms: int = 0) -> Store:
    store = Store(data, replica, meta, now_millis=lambda: real_now() + ahead_ms)
    store.load()
    store.ensure_replica()
    return store


def people(alex: Store, sam: Store) -> None:
    alex.put("person", "person:a", {"key": "a", "name": "Alex", "tz": "UTC", "day_start": 4})
    sam.put("person", "person:b", {"key": "b", "name": "Sam", "tz": "UTC", "day_start": 4})


# The kernel stamps file times and times waits by the real clock, which faketime does not
# move: left out of the faked-day runs (tests/test_any_day.py), not of the suite.
@pytest.mark.kernel_clock
def test_a_laptop_thirty_days_fast_is_named_on_both_sides_and_drags_no_clock(
    tmp_path: Path,
) -> None:
    alex = open_store(tmp_path, ME, ME_META, ahead_ms=MONTH_MS)  # Alex's clock is wrong
    sam = open_store(tmp_path, THEM, THEM_META)
    people(alex, sam)
    alex.put("habit", "habit:walk", {"title": "Walk", "description": ""})

    sam.refresh()
    # Sam's device names Alex's laptop, by person and device.
    texts = [f.text for f in health(Couple(sam, "b")).findings]
    assert any("The clock of Alex's alex-laptop is about 30 days ahead" in t for t in texts)
    # Sam's own edits keep true time: the month does not belong to whoever writes most.
    tick = sam.put(
        "check",
        "check:walk:b:2026-11-30",
        {"habit": "habit:walk", "person": "b", "day": "2026-11-30", "status": "done"},
    )
    assert abs(stamp_millis(tick.stamp) - real_now()) < 60_000
    # But Sam's edit of the habit Alex touched (seen, then changed) still wins.
    sam.put("habit", "habit:walk", {"title": "Walk", "description": "after dinner"})
    assert sam.get("habit:walk").data["description"] == "after dinner"  # type: ignore[union-attr]

    alex.refresh()
    assert alex.get("habit:walk").data["description"] == "after dinner"  # type: ignore[union-attr]
    # And the laptop that is wrong is told so, by what Sam's device wrote about it.
    texts = [f.text for f in health(Couple(alex, "a")).findings]
    assert any(
        "This computer's clock is about 30 days ahead of Sam's sam-laptop" in t for t in texts
    ), texts
    report = health(Couple(alex, "a")).to_json()
    assert report["clock_skew"] == [
        {
            "replica": ME,
            "ahead_minutes": report["clock_skew"][0]["ahead_minutes"],
            "noticed_by": THEM,
        }
    ]
    assert not report["healthy"]


def test_concurrent_renames_are_listed_and_the_other_can_be_taken(tmp_path: Path) -> None:
    alex = open_store(tmp_path, ME, ME_META)
    sam = open_store(tmp_path, THEM, THEM_META)
    people(alex, sam)
    alex.put("habit", "habit:walk", {"title": "Walk"})
    sam.refresh()
    # Both offline: neither sees the other's rename.
    alex.put("habit", "habit:walk", {"title": "Walk together"})
    time.sleep(0.01)
    sam.put("habit", "habit:walk", {"title": "Evening walk"})
    alex.refresh()
    sam.refresh()
    for store, me in ((alex, "a"), (sam, "b")):
        report = health(Couple(store, me))
        assert store.get("habit:walk").data["title"] == "Evening walk"  # type: ignore[union-attr]
        [listed] = report.to_json()["overrides"]
        assert (listed["kept"], listed["kept_by"], listed["other"], listed["other_by"]) == (
            "Evening walk",
            "Sam",
            "Walk together",
            "Alex",
        )
        assert any(
            "Sam's “Evening walk” was kept; Alex's was “Walk together”" in f.text
            for f in report.findings
        )
        assert not report.healthy  # never "all good" while something was overridden
    alex.resolve("habit:walk", "title", take_other=True)
    sam.refresh()
    assert sam.get("habit:walk").data["title"] == "Walk together"  # type: ignore[union-attr]
    assert health(Couple(sam, "b")).to_json()["overrides"] == []


def test_an_entry_with_a_stamp_in_no_valid_form_is_named_even_from_the_cache(
    tmp_path: Path,
) -> None:
    """A stamp like "9" used to beat every real stamp (compared as text); now the entry is
    not a record at all: skipped, left in its file, and named by doctor every time."""
    import json

    from tracker.store.records import Record

    alex = open_store(tmp_path, ME, ME_META)
    sam = open_store(tmp_path, THEM, THEM_META)
    people(alex, sam)
    sam.close()
    core = tmp_path / "replicas" / THEM / "core.json"
    content = json.loads(core.read_bytes())
    bad = Record("habit:x", "habit", "001764000000000.000000", THEM, False, {"title": "x"})
    doc = bad.to_doc() | {"stamp": "9"}
    content["records"]["99"] = doc
    core.write_bytes(json.dumps(content).encode())
    before = core.read_bytes()
    for attempt in range(2):  # from the files, then from the cache saved after the first
        store = Store(tmp_path, ME, ME_META)
        store.load()
        assert store.get("habit:x") is None
        report = health(Couple(store, "a")).to_json()
        [named] = [u for u in report["skipped_records"] if u["record"] == "habit:x"]
        assert named["field"] == "stamp" and "not a Rekindle stamp" in named["detail"]
        assert not report["healthy"]
        assert store.save_cache(force=True) or attempt == 1
        store.close()
    assert core.read_bytes() == before


def test_settling_what_is_settled_already_says_so_and_changes_nothing(
    two: tuple[Couple, Couple, object, str],
) -> None:
    # Say Sam settled it on the other computer a moment before Alex pressed o.
    alex, _sam, _clock, habit_id = two
    before = alex.store.get(habit_id)
    with pytest.raises(ValueError, match="settled already; nothing was changed"):
        alex.resolve_override(habit_id, "title", take_other=True)
    assert alex.store.get(habit_id) == before
