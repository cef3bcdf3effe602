"""The Goals screen's questions: a small form, values to pick and rank, an order to
set, and a question to talk about. Each returns its answer to a callback."""

from __future__ import annotations

import random
import zlib
from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.content.prompts import PROMPTS
from tracker.domain.content.values import VALUES
from tracker.domain.goals.alignment import Divergence
from tracker.domain.goals.values import (
    MAX_VALUES,
    add_value,
    own_value,
    value_identity,
    value_label,
)
from tracker.domain.talks.skills import draw_prompt
from tracker.domain.text import visible
from tracker.ui.screens.dialog_base import SHORT_TERMINAL, Dialog
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import TextInput, literal, one_line

SHEETS = sheets("dialogs.tcss", "goals.tcss")


class OrderDialog(Dialog[list[str]]):
    """Put a list in order: move with shift+↑/↓ (or K/J)."""

    CSS_PATH = SHEETS
    VERTICAL_BREAKPOINTS = SHORT_TERMINAL
    BINDINGS = [
        Binding("shift+up,K", "move(-1)", "Move up"),
        Binding("shift+down,J", "move(1)", "Move down"),
    ]

    def __init__(self, heading: str, intro: str, items: Sequence[str]) -> None:
        super().__init__()
        self.heading = heading
        self.intro = intro
        self.items = list(items)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="order-dialog"):
            yield Label(literal(self.heading), classes="title")
            yield Static(literal(self.intro), classes="hint intro")
            yield OptionList(id="order")
            yield from self.buttons()

    def on_mount(self) -> None:
        self._draw(0)
        self.query_one("#order", OptionList).focus()

    def _draw(self, highlight: int) -> None:
        options = self.query_one("#order", OptionList)
        options.clear_options()
        options.add_options(
            [Option(literal(f"{i + 1:>2}. {item}")) for i, item in enumerate(self.items)]
        )
        if self.items:
            options.highlighted = max(0, min(highlight, len(self.items) - 1))

    def action_move(self, step: int) -> None:
        index = self.query_one("#order", OptionList).highlighted
        if index is None or not 0 <= index + step < len(self.items):
            return
        items = self.items
        items[index], items[index + step] = items[index + step], items[index]
        self._draw(index + step)

    def make(self) -> list[str]:
        return list(self.items)


