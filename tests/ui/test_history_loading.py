"""Years of history load after the first frame; until then the screen says so honestly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from tests.ui.conftest import TODAY, habit_id
from tracker.domain.models import Check, Habit
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


async def test_streaks_wait_for_the_history_then_count_all_of_it(
    couple: Couple, open_app: OpenApp
) -> None:
    thanks = habit_id(couple, "One specific")
    old = couple.habit(thanks)
    assert isinstance(old, Habit)
    couple.save_habit(old.with_changes(start=TODAY - timedelta(days=200)))
    for back in range(1, 200):  # every day since June: a long streak, mostly in old shards
        couple.set_check(Check(thanks, "a", TODAY - timedelta(days=back)))
    couple.store.load(months={"2026-10", "2026-11", "2026-12"})
    assert not couple.store.complete
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.screen.query_one("#table-me", HabitTable)
        row = next(r for r in table.rows_shown if r.habit.id == thanks)
        # Nothing wrong is shown while the old months load: a placeholder, not "55d".
        shown = table.get_cell(row.key, "streak").plain
        assert shown in ("…", "199d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert couple.store.complete
        row = next(r for r in table.rows_shown if r.habit.id == thanks)
        assert row.streaks.current == 199
        assert table.get_cell(row.key, "streak").plain == "199d"
        # Ticking still works, and lands in the store that now holds everything.
        await pilot.press("space")
        assert couple.check(table.rows_shown[0].habit.id, "a", TODAY) is not None
