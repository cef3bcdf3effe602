"""Shown over everything while the window is too small to be any use."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from tracker.ui.styles import sheet

MIN_WIDTH, MIN_HEIGHT = 40, 12


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    CSS_PATH = sheet("dialogs.tcss")

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        self.query_one("#too-small", Static).update(
            f"Make the window a little larger, please: Rekindle needs {MIN_WIDTH}×{MIN_HEIGHT} "
            f"and has {width}×{height}. Nothing is lost meanwhile."
        )
