"""The card about talking to a couples therapist, open from any screen at any time.

ctrl+g and the palette's "Talk to someone" open it whatever the check-in's
suggestions are set to; it shows the words of tracker.domain.content.support
(the same `rekindle support` prints) and saves nothing. It scrolls when the
terminal is short.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, Static

from tracker.domain.content.support import SAFETY_LINE, SUPPORT_CARD, SUPPORT_TITLE
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.styles import sheets


class SupportDialog(Dialog[None]):
    """Couples therapy for any stage, what to look for, how to find someone, and the
    safety line apart at the end."""

    CSS_PATH = sheets("dialogs.tcss", "support.tcss")
    SAVES = False
    BINDINGS = [Binding("escape,enter", "cancel", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide", id="support"):
            yield Label(SUPPORT_TITLE, classes="title")
            for part in SUPPORT_CARD:
                yield Static(Text(part.heading, style="bold"), classes="support-heading")
                yield Static(Text(part.text), classes="support-text")
            yield Static(Text(SAFETY_LINE, style="bold"), id="support-safety")
            yield Static(
                Text("Esc closes this · ctrl+g opens it again from any screen", style="dim"),
                classes="hint",
            )

    def on_mount(self) -> None:
        # The card itself has the focus, so ↑ ↓ and page keys scroll it on a short terminal.
        self.query_one("#support", VerticalScroll).focus()
