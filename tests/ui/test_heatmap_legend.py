"""The heatmap reads without colour: every state its own symbol, all of them in the legend."""

from __future__ import annotations

import io
from datetime import date, timedelta

from rich.console import Console

from tracker.domain.habits.history import Cell, year_grid
from tracker.domain.models import Check, CheckStatus, Habit, HabitKind, Schedule, ScheduleKind
from tracker.ui.widgets.heatmap import Heatmap, render_grid

TODAY = date(2026, 3, 18)  # a Wednesday
# Mondays, Wednesdays and Fridays, counting minutes, begun the Monday before last.
HUG = Habit(
    "hug",
    "Morning hug",
    start=date(2026, 3, 2),
    kind=HabitKind.MEASURABLE,
    target=10,
    schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2, 4)),
)


def check(day: date, status: CheckStatus = CheckStatus.DONE, value: float = 10) -> Check:
    return Check(HUG.id, "a", day, status, value)


def without_colour(grid: list[list[str]], width: int = 80) -> str:
    """What a NO_COLOR terminal shows: the characters alone."""
    out = io.StringIO()
    console = Console(file=out, no_color=True, color_system=None, width=width)
    console.print(render_grid(grid, TODAY, width))
    return out.getvalue()


def test_every_state_has_its_own_symbol_named_in_the_legend() -> None:
    checks = {
        c.day: c
        for c in (
            check(date(2026, 3, 2)),  # Monday: done
            check(date(2026, 3, 4), value=3),  # Wednesday: partly
            check(date(2026, 3, 6), CheckStatus.SKIP),  # Friday: skipped
        )
    }
    grid = year_grid(HUG, checks, TODAY, weeks=4)
    shown = without_colour(grid).splitlines()
    rows = {line[:3]: line[4:] for line in shown[1:8]}
    # Columns: the week before the start, then the weeks of 2, 9 and 16 March.
    cell_of = {
        Cell.BEFORE_START: rows["Mon"][0],
        Cell.MET: rows["Mon"][1],
        Cell.MISSED: rows["Mon"][2],
        Cell.NOT_DUE: rows["Tue"][1],
        Cell.PARTLY: rows["Wed"][1],
        Cell.SKIPPED: rows["Fri"][1],
    }
    assert len(set(cell_of.values())) == len(cell_of), cell_of  # no two states alike
    assert rows["Mon"][3] == cell_of[Cell.MISSED]  # the 16th too: the same state, the same mark
    assert " " not in cell_of.values()
    legend = " ".join(line.strip() for line in shown[8:])
    for label, symbol in (
        ("done", cell_of[Cell.MET]),
        ("partly", cell_of[Cell.PARTLY]),
        ("skipped", cell_of[Cell.SKIPPED]),
        ("missed", cell_of[Cell.MISSED]),
        ("not due", cell_of[Cell.NOT_DUE]),
        ("before it began", cell_of[Cell.BEFORE_START]),
    ):
        assert f"{symbol} {label}" in legend


def test_a_new_habit_s_past_year_does_not_read_as_missed() -> None:
    fresh = HUG.with_changes(start=TODAY - timedelta(days=1))
    shown = without_colour(year_grid(fresh, {}, TODAY))
    grid_rows = "".join(line[4:] for line in shown.splitlines()[1:8])
    missed = grid_rows.count("×")
    assert missed == 0  # only Tuesday was lived, and Tuesday isn't a hug day
    assert grid_rows.count("-") > 300


def test_the_legend_wraps_between_entries_on_a_narrow_screen() -> None:
    grid = year_grid(HUG, {}, TODAY, weeks=30)
    for width in (34, 50, 80):
        legend = without_colour(grid, width).splitlines()[8:]
        assert all(len(line.rstrip()) <= width for line in legend)
        assert "before it began" in "\n".join(legend)  # never split inside an entry


async def test_the_widget_grows_to_hold_a_wrapped_legend() -> None:
    from textual.app import App, ComposeResult

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield Heatmap(year_grid(HUG, {}, TODAY), TODAY)

    app = One()
    async with app.run_test(size=(50, 20)):
        heatmap = app.query_one(Heatmap)
        assert heatmap.size.height == 8 + len(str(heatmap.render()).splitlines()[8:])
        assert heatmap.size.height >= 10  # header, seven days, a legend on two lines
