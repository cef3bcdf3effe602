"""A habit's past at a glance: the year grid, its longest runs, strength by week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tracker.domain.days import MONDAY, week_start
from tracker.domain.habits.progress import Checks, strength_series
from tracker.domain.habits.schedule import due_days, is_period_habit
from tracker.domain.models import Check, CheckStatus, Habit

ONE_DAY = timedelta(days=1)


class Cell:
    """What one day of the grid shows: each its own symbol, so the grid reads without colour."""

    MET = "met"
    PARTLY = "partly"  # logged, short of the target
    SKIPPED = "skipped"
    MISSED = "missed"  # due, past, and not done
    NOT_DUE = "not due"  # off the schedule (or a free day of a "3 times a week" habit)
    BEFORE_START = "before start"  # the habit did not exist yet
    AHEAD = "ahead"  # today, still open, and the days after it


def year_grid(
    habit: Habit, checks: Checks, today: date, weeks: int = 53, first_weekday: int = MONDAY
) -> list[list[str]]:
    """Columns of a week's cells each, from `first_weekday` (Monday to Sunday by default),
    oldest week first, ending with today's week.

    One pass over a set of due days, so ten years of history costs no more
    than one: only the shown weeks are looked at.
    """
    first = week_start(today, first_weekday) - timedelta(weeks=weeks - 1)
    period = is_period_habit(habit.schedule)
    due = set() if period else set(due_days(habit, max(first, habit.start), today))
    columns = []
    for week in range(weeks):
        column = []
        for weekday in range(7):
            day = first + timedelta(weeks=week, days=weekday)
            column.append(_cell(habit, checks.get(day), day, today, due=day in due, period=period))
        columns.append(column)
    return columns


def _cell(
    habit: Habit, check: Check | None, day: date, today: date, *, due: bool, period: bool
) -> str:
    """One day's cell. A "3 times a week" habit's unticked day owes nothing by itself
    (its week decides), so it is never MISSED; today stays open until it is over."""
    if day > today:
        return Cell.AHEAD
    if day < habit.start:
        return Cell.BEFORE_START
    if check is not None and check.status is CheckStatus.SKIP:
        return Cell.SKIPPED
    if check is not None:
        return Cell.MET if habit.met_by(check.value) else Cell.PARTLY
    if day == today and (due or period):
        return Cell.AHEAD
    return Cell.MISSED if due else Cell.NOT_DUE


@dataclass(frozen=True, slots=True)
class Run:
    first: date
    last: date
    length: int


def longest_runs(habit: Habit, checks: Checks, today: date, top: int = 5) -> list[Run]:
    """The longest stretches of met due days (skips bridge them), longest first.

    Only for day-unit habits: a 3-times-a-week habit's runs are counted in
    weeks, which `streaks` already reports.
    """
    if is_period_habit(habit.schedule):
        return []
    met = sorted(
        d
        for d, c in checks.items()
        if habit.start <= d <= today and c.status is CheckStatus.DONE and habit.met_by(c.value)
    )
    if not met:
        return []
    skipped = {d for d, c in checks.items() if c.status is CheckStatus.SKIP}
    due = [d for d in due_days(habit, met[0], today) if d not in skipped]
    met_set = set(met)
    runs: list[Run] = []
    start: date | None = None
    previous: date | None = None
    length = 0
    for day in due:
        if day in met_set:
            if start is None:
                start, length = day, 0
            length += 1
            previous = day
        elif start is not None and previous is not None:
            runs.append(Run(start, previous, length))
            start = None
    if start is not None and previous is not None:
        runs.append(Run(start, previous, length))
    return sorted(runs, key=lambda r: (-r.length, r.first))[:top]


def weekly_strength(habit: Habit, checks: Checks, today: date, weeks: int = 52) -> list[float]:
    """Strength at the end of each of the last `weeks` weeks, for a sparkline."""
    series = strength_series(habit, checks, today)
    if not series:
        return []
    by_day = dict(series)
    points = []
    for back in range(weeks - 1, -1, -1):
        day = today - timedelta(weeks=back)
        if day >= habit.start:
            points.append(by_day.get(day, 0.0))
    return points
