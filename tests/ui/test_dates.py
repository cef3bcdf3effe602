"""The Dates screen, driven with keys; every assertion reads the store or the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from icalendar import Calendar
from textual.widgets import Input, Static, TabbedContent

from tests.ui.conftest import NOW
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.model import DateKind, DateNight, DateStatus, RepeatFreq
from tracker.export import feed
from tracker.store import dates as store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dates.forms import DateForm, IdeaDialog, RatingDialog
from tracker.ui.screens.dates.screen import DatesScreen
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.widgets.date_table import EveningTable, JarTable

OpenApp = Callable[[Couple | None], RekindleApp]


def plan(couple: Couple, by: str = "a", **fields: object) -> DateNight:
    values = {"title": "Dinner", "day": "2026-11-27", "time": "19:30", "hours": "2"}
    values.update(fields)
    dn = store.new_date(couple, DateDraft(**values))  # type: ignore[arg-type]
    store.save_date(couple, dn)
    return dn


@pytest.fixture
def dated(couple: Couple) -> Couple:
    """Fridays at 19:30 since October, a walk on Sunday (Sam rated it), a getaway ahead,
    and a date tonight."""
    fridays = plan(couple, title="Friday dinner", day="2026-10-16", repeat=RepeatFreq.WEEKLY)
    walk = plan(
        couple, title="Sunday walk", day="2026-11-22", time="10:00", kind=DateKind.UNPLUGGED
    )
    store.rate(couple, walk, walk.first_day, 5, "the heron", NOW)
    sam = Couple(couple.store, "b")
    store.rate(sam, walk, walk.first_day, 4, "cold hands [bold]warm[/bold]", NOW)
    store.set_status(couple, fridays, date(2026, 11, 20), DateStatus.DONE)
    plan(couple, title="Lakes", kind=DateKind.GETAWAY, day="2026-12-12", days="3")
    plan(couple, title="[bold]Tonight[/bold] 💑", day="2026-11-25", time="20:30", place="Luigi’s")
    return couple


def screen(app: RekindleApp) -> DatesScreen:
    assert isinstance(app.screen, DatesScreen)
    return app.screen


def text_of(app: RekindleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def titles(app: RekindleApp, tab: str) -> list[str]:
    return [o.date.title for o in app.screen.query_one(f"#{tab}-table", EveningTable).items]


async def test_upcoming_past_and_the_month_in_figures(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        assert text_of(app, "#figures") == (
            "November: 4 h together on 2 dates · 1 unplugged evening · 2 still planned"
        )
        shown = titles(app, "upcoming")
        assert shown[:3] == ["[bold]Tonight[/bold] 💑", "Friday dinner", "Friday dinner"]
        assert shown.index("Lakes") == 4  # after the Fridays of 27 Nov, 4 and 11 Dec
        assert "Luigi’s" in text_of(app, "#detail")  # the first one's details, shown as typed
        await pilot.press("right")
        assert app.screen.query_one(TabbedContent).active == "past"
        assert titles(app, "past")[:2] == ["Sunday walk", "Friday dinner"]
        detail = text_of(app, "#detail")
        assert "Alex ★★★★★ “the heron”" in detail
        assert "Sam ★★★★☆ “cold hands [bold]warm[/bold]”" in detail


async def test_today_shows_tonights_date(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)):
        agenda = text_of(app, "#agenda")
        assert "Tonight 20:30: [bold]Tonight[/bold] 💑 · Luigi’s" in agenda


async def test_plan_a_date_with_the_form(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a")
        assert isinstance(app.screen, DateForm)
        await pilot.press(*"Pottery class")
        app.screen.query_one("#day", Input).value = "2026-12-03"
        app.screen.query_one("#time", Input).value = "18:15"
        await pilot.press("enter")
        (dn,) = store.dates(couple)
        assert (dn.title, dn.start, dn.tz) == (
            "Pottery class",
            datetime(2026, 12, 3, 18, 15),
            "Europe/London",
        )
        assert titles(app, "upcoming") == ["Pottery class"]
        calendar = Calendar.from_ical(feed.feed_path(couple.store.data_dir).read_bytes())
        summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
        assert summaries == ["Pottery class", "Weekly check-in"]  # the feed has my check-in too


async def test_the_form_explains_and_saves_nothing_until_it_makes_sense(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "a", *"Dinner")
        app.screen.query_one("#day", Input).value = "2026-02-30"
        await pilot.press("enter")
        assert isinstance(app.screen, DateForm)
        assert "There is no 30 February 2026" in text_of(app, ".error")
        app.screen.query_one("#day", Input).value = "2026-12-03"
        app.screen.query_one("#time", Input).value = "19:00"
        app.screen.query_one("#hours", Input).value = "0"
        await pilot.press("enter")
        assert "quarter of an hour" in text_of(app, ".error")
        assert store.dates(couple) == []
        await pilot.press("escape", "y")  # discard what was typed
        assert isinstance(app.screen, DatesScreen) and store.dates(couple) == []


async def test_surprise_me_then_two_keys_make_it_a_date(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "s")
        assert app.screen.query_one(TabbedContent).active == "jar"
        idea = app.screen.query_one("#jar-table", JarTable).current()
        assert idea is not None
        assert "p plans it for Saturday 28 November" in text_of(app, "#detail")
        await pilot.press("p", "enter")  # the two keys
        (dn,) = store.dates(couple)
        assert dn.idea == idea.key and dn.title == idea.title
        assert dn.first_day == date(2026, 11, 28)  # the coming Saturday
        assert app.screen.query_one(TabbedContent).active == "upcoming"


async def test_done_then_rate_from_the_past_list(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "right", "down")  # past: the Friday dinner of 20 November
        occ = app.screen.query_one("#past-table", EveningTable).current()
        assert occ is not None and occ.day == date(2026, 11, 20)
        await pilot.press("r")
        assert isinstance(app.screen, RatingDialog)
        await pilot.press("4", "tab", *"pasta by the window", "enter")
        rated = store.ratings(dated)[(occ.date.id, occ.day)]["a"]
        assert (rated.stars, rated.memory) == (4, "pasta by the window")
        assert "Alex ★★★★☆ “pasta by the window”" in text_of(app, "#detail")


async def test_a_rating_out_of_range_is_explained(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "right", "down", "d")
        assert isinstance(app.screen, RatingDialog)  # done, and now how was it
        await pilot.press("9", "enter")
        assert "from 1 to 5" in text_of(app, ".error")
        await pilot.press("escape", "y")  # discard the 9
        occ = app.screen.query_one("#past-table", EveningTable).current()
        assert occ is not None and "a" not in store.ratings(dated).get((occ.date.id, occ.day), {})


async def test_call_off_one_evening_and_undo(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "down")  # upcoming: Friday 27 November
        occ = app.screen.query_one("#upcoming-table", EveningTable).current()
        assert occ is not None and occ.day == date(2026, 11, 27)
        await pilot.press("c")
        marks = store.marks(dated)[occ.date.id]
        assert marks[date(2026, 11, 27)].status is DateStatus.CANCELLED
        calendar = Calendar.from_ical(feed.feed_path(dated.store.data_dir).read_bytes())
        (event,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Friday dinner"]
        assert [d.dt.day for d in event["EXDATE"].dts] == [27]
        await pilot.press("u")
        await pilot.pause()
        assert date(2026, 11, 27) not in store.marks(dated).get(occ.date.id, {})
        calendar = Calendar.from_ical(feed.feed_path(dated.store.data_dir).read_bytes())
        (event,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Friday dinner"]
        assert "EXDATE" not in event


async def test_delete_asks_first_and_undo_brings_it_back(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "x")
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        assert "[bold]Tonight[/bold] 💑" not in [d.title for d in store.dates(dated)]
        await pilot.press("u")
        await pilot.pause()
        assert "[bold]Tonight[/bold] 💑" in [d.title for d in store.dates(dated)]


async def test_own_idea_and_export(dated: Couple, open_app: OpenApp) -> None:
    app = open_app(dated)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "i")
        assert isinstance(app.screen, IdeaDialog)
        await pilot.press(*"Dance in the kitchen", "enter")
        (own,) = store.own_ideas(dated)
        assert own.title == "Dance in the kitchen" and own.by == "a"
        jar = app.screen.query_one("#jar-table", JarTable)
        assert jar.current() == own
        await pilot.press("E")
        exported = feed.export_path()
        calendar = Calendar.from_ical(exported.read_bytes())
        events = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
        # The dates and talks, and Alex's weekly check-in, as the feed has them.
        assert len(events) == 5 and events.count("Weekly check-in") == 1
        # Saved on this device only: no file in the shared folder outside our replica.
        assert not (dated.store.data_dir / "exports").exists()


async def test_markup_and_escapes_in_a_title_are_shown_as_typed(
    couple: Couple, open_app: OpenApp
) -> None:
    title = "[/bold] [link=https://example.com]x\x1b[2J"
    dn = plan(couple, title=title, day="2026-11-27")
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        assert titles(app, "upcoming") == [dn.title]
        await pilot.press("c")  # its notification names it too
        await pilot.pause()
        assert isinstance(app.screen, DatesScreen)
        assert store.marks(couple)[dn.id][dn.first_day].status is DateStatus.CANCELLED
        cell = app.screen.query_one("#upcoming-table", EveningTable).get_cell_at((0, 1))
        assert dn.title == "[/bold] [link=https://example.com]x[2J"  # the escape itself dropped
        assert cell.plain.startswith("[/bold] [link=https://")  # cut to the column, not parsed


async def test_past_list_shows_names_whole_over_their_stars(
    dated: Couple, open_app: OpenApp
) -> None:
    app = open_app(dated)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4", "right")
        table = app.screen.query_one("#past-table", EveningTable)
        rows, rated = list(table.items), store.ratings(dated)
        table.show_past(rows, rated, [("a", "Partner"), ("b", "Maximilianus Q")])
        await pilot.pause()
        labels = [str(column.label) for column in table.columns.values()]
        assert "Partner" in labels  # not "Partn…"
        assert "Maximilia…" in labels  # a long name stops at ten, the title keeps its room
        assert all(column.width > 0 for column in table.columns.values())
