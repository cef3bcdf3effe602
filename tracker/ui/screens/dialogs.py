"""Small modal questions: a number, a note, a yes/no. Each returns its answer."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from tracker.domain.habits.today import MAX_NOTE, clean_note, format_amount, parse_amount
from tracker.domain.models import Direction, Habit
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal, one_line

T = TypeVar("T")


class _Dialog(ModalScreen[T | None], Generic[T]):
    CSS_PATH = sheet("dialogs.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def show_error(self, message: str) -> None:
        error = self.query_one(".error", Static)
        error.update(literal(message))
        error.display = True


class AmountDialog(_Dialog[float]):
    """How much, for a measurable habit. Nothing is saved until the number makes sense."""

    def __init__(self, habit: Habit, current: float | None) -> None:
        super().__init__()
        self.habit = habit
        self.current = current

    def compose(self) -> ComposeResult:
        habit = self.habit
        limit = "at most" if habit.direction is Direction.AT_MOST else "at least"
        goal = f"Goal: {limit} {format_amount(habit.target)} {habit.unit}".rstrip()
        with Vertical(classes="dialog"):
            yield Label(literal(one_line(habit.title, 60)), classes="title")
            yield Label(goal)
            yield TextInput(
                value="" if self.current is None else format_amount(self.current),
                placeholder=habit.unit or "amount",
                id="amount",
            )
            yield Static(classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def save(self) -> None:
        try:
            value = parse_amount(self.query_one("#amount", Input).value, self.habit.unit)
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(value)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class NoteDialog(_Dialog[str]):
    """A few words about today's check-off. Your partner can read it too."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, note: str) -> None:
        super().__init__()
        self.habit_title = title
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal("Note on " + one_line(self.habit_title, 50)), classes="title")
            yield Label(
                f"Your partner can read this too. Up to {MAX_NOTE:,} characters.", classes="hint"
            )
            yield TextArea(self.note, id="note", soft_wrap=True)
            yield Static(classes="error")
            with Horizontal(classes="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            note = clean_note(self.query_one("#note", TextArea).text)
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(note)

    @on(Button.Pressed, "#cancel")
    def cancel(self) -> None:
        self.dismiss(None)


class ConfirmDialog(_Dialog[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.question = question
        self.yes = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(self.question), classes="title")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button("No (n)", id="no")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
