"""Help while you talk: the listening guide, the "I" statement helper, your own prompts,
and turning a follow-up into a habit or a promise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tracker.domain.content.coach import ACTIVE_LISTENING, I_STATEMENT_TIPS
from tracker.domain.content.prompts import STATE_OF_US_AGENDA, Depth, Prompt, Theme
from tracker.domain.talks.log import Followup
from tracker.domain.talks.prompts import clean_prompt_text
from tracker.domain.talks.schedule import parse_date
from tracker.domain.talks.skills import flag_blame, i_statement
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.screens.talks.forms import SHEETS
from tracker.ui.widgets.literal import TextInput, literal, one_line


def _agenda(text: Text) -> None:
    text.append("A weekly “state of us”\n", style="bold")
    for number, (title, how) in enumerate(STATE_OF_US_AGENDA, start=1):
        text.append(f"{number}. {title}", style="bold").append(f": {how}\n")


def _listening(text: Text) -> None:
    text.append("While you listen\n", style="bold")
    for line in ACTIVE_LISTENING:
        text.append(f"• {line}\n")
    text.append("\nSaying the hard thing\n", style="bold")
    for line in I_STATEMENT_TIPS:
        text.append(f"• {line}\n")


def guide_text(listening_first: bool = False) -> Text:
    """The "state of us" steps and the listening guide; mid-talk, listening comes first."""
    text = Text()
    parts = (_listening, _agenda) if listening_first else (_agenda, _listening)
    for index, part in enumerate(parts):
        if index:
            text.append("\n")
        part(text)
    return text


class TalkNowScreen(Dialog[str]):
    """What to glance at while you talk: the prompt, the steps, how to listen.

    Dismisses with "log" when you want to write it down, "draw" for another
    prompt, "i" for the "I" statement helper, or None.
    """

    CSS_PATH = SHEETS
    SAVES = False
    BINDINGS = [
        Binding("escape", "cancel", "Back"),
        Binding("l", "dismiss('log')", "Log it"),
        Binding("r", "dismiss('draw')", "Another prompt"),
        Binding("i", "dismiss('i')", "I statement"),
    ]

    def __init__(self, title: str, when: str, prompt: Prompt | None) -> None:
        super().__init__()
        self.talk_title = title
        self.when = when
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="talk-now"):
            yield Label(literal(f"{one_line(self.talk_title, 50)} · {self.when}"), classes="title")
            if self.prompt is not None:
                yield Static(literal(f"“{self.prompt.text}”"), id="now-prompt")
            with VerticalScroll(id="now-scroll"):
                yield Static(guide_text(listening_first=True), id="now-guide")


@dataclass(frozen=True, slots=True)
class IParts:
    feeling: str = ""
    situation: str = ""
    need: str = ""
    request: str = ""


class IStatementForm(Dialog[None]):
    """Four short answers become one kind sentence; blaming words get a gentle note.
    Nothing is saved: it is a helper to say the hard thing kindly."""

    CSS_PATH = SHEETS
    SAVES = False
    BINDINGS = [Binding("escape", "cancel", "Close")]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog wide talk-form", id="i-form"):
            yield Label("Say it as an “I” statement", classes="title")
            for field_id, label, hint in (
                ("feeling", "I feel…", "left out"),
                ("situation", "when…", "plans change without a word"),
                ("need", "because I need…", "to feel included"),
                ("request", "Would you…", "tell me earlier next time"),
            ):
                with Horizontal(classes="i-row"):
                    yield Label(label, classes="i-label")
                    yield TextInput(id=field_id, placeholder=hint)
            yield Static(id="i-sentence")
            yield Static(id="i-flags", classes="hint")
            with Horizontal(classes="buttons"):
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        self.query_one("#feeling", Input).focus()
        self._update()

    def parts(self) -> IParts:
        values = [self.query_one(f"#{n}", Input).value for n in IParts.__dataclass_fields__]
        return IParts(*values)

    @on(Input.Changed)
    def _update(self) -> None:
        parts = self.parts()
        sentence_box = self.query_one("#i-sentence", Static)
        try:
            sentence = i_statement(parts.feeling, parts.situation, parts.need, parts.request)
        except ValueError as error:
            sentence_box.update(Text(str(error), style="dim"))
            self.query_one("#i-flags", Static).update("")
            return
        sentence_box.update(literal(sentence))
        flags = flag_blame(sentence)
        notes = Text()
        if flags:
            notes.append("Worth a second look:\n", style="italic")
        for flag in flags:
            notes.append(f"“{flag.phrase}”", style="bold").append(f": {flag.why} {flag.instead}\n")
        self.query_one("#i-flags", Static).update(notes)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.action_cancel()


class OwnPromptForm(Dialog[tuple[str, Theme, Depth]]):
    """A question of your own for the deck."""

    CSS_PATH = SHEETS

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Add your own prompt", classes="title")
            yield TextInput(id="text", placeholder="e.g. What would you like more of from me?")
            with Horizontal(classes="row"):
                yield Select(
                    [(t.label, t.value) for t in Theme],
                    value=Theme.LOVE_MAPS.value,
                    allow_blank=False,
                    id="theme",
                )
                yield Select(
                    [(d.label, d.value) for d in Depth],
                    value=Depth.MEDIUM.value,
                    allow_blank=False,
                    id="depth",
                )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#text", Input).focus()

    def make(self) -> tuple[str, Theme, Depth]:
        text = clean_prompt_text(self.input_value("#text"))
        return text, Theme(self.select_value("#theme")), Depth(self.select_value("#depth"))


class FollowupPicker(Dialog[tuple[Followup, str]]):
    """Pick a follow-up, then p (a promise) or b (a habit)."""

    CSS_PATH = SHEETS
    SAVES = False
    BINDINGS = [
        Binding("p", "choose('promise')", "Make a promise"),
        Binding("b", "choose('habit')", "Make a habit"),
    ]

    def __init__(self, followups: Sequence[Followup]) -> None:
        super().__init__()
        self.followups = list(followups)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label("Turn a follow-up into something you'll do", classes="title")
            yield OptionList(
                *[Option(literal(one_line(f.text, 80)), id=f.id) for f in self.followups],
                id="followup-list",
            )
            with Horizontal(classes="buttons"):
                yield Button("A promise (p)", variant="primary", id="promise")
                yield Button("A habit (b)", id="habit")
                yield Button("Cancel", id="cancel")

    def action_choose(self, what: str) -> None:
        index = self.query_one("#followup-list", OptionList).highlighted
        if index is None or not self.followups:
            return
        self.dismiss((self.followups[index], what))

    @on(Button.Pressed, "#promise, #habit")
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))


class PromiseForm(Dialog[tuple[str, date]]):
    """Who promises, and by when. Returns (by, due)."""

    CSS_PATH = SHEETS

    def __init__(self, text: str, names: dict[str, str], me: str, due: date, today: date):
        super().__init__()
        self.text = text
        self.names = names
        self.me = me
        self.due = due
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal(f"Promise: {one_line(self.text, 50)}"), classes="title")
            yield Select(
                [(f"{one_line(name, 20)} promises", key) for key, name in self.names.items()],
                value=self.me,
                allow_blank=False,
                id="by",
            )
            yield Label("Due (YYYY-MM-DD)")
            yield TextInput(self.due.isoformat(), id="due")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#due", Input).focus()

    def make(self) -> tuple[str, date]:
        due = parse_date(self.input_value("#due"))
        if due < self.today:
            raise ValueError(f"{due} has already gone; pick today or a later day.")
        return self.select_value("#by"), due
