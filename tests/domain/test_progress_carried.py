"""Streaks and strength carried on from a tally are the figures a count from the start
gives, to the last bit, and both are the figures the first, list-based count gave."""

from __future__ import annotations

from datetime import date, timedelta
from math import sqrt

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.habits.progress import DayState, carried, streaks, strength
from tracker.domain.habits.schedule import due_days, frequency, is_period_habit
from tracker.domain.models import (
    Check,
    CheckStatus,
    Direction,
    Habit,
    HabitKind,
    Schedule,
    ScheduleKind,
)

START = date(2026, 1, 5)

schedules = st.one_of(
    st.just(Schedule()),
    st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(
        lambda days: Schedule(ScheduleKind.WEEKDAYS, weekdays=tuple(days))
    ),
    st.integers(1, 7).map(lambda n: Schedule(ScheduleKind.PER_WEEK, times=n)),
    st.integers(1, 10).map(lambda n: Schedule(ScheduleKind.PER_MONTH, times=n)),
    st.integers(1, 9).map(lambda n: Schedule(ScheduleKind.EVERY_N_DAYS, every=n)),
    st.integers(2, 12).flatmap(
        lambda n: st.integers(1, n).map(
            lambda x: Schedule(ScheduleKind.TIMES_IN_DAYS, times=x, every=n)
        )
    ),
)
habits = st.builds(
    lambda schedule, measurable, at_most, target: Habit(
        "h",
        "Habit",
        schedule=schedule,
        start=START,
        kind=HabitKind.MEASURABLE if measurable else HabitKind.YES_NO,
        target=target if measurable else 1.0,
        direction=Direction.AT_MOST if at_most else Direction.AT_LEAST,
    ),
    schedules,
    st.booleans(),
    st.booleans(),
    st.integers(0, 20).map(float),
)
logs = st.dictionaries(
    st.integers(-5, 120).map(lambda n: START + timedelta(days=n)),
    st.tuples(
        st.sampled_from([CheckStatus.DONE, CheckStatus.SKIP]),
        st.one_of(st.none(), st.integers(0, 40).map(float)),
    ),
    max_size=90,
)


def as_checks(found: dict[date, tuple[CheckStatus, float | None]]) -> dict[date, Check]:
    return {day: Check("h", "a", day, status, value) for day, (status, value) in found.items()}


def first_count(habit: Habit, checks: dict[date, Check], today: date) -> tuple[int, int, float]:
    """The count as first written: a list of contributions, then one pass; a day habit's
    streak from its due days' states. The oracle for the walk that replaced it."""
    if habit.start > today:
        return 0, 0, 0.0

    def met(check: Check | None) -> bool:
        return check is not None and check.status is CheckStatus.DONE and habit.met_by(check.value)

    def contribution(check: Check | None) -> float:
        if check is None or check.status is not CheckStatus.DONE:
            return 0.0
        if not habit.measurable:
            return 1.0
        value, target = check.value, habit.target
        if habit.direction is Direction.AT_MOST:
            if value is None or value <= target:
                return 1.0
            return 0.0 if target <= 0 else max(0.0, (2 * target - value) / target)
        if value is None or target <= 0:
            return 1.0 if habit.met_by(value) else 0.0
        return min(1.0, max(0.0, value / target))

    num, den = frequency(habit.schedule)
    multiplier = 0.5 ** (sqrt(num / den) / 13)
    if not habit.measurable and num < den:  # Loop's: twice the quota over twice the days
        num, den = 2 * num, 2 * den
    total = (today - habit.start).days + 1
    added, skipped = [0.0] * total, [False] * total
    for day, check in checks.items():
        if habit.start <= day <= today:
            added[(day - habit.start).days] = contribution(check)
            skipped[(day - habit.start).days] = check.status is CheckStatus.SKIP
    score = rolling = 0.0
    for index in range(total):
        rolling += added[index]
        if index >= den:
            rolling -= added[index - den]
        if not skipped[index]:
            score = score * multiplier + min(1.0, max(0.0, rolling / num)) * (1 - multiplier)
    if is_period_habit(habit.schedule):
        run = streaks(habit, checks, today)  # counted by periods, as before: not changed
        return run.current, run.best, score
    current = best = 0
    for day in due_days(habit, habit.start, today):
        check = checks.get(day)
        if met(check):
            state = DayState.MET
        elif check is not None and check.status is CheckStatus.SKIP:
            state = DayState.SKIPPED
        else:
            state = DayState.PENDING if day == today else DayState.MISSED
        if state is DayState.MET:
            current += 1
            best = max(best, current)
        elif state is DayState.MISSED:
            current = 0
    return current, best, score


@settings(max_examples=400, deadline=None)
@given(habit=habits, found=logs, today=st.integers(-3, 130), earlier=st.integers(-10, 130))
def test_carried_on_from_any_earlier_day_is_counted_from_the_start(
    habit: Habit,
    found: dict[date, tuple[CheckStatus, float | None]],
    today: int,
    earlier: int,
) -> None:
    checks = as_checks(found)
    day = START + timedelta(days=today)
    whole = carried(habit, checks, day)
    run, power, _ = whole
    assert (run.current, run.best, power) == first_count(habit, checks, day)
    assert (streaks(habit, checks, day), strength(habit, checks, day)) == (run, power)
    tally = carried(habit, checks, START + timedelta(days=earlier))[2]
    assert carried(habit, checks, day, tally) == whole
