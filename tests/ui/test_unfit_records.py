"""The app opens, and the Sync screen names it, when a partner's record does not fit (issue 15)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Static

from tests.store.unfit_cases import BAD, Bad, plant
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.sync import SyncScreen

OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
async def test_today_opens_and_sync_names_the_record(
    couple: Couple, open_app: OpenApp, bad: Bad
) -> None:
    path = plant(couple.store.data_dir, bad)
    before = path.read_bytes()
    couple.store.load()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("9")
        assert isinstance(app.screen, SyncScreen)
        text = str(app.screen.query_one("#findings", Static).content)
        assert bad.record_id in text and bad.reason in text
    assert path.read_bytes() == before
