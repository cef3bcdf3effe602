"""Each partner's own date, and week / month edges."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tracker.domain.days import (
    local_day,
    month_start,
    period_bounds,
    person_today,
    tz_problem,
    week_start,
    zone_named,
)
from tracker.domain.models import Person, Schedule, ScheduleKind


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# --- day_start -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (1, 30, date(2026, 6, 9)),  # a late-night tick belongs to the evening before
        (3, 59, date(2026, 6, 9)),
        (4, 0, date(2026, 6, 10)),
        (23, 59, date(2026, 6, 10)),
        (0, 0, date(2026, 6, 9)),
    ],
)
def test_day_start_four_moves_small_hours_to_yesterday(
    hour: int, minute: int, expected: date
) -> None:
    assert local_day(utc(2026, 6, 10, hour, minute), "UTC", 4) == expected


def test_day_start_zero_is_plain_midnight() -> None:
    assert local_day(utc(2026, 6, 10, 0, 0), "UTC", 0) == date(2026, 6, 10)
    assert local_day(utc(2026, 6, 9, 23, 59), "UTC", 0) == date(2026, 6, 9)


def test_converts_to_the_zone_before_taking_the_date() -> None:
    # 22:30 UTC is 00:30 the next day in Berlin summer time.
    assert local_day(utc(2026, 6, 10, 22, 30), "Europe/Berlin", 0) == date(2026, 6, 11)
    assert local_day(utc(2026, 6, 10, 22, 30), "Europe/Berlin", 4) == date(2026, 6, 10)


def test_other_input_offsets_are_respected() -> None:
    moment = datetime(2026, 6, 10, 3, 0, tzinfo=timezone(timedelta(hours=5)))  # 22:00 UTC
    assert local_day(moment, "UTC", 0) == date(2026, 6, 9)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match=r"local_day needs a time-zone-aware datetime\."):
        local_day(datetime(2026, 6, 10, 12), "UTC", 4)


# --- daylight saving ------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Berlin springs forward 2026-03-29 02:00 CET -> 03:00 CEST.
        # The day before, 04:00 local is 03:00 UTC.
        (utc(2026, 3, 28, 2, 59), date(2026, 3, 27)),
        (utc(2026, 3, 28, 3, 0), date(2026, 3, 28)),
        # On the change day, 04:00 local is already 02:00 UTC.
        (utc(2026, 3, 29, 1, 59), date(2026, 3, 28)),
        (utc(2026, 3, 29, 2, 0), date(2026, 3, 29)),
        # Berlin falls back 2026-10-25 03:00 CEST -> 02:00 CET; 04:00 CET is 03:00 UTC.
        (utc(2026, 10, 25, 2, 59), date(2026, 10, 24)),
        (utc(2026, 10, 25, 3, 0), date(2026, 10, 25)),
        # 02:30 local happens twice that night; both are still the 24th.
        (utc(2026, 10, 25, 0, 30), date(2026, 10, 24)),
        (utc(2026, 10, 25, 1, 30), date(2026, 10, 24)),
        # The day before, 04:00 CEST was 02:00 UTC.
        (utc(2026, 10, 24, 1, 59), date(2026, 10, 23)),
        (utc(2026, 10, 24, 2, 0), date(2026, 10, 24)),
    ],
)
def test_berlin_day_boundary_stays_at_four_local_across_dst(
    moment: datetime, expected: date
) -> None:
    assert local_day(moment, "Europe/Berlin", 4) == expected


@pytest.mark.parametrize(
    ("moment", "day_start", "expected"),
    [
        # New York springs forward 2026-03-08 02:00 EST -> 03:00 EDT.
        (utc(2026, 3, 8, 7, 59), 4, date(2026, 3, 7)),  # 03:59 EDT
        (utc(2026, 3, 8, 8, 0), 4, date(2026, 3, 8)),  # 04:00 EDT
        (utc(2026, 3, 7, 8, 59), 4, date(2026, 3, 6)),  # 03:59 EST
        (utc(2026, 3, 7, 9, 0), 4, date(2026, 3, 7)),  # 04:00 EST
        # 02:00 does not exist that night, so a 2 o'clock start begins at 03:00.
        (utc(2026, 3, 8, 6, 59), 2, date(2026, 3, 7)),  # 01:59 EST
        (utc(2026, 3, 8, 7, 0), 2, date(2026, 3, 8)),  # 03:00 EDT
        # It falls back 2026-11-01 02:00 EDT -> 01:00 EST; 04:00 EST is 09:00 UTC.
        (utc(2026, 11, 1, 8, 59), 4, date(2026, 10, 31)),
        (utc(2026, 11, 1, 9, 0), 4, date(2026, 11, 1)),
    ],
)
def test_new_york_day_boundary_across_dst(moment: datetime, day_start: int, expected: date) -> None:
    assert local_day(moment, "America/New_York", day_start) == expected


# --- two partners ---------------------------------------------------------------


def test_partners_ten_hours_apart_have_different_todays() -> None:
    # Between London's spring change (29 Mar) and Sydney's autumn one (5 Apr)
    # Sydney (UTC+11) is ten hours ahead of London (UTC+1).
    sydney = Person("a", "Ana", tz="Australia/Sydney", day_start=4)
    london = Person("b", "Ben", tz="Europe/London", day_start=4)
    now = utc(2026, 4, 1, 20, 0)  # Sydney 07:00 on the 2nd, London 21:00 on the 1st
    assert person_today(sydney, now) == date(2026, 4, 2)
    assert person_today(london, now) == date(2026, 4, 1)
    # Late that evening in London it is early morning in Sydney: both keep
    # their own date.
    later = utc(2026, 4, 1, 23, 30)  # London 00:30 (still the 1st by day_start), Sydney 10:30
    assert person_today(london, later) == date(2026, 4, 1)
    assert person_today(sydney, later) == date(2026, 4, 2)


def test_person_today_uses_the_persons_day_start() -> None:
    now = utc(2026, 7, 1, 2, 0)
    assert person_today(Person("a", "Ana", tz="UTC", day_start=4), now) == date(2026, 6, 30)
    assert person_today(Person("a", "Ana", tz="UTC", day_start=0), now) == date(2026, 7, 1)


# --- zone names ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC", "America/New_York", "Australia/Sydney"])
def test_known_zones_have_no_problem(name: str) -> None:
    assert tz_problem(name) is None


@pytest.mark.parametrize("name", ["", "   ", "Mars/Olympus_Mons", "Europe", "../etc/passwd"])
def test_unknown_zones_get_one_friendly_sentence(name: str) -> None:
    message = tz_problem(name)
    assert message is not None
    assert message.endswith(".")
    assert message.count(". ") == 0  # one sentence
    assert "Error" not in message and "Traceback" not in message


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("europe/berlin", "Europe/Berlin"),
        ("utc", "UTC"),
        (" AMERICA/NEW_YORK ", "America/New_York"),
        ("Europe/Berlin", "Europe/Berlin"),
    ],
)
def test_zones_are_known_whatever_case_they_are_typed_in(typed: str, meant: str) -> None:
    assert zone_named(typed) == meant
    assert tz_problem(zone_named(typed)) is None


def test_a_zone_nobody_has_is_left_as_typed() -> None:
    assert zone_named("Mars/Olympus") == "Mars/Olympus"


def test_a_near_miss_zone_is_offered_back() -> None:
    assert tz_problem("Europe/Berln") == (
        "“Europe/Berln” isn't a time zone we know. Did you mean Europe/Berlin?"
    )


# --- periods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2028, 3, 1), date(2028, 2, 28)),  # across the leap day
        (date(2026, 1, 4), date(2025, 12, 29)),  # Sunday, across the year end
        (date(2026, 1, 5), date(2026, 1, 5)),  # a Monday is its own week start
    ],
)
def test_week_start_is_monday(day: date, monday: date) -> None:
    assert week_start(day) == monday


def test_month_start() -> None:
    assert month_start(date(2028, 2, 29)) == date(2028, 2, 1)
    assert month_start(date(2026, 1, 31)) == date(2026, 1, 1)


@pytest.mark.parametrize(
    ("schedule", "day", "bounds"),
    [
        (
            Schedule(ScheduleKind.PER_WEEK, times=3),
            date(2026, 1, 1),
            (date(2025, 12, 29), date(2026, 1, 5)),
        ),
        (
            Schedule(ScheduleKind.PER_MONTH, times=2),
            date(2028, 2, 29),
            (date(2028, 2, 1), date(2028, 3, 1)),
        ),
        (
            Schedule(ScheduleKind.PER_MONTH, times=2),
            date(2026, 12, 31),
            (date(2026, 12, 1), date(2027, 1, 1)),
        ),
        (
            Schedule(ScheduleKind.PER_MONTH, times=2),
            date(2026, 1, 31),
            (date(2026, 1, 1), date(2026, 2, 1)),
        ),
        (Schedule(), date(2028, 2, 29), (date(2028, 2, 29), date(2028, 3, 1))),
        (
            Schedule(ScheduleKind.EVERY_N_DAYS, every=3),
            date(2026, 12, 31),
            (date(2026, 12, 31), date(2027, 1, 1)),
        ),
        (
            Schedule(ScheduleKind.WEEKDAYS, weekdays=(0,)),
            date(2026, 3, 4),
            (date(2026, 3, 4), date(2026, 3, 5)),
        ),
    ],
)
def test_period_bounds(schedule: Schedule, day: date, bounds: tuple[date, date]) -> None:
    assert period_bounds(schedule, day) == bounds
