""" "X times in N days" end to end: added by `rekindle habit add --times X --in-days N`
and seen on Today and in the form; made in the app's form and read back by
`rekindle habits --json`; bad numbers refused in the same words by both."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from textual.widgets import Input, Label, Select, Static

from tests.conftest import Couples, RunHere
from tests.ui.test_habits_cli import Folder, form_fields, open_form_on
from tracker.domain.models import ScheduleKind
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]
IN_DAYS = ScheduleKind.TIMES_IN_DAYS.value


@pytest.fixture
def folder(couple: Couple, couples: Couples, rekindle_here: RunHere) -> Iterator[Folder]:
    couple.store.close()  # the app and the commands open their own, as separate runs would
    made = Folder(couple, couples, rekindle_here)
    yield made
    for opened in made.opened:
        opened.store.close()


def listed(folder: Folder, title: str) -> dict[str, object]:
    habits = json.loads(folder.ok("habits", "--json"))
    found: dict[str, object] = next(h for h in habits if h["title"] == title)
    return found


def my_row_text(app: RekindleApp, title: str) -> str:
    table = app.screen.query_one("#table-me", HabitTable)
    (row,) = [r for r in table.rows_shown if r.habit.title == title]
    return str(table.get_cell(row.key, "title"))


async def test_added_by_the_cli_it_shows_its_stretch_on_today_and_in_the_form(
    folder: Folder, open_app: OpenApp
) -> None:
    said = folder.ok("habit", "add", "Long walk", "--times", "3", "--in-days", "10",
                     "--start", "2026-11-20")  # fmt: skip
    assert said == "Added “Long walk”: 3× in 10 days, for each of you, from 2026-11-20.\n"
    assert "Long walk  ·  communication · each of us · 3× in 10 days" in folder.ok("habits")
    stored = listed(folder, "Long walk")["schedule"]
    assert stored == {"kind": IN_DAYS, "weekdays": [], "times": 3, "every": 10}
    folder.ok("tick", "Long walk", "--date", "2026-11-21")
    folder.ok("tick", "Long walk", "--date", "2026-11-24")
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        # Today is 25 Nov, day 6 of the stretch 20–29 Nov: two ticks in, five days to go.
        assert "Long walk  2/3 · 5 days left" in my_row_text(app, "Long walk")
        form = await open_form_on(app, pilot, "Long walk")
        fields = form_fields(form)
        assert (fields["schedule"], fields["times"]) == (IN_DAYS, "3")
        assert form.query_one("#every", Input).value == "10"
        assert form.query_one("#in-word", Label).display
        assert form.query_one("#days-word", Label).display


async def test_made_in_the_form_it_is_read_back_by_the_cli(
    folder: Folder, open_app: OpenApp
) -> None:
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "a", "enter")
        form = app.screen
        assert isinstance(form, HabitForm)
        assert not form.query_one("#in-word", Label).display  # a daily habit has no stretch
        await pilot.press(*"Slow breakfast")
        form.query_one("#schedule", Select).value = IN_DAYS
        await pilot.pause()
        assert form.query_one("#times", Input).display and form.query_one("#every").display
        assert form.query_one("#in-word", Label).display
        form.query_one("#times", Input).value = "6"
        form.query_one("#every", Input).value = "5"
        await pilot.press("ctrl+s")
        error = str(form.query_one(".error", Static).render())
        assert "Pick 1 to 5 times, so 5 days have room for them." in error
        form.query_one("#times", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HabitForm)
    stored = listed(folder, "Slow breakfast")["schedule"]
    assert stored == {"kind": IN_DAYS, "weekdays": [], "times": 2, "every": 5}
    assert "Slow breakfast  ·  communication · each of us · 2× in 5 days" in folder.ok("habits")


def test_the_cli_edits_either_number_alone_once_it_counts_in_stretches(folder: Folder) -> None:
    folder.ok("habit", "edit", "phone-free", "--times", "2", "--in-days", "10")
    assert folder.ok("habit", "edit", "phone-free", "--times", "4").startswith(
        "Saved “Phone-free dinner”: 4× in 10 days,"
    )
    folder.ok("habit", "edit", "phone-free", "--in-days", "14")
    schedule = folder.habit("Phone-free dinner").schedule
    assert (schedule.kind, schedule.times, schedule.every) == (ScheduleKind.TIMES_IN_DAYS, 4, 14)
    folder.ok("habit", "edit", "phone-free", "--per-week", "3")
    assert folder.habit("Phone-free dinner").schedule.describe() == "3× a week"


PAIRED = "--times goes with --in-days, e.g. --times 3 --in-days 10."
ROOM = "Pick 1 to 10 times, so 10 days have room for them."


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("--in-days", "10"), "Say how many times too, e.g. --times 3 --in-days 10."),
        (("--times", "3"), PAIRED),
        (("--times", "3", "--per-week", "2"), PAIRED),
        (("--times", "3", "--in-days", "1"), "Pick a stretch of 2 to 365 days."),
        (("--times", "3", "--in-days", "400"), "Pick a stretch of 2 to 365 days."),
        (("--times", "11", "--in-days", "10"), ROOM),
        (("--times", "0", "--in-days", "10"), ROOM),
        (("--times", "three", "--in-days", "10"), "Times needs a whole number, like 3."),
        (("--times", "3", "--in-days", "ten"), "The number of days needs a whole number, like 3."),
    ],
)  # fmt: skip
def test_numbers_that_cannot_work_are_refused_and_nothing_is_written(
    folder: Folder, args: tuple[str, ...], sentence: str
) -> None:
    before = folder.files()
    assert folder.refused("habit", "add", "Walk", *args) == f"rekindle: {sentence}"
    assert folder.refused("habit", "edit", "phone-free", *args) == f"rekindle: {sentence}"
    assert folder.files() == before


def test_status_counts_the_streak_in_stretches(folder: Folder) -> None:
    folder.ok("habit", "add", "Long walk", "--times", "1", "--in-days", "2",
              "--start", "2026-11-18")  # fmt: skip
    for day in ("2026-11-18", "2026-11-21"):
        folder.ok("tick", "Long walk", "--date", day)
    said = folder.ok("status", "--date", "2026-11-21")
    assert "Long walk  (2 stretches," in said
    said = folder.ok("status", "--date", "2026-11-22")
    assert "Long walk  (2 stretches," in said  # the new stretch is still open
    said = folder.ok("status", "--date", "2026-11-24")
    assert "Long walk  (0 stretches," in said  # 22–23 Nov went by without a tick
    folder.ok("tick", "Long walk", "--date", "2026-11-24")
    assert "Long walk  (1 stretch," in folder.ok("status", "--date", "2026-11-24")
