"""The one list of the app's screens: its key, its name, and where its class lives;
and the views opened over Today.

The app's keys and modes, the row of screens under the header, the command
palette and the help page are all made from this list, so a new screen is
added here and nowhere else. Each class is named as "module:Class" and
imported on first visit, so start-up pays only for Today.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from textual.binding import Binding
from textual.screen import Screen


def load_class(where: str) -> type[Screen[None]]:
    """A class named "module:Class", imported now (help's sub-screens are named so too)."""
    module, _, name = where.partition(":")
    found: type[Screen[None]] = getattr(importlib.import_module(module), name)
    return found


@dataclass(frozen=True)
class ScreenEntry:
    key: str  # the key that opens it, everywhere
    mode: str  # the app's mode name, also in the binding id "screen.<mode>"
    title: str  # shown in the row of screens, the palette and the help page
    where: str  # "module:Class"
    palette: str = ""  # the palette's line under the title; "Open <title>" when empty
    # What is due there (DueKind words, domain/reminders/due.py): its name in the row of
    # screens gets a mark while one of them is.
    due: tuple[str, ...] = ()

    @property
    def about(self) -> str:
        return self.palette or f"Open {self.title}"

    def load(self) -> type[Screen[None]]:
        return load_class(self.where)

    def make(self) -> Screen[None]:
        return self.load()()

    def binding(self) -> Binding:
        # Shown in the row of screens under the header, not in the footer.
        return Binding(
            self.key, f"show('{self.mode}')", self.title, show=False, id=f"screen.{self.mode}"
        )


SCREENS = (
    ScreenEntry(
        "1",
        "today",
        "Today",
        "tracker.ui.screens.habits.today:TodayScreen",
        "Today's habits for both of you",
        due=("habit",),
    ),
    ScreenEntry(
        "2",
        "habits",
        "Habits",
        "tracker.ui.screens.habits.screen:HabitsScreen",
        "Add, edit, archive and reorder",
    ),
    ScreenEntry(
        "3", "talks", "Talks", "tracker.ui.screens.talks.screen:TalksScreen", due=("talk",)
    ),
    ScreenEntry(
        "4", "dates", "Dates", "tracker.ui.screens.dates.screen:DatesScreen", due=("date",)
    ),
    ScreenEntry(
        "5",
        "checkin",
        "Check-in",
        "tracker.ui.screens.checkin.screen:CheckinScreen",
        due=("checkin", "promise"),
    ),
    ScreenEntry("6", "goals", "Goals", "tracker.ui.screens.goals.screen:GoalsScreen"),
    ScreenEntry("9", "sync", "Sync", "tracker.ui.screens.sync:SyncScreen"),
    ScreenEntry("0", "settings", "Settings", "tracker.ui.screens.settings:SettingsScreen"),
)


@dataclass(frozen=True)
class TodayView:
    """A view opened over Today by a key there, and from the palette anywhere (the row
    of screens is full at 80 columns, so these are not in it)."""

    key: str
    title: str  # the palette's and the help page's name for it
    where: str  # "module:Class"
    palette: str  # the palette's line under the title

    def binding(self) -> Binding:
        return Binding(
            self.key,
            f"app.over_today('{self.where}')",
            self.title,
            show=False,
            id=f"today.{self.key}",
        )


OVER_TODAY = (
    TodayView(
        "d",
        "Today's question",
        "tracker.ui.screens.daily.screen:QuestionScreen",
        "One question a day, the same for you both",
    ),
    TodayView(
        "m",
        "Love maps: how well do you know me",
        "tracker.ui.screens.lovemap.screen:LoveMapScreen",
        "Answer about yourself, guess your partner's answers",
    ),
)
