"""The row of screens under the header: where you are, and the key for each place."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

SCREENS = (
    ("1", "today", "Today"),
    ("2", "habits", "Habits"),
    ("3", "talks", "Talks"),
    ("4", "dates", "Dates"),
    ("5", "checkin", "Check-in"),
    ("6", "goals", "Goals"),
    ("9", "sync", "Sync"),
    ("0", "settings", "Settings"),
)

# Where each screen's class lives. Imported on first visit, so start-up pays only for Today.
SCREEN_CLASSES = {
    "today": "tracker.ui.screens.habits.today:TodayScreen",
    "habits": "tracker.ui.screens.habits.screen:HabitsScreen",
    "talks": "tracker.ui.screens.talks.screen:TalksScreen",
    "dates": "tracker.ui.screens.dates.screen:DatesScreen",
    "checkin": "tracker.ui.screens.checkin.screen:CheckinScreen",
    "goals": "tracker.ui.screens.goals.screen:GoalsScreen",
    "sync": "tracker.ui.screens.sync:SyncScreen",
    "settings": "tracker.ui.screens.settings:SettingsScreen",
}


def screen_class(mode: str) -> type[Screen[None]]:
    module, _, name = SCREEN_CLASSES[mode].partition(":")
    found: type[Screen[None]] = getattr(importlib.import_module(module), name)
    return found


def screen_factory(mode: str) -> Callable[[], Screen[None]]:
    return lambda: screen_class(mode)()


class NavBar(Static):
    DEFAULT_CSS = """
    NavBar { height: 1; padding: 0 1; background: $boost; }
    """

    def __init__(self, current: str) -> None:
        super().__init__(self.line(current), classes="nav")
        self.current = current

    @staticmethod
    def line(current: str) -> Text:
        text = Text()
        for key, mode, title in SCREENS:
            if mode == current:
                text.append(f" {key} {title} ", style="bold reverse")
            else:
                text.append(f" {key} ", style="bold").append(f"{title} ", style="dim")
        return text
