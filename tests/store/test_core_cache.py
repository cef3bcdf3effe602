"""The cache of the core files (habits, people, plans) that lets a tick or a status read
only a month: whatever was written since, by this process, another process of this
device, or the partner, a load of some months shows the core records a full read does."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import ME, ME_META, T0, THEM, THEM_META, Clock
from tracker.store.cache import cache_file, core_cache_file
from tracker.store.shards import shard_of
from tracker.store.store import Store

MONTHS = {"2026-11"}


_aged = [0]


def age(data_dir: Path) -> None:
    """Files written just now get an mtime an hour back, each its own: as if written long
    ago, so the caches trust their signatures (a file changed in the last seconds is always
    read again) and a later change still shows."""
    recent = time.time() - 60
    for path in sorted(data_dir.rglob("*.json")):
        if path.stat().st_mtime > recent:
            _aged[0] += 1
            when = time.time() - 3600 + _aged[0] / 1000
            os.utime(path, (when, when))


def partial(data_dir: Path, replica: str = ME, meta: dict[str, str] = ME_META) -> Store:
    store = Store(data_dir, replica, meta)
    store.load(months=MONTHS)
    return store


def core_of(store: Store) -> dict[str, tuple[str, object, bool]]:
    return {
        rid: (r.stamp, r.data, r.deleted)
        for rid, r in store.state.items()
        if shard_of(r.kind, r.data) == "core"
    }


def full_core(data_dir: Path) -> dict[str, tuple[str, object, bool]]:
    store = Store(data_dir, ME, ME_META)
    store.load(use_cache=False)
    return core_of(store)


# (who writes: this process, another process of this device, the partner; which habit;
#  whether this process saves its caches afterwards)
Step = tuple[str, int, bool]
steps = st.lists(
    st.tuples(st.sampled_from(["me", "other", "partner"]), st.integers(0, 3), st.booleans()),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=steps)
def test_a_load_of_some_months_shows_the_core_a_full_read_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, steps: list[Step]
) -> None:
    run = tmp_path / str(len(list(tmp_path.iterdir())))
    monkeypatch.setenv("REKINDLE_CONFIG", str(run / "config"))
    data_dir = run / "data"
    clock = Clock(T0)
    for replica, meta in ((ME, ME_META), (THEM, THEM_META)):
        first = Store(data_dir, replica, meta, now_millis=clock)
        first.load()
        first.ensure_replica()
        first.close()
    mine = partial(data_dir)
    for count, (who, habit, save) in enumerate(steps):
        clock.millis += 1000
        title = {"title": f"Habit {habit} v{count}", "owner": "each", "start": "2026-11-01"}
        if who == "me":
            mine.put("habit", f"habit:{habit}", title)
        else:
            replica, meta = (ME, ME_META) if who == "other" else (THEM, THEM_META)
            writer = partial(data_dir, replica, meta)
            writer.put("habit", f"habit:{habit}", title)
            writer.save_cache()
            writer.close()
        mine.put(
            "check",
            f"check:{habit}:{count}",
            {
                "habit": f"habit:{habit}",
                "person": "a",
                "day": f"2026-11-{1 + count:02d}",
                "status": "done",
            },
        )
        age(data_dir)
        if save:
            mine.save_cache()
            mine.close()
            mine = partial(data_dir)
        assert core_of(partial(data_dir)) == full_core(data_dir)
    mine.close()


@pytest.mark.kernel_clock  # sets file times against this process's clock
def test_the_core_cache_is_written_after_a_partial_read_and_then_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "config"))
    data_dir = tmp_path / "data"
    store = Store(data_dir, ME, ME_META)
    store.load()
    store.ensure_replica()
    store.put("habit", "habit:walk", {"title": "Walk", "owner": "each", "start": "2026-11-01"})
    store.close()
    path = core_cache_file(cache_file(data_dir, ME))
    first = partial(data_dir)
    assert first.save_cache() and path.is_file()
    again = partial(data_dir)
    assert again.get("habit:walk") is not None
    assert again.save_cache()  # written this very second: read again, kept again
    age(data_dir)
    partial(data_dir).save_cache()
    settled = partial(data_dir)
    assert settled.get("habit:walk") is not None
    assert not settled.save_cache()  # nothing read from disk: the cache is still right


class _AnHourOn:
    """The caches' clock an hour on: every file written in this test counts as settled
    when the cache is saved, as after a command that ran for long enough."""

    @staticmethod
    def time_ns() -> int:
        return time.time_ns() + 3_600_000_000_000


@pytest.mark.kernel_clock  # sets file times against this process's clock
@pytest.mark.parametrize("who", ["this process", "another process of this device"])
def test_a_core_write_after_the_load_reaches_the_core_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, who: str
) -> None:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "config"))
    data_dir = tmp_path / "data"
    first = Store(data_dir, ME, ME_META)
    first.load()
    first.ensure_replica()
    first.put("habit", "habit:walk", {"title": "Walk", "owner": "each", "start": "2026-11-01"})
    first.close()
    age(data_dir)
    mine = partial(data_dir)  # the core file read from disk: its merge is kept
    new = {"title": "Dance", "owner": "each", "start": "2026-11-01"}
    if who == "this process":
        mine.put("habit", "habit:dance", new)
    else:
        other = partial(data_dir)
        other.put("habit", "habit:dance", new)
        other.close()
        # This process writes after it, and so first reads what the other one wrote.
        mine.put("habit", "habit:walk", {"title": "Walk!", "owner": "each", "start": "2026-11-01"})
    monkeypatch.setattr("tracker.store.cache.time", _AnHourOn)
    assert mine.save_cache()
    mine.close()
    assert partial(data_dir).get("habit:dance") is not None
    assert core_of(partial(data_dir)) == full_core(data_dir)
