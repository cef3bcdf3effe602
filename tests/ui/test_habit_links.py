"""Linked habits in the app: a date marked done or a talk logged shows on Today as ticked,
`u` takes both back, and the habit form and detail set and say the link."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Select, Static

from tests.conftest import Couples
from tests.ui.conftest import STARTED, TODAY
from tracker.domain.dates.input import DateDraft
from tracker.domain.models import US, Fulfilment, Habit
from tracker.store import dates
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dates.forms import RatingDialog
from tracker.ui.screens.habits.detail import HabitDetailScreen
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.screens.talks.forms import LogForm
from tracker.ui.widgets.date_table import EveningTable
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.fixture
def linked(couples: Couples) -> Couple:
    """Date night and Unhurried talk, linked as they come, and a habit linked to nothing."""
    return couples.create(
        starters=["date-night", "unhurried-talk", "phone-free-dinner"], today=STARTED
    )


def titled(couple: Couple, title: str) -> Habit:
    return next(h for h in couple.habits() if h.title == title)


def together_marks(app: RekindleApp) -> dict[str, str]:
    rows = app.screen.query_one("#table-us", HabitTable).rows_shown
    return {row.habit.title: row.mark for row in rows}


def said(app: RekindleApp) -> list[str]:
    return [n.message for n in app._notifications]


async def step(pilot: Pilot[None], *keys: str) -> None:
    """Each key, and what it starts (a screen, a dialog, a save) settled before the next."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def show_today(pilot: Pilot[None]) -> None:
    await step(pilot, "1")


async def test_a_date_marked_done_shows_on_today_and_one_undo_takes_both_back(
    linked: Couple, open_app: OpenApp
) -> None:
    early = DateDraft(title="Early dinner", day=TODAY.isoformat(), time="17:00", hours="2")
    dn = dates.new_date(linked, early)  # over by the app's 20:00
    dates.save_date(linked, dn)
    date_night = titled(linked, "Date night")
    app = open_app(linked)
    async with app.run_test(size=(120, 40)) as pilot:
        assert together_marks(app)["Date night"] == "·"
        await pilot.press("4", "right")
        occurrence = app.screen.query_one("#past-table", EveningTable).current()
        assert occurrence is not None and occurrence.date.id == dn.id
        await pilot.press("d")
        assert isinstance(app.screen, RatingDialog)  # done, and now how was it
        assert "Marked done — and ticked “Date night” for you both." in said(app)
        await pilot.press("escape")
        await show_today(pilot)
        assert together_marks(app) == {
            "Date night": "✓",
            "Unhurried talk": "·",
            "Phone-free dinner": "·",
        }
        await step(pilot, "u")
        assert together_marks(app)["Date night"] == "·"
        assert linked.check(date_night.id, US, TODAY) is None
        evening = dates.occurrence(linked, dn, TODAY)
        assert evening is not None and evening.status.value == "planned"


async def test_rating_an_evening_not_marked_done_ticks_and_says_so(
    linked: Couple, open_app: OpenApp
) -> None:
    lunch = DateDraft(title="Lunch", day="2026-11-22", time="12:30", hours="1")
    dates.save_date(linked, dates.new_date(linked, lunch))
    app = open_app(linked)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "right", "r")
        assert isinstance(app.screen, RatingDialog)
        await step(pilot, "4", "enter")
        assert any(m.endswith("— and ticked “Date night” for you both.") for m in said(app))
    assert linked.check(titled(linked, "Date night").id, US, date(2026, 11, 22)) is not None


async def test_a_talk_logged_ticks_unhurried_talk_and_undo_takes_both_back(
    linked: Couple, open_app: OpenApp
) -> None:
    talk = titled(linked, "Unhurried talk")
    app = open_app(linked)
    async with app.run_test(size=(120, 40)) as pilot:
        # Talks, talk now (nothing is planned: an unplanned talk today), log it.
        await step(pilot, "3", "t", "l")
        assert isinstance(app.screen, LogForm)
        await step(pilot, "ctrl+s")
        assert "Logged — and ticked “Unhurried talk” for you both. Press u to undo." in said(app)
        tick = linked.check(talk.id, US, TODAY)
        assert tick is not None and talk.met_by(tick.value)
        await show_today(pilot)
        assert together_marks(app)["Unhurried talk"] == "✓"
        await step(pilot, "u")
        assert together_marks(app)["Unhurried talk"] == "·"
        assert linked.check(talk.id, US, TODAY) is None


async def test_the_form_sets_the_link_and_the_detail_says_it(
    linked: Couple, open_app: OpenApp
) -> None:
    dinner = titled(linked, "Phone-free dinner")
    app = open_app(linked)
    async with app.run_test(size=(120, 40)) as pilot:
        await step(pilot, "2")
        app.push_screen(HabitDetailScreen(titled(linked, "Date night")))
        await pilot.pause()
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Also ticked when a date night is marked done." in body
        await app.pop_screen()
        await pilot.pause()
        app.push_screen(HabitDetailScreen(dinner))
        await pilot.pause()
        await step(pilot, "e")
        assert isinstance(app.screen, HabitForm)
        links = app.screen.query_one("#done-by", Select)
        assert links.value == "none"
        links.value = Fulfilment.TALK.value
        await step(pilot, "ctrl+s")
        saved = linked.habit(dinner.id)
        assert saved is not None and saved.fulfilled_by is Fulfilment.TALK
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "Also ticked when a talk is logged." in body


async def test_the_form_keeps_a_newer_partners_link_it_cannot_show(
    linked: Couple, open_app: OpenApp
) -> None:
    dinner = titled(linked, "Phone-free dinner")
    linked.put_record("habit", dinner.id, {**dinner.to_data(), "done_by": "a-workout"}, "x")
    app = open_app(linked)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(HabitDetailScreen(dinner))
        await pilot.pause()
        await step(pilot, "e")
        assert app.screen.query_one("#done-by", Select).value == "none"
        app.screen.query_one("#title").value = "Phone-free supper"  # type: ignore[attr-defined]
        await step(pilot, "ctrl+s")
    record = linked.record(dinner.id)
    assert record is not None
    assert (record.data["title"], record.data["done_by"]) == ("Phone-free supper", "a-workout")
