"""The row of screens under the header: where you are, the key for each place, and a mark
on the places where something is due now (a habit's reminder time come, a talk soon,
tonight's date, the check-in waiting)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import Static

from tracker.ui.registry import SCREENS, ScreenEntry
from tracker.ui.shell import Shell

DUE_MARK = "•"
# How often the row looks again: cheap (it works anything out only when the data or the
# minute moved), and a reminder time is never more than this late to show.
LOOK_SECONDS = 5.0


class NavBar(Static):
    # No padding on the right: each entry ends in a space already, and the row of all
    # eight needs 79 columns with the left one, while a scrolling screen (Today) leaves 78
    # at 80: only the last entry's trailing space goes. A due mark takes an entry's
    # trailing space, so the row never grows. Narrower than the row (a phone's 44 columns
    # in a browser) the entries go on a second line rather than out of reach of a tap.
    DEFAULT_CSS = """
    NavBar { height: auto; padding: 0 0 0 1; background: $boost; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.line(current), classes="nav")
        self.current = current
        self.due: frozenset[str] = frozenset()
        self._looked: tuple[int, int, datetime] | None = None
        self._width = 0  # the columns the row was laid out in; 0 until it has a size

    # The first look waits this long: working out what is due costs the first Today frame
    # a tenth of its time, and the marks can wait a moment. Tests that picture the row set 0
    # (look at once), so a snapshot never races the timer.
    first_look_seconds = 0.5

    def on_mount(self) -> None:
        if self.first_look_seconds <= 0:
            self.look()
        else:
            self.set_timer(self.first_look_seconds, self.look)
        self.set_interval(LOOK_SECONDS, self.look)

    def look(self) -> None:
        """Mark the screens where something is due, if the data or the minute moved."""
        shell = cast(Shell, self.app)
        couple = shell.couple
        if couple is None or not couple.is_set_up():
            return
        now = shell.clock()
        key = (id(couple), couple.store.generation, now.replace(second=0, microsecond=0))
        if key == self._looked:
            return
        self._looked = key
        # Every screen's row asks; the app keeps the answer, so one change is worked out
        # once, not once per screen visited.
        if shell.due_marks is None or shell.due_marks[0] != key:
            from tracker.domain.reminders.due import due_now
            from tracker.store.reminders import situation

            found = due_now(situation(couple, now))
            shell.due_marks = (key, frozenset(item.kind.word for item in found))
        due = shell.due_marks[1]
        if due != self.due:
            self.due = due
            self.update(self.line(self.current, due, self._width))

    def on_resize(self) -> None:
        width = self.content_size.width
        relaid = rows(width) != rows(self._width)
        self._width = width
        if relaid:
            self.update(self.line(self.current, self.due, width))

    async def on_click(self, event: events.Click) -> None:
        """A tap or click on a screen's name goes there, as its key does. The entry is
        found by column rather than by a link in the text: a link would recolour the row."""
        offset = event.get_content_offset(self)
        entry = None if offset is None else entry_at(offset.x, offset.y, self._width)
        if entry is not None:
            event.stop()
            await self.app.run_action(entry.binding().action)  # the app's own key action

    @staticmethod
    def line(current: str, due: frozenset[str] = frozenset(), width: int = 0) -> Text:
        """The row of screens, on as many lines as `width` columns need (0: one line)."""
        text = Text()
        for entry, row, column in placed(width):
            if row and not column:
                text.append("\n")
            marked = any(kind in due for kind in entry.due)
            end = DUE_MARK if marked else " "
            if entry.mode == current:
                text.append(f" {entry.key} {entry.title}{end}", style="bold reverse")
            else:
                text.append(f" {entry.key} ", style="bold").append(entry.title, style="dim")
                text.append(end, style="bold")
        return text


def placed(width: int = 0) -> list[tuple[ScreenEntry, int, int]]:
    """Each entry with its line and first column in `width` columns (0: all on one line).
    An entry is never split; its trailing space may go past the edge, as the last one's
    does at 80 columns on a screen that scrolls."""
    found: list[tuple[ScreenEntry, int, int]] = []
    row = column = 0
    for entry in SCREENS:
        size = entry_width(entry)
        if width and column and column + size - 1 > width:
            row, column = row + 1, 0
        found.append((entry, row, column))
        column += size
    return found


def entry_width(entry: ScreenEntry) -> int:
    return cell_len(f" {entry.key} {entry.title}") + 1  # the end: a space or a due mark


def rows(width: int) -> int:
    return placed(width)[-1][1] + 1


def entry_at(x: int, y: int, width: int = 0) -> ScreenEntry | None:
    """The screen whose name, key or trailing space is drawn at this place in the row."""
    for entry, row, column in placed(width):
        if row == y and column <= x < column + entry_width(entry):
            return entry
    return None
