"""Any JSON value in any field of any kind, from a partner's file: the app still reads the
rest, `status --json` stays strict JSON, and doctor still reports (issue 15)."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import THEM, THEM_META, shard_bytes
from tests.store.unfit_cases import later_ms
from tracker.cli.habit_cmds import status_data
from tracker.domain.kinds import KINDS
from tracker.store import checkins, dates, goals, talks
from tracker.store.couple import Couple
from tracker.store.doctor import health
from tracker.store.records import Record, format_stamp
from tracker.store.setup import create_couple

DAY = date(2026, 11, 25)
FIELDS = [
    "title", "area", "owner", "schedule", "start", "day", "status", "value", "note", "habit",
    "person", "key", "name", "tz", "day_start", "kind", "target", "direction", "archived",
    "order", "week", "ratings", "due", "made", "closed", "text", "slot", "date", "rating",
    "revision", "repeat", "until", "time", "duration", "weekday", "every", "times", "weekdays",
]  # fmt: skip
odd_scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**30, -(10**30), 0, -1, 1e9, 1e308])
    | st.floats()  # NaN and infinities too: the careful path reads them
    | st.text(alphabet=st.characters(codec="utf-8"), max_size=12)
    | st.sampled_from(["bogus", "2026-02-30", "9999-12-31", "\x1b[31m", "", "a", "each"])
)
values = st.recursive(
    odd_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), inner),
    max_leaves=10,
)
datas = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), values, max_size=8)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "Rekindle"
        couple = create_couple(data, "Alex", "Sam", "UTC", 4, ["specific-thank-you"], today=DAY)
        couple.store.close()
        yield data


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(sorted(KINDS)), datas), min_size=1, max_size=6))
def test_any_value_in_a_partner_file_is_survived(
    folder: Path, found: list[tuple[str, dict[str, Any]]]
) -> None:
    stamp = format_stamp(later_ms(), 0)
    records = [
        Record(f"{kind}:{n}" if kind not in ("person",) else "person:b", kind, stamp, THEM,
               False, data)
        for n, (kind, data) in enumerate(found)
    ]  # fmt: skip
    path = folder / "replicas" / THEM / "core.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = shard_bytes(records, THEM_META, THEM)
    path.write_bytes(raw)
    couple = _open(folder)
    json.dumps(status_data(couple, DAY), allow_nan=False)
    couple.people()
    for read in (
        checkins.all_checkins, checkins.promises, checkins.repairs, checkins.appreciations,
        talks.slots, talks.notes, talks.log, talks.prefs, dates.dates, dates.marks,
        dates.ratings, dates.own_ideas, goals.goals, goals.milestones,
    ):  # fmt: skip
        read(couple)
    json.dumps(health(couple).to_json(), allow_nan=False)
    assert path.read_bytes() == raw


def _open(folder: Path) -> Couple:
    from tracker.store.store import Store

    own = next(p.name for p in (folder / "replicas").iterdir() if p.name != THEM)
    store = Store(folder, own, {"partner": "a"})
    store.load(use_cache=False)
    return Couple(store, "a")
