"""Streaks, habit strength and the couple's shared figures, from check-offs.

Every function takes one person's check-offs of one habit as a mapping from
day to Check (or, for couple figures, all of them keyed person → habit → day)
and the person's own ``today``. Check-offs before the habit's start or after
today are ignored, so a clock set wrong on one device cannot inflate a streak.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from math import sqrt

from tracker.domain.days import MONDAY
from tracker.domain.habits.schedule import (
    due_days,
    frequency,
    is_period_habit,
    period_of,
    period_start,
    scheduled_on,
    streak_unit,
)
from tracker.domain.models import (
    US,
    Check,
    CheckStatus,
    Direction,
    Habit,
    Owner,
)

Checks = Mapping[date, Check]
ChecksBy = Mapping[str, Mapping[str, Checks]]

_ONE_DAY = timedelta(days=1)


class DayState(StrEnum):
    MET = "met"
    SKIPPED = "skipped"  # a planned skip: neither breaks a streak nor counts
    MISSED = "missed"
    PENDING = "pending"  # today / this period, not met yet: breaks nothing
    NOT_DUE = "not due"


@dataclass(frozen=True, slots=True)
class Streaks:
    current: int
    best: int
    unit: str  # "days", "weeks", "months" or "stretches" (of an "X in N days" habit)


def _is_met(habit: Habit, check: Check | None) -> bool:
    return check is not None and check.status == CheckStatus.DONE and habit.met_by(check.value)


def _is_skip(check: Check | None) -> bool:
    return check is not None and check.status == CheckStatus.SKIP


def _state_of(habit: Habit, check: Check | None, pending: bool) -> DayState:
    if _is_met(habit, check):
        return DayState.MET
    if _is_skip(check):
        return DayState.SKIPPED
    return DayState.PENDING if pending else DayState.MISSED


# --- streaks -----------------------------------------------------------------


def _period_tallies(
    habit: Habit, checks: Checks, today: date, first_weekday: int
) -> tuple[Counter[date], Counter[date]]:
    """Met days and skipped days per period, keyed by the period's first day."""
    start_of = period_start(habit, first_weekday)
    met: Counter[date] = Counter()
    skipped: Counter[date] = Counter()
    for day, check in checks.items():
        if habit.start <= day <= today:
            key = start_of(day)
            if _is_met(habit, check):
                met[key] += 1
            elif _is_skip(check):
                skipped[key] += 1
    return met, skipped


def _period_states(
    habit: Habit, checks: Checks, today: date, first_weekday: int
) -> Iterator[DayState]:
    schedule = habit.schedule
    met, skipped = _period_tallies(habit, checks, today, first_weekday)
    current = period_of(habit, today, first_weekday)[0]
    key = period_of(habit, habit.start, first_weekday)[0]
    while key <= current:
        if met[key] >= schedule.times:
            yield DayState.MET
        elif key == current:
            yield DayState.PENDING
        elif met[key] + skipped[key] >= schedule.times:
            yield DayState.SKIPPED
        else:
            yield DayState.MISSED
        key = period_of(habit, key, first_weekday)[1]


def _runs(states: Iterable[DayState]) -> tuple[int, int]:
    current = best = 0
    for state in states:
        if state is DayState.MET:
            current += 1
            best = max(best, current)
        elif state is DayState.MISSED:
            current = 0
    return current, best


def streaks(habit: Habit, checks: Checks, today: date, first_weekday: int = MONDAY) -> Streaks:
    """Current and best run of met due days (or met weeks / months; weeks begin on
    ``first_weekday``).

    Skipped days and periods are passed over without breaking or counting.
    Today (or the current period) only breaks nothing while it is not met,
    so the current streak still shows the run up to yesterday.
    """
    if is_period_habit(habit.schedule) and habit.start <= today:
        return _period_streaks(habit, checks, today, first_weekday)
    return carried(habit, checks, today)[0]


def _period_streaks(habit: Habit, checks: Checks, today: date, first_weekday: int) -> Streaks:
    states = _period_states(habit, checks, today, first_weekday)
    return Streaks(*_runs(states), streak_unit(habit.schedule))


# --- strength ----------------------------------------------------------------


