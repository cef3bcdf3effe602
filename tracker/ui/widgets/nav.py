"""The row of screens under the header: where you are, and the key for each place."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

SCREENS = (
    ("1", "today", "Today"),
    ("2", "habits", "Habits"),
    ("3", "talks", "Talks"),
    ("4", "dates", "Dates"),
    ("5", "checkin", "Check-in"),
    ("6", "goals", "Goals"),
    ("9", "sync", "Sync"),
)


class NavBar(Static):
    DEFAULT_CSS = """
    NavBar { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.line(current), classes="nav")
        self.current = current

    @staticmethod
    def line(current: str) -> Text:
        text = Text()
        for key, mode, title in SCREENS:
            if mode == current:
                text.append(f" {key} {title} ", style="bold reverse")
            else:
                text.append(f" {key} ", style="bold").append(f"{title} ", style="dim")
        return text
