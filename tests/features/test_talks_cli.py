"""`rekindle prompt` and `rekindle talk …`, run as people run them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Couples, RunHere
from tracker.domain.content.prompts import PROMPTS
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.domain.talks.model import plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.identity import load_config

LONDON = Person("a", "Alex", "Europe/London", 4)
TEXTS = {p.text for p in PROMPTS}


@dataclass
class Alex:
    config: Path
    today: date
    rekindle: RunHere  # in this process, through the installed command's own `main`

    def ok(self, *args: str) -> str:
        return self.rekindle(self.config, *args).ok()

    def refused(self, *args: str) -> str:
        """Exit 1 and one sentence, never a traceback."""
        return self.rekindle(self.config, *args).refused()

    def listing(self) -> dict[str, Any]:
        return json.loads(self.ok("talk", "list", "--json"))

    def couple(self) -> Couple:
        config = load_config()
        assert config is not None
        return Couple.open(config)


@pytest.fixture
def alex(couples: Couples, rekindle_here: RunHere) -> Alex:
    couples.create(data="Rekindle").store.close()
    today = person_today(LONDON, datetime.now(UTC))
    return Alex(couples.tmp_path / "config", today, rekindle_here)


def test_a_weekly_sunday_talk_is_planned_and_listed(alex: Alex) -> None:
    out = alex.ok(
        "talk",
        "add",
        "--title",
        "Sunday talk",
        "--every",
        "week",
        "--day",
        "sunday",
        "--at",
        "20:00",
        "--minutes",
        "45",
    )
    assert "Every Sunday at 20:00 for 45 min" in out
    data = alex.listing()
    (slot,) = data["slots"]
    assert (slot["title"], slot["rrule"], slot["tz"]) == (
        "Sunday talk",
        "FREQ=WEEKLY;BYDAY=SU",
        "Europe/London",
    )
    first = datetime.fromisoformat(data["upcoming"][0]["local"])
    assert (first.weekday(), first.hour, first.minute) == (6, 20, 0)
    assert 0 <= (first.date() - alex.today).days <= 7
    assert "Sunday talk" in alex.ok("talk", "list")


def test_every_other_week_and_month_ends_from_the_command_line(alex: Alex) -> None:
    alex.ok("talk", "add", "--every", "2weeks", "--day", "wed", "--at", "7pm")
    alex.ok("talk", "add", "--every", "month", "--day", "31", "--at", "19:30")
    rules = sorted(s["rrule"] for s in alex.listing()["slots"])
    assert rules == [
        "FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--every", "0weeks", "--day", "sunday"], "never comes round"),
        (["--every", "every 0 weeks"], "never comes round"),
        (["--every", "once", "--day", "2027-02-30"], "February 2027 has no 30th"),
        (["--every", "once", "--day", "2020-01-01"], "has already gone"),
        (["--every", "once"], "Say which day"),
        (["--at", "25:00"], "isn't a time of day"),
        (["--minutes", "0"], "5 to 480 minutes"),
        (["--day", "someday"], "not a day of the week"),
        (["--every", "month", "--day", "32"], "days 1 to 31"),
        (["--tz", "Mars/Base"], "isn't a time zone we know"),
        (["--title", "x" * 61], "60 characters"),
    ],
)
def test_impossible_slots_are_refused_and_nothing_is_saved(
    alex: Alex, args: list[str], message: str
) -> None:
    assert message in alex.refused("talk", "add", *args)
    assert alex.listing()["slots"] == []


def test_prompt_prints_one_of_ours_and_follows_the_filters(alex: Alex) -> None:
    first = alex.ok("prompt").splitlines()[0]
    assert first in TEXTS
    data = json.loads(alex.ok("prompt", "--theme", "repair", "--depth", "deep", "--json"))
    assert data["key"].startswith("repair-") and data["depth"] == "deep"
    again = json.loads(alex.ok("prompt", "--theme", "repair", "--depth", "deep", "--json"))
    assert again["key"] != data["key"]  # just used: not drawn again within eight weeks
    assert "isn't one of our themes" in alex.refused("prompt", "--theme", "gossip")
    assert "isn't a depth" in alex.refused("prompt", "--depth", "bottomless")


def test_a_talk_is_logged_with_notes_follow_ups_and_a_promise(alex: Alex) -> None:
    out = alex.ok(
        "talk",
        "log",
        "--topic",
        "[bold]Money[/bold]",
        "--heard",
        "Work is heavy\x1b[31m",
        "--agreed",
        "A budget night",
        "--followup",
        "Look at the budget",
        "--promise",
        "Cook on Friday",
    )
    assert "Logged an unplanned talk" in out and "1 promise to Sam" in out
    couple = alex.couple()
    (entry,) = talks.log(couple)
    note = entry.notes["a"]
    assert (note.topic, note.heard, note.agreed) == (
        "[bold]Money[/bold]",
        "Work is heavy[31m",
        "A budget night",
    )
    assert sorted(f.text for f in entry.followups) == ["Cook on Friday", "Look at the budget"]
    (promise,) = couple.records("promise")
    assert promise.data["text"] == "Cook on Friday"
    assert (promise.data["by"], promise.data["to"], promise.data["status"]) == ("a", "b", "open")
    assert promise.data["due"] == (alex.today + timedelta(days=7)).isoformat()


def test_a_talk_planned_for_that_day_is_the_one_logged(alex: Alex) -> None:
    # A weekly slot that began three weeks ago, on today's weekday.
    began = alex.today - timedelta(weeks=3)
    couple = alex.couple()
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        "Our weekly",
        Repeat(Freq.WEEKLY),
        began,
        time(20),
        45,
        "Europe/London",
        datetime(2000, 1, 1, tzinfo=UTC),
    )
    talks.save_slot(couple, slot, "Planned")
    couple.store.close()
    last_week = (alex.today - timedelta(weeks=1)).isoformat()
    assert "Logged “Our weekly”" in alex.ok("talk", "log", "--date", last_week, "--topic", "Plans")
    (entry,) = talks.log(alex.couple())
    assert (entry.title, entry.day.isoformat()) == ("Our weekly", last_week)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--topic", "   "], "--topic is empty"),
        (["--followup", ""], "--followup is empty"),
        (["--heard", "x" * 2001], "2,000 characters"),
        (["--topic", "y" * 201], "200 characters"),
        (["--date", "2099-01-01"], "hasn't happened yet"),
        (["--date", "2026-02-30"], "February 2026 has no 30th"),
        (["--prompt", "no-such-prompt"], "No prompt"),
        (["--promise", "Call mum", "--due", "2020-01-01"], "already gone"),
    ],
)
def test_a_bad_log_is_refused_and_saves_nothing(alex: Alex, args: list[str], message: str) -> None:
    assert message in alex.refused("talk", "log", *args)
    couple = alex.couple()
    assert talks.log(couple) == [] and couple.records("promise") == []


def test_skip_move_and_end_from_the_command_line(alex: Alex) -> None:
    alex.ok("talk", "add", "--title", "Sunday talk", "--day", "sunday", "--at", "20:00")
    coming = [datetime.fromisoformat(m["local"]) for m in alex.listing()["upcoming"]]
    first, second = coming[0].date(), coming[1].date()
    assert "Skipped" in alex.ok("talk", "skip", "--date", first.isoformat())
    moved_to = second + timedelta(days=1)
    alex.ok(
        "talk", "move", "--date", second.isoformat(), "--to", moved_to.isoformat(), "--at", "18:30"
    )
    upcoming = alex.listing()["upcoming"]
    assert first.isoformat() not in [m["local"][:10] for m in upcoming]
    assert upcoming[0]["local"] == f"{moved_to.isoformat()}T18:30" and upcoming[0]["moved"]
    past = (alex.today - timedelta(days=1)).isoformat()
    third = coming[2].date().isoformat()
    assert "already gone" in alex.refused("talk", "move", "--date", third, "--to", past)
    assert "No talk was planned" in alex.refused("talk", "skip", "--date", "2030-01-02")
    assert "Ended" in alex.ok("talk", "end", "sunday")
    assert alex.listing()["slots"] == []
    assert "No planned talk called" in alex.refused("talk", "end", "sunday")
