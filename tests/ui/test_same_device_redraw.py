"""The app open while another process on this same device writes: a `rekindle tick` from
a script, or a second browser tab of `rekindle serve` (one browser device, two app
processes). What they write is shown at the next look, without a "Synced" notice."""

from __future__ import annotations

from collections.abc import Callable

from tests.ui.conftest import TODAY
from tracker.domain.models import Check, CheckStatus
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


async def test_today_shows_what_another_process_here_ticked(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        mine = app.screen.query_one("#table-me", HabitTable)
        first = mine.rows_shown[0]
        assert first.check is None
        # The same replica, opened by another process (as `rekindle tick` opens it).
        script = Store(couple.store.data_dir, couple.store.replica_id, couple.store.meta)
        script.load()
        Couple(script, couple.me).set_check(Check(first.habit.id, couple.me, TODAY))
        app.check_for_changes()  # what the app's poll does every two seconds
        await pilot.pause()
        shown = mine.rows_shown[0]
        assert shown.check is not None and shown.check.status is CheckStatus.DONE
        assert str(mine.get_cell(shown.key, "mark")) == "✓"
        assert not list(app._notifications)  # ours: nothing to tell, only to show
