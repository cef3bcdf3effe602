"""Every screen by touch alone: in a browser (textual-serve) a tap is a click, and a phone's
keyboard has no escape, ctrl, tab or arrows. The row of screens takes a tap; every screen
has its own actions in its footer (whose entries take a tap), and every view opened over
another has a way back there. Made from the registry, so a new screen is covered here
without touching this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.binding import Binding
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, TextArea
from textual.widgets._footer import FooterKey

from tests.ui.conftest import TODAY
from tests.ui.screen_text import screen_lines
from tests.ui.test_footer_fit import door_keys, footer_keys
from tracker.store import daily
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.registry import OVER_TODAY, SCREENS, ScreenEntry, TodayView
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.screens.habits.detail import HabitDetailScreen
from tracker.ui.screens.habits.today import TodayScreen
from tracker.ui.widgets.nav import NavBar, placed

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (44, 40)]  # a terminal, and a phone's width in a browser
APP_KEYS = {"question_mark", "q", "ctrl+p"}  # the app's own: help, quit, the palette


async def tap_nav(pilot: Pilot[int], app: RekindleApp, entry: ScreenEntry) -> None:
    nav = app.screen.query_one(NavBar)
    where = {e.mode: (row, column) for e, row, column in placed(nav.content_size.width)}
    row, column = where[entry.mode]
    # Past the left padding, onto the entry's title.
    await pilot.click(nav, offset=(1 + column + 3, row))
    await pilot.pause()


def own_footer(app: RekindleApp) -> list[FooterKey]:
    return [key for key in footer_keys(app.screen) if key.key not in APP_KEYS]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_a_tap_on_the_row_of_screens_goes_there(
    couple: Couple, open_app: OpenApp, entry: ScreenEntry, size: tuple[int, int]
) -> None:
    app = open_app(couple)
    async with app.run_test(size=size) as pilot:
        start = "habits" if entry.mode == "today" else "today"
        app.switch_mode(start)
        await pilot.pause()
        await tap_nav(pilot, app, entry)
        assert app.current_mode == entry.mode
        # Every entry is in reach: the row goes onto more lines, never off the edge.
        nav = app.screen.query_one(NavBar)
        assert nav.region.right <= size[0]
        assert f"{entry.key} {entry.title}" in "\n".join(screen_lines(app)[: nav.region.bottom])


def fingerprint(app: RekindleApp) -> tuple[object, ...]:
    """What a tap that did something changed: the screen, the history, a toast, the words."""
    return (app.screen, len(app.history), len(app._notifications), screen_lines(app))


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_every_screens_own_footer_entries_act_on_a_tap(
    lived_in: Couple, open_app: OpenApp, entry: ScreenEntry
) -> None:
    """Each entry the screen shows in its footer does something when tapped, from the
    first (the screen's main action) on: a form opens, a change is saved, a word changes."""
    app = open_app(lived_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(entry.key)
        await pilot.pause()
        home = app.screen
        keys = [key.key for key in own_footer(app)]
        assert keys, f"{entry.title} shows none of its own actions in its footer"
        for key in keys:
            found = [k for k in own_footer(app) if k.key == key]
            if app.screen is not home or not found:
                break  # an action earlier in the row changed what the footer holds
            before = fingerprint(app)
            await pilot.click(found[0])
            await pilot.pause()
            assert fingerprint(app) != before, f"{entry.title}: a tap on {key} did nothing"
            while app.screen is not home and len(app.screen_stack) > 1:
                await pilot.press("escape")
                await pilot.pause()


@pytest.mark.parametrize("view", OVER_TODAY, ids=lambda v: v.key)
async def test_a_view_over_today_is_left_by_a_tap(
    couple: Couple, open_app: OpenApp, view: TodayView
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(view.key)
        await pilot.pause()
        assert not isinstance(app.screen, TodayScreen)
        back = [k for k in footer_keys(app.screen) if k.key == "escape"]
        assert back and back[0].region.right <= 80, f"{view.title}: no way back in the footer"
        await pilot.click(back[0])
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


def saves_with_ctrl_s(screen: Screen[object]) -> bool:
    return any(
        "ctrl+s" in binding.key.split(",")
        for binding in screen.BINDINGS
        if isinstance(binding, Binding)
    )


@pytest.mark.parametrize(
    "where", [*(e.key for e in SCREENS), *(f"1{v.key}" for v in OVER_TODAY)], ids=str
)
async def test_what_saves_with_ctrl_s_has_a_button_too(
    couple: Couple, open_app: OpenApp, where: str
) -> None:
    """A phone's keyboard has no ctrl: a screen that saves with ctrl+s has a button for it."""
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*where)
        await pilot.pause()
        if saves_with_ctrl_s(app.screen):
            buttons = [b for b in app.screen.query(Button) if b.display and b.region.width]
            assert any(str(b.label).startswith("Save") for b in buttons), type(app.screen)


async def test_the_days_answer_is_saved_by_a_tap_and_left_by_a_tap(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        question = app.screen
        question.query_one("#answer", TextArea).load_text("Your laugh at breakfast")
        await pilot.click("#save-answer")
        await pilot.pause()
        mine = daily.day_view(couple, TODAY).mine
        assert mine is not None and mine.text == "Your laugh at breakfast"
        back = [k for k in footer_keys(question) if k.key == "escape"]
        await pilot.click(back[0])
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)


@pytest.mark.parametrize("entry", SCREENS, ids=lambda e: e.mode)
async def test_every_view_a_screen_opens_has_a_way_back_by_tap(
    lived_in: Couple, open_app: OpenApp, entry: ScreenEntry
) -> None:
    """What a screen's keys open (a view of its own, or a dialog) shows escape in its
    footer, so a tap leaves it: no phone keyboard has escape."""
    app = open_app(lived_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(entry.key)
        await pilot.pause()
        home = app.screen
        for key in door_keys(home):
            await pilot.press(key)
            await pilot.pause()
            opened = app.screen
            if opened is home or app.current_mode != entry.mode:
                continue  # nothing opened, or another of the app's screens
            name = type(opened).__name__
            back = [k for k in footer_keys(opened) if k.key == "escape"]
            assert back and 0 < back[0].region.right <= 80, f"{entry.title} → {name}: no way back"
            await pilot.click(back[0])
            await pilot.pause()
            assert app.screen is not opened, f"{entry.title} → {name}: its Back did nothing"
            while app.screen is not home and len(app.screen_stack) > 1:
                await pilot.press("escape")  # a view opened by the one left, say
                await pilot.pause()
            if app.screen is not home:
                await pilot.press(entry.key)
                await pilot.pause()


async def test_one_tap_on_a_list_opens_what_enter_opens(
    lived_in: Couple, open_app: OpenApp
) -> None:
    """Lists whose enter opens something open it on one tap, never destroying anything."""
    app = open_app(lived_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await tap_nav(pilot, app, SCREENS[1])  # Habits
        before = lived_in.store.generation
        await pilot.click("#habit-list", offset=(4, 2))  # the second habit (under the header)
        await pilot.pause()
        assert isinstance(app.screen, HabitDetailScreen)
        assert app.screen.habit.title == lived_in.habits()[1].title
        await pilot.click(next(k for k in footer_keys(app.screen) if k.key == "escape"))
        await pilot.pause()
        # The idea jar: its tab, then one of its ideas, opens the form to plan it.
        await tap_nav(pilot, app, SCREENS[3])  # Dates
        await pilot.click("#--content-tab-jar")
        await pilot.pause()
        await pilot.click("#jar-table", offset=(4, 1))
        await pilot.pause()
        assert isinstance(app.screen, Dialog)
        await pilot.click("#cancel")
        await pilot.pause()
        assert lived_in.store.generation == before  # looking and opening changed nothing
