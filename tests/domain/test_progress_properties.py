"""Streaks and strength against deliberately naive, day-by-day oracles."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.habits.progress import (
    DayState,
    day_state,
    period_progress,
    streaks,
    strength,
    strength_series,
)
from tracker.domain.models import Check, CheckStatus, Direction, Habit, HabitKind, Schedule
from tracker.domain.models import ScheduleKind as K

ANCHORS = [
    date(2028, 2, 29),
    date(2024, 2, 29),
    date(2026, 3, 29),  # Berlin springs forward
    date(2026, 10, 25),  # Berlin falls back
    date(2026, 3, 8),  # New York springs forward
    date(2025, 12, 31),
]

# --- the oracle: obvious, slow, and written without looking at the code -----------


def every_day(first: date, last: date) -> list[date]:
    return [date.fromordinal(o) for o in range(first.toordinal(), last.toordinal() + 1)]


def oracle_due(h: Habit, day: date) -> bool:
    if day < h.start:
        return False
    if h.schedule.kind == K.WEEKDAYS:
        return day.weekday() in h.schedule.weekdays
    if h.schedule.kind == K.EVERY_N_DAYS:
        return (day - h.start).days % h.schedule.every == 0
    return True


def oracle_met(h: Habit, c: Check | None) -> bool:
    if c is None or c.status != "done":
        return False
    if h.kind == "yes/no":
        return True
    if h.direction == "at most":
        return c.value is None or c.value <= h.target
    return c.value is not None and c.value >= h.target


def oracle_skip(c: Check | None) -> bool:
    return c is not None and c.status == "skip"


PERIOD_KINDS = (K.PER_WEEK, K.PER_MONTH, K.TIMES_IN_DAYS)


def period_of(h: Habit, day: date) -> tuple[int, int]:
    if h.schedule.kind == K.TIMES_IN_DAYS:
        # Walk stretch by stretch from the start: the n-th stretch holds the day.
        stretch, first = 0, h.start
        while day >= first + timedelta(days=h.schedule.every):
            stretch, first = stretch + 1, first + timedelta(days=h.schedule.every)
        return stretch, 0
    if h.schedule.kind == K.PER_WEEK:
        iso = day.isocalendar()
        return iso.year, iso.week
    return day.year, day.month


Period = Callable[[Habit, date], object]  # a day → the key of the period holding it


def oracle_states(
    h: Habit, checks: dict[date, Check], today: date, period_of: Period = period_of
) -> list[str]:
    if h.start > today:
        return []
    if h.schedule.kind not in PERIOD_KINDS:
        states = []
        for d in every_day(h.start, today):
            if oracle_due(h, d):
                c = checks.get(d)
                if oracle_met(h, c):
                    states.append("met")
                elif oracle_skip(c):
                    states.append("skip")
                else:
                    states.append("pending" if d == today else "missed")
        return states
    periods: dict[object, list[date]] = {}
    for d in every_day(h.start, today):
        periods.setdefault(period_of(h, d), []).append(d)
    states = []
    for key, ds in periods.items():
        met = sum(oracle_met(h, checks.get(d)) for d in ds)
        skipped = sum(oracle_skip(checks.get(d)) for d in ds)
        if met >= h.schedule.times:
            states.append("met")
        elif key == period_of(h, today):
            states.append("pending")
        elif met + skipped >= h.schedule.times:
            states.append("skip")
        else:
            states.append("missed")
    return states


def oracle_streaks(states: list[str]) -> tuple[int, int]:
    """Every run of met units between misses; skips and pending vanish."""
    letters = "".join({"met": "M", "missed": "x"}.get(s, "") for s in states)
    runs = [len(run) for run in letters.split("x")]
    return runs[-1], max(runs)


def oracle_frequency(s: Schedule) -> tuple[int, int]:
    return {
        K.DAILY: (1, 1),
        K.WEEKDAYS: (len(s.weekdays), 7),
        K.PER_WEEK: (s.times, 7),
        K.PER_MONTH: (s.times, 30),
        K.EVERY_N_DAYS: (1, s.every),
        K.TIMES_IN_DAYS: (s.times, s.every),
    }[s.kind]


def oracle_credit(h: Habit, c: Check | None) -> float:
    if c is None or c.status != "done":
        return 0.0
    if h.kind == "yes/no":
        return 1.0
    if h.direction == "at most":
        if c.value is None or c.value <= h.target:
            return 1.0
        return max(0.0, (2 * h.target - c.value) / h.target)
    return 0.0 if c.value is None else min(1.0, c.value / h.target)


def oracle_strength(h: Habit, checks: dict[date, Check], today: date) -> list[float]:
    num, den = oracle_frequency(h.schedule)
    m = 0.5 ** (math.sqrt(num / den) / 13)
    if h.kind == "yes/no" and num < den:  # Loop's ScoreList: twice the quota and window
        num, den = 2 * num, 2 * den
    score, out = 0.0, []
    for d in every_day(h.start, today):
        if not oracle_skip(checks.get(d)):
            window = [d - timedelta(days=k) for k in range(den)]
            total = sum(oracle_credit(h, checks.get(w)) for w in window if w >= h.start)
            score = score * m + min(1.0, total / num) * (1 - m)
        out.append(score)
    return out


# --- generated habits and histories -------------------------------------------------

schedules = st.one_of(
    st.just(Schedule()),
    st.sets(st.integers(0, 6), min_size=1).map(
        lambda days: Schedule(K.WEEKDAYS, weekdays=tuple(sorted(days)))
    ),
    st.integers(1, 7).map(lambda n: Schedule(K.PER_WEEK, times=n)),
    st.integers(1, 6).map(lambda n: Schedule(K.PER_MONTH, times=n)),
    st.integers(1, 9).map(lambda n: Schedule(K.EVERY_N_DAYS, every=n)),
    st.integers(2, 15).flatmap(
        lambda n: st.integers(1, n).map(lambda x: Schedule(K.TIMES_IN_DAYS, times=x, every=n))
    ),
)


@st.composite
def histories(draw: st.DrawFn) -> tuple[Habit, dict[date, Check], date]:
    start = draw(st.sampled_from(ANCHORS)) + timedelta(days=draw(st.integers(-45, 45)))
    schedule = draw(schedules)
    span = draw(st.integers(0, 200 if schedule.kind == K.PER_MONTH else 90))
    today = start + timedelta(days=span)
    measurable = draw(st.booleans())
    target = draw(st.sampled_from([1.0, 2.5, 10.0]))
    h = Habit(
        "h",
        "Habit",
        schedule=schedule,
        start=start,
        kind=HabitKind.MEASURABLE if measurable else HabitKind.YES_NO,
        target=target,
        direction=draw(st.sampled_from(list(Direction))),
    )
    values = st.one_of(
        st.none(),
        st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.0, 3.0]).map(lambda k: k * target),
        st.floats(0, 4 * target, allow_nan=False),
    )
    # Mostly ticks, so long runs and real streaks turn up.
    kinds = st.sampled_from(["done", "done", "done", "done", "none", "skip", "none"])
    checks: dict[date, Check] = {}
    # A few days either side test that checks before the start or after
    # today are ignored.
    for offset in range(-5, span + 6):
        kind = draw(kinds)
        day = start + timedelta(days=offset)
        if kind == "done":
            checks[day] = Check("h", "a", day, value=draw(values) if measurable else None)
        elif kind == "skip":
            checks[day] = Check("h", "a", day, CheckStatus.SKIP)
    return h, checks, today


@settings(max_examples=200, deadline=None)
@given(histories())
def test_streaks_match_the_oracle(case: tuple[Habit, dict[date, Check], date]) -> None:
    h, checks, today = case
    result = streaks(h, checks, today)
    assert (result.current, result.best) == oracle_streaks(oracle_states(h, checks, today))
    assert result.best >= result.current >= 0


@settings(max_examples=200, deadline=None)
@given(histories())
def test_strength_matches_the_naive_formula(case: tuple[Habit, dict[date, Check], date]) -> None:
    h, checks, today = case
    series = strength_series(h, checks, today)
    expected = oracle_strength(h, checks, today)
    assert [d for d, _ in series] == every_day(h.start, today)
    assert len(series) == len(expected)
    for (_, got), want in zip(series, expected, strict=True):
        assert abs(got - want) <= 1e-9
        assert 0.0 <= got <= 1.0
    assert strength(h, checks, today) == (series[-1][1] if series else 0.0)


@settings(max_examples=200, deadline=None)
@given(histories())
def test_today_and_day_states_match_the_oracle(
    case: tuple[Habit, dict[date, Check], date],
) -> None:
    h, checks, today = case
    if h.schedule.kind in PERIOD_KINDS:
        this_period = [
            d for d in every_day(h.start, today) if period_of(h, d) == period_of(h, today)
        ]
        met = sum(oracle_met(h, checks.get(d)) for d in this_period)
        assert period_progress(h, checks, today) == (met, h.schedule.times)
        return
    states = iter(oracle_states(h, checks, today))
    for d in every_day(h.start, today):
        state = day_state(h, checks, d, today)
        if oracle_due(h, d):
            assert (
                state
                == {
                    "met": DayState.MET,
                    "skip": DayState.SKIPPED,
                    "missed": DayState.MISSED,
                    "pending": DayState.PENDING,
                }[next(states)]
            )
        else:
            assert state is DayState.NOT_DUE
