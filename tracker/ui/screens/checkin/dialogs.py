"""The check-in's prompt card; its few-field questions use the shared FieldsDialog."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, Static

from tracker.domain.content.prompts import Prompt
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import literal

SHEETS = sheets("dialogs.tcss", "checkin.tcss")


class PromptDialog(Dialog[None]):
    """A conversation prompt drawn for one strategy; n draws another."""

    CSS_PATH = SHEETS
    SAVES = False
    BINDINGS = [
        Binding("n", "another", "Another"),
        Binding("escape,enter", "cancel", "Close"),
    ]

    def __init__(self, heading: str, draw: Callable[[], Prompt | None]) -> None:
        super().__init__()
        self.heading = heading
        self.draw = draw
        self.prompt: Prompt | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="prompt-card"):
            yield Label(literal(self.heading), classes="title")
            yield Static(id="prompt-text")
            yield Static(id="prompt-theme", classes="hint")
            yield Label("n another · Esc close", classes="hint")

    def on_mount(self) -> None:
        self.action_another()

    def action_another(self) -> None:
        self.prompt = self.draw()
        text = self.query_one("#prompt-text", Static)
        theme = self.query_one("#prompt-theme", Static)
        if self.prompt is None:
            text.update("No prompts on this theme right now.")
            theme.update("")
            return
        text.update(Text(self.prompt.text))
        theme.update(f"{self.prompt.theme.label} · {self.prompt.depth.label.lower()}")
