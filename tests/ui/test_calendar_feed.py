"""The app keeps this device's calendar feed current wherever it is, not only on Dates."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from icalendar import Calendar

from tests.ui.conftest import TODAY, habit_id
from tracker.domain.dates.input import DateDraft
from tracker.domain.models import Check
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.export import feed
from tracker.store import dates as store
from tracker.store.couple import Couple
from tracker.store.reminder_prefs import put_reminder_prefs
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dates.screen import DatesScreen

CHECKIN = "Weekly check-in"  # every feed holds its own person's check-in too
OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.fixture
def sam(couple: Couple) -> Iterator[Couple]:
    """Sam's own device on the same folder, as the sync tool delivers it."""
    own = Store(couple.store.data_dir, "samslaptop1", {"partner": "b"})
    own.load()
    own.ensure_replica()
    yield Couple(own, "b")
    own.close()


def plan(couple: Couple, title: str) -> None:
    store.save_date(couple, store.new_date(couple, DateDraft(title=title, day="2026-11-27")))


def titles(couple: Couple) -> set[str]:
    path = feed.feed_path(couple.store.data_dir)
    return {str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


async def test_the_partners_new_date_reaches_the_feed_without_opening_dates(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    plan(couple, "Dinner")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)):
        assert titles(couple) == {"Dinner", CHECKIN}  # written when the app opened
        plan(sam, "Pottery class")
        app.check_for_changes()  # what the sync poll does every two seconds
        assert not isinstance(app.screen, DatesScreen)
        assert titles(couple) == {"Dinner", "Pottery class", CHECKIN}


def checkin_rule(couple: Couple) -> bytes:
    path = feed.feed_path(couple.store.data_dir)
    calendar = Calendar.from_ical(path.read_bytes())
    (event,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == CHECKIN]
    rule: bytes = event["RRULE"].to_ical()
    return rule


async def test_a_new_checkin_day_reaches_the_feed_at_once_and_undo_takes_it_back(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)):
        assert checkin_rule(couple) == b"FREQ=WEEKLY;BYDAY=SU"
        # What Settings does when Wednesday is chosen: save through the app, then remember.
        app.remember(put_reminder_prefs(couple, ReminderPrefs(checkin_day=2)))
        assert checkin_rule(couple) == b"FREQ=WEEKLY;BYDAY=WE"
        app.action_undo()
        assert checkin_rule(couple) == b"FREQ=WEEKLY;BYDAY=SU"


async def test_the_partners_habit_tick_does_not_rewrite_the_feed(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    plan(couple, "Dinner")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)):
        path = feed.feed_path(couple.store.data_dir)
        path.write_bytes(b"stale on purpose")  # so any rewrite would show
        thanks = habit_id(couple, "One specific")
        check = Check(thanks, "b", TODAY)
        sam.store.put("check", check.id, check.to_data())
        app.check_for_changes()
        assert path.read_bytes() == b"stale on purpose"  # a tick is not a calendar event


async def test_opening_the_app_clears_the_old_shared_feed_and_keeps_exports(
    couple: Couple, open_app: OpenApp
) -> None:
    exports = couple.store.data_dir / "exports"
    exports.mkdir()
    for name in ("rekindle.ics", "rekindle.sync-conflict-20261130-101010-SAM.ics"):
        (exports / name).write_text("old feed")
    (exports / "rekindle-export.ics").write_text("an export Sam saved")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)):
        assert [p.name for p in exports.iterdir()] == ["rekindle-export.ics"]


async def test_the_dates_export_says_where_to_subscribe(couple: Couple, open_app: OpenApp) -> None:
    plan(couple, "Dinner")
    app = open_app(couple)
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "E")
        (message,) = said
        path = feed.feed_path(couple.store.data_dir)
        assert f"subscribe your calendar app to {path}" in message
        assert str(feed.export_path()) in message
        assert couple.store.data_dir not in path.parents
