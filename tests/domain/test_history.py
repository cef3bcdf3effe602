"""A habit's past: the year grid, its longest runs and weekly strength, by hand."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest

from tracker.domain.habits.history import Cell, Run, longest_runs, weekly_strength, year_grid
from tracker.domain.habits.progress import strength
from tracker.domain.models import (
    Check,
    CheckStatus,
    Direction,
    Habit,
    HabitKind,
    Schedule,
    ScheduleKind,
)

D = date
ONE_DAY = timedelta(days=1)
# Met, Partly, Skipped, missed (X), Not due, Before the start, Ahead (today, still open, and later).
M, P, S, X, N = Cell.MET, Cell.PARTLY, Cell.SKIPPED, Cell.MISSED, Cell.NOT_DUE
B, A = Cell.BEFORE_START, Cell.AHEAD

TALK = Habit(
    "talk",
    "Unhurried talk",
    start=D(2026, 3, 4),  # a Wednesday
    kind=HabitKind.MEASURABLE,
    target=15,
    unit="minutes",
)
MWF = Habit(
    "hug",
    "Morning hug",
    start=D(2026, 3, 2),  # a Monday
    schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2, 4)),
)
DAILY = Habit("thanks", "One specific thank-you", start=D(2026, 3, 1))
THREE_A_WEEK = Habit(
    "dinner",
    "Phone-free dinner",
    start=D(2026, 3, 2),
    schedule=Schedule(ScheduleKind.PER_WEEK, times=3),
)


def done(habit: Habit, day: date, value: float | None = None) -> Check:
    return Check(habit.id, "a", day, CheckStatus.DONE, value)


def skipped(habit: Habit, day: date) -> Check:
    return Check(habit.id, "a", day, CheckStatus.SKIP)


def by_day(*checks: Check) -> dict[date, Check]:
    return {c.day: c for c in checks}


# --- year grid: shape ------------------------------------------------------------------


def test_default_grid_is_53_weeks_of_7_days() -> None:
    grid = year_grid(DAILY, {}, D(2026, 3, 18))
    assert len(grid) == 53
    assert all(len(column) == 7 for column in grid)


@pytest.mark.parametrize("weeks", [1, 2, 10])
def test_grid_has_the_asked_number_of_columns(weeks: int) -> None:
    grid = year_grid(DAILY, {}, D(2026, 3, 18), weeks=weeks)
    assert len(grid) == weeks
    assert all(len(column) == 7 for column in grid)


@pytest.mark.parametrize(
    "today",
    [D(2026, 3, 16), D(2026, 3, 18), D(2026, 3, 22)],  # a Monday, a Wednesday, a Sunday
    ids=["monday", "wednesday", "sunday"],
)
def test_last_column_is_todays_week(today: date) -> None:
    checks = by_day(done(DAILY, today), done(DAILY, today - timedelta(weeks=1)))
    grid = year_grid(DAILY, checks, today, weeks=3)
    row = today.weekday()
    assert grid[-1][row] == M
    assert grid[-2][row] == M
    # After today, the rest of the last column is the future.
    assert grid[-1][row + 1 :] == [A] * (6 - row)


def test_first_column_starts_on_the_monday_weeks_back() -> None:
    # Today Wed Mar 18; 3 weeks shown: Mon Mar 2 .. Sun Mar 22.
    checks = by_day(done(DAILY, D(2026, 3, 2)), done(DAILY, D(2026, 3, 8)))
    grid = year_grid(DAILY, checks, D(2026, 3, 18), weeks=3)
    assert grid[0][0] == M  # Mon Mar 2
    assert grid[0][6] == M  # Sun Mar 8
    assert grid[0][1] == X  # Tue Mar 3: due, past, not done


# --- year grid: cells -------------------------------------------------------------------


def test_grid_cells_for_a_daily_measurable_habit() -> None:
    checks = by_day(
        done(TALK, D(2026, 3, 3), 30),  # before the start: not shown
        done(TALK, D(2026, 3, 4), 20),
        done(TALK, D(2026, 3, 5), 5),  # short of 15 minutes
        skipped(TALK, D(2026, 3, 6)),
        done(TALK, D(2026, 3, 8), 15),  # exactly the target
        done(TALK, D(2026, 3, 11), 0),
        done(TALK, D(2026, 3, 16), 30),
        done(TALK, D(2026, 3, 20), 30),  # in the future (a wrong clock): not shown
    )
    grid = year_grid(TALK, checks, D(2026, 3, 18), weeks=3)
    assert grid == [
        # Mar 2-8: before start x2, met, partly, skipped, missed, met
        [B, B, M, P, S, X, M],
        # Mar 9-15: nothing but a zero on Wednesday
        [X, X, P, X, X, X, X],
        # Mar 16-22: met, missed, today (not done yet), future
        [M, X, A, A, A, A, A],
    ]


def test_grid_today_shows_met_once_done() -> None:
    checks = by_day(done(TALK, D(2026, 3, 18), 15))
    assert year_grid(TALK, checks, D(2026, 3, 18), weeks=1) == [[X, X, M, A, A, A, A]]


def test_grid_cells_for_a_mon_wed_fri_habit() -> None:
    checks = by_day(
        done(MWF, D(2026, 3, 2)),  # Mon: met
        done(MWF, D(2026, 3, 3)),  # Tue, not due, done anyway: met
        skipped(MWF, D(2026, 3, 6)),  # Fri: skipped
    )
    grid = year_grid(MWF, checks, D(2026, 3, 11), weeks=2)
    assert grid == [
        # Mon met, Tue met, Wed missed, Thu not due, Fri skipped, weekend not due
        [M, M, X, N, S, N, N],
        # Mon missed, Tue not due, Wed is today (open), the rest is the future
        [X, N, A, A, A, A, A],
    ]


def test_grid_at_most_habit_over_the_limit_is_partly() -> None:
    bed = Habit(
        "bed",
        "Phone time in bed",
        start=D(2026, 3, 16),
        kind=HabitKind.MEASURABLE,
        target=10,
        direction=Direction.AT_MOST,
    )
    checks = by_day(done(bed, D(2026, 3, 16), 50), done(bed, D(2026, 3, 17), 10))
    assert year_grid(bed, checks, D(2026, 3, 18), weeks=1) == [[P, M, A, A, A, A, A]]


def test_grid_of_a_period_habit_never_shows_missed() -> None:
    checks = by_day(done(THREE_A_WEEK, D(2026, 3, 3)), skipped(THREE_A_WEEK, D(2026, 3, 10)))
    grid = year_grid(THREE_A_WEEK, checks, D(2026, 3, 18), weeks=3)
    assert grid == [
        [N, M, N, N, N, N, N],
        [N, S, N, N, N, N, N],
        [N, N, A, A, A, A, A],  # today, the 18th, is open: the week still has room
    ]


def test_grid_over_ten_years_of_daily_checks() -> None:
    start, today = D(2016, 1, 1), D(2026, 1, 1)  # today is a Thursday
    checks: dict[date, Check] = {}
    day = start
    while day <= today:
        checks[day] = done(DAILY.with_changes(start=start), day)
        day += ONE_DAY
    habit = DAILY.with_changes(start=start)
    grid = year_grid(habit, checks, today, weeks=53)
    cells = [cell for column in grid for cell in column]
    # 52 full weeks plus Mon-Thu of today's week are met; Fri-Sun are the future.
    assert cells.count(M) == 52 * 7 + 4
    assert cells.count(A) == 3
    assert grid[-1] == [M, M, M, M, A, A, A]


# --- longest runs -------------------------------------------------------------------------


def test_runs_sorted_longest_first_with_skip_bridging_and_misses_breaking() -> None:
    days = [1, 2, 3, 5, 6, 8, 9, 10, 12, 13]
    checks = by_day(*(done(DAILY, D(2026, 3, d)) for d in days), skipped(DAILY, D(2026, 3, 7)))
    runs = longest_runs(DAILY, checks, D(2026, 3, 20))
    assert runs == [
        # Mar 5-10: the skip on the 7th bridges the run but does not count.
        Run(D(2026, 3, 5), D(2026, 3, 10), 5),
        # Mar 1-3, then the 4th was missed.
        Run(D(2026, 3, 1), D(2026, 3, 3), 3),
        # Mar 12-13, after the 11th was missed.
        Run(D(2026, 3, 12), D(2026, 3, 13), 2),
    ]


def test_runs_top_limits_the_list() -> None:
    days = [1, 2, 3, 5, 6, 8, 9, 10, 12, 13]
    checks = by_day(*(done(DAILY, D(2026, 3, d)) for d in days), skipped(DAILY, D(2026, 3, 7)))
    runs = longest_runs(DAILY, checks, D(2026, 3, 20), top=2)
    assert [r.length for r in runs] == [5, 3]


def test_runs_of_equal_length_oldest_first() -> None:
    checks = by_day(*(done(DAILY, D(2026, 3, d)) for d in (1, 2, 4, 5, 7)))
    runs = longest_runs(DAILY, checks, D(2026, 3, 7))
    assert runs == [
        Run(D(2026, 3, 1), D(2026, 3, 2), 2),
        Run(D(2026, 3, 4), D(2026, 3, 5), 2),
        Run(D(2026, 3, 7), D(2026, 3, 7), 1),
    ]


def test_non_due_days_do_not_break_a_weekday_habit_run() -> None:
    met = [D(2026, 3, d) for d in (2, 4, 6, 9, 11, 16)]  # Mon Wed Fri Mon Wed, Mon
    checks = by_day(*(done(MWF, d) for d in met))
    runs = longest_runs(MWF, checks, D(2026, 3, 17))
    assert runs == [
        Run(D(2026, 3, 2), D(2026, 3, 11), 5),
        # Fri Mar 13 was missed.
        Run(D(2026, 3, 16), D(2026, 3, 16), 1),
    ]


def test_below_target_days_do_not_count_in_runs() -> None:
    habit = TALK.with_changes(start=D(2026, 3, 1))
    checks = by_day(
        done(habit, D(2026, 3, 1), 20),
        done(habit, D(2026, 3, 2), 5),
        done(habit, D(2026, 3, 3), 20),
    )
    runs = longest_runs(habit, checks, D(2026, 3, 3))
    assert runs == [Run(D(2026, 3, 1), D(2026, 3, 1), 1), Run(D(2026, 3, 3), D(2026, 3, 3), 1)]


def test_checks_outside_start_and_today_are_ignored_in_runs() -> None:
    checks = by_day(
        done(DAILY, D(2026, 2, 27)),
        done(DAILY, D(2026, 2, 28)),
        done(DAILY, D(2026, 3, 1)),
        done(DAILY, D(2026, 3, 2)),
        done(DAILY, D(2026, 3, 3)),  # after "today"
    )
    assert longest_runs(DAILY, checks, D(2026, 3, 2)) == [Run(D(2026, 3, 1), D(2026, 3, 2), 2)]


def test_period_habits_have_no_runs() -> None:
    checks = by_day(*(done(THREE_A_WEEK, D(2026, 3, d)) for d in range(2, 16)))
    assert longest_runs(THREE_A_WEEK, checks, D(2026, 3, 16)) == []


def test_no_met_days_no_runs() -> None:
    checks = by_day(skipped(DAILY, D(2026, 3, 2)))
    assert longest_runs(DAILY, checks, D(2026, 3, 5)) == []


# --- weekly strength ---------------------------------------------------------------------


def every_day(habit: Habit, first: date, last: date) -> dict[date, Check]:
    checks = {}
    day = first
    while day <= last:
        checks[day] = done(habit, day)
        day += ONE_DAY
    return checks


def test_weekly_strength_of_a_perfect_daily_habit_never_goes_down() -> None:
    habit = DAILY.with_changes(start=D(2025, 1, 1))
    today = D(2026, 3, 18)
    points = weekly_strength(habit, every_day(habit, habit.start, today), today)
    assert len(points) == 52
    assert all(0.0 <= p <= 1.0 for p in points)
    assert all(a <= b for a, b in pairwise(points))
    assert points[0] < points[-1]
    assert points[-1] == pytest.approx(strength(habit, every_day(habit, habit.start, today), today))


def test_weekly_strength_only_has_points_since_the_start() -> None:
    habit = DAILY  # started Sun Mar 1
    today = D(2026, 3, 18)
    # Weekly points on Mar 18, 11 and 4 (Feb 25 is before the start).
    points = weekly_strength(habit, every_day(habit, habit.start, today), today)
    assert len(points) == 3
    assert points[0] < points[1] < points[2] <= 1.0


@pytest.mark.parametrize("weeks", [1, 4, 20])
def test_weekly_strength_returns_at_most_weeks_points(weeks: int) -> None:
    habit = DAILY.with_changes(start=D(2024, 1, 1))
    today = D(2026, 3, 18)
    points = weekly_strength(habit, every_day(habit, D(2026, 1, 1), today), today, weeks=weeks)
    assert len(points) == weeks


def test_weekly_strength_of_a_patchy_habit_stays_in_range_and_dips() -> None:
    habit = DAILY.with_changes(start=D(2025, 6, 2))
    today = D(2026, 3, 18)
    # Done every day until the end of 2025, then nothing.
    checks = every_day(habit, habit.start, D(2025, 12, 31))
    points = weekly_strength(habit, checks, today, weeks=20)
    assert len(points) == 20
    assert all(0.0 <= p <= 1.0 for p in points)
    assert points[-1] < max(points)


def test_weekly_strength_of_an_untouched_habit_is_zero() -> None:
    assert weekly_strength(DAILY, {}, D(2026, 3, 18)) == [0.0, 0.0, 0.0]


def test_weekly_strength_before_the_start_is_empty() -> None:
    assert weekly_strength(DAILY, {}, D(2026, 2, 20)) == []
