"""When a habit is due, and how often that is."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import DAILY, YEARLY, rrule

from tracker.domain.days import MONDAY, month_start, period_bounds, week_start
from tracker.domain.models import Habit, Schedule, ScheduleKind
from tracker.domain.text import count

_PERIOD_KINDS = frozenset(
    {ScheduleKind.PER_WEEK, ScheduleKind.PER_MONTH, ScheduleKind.TIMES_IN_DAYS}
)
_ALL_WEEKDAYS = tuple(range(7))


def frequency(schedule: Schedule) -> tuple[int, int]:
    """(numerator, denominator): the habit asks for ``num`` times every ``den`` days."""
    match schedule.kind:
        case ScheduleKind.DAILY:
            return 1, 1
        case ScheduleKind.WEEKDAYS:
            return len(set(schedule.weekdays)), 7
        case ScheduleKind.PER_WEEK:
            return schedule.times, 7
        case ScheduleKind.PER_MONTH:
            return schedule.times, 30
        case ScheduleKind.EVERY_N_DAYS:
            return 1, schedule.every
        case ScheduleKind.TIMES_IN_DAYS:
            return schedule.times, schedule.every


def is_period_habit(schedule: Schedule) -> bool:
    """Does the habit count in weeks, months or N-day stretches rather than on set days?"""
    return schedule.kind in _PERIOD_KINDS


def period_of(habit: Habit, day: date, first_weekday: int = MONDAY) -> tuple[date, date]:
    """(inclusive start, exclusive end) of the period of ``habit`` holding ``day``.

    An "X in N days" habit counts in N-day stretches laid back to back from its
    start day, so the same days always belong together whatever day it is asked
    on; weeks (begun on ``first_weekday``) and months are the calendar's
    (`period_bounds`).
    """
    schedule = habit.schedule
    if schedule.kind is not ScheduleKind.TIMES_IN_DAYS:
        return period_bounds(schedule, day, first_weekday)
    begin = period_start(habit)(day)
    return begin, begin + timedelta(days=schedule.every)


def period_start(habit: Habit, first_weekday: int = MONDAY) -> Callable[[date], date]:
    """The first day of the period holding a day, as one function chosen once: streaks
    key years of check-offs by it, so the choice of kind stays out of that loop."""
    kind = habit.schedule.kind
    if kind is ScheduleKind.PER_WEEK:
        return lambda day: week_start(day, first_weekday)
    if kind is ScheduleKind.PER_MONTH:
        return month_start
    if kind is not ScheduleKind.TIMES_IN_DAYS:
        return lambda day: day
    first, length = habit.start.toordinal(), habit.schedule.every
    # Floor division keeps days before the start in their own (earlier) stretch.
    return lambda day: date.fromordinal(first + (day.toordinal() - first) // length * length)


def streak_unit(schedule: Schedule) -> str:
    match schedule.kind:
        case ScheduleKind.PER_WEEK:
            return "weeks"
        case ScheduleKind.PER_MONTH:
            return "months"
        case ScheduleKind.TIMES_IN_DAYS:
            return "stretches"
        case _:
            return "days"


_ONE_OF = {"days": "day", "weeks": "week", "months": "month", "stretches": "stretch"}


def streak_words(length: int, unit: str) -> str:
    """ "1 week", "3 stretches": a streak's length in words (a unit we don't know stays)."""
    return count(length, _ONE_OF.get(unit, unit), unit)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def due_days(habit: Habit, first: date, last: date) -> list[date]:
    """The days in ``first..last`` (inclusive) on or after ``habit.start`` on
    which the habit is scheduled, oldest first.

    Period habits are offered every day until their target is met, so every
    day counts. Archiving is not considered here: history stays computable.
    """
    begin = max(first, habit.start)
    if begin > last:
        return []
    return list(_due_days(habit.schedule, habit.start, begin, last))


# One date object per calendar day, shared by every cached range: ten years of daily
# habits would otherwise hold a separate copy of each day per habit and per range.
_CANONICAL_DAYS: dict[date, date] = {}


@lru_cache(maxsize=128)
def _due_days(schedule: Schedule, start: date, begin: date, last: date) -> tuple[date, ...]:
    # Cached: a screen asks the same habit for the same ten years several times over
    # (streak, strength, week, heatmap), and for both partners of an "each" habit.
    weekdays: tuple[int, ...] | None = None
    if schedule.kind is ScheduleKind.WEEKDAYS:
        weekdays = tuple(sorted(set(schedule.weekdays)))
    elif schedule.kind is not ScheduleKind.EVERY_N_DAYS or schedule.every == 1:
        weekdays = _ALL_WEEKDAYS
    if weekdays is not None:
        # rrule expands one whole frequency period per step, so a YEARLY rule
        # filtered by weekday is about three times faster than a DAILY rule
        # over a decade of history, with the same days.
        rule = rrule(YEARLY, byweekday=weekdays, dtstart=_midnight(begin), until=_midnight(last))
    else:
        # Keep the phase anchored on habit.start, but begin iterating at the
        # first occurrence inside the range so old history isn't walked.
        every = schedule.every
        behind = (begin - start).days
        aligned = begin + timedelta(days=-behind % every)
        rule = rrule(DAILY, interval=every, dtstart=_midnight(aligned), until=_midnight(last))
    canonical = _CANONICAL_DAYS.setdefault
    return tuple(canonical(day, day) for day in (moment.date() for moment in rule))


def scheduled_on(habit: Habit, day: date) -> bool:
    """Does the schedule fall on ``day``, archived or not? (Agrees with due_days.)"""
    if day < habit.start:
        return False
    schedule = habit.schedule
    match schedule.kind:
        case ScheduleKind.WEEKDAYS:
            return day.weekday() in schedule.weekdays
        case ScheduleKind.EVERY_N_DAYS:
            return (day - habit.start).days % schedule.every == 0
        case _:
            return True


def is_due(habit: Habit, day: date) -> bool:
    """Is the habit scheduled on ``day``? Archived habits are never due."""
    return not habit.archived and scheduled_on(habit, day)
