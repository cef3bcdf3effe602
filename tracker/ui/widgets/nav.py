"""The row of screens under the header: where you are, the key for each place, and a mark
on the places where something is due now (a habit's reminder time come, a talk soon,
tonight's date, the check-in waiting)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from rich.text import Text
from textual.widgets import Static

from tracker.ui.registry import SCREENS
from tracker.ui.shell import Shell

DUE_MARK = "•"
# How often the row looks again: cheap (it works anything out only when the data or the
# minute moved), and a reminder time is never more than this late to show.
LOOK_SECONDS = 5.0


class NavBar(Static):
    # No padding on the right: each entry ends in a space already, and the row of all
    # eight needs 79 columns with the left one, while a scrolling screen (Today) leaves 78
    # at 80: only the last entry's trailing space goes. A due mark takes an entry's
    # trailing space, so the row never grows.
    DEFAULT_CSS = """
    NavBar { height: 1; padding: 0 0 0 1; background: $boost; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.line(current), classes="nav")
        self.current = current
        self.due: frozenset[str] = frozenset()
        self._looked: tuple[int, int, datetime] | None = None

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
            self.update(self.line(self.current, due))

    @staticmethod
    def line(current: str, due: frozenset[str] = frozenset()) -> Text:
        text = Text()
        for entry in SCREENS:
            marked = any(kind in due for kind in entry.due)
            end = DUE_MARK if marked else " "
            if entry.mode == current:
                text.append(f" {entry.key} {entry.title}{end}", style="bold reverse")
            else:
                text.append(f" {entry.key} ", style="bold").append(entry.title, style="dim")
                text.append(end, style="bold")
        return text
