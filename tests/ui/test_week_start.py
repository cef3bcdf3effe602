"""Settings › "Weeks start on": the year grid's rows and Today's "this week" follow it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select, Static

from tests.ui.conftest import TODAY
from tracker.domain.days import MONDAY, SUNDAY
from tracker.domain.habits.week import week_completion
from tracker.store.couple import Couple
from tracker.store.settings import chosen_week_start
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.detail import HabitDetailScreen
from tracker.ui.screens.habits.screen import HabitsScreen
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.settings import SettingsScreen
from tracker.ui.widgets.heatmap import Heatmap

OpenApp = Callable[[Couple | None], RekindleApp]


def my_week(couple: Couple, first_weekday: int) -> str:
    """Alex's "this week" as Today should show it, worked out by the domain rule."""
    share = week_completion(couple.habits(), couple.checks_by(), "a", TODAY, first_weekday)
    assert share is not None
    return f"Alex {round(share * 100)}%"


async def heatmap_rows(pilot: Pilot[None]) -> list[str]:
    """The weekday labels down the side of the first year grid of "One specific thank-you"."""
    app = pilot.app
    await pilot.press("2")
    screen = app.screen
    assert isinstance(screen, HabitsScreen)
    row = [h.title for h in screen.shown].index("One specific thank-you")
    screen.query_one(DataTable).move_cursor(row=row)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, HabitDetailScreen)
    lines = app.screen.query(Heatmap).first().render().plain.splitlines()
    await pilot.press("escape")
    return [line[:3] for line in lines[1:8]]


async def today_figures(pilot: Pilot[None]) -> Static:
    await pilot.press("1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen)
    return pilot.app.screen.query_one("#figures", Static)


async def test_choosing_sunday_moves_the_grid_rows_and_this_week(
    lived_in: Couple, open_app: OpenApp
) -> None:
    # Wednesday 25 November: the Sunday before counts in Sunday-first weeks only.
    monday_first, sunday_first = my_week(lived_in, MONDAY), my_week(lived_in, SUNDAY)
    assert monday_first != sunday_first  # else this couple could not tell the two apart
    app = open_app(lived_in)
    async with app.run_test(size=(120, 40)) as pilot:
        figures = await today_figures(pilot)
        assert monday_first in str(figures.content)
        assert "This week, from Monday" in str(figures.tooltip)
        assert await heatmap_rows(pilot) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#week-start", Select).value = SUNDAY
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert chosen_week_start(lived_in) == SUNDAY

        figures = await today_figures(pilot)
        assert sunday_first in str(figures.content)
        assert "This week, from Sunday" in str(figures.tooltip)
        assert await heatmap_rows(pilot) == ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

        await pilot.press("u")  # one undo takes the choice back
        await pilot.pause()
        assert chosen_week_start(lived_in) is None
        assert monday_first in str((await today_figures(pilot)).content)


async def test_saving_other_settings_leaves_the_week_to_the_locale(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sunday from this computer's language is shown, but not made the couple's choice
    (the partner's computer may be set to another language)."""
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#week-start", Select).value == SUNDAY
        hint = str(app.screen.query_one("#week-start-hint", Static).content)
        assert "language settings" in hint
        app.screen.query_one("#day-start", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert couple.person("a").day_start == 5
        assert chosen_week_start(couple) is None
