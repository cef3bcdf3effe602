"""This week's check-in, as a form: six ratings from 1 to 5, each with an optional sentence."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Input, Label

from tracker.domain.checkin.model import (
    KEYS,
    LABELS,
    MAX_CHECKIN_NOTE,
    QUESTIONS,
    SCALE,
    CheckIn,
    iso_week,
    make_checkin,
    week_label,
)
from tracker.ui.screens.checkin.dialogs import SHEETS
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.widgets.literal import TextInput, literal, one_line


def slug(key: str) -> str:
    return key.replace(" ", "-")


class RatingInput(Widget, can_focus=True):
    """1 to 5: type the digit, or use ←/→. Typing a digit moves on to the note.

    Its keys are priority bindings, so each acts as the app reads it: the move to the
    note happens before the next key is sent anywhere, and a digit typed straight after
    lands in the note, never back on the rating."""

    BINDINGS = [
        *(Binding(str(n), f"choose({n})", show=False, priority=True) for n in range(1, 6)),
        Binding("left,h", "step(-1)", "Less", show=False, priority=True),
        Binding("right,l", "step(1)", "More", show=False, priority=True),
    ]
    value: reactive[int | None] = reactive(None)

    def __init__(self, value: int | None, *, id: str) -> None:
        super().__init__(id=id)
        self.set_reactive(RatingInput.value, value)

    def render(self) -> Text:
        text = Text()
        for number in range(1, 6):
            chosen = number == self.value
            text.append(f" {number} ", style="bold reverse" if chosen else "dim")
        return text

    def action_choose(self, number: int) -> None:
        self.value = number
        self.screen.focus_next()  # this area's note, next in the row

    def action_step(self, step: int) -> None:
        self.value = min(5, max(1, (self.value or 3 - step) + step))


class CheckinForm(Dialog[CheckIn]):
    """Enter on a sentence moves to the next rating, and saves after the last."""

    CSS_PATH = SHEETS

    def __init__(
        self, person: str, today: date, existing: CheckIn | None, partner_name: str
    ) -> None:
        super().__init__()
        self.person = person
        self.today = today
        self.existing = existing
        self.partner_name = partner_name

    def compose(self) -> ComposeResult:
        week = week_label(iso_week(self.today))
        editing = " (changing what you said)" if self.existing else ""
        partner = one_line(self.partner_name, 20)
        with VerticalScroll(classes="dialog wide", id="checkin-form"):
            yield Label(f"Your check-in · {week}{editing}", classes="title")
            yield Label(SCALE, classes="hint")
            yield Label(
                literal(
                    f"{partner} sees your ratings once they have checked in too, and you "
                    "see theirs. The shared folder itself is readable by both of you."
                ),
                classes="hint wrap",
            )
            for key in KEYS:
                rating = self.existing.rating(key) if self.existing else None
                note = self.existing.notes.get(key, "") if self.existing else ""
                yield Label(f"{LABELS[key]}  [dim]{QUESTIONS[key]}[/dim]", classes="rate-label")
                with Horizontal(classes="rate-row"):
                    yield RatingInput(rating, id=f"rate-{slug(key)}")
                    yield TextInput(
                        note,
                        placeholder="a sentence about it (optional)",
                        id=f"note-{slug(key)}",
                        max_length=MAX_CHECKIN_NOTE,
                    )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one(RatingInput).focus()

    def entered(self, field: Input) -> None:
        index = [f"note-{slug(k)}" for k in KEYS].index(field.id or "")
        if index + 1 < len(KEYS):
            self.set_focus(self.query_one(f"#rate-{slug(KEYS[index + 1])}", RatingInput))
        else:
            self.action_save()

    def make(self) -> CheckIn:
        ratings = {k: self.query_one(f"#rate-{slug(k)}", RatingInput).value for k in KEYS}
        notes = {k: self.input_value(f"#note-{slug(k)}") for k in KEYS}
        try:
            return make_checkin(self.person, self.today, ratings, notes)
        except ValueError:
            # The error line says what is missing; the cursor goes to the first blank.
            blank = next((k for k in KEYS if ratings[k] is None), None)
            if blank is not None:
                self.set_focus(self.query_one(f"#rate-{slug(blank)}", RatingInput))
            raise
