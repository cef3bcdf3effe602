"""A year of one person's check-offs as a calendar grid, like Loop's or GitHub's."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from tracker.domain.habits.history import Cell
from tracker.domain.models import WEEKDAY_NAMES

GLYPH = {
    Cell.MET: ("■", "green"),
    Cell.PARTLY: ("■", "yellow"),
    Cell.SKIPPED: ("□", "blue"),
    Cell.MISSED: ("·", "red"),
    Cell.OPEN: ("·", "bright_black"),
}


def render_grid(grid: list[list[str]], today: date) -> Text:
    """Rows Monday..Sunday, one column per week, month initials along the top."""
    weeks = len(grid)
    first_monday = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    header = Text("    ")
    last_month = None
    for week in range(weeks):
        month = (first_monday + timedelta(weeks=week)).month
        header.append(date(2000, month, 1).strftime("%b")[0] if month != last_month else " ")
        last_month = month
    lines = [header]
    for weekday in range(7):
        line = Text(f"{WEEKDAY_NAMES[weekday][:3]} ", style="dim")
        for column in grid:
            glyph, style = GLYPH[column[weekday]]
            line.append(glyph, style=style)
        lines.append(line)
    legend = Text("    ")
    for label, cell in (
        ("done", Cell.MET),
        ("partly", Cell.PARTLY),
        ("skipped", Cell.SKIPPED),
        ("missed", Cell.MISSED),
    ):
        glyph, style = GLYPH[cell]
        legend.append(glyph, style=style).append(f" {label}  ", style="dim")
    lines.append(legend)
    return Text("\n").join(lines)


class Heatmap(Widget):
    DEFAULT_CSS = "Heatmap { height: 9; width: auto; }"

    def __init__(self, grid: list[list[str]], today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.grid = grid
        self.today = today

    def render(self) -> Text:
        # Show as many recent weeks as fit beside the weekday labels.
        room = max(4, (self.size.width or 57) - 4)
        return render_grid(self.grid[-room:], self.today)
