"""A habit's own reminder time from a script: `habit add|edit --remind HH:MM|none`,
checked as the habit form checks it (a time of day, and not inside this person's quiet
hours), and shown by `rekindle habits` and its JSON."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_habit_cmds import Setup
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.reminder_prefs import put_reminder_prefs

NO_QUIET = ReminderPrefs(quiet_from=None, quiet_to=None)


def choose(alex: Setup, prefs: ReminderPrefs) -> None:
    """Alex's reminder settings, as Settings would save them."""
    couple = alex.couple()
    put_reminder_prefs(couple, prefs)
    couple.store.close()


@pytest.mark.parametrize("command", [("add", "Morning hug"), ("edit", "specific thank")])
def test_a_habits_own_time(alex: Setup, command: tuple[str, str]) -> None:
    said = alex.ok("habit", *command, "--remind", "7.30pm")
    assert "reminder at 19:30" in said
    title = "Morning hug" if command[0] == "add" else "One specific thank-you"
    assert alex.habit(title).remind_at == "19:30"
    assert f"{title}  ·" in alex.ok("habits") and "· reminder at 19:30" in alex.ok("habits")
    shown = {h["title"]: h["remind_at"] for h in json.loads(alex.ok("habits", "--json"))}
    assert shown[title] == "19:30" and shown["Phone-free dinner"] is None
    alex.ok("habit", "edit", title, "--remind", "none")
    assert alex.habit(title).remind_at == ""
    assert "reminder at" not in alex.ok("habits")


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("25:00", "“25:00” isn't a time of day"),
        ("7pm-ish", "“7pm-ish” isn't a time of day"),
        ("23:15", "23:15 is inside your quiet hours (22:00–08:00), so this habit's reminder"),
    ],
)
def test_a_habit_time_that_cannot_be_is_refused(alex: Setup, typed: str, sentence: str) -> None:
    assert sentence in alex.refused("habit", "add", "Night tea", "--remind", typed)
    assert "Night tea" not in [h.title for h in alex.couple().habits()]
    assert sentence in alex.refused("habit", "edit", "specific thank", "--remind", typed)
    assert alex.habit("One specific thank-you").remind_at == ""


def test_quiet_hours_are_each_persons_own(alex: Setup) -> None:
    # Sam's alone: reminded on Sam's clock, whatever Alex's quiet hours say.
    alex.ok("habit", "add", "Sam's night walk", "--owner", "partner", "--remind", "23:00")
    assert alex.habit("Sam's night walk").remind_at == "23:00"
    # Made Alex's too, it would now reach Alex only in quiet hours.
    said = alex.refused("habit", "edit", "night walk", "--owner", "each")
    assert "inside your quiet hours" in said
    choose(alex, NO_QUIET)
    alex.ok("habit", "edit", "night walk", "--owner", "each")
    assert alex.habit("Sam's night walk").owner.value == "each"


def test_a_time_already_there_stands_through_another_edit(alex: Setup) -> None:
    """Set on a day without quiet hours (or by a partner): an edit of the name keeps it."""
    choose(alex, NO_QUIET)
    alex.ok("habit", "add", "Night tea", "--remind", "23:00")
    choose(alex, ReminderPrefs())
    alex.ok("habit", "edit", "Night tea", "--title", "Late tea")
    assert alex.habit("Late tea").remind_at == "23:00"
