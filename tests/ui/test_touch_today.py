"""Today by touch: in a browser (textual-serve) a tap is a click, and one tap on a habit
ticks it as space does. Every assertion about a tick reads the couple's records."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static

from tests.ui.conftest import TODAY
from tests.ui.screen_text import screen_lines
from tracker.domain.models import US, CheckStatus
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.daily.screen import QuestionScreen
from tracker.ui.screens.dialogs import AmountDialog
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]


def table(app: RekindleApp, which: str) -> HabitTable:
    return app.screen.query_one(f"#table-{which}", HabitTable)


async def tap_row(pilot: Pilot[int], app: RekindleApp, which: str, index: int, x: int = 4) -> None:
    """One tap on a row (the lists have no header: row i is line i). Two taps on the same
    spot within half a second are a double click, so tests that tap one row twice move x."""
    await pilot.click(table(app, which), offset=(x, index))
    await pilot.pause()


def done(couple: Couple, habit: str, person: str) -> bool:
    check = couple.check(habit, person, TODAY)
    return check is not None and check.status is CheckStatus.DONE


async def test_a_tap_ticks_that_row_and_u_takes_it_back(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        second = table(app, "me").rows_shown[1]
        assert not second.habit.measurable and table(app, "me").cursor_row == 0
        await tap_row(pilot, app, "me", 1)
        assert done(couple, second.habit.id, couple.me)
        assert table(app, "me").cursor_row == 1  # the cursor went where the finger did
        await pilot.press("u")
        await pilot.pause()
        assert not done(couple, second.habit.id, couple.me)


async def test_a_tap_on_a_ticked_row_unticks_it(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        first = table(app, "me").rows_shown[0].habit.id
        await tap_row(pilot, app, "me", 0)
        assert done(couple, first, couple.me)
        await tap_row(pilot, app, "me", 0, x=8)
        assert couple.check(first, couple.me, TODAY) is None


async def test_a_double_click_ticks_once(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        first = table(app, "me").rows_shown[0].habit.id
        await pilot.double_click(table(app, "me"), offset=(4, 0))
        await pilot.pause()
        assert done(couple, first, couple.me)
        assert len(app.history) == 1


async def test_a_tap_on_the_partners_list_ticks_for_them_and_focuses_it(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        theirs = table(app, "partner")
        first = theirs.rows_shown[0].habit.id
        await tap_row(pilot, app, "partner", 0)
        assert app.screen.focused is theirs
        assert done(couple, first, couple.partner_key)
        assert couple.check(first, couple.me, TODAY) is None
        # Space now goes on as the tap left it: on the partner's list.
        await pilot.press("space")
        assert couple.check(first, couple.partner_key, TODAY) is None


async def test_a_tap_on_together_ticks_the_shared_habit(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        shared = table(app, "us").rows_shown[0].habit.id
        await tap_row(pilot, app, "us", 0)
        assert done(couple, shared, US)


async def test_a_tap_on_a_measurable_habit_asks_its_amount(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        rows = table(app, "me").rows_shown
        index = next(i for i, row in enumerate(rows) if row.habit.measurable)
        await tap_row(pilot, app, "me", index)
        assert isinstance(app.screen, AmountDialog)
        await pilot.press("5", "enter")
        await pilot.pause()
        check = couple.check(rows[index].habit.id, couple.me, TODAY)
        assert check is not None and check.value == 5


async def test_a_phone_width_shows_both_lists_with_their_ticks(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(44, 40)) as pilot:
        await tap_row(pilot, app, "me", 0)
        await tap_row(pilot, app, "partner", 0)
        lines = screen_lines(app)
        for which in ("me", "partner", "us"):
            shown = table(app, which)
            region = shown.content_region  # inside the bar that marks the list focused
            assert shown.rows_shown and region.width > 0 and region.right <= 44, which
            assert region.bottom <= 40 - 1, f"{which} runs under the footer"
            # Each row as drawn starts with its mark (✓, ·, or blank when not due), uncut.
            drawn = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
            for row, line in zip(shown.rows_shown, drawn, strict=False):
                assert line[:3].strip() == row.mark.strip(), (which, line)
                assert line.rstrip().endswith("%"), (which, line)  # the strength is whole
        assert table(app, "me").rows_shown[0].mark == "✓"
        assert table(app, "partner").rows_shown[0].mark == "✓"


async def test_a_tap_on_the_days_question_opens_it(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        agenda = app.screen.query_one("#agenda", Static)
        assert "question" in str(agenda.render()).splitlines()[-1]
        await pilot.click(agenda, offset=(4, agenda.region.height - 1))
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