def _contribution(habit: Habit, check: Check | None) -> float:
    """How much one day's check-off adds to the strength's rolling sum (0..1)."""
    if check is None or check.status != CheckStatus.DONE:
        return 0.0
    if not habit.measurable:
        return 1.0
    value, target = check.value, habit.target
    if habit.direction is Direction.AT_MOST:
        if value is None or value <= target:
            return 1.0
        if target <= 0:
            return 0.0
        # Twice the limit or more earns nothing; just over it earns nearly all.
        return max(0.0, (2 * target - value) / target)
    if value is None or target <= 0:
        return 1.0 if habit.met_by(value) else 0.0
    return min(1.0, max(0.0, value / target))


@dataclass(frozen=True, slots=True)
class Tally:
    """What a habit's days add up to through the end of `through`, every one of them final
    (a day before "today"): enough to carry its streak and strength on to a later day
    without walking the years again. Worked out from the check-offs as they were; any
    change to them, or to the habit, calls for a tally from the start."""

    through: date
    current: int  # the run of met due days ending at `through` (day habits)
    best: int
    score: float
    rolling: float  # the sum of `window`, as the walk added and took it away
    window: tuple[float, ...]  # the last `den` days' contributions, oldest first


class _Walk:
    """Habit strength, day by day: Loop Habit Tracker's score, an exponential moving
    average of how much of the frequency's quota the last ``den`` days fulfilled, with a
    half-life that is longer for rarer habits, so one miss after a long run barely dents
    it. Skipped days leave the score where it was. A day habit's streak walks alongside."""

    def __init__(self, habit: Habit, since: Tally | None) -> None:
        self.habit = habit
        self.num, self.den = frequency(habit.schedule)
        self.multiplier = 0.5 ** (sqrt(self.num / self.den) / 13)
        if not habit.measurable and self.num < self.den:
            # As Loop does for yes/no habits that aren't daily: twice the quota over
            # twice the days, so a week done early or late still reads as kept.
            self.num, self.den = 2 * self.num, 2 * self.den
        self.day = habit.start - _ONE_DAY if since is None else since.through
        self.current = self.best = 0
        self.score = self.rolling = 0.0
        self.window: deque[float] = deque(maxlen=self.den)
        if since is not None:
            self.current, self.best = since.current, since.best
            self.score, self.rolling = since.score, since.rolling
            self.window.extend(since.window)

    def walk(self, checks: Checks, last: date, today: date) -> Iterator[float]:
        """The score of every day after the last one walked, up to `last`."""
        habit, first = self.habit, self.day + _ONE_DAY
        if first > last:
            return
        due = set() if is_period_habit(habit.schedule) else set(due_days(habit, first, last))
        day = first
        while day <= last:
            check = checks.get(day)
            if day in due:
                state = _state_of(habit, check, pending=day == today)
                if state is DayState.MET:
                    self.current += 1
                    self.best = max(self.best, self.current)
                elif state is DayState.MISSED:
                    self.current = 0
            # A sliding window keeps this O(days) however long the window is.
            added = _contribution(habit, check)
            self.rolling += added
            if len(self.window) == self.den:
                self.rolling -= self.window[0]
            self.window.append(added)
            if not _is_skip(check):
                # Clamp: float drift in the window sum must not leave [0, 1].
                done = min(1.0, max(0.0, self.rolling / self.num))
                self.score = self.score * self.multiplier + done * (1 - self.multiplier)
            self.day = day
            day += _ONE_DAY
            yield self.score

    def tally(self) -> Tally:
        return Tally(
            self.day, self.current, self.best, self.score, self.rolling, tuple(self.window)
        )


def _scores(habit: Habit, checks: Checks, today: date) -> Iterator[float]:
    """Habit strength (0..1) for each day from the habit's start to today, in order."""
    if habit.start <= today:
        yield from _Walk(habit, None).walk(checks, today, today)


