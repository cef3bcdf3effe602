"""The Dates screen's forms: a date, a rating, an idea of our own. Each returns its answer."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Select

from tracker.domain.content.ideas import IdeaKind
from tracker.domain.dates.input import DateDraft, clean_memory, clean_stars
from tracker.domain.dates.jar import JarIdea
from tracker.domain.dates.model import DateNight
from tracker.domain.dates.records import DateKind, RepeatFreq
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import TextInput, literal, one_line

REPEATS = [
    ("Just this once", RepeatFreq.NONE.value),
    ("Every N weeks, same weekday", RepeatFreq.WEEKLY.value),
    ("Every N months, same weekday (e.g. 2nd Sat)", RepeatFreq.MONTHLY.value),
]


SHEETS = sheets("dialogs.tcss", "dates.tcss")


class DateForm(Dialog[DateNight]):
    """Plan or change a date. ``build`` turns the draft into a date or says what is wrong."""

    CSS_PATH = SHEETS

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
            yield from self.buttons(compact=True)

    def on_mount(self) -> None:
        self.relevant()
        self.query_one("#title", Input).focus()

    @on(Select.Changed)
    def relevant(self) -> None:
        getaway = self.select_value("#kind") == DateKind.GETAWAY.value
        for selector in ("#time", "#hours", "#time-label", "#hours-label"):
            self.query_one(selector).display = not getaway
        for selector in ("#days", "#days-label"):
            self.query_one(selector).display = getaway
        self.query_one("#repeat-row").display = (
            self.select_value("#repeat") != RepeatFreq.NONE.value
        )

    def make(self) -> DateNight:
        draft = DateDraft(
            title=self.input_value("#title"),
            kind=DateKind(self.select_value("#kind")),
            day=self.input_value("#day"),
            time=self.input_value("#time"),
            hours=self.input_value("#hours"),
            days=self.input_value("#days"),
            place=self.input_value("#place"),
            notes=self.input_value("#notes"),
            tz=self.input_value("#tz"),
            repeat=RepeatFreq(self.select_value("#repeat")),
            every=self.input_value("#every"),
            until=self.input_value("#until"),
            alarm=self.input_value("#alarm"),
            idea=self.draft.idea,
        )
        return self.build(draft)


class RatingDialog(Dialog[tuple[int, str]]):
    """Your stars (1 to 5) and a line to remember the evening by. Your partner sees them."""

    CSS_PATH = SHEETS

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
            yield from self.buttons(compact=True)

    def make(self) -> tuple[int, str]:
        return clean_stars(self.input_value("#stars")), clean_memory(self.input_value("#memory"))


class IdeaDialog(Dialog[JarIdea]):
    """An idea of our own for the jar."""

    CSS_PATH = SHEETS

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
            yield from self.buttons(compact=True)

    def make(self) -> JarIdea:
        hours = self.input_value("#idea-hours")
        return self.build(
            self.input_value("#idea-title"),
            IdeaKind(self.select_value("#idea-kind")),
            hours,
            self.input_value("#idea-about"),
        )
