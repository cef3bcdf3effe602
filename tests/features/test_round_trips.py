"""Each thing the app and the command line can both do, done on one side and read on the
other: by `rekindle` then seen in the app (Pilot), and done with the app's keys then read
back with `rekindle … --json`. Ticks, habits, dates and the idea jar here; check-ins,
promises, thanks, repairs and talks in test_round_trips_checkin.py. (Adding, editing,
archiving, deleting and moving a habit by the command line, seen in the app, are in
tests/ui/test_habits_cli.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from tests.conftest import Couples, RunHere
from tests.round_trip import Device, alex_device, plain
from tests.ui.test_habits_cli import open_form_on
from tracker.domain.dates.model import DateStatus
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dates.forms import DateForm, IdeaDialog, RatingDialog
from tracker.ui.screens.habits.bin import DeletedScreen
from tracker.ui.screens.habits.screen import HabitsScreen
from tracker.ui.widgets.date_table import EveningTable, JarTable
from tracker.ui.widgets.habit_table import HabitTable

THANKS = "One specific thank-you"  # each of us, every day: due today whatever the day
SIZE = (120, 40)


@pytest.fixture
def alex(couples: Couples, rekindle_here: RunHere) -> Iterator[Device]:
    yield from alex_device(couples, rekindle_here)


def my_marks(app: RekindleApp) -> dict[str, str]:
    return {
        row.habit.title: row.mark
        for row in app.screen.query_one("#table-me", HabitTable).rows_shown
    }


def my_states(alex: Device) -> dict[str, str]:
    return {row["habit"]: row["state"] for row in alex.json("status")["people"]["a"]["habits"]}


def habits_screen(app: RekindleApp) -> HabitsScreen:
    assert isinstance(app.screen, HabitsScreen)
    return app.screen


# -- ticks ------------------------------------------------------------------------------


@pytest.mark.parametrize(("extra", "mark"), [((), "✓"), (("--skip",), "–")], ids=["tick", "skip"])
async def test_a_tick_by_the_cli_shows_in_the_app_and_its_undo_clears_it(
    alex: Device, extra: tuple[str, ...], mark: str
) -> None:
    alex.ok("tick", "specific thank", *extra)
    app = alex.app()
    async with app.run_test(size=SIZE):
        assert my_marks(app)[THANKS] == mark
    alex.ok("tick", "specific thank", "--undo")
    app = alex.app()
    async with app.run_test(size=SIZE):
        assert my_marks(app)[THANKS] == "·"


@pytest.mark.parametrize(("key", "state"), [("space", "met"), ("s", "skipped")])
async def test_a_tick_in_the_app_is_what_status_says_and_so_is_its_untick(
    alex: Device, key: str, state: str
) -> None:
    for pressed, expected in ((key, state), (key, "pending")):  # the same key takes it back
        app = alex.app()
        async with app.run_test(size=SIZE) as pilot:
            ticked = app.screen.query_one("#table-me", HabitTable).rows_shown[0].habit.title
            await pilot.press(pressed)
            await pilot.pause()
        assert my_states(alex)[ticked] == expected


# -- habits -----------------------------------------------------------------------------


async def test_archive_delete_and_move_in_the_app_are_what_the_cli_lists(alex: Device) -> None:
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        before = [h.title for h in habits_screen(app).shown]
        await pilot.press("shift+down")  # the first one down a place
        await pilot.pause()
    assert [h["title"] for h in alex.json("habits")] == [before[1], before[0], *before[2:]]
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        put_away = habits_screen(app).current()
        await pilot.press("v")  # the one on top put away (it goes to the bottom, the cursor too)
        await pilot.pause()
        app.screen.query_one("#habit-list", DataTable).move_cursor(row=0)
        deleted = habits_screen(app).current()
        await pilot.press("x", "y")  # and the one now on top deleted
        await pilot.pause()
    assert put_away is not None and deleted is not None and put_away.id != deleted.id
    assert [h["title"] for h in alex.json("habits", "--archived")] == [put_away.title]
    assert [h["title"] for h in alex.json("habits", "--deleted")] == [deleted.title]


async def test_a_restore_on_either_side_is_seen_on_the_other(alex: Device) -> None:
    alex.ok("habit", "delete", THANKS)
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("D")
        assert isinstance(app.screen, DeletedScreen)
        await pilot.press("r")  # the app brings back what the command deleted
        await pilot.pause()
    assert THANKS in [h["title"] for h in alex.json("habits")]
    assert alex.json("habits", "--deleted") == []
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        titles = [h.title for h in habits_screen(app).shown]
        app.screen.query_one("#habit-list", DataTable).move_cursor(row=titles.index(THANKS))
        await pilot.press("x", "y")
        await pilot.pause()
    alex.ok("habit", "restore", THANKS)  # and the command what the app deleted
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert THANKS in [h.title for h in habits_screen(app).shown]


async def test_a_habit_added_and_edited_in_the_app_is_what_habits_json_lists(
    alex: Device,
) -> None:
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "a", "enter")
        await pilot.press(*"Morning coffee", "ctrl+s")
        await pilot.pause()
    (added,) = [h for h in alex.json("habits") if h["title"] == "Morning coffee"]
    assert (added["owner"], added["schedule"]["kind"]) == ("each", "daily")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form_on(app, pilot, "Morning coffee")
        form.query_one("#title", Input).value = "Morning coffee in bed"
        form.query_one("#times", Input).value = "3"
        form.query_one("#schedule", Select).value = "per week"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (edited,) = [h for h in alex.json("habits") if h["id"] == added["id"]]
    assert edited["title"] == "Morning coffee in bed"
    assert (edited["schedule"]["kind"], edited["schedule"]["times"]) == ("per week", 3)


# -- dates ------------------------------------------------------------------------------


def evenings(app: RekindleApp, tab: str) -> dict[str, DateStatus]:
    table = app.screen.query_one(f"#{tab}-table", EveningTable)
    return {o.date.title: o.status for o in table.items}


async def test_dates_planned_done_rated_and_called_off_by_the_cli_show_in_the_app(
    alex: Device,
) -> None:
    soon, later, before = (alex.today + timedelta(days=d) for d in (1, 3, -7))
    alex.ok("date", "add", "Pottery class", "--on", soon.isoformat(), "--at", "18:00")
    alex.ok("date", "add", "Picnic", "--on", later.isoformat())
    alex.ok("date", "cancel", "Picnic")
    alex.ok("date", "add", "Dinner out", "--on", before.isoformat(), "--at", "19:00")
    alex.ok("date", "done", "Dinner out")
    alex.ok("date", "rate", "Dinner out", "--stars", "4", "--memory", "the heron")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        assert evenings(app, "upcoming") == {
            "Pottery class": DateStatus.PLANNED,
            "Picnic": DateStatus.CANCELLED,
        }
        assert evenings(app, "past") == {"Dinner out": DateStatus.DONE}
        await pilot.press("right")  # the past, its one evening under the cursor
        await pilot.pause()
        assert "Alex ★★★★☆ “the heron”" in plain(app, "#detail")


async def test_a_date_planned_called_off_done_and_rated_in_the_app_is_what_date_list_says(
    alex: Device,
) -> None:
    soon, before = alex.today + timedelta(days=2), alex.today - timedelta(days=6)
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        for title, day in (("Pottery class", soon), ("Dinner out", before)):
            await pilot.press("4", "a")
            assert isinstance(app.screen, DateForm)
            await pilot.press(*title)
            app.screen.query_one("#day", Input).value = day.isoformat()
            app.screen.query_one("#time", Input).value = "18:15"
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("c")  # the coming one called off
        await pilot.pause()
        await pilot.press("right", "d")  # the past one done, then how was it
        assert isinstance(app.screen, RatingDialog)
        await pilot.press("5", "tab", *"the heron", "enter")
        await pilot.pause()
    listed = alex.json("date", "list")
    ((coming,), (gone,)) = listed["upcoming"], listed["past"]
    assert (coming["title"], coming["day"], coming["status"]) == (
        "Pottery class",
        soon.isoformat(),
        "cancelled",
    )
    assert coming["start"] == f"{soon.isoformat()}T18:15:00"
    assert (gone["title"], gone["status"]) == ("Dinner out", "done")
    assert gone["ratings"] == {"a": {"stars": 5, "memory": "the heron"}}


# -- the idea jar -----------------------------------------------------------------------


async def test_an_idea_added_on_one_side_is_in_the_jar_on_the_other(alex: Device) -> None:
    alex.ok("idea", "--add", "Chips on the pier", "--kind", "cheap", "--about", "with tea")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        jar = {
            i.title: (i.kind.value, i.description)
            for i in app.screen.query_one("#jar-table", JarTable).items
        }
        assert jar["Chips on the pier"] == ("cheap", "with tea")
        await pilot.press("i")
        assert isinstance(app.screen, IdeaDialog)
        await pilot.press(*"Dance in the kitchen", "enter")
        await pilot.pause()
    own = {i["title"]: i for i in alex.json("idea", "--list") if i["own"]}
    assert set(own) == {"Chips on the pier", "Dance in the kitchen"}
    assert own["Dance in the kitchen"]["by"] == "a"
