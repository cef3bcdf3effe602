"""A habit's own reminder time in its form: "Remind at" beside the description, read
back from the store; a time that is no time, or one inside this person's quiet hours,
shows its sentence in the form and saves nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from tests.ui.test_habits_cli import shown_titles
from tracker.domain.models import Owner
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.couple import Couple
from tracker.store.reminder_prefs import put_reminder_prefs
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.form import HabitForm

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (120, 40)]
Snap = Callable[..., bool]
THANKS = "One specific thank-you"


def remind_at(couple: Couple, title: str) -> str:
    return next(h.remind_at for h in couple.habits() if h.title == title)


async def edit_form(app: RekindleApp, pilot: Pilot[None], title: str) -> HabitForm:
    await pilot.press("2")
    app.screen.query_one("#habit-list", DataTable).move_cursor(row=shown_titles(app).index(title))
    await pilot.press("e")
    assert isinstance(app.screen, HabitForm)
    return app.screen


def form_error(form: HabitForm) -> str:
    error = form.query_one(".error", Static)
    return str(error.render()) if error.display else ""


async def test_the_form_sets_and_clears_a_habits_own_time(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await edit_form(app, pilot, THANKS)
        remind = form.query_one("#remind-at", Input)
        assert (remind.value, remind.placeholder) == ("", "usual time")
        remind.value = "8.15pm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HabitForm)
        assert remind_at(couple, THANKS) == "20:15"
        form = await edit_form(app, pilot, THANKS)
        assert form.query_one("#remind-at", Input).value == "20:15"
        form.query_one("#remind-at", Input).value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert remind_at(couple, THANKS) == ""


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("25:00", "“25:00” isn't a time of day; use HH:MM, like 20:00."),
        ("7pm-ish", "“7pm-ish” isn't a time of day; use HH:MM, like 20:00."),
        (
            "6:30",
            "06:30 is inside your quiet hours (22:00–08:00), so this habit's reminder would "
            "never reach you; pick another time, or change quiet hours in Settings.",
        ),
    ],
)
async def test_the_form_refuses_a_time_that_cannot_remind(
    couple: Couple, open_app: OpenApp, typed: str, sentence: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await edit_form(app, pilot, THANKS)
        form.query_one("#remind-at", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open, what was typed still there
        assert form_error(form) == sentence
        assert form.query_one("#remind-at", Input).value == typed
    assert remind_at(couple, THANKS) == ""


async def test_without_quiet_hours_any_time_will_do(couple: Couple, open_app: OpenApp) -> None:
    put_reminder_prefs(couple, ReminderPrefs(quiet_from=None, quiet_to=None))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await edit_form(app, pilot, THANKS)
        form.query_one("#remind-at", Input).value = "06:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert remind_at(couple, THANKS) == "06:30"


async def test_only_a_time_chosen_now_for_me_is_refused(couple: Couple, open_app: OpenApp) -> None:
    """A habit only Sam keeps reminds Sam, whatever my quiet hours; a time a habit already
    had (set by Sam, or before my quiet hours) stands through an edit of its name."""
    dinner = next(h for h in couple.habits() if h.title == "Phone-free dinner")
    couple.save_habit(dinner.with_changes(owner=Owner.B))
    thanks = next(h for h in couple.habits() if h.title == THANKS)
    couple.save_habit(thanks.with_changes(remind_at="06:30"))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        form = await edit_form(app, pilot, "Phone-free dinner")
        form.query_one("#remind-at", Input).value = "23:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert remind_at(couple, "Phone-free dinner") == "23:30"
        form = await edit_form(app, pilot, THANKS)
        form.query_one("#title", Input).value = "Thanks, specifically"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert remind_at(couple, "Thanks, specifically") == "06:30"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_habit_form_with_its_reminder_time(
    snap_compare: Snap, couple: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    thanks = next(h for h in couple.habits() if h.title == THANKS)
    couple.save_habit(thanks.with_changes(remind_at="20:30"))

    async def open_it(pilot: Pilot[None]) -> None:
        await edit_form(pilot.app, pilot, THANKS)  # type: ignore[arg-type]
        await pilot.pause()

    assert snap_compare(open_app(couple), run_before=open_it, terminal_size=size)
