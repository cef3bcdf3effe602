"""Small modals for the check-in: a few text fields checked by the domain, and a prompt card."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from tracker.domain.content.prompts import Prompt
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import TextInput, literal

T = TypeVar("T")
SHEETS = sheets("dialogs.tcss", "checkin.tcss")


def wrapped(text: str) -> Text:
    """Shown exactly as typed (never markup), wrapped to the dialog's width."""
    found = literal(text)
    found.no_wrap, found.overflow = False, "fold"
    return found


@dataclass(frozen=True, slots=True)
class Field:
    id: str
    label: str
    placeholder: str = ""
    value: str = ""
    max_length: int = 0


class FieldsDialog(ModalScreen[T | None], Generic[T]):
    """Some text fields; ``make`` turns them into the result or raises ValueError with
    the sentence to show. Nothing is returned (so nothing saved) until it makes sense."""

    CSS_PATH = SHEETS
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        title: str,
        hint: str,
        fields: Sequence[Field],
        make: Callable[[dict[str, str]], T],
    ) -> None:
        super().__init__()
        self.heading = title
        self.hint = hint
        self.fields = list(fields)
        self.make = make

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            # Headings may hold a name someone typed: never markup.
            yield Label(wrapped(self.heading), classes="title")
            if self.hint:
                yield Label(wrapped(self.hint), classes="hint")
            for field in self.fields:
                yield Label(field.label)
                yield TextInput(
                    field.value,
                    placeholder=field.placeholder,
                    id=field.id,
                    max_length=field.max_length,
                )
            yield Static(classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    def _next_or_save(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = {field.id: self.query_one(f"#{field.id}", Input).value for field in self.fields}
        try:
            result = self.make(values)
        except ValueError as error:
            message = self.query_one(".error", Static)
            message.update(literal(str(error)))
            message.display = True
            return
        self.dismiss(result)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class PromptDialog(ModalScreen[None]):
    """A conversation prompt drawn for one strategy; n draws another."""

    CSS_PATH = SHEETS
    BINDINGS = [
        Binding("n", "another", "Another"),
        Binding("escape,enter", "close", "Close"),
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

    def action_close(self) -> None:
        self.dismiss(None)
