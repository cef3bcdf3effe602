"""A list of habit rows for one person on one day: mark, title, streak, strength."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from tracker.domain.habits.progress import DayState
from tracker.domain.habits.today import HabitRow
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.tap_table import TapTable

FIXED_COLUMNS = 2 + 6 + 5 + 6  # mark, streak, strength, cell padding


class HabitTable(TapTable[Text]):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        # Rows have no cells to step through, so left/right move between people. They act
        # as the key is read (priority), so a space typed straight after ticks on the list
        # moved to, never on the one left (screens/ordered_keys.py).
        Binding("left,h", "screen.focus_column(-1)", "Previous list", show=False, priority=True),
        Binding("right,l", "screen.focus_column(1)", "Next list", show=False, priority=True),
    ]

    def __init__(self, person: str, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False, show_header=False)
        self.person = person
        self.rows_shown: list[HabitRow] = []
        self._title_width = 0
        # False while the years before last month are still loading: no streaks yet.
        self.history_ready = True

    def title_width(self) -> int:
        parent = self.parent
        width = self.size.width or (parent.size.width if isinstance(parent, Widget) else 40) or 40
        return max(8, width - FIXED_COLUMNS)

    def show(self, rows: list[HabitRow]) -> None:
        """Redraw all rows, keeping the cursor on the same habit if it is still there."""
        keep = self.current_key()
        self.rows_shown = rows
        self._title_width = self.title_width()
        self.clear(columns=True)
        self.add_column("", key="mark", width=1)
        self.add_column("Habit", key="title", width=self._title_width)
        self.add_column("Streak", key="streak", width=5)
        self.add_column("Str.", key="strength", width=4)
        for row in rows:
            self.add_row(*self._cells(row), key=row.key)
        if keep is not None:
            for index, row in enumerate(rows):
                if row.key == keep:
                    self.move_cursor(row=index, animate=False)
                    break

    def update_row(self, row: HabitRow) -> None:
        """Redraw one row after a tick: cheaper than rebuilding, and the cursor stays."""
        for index, shown in enumerate(self.rows_shown):
            if shown.key == row.key:
                self.rows_shown[index] = row
                for column, cell in zip(
                    ("mark", "title", "streak", "strength"), self._cells(row), strict=True
                ):
                    self.update_cell(row.key, column, cell)
                return

    def _cells(self, row: HabitRow) -> tuple[Text, Text, Text, Text]:
        style = {
            DayState.MET: "bold $success",
            DayState.SKIPPED: "dim",
            DayState.NOT_DUE: "dim",
        }.get(row.state, "")
        style = style.replace("$success", "green")
        detail = row.detail_text()
        title = one_line(row.habit.title, self._title_width)
        if detail and len(title) + len(detail) + 3 <= self._title_width:
            title = f"{title}  {detail}"
        return (
            Text(row.mark, style="bold green" if row.done else ""),
            Text(title, style=style, no_wrap=True, overflow="ellipsis"),
            Text(row.streak_text() if self.history_ready else "…", justify="right"),
            Text(f"{round(row.strength * 100)}%" if self.history_ready else "…", justify="right"),
        )

    def current_key(self) -> str | None:
        if not self.rows_shown or self.cursor_row < 0 or self.cursor_row >= len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row].key

    def current(self) -> HabitRow | None:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return None
        return self.rows_shown[self.cursor_row]

    def on_resize(self) -> None:
        if self.rows_shown and self.title_width() != self._title_width:
            self.show(self.rows_shown)
