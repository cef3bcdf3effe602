"""Settings: names, my zone and day start, theme, the help card, and the welcome again."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, SelectionList, Static, Switch

from tracker.store.couple import Couple
from tracker.store.settings import get_setting
from tracker.ui.app import RekindleApp
from tracker.ui.screens.onboarding import OnboardingScreen
from tracker.ui.screens.settings import SettingsScreen

OpenApp = Callable[[Couple | None], RekindleApp]


async def test_settings_save_names_zone_and_day_start(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#my-name", Input).value == "Alex"
        app.screen.query_one("#tz", Input).value = "Mars/Olympus"
        await pilot.press("ctrl+s")
        assert "Mars/Olympus" in str(app.screen.query_one("#settings-error", Static).content)
        assert couple.person("a").tz == "Europe/London"  # nothing saved
        app.screen.query_one("#tz", Input).value = "Pacific/Auckland"
        app.screen.query_one("#my-name", Input).value = "Alexandra [b]"
        app.screen.query_one("#partner-name", Input).value = "Samir"
        app.screen.query_one("#day-start", Input).value = "5"
        await pilot.press("ctrl+s")
        me = couple.person("a")
        assert (me.name, me.tz, me.day_start) == ("Alexandra [b]", "Pacific/Auckland", 5)
        assert couple.person("b").name == "Samir"
        assert couple.person("b").tz == "Europe/London"  # theirs to set
        await pilot.press("u")  # one undo takes the whole save back
        assert couple.person("a").name == "Alex" and couple.person("b").name == "Sam"


async def test_theme_and_help_card_are_remembered(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0")
        app.screen.query_one("#light", Switch).value = True
        app.screen.query_one("#help-card", Switch).value = False
        await pilot.pause()
        assert app.theme == "textual-light"
        await pilot.press("ctrl+s")
    assert get_setting(couple, "help-card", {})["enabled"] is False
    again = open_app(couple)
    async with again.run_test(size=(120, 40)):
        assert again.theme == "textual-light"  # the next start keeps it


async def test_welcome_again_edits_and_adds_starters(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    before = len(couple.habits())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("0", "ctrl+w")
        assert isinstance(app.screen, OnboardingScreen)
        assert app.screen.query_one("#folder", Input).disabled
        starters = app.screen.query_one("#starters", SelectionList)
        offered = [starters.get_option_at_index(i).value for i in range(starters.option_count)]
        assert "specific-thank-you" not in offered  # already there
        starters.select("weekly-walk")
        app.screen.query_one("#partner-name", Input).value = "Sam R."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#partner-name", Input).value == "Sam R."
    assert len(couple.habits()) == before + 1
    assert "A walk together" in [h.title for h in couple.habits()]
