"""A year of one person's check-offs as a calendar grid, like Loop's or GitHub's."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text
from textual.widget import Widget

from tracker.domain.days import MONDAY, week_start
from tracker.domain.habits.history import Cell
from tracker.domain.models import WEEKDAY_NAMES

# Each state has its own shape, so the grid reads the same with NO_COLOR or a
# colour-blind eye; colour only adds to it.
GLYPH = {
    Cell.MET: ("■", "green"),
    Cell.PARTLY: ("◧", "yellow"),
    Cell.SKIPPED: ("□", "blue"),
    Cell.MISSED: ("×", "red"),
    Cell.NOT_DUE: ("·", "bright_black"),
    Cell.BEFORE_START: ("-", "bright_black"),
    Cell.AHEAD: (" ", ""),
}
# What the legend names, in the order it names them; AHEAD is left blank and unnamed.
LEGEND = (
    ("done", Cell.MET),
    ("partly", Cell.PARTLY),
    ("skipped", Cell.SKIPPED),
    ("missed", Cell.MISSED),
    ("not due", Cell.NOT_DUE),
    ("before it began", Cell.BEFORE_START),
)
_MARGIN = "    "  # under the weekday names


def legend_lines(width: int) -> list[Text]:
    """The legend, wrapped to `width` cells between its entries, never inside one."""
    lines = [Text(_MARGIN)]
    for label, cell in LEGEND:
        glyph, style = GLYPH[cell]
        entry = Text.assemble((glyph, style), (f" {label}  ", "dim"))
        if len(lines[-1]) > len(_MARGIN) and len(lines[-1]) + len(entry.plain.rstrip()) > width:
            lines.append(Text(_MARGIN))
        lines[-1].append_text(entry)
    for line in lines:
        line.rstrip()
    return lines


def render_grid(
    grid: list[list[str]], today: date, width: int = 80, first_weekday: int = MONDAY
) -> Text:
    """Rows from `first_weekday` (Monday..Sunday by default), as `year_grid` laid the
    cells, one column per week, month initials along the top."""
    weeks = len(grid)
    first_day = week_start(today, first_weekday) - timedelta(weeks=weeks - 1)
    header = Text(_MARGIN)
    last_month = None
    for week in range(weeks):
        month = (first_day + timedelta(weeks=week)).month
        header.append(date(2000, month, 1).strftime("%b")[0] if month != last_month else " ")
        last_month = month
    lines = [header]
    for row in range(7):
        weekday = (first_weekday + row) % 7
        line = Text(f"{WEEKDAY_NAMES[weekday][:3]} ", style="dim")
        for column in grid:
            glyph, style = GLYPH[column[row]]
            line.append(glyph, style=style)
        lines.append(line)
    lines.extend(legend_lines(width))
    return Text("\n").join(lines)


class Heatmap(Widget):
    DEFAULT_CSS = "Heatmap { height: auto; width: auto; }"

    def __init__(
        self,
        grid: list[list[str]],
        today: date,
        *,
        first_weekday: int = MONDAY,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.grid = grid
        self.today = today
        self.first_weekday = first_weekday

    def render(self) -> Text:
        # Show as many recent weeks as fit beside the weekday labels.
        width = self.size.width or 57
        room = max(4, width - len(_MARGIN))
        return render_grid(self.grid[-room:], self.today, width, self.first_weekday)
