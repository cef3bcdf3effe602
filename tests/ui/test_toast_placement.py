"""A toast never covers the thing it talks about: the row just changed, the form just
saved, the dialog that is open. Toasts take lines of their own above the footer and the
screen makes room for them, so this holds for every toast, not only the ones tried here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable, Input
from textual.widgets._toast import Toast

from tests.conftest import Couples
from tests.ui.conftest import STARTED
from tracker.domain.content.starter import STARTER_HABITS
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.widgets.habit_table import HabitTable

OpenApp = Callable[[Couple | None], RekindleApp]
SIZES = [(80, 24), (120, 40)]
size_ids = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


@pytest.fixture
def busy(couples: Couples) -> Couple:
    """Enough habits that Today's lists reach the footer at either size."""
    return couples.create(starters=[s.key for s in STARTER_HABITS[:24]], today=STARTED)


def toast_regions(app: App[Any]) -> list[Region]:
    regions = [toast.region for toast in app.screen.query(Toast)]
    assert regions and all(r.area for r in regions), "the action said nothing to check"
    return regions


def assert_uncovered(app: App[Any], what: Region, name: str) -> None:
    assert what.area, f"{name} is not on screen"
    for toast in toast_regions(app):
        assert not toast.overlaps(what), f"a toast at {toast} covers {name} at {what}"


def assert_focus_uncovered(app: App[Any]) -> None:
    """What the action was done from (a field, a list) is not under a toast."""
    focused = app.screen.focused
    assert focused is not None
    assert_uncovered(app, focused.region, type(focused).__name__)


def cursor_row(table: DataTable[Any]) -> Region:
    """Where the highlighted row is drawn on screen."""
    header = table.header_height if table.show_header else 0
    top = table.region.y + header + table.cursor_row - round(table.scroll_y)
    return Region(table.region.x, top, table.region.width, 1)


async def on_todays_last_row(pilot: Pilot[Any]) -> HabitTable:
    """The cursor on the lowest habit a tick is one key for (not one asking how much)."""
    tables = [t for t in pilot.app.screen.query(HabitTable) if t.display and t.row_count]
    table = tables[-1]
    pilot.app.screen.set_focus(table)
    last = max(i for i, row in enumerate(table.rows_shown) if not row.habit.measurable)
    table.move_cursor(row=last)
    await settle(pilot)
    return table


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.pause(0.1)


@size_ids
@pytest.mark.parametrize(
    "keys",
    [["n"], ["space", "u"]],  # a note before a tick: refused; a tick, then undone
    ids=["refusal", "undo"],
)
async def test_what_today_says_about_its_last_row_leaves_that_row_in_view(
    busy: Couple, open_app: OpenApp, size: tuple[int, int], keys: list[str]
) -> None:
    app = open_app(busy)
    async with app.run_test(size=size, notifications=True) as pilot:
        table = await on_todays_last_row(pilot)
        await pilot.press(*keys)
        await settle(pilot)
        assert_uncovered(app, cursor_row(table), "the row it is about")


@size_ids
async def test_saving_settings_says_saved_without_covering_the_field(
    busy: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    app = open_app(busy)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("0")
        await settle(pilot)
        fields = list(app.screen.query(Input))
        app.screen.set_focus(fields[-1])
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert_focus_uncovered(app)


@size_ids
async def test_a_toast_while_a_tall_dialog_is_open_keeps_off_the_dialog(
    busy: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    app = open_app(busy)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("4", "s", "p")  # surprise me, then plan that idea: a long form
        await settle(pilot)
        assert isinstance(app.screen, Dialog)
        app.notify("Sam ticked “Phone-free dinner”.", title="Synced")
        await settle(pilot)
        box: Widget = app.screen.query_one(".dialog")
        assert_uncovered(app, box.region, "the dialog")


@size_ids
async def test_planning_a_talk_says_planned_beside_the_list(
    busy: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    app = open_app(busy)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("3", "a")
        await settle(pilot)
        assert isinstance(app.screen, Dialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(app.screen, Dialog)
        assert_focus_uncovered(app)
