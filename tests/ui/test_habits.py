"""Adding, editing, archiving, deleting and reordering habits from the keyboard."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import DataTable, Header, Input, OptionList, Static

from tests.ui.conftest import TODAY
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.habits.detail import HabitDetailScreen
from tracker.ui.screens.habits.form import HabitForm, StarterPicker
from tracker.ui.screens.habits.screen import HabitsScreen
from tracker.ui.widgets.heatmap import Heatmap

OpenApp = Callable[[Couple | None], RekindleApp]


def titles(couple: Couple, archived: bool = False) -> list[str]:
    return [h.title for h in couple.habits(include_archived=archived)]


async def test_add_own_habit_from_today(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, StarterPicker)
        await pilot.press("enter")  # "Write my own" is first
        assert isinstance(app.screen, HabitForm)
        await pilot.press("ctrl+s")  # empty name: refused with a reason
        assert isinstance(app.screen, HabitForm)
        assert "name" in str(app.screen.query_one(".error", Static).render())
        await pilot.press(*"Hug for [b]six[/b] seconds")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, HabitForm)
        saved = next(h for h in couple.habits() if h.title.startswith("Hug"))
        assert saved.title == "Hug for [b]six[/b] seconds"
        assert saved.start == TODAY
        shown = [r.habit.title for r in app.screen.query_one("#table-me").rows_shown]
        assert saved.title in shown


async def test_add_from_a_starter_idea_prefills_the_form(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "a")
        picker = app.screen.query_one(OptionList)
        ids = [picker.get_option_at_index(i).id for i in range(picker.option_count)]
        # Starters already in use are not offered twice.
        assert "specific-thank-you" not in ids and "weekly-walk" in ids
        picker.highlighted = ids.index("weekly-walk")
        await pilot.press("enter")
        assert app.screen.query_one("#title", Input).value == "A walk together"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "A walk together" in titles(couple)


async def test_archive_delete_and_undo(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        assert isinstance(app.screen, HabitsScreen)
        first = app.screen.current()
        assert first is not None
        await pilot.press("v")
        assert first.title not in titles(couple)
        assert first.title in titles(couple, archived=True)
        await pilot.press("u")
        assert first.title in titles(couple)
        count = len(titles(couple))
        await pilot.press("x")
        await pilot.press("n")  # no: nothing deleted
        assert len(titles(couple)) == count
        await pilot.press("x", "y")
        await pilot.pause()
        assert len(titles(couple)) == count - 1
        await pilot.press("u")
        assert len(titles(couple)) == count


async def test_reorder_with_shift_arrows(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        before = titles(couple)
        await pilot.press("shift+down")
        after = titles(couple)
        assert after[:2] == [before[1], before[0]] and after[2:] == before[2:]
        # The cursor moved with the habit.
        screen = app.screen
        assert isinstance(screen, HabitsScreen)
        current = screen.current()
        assert current is not None and current.title == before[0]


async def test_edit_keeps_history_and_changes_the_name(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, HabitsScreen)
        target = screen.current()
        assert target is not None
        await pilot.press("e")
        app.screen.query_one("#title", Input).value = "Thank you, specifically 💛"
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = couple.habit(target.id)
        assert edited is not None and edited.title == "Thank you, specifically 💛"
        assert edited.start == target.start and edited.order == target.order


async def test_detail_shows_heatmap_and_streaks(lived_in: Couple, open_app: OpenApp) -> None:
    app = open_app(lived_in)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        table = app.screen.query_one(DataTable)
        screen = app.screen
        assert isinstance(screen, HabitsScreen)
        row = [h.title for h in screen.shown].index("One specific thank-you")
        table.move_cursor(row=row)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HabitDetailScreen)
        title_bar = app.screen.query_one(Header).format_title().plain
        assert "One specific thank-you" in title_bar  # not only "Rekindle"
        maps = list(app.screen.query(Heatmap))
        assert len(maps) == 2  # one for each of us
        labels = " ".join(str(w.render()) for w in app.screen.query(".who"))
        assert "Alex: streak 20 days" in labels
        assert "Sam: streak 2 days" in labels
        await pilot.press("escape")
        assert isinstance(app.screen, HabitsScreen)
