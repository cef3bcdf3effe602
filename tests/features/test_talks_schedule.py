"""When a couple talks: repeat rules, clock changes, month ends, and what people type."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.talks.model import Slot, is_over, plan_slot, same_series, slot_from_form
from tracker.domain.talks.schedule import (
    Freq,
    Repeat,
    aware,
    countdown,
    describe,
    occurrences,
    parse_clock,
    parse_date,
    parse_every,
    parse_minutes,
    parse_weekday,
    rule_for,
    with_until,
)

LONDON = "Europe/London"
WEEKLY = Repeat(Freq.WEEKLY)


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def sunday_slot() -> Slot:
    """Every Sunday at 20:00 in London, from 4 October 2026."""
    now = utc(2026, 10, 1)
    return plan_slot("talk:s", "Sunday talk", WEEKLY, date(2026, 10, 4), time(20), 45, LONDON, now)


# --- clock changes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "change", "after"),
    [
        # Clocks go back on 25 October 2026: 20:00 is 19:00 UTC before, 20:00 UTC after.
        (utc(2026, 10, 18, 19), utc(2026, 10, 25, 20), utc(2026, 11, 1, 20)),
        # Clocks go forward on 28 March 2027: 20:00 is 20:00 UTC before, 19:00 UTC after.
        (utc(2027, 3, 21, 20), utc(2027, 3, 28, 19), utc(2027, 4, 4, 19)),
    ],
)
def test_a_sunday_evening_talk_stays_at_eight_across_the_clock_change(
    before: datetime, change: datetime, after: datetime
) -> None:
    slot = sunday_slot()
    window = (before - timedelta(days=1), after + timedelta(days=1))
    since, until = (w.astimezone(ZoneInfo(LONDON)).replace(tzinfo=None) for w in window)
    found = [aware(o, LONDON) for o in occurrences(slot.rule, slot.start, LONDON, since, until)]
    assert found == [before, change, after]
    assert all(f.astimezone(ZoneInfo(LONDON)).time() == time(20) for f in found)


ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC"]


@settings(max_examples=60, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    first=st.dates(date(2026, 1, 1), date(2030, 12, 31)),
    hour=st.integers(4, 23),  # clear of every zone's DST gap
    minute=st.sampled_from([0, 15, 30, 45]),
    interval=st.integers(1, 4),
)
def test_weekly_talks_keep_their_weekday_and_wall_time_over_two_years(
    zone: str, first: date, hour: int, minute: int, interval: int
) -> None:
    now = aware(datetime.combine(first, time(0)), zone) - timedelta(days=1)
    repeat = Repeat(Freq.WEEKLY, interval)
    slot = plan_slot("talk:w", "", repeat, first, time(hour, minute), 30, zone, now)
    end = slot.start + timedelta(days=730)
    found = occurrences(slot.rule, slot.start, zone, slot.start, end)
    # The oracle: the first day, then every `interval` weeks, always at the same wall time.
    expected = [slot.start + timedelta(weeks=interval * k) for k in range(len(found) + 1)]
    assert found == [e for e in expected if e <= end]
    for when in found:
        local = aware(when, zone).astimezone(ZoneInfo(zone))
        assert (local.hour, local.minute) == (hour, minute)


@settings(max_examples=80, deadline=None)
@given(
    monthday=st.integers(1, 31),
    year=st.integers(2026, 2032),
    month=st.integers(1, 12),
)
def test_a_monthly_talk_falls_once_a_month_on_its_day_or_the_last_day(
    monthday: int, year: int, month: int
) -> None:
    now = aware(datetime(year, month, 1), LONDON) - timedelta(days=1)
    repeat = Repeat(Freq.MONTHLY)
    slot = plan_slot(
        "talk:m", "", repeat, date(year, month, 1), time(19, 30), 45, LONDON, now, monthday=monthday
    )
    found = occurrences(slot.rule, slot.start, LONDON, slot.start, slot.start + timedelta(days=800))
    months = [(f.year, f.month) for f in found]
    assert len(months) == len(set(months)) >= 25  # no month skipped, none twice
    for when in found:
        last = calendar.monthrange(when.year, when.month)[1]
        assert when.day == min(monthday, last)
        assert when.time() == time(19, 30)


def test_the_31st_each_month_lands_on_the_last_day_of_short_months() -> None:
    slot = plan_slot(
        "talk:m", "", Repeat(Freq.MONTHLY), date(2027, 1, 31), time(20), 45, LONDON, utc(2027, 1, 1)
    )
    found = occurrences(slot.rule, slot.start, LONDON, slot.start, datetime(2028, 3, 31, 23))
    assert [f.date() for f in found[:4]] == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
    ]
    assert date(2028, 2, 29) in [f.date() for f in found]  # a leap year's February
    assert describe(slot.rule, slot.start, LONDON, 45) == (
        "On the last day of every month at 20:00 for 45 min"
    )


def test_the_30th_keeps_the_30th_but_uses_february_s_last_day() -> None:
    rule = rule_for(Repeat(Freq.MONTHLY), date(2027, 1, 30))
    found = occurrences(
        rule, datetime(2027, 1, 30, 20), LONDON, datetime(2027, 1, 1), datetime(2027, 4, 1)
    )
    assert [f.date() for f in found] == [date(2027, 1, 30), date(2027, 2, 28), date(2027, 3, 30)]
    assert "the 30th (or the month's last day)" in describe(rule, found[0], LONDON, 45)


# --- planning ------------------------------------------------------------------------


def test_every_other_wednesday_starts_on_the_day_given_and_skips_a_week() -> None:
    slot = plan_slot(
        "talk:w",
        "Midweek",
        Repeat(Freq.WEEKLY, 2),
        date(2026, 12, 2),
        time(19),
        30,
        LONDON,
        utc(2026, 11, 25, 20),
    )
    assert slot.rule == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    found = occurrences(slot.rule, slot.start, LONDON, slot.start, datetime(2026, 12, 31))
    assert [f.day for f in found] == [2, 16, 30]
    assert (
        describe(slot.rule, slot.start, LONDON, 30) == "Every other Wednesday at 19:00 for 30 min"
    )


def test_a_repeat_whose_day_has_gone_starts_at_its_next_meeting() -> None:
    now = utc(2026, 11, 25, 20)  # a Wednesday evening
    slot = plan_slot("talk:s", "", WEEKLY, date(2026, 11, 1), time(20), 45, LONDON, now)
    assert slot.start == datetime(2026, 11, 29, 20)
    assert slot.title == "Our talk"


def test_a_one_off_in_the_past_is_refused_with_the_day_named() -> None:
    with pytest.raises(ValueError, match="Tuesday 24 November 2026 at 20:00 has already gone"):
        plan_slot(
            "talk:o",
            "",
            Repeat(Freq.ONCE),
            date(2026, 11, 24),
            time(20),
            45,
            LONDON,
            utc(2026, 11, 25, 20),
        )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (("week", "2027-02-30", "20:00", "45"), "February 2027 has no 30th"),
        (("week", "2027-13-01", "20:00", "45"), "no month 13"),
        (("0 weeks", "2026-12-06", "20:00", "45"), "never comes round"),
        (("every 0 weeks", "2026-12-06", "20:00", "45"), "never comes round"),
        (("53 weeks", "2026-12-06", "20:00", "45"), "at most 52 weeks"),
        (("13 months", "2026-12-06", "20:00", "45"), "at most 12 months"),
        (("daily", "2026-12-06", "20:00", "45"), "isn't a repeat we know"),
        (("week", "2026-12-06", "25:00", "45"), "isn't a time of day"),
        (("week", "2026-12-06", "20:00", "0"), "5 to 480 minutes"),
        (("week", "2026-12-06", "20:00", "lots"), "not a number of minutes"),
        (("week", "tomorrow-ish", "20:00", "45"), "is not a date"),
    ],
)
def test_impossible_slots_are_refused_in_one_sentence(
    fields: tuple[str, ...], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        slot_from_form("talk:x", "Talk", *fields, LONDON, utc(2026, 11, 25, 20))


def test_a_name_full_of_markup_and_controls_is_kept_as_text_but_defused() -> None:
    slot = slot_from_form(
        "talk:x",
        "[bold]Us[/bold]\x1b[31m",
        "week",
        "2026-12-06",
        "20:00",
        "45",
        LONDON,
        utc(2026, 11, 25, 20),
    )
    assert slot.title == "[bold]Us[/bold][31m"
    with pytest.raises(ValueError, match="60 characters"):
        slot_from_form(
            "talk:x", "x" * 61, "week", "2026-12-06", "20:00", "45", LONDON, utc(2026, 11, 25, 20)
        )


def test_an_unknown_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="isn't a time zone we know"):
        plan_slot(
            "talk:x", "", WEEKLY, date(2026, 12, 6), time(20), 45, "Mars/Olympus", utc(2026, 11, 25)
        )


@pytest.mark.parametrize(
    ("text", "repeat"),
    [
        ("week", Repeat(Freq.WEEKLY, 1)),
        ("weekly", Repeat(Freq.WEEKLY, 1)),
        ("2weeks", Repeat(Freq.WEEKLY, 2)),
        ("every other week", Repeat(Freq.WEEKLY, 2)),
        ("Fortnightly", Repeat(Freq.WEEKLY, 2)),
        ("3 weeks", Repeat(Freq.WEEKLY, 3)),
        ("month", Repeat(Freq.MONTHLY, 1)),
        ("every 2 months", Repeat(Freq.MONTHLY, 2)),
        ("once", Repeat(Freq.ONCE)),
        ("one-off", Repeat(Freq.ONCE)),
    ],
)
def test_how_often_can_be_said_several_ways(text: str, repeat: Repeat) -> None:
    assert parse_every(text) == repeat


def test_times_days_and_weekdays_as_people_write_them() -> None:
    assert parse_clock("8pm") == time(20)
    assert parse_clock("19.30") == time(19, 30)
    assert parse_clock(" 07:05 ") == time(7, 5)
    assert parse_weekday("Sun") == 6
    assert parse_weekday("wednesday") == 2
    assert parse_date("2028-02-29") == date(2028, 2, 29)
    assert parse_minutes("90") == 90
    for bad in ("13pm", "24:00", "20:60", ""):
        with pytest.raises(ValueError, match=r"isn't a time of day; use HH:MM, like 20:00\."):
            parse_clock(bad)
    with pytest.raises(ValueError, match="February 2027 has no 29th"):
        parse_date("2027-02-29")
    with pytest.raises(ValueError, match="not a day of the week"):
        parse_weekday("s")


# --- ending and editing ---------------------------------------------------------------


def test_ending_a_series_keeps_its_past_and_drops_its_future() -> None:
    slot = sunday_slot()
    ended_at = utc(2026, 11, 10, 12)
    rule = with_until(slot.rule, ended_at)
    assert rule.endswith(";UNTIL=20261110T120000Z")
    found = occurrences(rule, slot.start, LONDON, slot.start, datetime(2027, 1, 1))
    assert [f.date() for f in found][-1] == date(2026, 11, 8)
    assert "until 10 November 2026" in describe(rule, slot.start, LONDON, 45)
    ended = Slot(slot.id, slot.title, slot.start, 45, LONDON, rule)
    assert is_over(ended, utc(2026, 11, 11)) and not is_over(slot, utc(2026, 11, 11))


def test_the_edit_form_starting_from_the_next_meeting_is_still_the_same_series() -> None:
    slot = sunday_slot()
    later = plan_slot(
        "talk:s", "New name", WEEKLY, date(2026, 11, 29), time(20), 60, LONDON, utc(2026, 11, 25)
    )
    assert same_series(slot, later)
    other_time = plan_slot(
        "talk:s", "", WEEKLY, date(2026, 11, 29), time(19), 45, LONDON, utc(2026, 11, 25)
    )
    assert not same_series(slot, other_time)
    fortnight = Repeat(Freq.WEEKLY, 2)
    first = plan_slot(
        "talk:f", "", fortnight, date(2026, 10, 4), time(20), 45, LONDON, utc(2026, 10, 1)
    )
    off_phase = plan_slot(
        "talk:f", "", fortnight, date(2026, 10, 11), time(20), 45, LONDON, utc(2026, 10, 1)
    )
    assert not same_series(first, off_phase)  # the weeks in between: a different series


# --- countdown -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "now", "words"),
    [
        (utc(2026, 11, 29, 20), utc(2026, 11, 25, 20), "in 4 days, Sunday at 20:00"),
        (utc(2026, 11, 25, 20), utc(2026, 11, 25, 9), "tonight at 20:00"),
        (utc(2026, 11, 25, 12), utc(2026, 11, 25, 9), "today at 12:00"),
        (utc(2026, 11, 26, 20), utc(2026, 11, 25, 22), "tomorrow at 20:00"),
        (utc(2026, 11, 25, 20), utc(2026, 11, 25, 19, 35), "in 25 minutes"),
        (utc(2026, 11, 25, 20), utc(2026, 11, 25, 20, 10), "now, until 20:45"),
        (utc(2026, 12, 13, 20), utc(2026, 11, 25, 20), "in 18 days, Sun 13 Dec at 20:00"),
    ],
)
def test_how_far_off_the_next_talk_is(start: datetime, now: datetime, words: str) -> None:
    assert countdown(start, 45, now, LONDON) == words


def test_the_countdown_is_in_the_readers_own_zone() -> None:
    # Sunday 20:00 in London is Monday 09:00 in Auckland, where it is already Thursday.
    assert countdown(utc(2026, 11, 29, 20), 45, utc(2026, 11, 25, 20), "Pacific/Auckland") == (
        "in 4 days, Monday at 09:00"
    )