def carried(
    habit: Habit,
    checks: Checks,
    today: date,
    since: Tally | None = None,
    first_weekday: int = MONDAY,
) -> tuple[Streaks, float, Tally | None]:
    """Streaks and strength for `today`, carried on from `since` (a tally of the same
    check-offs) when it fits, and the tally through yesterday to carry on from next time.

    The same walk as a count from the start, day for day, so the figures are the same to
    the last bit (tests/domain/test_progress_carried.py holds them to it). A week or month
    habit's streak is counted by its periods (weeks begun on `first_weekday`), from the
    start; the tally does not depend on where weeks begin."""
    unit = streak_unit(habit.schedule)
    if habit.start > today:
        return Streaks(0, 0, unit), 0.0, None
    fits = since is not None and habit.start - _ONE_DAY <= since.through < today
    walk = _Walk(habit, since if fits else None)
    for _score in walk.walk(checks, today - _ONE_DAY, today):
        pass
    through = walk.tally()
    for _score in walk.walk(checks, today, today):
        pass
    if is_period_habit(habit.schedule):
        return _period_streaks(habit, checks, today, first_weekday), walk.score, through
    return Streaks(walk.current, walk.best, unit), walk.score, through


def strength_series(habit: Habit, checks: Checks, today: date) -> list[tuple[date, float]]:
    """(day, strength) for every day from the habit's start to today (for charts)."""
    first = habit.start.toordinal()
    return [
        (date.fromordinal(first + index), score)
        for index, score in enumerate(_scores(habit, checks, today))
    ]


def strength(habit: Habit, checks: Checks, today: date) -> float:
    """Today's habit strength in [0, 1]; 0 before the habit starts."""
    return carried(habit, checks, today)[1]


# --- today and single days -----------------------------------------------------


def period_progress(
    habit: Habit, checks: Checks, today: date, first_weekday: int = MONDAY
) -> tuple[int, int]:
    """(met, needed) for the current week, month or stretch; (0 or 1, 1) for day habits."""
    if not is_period_habit(habit.schedule):
        return (1 if is_done_today(habit, checks, today) else 0), 1
    first = max(period_of(habit, today, first_weekday)[0], habit.start)
    met = 0
    day = first
    while day <= today:
        met += _is_met(habit, checks.get(day))
        day += _ONE_DAY
    return met, habit.schedule.times


def is_done_today(habit: Habit, checks: Checks, today: date) -> bool:
    """Is today's own check-off a met one? (A period habit's week may be met
    while today is not ticked; period_progress tells that.)"""
    return today >= habit.start and _is_met(habit, checks.get(today))


def day_state(
    habit: Habit, checks: Checks, day: date, today: date, first_weekday: int = MONDAY
) -> DayState:
    """How one calendar cell reads.

    Day habits: NOT_DUE off schedule and before the start; a scheduled day
    after today is PENDING. Period habits: a ticked or skipped day shows as
    such; an unticked day shows MISSED only when its period was missed,
    PENDING if it is today and the period still needs ticks, else NOT_DUE
    (a 3-a-week habit owes nothing on the other four days).
    """
    if not scheduled_on(habit, day):
        return DayState.NOT_DUE
    if day > today:
        return DayState.PENDING
    check = checks.get(day)
    if not is_period_habit(habit.schedule):
        return _state_of(habit, check, pending=day == today)
    if _is_met(habit, check):
        return DayState.MET
    if _is_skip(check):
        return DayState.SKIPPED
    period = _period_state(habit, checks, day, today, first_weekday)
    if period is DayState.MISSED:
        return DayState.MISSED
    if period is DayState.PENDING and day == today:
        return DayState.PENDING
    return DayState.NOT_DUE


def _period_state(
    habit: Habit, checks: Checks, day: date, today: date, first_weekday: int
) -> DayState:
    """The state of the (past or current) period containing ``day``."""
    start, end = period_of(habit, day, first_weekday)
    met = skipped = 0
    current = max(start, habit.start)
    while current < end and current <= today:
        check = checks.get(current)
        met += _is_met(habit, check)
        skipped += _is_skip(check)
        current += _ONE_DAY
    times = habit.schedule.times
    if met >= times:
        return DayState.MET
    if end > today:
        return DayState.PENDING
    return DayState.SKIPPED if met + skipped >= times else DayState.MISSED


# --- the couple ----------------------------------------------------------------


def habit_checks(checks_by: ChecksBy, habit: Habit, person: str) -> Checks:
    """``person``'s check-offs of ``habit``; together habits file under US."""
    key = US if habit.owner is Owner.TOGETHER else person
    return checks_by.get(key, {}).get(habit.id, {})
