"""`rekindle tick | status | habits`, run as a person would run them (in this process, through
the same `main` as the installed command; tests/cli/test_runners.py shows the two agree)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunHere
from tests.rekindle_cli import Ran, run_command
from tracker.domain.content.starter import STARTER_HABITS
from tracker.domain.days import person_today
from tracker.domain.models import US, Check, Habit, Owner, Person
from tracker.store.couple import Couple
from tracker.store.identity import load_config

LONDON = Person("a", "Alex", "Europe/London", 4)
STARTERS = (
    "phone-free-dinner",
    "phone-time-in-bed",
    "ask-about-their-day",
    "specific-thank-you",
)
TITLES = ("Phone-free dinner", "Phone time in bed", "Ask about their day", "One specific thank-you")


def london_today() -> date:
    """Today as `tick` and `status` work it out for Alex."""
    return person_today(LONDON, datetime.now(UTC))


def last_weekday(day: date) -> date:
    """``day``, or the Friday before it if it falls on a weekend."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


@dataclass
class Setup:
    config: Path
    data: Path
    today: date
    start: date
    rekindle: RunHere  # `rekindle ARGS` in this process (tests/conftest.py)

    def run(self, *args: str) -> Ran:
        return self.rekindle(self.config, *args)

    def ok(self, *args: str) -> str:
        return self.run(*args).ok()

    def refused(self, *args: str) -> str:
        """Exit 1 and one sentence on stderr, never a traceback or a crash note."""
        return self.run(*args).refused()

    def status(self, day: date | None = None) -> dict[str, Any]:
        args = ["status", "--json"] + (["--date", day.isoformat()] if day else [])
        return json.loads(self.ok(*args))

    def couple(self) -> Couple:
        config = load_config()
        assert config is not None
        return Couple.open(config)

    def habit(self, title: str) -> Habit:
        (habit,) = [h for h in self.couple().habits() if h.title == title]
        return habit

    def check(self, title: str, person: str, day: date) -> Check | None:
        return self.couple().check(self.habit(title).id, person, day)


def row(data: dict[str, Any], who: str, title: str) -> dict[str, Any]:
    rows = data["together"] if who == US else data["people"][who]["habits"]
    (found,) = [r for r in rows if r["habit"] == title]
    return found


# --- tick: finding the habit ------------------------------------------------------------


def test_tick_by_part_of_a_name_is_met_for_me(alex: Setup) -> None:
    day = last_weekday(alex.today)
    out = alex.ok("tick", "ask about", "--date", day.isoformat())
    assert f"Ticked “Ask about their day” for Alex on {day}." in out
    data = alex.status(day)
    mine = row(data, "a", "Ask about their day")
    assert (mine["person"], mine["state"]) == ("a", "met")
    assert row(data, "b", "Ask about their day")["state"] != "met"


def test_tick_without_a_date_is_today(alex: Setup) -> None:
    out = alex.ok("tick", "ask about")
    assert f"on {alex.today}." in out
    assert alex.check("Ask about their day", "a", alex.today) is not None
    expected = "met" if alex.today.weekday() < 5 else "not due"
    assert row(alex.status(), "a", "Ask about their day")["state"] == expected


def test_tick_of_a_daily_habit_today_shows_met_in_status(alex: Setup) -> None:
    alex.ok("tick", "specific thank")
    data = alex.status()
    assert data["day"] == alex.today.isoformat()
    assert row(data, "a", "One specific thank-you")["state"] == "met"
    assert row(data, "b", "One specific thank-you")["state"] == "pending"


def test_ambiguous_name_names_both_habits(alex: Setup) -> None:
    message = alex.refused("tick", "phone")
    assert "matches more than one habit" in message
    assert "Phone-free dinner" in message
    assert "Phone time in bed" in message
    assert alex.couple().checks_by() == {}


def test_unknown_habit_is_a_clear_error(alex: Setup) -> None:
    message = alex.refused("tick", "no such")
    assert "No habit called “no such”" in message
    assert "rekindle habits" in message


def test_a_mistyped_habit_is_offered_back(alex: Setup) -> None:
    message = alex.refused("tick", "phone free diner")
    assert (
        message == "rekindle: No habit called “phone free diner”. Did you mean “Phone-free dinner”?"
    )
    assert alex.couple().checks_by() == {}


