"""At a phone's width (a browser through `rekindle serve`, under 60 columns) the screens
that lay things side by side make room: Settings stacks its rows of fields, the Habits
list gives the area's and when's columns to the titles, Today puts the lists one above the other."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import DataTable, Input

from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.styles import PHONE_WIDTH

OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.mark.parametrize("width", [44, PHONE_WIDTH - 1, PHONE_WIDTH, 80])
async def test_settings_fields_stack_on_a_phone(
    couple: Couple, open_app: OpenApp, width: int
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        fields = [app.screen.query_one(f"#{id}", Input) for id in ("habits-at", "quiet")]
        stacked = fields[0].region.x == fields[1].region.x
        assert stacked is (width < PHONE_WIDTH)
        # Each field wide enough for what goes in it ("22:00-08:00" and its padding).
        assert all(field.region.width >= 15 for field in fields)


@pytest.mark.parametrize("width", [44, 80])
async def test_habit_titles_keep_their_room_on_a_phone(
    couple: Couple, open_app: OpenApp, width: int
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        table = app.screen.query_one("#habit-list", DataTable)
        labels = [str(column.label) for column in table.ordered_columns]
        assert labels[:2] == ["Habit", "Area" if width >= PHONE_WIDTH else "Who"]
        assert ("When" in labels) is (width >= PHONE_WIDTH)
        # The title has the room, whole for the sample's habits ("Ask about their day").
        assert table.ordered_columns[0].width >= 20
        assert str(table.get_row_at(1)[0]) == "Ask about their day"
