"""`rekindle habit …` and `rekindle init`, run in this process, then seen in the app (and
the reverse): the command line and the habit form are one set of rules. "X times in N
days" (`--times X --in-days N`) is here too, both ways."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, Select, SelectionList, Static

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import use_config
from tracker.domain.content.starter import DEFAULT_STARTERS, find_starter
from tracker.domain.models import Habit, Owner, ScheduleKind
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.bin import DeletedScreen
from tracker.ui.screens.habits.form import HabitForm
from tracker.ui.screens.habits.screen import HabitsScreen
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]
HUG = "Hug for [b]six[/b] seconds"
WEEKDAYS = "Mon, Tue, Wed, Thu, Fri, Sat or Sun"
CHOSEN = ("weekly-walk", "phone-free-dinner")
IN_DAYS = ScheduleKind.TIMES_IN_DAYS.value
PAIRED = "--times goes with --in-days, e.g. --times 3 --in-days 10."
ROOM = "Pick 1 to 10 times, so 10 days have room for them."


class Folder:
    """Alex's device: commands run as Alex, and the couple reopened as a new app would."""

    def __init__(self, couple: Couple, couples: Couples, rekindle_here: RunHere) -> None:
        self.config = couples.tmp_path / "config"
        self.data = couple.store.data_dir
        self.run_here = rekindle_here
        self.opened: list[Couple] = []

    def ok(self, *args: str) -> str:
        return self.run_here(self.config, *args).ok()

    def refused(self, *args: str) -> str:
        return self.run_here(self.config, *args).refused()

    def fresh(self) -> Couple:
        config = load_config()
        assert config is not None
        couple = Couple.open(config)
        self.opened.append(couple)
        return couple

    def habit(self, title: str) -> Habit:
        return next(h for h in self.fresh().habits(include_archived=True) if h.title == title)

    def files(self) -> dict[Path, bytes]:
        return {p: p.read_bytes() for p in sorted(self.data.rglob("*.json"))}


@pytest.fixture
def folder(couple: Couple, couples: Couples, rekindle_here: RunHere) -> Iterator[Folder]:
    couple.store.close()  # the app and the commands open their own, as separate runs would
    made = Folder(couple, couples, rekindle_here)
    yield made
    for opened in made.opened:
        opened.store.close()


def shown_titles(app: RekindleApp) -> list[str]:
    screen = app.screen
    assert isinstance(screen, HabitsScreen)
    return [h.title for h in screen.shown]


def today_titles(app: RekindleApp) -> list[str]:
    return [
        row.habit.title
        for which in ("me", "partner", "us")
        for table in app.screen.query(f"#table-{which}").results(HabitTable)
        for row in table.rows_shown
    ]


async def open_form_on(app: RekindleApp, pilot: object, title: str) -> HabitForm:
    """The Habits screen, the cursor on `title`, and its edit form open."""
    await pilot.press("2")  # type: ignore[attr-defined]
    table = app.screen.query_one("#habit-list", DataTable)
    table.move_cursor(row=shown_titles(app).index(title))
    await pilot.press("e")  # type: ignore[attr-defined]
    assert isinstance(app.screen, HabitForm)
    return app.screen


def form_fields(form: HabitForm) -> dict[str, object]:
    return {
        "title": form.query_one("#title", Input).value,
        "description": form.query_one("#description", Input).value,
        "owner": form.query_one("#owner", Select).value,
        "schedule": form.query_one("#schedule", Select).value,
        "weekdays": sorted(form.query_one("#weekdays", SelectionList).selected),
        "times": form.query_one("#times", Input).value,
        "kind": form.query_one("#kind", Select).value,
        "direction": form.query_one("#direction", Select).value,
        "target": form.query_one("#target", Input).value,
        "unit": form.query_one("#unit", Input).value,
    }