def test_a_habit_is_found_whatever_its_punctuation(alex: Setup) -> None:
    alex.ok("tick", "PHONE FREE DINNER")
    assert alex.couple().checks_by() != {}


def test_empty_habit_name_is_a_clear_error(alex: Setup) -> None:
    assert "Say which habit" in alex.refused("tick", "   ")


# --- tick: measurable values -----------------------------------------------------------------


def test_measurable_without_value_asks_for_value(alex: Setup) -> None:
    message = alex.refused("tick", "phone time")
    assert "--value" in message
    assert "minutes" in message
    assert alex.check("Phone time in bed", "a", alex.today) is None


@pytest.mark.parametrize(
    ("value", "phrase"), [("abc", "is not a number"), ("-1", "below zero"), ("nan", "count")]
)
def test_bad_value_is_refused_and_nothing_is_saved(alex: Setup, value: str, phrase: str) -> None:
    message = alex.refused("tick", "phone time", f"--value={value}")
    assert phrase in message
    assert alex.check("Phone time in bed", "a", alex.today) is None
    mine = row(alex.status(), "a", "Phone time in bed")
    assert mine["state"] != "met"
    assert mine["value"] is None


def test_value_within_an_at_most_limit_is_met(alex: Setup) -> None:
    out = alex.ok("tick", "phone time", "--value", "5")
    assert "(5 minutes)" in out
    mine = row(alex.status(), "a", "Phone time in bed")
    assert (mine["state"], mine["value"]) == ("met", 5.0)


def test_value_over_an_at_most_limit_is_logged_but_not_met(alex: Setup) -> None:
    alex.ok("tick", "phone time", "--value", "50")
    mine = row(alex.status(), "a", "Phone time in bed")
    assert (mine["state"], mine["value"]) == ("pending", 50.0)
    saved = alex.check("Phone time in bed", "a", alex.today)
    assert saved is not None and saved.value == 50.0


def test_value_over_the_limit_yesterday_is_logged_not_met(alex: Setup) -> None:
    yesterday = alex.today - timedelta(days=1)
    alex.ok("tick", "phone time", "--value", "50", "--date", "yesterday")
    mine = row(alex.status(yesterday), "a", "Phone time in bed")
    assert mine["state"] != "met"
    assert mine["value"] == 50.0
    # A met day ends a streak's count; yesterday's 50 minutes must not extend one.
    assert mine["streak"] == 0


def test_value_on_a_yes_no_habit_is_refused(alex: Setup) -> None:
    assert "leave out --value" in alex.refused("tick", "specific thank", "--value", "3")


# --- tick: together, dates, undo, skip, partner ----------------------------------------------


def test_together_habit_is_filed_under_us(alex: Setup) -> None:
    out = alex.ok("tick", "phone-free")
    assert "for Together" in out
    assert alex.check("Phone-free dinner", US, alex.today) is not None
    assert alex.check("Phone-free dinner", "a", alex.today) is None
    data = alex.status()
    dinner = row(data, US, "Phone-free dinner")
    assert (dinner["person"], dinner["state"], dinner["progress"][0]) == ("us", "met", 1)
    for who in ("a", "b"):
        assert "Phone-free dinner" not in [r["habit"] for r in data["people"][who]["habits"]]


def test_yesterday(alex: Setup) -> None:
    yesterday = alex.today - timedelta(days=1)
    out = alex.ok("tick", "specific thank", "--date", "yesterday")
    assert f"on {yesterday}." in out
    assert alex.check("One specific thank-you", "a", yesterday) is not None
    assert alex.check("One specific thank-you", "a", alex.today) is None
    assert row(alex.status(yesterday), "a", "One specific thank-you")["state"] == "met"


def test_iso_date(alex: Setup) -> None:
    day = alex.today - timedelta(days=3)
    alex.ok("tick", "specific thank", "--date", day.isoformat())
    assert alex.check("One specific thank-you", "a", day) is not None
    assert row(alex.status(day), "a", "One specific thank-you")["state"] == "met"
    # The days either side stay unticked.
    for other in (day - timedelta(days=1), day + timedelta(days=1)):
        assert row(alex.status(other), "a", "One specific thank-you")["state"] != "met"
        assert alex.check("One specific thank-you", "a", other) is None


def test_future_date_is_refused(alex: Setup) -> None:
    tomorrow = alex.today + timedelta(days=1)
    message = alex.refused("tick", "specific thank", "--date", tomorrow.isoformat())
    assert "hasn't happened yet" in message
    assert alex.check("One specific thank-you", "a", tomorrow) is None


