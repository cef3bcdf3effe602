"""The card about couples therapy: ctrl+g on any screen and the palette open it, for
anyone, whether or not the check-in's automatic suggestions are on."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from textual.widgets import Static

from tests.ui.test_footer_fit import assert_fits
from tests.ui.test_onboarding_and_help import plain
from tracker.domain.content.support import SAFETY_LINE, SUPPORT_CARD, SUPPORT_TITLE
from tracker.store.checkins import help_setting, set_help_enabled
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.registry import SCREENS
from tracker.ui.screens.support import SupportDialog

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]
KEY = "ctrl+g"


def _card_text(app: RekindleApp) -> str:
    return " ".join(str(s.render()) for s in app.screen.query(Static))


@pytest.mark.parametrize("screen_key", ["1", "4", "0"], ids=["today", "dates", "settings"])
async def test_the_key_opens_the_card_from_a_screen(
    couple: Couple, open_app: OpenApp, screen_key: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(screen_key)
        await pilot.pause()
        home = app.screen
        await pilot.press(KEY)
        await pilot.pause()
        assert isinstance(app.screen, SupportDialog)
        shown = _card_text(app)
        assert SUPPORT_TITLE in shown and SAFETY_LINE in shown
        assert all(part.text in shown for part in SUPPORT_CARD)
        assert "esc" in assert_fits(app.screen, 80)  # its own footer, whole at 80 columns
        await pilot.press(KEY)  # again: still one card, not a second on top
        await pilot.pause()
        assert sum(isinstance(s, SupportDialog) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is home


async def test_it_opens_with_the_automatic_suggestions_switched_off(
    couple: Couple, open_app: OpenApp
) -> None:
    set_help_enabled(couple, False)
    assert not help_setting(couple, couple.me).enabled
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")  # Check-in, where the automatic card would be
        await pilot.pause()
        await pilot.press(KEY)
        await pilot.pause()
        assert isinstance(app.screen, SupportDialog)
        assert SAFETY_LINE in _card_text(app)
    assert not help_setting(couple, couple.me).enabled  # opening it changed no setting


async def test_the_key_opens_it_on_every_screen_of_the_row(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in SCREENS:
            await pilot.press(entry.key)
            await pilot.pause()
            await pilot.press(KEY)
            await pilot.pause()
            assert isinstance(app.screen, SupportDialog), entry.title
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, SupportDialog), entry.title


async def test_the_palette_lists_it_and_it_opens_the_card(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in (SCREENS[0], SCREENS[-1]):
            await pilot.press(entry.key)
            await pilot.pause()
            commands = {c.title: c for c in app.get_system_commands(app.screen)}
            assert "Talk to someone: couples therapy" in commands
        commands["Talk to someone: couples therapy"].callback()
        await pilot.pause()
        assert isinstance(app.screen, SupportDialog)


async def test_the_help_page_lists_the_key(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = " ".join(plain(s.content) for s in app.screen.query(Static))
        everywhere = shown[shown.index("Everywhere") : shown.index("Command palette")]
        assert re.search(r"\^g\s+Talk to someone", everywhere), everywhere


async def test_the_card_scrolls_to_the_safety_line_on_a_small_terminal(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(KEY)
        await pilot.pause()
        card = app.screen.query_one("#support")
        assert card.has_focus
        assert card.max_scroll_y > 0  # more than fits: it scrolls rather than cut off
        await pilot.press("end")
        await pilot.pause()
        safety = app.screen.query_one("#support-safety")
        assert card.region.contains_region(safety.region)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_support_card(
    snap_compare: Snap, couple: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(couple), press=[KEY], terminal_size=size)


async def test_it_opens_before_there_is_a_couple(
    open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The welcome, before any folder: the card is for anyone, set up or not.
    monkeypatch.setenv("REKINDLE_DATA", "/nonexistent/Rekindle")
    app = open_app(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Talk to someone: couples therapy" in commands
        await pilot.press(KEY)
        await pilot.pause()
        assert isinstance(app.screen, SupportDialog)
