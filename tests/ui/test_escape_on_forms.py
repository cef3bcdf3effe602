"""Escape on the two full-screen forms, Settings and the welcome: nothing typed is lost
without a question, and the first screen never quits without one (issue 22)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.ui.test_discard_question import asks
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialog_base import ConfirmDialog
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.screens.onboarding import OnboardingScreen
from tracker.ui.screens.settings import SettingsScreen

OpenApp = Callable[[Couple | None], RekindleApp]


async def test_escape_on_untouched_settings_goes_back_to_today(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


async def test_escape_on_changed_settings_asks_and_keeps_or_discards(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        settings = app.screen
        settings.set_focus(settings.query_one("#my-name", Input))
        await pilot.press("ctrl+u", *"Robin", "escape")
        assert asks(app)
        await pilot.press("n")  # keep editing: everything as typed
        assert app.screen is settings
        assert settings.query_one("#my-name", Input).value == "Robin"
        await pilot.press("escape")
        assert asks(app)
        await pilot.press("y")  # discard: the saved name is back, and we leave
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("0")
        assert settings.query_one("#my-name", Input).value == "Alex"
        await pilot.press("escape")  # nothing changed now: no question
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert couple.person("a").name == "Alex"


async def test_a_discarded_theme_switch_is_undone_too(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        before = app.theme
        app.screen.query_one("#light").value = True  # the theme shows at once
        await pilot.pause()
        assert app.theme != before
        await pilot.press("escape", "y")
        await pilot.pause()
        assert app.theme == before


async def test_saved_settings_leave_without_a_question(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0")
        settings = app.screen
        settings.set_focus(settings.query_one("#my-name", Input))
        await pilot.press("ctrl+u", *"Robin", "ctrl+s", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert couple.person("a").name == "Robin"


@pytest.fixture
def first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REKINDLE_DATA", str(tmp_path / "shared"))


@pytest.mark.usefixtures("first_run")
@pytest.mark.parametrize("typed", ["", "Robin"])
async def test_escape_at_the_welcome_asks_before_quitting(open_app: OpenApp, typed: str) -> None:
    app = open_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        welcome = app.screen
        assert isinstance(welcome, OnboardingScreen)
        await pilot.press(*typed, "escape")
        assert isinstance(app.screen, ConfirmDialog)  # never gone without a word
        await pilot.press("n")
        assert app.screen is welcome and app.is_running
        assert welcome.query_one("#my-name", Input).value == typed
        await pilot.press("escape", "y")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_escape_on_the_welcome_again_asks_only_after_a_change(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0", "ctrl+w")
        await pilot.pause()
        assert isinstance(app.screen, OnboardingScreen)
        await pilot.press("escape")  # untouched: straight back to Settings
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await pilot.press("ctrl+w")
        await pilot.pause()
        welcome = app.screen
        welcome.set_focus(welcome.query_one("#my-name", Input))
        await pilot.press("ctrl+u", *"Robin", "escape")
        assert asks(app)
        await pilot.press("n")
        assert welcome.query_one("#my-name", Input).value == "Robin"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
    assert couple.person("a").name == "Alex"


async def test_the_welcome_again_shows_the_names_not_the_join_question(
    couple: Couple, open_app: OpenApp
) -> None:
    # Its folder holds this very couple: that is no reason to ask who is joining.
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("0", "ctrl+w")
        await pilot.pause()
        welcome = app.screen
        assert isinstance(welcome, OnboardingScreen)
        assert welcome.query_one("#new-couple").display
        assert welcome.query_one("#starters-box").display
        assert not welcome.query_one("#join-couple").display
        assert welcome.query_one("#my-name", Input).value == "Alex"
