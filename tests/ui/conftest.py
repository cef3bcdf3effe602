"""A couple on a temporary folder, a fixed evening, and the app opened on them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Couples
from tracker.domain.models import US, Check, CheckStatus
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp, make_app
from tracker.ui.widgets.nav import NavBar

# Wednesday 25 November 2026, 20:00 in London: a usual evening to open the app.
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)
TODAY = date(2026, 11, 25)
STARTED = TODAY - timedelta(days=40)
STARTERS = [
    "specific-thank-you",  # each of us, daily
    "ask-about-their-day",  # each of us, Mon-Fri
    "phone-time-in-bed",  # each of us, measurable: at most 10 minutes
    "phone-free-dinner",  # together, 4 times a week
    "sunday-week-ahead",  # together, Sundays
]


@pytest.fixture(autouse=True)
def steady_environment(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No user config, no inherited folder, and the same guesses on every machine."""
    monkeypatch.setenv("TZ", "Europe/London")
    monkeypatch.setenv("LOGNAME", "alex")
    # The row of screens marks what is due at once, not half a second after the first
    # frame: a snapshot or a key never races its timer.
    monkeypatch.setattr(NavBar, "first_look_seconds", 0)


def habit_id(couple: Couple, title_start: str) -> str:
    return next(h.id for h in couple.habits() if h.title.startswith(title_start))


@pytest.fixture
def couple(couples: Couples) -> Couple:
    return couples.create(starters=STARTERS, today=STARTED)


@pytest.fixture
def lived_in(couple: Couple) -> Couple:
    """Three weeks of ordinary life: streaks, a skip, a missed day, a logged amount."""
    thanks = habit_id(couple, "One specific")
    dinner = habit_id(couple, "Phone-free")
    phone = habit_id(couple, "Phone time")
    for back in range(1, 22):
        day = TODAY - timedelta(days=back)
        if back != 9:
            couple.set_check(Check(thanks, "a", day))
        if back % 3:
            couple.set_check(Check(thanks, "b", day))
        if back % 2:
            couple.set_check(Check(dinner, US, day))
    couple.set_check(Check(thanks, "a", TODAY - timedelta(days=9), CheckStatus.SKIP))
    couple.set_check(Check(phone, "a", TODAY - timedelta(days=1), value=25))
    return couple


@pytest.fixture
def open_app() -> Callable[[Couple | None], RekindleApp]:
    def make(couple: Couple | None) -> RekindleApp:
        return make_app(couple, clock=lambda: NOW, poll=False)

    return make
