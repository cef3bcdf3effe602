"""The Talks screen's forms: plan a time to talk, move one, log how it went."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from tracker.domain.content.prompts import Prompt
from tracker.domain.talks.log import MAX_TOPIC, clean_followups, clean_text
from tracker.domain.talks.model import Slot, clean_line
from tracker.domain.talks.schedule import REPEAT_CHOICES, describe, parse_clock, parse_date
from tracker.ui.screens.dialog_base import Dialog
from tracker.ui.styles import sheets
from tracker.ui.widgets.literal import TextInput, literal, one_line

SHEETS = sheets("dialogs.tcss", "talks.tcss")


@dataclass(frozen=True, slots=True)
class SlotFields:
    title: str = ""
    repeat: str = "week"
    day: str = ""
    at: str = "20:00"
    minutes: str = "45"


SlotMaker = Callable[[SlotFields], Slot]


class SlotForm(Dialog[Slot]):
    """When to talk: how often, from which day, at what time, for how long."""

    CSS_PATH = SHEETS

    def __init__(self, heading: str, fields: SlotFields, make: SlotMaker) -> None:
        super().__init__()
        self.heading = heading
        self.fields = fields
        self.make_slot = make

    def compose(self) -> ComposeResult:
        f = self.fields
        with VerticalScroll(classes="dialog wide talk-form"):
            yield Label(self.heading, classes="title")
            yield Label("Name")
            yield TextInput(f.title, id="title", placeholder="Our talk")
            yield Label("How often")
            yield Select(
                [(r.label(), r.key) for r in REPEAT_CHOICES],
                value=f.repeat,
                allow_blank=False,
                id="repeat",
            )
            with Horizontal(classes="row"):
                with Vertical():
                    yield Label("First day")
                    yield TextInput(f.day, id="day", placeholder="YYYY-MM-DD")
                with Vertical():
                    yield Label("Time")
                    yield TextInput(f.at, id="at", placeholder="20:00")
                with Vertical():
                    yield Label("Minutes")
                    yield TextInput(f.minutes, id="minutes", type="integer")
            yield Static(id="preview", classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self._preview()

    def _read(self) -> SlotFields:
        text = self.input_value
        repeat = self.select_value("#repeat")
        return SlotFields(text("#title"), repeat, text("#day"), text("#at"), text("#minutes"))

    @on(Input.Changed)
    @on(Select.Changed)
    def _preview(self) -> None:
        preview = self.query_one("#preview", Static)
        try:
            slot = self.make()
        except ValueError as error:
            preview.update(literal(str(error)))
            return
        first = f"{slot.start:%A} {slot.start.day} {slot.start:%B}"
        text = describe(slot.rule, slot.start, slot.tz, slot.minutes)
        preview.update(literal(f"{text}. First: {first} ({slot.tz})."))

    def make(self) -> Slot:
        return self.make_slot(self._read())


class MoveForm(Dialog[datetime]):
    """Move one talk to another day or time; the rest of the series stays put."""

    CSS_PATH = SHEETS

    def __init__(self, title: str, when: datetime, check: Callable[[datetime], str | None]):
        super().__init__()
        self.talk_title = title
        self.when = when
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal("Move " + one_line(self.talk_title, 40)), classes="title")
            yield Label("Only this one moves; the others stay where they are.", classes="hint")
            with Horizontal(classes="row"):
                yield TextInput(self.when.date().isoformat(), id="day", placeholder="YYYY-MM-DD")
                yield TextInput(f"{self.when:%H:%M}", id="at", placeholder="20:00")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#day", Input).focus()

    def make(self) -> datetime:
        day = parse_date(self.input_value("#day"))
        at = parse_clock(self.input_value("#at"))
        when = datetime.combine(day, at)
        problem = self.check(when)
        if problem:
            raise ValueError(problem)
        return when


@dataclass(frozen=True, slots=True)
class LogDraft:
    topic: str
    heard: str
    agreed: str
    followups: list[str]
    prompt: str | None  # the prompt key, when "we used this week's prompt" is ticked


@dataclass(frozen=True, slots=True)
class LogStart:
    """What the log form opens with."""

    title: str
    topic: str = ""
    heard: str = ""  # mine
    agreed: str = ""
    partner: str = ""  # my partner's name
    partner_heard: str = ""
    followups: tuple[str, ...] = ()  # already written
    prompt: Prompt | None = None  # this week's
    used_prompt: bool = False


class LogForm(Dialog[LogDraft]):
    """How the talk went: topic, what I heard, what we agreed, what to follow up."""

    CSS_PATH = SHEETS

    def __init__(self, start: LogStart) -> None:
        super().__init__()
        self.start = start

    def compose(self) -> ComposeResult:
        s = self.start
        with VerticalScroll(classes="dialog wide talk-form", id="log-form"):
            yield Label(literal(one_line(s.title, 70)), classes="title")
            yield Label("What we talked about")
            yield TextInput(s.topic, id="topic", placeholder="a few words")
            yield Label("What I heard (in my words)")
            yield TextArea(s.heard, id="heard", soft_wrap=True, classes="short")
            if s.partner_heard:
                yield Static(
                    literal(f"{one_line(s.partner, 20)} heard: {one_line(s.partner_heard, 200)}"),
                    classes="hint",
                )
            yield Label("What we agreed")
            yield TextArea(s.agreed, id="agreed", soft_wrap=True, classes="short")
            for done in s.followups:
                yield Static(literal(f"• {one_line(done, 80)}"), classes="hint")
            yield Label("New follow-ups, one a line (each can become a habit or a promise)")
            yield TextArea("", id="followups", soft_wrap=True, classes="short")
            if s.prompt is not None:
                yield Checkbox(
                    literal(f"We used this week's prompt: {one_line(s.prompt.text, 60)}"),
                    s.used_prompt,
                    id="used-prompt",
                )
            yield Label("Your partner can read all of this.", classes="hint")
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#topic", Input).focus()

    def make(self) -> LogDraft:
        def area(selector: str) -> str:
            return self.query_one(selector, TextArea).text

        topic = clean_line(self.input_value("#topic"), "topic", MAX_TOPIC, required=False)
        heard = clean_text(area("#heard"), "What I heard")
        agreed = clean_text(area("#agreed"), "What we agreed")
        followups = clean_followups(area("#followups").splitlines())
        prompt = None
        boxes = self.query("#used-prompt")
        if self.start.prompt is not None and boxes and boxes.first(Checkbox).value:
            prompt = self.start.prompt.key
        return LogDraft(topic, heard, agreed, followups, prompt)
