"""Today's "This week" percentages say what they count: on hover, and on the help page."""

from __future__ import annotations

import io
from collections.abc import Callable

from rich.console import Console
from textual.widgets import Static

from tracker.domain.days import MONDAY
from tracker.domain.habits.week import week_share_means
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.help import HelpScreen

OpenApp = Callable[[Couple | None], RekindleApp]


def words(renderable: object) -> str:
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(renderable)
    return " ".join(out.getvalue().split())


async def test_hovering_the_week_figures_explains_them(lived_in: Couple, open_app: OpenApp) -> None:
    app = open_app(lived_in)
    async with app.run_test(size=(120, 40), tooltips=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        figures = app.screen.query_one("#figures", Static)
        assert "This week" in words(figures.content)
        assert figures.tooltip == week_share_means(MONDAY)
        await pilot.hover("#figures")
        await pilot.pause(0.6)  # Textual shows a tooltip after half a second
        tooltip = app.screen.query_one("#textual-tooltip", Static)
        assert tooltip.display
        assert "planned skips are left out" in " ".join(str(tooltip.render()).split())


async def test_the_help_page_says_the_same(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(words(s.content) for s in app.screen.query(Static))
        assert " ".join(week_share_means(MONDAY).split()) in shown
