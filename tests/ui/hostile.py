"""A partner whose files hold terminal escapes, and a way to see what reaches the terminal.

Textual's headless driver throws its output away; `CapturingDriver` keeps it, so a
test can look at the very bytes a real terminal would be sent.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import date

from msgspec.structs import replace
from textual.app import App
from textual.drivers.headless_driver import HeadlessDriver

from tracker.domain.models import Check, Person
from tracker.store.couple import Couple
from tracker.store.store import Store

TITLE_ESCAPE = "\x1b]0;pwned\x07"  # sets the terminal's title
CLEAR_ESCAPE = "\x1b[2J\x1b[H"  # clears the screen
EVIL_NAME = f"Sam{TITLE_ESCAPE}{CLEAR_ESCAPE}wiped"
EVIL_TITLE = f"Thanks{TITLE_ESCAPE}{CLEAR_ESCAPE}wiped"
EVIL_DEVICE = f"pc{TITLE_ESCAPE}{CLEAR_ESCAPE}wiped"
EVIL_REPLICA = f"sam{TITLE_ESCAPE}{CLEAR_ESCAPE}wiped"
# What a terminal would obey: the escapes as data, right before our markers.
OBEYED = ("\x1b]0;pwned", "\x1b[Hwiped", "\x9b")
# Characters that act instead of showing (C0 and C1 controls, bidi reorderers).
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def acting(text: str) -> set[str]:
    """Characters in rendered text that a terminal would act on rather than show."""
    return {ch for ch in text if unicodedata.category(ch) == "Cc" or ch in BIDI}


class CapturingDriver(HeadlessDriver):
    """Headless, but keeping what Textual writes (and claiming to be a terminal, so it does)."""

    written: list[str] = []

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        CapturingDriver.written.append(data)


def capture(app: App[object]) -> list[str]:
    """Make `app` write to a list (run it with `run_test(headless=False)`)."""
    CapturingDriver.written = []
    app.driver_class = CapturingDriver
    return CapturingDriver.written


def screen_lines(app: App[object]) -> list[str]:
    """Every line on the screen as composed, toasts and title included."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def make_hostile(couple: Couple, day: date) -> str:
    """The partner's name, a habit, a device, a replica folder and a conflict copy,
    all holding escapes. Returns the habit's id."""
    partner = couple.person("b")
    couple.save_person(Person("b", EVIL_NAME, partner.tz, partner.day_start))
    habit = couple.habits()[0]
    couple.save_habit(replace(habit, title=EVIL_TITLE))
    couple.set_check(Check(habit.id, "b", day, note=EVIL_TITLE))  # a note from them today
    sam = Store(couple.store.data_dir, EVIL_REPLICA, {"partner": "b", "device": EVIL_DEVICE})
    sam.load()
    sam.ensure_replica()
    sam.put("person", "person:b", couple.person("b").to_data())
    folder = couple.store.data_dir / "replicas" / EVIL_REPLICA
    core = folder / "core.json"
    if core.exists():
        shutil.copy(core, folder / f"core ({EVIL_NAME}'s conflicted copy 2026-11-25).json")
    sam.close()
    couple.store.refresh()  # as if it had just arrived
    return habit.id
