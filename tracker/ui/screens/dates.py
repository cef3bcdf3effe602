"""The Dates screen; filled in by the work that builds it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from tracker.ui.styles import sheet
from tracker.ui.widgets.nav import NavBar


class DatesScreen(Screen[None]):
    CSS_PATH = sheet("dates.tcss")

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("dates")
        yield Static("Dates", classes="hint")
        yield Footer()

    def refresh_data(self) -> None:
        return None
