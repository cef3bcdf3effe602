"""The Reminders part of Settings: this person's usual time for habits, quiet hours, how
long before a talk, and when the weekly check-in comes up. Their partner sets their own."""

from __future__ import annotations

from datetime import time

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static

from tracker.domain.clock import clock_text, parse_clock
from tracker.domain.reminders.prefs import (
    ReminderPrefs,
    parse_quiet,
    parse_talk_before,
)
from tracker.domain.weeks import DAY_NAMES
from tracker.ui.widgets.literal import TextInput


class ReminderFields(Vertical):
    """The fields, drawn from one person's settings and read back into them."""

    DEFAULT_CSS = """
    ReminderFields {
        height: auto;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="reminders")
        self.shown = ReminderPrefs()  # what the fields were last drawn from

    def compose(self) -> ComposeResult:
        yield Label("Reminders", classes="section")
        yield Static(
            "Just yours: your partner picks their own. A habit with a time of its own "
            "(in its form) keeps that time.",
            classes="hint",
        )
        # Three columns in both rows, so the fields line up.
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Usual time for habits")
                yield TextInput(id="habits-at", placeholder="20:00")
            with Vertical():
                yield Label("Quiet hours (or none)")
                yield TextInput(id="quiet", placeholder="22:00-08:00")
            with Vertical():
                yield Label("Minutes before a talk")
                yield TextInput(id="talk-before", type="integer")
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Check-in day")
                yield Select(
                    [(name, index) for index, name in enumerate(DAY_NAMES)],
                    allow_blank=False,
                    id="checkin-day",
                )
            with Vertical():
                yield Label("Check-in time")
                yield TextInput(id="checkin-at", placeholder="19:00")
            yield Vertical()

    def show(self, prefs: ReminderPrefs) -> None:
        self.shown = prefs
        self._text("#habits-at", clock_text(prefs.habits_at))
        self._text("#quiet", prefs.quiet_text())
        self._text("#talk-before", str(prefs.talk_before))
        self.query_one("#checkin-day", Select).value = prefs.checkin_day
        self._text("#checkin-at", clock_text(prefs.checkin_at))

    def chosen(self) -> ReminderPrefs:
        """What the fields say, or ValueError with the sentence for the first that does
        not read."""
        habits_at = self._clock("#habits-at")  # read in the order they are shown
        quiet_from, quiet_to = parse_quiet(self._typed("#quiet"))
        talk_before = parse_talk_before(self._typed("#talk-before"))
        day = self.query_one("#checkin-day", Select).value
        return ReminderPrefs(
            habits_at=habits_at,
            quiet_from=quiet_from,
            quiet_to=quiet_to,
            talk_before=talk_before,
            checkin_day=day if isinstance(day, int) else self.shown.checkin_day,
            checkin_at=self._clock("#checkin-at"),
        )

    def _clock(self, selector: str) -> time:
        return parse_clock(self._typed(selector))

    def _typed(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    def _text(self, selector: str, text: str) -> None:
        self.query_one(selector, Input).value = text
