"""Where a person sets their reminders from a script: `rekindle settings --habits-at …
--quiet … --talk-before … --checkin …`, and a habit's own time with `habit add|edit
--remind`. Each value is read back from the store; a bad one is one sentence, exit 1, and
nothing saved; a damaged reminders record never stops `rekindle settings`."""

from __future__ import annotations

import json
from datetime import time

import pytest

from tests.cli.test_habit_cmds import Setup
from tests.store.unfit_cases import Bad, plant
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.reminder_prefs import reminder_prefs
from tracker.store.settings import setting_id

MINE = setting_id("a", "reminders")


def prefs(alex: Setup) -> ReminderPrefs:
    couple = alex.couple()
    try:
        return reminder_prefs(couple)
    finally:
        couple.store.close()


def test_until_chosen_the_defaults_are_said_and_shown(alex: Setup) -> None:
    said = alex.ok("settings")
    assert "Your reminders (yours alone): habits still open from 20:00" in said
    assert "talks 60 minutes before they start" in said
    assert "the weekly check-in on Sunday 19:00; quiet hours 22:00–08:00." in said
    shown = json.loads(alex.ok("settings", "--json"))
    assert shown["reminders"] == ReminderPrefs().to_data()
    assert alex.couple().record(MINE) is None  # only read: nothing written


@pytest.mark.parametrize(
    ("flag", "typed", "field", "value"),
    [
        ("--habits-at", "8:45pm", "habits_at", time(20, 45)),
        ("--quiet", "23:00-07:30", "quiet_from", time(23, 0)),
        ("--quiet", "none", "quiet_from", None),
        ("--talk-before", "15", "talk_before", 15),
        ("--checkin", "wed 18:30", "checkin_day", 2),
        ("--checkin", "Wednesday 6.30pm", "checkin_at", time(18, 30)),
    ],
)
def test_each_flag_is_saved(alex: Setup, flag: str, typed: str, field: str, value: object) -> None:
    said = alex.ok("settings", flag, typed)
    assert "Your reminders now (yours alone)" in said
    assert getattr(prefs(alex), field) == value
    untouched = {name for name in ("habits_at", "talk_before") if name != field}
    for name in untouched:  # the others keep what they were
        assert getattr(prefs(alex), name) == getattr(ReminderPrefs(), name)
    assert json.loads(alex.ok("settings", "--json"))["reminders"] == prefs(alex).to_data()


def test_all_at_once_in_words(alex: Setup) -> None:
    said = alex.ok(
        "settings",
        "--habits-at",
        "19:15",
        "--quiet",
        "none",
        "--talk-before",
        "1",
        "--checkin",
        "sat 10:00",
    )
    assert (
        "habits still open from 19:15 unless one has its own time, talks 1 minute before they "
        "start, the weekly check-in on Saturday 10:00; no quiet hours."
    ) in said
    assert prefs(alex) == ReminderPrefs(time(19, 15), None, None, 1, 5, time(10, 0))
    assert "talks as they start" in alex.ok("settings", "--talk-before", "0")


@pytest.mark.parametrize(
    ("flag", "typed", "sentence"),
    [
        ("--habits-at", "25:00", "“25:00” isn't a time of day"),
        ("--habits-at", "7pm-ish", "“7pm-ish” isn't a time of day"),
        ("--quiet", "22:00-22:00", "need to end at a different time"),
        ("--quiet", "late", "isn't a stretch of time"),
        ("--checkin", "funday 19:00", "“funday” is not a day of the week"),
        ("--checkin", "sun", "Say a day and a time"),
        ("--checkin", "sun 25:00", "“25:00” isn't a time of day"),
        ("--talk-before", "-5", "Pick 0 to 1440 minutes"),
        ("--talk-before", "soon", "“soon” is not a number of minutes"),
    ],
)
def test_a_bad_value_saves_nothing(alex: Setup, flag: str, typed: str, sentence: str) -> None:
    # Alongside a good value and the week's start: neither is saved either.
    good = ("--habits-at", "19:00") if flag != "--habits-at" else ("--talk-before", "30")
    said = alex.refused("settings", "--week-start", "sunday", *good, flag, typed)
    assert sentence in said
    couple = alex.couple()
    assert couple.record(MINE) is None
    assert couple.record(setting_id("us", "week-start")) is None


def test_quiet_hours_over_a_habits_own_time_are_kept_and_named(alex: Setup) -> None:
    alex.ok("habit", "add", "Morning hug", "--remind", "08:45")
    alex.ok("habit", "add", "Coffee in bed", "--remind", "09:00", "--owner", "together")
    alex.ok("habit", "add", "Sam's stretch", "--remind", "09:30", "--owner", "partner")
    said = alex.ok("settings", "--quiet", "06:00-10:00")
    assert prefs(alex).quiet_from == time(6, 0)  # allowed: the habits just stay quiet
    (line,) = [line for line in said.splitlines() if "Morning hug" in line]
    assert line == (
        "“Morning hug” (08:45) and “Coffee in bed” (09:00) fall inside your quiet hours, "
        "so they stay quiet until you give them another time."
    )
    assert "Sam's stretch" not in said  # Sam's alone: Alex's quiet hours don't touch it
    assert "inside your quiet hours" not in alex.ok("settings", "--quiet", "none")


def test_a_damaged_reminders_record_never_stops_settings(alex: Setup) -> None:
    """Hand-edited: each value that does not fit takes its default, the rest stand."""
    damaged = {
        "habits_at": "7pm-ish",
        "quiet_from": "23:00",
        "quiet_to": 5,
        "talk_before": "lots",
        "checkin_day": "wednesday",
        "checkin_at": "18:30",
    }
    for record_id in (MINE, setting_id("b", "reminders")):
        plant(alex.data, Bad("reminders", "setting", record_id, damaged, "", ""))
    shown = json.loads(alex.ok("settings", "--json"))["reminders"]
    assert shown == {**ReminderPrefs().to_data(), "checkin_day": "wednesday", "checkin_at": "18:30"}
    assert "the weekly check-in on Wednesday 18:30" in alex.ok("settings")
    alex.ok("settings", "--talk-before", "20")  # and changing one value saves a whole record
    assert prefs(alex) == ReminderPrefs(talk_before=20, checkin_day=2, checkin_at=time(18, 30))