async def test_a_habit_added_by_the_cli_is_the_forms_habit(
    folder: Folder, open_app: OpenApp
) -> None:
    said = folder.ok(
        "habit", "add", HUG, "--on", "mon,Thursday", "--owner", "together",
        "--target", "6", "--unit", "seconds", "--description", "a long one",
        "--area", "quality-time", "--start", "2026-11-01",
    )  # fmt: skip
    assert said == f"Added “{HUG}”: Mon, Thu, together, from 2026-11-01.\n"
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        assert HUG in today_titles(app)  # a Thursday's habit on a Wednesday: due tomorrow
        form = await open_form_on(app, pilot, HUG)
        assert form_fields(form) == {
            "title": HUG,
            "description": "a long one",
            "owner": "together",
            "schedule": "weekdays",
            "weekdays": [0, 3],
            "times": "1",
            "kind": "measurable",
            "direction": "at least",
            "target": "6",
            "unit": "seconds",
        }


async def test_the_cli_edits_only_the_options_given(folder: Folder, open_app: OpenApp) -> None:
    before = folder.habit("Phone-free dinner")
    folder.ok("habit", "edit", "phone-free", "--per-week", "3", "--owner", "me")
    after = folder.habit("Phone-free dinner")
    assert after.schedule.kind is ScheduleKind.PER_WEEK and after.schedule.times == 3
    assert after.owner is Owner.A
    assert after.with_changes(schedule=before.schedule, owner=before.owner) == before
    folder.ok("habit", "edit", "phone time", "--title", "Screens down", "--yes-no")
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        form = await open_form_on(app, pilot, "Phone-free dinner")
        fields = form_fields(form)
        assert (fields["schedule"], fields["times"], fields["owner"]) == ("per week", "3", "a")
        await pilot.press("escape")
        await pilot.pause()
        form = await open_form_on(app, pilot, "Screens down")
        assert form_fields(form)["kind"] == "yes/no"


async def test_archive_unarchive_and_delete_by_cli_show_in_the_app(
    folder: Folder, open_app: OpenApp
) -> None:
    folder.ok("habit", "archive", "One specific")
    assert "One specific thank-you" in folder.ok("habits", "--archived")
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        assert "One specific thank-you" not in today_titles(app)
        await pilot.press("2")
        assert shown_titles(app)[-1] == "One specific thank-you"  # archived ones last
    assert folder.ok("habit", "archive", "One specific").endswith(
        "already archived; nothing to change.\n"
    )
    folder.ok("habit", "unarchive", "One specific")
    assert folder.ok("habits", "--archived") == "Nothing archived.\n"
    folder.ok("habit", "delete", "Sunday")
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        assert "One specific thank-you" in today_titles(app)
        await pilot.press("2", "D")
        await pilot.pause()
        assert isinstance(app.screen, DeletedScreen)
        table = app.screen.query_one("#deleted-list", DataTable)
        assert "Sunday" in str(table.get_row_at(0)[0])


async def test_move_by_cli_is_the_order_the_app_shows(folder: Folder, open_app: OpenApp) -> None:
    before = [h.title for h in folder.fresh().habits()]
    folder.ok("habit", "move", before[0], "--down")
    folder.ok("habit", "move", before[-1], "--to", "1")
    expected = [before[-1], before[1], before[0], *before[2:-1]]
    assert folder.ok("habit", "move", before[-1], "--up").endswith("already at place 1.\n")
    assert folder.refused("habit", "move", before[0], "--to", "9").endswith("from 1 to 5.")
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert shown_titles(app) == expected


