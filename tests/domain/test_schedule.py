"""How often a habit asks, and on which days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.habits.schedule import (
    due_days,
    frequency,
    is_due,
    is_period_habit,
    scheduled_on,
    streak_unit,
)
from tracker.domain.models import Habit, Schedule, ScheduleKind

DAILY = Schedule()
MON_WED_FRI = Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2, 4))
THREE_A_WEEK = Schedule(ScheduleKind.PER_WEEK, times=3)
TWICE_A_MONTH = Schedule(ScheduleKind.PER_MONTH, times=2)
EVERY_3 = Schedule(ScheduleKind.EVERY_N_DAYS, every=3)


def habit(schedule: Schedule, start: date, archived: bool = False) -> Habit:
    return Habit("h", "Habit", schedule=schedule, start=start, archived=archived)


@pytest.mark.parametrize(
    ("schedule", "expected"),
    [
        (DAILY, (1, 1)),
        (MON_WED_FRI, (3, 7)),
        (Schedule(ScheduleKind.WEEKDAYS, weekdays=(5, 6)), (2, 7)),
        (THREE_A_WEEK, (3, 7)),
        (TWICE_A_MONTH, (2, 30)),
        (EVERY_3, (1, 3)),
        (Schedule(ScheduleKind.TIMES_IN_DAYS, times=3, every=10), (3, 10)),
        (Schedule(ScheduleKind.EVERY_N_DAYS, every=1), (1, 1)),
    ],
)
def test_frequency(schedule: Schedule, expected: tuple[int, int]) -> None:
    assert frequency(schedule) == expected


@pytest.mark.parametrize(
    ("schedule", "period", "unit"),
    [
        (DAILY, False, "days"),
        (MON_WED_FRI, False, "days"),
        (EVERY_3, False, "days"),
        (THREE_A_WEEK, True, "weeks"),
        (TWICE_A_MONTH, True, "months"),
        (Schedule(ScheduleKind.TIMES_IN_DAYS, times=1, every=2), True, "stretches"),
    ],
)
def test_period_kinds_and_units(schedule: Schedule, period: bool, unit: str) -> None:
    assert is_period_habit(schedule) is period
    assert streak_unit(schedule) == unit


def test_daily_due_days_start_at_the_habit_start() -> None:
    h = habit(DAILY, date(2028, 2, 28))
    assert due_days(h, date(2028, 2, 20), date(2028, 3, 1)) == [
        date(2028, 2, 28),
        date(2028, 2, 29),
        date(2028, 3, 1),
    ]


def test_weekday_due_days() -> None:
    h = habit(MON_WED_FRI, date(2026, 3, 4))  # a Wednesday
    assert due_days(h, date(2026, 3, 1), date(2026, 3, 16)) == [
        date(2026, 3, 4),
        date(2026, 3, 6),
        date(2026, 3, 9),
        date(2026, 3, 11),
        date(2026, 3, 13),
        date(2026, 3, 16),
    ]


def test_every_three_days_keeps_its_phase_from_the_start() -> None:
    h = habit(EVERY_3, date(2028, 2, 27))
    # Due 27 Feb, 1 Mar (via the leap day), 4 Mar, 7 Mar ...
    assert due_days(h, date(2028, 2, 28), date(2028, 3, 8)) == [
        date(2028, 3, 1),
        date(2028, 3, 4),
        date(2028, 3, 7),
    ]
    assert due_days(h, date(2028, 2, 27), date(2028, 2, 27)) == [date(2028, 2, 27)]
    assert due_days(h, date(2028, 3, 2), date(2028, 3, 3)) == []


def test_period_habits_are_offered_every_day() -> None:
    h = habit(THREE_A_WEEK, date(2026, 1, 30))
    assert due_days(h, date(2026, 1, 28), date(2026, 2, 2)) == [
        date(2026, 1, 30),
        date(2026, 1, 31),
        date(2026, 2, 1),
        date(2026, 2, 2),
    ]


def test_empty_ranges() -> None:
    h = habit(DAILY, date(2026, 5, 1))
    assert due_days(h, date(2026, 5, 3), date(2026, 5, 2)) == []
    assert due_days(h, date(2026, 4, 1), date(2026, 4, 30)) == []


def test_archived_habits_are_never_due_but_keep_their_schedule() -> None:
    h = habit(DAILY, date(2026, 5, 1), archived=True)
    assert not is_due(h, date(2026, 5, 2))
    assert scheduled_on(h, date(2026, 5, 2))
    assert due_days(h, date(2026, 5, 1), date(2026, 5, 2)) == [date(2026, 5, 1), date(2026, 5, 2)]


def test_is_due_examples() -> None:
    assert not is_due(habit(DAILY, date(2026, 5, 2)), date(2026, 5, 1))
    assert is_due(habit(MON_WED_FRI, date(2026, 1, 1)), date(2026, 3, 6))  # Friday
    assert not is_due(habit(MON_WED_FRI, date(2026, 1, 1)), date(2026, 3, 7))
    assert is_due(habit(EVERY_3, date(2026, 12, 30)), date(2027, 1, 2))
    assert not is_due(habit(EVERY_3, date(2026, 12, 30)), date(2027, 1, 1))
    assert is_due(habit(TWICE_A_MONTH, date(2026, 1, 1)), date(2026, 1, 17))


# --- properties against a day-by-day oracle ----------------------------------------

ANCHORS = [
    date(2028, 2, 29),
    date(2024, 2, 29),
    date(2026, 3, 29),
    date(2026, 10, 25),
    date(2026, 3, 8),
    date(2025, 12, 31),
]

schedules = st.one_of(
    st.just(DAILY),
    st.sets(st.integers(0, 6), min_size=1).map(
        lambda days: Schedule(ScheduleKind.WEEKDAYS, weekdays=tuple(sorted(days)))
    ),
    st.integers(1, 7).map(lambda n: Schedule(ScheduleKind.PER_WEEK, times=n)),
    st.integers(1, 28).map(lambda n: Schedule(ScheduleKind.PER_MONTH, times=n)),
    st.integers(1, 40).map(lambda n: Schedule(ScheduleKind.EVERY_N_DAYS, every=n)),
    # Offered on every day of its stretch, like a per-week habit on every day of its week.
    st.integers(2, 365).flatmap(
        lambda n: st.integers(1, n).map(
            lambda x: Schedule(ScheduleKind.TIMES_IN_DAYS, times=x, every=n)
        )
    ),
)


@st.composite
def habit_and_range(draw: st.DrawFn) -> tuple[Habit, date, date]:
    anchor = draw(st.sampled_from(ANCHORS))
    start = anchor + timedelta(days=draw(st.integers(-60, 60)))
    first = start + timedelta(days=draw(st.integers(-30, 200)))
    last = first + timedelta(days=draw(st.integers(-2, 400)))
    return habit(draw(schedules), start), first, last


def oracle_due(h: Habit, day: date) -> bool:
    if day < h.start:
        return False
    s = h.schedule
    if s.kind == ScheduleKind.WEEKDAYS:
        return day.weekday() in s.weekdays
    if s.kind == ScheduleKind.EVERY_N_DAYS:
        return (day.toordinal() - h.start.toordinal()) % s.every == 0
    return True


@settings(max_examples=200, deadline=None)
@given(habit_and_range())
def test_due_days_match_a_day_by_day_scan(case: tuple[Habit, date, date]) -> None:
    h, first, last = case
    expected = []
    day = first
    while day <= last:
        if oracle_due(h, day):
            expected.append(day)
        day += timedelta(days=1)
    result = due_days(h, first, last)
    assert result == expected
    assert all(is_due(h, d) for d in result)
    if first <= last:
        assert is_due(h, first) == (first in result)
        assert is_due(h, last) == (last in result)