class ValuesDialog(Dialog[list[str]]):
    """Your top values in order: pick from our list or write your own, then arrange them."""

    CSS_PATH = SHEETS
    VERTICAL_BREAKPOINTS = SHORT_TERMINAL
    BINDINGS = [
        Binding("shift+up,K", "move(-1)", "Move up"),
        Binding("shift+down,J", "move(1)", "Move down"),
        Binding("x,delete", "remove", "Take out"),
    ]

    def __init__(self, ranked: Sequence[str]) -> None:
        super().__init__()
        self.ranked = list(ranked)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="values-dialog"):
            yield Label("Your values, most important first", classes="title")
            yield Static(
                f"Enter adds one (up to {MAX_VALUES}) · shift+↑/↓ moves · x takes out. "
                "None is better than another.",
                classes="hint intro",
            )
            with Horizontal(id="values-panes"):
                yield OptionList(id="ranked")
                yield OptionList(id="library")
            yield TextInput(placeholder="Or write your own, then press enter", id="own")
            yield from self.buttons()

    def on_mount(self) -> None:
        self._draw(0)
        self.query_one("#library", OptionList).focus()

    def _draw(self, highlight: int | None = None) -> None:
        ranked = self.query_one("#ranked", OptionList)
        keep = ranked.highlighted if highlight is None else highlight
        ranked.clear_options()
        if self.ranked:
            ranked.add_options(
                [
                    Option(literal(f"{i + 1:>2}. {one_line(value_label(k), 28)}"), id=k)
                    for i, k in enumerate(self.ranked)
                ]
            )
            ranked.highlighted = max(0, min(keep or 0, len(self.ranked) - 1))
        else:
            ranked.add_option(Option(Text("Nothing picked yet", style="dim"), disabled=True))
        library = self.query_one("#library", OptionList)
        spot = library.highlighted
        taken = {value_identity(k) for k in self.ranked}
        library.clear_options()
        library.add_options(
            [
                Option(Text.assemble(v.name, ("  " + v.description, "dim")), id=v.key)
                for v in VALUES
                if v.key not in taken
            ]
        )
        if library.option_count:
            library.highlighted = min(spot or 0, library.option_count - 1)

    def _add(self, key: str) -> bool:
        try:
            self.ranked = add_value(self.ranked, key)
        except ValueError as error:
            self.show_error(str(error))
            return False
        self.hide_error()
        self._draw(len(self.ranked) - 1)
        return True

    @on(OptionList.OptionSelected, "#library")
    def picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._add(event.option.id)

    def entered(self, field: Input) -> None:
        """Enter in "write your own" adds that value; saving stays on ctrl+s."""
        try:
            key = own_value(field.value)
        except ValueError as error:
            self.show_error(str(error))
            return
        if self._add(key):
            field.value = ""

    def _ranked_index(self) -> int | None:
        ranked = self.query_one("#ranked", OptionList)
        if not self.ranked or ranked.highlighted is None:
            return None
        return ranked.highlighted

    def action_move(self, step: int) -> None:
        index = self._ranked_index()
        if index is None or not 0 <= index + step < len(self.ranked):
            return
        items = self.ranked
        items[index], items[index + step] = items[index + step], items[index]
        self._draw(index + step)

    def action_remove(self) -> None:
        if self.focused is not self.query_one("#ranked"):
            return
        index = self._ranked_index()
        if index is not None:
            del self.ranked[index]
            self._draw(index)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Typing an own value uses every letter: x and K/J belong to the input then.
        if action in ("move", "remove") and isinstance(self.focused, Input):
            return False
        return super().check_action(action, parameters)

    def make(self) -> list[str]:
        return list(self.ranked)


def _seed(text: str, turn: int) -> int:
    return zlib.crc32(f"{text}|{turn}".encode())


class TalkDialog(Dialog[None]):
    """A difference turned into a question, with one more from our deck."""

    CSS_PATH = SHEETS
    VERTICAL_BREAKPOINTS = SHORT_TERMINAL
    SAVES = False
    BINDINGS = [
        Binding("escape,enter", "cancel", "Close"),
        Binding("n", "another", "Another question"),
    ]

    def __init__(self, item: Divergence, today: date) -> None:
        super().__init__()
        self.item = item
        self.today = today
        self.turn = 0

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="talk"):
            yield Label("Something to talk about", classes="title")
            yield Static(literal(self.item.summary), id="summary", classes="hint intro")
            yield Static(Text(visible(self.item.question), style="bold"), id="question")
            yield Static(id="deck")
            yield Static(
                "Take turns: one talks, the other listens and says back what they heard. "
                "n: another question · esc: close",
                classes="hint intro",
            )

    def on_mount(self) -> None:
        self._draw()

    def _draw(self) -> None:
        rng = random.Random(_seed(self.item.key, self.turn))
        prompt = draw_prompt(PROMPTS, {}, set(), self.today, 0, rng, theme=self.item.theme)
        deck = self.query_one("#deck", Static)
        if prompt is None:
            deck.display = False
            return
        deck.update(Text.assemble((f"Or, from {self.item.theme.label}: ", "dim"), prompt.text))

    def action_another(self) -> None:
        self.turn += 1
        self._draw()


class InfoDialog(Dialog[None]):
    """Something to read; escape, enter or w closes it."""

    CSS_PATH = SHEETS
    VERTICAL_BREAKPOINTS = SHORT_TERMINAL
    SAVES = False
    BINDINGS = [Binding("escape,enter,w", "cancel", "Close")]

    def __init__(self, heading: str, body: str) -> None:
        super().__init__()
        self.heading = heading
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide"):
            yield Label(self.heading, classes="title")
            yield Static(self.body)
            yield Static("esc: close", classes="hint")