async def test_a_habit_made_in_the_app_is_edited_by_the_cli(
    folder: Folder, open_app: OpenApp
) -> None:
    couple = folder.fresh()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "a", "enter")
        await pilot.press(*"Morning coffee in bed")
        await pilot.press("ctrl+s")
        await pilot.pause()
    couple.store.close()
    folder.ok("habit", "edit", "morning coffee", "--every", "3", "--owner", "partner")
    edited = folder.habit("Morning coffee in bed")
    assert edited.schedule.describe() == "every 3 days" and edited.owner is Owner.B


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("--on", "mon,funday"), f"“funday” is not a weekday; use {WEEKDAYS}."),
        (("--per-week", "0"), "A week has room for 1 to 7 times."),
        (("--per-week", "8"), "A week has room for 1 to 7 times."),
        (("--per-week", "two"), "Times needs a whole number, like 3."),
        (("--every", "0"), "Every N days needs N between 1 and 365."),
        (("--in-days", "10"), "Say how many times too, e.g. --times 3 --in-days 10."),
        (("--times", "3"), PAIRED),
        (("--times", "3", "--per-week", "2"), PAIRED),
        (("--times", "3", "--in-days", "1"), "Pick a stretch of 2 to 365 days."),
        (("--times", "3", "--in-days", "400"), "Pick a stretch of 2 to 365 days."),
        (("--times", "11", "--in-days", "10"), ROOM),
        (("--times", "0", "--in-days", "10"), ROOM),
        (("--times", "three", "--in-days", "10"), "Times needs a whole number, like 3."),
        (("--times", "3", "--in-days", "ten"), "The number of days needs a whole number, like 3."),
        (("--target", "-5"), "It can't be below zero."),
        (("--target", "0"), "The goal needs to be more than zero."),
        (("--start", "2026-02-30"), "“2026-02-30” is not a date; use YYYY-MM-DD, like 2026-02-28."),
        (("--start", "1066-10-14"), "1066-10-14 is too far off; pick a day between 1970 and 2199."),
    ],
)  # fmt: skip
def test_bad_options_get_the_forms_sentence_and_write_nothing(
    folder: Folder, args: tuple[str, ...], sentence: str
) -> None:
    before = folder.files()
    assert folder.refused("habit", "add", "Walk", *args) == f"rekindle: {sentence}"
    assert folder.refused("habit", "edit", "phone-free", *args) == f"rekindle: {sentence}"
    assert folder.files() == before


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        ("a" * 81, "Keep the name to 80 characters or fewer; the description has room for more."),
        ("\x1b\x07\x7f", "Give the habit a name."),
        ("   ", "Give the habit a name."),
    ],
)
async def test_a_title_the_form_refuses_the_cli_refuses_in_the_same_words(
    folder: Folder, open_app: OpenApp, title: str, sentence: str
) -> None:
    before = folder.files()
    assert folder.refused("habit", "add", title) == f"rekindle: {sentence}"
    assert folder.files() == before
    app = open_app(folder.fresh())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "a", "enter")
        app.screen.query_one("#title", Input).value = title
        await pilot.press("ctrl+s")
        assert sentence in str(app.screen.query_one(".error", Static).render())


def test_controls_in_a_title_are_dropped_and_markup_is_kept_as_typed(folder: Folder) -> None:
    said = folder.ok("habit", "add", "Tea\x1b[31m [red]together[/red]\x07")
    assert said.startswith("Added “Tea[31m [red]together[/red]”")
    assert folder.habit("Tea[31m [red]together[/red]").owner is Owner.EACH


@pytest.mark.parametrize(
    ("args", "keys"),
    [
        ((), DEFAULT_STARTERS),
        (("--starter", "weekly-walk", "--starter", "phone-free-dinner"), CHOSEN),
        (("--no-starters",), ()),
    ],
)  # fmt: skip
async def test_init_gives_the_couple_the_apps_starters_to_tick(
    tmp_path: Path,
    rekindle_here: RunHere,
    open_app: OpenApp,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    keys: tuple[str, ...],
) -> None:
    config = tmp_path / "fresh"
    init = ("init", "--data", str(tmp_path / "d"), "--name", "Alex", "--partner-name", "Sam")
    rekindle_here(config, *init, "--tz", "Europe/London", *args).ok()
    use_config(monkeypatch, config)
    found = load_config()
    assert found is not None
    couple = Couple.open(found)
    titles = [find_starter(key).title for key in keys]  # type: ignore[union-attr]
    assert [h.title for h in couple.habits()] == titles
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert shown_titles(app) == titles
    couple.store.close()


def test_init_with_an_unknown_starter_writes_nothing(
    tmp_path: Path, rekindle_here: RunHere
) -> None:
    data = tmp_path / "d"
    init = ("init", "--data", str(data), "--name", "Alex", "--partner-name", "Sam")
    said = rekindle_here(tmp_path / "fresh", *init, "--starter", "nope").refused()
    assert (
        said == "rekindle: No starter habit called nope; `rekindle habits --starters` lists them."
    )
    assert not data.exists() or not any(data.iterdir())


# --- "X times in N days" ------------------------------------------------------


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
