"""Small modal questions: a number, a note, a yes/no. Each returns its answer."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, TextArea

from tracker.domain.habits.typed import format_amount, parse_amount
from tracker.domain.models import Direction, Habit
from tracker.domain.text import MAX_NOTE, clean_note
from tracker.ui.screens.dialog_base import ConfirmDialog, Dialog
from tracker.ui.widgets.literal import TextInput, literal, one_line

__all__ = ["AmountDialog", "ConfirmDialog", "NoteDialog"]


class AmountDialog(Dialog[float]):
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
            yield from self.buttons()

    def make(self) -> float:
        return parse_amount(self.input_value("#amount"), self.habit.unit)


class NoteDialog(Dialog[str]):
    """A few words about today's check-off. Your partner can read it too."""

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
            yield from self.buttons()

    def make(self) -> str:
        return clean_note(self.query_one("#note", TextArea).text)
