"""The row of screens under the header: where you are, and the key for each place."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tracker.ui.registry import SCREENS


class NavBar(Static):
    # No padding on the right: each entry ends in a space already, and the row of all
    # eight needs 79 columns with the left one, while a scrolling screen (Today) leaves 78
    # at 80: only the last entry's trailing space goes.
    DEFAULT_CSS = """
    NavBar { height: 1; padding: 0 0 0 1; background: $boost; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.line(current), classes="nav")
        self.current = current

    @staticmethod
    def line(current: str) -> Text:
        text = Text()
        for entry in SCREENS:
            if entry.mode == current:
                text.append(f" {entry.key} {entry.title} ", style="bold reverse")
            else:
                text.append(f" {entry.key} ", style="bold").append(f"{entry.title} ", style="dim")
        return text
