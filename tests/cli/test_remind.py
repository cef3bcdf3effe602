"""`rekindle remind`: what is due for me now, in words, as JSON, in one short line, and as
one notification a day per thing (printed where no notification service answers)."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from tests.cli.test_habit_cmds import Setup
from tests.dbus_session import NotificationService
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.reminder_prefs import put_reminder_prefs

NO_BUS = {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent/rekindle-test-bus"}


def open_titles(alex: Setup) -> list[str]:
    """What `status` says is still to do today for Alex, and for the two of them."""
    status = alex.status()
    mine = [r["habit"] for r in status["people"]["a"]["habits"] if r["state"] == "pending"]
    ours = [r["habit"] for r in status["together"] if r["state"] == "pending"]
    question = [] if answered_today(alex) else ["Today's question is waiting for you"]
    return (
        question
        + [f"Still open today: {t}" for t in mine]
        + [f"Still open today, together: {t}" for t in ours]
    )


def answered_today(alex: Setup) -> bool:
    return json.loads(alex.ok("question", "--json"))["mine"] is not None


def set_prefs(alex: Setup, prefs: ReminderPrefs) -> None:
    couple = alex.couple()
    put_reminder_prefs(couple, prefs)
    couple.store.close()


def test_it_lists_what_is_open_and_says_nothing_once_all_is_done(alex: Setup) -> None:
    expected = open_titles(alex)
    assert expected, "the starters leave something open today"
    assert alex.ok("remind").splitlines() == expected
    shown = json.loads(alex.ok("remind", "--json"))
    assert [item["text"] for item in shown["items"]] == expected
    assert [item["kind"] for item in shown["items"]] == ["question"] + ["habit"] * (
        len(expected) - 1
    )
    line = alex.ok("remind", "--oneline").strip()
    assert line == f"♥ question · {len(expected) - 1} open"

    habits = {h.title: h for h in alex.couple().habits()}
    status = alex.status()
    for rows in (status["people"]["a"]["habits"], status["together"]):
        for row in rows:
            if row["state"] == "pending":
                habit = habits[row["habit"]]  # one that counts meets its goal
                value = ["--value", f"{habit.target:g}"] if habit.measurable else []
                alex.ok("tick", row["habit"], *value)
    alex.ok("question", "--answer", "The walk by the river")
    assert open_titles(alex) == []
    for shape in ((), ("--oneline",), ("--notify",)):
        ran = alex.run("remind", *shape)
        assert (ran.code, ran.stdout, ran.stderr) == (0, b"", b"")
    assert json.loads(alex.ok("remind", "--json"))["items"] == []


def test_each_thing_is_notified_once_a_day(alex: Setup) -> None:
    # The usual time at the day's start: every open habit's time has come, whatever the hour.
    set_prefs(alex, ReminderPrefs(habits_at=time(4, 0), quiet_from=None, quiet_to=None))
    expected = open_titles(alex)
    assert all(item["notify"] for item in json.loads(alex.ok("remind", "--json"))["items"])

    first = alex.rekindle(alex.config, "remind", "--notify", **NO_BUS)
    assert first.code == 0
    said = first.stderr.decode()
    assert said.count("\n") == 1 and said.startswith("rekindle: ")
    assert "Here it is instead" in said
    printed = first.stdout.decode().splitlines()
    if len(expected) == 1:
        assert printed == ["Rekindle", expected[0]]
    else:
        assert printed[0] == f"Rekindle: {len(expected)} things for you"
        assert printed[1:] == [f"• {text}" for text in expected[:6]] + (
            [f"…and {len(expected) - 6} more: rekindle remind"] if len(expected) > 6 else []
        )

    again = alex.rekindle(alex.config, "remind", "--notify", **NO_BUS)
    assert (again.code, again.stdout, again.stderr) == (0, b"", b"")
    shown = json.loads(alex.ok("remind", "--json"))
    assert [item["notify"] for item in shown["items"]] == [False] * len(expected)
    assert alex.ok("remind").splitlines() == expected  # asked directly, it still lists them


def test_quiet_hours_send_nothing(alex: Setup) -> None:
    # Quiet from an hour ago to an hour from now, on Alex's London clock.
    local = datetime.now(ZoneInfo("Europe/London"))
    edges = [(local + timedelta(hours=h)).time().replace(second=0, microsecond=0) for h in (-1, 1)]
    set_prefs(alex, ReminderPrefs(habits_at=time(4, 0), quiet_from=edges[0], quiet_to=edges[1]))
    shown = json.loads(alex.ok("remind", "--json"))
    assert shown["quiet"] is True
    assert shown["items"] and not any(item["notify"] for item in shown["items"])
    ran = alex.rekindle(alex.config, "remind", "--notify", **NO_BUS)
    assert (ran.code, ran.stdout, ran.stderr) == (0, b"", b"")


def test_a_time_zone_this_computer_does_not_know_is_said_and_utc_used(alex: Setup) -> None:
    couple = alex.couple()
    me = couple.person(couple.me)
    couple.save_person(msgspec.structs.replace(me, tz="Mars/Olympus_Mons"))
    couple.store.close()
    ran = alex.run("remind")
    assert ran.code == 0
    assert ran.stderr.decode().splitlines() == [
        "rekindle: Your time zone “Mars/Olympus_Mons” isn't one this computer knows, so "
        "reminders follow UTC for now; set yours in Settings."
    ]


@pytest.mark.dbus
def test_one_notification_reaches_the_desktop_service(
    alex: Setup, notification_service: NotificationService
) -> None:
    """A real session bus, a real notification service on it: one notification, listing
    every thing come due, then nothing more that day."""
    set_prefs(alex, ReminderPrefs(habits_at=time(4, 0), quiet_from=None, quiet_to=None))
    alex.ok("habit", "add", "Hug <b>hello</b> & wave")  # reaches the person as typed
    expected = open_titles(alex)
    assert len(expected) >= 2

    sent = alex.rekindle(alex.config, "remind", "--notify", **notification_service.variables)
    assert (sent.code, sent.stdout, sent.stderr) == (0, b"", b"")
    [shown] = notification_service.received()
    assert shown.app_name == "Rekindle"
    assert shown.summary == f"Rekindle: {len(expected)} things for you"
    lines = shown.seen_body.splitlines()
    assert lines[: min(len(expected), 6)] == [f"• {text}" for text in expected[:6]]
    assert "• Still open today: Hug <b>hello</b> & wave" in lines or len(expected) > 6

    again = alex.rekindle(alex.config, "remind", "--notify", **notification_service.variables)
    assert (again.code, again.stdout, again.stderr) == (0, b"", b"")
    assert len(notification_service.received()) == 1
