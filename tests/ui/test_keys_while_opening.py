"""Keys typed while a form is still opening go into it, in the order typed (issue 22:
`a` then a quick "Walk" lost the letters typed before the form had drawn).

`burst` (from test_key_bursts) posts every key into the app's queue at once, as a
terminal hands over a fast typist's keys, optionally while the app is busy."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import DataTable, Input, TextArea

from tests.ui.test_key_bursts import DELIVERIES, deliver, typed
from tracker.store import dates as date_store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dates.forms import DateForm
from tracker.ui.screens.dates.screen import DatesScreen
from tracker.ui.screens.dialogs import NoteDialog
from tracker.ui.screens.habits.form import HabitForm

OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.mark.parametrize("how", DELIVERIES)
async def test_a_title_typed_as_the_date_form_opens_is_all_there(
    couple: Couple, open_app: OpenApp, how: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await deliver(pilot, ["a", *typed("Walk by the river")], how)
        assert isinstance(app.screen, DateForm)
        assert app.screen.query_one("#title", Input).value == "Walk by the river"
        await deliver(pilot, ["ctrl+s"], how)
    assert [d.title for d in date_store.dates(couple)] == ["Walk by the river"]


@pytest.mark.parametrize("how", DELIVERIES)
async def test_keys_through_two_opening_dialogs_land_in_the_second(
    couple: Couple, open_app: OpenApp, how: str
) -> None:
    # a opens the starter list; enter on "Write my own" opens the habit form; then the title.
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await deliver(pilot, ["a", "enter", *typed("Walk slowly")], how)
        assert isinstance(app.screen, HabitForm)
        assert app.screen.query_one("#title", Input).value == "Walk slowly"


@pytest.mark.parametrize("how", DELIVERIES)
async def test_a_note_typed_as_its_dialog_opens_keeps_every_letter(
    couple: Couple, open_app: OpenApp, how: str
) -> None:
    # l and h move between Today's lists as they are read: none may act while n opens.
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("space")  # a note goes with a tick
        await deliver(pilot, ["n", *typed("lovely chat")], how)
        assert isinstance(app.screen, NoteDialog)
        assert app.screen.query_one("#note", TextArea).text == "lovely chat"


@pytest.mark.parametrize("how", DELIVERIES)
async def test_escape_typed_as_a_form_opens_closes_it(
    couple: Couple, open_app: OpenApp, how: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        home = app.screen
        await deliver(pilot, ["a", "escape"], how)
        assert app.screen is home


async def test_a_redraw_asked_while_a_screen_is_being_built_waits_for_it(
    couple: Couple, open_app: OpenApp
) -> None:
    # Found by the tmux burst test: the history finished loading (a redraw) just as 4
    # opened Dates, whose lists did not exist yet, and the app stopped.
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        app.switch_mode("dates")  # not awaited: Dates is still being built
        app.refresh_screen()
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert app.screen.query_one("#jar-table", DataTable).row_count
