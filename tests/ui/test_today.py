"""The Today screen, driven with keys; every assertion reads the store or the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from textual.widgets import Input, Static

from tests.ui.conftest import TODAY, habit_id
from tracker.domain.models import US, Check, CheckStatus
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialogs import AmountDialog, NoteDialog
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


def table(app: RekindleApp, which: str) -> HabitTable:
    return app.screen.query_one(f"#table-{which}", HabitTable)


def text_of(app: RekindleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def row_marks(app: RekindleApp, which: str) -> dict[str, str]:
    return {row.habit.title: row.mark for row in table(app, which).rows_shown}


async def test_space_ticks_the_habit_under_the_cursor_durably(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        first = table(app, "me").rows_shown[0]
        assert first.mark == "·"
        await pilot.press("space")
        check = couple.check(first.habit.id, "a", TODAY)
        assert check is not None and check.status is CheckStatus.DONE
        assert table(app, "me").rows_shown[0].mark == "✓"
        # Durable: a fresh reader of the folder sees the tick.
        reader = Store(couple.store.data_dir, "reader")
        reader.load()
        assert reader.get(check.id) is not None
        # Space again unticks.
        await pilot.press("space")
        assert couple.check(first.habit.id, "a", TODAY) is None
        assert table(app, "me").rows_shown[0].mark == "·"


async def test_undo_takes_the_last_tick_back(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("down", "space")
        second = table(app, "me").rows_shown[1]
        assert couple.check(second.habit.id, "a", TODAY) is not None
        await pilot.press("u")
        await pilot.pause()
        assert couple.check(second.habit.id, "a", TODAY) is None
        assert table(app, "me").rows_shown[1].mark == "·"
        # The cursor stayed on the same habit through the redraw.
        assert table(app, "me").current() == table(app, "me").rows_shown[1]


async def test_day_navigation_fixes_yesterday_and_never_goes_past_today(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("left_square_bracket")
        assert "yesterday" in text_of(app, "#day")
        await pilot.press("space")
        ticked = table(app, "me").rows_shown[0].habit.id
        yesterday = TODAY - timedelta(days=1)
        assert couple.check(ticked, "a", yesterday) is not None
        assert couple.check(ticked, "a", TODAY) is None
        await pilot.press("right_square_bracket")
        assert "today" in text_of(app, "#day")
        await pilot.press("right_square_bracket")
        assert "today" in text_of(app, "#day")
        assert app.screen.day == TODAY


async def test_measurable_habit_asks_for_a_number_and_refuses_nonsense(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    phone = habit_id(couple, "Phone time")
    async with app.run_test(size=(120, 40)) as pilot:
        index = next(i for i, r in enumerate(table(app, "me").rows_shown) if r.habit.id == phone)
        table(app, "me").move_cursor(row=index)
        await pilot.press("space")
        assert isinstance(app.screen, AmountDialog)
        for typed, phrase in (
            ("abc", "not a number"),
            ("-3", "below zero"),
            ("99999999", "typo"),
            ("", "Type a number"),
        ):
            field = app.screen.query_one("#amount", Input)
            field.value = typed
            await pilot.press("enter")
            assert isinstance(app.screen, AmountDialog), typed
            assert phrase in str(app.screen.query_one(".error", Static).render())
            assert couple.check(phone, "a", TODAY) is None
        app.screen.query_one("#amount", Input).value = "5"
        await pilot.press("enter")
        check = couple.check(phone, "a", TODAY)
        assert check is not None and check.value == 5
        assert row_marks(app, "me")["Phone time in bed"] == "✓"


async def test_skip_and_note(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        row = table(app, "me").rows_shown[0]
        await pilot.press("n")  # nothing to attach a note to yet
        assert not isinstance(app.screen, NoteDialog)
        await pilot.press("s")
        check = couple.check(row.habit.id, "a", TODAY)
        assert check is not None and check.status is CheckStatus.SKIP
        assert table(app, "me").rows_shown[0].mark == "–"
        await pilot.press("n")
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note").text = "[bold]we laughed[/bold] \x1b[2J 🙂"
        await pilot.press("ctrl+s")
        check = couple.check(row.habit.id, "a", TODAY)
        assert check is not None
        assert check.note == "[bold]we laughed[/bold] [2J 🙂"  # escape removed, markup kept
        assert check.status is CheckStatus.SKIP


async def test_both_partners_and_together_are_shown_with_figures(
    lived_in: Couple, open_app: OpenApp
) -> None:
    app = open_app(lived_in)
    async with app.run_test(size=(120, 40)):
        mine = {r.habit.title: r for r in table(app, "me").rows_shown}
        theirs = {r.habit.title: r for r in table(app, "partner").rows_shown}
        together = {r.habit.title: r for r in table(app, "us").rows_shown}
        assert "Phone-free dinner" in together and "Phone-free dinner" not in mine
        assert mine["One specific thank-you"].streaks.current == 20  # the skip bridges day 9
        assert theirs["One specific thank-you"].streaks.current == 2  # missed 3 days ago
        figures = text_of(app, "#figures")
        # Both showed up on each of the last five days (day 6 back: no one tick from Sam).
        assert "Together streak: 5 days" in figures
        assert "Alex" in figures and "Sam" in figures
        assert str(app.screen.query_one("#label-me").render()) == "Alex (you)"


async def test_partner_change_arriving_refreshes_and_says_so(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    thanks = habit_id(couple, "One specific")
    partner = Store(couple.store.data_dir, "samslaptop1", {"partner": "b"})
    partner.load()
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        before = {r.habit.id: r.mark for r in table(app, "partner").rows_shown}
        assert before[thanks] == "·"
        partner.put("check", Check(thanks, "b", TODAY).id, Check(thanks, "b", TODAY).to_data())
        app.check_for_changes()
        await pilot.pause()
        after = {r.habit.id: r.mark for r in table(app, "partner").rows_shown}
        assert after[thanks] == "✓"
        assert said == ["Sam ticked “One specific thank-you”."]


async def test_together_tick_is_one_shared_record(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    dinner = habit_id(couple, "Phone-free")
    async with app.run_test(size=(120, 40)) as pilot:
        table(app, "us").focus()
        rows = table(app, "us").rows_shown
        table(app, "us").move_cursor(row=[r.habit.id for r in rows].index(dinner))
        await pilot.press("space")
        assert couple.check(dinner, US, TODAY) is not None
        assert couple.check(dinner, "a", TODAY) is None


async def test_notifications_show_a_habits_name_as_typed(couple: Couple, open_app: OpenApp) -> None:
    from tracker.domain.models import Habit

    odd = Habit(Couple.new_habit_id(), "[red]Hug[/red] [link=x]y[/link]", start=TODAY)
    couple.save_habit(odd)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        screen = app.screen
        row = [h.title for h in screen.shown].index(odd.title)  # type: ignore[attr-defined]
        screen.query_one("#habit-list").move_cursor(row=row)
        await pilot.press("v")
        await pilot.pause()
        # Read back what Textual holds, to see the markup flag it will render with.
        shown = [n.message for n in app._notifications]
        assert any("[red]Hug[/red]" in m for m in shown)
        assert all(not n.markup for n in app._notifications)
