"""Any JSON value in any field of any kind, from a partner's file (the generator of
tests/store/test_unfit_property.py): the app opens on Today, draws it, and writes
nothing a terminal would obey (issue 15)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.store.store_helpers import THEM, THEM_META, shard_bytes
from tests.store.test_unfit_property import DAY, datas
from tests.store.unfit_cases import later_ms
from tests.ui.conftest import NOW
from tests.ui.hostile import capture
from tests.ui.test_escapes import assert_inert
from tracker.domain.kinds import KINDS
from tracker.store.couple import Couple
from tracker.store.records import Record, format_stamp
from tracker.store.setup import create_couple
from tracker.store.store import Store
from tracker.ui.app import make_app
from tracker.ui.screens.habits.today import TodayScreen

FOLDER = tempfile.TemporaryDirectory()


def _folder() -> Path:
    data = Path(FOLDER.name) / "Rekindle"
    if not data.exists():
        couple = create_couple(data, "Alex", "Sam", "UTC", 4, ["specific-thank-you"], today=DAY)
        couple.store.close()
    return data


async def _today(couple: Couple) -> None:
    app = make_app(couple, clock=lambda: NOW, poll=False)
    written = capture(app)
    async with app.run_test(headless=False, size=(100, 30), notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert_inert(app, written)
        shown = [str(n.message) for n in app._notifications]
        assert not [m for m in shown if "unexpected" in m], shown


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(sorted(KINDS)), datas), min_size=1, max_size=6))
def test_today_renders_with_any_partner_record(found: list[tuple[str, dict[str, Any]]]) -> None:
    data = _folder()
    stamp = format_stamp(later_ms(), 0)
    records = [
        Record("person:b" if kind == "person" else f"{kind}:{n}", kind, stamp, THEM, False, d)
        for n, (kind, d) in enumerate(found)
    ]
    path = data / "replicas" / THEM / "core.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = shard_bytes(records, THEM_META, THEM)
    path.write_bytes(raw)
    own = next(p.name for p in (data / "replicas").iterdir() if p.name != THEM)
    store = Store(data, own, {"partner": "a"})
    store.load(use_cache=False)
    try:
        asyncio.run(_today(Couple(store, "a")))
    finally:
        store.close()
    assert path.read_bytes() == raw
