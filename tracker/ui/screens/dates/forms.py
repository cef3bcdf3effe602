"""The Dates screen's forms: a date, a rating, an idea of our own. Each returns its answer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from tracker.domain.content.ideas import IdeaKind
from tracker.domain.dates.input import DateDraft, clean_memory, clean_stars
from tracker.domain.dates.jar import JarIdea
from tracker.domain.dates.model import DateNight
from tracker.domain.dates.records import DateKind, RepeatFreq
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import TextInput, literal, one_line

T = TypeVar("T")

REPEATS = [
    ("Just this once", RepeatFreq.NONE.value),
    ("Every N weeks, same weekday", RepeatFreq.WEEKLY.value),
    ("Every N months, same weekday (e.g. 2nd Sat)", RepeatFreq.MONTHLY.value),
]


class _Form(ModalScreen[T | None], Generic[T]):
    """Enter (in any field) or ctrl+s saves; escape leaves without saving."""

    CSS_PATH = [sheet("dialogs.tcss"), sheet("dates.tcss")]
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def buttons(self) -> ComposeResult:
        yield Static(classes="error")
        with Horizontal(classes="buttons"):
            yield Button("Save (enter)", variant="primary", id="save", compact=True)
            yield Button("Cancel (esc)", id="cancel", compact=True)

    def value(self, selector: str) -> str:
        return str(self.query_one(selector, Input).value)

    def choice(self, selector: str) -> str:
        return str(self.query_one(selector, Select).value)

    def show_error(self, message: str) -> None:
        error = self.query_one(".error", Static)
        error.update(literal(message))
        error.display = True

    def make(self) -> T:
        raise NotImplementedError

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            made = self.make()
        except ValueError as error:
            self.show_error(str(error))
            return
        self.dismiss(made)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class DateForm(_Form[DateNight]):
    """Plan or change a date. ``build`` turns the draft into a date or says what is wrong."""

    def __init__(
        self, draft: DateDraft, build: Callable[[DateDraft], DateNight], heading: str
    ) -> None:
        super().__init__()
        self.draft = draft
        self.build = build
        self.heading = heading

    def compose(self) -> ComposeResult:
        d = self.draft
        kinds = [(k.value.capitalize(), k.value) for k in DateKind]
        with VerticalScroll(classes="dialog wide form", id="date-form"):
            yield Label(self.heading, classes="title")
            with Horizontal(classes="field"):
                yield Label("What")
                yield TextInput(
                    d.title, id="title", placeholder="e.g. Dinner at Luigi's", compact=True
                )
            with Horizontal(classes="field"):
                yield Label("Kind")
                yield Select(kinds, value=d.kind.value, allow_blank=False, id="kind", compact=True)
            with Horizontal(classes="field"):
                yield Label("Day")
                yield TextInput(d.day, id="day", placeholder="YYYY-MM-DD", compact=True)
                yield Label("at", classes="inner", id="time-label")
                yield TextInput(d.time, id="time", placeholder="HH:MM", compact=True)
                yield Label("hours", classes="inner", id="hours-label")
                yield TextInput(d.hours, id="hours", placeholder="2", compact=True)
                yield Label("days", classes="inner", id="days-label")
                yield TextInput(d.days, id="days", placeholder="2", type="integer", compact=True)
            with Horizontal(classes="field"):
                yield Label("Where")
                yield TextInput(d.place, id="place", placeholder="optional", compact=True)
            with Horizontal(classes="field"):
                yield Label("Repeat")
                yield Select(
                    REPEATS, value=d.repeat.value, allow_blank=False, id="repeat", compact=True
                )
            with Horizontal(classes="field", id="repeat-row"):
                yield Label("")
                yield Label("every", classes="inner")
                yield TextInput(d.every, id="every", placeholder="1", type="integer", compact=True)
                yield Label("last day", classes="inner")
                yield TextInput(
                    d.until, id="until", placeholder="YYYY-MM-DD, optional", compact=True
                )
            with Horizontal(classes="field"):
                yield Label("Remind")
                yield TextInput(d.alarm, id="alarm", placeholder="minutes before", compact=True)
                yield Label("zone", classes="inner")
                yield TextInput(d.tz, id="tz", placeholder="e.g. Europe/London", compact=True)
            with Horizontal(classes="field"):
                yield Label("Notes")
                yield TextInput(
                    d.notes, id="notes", placeholder="your partner sees them", compact=True
                )
            yield from self.buttons()

    def on_mount(self) -> None:
        self.relevant()
        self.query_one("#title", Input).focus()

    @on(Select.Changed)
    def relevant(self) -> None:
        getaway = self.choice("#kind") == DateKind.GETAWAY.value
        for selector in ("#time", "#hours", "#time-label", "#hours-label"):
            self.query_one(selector).display = not getaway
        for selector in ("#days", "#days-label"):
            self.query_one(selector).display = getaway
        self.query_one("#repeat-row").display = self.choice("#repeat") != RepeatFreq.NONE.value

    def make(self) -> DateNight:
        draft = DateDraft(
            title=self.value("#title"),
            kind=DateKind(self.choice("#kind")),
            day=self.value("#day"),
            time=self.value("#time"),
            hours=self.value("#hours"),
            days=self.value("#days"),
            place=self.value("#place"),
            notes=self.value("#notes"),
            tz=self.value("#tz"),
            repeat=RepeatFreq(self.choice("#repeat")),
            every=self.value("#every"),
            until=self.value("#until"),
            alarm=self.value("#alarm"),
            idea=self.draft.idea,
        )
        return self.build(draft)


class RatingDialog(_Form[tuple[int, str]]):
    """Your stars (1 to 5) and a line to remember the evening by. Your partner sees them."""

    def __init__(self, title: str, stars: int | None, memory: str) -> None:
        super().__init__()
        self.date_title = title
        self.stars = stars
        self.memory = memory

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal("How was " + one_line(self.date_title, 44) + "?"), classes="title")
            yield Label("Stars, 1 to 5", classes="hint")
            yield TextInput("" if self.stars is None else str(self.stars), id="stars")
            yield Label("One line to remember it by (your partner reads it too)", classes="hint")
            yield TextInput(self.memory, id="memory", placeholder="e.g. the heron on the way home")
            yield from self.buttons()

    def make(self) -> tuple[int, str]:
        return clean_stars(self.value("#stars")), clean_memory(self.value("#memory"))


class IdeaDialog(_Form[JarIdea]):
    """An idea of our own for the jar."""

    def __init__(self, build: Callable[[str, IdeaKind, str, str], JarIdea]) -> None:
        super().__init__()
        self.build = build

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("An idea of your own for the jar", classes="title")
            yield TextInput(id="idea-title", placeholder="The idea, e.g. Dance in the kitchen")
            with Horizontal(classes="row"):
                yield Select(
                    [(k.value.capitalize(), k.value) for k in IdeaKind],
                    value=IdeaKind.HOME.value,
                    allow_blank=False,
                    id="idea-kind",
                )
                yield TextInput("2", id="idea-hours", placeholder="hours (days, for a getaway)")
            yield TextInput(id="idea-about", placeholder="A sentence about it (optional)")
            yield from self.buttons()

    def make(self) -> JarIdea:
        hours = self.value("#idea-hours")
        return self.build(
            self.value("#idea-title"),
            IdeaKind(self.choice("#idea-kind")),
            hours,
            self.value("#idea-about"),
        )
