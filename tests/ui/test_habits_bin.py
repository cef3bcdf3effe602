"""Habits › Deleted, the partner's notice of a delete, and undo of a delete after a restart."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from textual.widgets import Button, DataTable

from tests.ui.conftest import TODAY, habit_id
from tracker.domain.models import Check, Habit
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.habits.bin import DeletedScreen
from tracker.ui.screens.habits.screen import HabitsScreen

OpenApp = Callable[[Couple | None], RekindleApp]
THANKS = "One specific thank-you"


def titles(couple: Couple) -> list[str]:
    return [h.title for h in couple.habits()]


def sams_device(couple: Couple) -> Couple:
    """Sam's laptop on the same folder, writing only its own files."""
    store = Store(couple.store.data_dir, "samslaptop1", {"partner": "b", "device": "sam-laptop"})
    store.load()
    store.ensure_replica()
    return Couple(store, "b")


def listed(app: RekindleApp) -> list[str]:
    table = app.screen.query_one("#deleted-list", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def capture(app: RekindleApp) -> list[str]:
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    return said


async def test_the_deleted_view_lists_a_delete_and_r_brings_it_back(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        first = app.screen.current()  # type: ignore[attr-defined]
        await pilot.press("x", "y")
        await pilot.pause()
        assert first.title not in titles(couple)
        assert any("under D (Deleted)" in n.message for n in app._notifications)
        await pilot.press("D")
        assert isinstance(app.screen, DeletedScreen)
        assert listed(app) == [first.title]
        row = app.screen.query_one("#deleted-list", DataTable).get_row_at(0)
        assert [str(c) for c in row[1:3]] == ["habit", "Alex"]
        await pilot.press("r")
        await pilot.pause()
        assert first.title in titles(couple)
        assert listed(app) == []
        assert app.screen.query_one("#restore", Button).disabled
        # Emptied: the table steps aside so the sentence saying so is in view.
        empty = app.screen.query_one("#deleted-empty")
        assert empty.display and not app.screen.query_one("#deleted-list").display
        assert empty.region.bottom <= app.size.height
        await pilot.press("u")  # a restore is undone like any change
        await pilot.pause()
        assert first.title not in titles(couple)
        assert listed(app) == [first.title]
        await pilot.press("escape")
        assert isinstance(app.screen, HabitsScreen)


async def test_the_bring_back_button_restores_with_the_partners_ticks(
    couple: Couple, open_app: OpenApp
) -> None:
    thanks = habit_id(couple, THANKS)
    couple.delete_habit(thanks)
    sam = sams_device(couple)
    sam.set_check(Check(thanks, "b", TODAY))  # Sam ticks after the delete
    sam.store.close()
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "D")
        row = app.screen.query_one("#deleted-list", DataTable).get_row_at(0)
        assert str(row[0]) == THANKS and str(row[-1]) == "1"
        await pilot.click("#restore")
        await pilot.pause()
        assert THANKS in titles(couple)
        assert couple.check(thanks, "b", TODAY) is not None


async def test_a_title_in_the_bin_is_shown_as_typed(couple: Couple, open_app: OpenApp) -> None:
    odd = Habit(Couple.new_habit_id(), "[red]Hug[/red] [link=x]y[/link]", start=TODAY)
    couple.save_habit(odd)
    couple.delete_habit(odd.id)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "D")
        assert listed(app) == [odd.title]


async def test_a_partners_delete_is_told_once_with_my_ticks_since(
    couple: Couple, open_app: OpenApp
) -> None:
    thanks = habit_id(couple, THANKS)
    app = open_app(couple)
    said = capture(app)
    async with app.run_test(size=(120, 40)) as pilot:
        sam = sams_device(couple)
        sam.delete_habit(thanks)  # Sam's laptop, offline: Alex has not seen this yet
        time.sleep(0.005)  # Alex's ticks come after it by the clock too
        couple.set_check(Check(thanks, "a", TODAY))
        couple.set_check(Check(thanks, "a", TODAY - timedelta(days=1)))
        app.check_for_changes()
        await pilot.pause()
        assert said == [
            f"Sam deleted “{THANKS}”; your 2 ticks since are kept — "
            "restore it from Habits › Deleted."
        ]
        dinner = habit_id(couple, "Phone-free")
        sam.set_check(Check(dinner, "us", TODAY))  # more from Sam: no second notice
        app.check_for_changes()
        await pilot.pause()
        assert said[1:] == ["You both ticked “Phone-free dinner”."]
        assert couple.check(thanks, "a", TODAY) is not None  # kept, as it said
    again = open_app(couple)  # the app opened again: told once is enough
    said_again = capture(again)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert said_again == []


async def test_a_delete_that_arrived_while_the_app_was_closed_is_told_at_start(
    couple: Couple, open_app: OpenApp
) -> None:
    dinner = habit_id(couple, "Phone-free")
    sam = sams_device(couple)
    sam.delete_habit(dinner)
    sam.store.close()
    couple.store.refresh()
    app = open_app(couple)
    said = capture(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert said == [
            "Sam deleted “Phone-free dinner”. It waits in Habits › Deleted, if you'd like it back."
        ]


async def test_undo_after_a_restart_offers_back_what_this_computer_deleted(
    couple: Couple, open_app: OpenApp
) -> None:
    thanks = habit_id(couple, THANKS)
    couple.delete_habit(thanks)  # in an earlier session: its undo list is gone
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u")
        assert isinstance(app.screen, ConfirmDialog)
        assert THANKS in app.screen.question
        await pilot.press("n")
        assert THANKS not in titles(couple)
        await pilot.press("u", "y")
        await pilot.pause()
        assert THANKS in titles(couple)
        await pilot.press("u")  # and that restore can be undone in turn
        await pilot.pause()
        assert THANKS not in titles(couple)


async def test_undo_after_a_restart_never_offers_the_partners_delete(
    couple: Couple, open_app: OpenApp
) -> None:
    sam = sams_device(couple)
    sam.delete_habit(habit_id(couple, THANKS))
    sam.store.close()
    couple.store.refresh()
    app = open_app(couple)
    said = capture(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("u")
        assert not isinstance(app.screen, ConfirmDialog)
        assert said[-1] == "Nothing to undo."
