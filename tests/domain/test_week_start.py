"""Weeks that begin on the couple's chosen day: the week's first day, X-a-week habits,
"this week" and the year grid, each against a day-by-day oracle that walks the calendar."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.test_progress_properties import oracle_states, oracle_streaks
from tracker.domain.days import MONDAY, SUNDAY, week_start
from tracker.domain.habits.history import Cell, year_grid
from tracker.domain.habits.progress import DayState, day_state, period_progress, streaks
from tracker.domain.habits.week import week_completion
from tracker.domain.models import Check, CheckStatus, Habit, Owner, Schedule, ScheduleKind

ONE_DAY = timedelta(days=1)
days = st.dates(date(1971, 1, 1), date(2199, 12, 1))
first_weekdays = st.integers(0, 6)
either = st.sampled_from([MONDAY, SUNDAY])


def oracle_week_start(day: date, first_weekday: int) -> date:
    """Step back a day at a time until the day has the weekday the week begins on."""
    while day.weekday() != first_weekday:
        day -= ONE_DAY
    return day


@given(days, first_weekdays)
def test_the_week_begins_on_or_before_the_day_on_the_chosen_weekday(day: date, first: int) -> None:
    start = week_start(day, first)
    assert start <= day
    assert (day - start).days < 7
    assert start.weekday() == first
    assert start == oracle_week_start(day, first)


@given(days)
def test_by_default_the_week_is_iso_monday_first(day: date) -> None:
    year, week, _ = day.isocalendar()
    assert week_start(day) == date.fromisocalendar(year, week, 1)


# --- X-a-week habits, against a brute-force count ----------------------------------


@st.composite
def weekly_histories(draw: st.DrawFn) -> tuple[Habit, dict[date, Check], date]:
    start = draw(st.dates(date(2025, 1, 1), date(2027, 12, 31)))
    times = draw(st.integers(1, 7))
    habit = Habit("h", "Walk", schedule=Schedule(ScheduleKind.PER_WEEK, times=times), start=start)
    today = start + timedelta(days=draw(st.integers(0, 70)))
    checks: dict[date, Check] = {}
    for offset in range(-3, (today - start).days + 4):
        day = start + timedelta(days=offset)
        status = draw(st.sampled_from(["done", "done", "skip", "none", "none"]))
        if status != "none":
            checks[day] = Check("h", "a", day, CheckStatus(status))
    return habit, checks, today


def same_week(one: date, other: date, first: int) -> bool:
    return oracle_week_start(one, first) == oracle_week_start(other, first)


def oracle_weeks(habit: Habit, checks: dict[date, Check], today: date, first: int) -> list[str]:
    """Each week from the habit's start to today, as met / pending / skip / missed: the
    day-by-day oracle of test_progress_properties, with weeks found by walking back."""
    return oracle_states(habit, checks, today, lambda _, day: oracle_week_start(day, first))


@settings(max_examples=300)
@given(weekly_histories(), either)
def test_a_weeks_count_is_the_ticks_of_the_days_in_it(
    history: tuple[Habit, dict[date, Check], date], first: int
) -> None:
    habit, checks, today = history
    met = sum(
        1
        for day, check in checks.items()
        if habit.start <= day <= today
        and same_week(day, today, first)
        and check.status is CheckStatus.DONE
    )
    assert period_progress(habit, checks, today, first) == (met, habit.schedule.times)


@settings(max_examples=300)
@given(weekly_histories(), either)
def test_weekly_streaks_count_weeks_begun_on_the_chosen_day(
    history: tuple[Habit, dict[date, Check], date], first: int
) -> None:
    habit, checks, today = history
    run = streaks(habit, checks, today, first)
    assert (run.current, run.best) == oracle_streaks(oracle_weeks(habit, checks, today, first))
    assert run.unit == "weeks"


def test_sunday_and_monday_join_or_split_a_weekend() -> None:
    """Ticks on Sunday 8 and Monday 9 March 2026 make one week of two on Sunday-first
    weeks, and two weeks of one each on Monday-first ones."""
    sunday = date(2026, 3, 8)
    twice = Habit("h", "Walk", schedule=Schedule(ScheduleKind.PER_WEEK, times=2), start=sunday)
    checks = {d: Check("h", "a", d) for d in (sunday, sunday + ONE_DAY)}
    next_sunday = sunday + timedelta(days=7)
    assert streaks(twice, checks, next_sunday, SUNDAY).best == 1
    assert streaks(twice, checks, next_sunday, MONDAY).best == 0
    # An unticked Tuesday after them belongs to a missed week, or to a kept one.
    tuesday, later = sunday + 2 * ONE_DAY, sunday + timedelta(days=14)
    assert day_state(twice, checks, tuesday, later, MONDAY) is DayState.MISSED
    assert day_state(twice, checks, tuesday, later, SUNDAY) is DayState.NOT_DUE


@settings(max_examples=200)
@given(weekly_histories(), either)
def test_this_week_counts_from_the_chosen_day(
    history: tuple[Habit, dict[date, Check], date], first: int
) -> None:
    """A daily habit's share is its met days over its unskipped due days since the week
    began, counted day by day."""
    habit, checks, today = history
    daily = Habit("h", "Thanks", owner=Owner.EACH, start=habit.start)
    done = owed = 0
    day = max(oracle_week_start(today, first), daily.start)
    while day <= today:
        check = checks.get(day)
        if check is None or check.status is CheckStatus.DONE:
            owed += 1
            done += check is not None
        day += ONE_DAY
    expected = done / owed if owed else None
    assert week_completion([daily], {"a": {"h": checks}}, "a", today, first) == expected


# --- the year grid ---------------------------------------------------------------------


@given(
    st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    st.integers(0, 60),
    first_weekdays,
)
def test_the_year_grid_puts_a_day_in_its_week_column_and_weekday_row(
    today: date, back: int, first: int
) -> None:
    ticked = today - timedelta(days=back)
    habit = Habit("h", "Thanks", start=today - timedelta(days=400))
    grid = year_grid(habit, {ticked: Check("h", "a", ticked)}, today, weeks=12, first_weekday=first)
    found = [(c, r) for c, column in enumerate(grid) for r, cell in enumerate(column)]
    met = [(c, r) for c, r in found if grid[c][r] == Cell.MET]
    weeks_back = (oracle_week_start(today, first) - oracle_week_start(ticked, first)).days // 7
    if weeks_back >= 12:
        assert met == []
        return
    assert met == [(11 - weeks_back, (ticked.weekday() - first) % 7)]
