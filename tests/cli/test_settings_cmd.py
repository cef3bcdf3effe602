"""`rekindle settings`: the day your weeks start on, read and chosen from a script, and
`rekindle status` counting weekly habits from it (through its index, kept on disk)."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.cli.test_habit_cmds import Setup, row
from tracker.domain.days import SUNDAY, week_start
from tracker.domain.models import US
from tracker.domain.reminders.prefs import ReminderPrefs


def test_until_chosen_it_follows_the_language_settings(alex: Setup) -> None:
    assert "start on Monday, as this computer's language" in alex.ok("settings")
    said = alex.rekindle(alex.config, "settings", LC_TIME="en_US.UTF-8").ok()
    assert "start on Sunday, as this computer's language" in said
    shown = json.loads(alex.rekindle(alex.config, "settings", "--json", LC_TIME="en_US").ok())
    assert shown == {
        "week_start": "sunday",
        "week_start_chosen": False,
        "locale_week_start": "sunday",
        "reminders": ReminderPrefs().to_data(),
    }


def test_choosing_sunday_recounts_a_weekly_habit(alex: Setup) -> None:
    """Ticks on a Sunday and the Monday after: one week of two from Sunday on, two weeks
    of one from Monday on."""
    sunday = week_start(alex.today, SUNDAY) - timedelta(weeks=2)
    monday, a_week_on = sunday + timedelta(days=1), sunday + timedelta(days=7)
    alex.ok("habit", "add", "Walk together", "--owner", "together", "--per-week", "2")
    alex.ok("habit", "edit", "Walk together", "--start", sunday.isoformat())
    for day in (sunday, monday):
        alex.ok("tick", "Walk together", "--date", day.isoformat())

    walk = row(alex.status(a_week_on), US, "Walk together")
    assert (walk["streak"], walk["best"], walk["progress"]) == (0, 0, [1, 2])

    said = alex.ok("settings", "--week-start", "sunday")
    assert "start on Sunday now, for you both" in said
    assert "every tick stays as it was" in said

    walk = row(alex.status(a_week_on), US, "Walk together")
    assert (walk["streak"], walk["best"], walk["progress"]) == (1, 1, [0, 2])
    assert alex.check("Walk together", US, sunday) is not None  # the ticks themselves stay
    shown = json.loads(alex.rekindle(alex.config, "settings", "--json", LC_TIME="de_DE").ok())
    assert shown == {
        "week_start": "sunday",
        "week_start_chosen": True,
        "locale_week_start": "monday",
        "reminders": ReminderPrefs().to_data(),
    }
    assert "as you chose" in alex.ok("settings")


def test_only_monday_or_sunday(alex: Setup) -> None:
    ran = alex.run("settings", "--week-start", "friday")
    assert ran.code == 2
    assert "monday" in ran.err and "sunday" in ran.err
