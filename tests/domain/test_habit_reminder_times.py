"""A habit's own reminder time against its owner's quiet hours (domain/reminders/
habit_times.py): whose it is, when a time is refused, and the one line that names the
habits quiet hours keep quiet."""

from __future__ import annotations

from datetime import date, time

import msgspec
import pytest

from tracker.domain.models import Habit, Owner
from tracker.domain.reminders.habit_times import (
    kept_quiet,
    kept_quiet_text,
    own_time,
    quiet_refusal,
    reminder_words,
)
from tracker.domain.reminders.prefs import ReminderPrefs

NIGHT = ReminderPrefs()  # quiet 22:00–08:00
START = date(2026, 11, 1)


def habit(title: str = "Night tea", owner: Owner = Owner.EACH, at: str = "23:00") -> Habit:
    return Habit(id=f"habit:{title}", title=title, owner=owner, start=START, remind_at=at)


@pytest.mark.parametrize(
    ("owner", "for_a", "for_b"),
    [
        (Owner.EACH, "23:00", "23:00"),
        (Owner.TOGETHER, "23:00", "23:00"),
        (Owner.A, "23:00", ""),
        (Owner.B, "", "23:00"),
    ],
)
def test_a_habits_time_reminds_whoever_keeps_it(owner: Owner, for_a: str, for_b: str) -> None:
    assert (own_time(habit(owner=owner), "a"), own_time(habit(owner=owner), "b")) == (
        for_a,
        for_b,
    )


def test_a_time_newly_chosen_in_quiet_hours_is_refused() -> None:
    said = quiet_refusal(habit(), "a", NIGHT)
    assert said is not None and said.startswith("23:00 is inside your quiet hours (22:00–08:00)")
    assert "this habit's reminder would never reach you" in said
    assert quiet_refusal(habit(at="21:59"), "a", NIGHT) is None
    assert quiet_refusal(habit(at="08:00"), "a", NIGHT) is None  # quiet ends at 08:00
    assert quiet_refusal(habit(at=""), "a", NIGHT) is None  # the usual time
    assert quiet_refusal(habit(), "a", ReminderPrefs(quiet_from=None, quiet_to=None)) is None


def test_a_time_it_already_had_for_them_stands() -> None:
    before = habit()
    assert quiet_refusal(habit(title="Late tea"), "a", NIGHT, before) is None
    # Only Sam's until now: made each of ours, the time is new to Alex.
    sams = habit(owner=Owner.B)
    assert quiet_refusal(habit(owner=Owner.B), "a", NIGHT) is None
    assert quiet_refusal(habit(owner=Owner.EACH), "a", NIGHT, sams) is not None
    moved = habit(at="23:30")
    assert quiet_refusal(moved, "a", NIGHT, before) is not None


def test_kept_quiet_names_mine_in_use_only() -> None:
    habits = [
        habit("Night tea"),
        habit("Sam's stretch", owner=Owner.B),
        habit("Old one", at="06:00"),
        habit("Evening", at="20:00"),
        habit("Usual"),
    ]
    habits[2] = msgspec.structs.replace(habits[2], archived=True)
    habits[4] = msgspec.structs.replace(habits[4], remind_at="")
    assert [h.title for h in kept_quiet(habits, "a", NIGHT)] == ["Night tea"]
    assert [h.title for h in kept_quiet(habits, "b", NIGHT)] == ["Night tea", "Sam's stretch"]


def test_the_line_agrees_with_how_many() -> None:
    assert kept_quiet_text([]) == ""
    assert kept_quiet_text([habit()]) == (
        "“Night tea” (23:00) falls inside your quiet hours, so it stays quiet until you give "
        "it another time."
    )
    two = kept_quiet_text([habit("A"), habit("B", at="07:00")])
    assert two.startswith("“A” (23:00) and “B” (07:00) fall inside your quiet hours, so they")
    five = kept_quiet_text([habit(str(n)) for n in range(5)])
    assert five.startswith("“0” (23:00), “1” (23:00), “2” (23:00) and 2 more fall inside")


def test_the_line_shows_a_title_literally_and_short() -> None:
    said = kept_quiet_text([habit("\x1b[31mRed\nline" + "x" * 60)])
    assert "\x1b" not in said and "\n" not in said
    assert "x" * 40 not in said and "…" in said


def test_reminder_words() -> None:
    assert reminder_words(habit(at="07:30")) == "reminder at 07:30"
    assert reminder_words(habit(at="")) == ""


def test_at_the_quiet_edges() -> None:
    # Quiet hours that do not cross midnight: only inside them.
    afternoon = ReminderPrefs(quiet_from=time(13, 0), quiet_to=time(15, 0))
    assert quiet_refusal(habit(at="14:59"), "a", afternoon) is not None
    assert quiet_refusal(habit(at="23:00"), "a", afternoon) is None