@pytest.mark.parametrize("typed", ["2026-02-30", "next week", "30/01/2026"])
def test_impossible_date_is_refused(alex: Setup, typed: str) -> None:
    message = alex.refused("tick", "specific thank", "--date", typed)
    assert f"“{typed}” is not a date" in message
    assert "YYYY-MM-DD" in message
    assert alex.couple().checks_by() == {}


def test_date_before_the_habit_started_is_refused(alex: Setup) -> None:
    before = alex.start - timedelta(days=1)
    message = alex.refused("tick", "specific thank", "--date", before.isoformat())
    assert f"started on {alex.start}" in message


def test_status_for_an_impossible_date_is_refused(alex: Setup) -> None:
    assert "is not a date" in alex.refused("status", "--date", "2026-02-30")


def test_undo_takes_the_tick_back(alex: Setup) -> None:
    alex.ok("tick", "specific thank")
    assert row(alex.status(), "a", "One specific thank-you")["state"] == "met"
    out = alex.ok("tick", "specific thank", "--undo")
    assert "Took back “One specific thank-you”" in out
    assert alex.check("One specific thank-you", "a", alex.today) is None
    assert row(alex.status(), "a", "One specific thank-you")["state"] == "pending"
    # Once more: nothing left to take back, and that is not an error.
    assert "Nothing to take back" in alex.ok("tick", "specific thank", "--undo")


def test_skip(alex: Setup) -> None:
    out = alex.ok("tick", "specific thank", "--skip")
    assert "Skipped “One specific thank-you”" in out
    assert row(alex.status(), "a", "One specific thank-you")["state"] == "skipped"


def test_skip_of_a_measurable_habit_needs_no_value(alex: Setup) -> None:
    alex.ok("tick", "phone time", "--skip")
    mine = row(alex.status(), "a", "Phone time in bed")
    assert (mine["state"], mine["value"]) == ("skipped", None)


def test_tick_for_my_partner(alex: Setup) -> None:
    out = alex.ok("tick", "specific thank", "--for", "b")
    assert "for Sam" in out
    data = alex.status()
    assert row(data, "b", "One specific thank-you")["state"] == "met"
    assert row(data, "a", "One specific thank-you")["state"] == "pending"
    assert alex.check("One specific thank-you", "b", alex.today) is not None


def test_note_is_saved_without_control_characters(alex: Setup) -> None:
    alex.ok("tick", "specific thank", "--note", "for the \x1b[31mbins\x07 💛")
    assert row(alex.status(), "a", "One specific thank-you")["note"] == "for the [31mbins 💛"


def test_together_streak_in_status(alex: Setup) -> None:
    yesterday = alex.today - timedelta(days=1)
    for who in ("a", "b"):
        alex.ok("tick", "specific thank", "--date", "yesterday", "--for", who)
    data = alex.status()
    assert data["together_streak"] == 1
    text = alex.ok("status")
    assert "together streak 1 day" in text
    assert "together streak 1 days" not in text
    assert alex.status(yesterday)["together_streak"] == 1


# --- habits -------------------------------------------------------------------------------------


def test_habits_lists_titles(alex: Setup) -> None:
    out = alex.ok("habits")
    lines = out.splitlines()
    assert len(lines) == 4
    for title in TITLES:
        assert any(line.startswith(f"{title}  ·  ") for line in lines), title
    assert "together · 4× a week" in out
    assert "each of us · Mon, Tue, Wed, Thu, Fri" in out


def test_habits_starters_needs_no_config(tmp_path: Path, rekindle_here: RunHere) -> None:
    config = tmp_path / "never-set-up"
    result = rekindle_here(config, "habits", "--starters")
    assert result.code == 0, result.err
    keys = [line.split()[0] for line in result.out.splitlines()]
    assert keys == [s.key for s in STARTER_HABITS]
    assert set(STARTERS) <= set(keys)
    assert not (config / "config.toml").exists()


def test_habits_without_config_says_how_to_set_up(tmp_path: Path, rekindle_here: RunHere) -> None:
    result = rekindle_here(tmp_path / "never-set-up", "habits")
    assert result.code == 1
    assert "rekindle init" in result.err
    assert "Traceback" not in result.err


