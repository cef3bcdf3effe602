"""This person's reminders on the Settings screen: the usual time for habits, quiet
hours, minutes before a talk, the check-in's day and time; each saved through the one
write path and read back from the store. A bad value shows the parser's sentence and
saves nothing; a damaged reminders record never stops the screen."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static

from tests.conftest import Couples
from tests.ui.conftest import STARTED, STARTERS
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.couple import Couple
from tracker.store.reminder_prefs import reminder_prefs
from tracker.store.settings import setting_id
from tracker.ui.app import RekindleApp
from tracker.ui.screens.reminder_settings import ReminderFields
from tracker.ui.screens.settings import SettingsScreen

OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]
SIZES = [(80, 24), (120, 40)]
THANKS = "One specific thank-you"
MINE = setting_id("a", "reminders")
# Settings shows where the folder is: the same path on every run, one per picture.
FOLDERS = Path("/tmp/rekindle-reminder-snapshots")


async def open_settings(app: RekindleApp, pilot: Pilot[None]) -> SettingsScreen:
    await pilot.press("0")
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


def type_into(screen: SettingsScreen, values: dict[str, str]) -> None:
    for selector, text in values.items():
        screen.query_one(selector, Input).value = text


@pytest.mark.parametrize(
    ("selector", "typed", "field", "value"),
    [
        ("#habits-at", "8:45pm", "habits_at", time(20, 45)),
        ("#quiet", "23:00-07:30", "quiet_to", time(7, 30)),
        ("#quiet", "none", "quiet_from", None),
        ("#talk-before", "15", "talk_before", 15),
        ("#checkin-at", "18:30", "checkin_at", time(18, 30)),
    ],
)
async def test_settings_save_each_reminder_value(
    couple: Couple, open_app: OpenApp, selector: str, typed: str, field: str, value: object
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        type_into(screen, {selector: typed})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert getattr(reminder_prefs(couple), field) == value
        others = [name for name in ("habits_at", "talk_before") if name != field]
        for name in others:
            assert getattr(reminder_prefs(couple), name) == getattr(ReminderPrefs(), name)
        # Drawn again as it is kept.
        assert screen.query_one(selector, Input).value == (
            {"#habits-at": "20:45", "#quiet": reminder_prefs(couple).quiet_text()}.get(
                selector, typed
            )
        )


async def test_settings_save_the_check_in_day_and_undo_takes_it_back(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#checkin-day", Select).value = 2
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert reminder_prefs(couple).checkin_day == 2
        assert reminder_prefs(couple, "b") == ReminderPrefs()  # Sam's stay Sam's
        await pilot.press("u")
        assert couple.record(MINE) is None


async def test_saving_other_settings_writes_no_reminders(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        type_into(screen, {"#my-name": "Alexandra"})
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert couple.person("a").name == "Alexandra"
    assert couple.record(MINE) is None


@pytest.mark.parametrize(
    ("selector", "typed", "sentence"),
    [
        ("#habits-at", "25:00", "“25:00” isn't a time of day; use HH:MM, like 20:00."),
        ("#checkin-at", "7pm-ish", "“7pm-ish” isn't a time of day; use HH:MM, like 20:00."),
        ("#quiet", "22:00-22:00", "Quiet hours need to end at a different time than they start."),
        ("#talk-before", "-5", "Pick 0 to 1440 minutes before a talk."),
    ],
)
async def test_a_bad_reminder_value_shows_its_sentence_and_saves_nothing(
    couple: Couple, open_app: OpenApp, selector: str, typed: str, sentence: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        type_into(screen, {"#my-name": "Alexandra", "#talk-before": "30", selector: typed})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(screen.query_one("#settings-error", Static).render()) == sentence
    assert couple.record(MINE) is None
    assert couple.person("a").name == "Alex"  # nothing else of the save either


async def test_quiet_hours_over_a_habits_time_are_saved_and_named(
    couple: Couple, open_app: OpenApp
) -> None:
    thanks = next(h for h in couple.habits() if h.title == THANKS)
    couple.save_habit(thanks.with_changes(remind_at="09:00"))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        type_into(screen, {"#quiet": "06:00-10:00"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
    assert reminder_prefs(couple).quiet_from == time(6, 0)
    assert (
        "Saved. “One specific thank-you” (09:00) falls inside your quiet hours, so it stays "
        "quiet until you give it another time."
    ) in said


async def test_a_damaged_reminders_record_never_stops_settings(
    couple: Couple, open_app: OpenApp
) -> None:
    """Hand-edited: each value that does not fit shows its default, the rest stand, and
    saving something else leaves the record as it is."""
    damaged = {"habits_at": 2000, "quiet_from": "x", "talk_before": -3, "checkin_at": "18:30"}
    couple.put_record("setting", MINE, damaged, "hand edit")
    couple.put_record("setting", setting_id("b", "reminders"), {"checkin_day": []}, "x")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_settings(app, pilot)
        shown = {s: screen.query_one(s, Input).value for s in ("#habits-at", "#quiet")}
        assert shown == {"#habits-at": "20:00", "#quiet": "22:00–08:00"}
        assert screen.query_one("#talk-before", Input).value == "60"
        assert screen.query_one("#checkin-at", Input).value == "18:30"
        type_into(screen, {"#my-name": "Alexandra"})
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert couple.person("a").name == "Alexandra"
    record = couple.record(MINE)
    assert record is not None and dict(record.data) == damaged


@pytest.fixture
def pictured(couples: Couples, request: pytest.FixtureRequest) -> Iterator[Couple]:
    width, height = request.node.callspec.params["size"]
    folder = FOLDERS / f"{width}x{height}" / "Rekindle"
    shutil.rmtree(folder, ignore_errors=True)
    # An absolute data path: the couple's folder is this one, not under tmp_path.
    couple = couples.create(data=str(folder), starters=STARTERS, today=STARTED)
    yield couple
    couple.store.close()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_settings_reminders_snapshot(
    snap_compare: Snap, pictured: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    async def scroll_to_reminders(pilot: Pilot[None]) -> None:
        await pilot.press("0")
        pilot.app.screen.query_one(ReminderFields).scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(open_app(pictured), run_before=scroll_to_reminders, terminal_size=size)