def test_habits_json_parses(alex: Setup) -> None:
    listed = json.loads(alex.ok("habits", "--json"))
    assert sorted(h["title"] for h in listed) == sorted(TITLES)
    by_title = {h["title"]: h for h in listed}
    assert by_title["Phone-free dinner"]["owner"] == "together"
    assert by_title["Phone-free dinner"]["schedule"]["times"] == 4
    assert by_title["Phone time in bed"]["direction"] == "at most"
    assert by_title["Phone time in bed"]["target"] == 10
    assert all(h["id"].startswith("habit:") for h in listed)
    assert all(h["start"] == alex.start.isoformat() for h in listed)


def test_init_from_the_command_line_then_tick(tmp_path: Path, rekindle_here: RunHere) -> None:
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    starters = [arg for key in STARTERS for arg in ("--starter", key)]
    init = rekindle_here(
        config,
        "init",
        "--data",
        str(data),
        "--name",
        "Alex",
        "--partner-name",
        "Sam",
        "--tz",
        "Europe/London",
        *starters,
    )
    assert init.code == 0, init.err
    assert "Set up Alex & Sam" in init.out
    listed = rekindle_here(config, "habits", "--json")
    assert sorted(h["title"] for h in json.loads(listed.out)) == sorted(TITLES)
    yesterday = london_today() - timedelta(days=1)
    # The habits begin on the day of set-up: yesterday is before that.
    early = rekindle_here(config, "tick", "specific thank", "--date", yesterday.isoformat())
    assert early.code == 1
    assert "started on" in early.err


def test_habits_from_init_can_be_ticked_today_in_my_own_time_zone(tmp_path: Path) -> None:
    # A real process: the machine's own time zone (TZ) is the point, and a process reads it
    # once, as it starts.
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    # The computer's clock runs 14 hours ahead of UTC; Alex lives 11 hours behind it,
    # with the day starting at 4 am: the computer's date is always a day or two
    # later than Alex's, like a London laptop at 1 am.
    machine = {"TZ": "XST-14"}
    init = run_command(
        config,
        "init",
        "--data",
        str(data),
        "--name",
        "Alex",
        "--partner-name",
        "Sam",
        "--tz",
        "Pacific/Pago_Pago",
        "--starter",
        "specific-thank-you",
        **machine,
    )
    assert init.code == 0, init.err
    tick = run_command(config, "tick", "specific thank", **machine)
    assert tick.code == 0, tick.err


# --- what people typed never reaches the terminal raw ----------------------------------------

EVIL = "Evil\x1b[2J title\x07"
EVIL_TOO = "Evil\x1b]0;pwned\x07 twin\x9b"


@pytest.fixture
def evil(alex: Setup) -> Setup:
    couple = alex.couple()
    for order, title in enumerate((EVIL, EVIL_TOO), start=10):
        couple.save_habit(
            Habit(Couple.new_habit_id(), title, owner=Owner.EACH, start=alex.start, order=order)
        )
    couple.store.close()
    return alex


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("status", "--json"),
        ("habits",),
        ("habits", "--json"),
        ("tick", "evil\x1b[2J title"),
        ("tick", "evil"),  # ambiguous: the error lists both titles
    ],
    ids=["status", "status-json", "habits", "habits-json", "tick", "tick-ambiguous"],
)
def test_escape_in_a_title_is_never_printed_raw(evil: Setup, args: tuple[str, ...]) -> None:
    result = evil.run(*args)
    assert b"Traceback" not in result.stderr
    for stream in (result.stdout, result.stderr):
        assert b"\x1b" not in stream
        assert b"\x07" not in stream
        assert "\x9b".encode() not in stream
    shown = (result.stdout + result.stderr).decode()
    assert "Evil" in shown


def test_escape_in_a_title_shows_as_a_picture(evil: Setup) -> None:
    out = evil.ok("habits")
    assert "Evil␛[2J title␇  ·  " in out
    assert "Evil␛]0;pwned␇ twin\ufffd" in out
    status = evil.ok("status")
    assert "Evil␛[2J title␇" in status


def test_escape_in_a_title_round_trips_through_json(evil: Setup) -> None:
    titles = {h["title"] for h in json.loads(evil.ok("habits", "--json"))}
    assert {EVIL, EVIL_TOO} <= titles
    rows = [r["habit"] for r in evil.status()["people"]["a"]["habits"]]
    assert EVIL in rows
