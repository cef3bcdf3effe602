"""Streaks, strength and today's state, worked out by hand."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

import pytest

from tracker.domain.habits.progress import (
    DayState,
    Streaks,
    day_state,
    is_done_today,
    period_progress,
    streaks,
    strength,
    strength_series,
)
from tracker.domain.models import Check, CheckStatus, Direction, Habit, HabitKind, Schedule
from tracker.domain.models import ScheduleKind as K

D = date
M_DAILY = 0.5 ** (1 / 13)
DAILY = Schedule()
MARCH_2 = D(2026, 3, 2)  # a Monday


def habit(schedule: Schedule = DAILY, start: date = MARCH_2, **more: object) -> Habit:
    return Habit("h", "Habit", schedule=schedule, start=start, **more)  # type: ignore[arg-type]


def log(
    done: Iterable[date] = (), skip: Iterable[date] = (), values: dict[date, float] | None = None
) -> dict[date, Check]:
    checks = {d: Check("h", "a", d) for d in done}
    checks.update({d: Check("h", "a", d, CheckStatus.SKIP) for d in skip})
    checks.update({d: Check("h", "a", d, value=v) for d, v in (values or {}).items()})
    return checks


def days(first: date, count: int, step: int = 1) -> list[date]:
    return [first + timedelta(days=i * step) for i in range(count)]


# --- day-unit streaks -------------------------------------------------------------


def test_daily_skip_in_the_middle_neither_breaks_nor_counts() -> None:
    checks = log(done=[D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 5), D(2026, 3, 6)],
                 skip=[D(2026, 3, 4)])  # fmt: skip
    h = habit()
    assert streaks(h, checks, D(2026, 3, 6)) == Streaks(4, 4, "days")
    # Today not ticked yet: still 4.
    assert streaks(h, checks, D(2026, 3, 7)) == Streaks(4, 4, "days")
    # Yesterday missed: broken, best remembered.
    assert streaks(h, checks, D(2026, 3, 8)) == Streaks(0, 4, "days")
    checks[D(2026, 3, 8)] = Check("h", "a", D(2026, 3, 8))
    assert streaks(h, checks, D(2026, 3, 8)) == Streaks(1, 4, "days")


def test_weekday_habit_is_not_broken_by_days_off() -> None:
    h = habit(Schedule(K.WEEKDAYS, weekdays=(0, 2, 4)))  # Mon/Wed/Fri from Mon 2 March
    checks = log(done=[D(2026, 3, 2), D(2026, 3, 4), D(2026, 3, 6), D(2026, 3, 9)])
    assert streaks(h, checks, D(2026, 3, 10)) == Streaks(4, 4, "days")  # a Tuesday
    assert streaks(h, checks, D(2026, 3, 11)) == Streaks(4, 4, "days")  # Wednesday pending
    assert streaks(h, checks, D(2026, 3, 12)) == Streaks(0, 4, "days")  # Wednesday missed


def test_weekday_ticks_on_days_off_do_not_count() -> None:
    h = habit(Schedule(K.WEEKDAYS, weekdays=(0,)))
    checks = log(done=[D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 9)])
    assert streaks(h, checks, D(2026, 3, 10)) == Streaks(1, 1, "days")


def test_every_three_days() -> None:
    h = habit(Schedule(K.EVERY_N_DAYS, every=3), start=D(2026, 1, 30))
    # Due 30 Jan, 2, 5, 8, 11 Feb. The tick on the 31st is off schedule.
    checks = log(done=[D(2026, 1, 30), D(2026, 1, 31), D(2026, 2, 2), D(2026, 2, 5)])
    assert streaks(h, checks, D(2026, 2, 7)) == Streaks(3, 3, "days")
    assert streaks(h, checks, D(2026, 2, 8)) == Streaks(3, 3, "days")
    assert streaks(h, checks, D(2026, 2, 9)) == Streaks(0, 3, "days")


def test_measurable_values_must_meet_the_target() -> None:
    at_least = habit(kind=HabitKind.MEASURABLE, target=15.0)
    checks = log(values={D(2026, 3, 2): 20, D(2026, 3, 3): 14.9, D(2026, 3, 4): 15})
    assert streaks(at_least, checks, D(2026, 3, 4)) == Streaks(1, 1, "days")
    at_most = habit(kind=HabitKind.MEASURABLE, target=15.0, direction=Direction.AT_MOST)
    checks[D(2026, 3, 5)] = Check("h", "a", D(2026, 3, 5))  # plain done: stayed within
    assert streaks(at_most, checks, D(2026, 3, 5)) == Streaks(3, 3, "days")


def test_checks_outside_start_and_today_are_ignored() -> None:
    h = habit(start=D(2026, 3, 5))
    checks = log(done=[D(2026, 3, 3), D(2026, 3, 4), D(2026, 3, 5), D(2026, 3, 7)])
    assert streaks(h, checks, D(2026, 3, 6)) == Streaks(1, 1, "days")
    assert streaks(h, checks, D(2026, 3, 4)) == Streaks(0, 0, "days")


# --- period streaks ----------------------------------------------------------------

THREE_A_WEEK = Schedule(K.PER_WEEK, times=3)


def test_three_a_week_met_skipped_missed_and_pending() -> None:
    h = habit(THREE_A_WEEK, start=D(2026, 3, 2))
    checks = log(
        done=[
            *days(D(2026, 3, 2), 4),  # week 1: four ticks -> met
            D(2026, 3, 10), D(2026, 3, 13),  # week 2: two ticks and a skip -> skipped
            D(2026, 3, 16), D(2026, 3, 18), D(2026, 3, 22),  # week 3 -> met
            D(2026, 3, 25),  # week 4: one tick -> missed
            D(2026, 3, 30), D(2026, 4, 1), D(2026, 4, 5),  # week 5 -> met
            D(2026, 4, 6),  # week 6, the current one: one so far
        ],
        skip=[D(2026, 3, 14)],
    )  # fmt: skip
    today = D(2026, 4, 8)
    assert streaks(h, checks, today) == Streaks(1, 2, "weeks")
    assert period_progress(h, checks, today) == (1, 3)
    checks.update(log(done=[D(2026, 4, 7), D(2026, 4, 8)]))
    assert streaks(h, checks, today) == Streaks(2, 2, "weeks")
    assert period_progress(h, checks, today) == (3, 3)
    # Week 6 ends short: missed.
    assert streaks(h, log(done=[D(2026, 4, 6)]), D(2026, 4, 13)) == Streaks(0, 0, "weeks")


def test_two_a_week_skips_count_towards_the_week_only_when_not_met() -> None:
    h = habit(Schedule(K.PER_WEEK, times=2), start=D(2026, 3, 2))
    checks = log(done=[D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 9)], skip=[D(2026, 3, 10)])
    # Week 2 is skipped, week 3 (16-22) is pending on the 16th.
    assert streaks(h, checks, D(2026, 3, 16)) == Streaks(1, 1, "weeks")
    # One tick and no skip in week 2 would have broken it.
    del checks[D(2026, 3, 10)]
    assert streaks(h, checks, D(2026, 3, 16)) == Streaks(0, 1, "weeks")


def test_twice_a_month_across_the_leap_day_and_month_ends() -> None:
    h = habit(Schedule(K.PER_MONTH, times=2), start=D(2028, 1, 15))
    checks = log(
        done=[
            D(2028, 1, 30), D(2028, 1, 31),  # January met on its last two days
            D(2028, 2, 28), D(2028, 2, 29),  # February met on the leap day
            D(2028, 3, 1), D(2028, 3, 31),  # March met at both ends
            D(2028, 4, 1),  # April so far
        ]
    )  # fmt: skip
    assert streaks(h, checks, D(2028, 4, 10)) == Streaks(3, 3, "months")
    assert period_progress(h, checks, D(2028, 4, 10)) == (1, 2)
    assert streaks(h, checks, D(2028, 2, 29)) == Streaks(2, 2, "months")
    del checks[D(2028, 2, 28)]
    # February now has one tick; 31 Jan and 1 Mar belong to other months.
    assert streaks(h, checks, D(2028, 4, 10)) == Streaks(1, 1, "months")
    assert streaks(h, checks, D(2028, 5, 1)) == Streaks(0, 1, "months")


def test_period_progress_for_day_habits() -> None:
    h = habit()
    assert period_progress(h, log(done=[D(2026, 3, 3)]), D(2026, 3, 3)) == (1, 1)
    assert period_progress(h, log(done=[D(2026, 3, 3)]), D(2026, 3, 4)) == (0, 1)
    assert period_progress(h, log(skip=[D(2026, 3, 4)]), D(2026, 3, 4)) == (0, 1)


# --- strength --------------------------------------------------------------------


def test_perfect_daily_habit_after_one_day_and_in_the_long_run() -> None:
    h = habit()
    assert strength(h, log(done=[D(2026, 3, 2)]), D(2026, 3, 2)) == pytest.approx(1 - M_DAILY)
    year = log(done=days(D(2026, 3, 2), 365))
    assert strength(h, year, D(2027, 3, 1)) == pytest.approx(1 - M_DAILY**365, abs=1e-12)
    assert strength(h, year, D(2027, 3, 1)) > 0.99999
    values = [s for _, s in strength_series(h, year, D(2027, 3, 1))]
    assert values == sorted(values)


def test_a_miss_lowers_strength_but_a_long_run_forgives_it() -> None:
    h = habit()
    run = log(done=days(D(2026, 3, 2), 100))
    before = strength(h, run, D(2026, 6, 9))  # day 100
    after = strength(h, run, D(2026, 6, 10))  # day 101, missed
    assert after == pytest.approx(before * M_DAILY)
    assert after < before
    assert after > 0.9


def test_a_skip_leaves_strength_unchanged() -> None:
    h = habit()
    checks = log(done=days(D(2026, 3, 2), 10), skip=[D(2026, 3, 12)])
    series = dict(strength_series(h, checks, D(2026, 3, 12)))
    assert series[D(2026, 3, 12)] == series[D(2026, 3, 11)]
    assert series[D(2026, 3, 11)] > series[D(2026, 3, 10)]


def test_at_most_habit_over_the_limit_scores_lower() -> None:
    h = habit(kind=HabitKind.MEASURABLE, target=10.0, direction=Direction.AT_MOST)
    span = days(D(2026, 3, 2), 30)
    today = span[-1]
    under = strength(h, log(values=dict.fromkeys(span, 5.0)), today)
    over = strength(h, log(values=dict.fromkeys(span, 15.0)), today)
    far_over = strength(h, log(values=dict.fromkeys(span, 25.0)), today)
    assert under == pytest.approx(1 - M_DAILY**30)
    assert over == pytest.approx(0.5 * (1 - M_DAILY**30))  # (2*10 - 15) / 10
    assert far_over == 0.0
    assert strength(h, log(), today) == 0.0  # nothing logged earns nothing


def test_measurable_half_the_target_earns_about_half() -> None:
    h = habit(kind=HabitKind.MEASURABLE, target=30.0)
    span = days(D(2026, 3, 2), 60)
    half = strength(h, log(values=dict.fromkeys(span, 15.0)), span[-1])
    assert half == pytest.approx(0.5 * (1 - M_DAILY**60))
    double = strength(h, log(values=dict.fromkeys(span, 60.0)), span[-1])
    assert double == pytest.approx(1 - M_DAILY**60)  # capped at the target


def test_three_a_week_rolling_window_by_hand() -> None:
    h = habit(THREE_A_WEEK, start=D(2026, 3, 2))
    m = 0.5 ** ((3 / 7) ** 0.5 / 13)
    checks = log(done=[D(2026, 3, 2)])
    # As Loop weighs a yes/no habit that isn't daily: 6 in 14 days, not 3 in 7.
    s0 = (1 / 6) * (1 - m)
    s1 = s0 * m + (1 / 6) * (1 - m)  # the tick is still in the 14-day window
    series = dict(strength_series(h, checks, D(2026, 3, 20)))
    assert series[D(2026, 3, 2)] == pytest.approx(s0)
    assert series[D(2026, 3, 3)] == pytest.approx(s1)
    # Still there on day 14 (15 March); from day 15 it has left, so the score only decays.
    assert series[D(2026, 3, 15)] == pytest.approx(series[D(2026, 3, 14)] * m + (1 - m) / 6)
    assert series[D(2026, 3, 16)] == pytest.approx(series[D(2026, 3, 15)] * m)
    assert len(series) == 19


def test_strength_before_the_start_is_zero() -> None:
    h = habit(start=D(2026, 3, 2))
    assert strength(h, log(done=[D(2026, 3, 1)]), D(2026, 3, 1)) == 0.0
    assert strength_series(h, log(), D(2026, 3, 1)) == []


# --- today and single days --------------------------------------------------------


def test_is_done_today() -> None:
    h = habit(kind=HabitKind.MEASURABLE, target=2.0)
    checks = log(values={D(2026, 3, 3): 2.0, D(2026, 3, 4): 1.0}, skip=[D(2026, 3, 5)])
    assert is_done_today(h, checks, D(2026, 3, 3))
    assert not is_done_today(h, checks, D(2026, 3, 4))
    assert not is_done_today(h, checks, D(2026, 3, 5))
    early = log(values={D(2026, 3, 1): 2.0})  # before the habit began
    assert not is_done_today(h, early, D(2026, 3, 1))


def test_day_state_for_day_habits() -> None:
    h = habit(Schedule(K.WEEKDAYS, weekdays=(0, 1, 2)))  # Mon-Wed from Mon 2 March
    checks = log(done=[D(2026, 3, 2)], skip=[D(2026, 3, 3)])
    today = D(2026, 3, 9)
    assert day_state(h, checks, D(2026, 3, 1), today) is DayState.NOT_DUE  # before start
    assert day_state(h, checks, D(2026, 3, 2), today) is DayState.MET
    assert day_state(h, checks, D(2026, 3, 3), today) is DayState.SKIPPED
    assert day_state(h, checks, D(2026, 3, 4), today) is DayState.MISSED
    assert day_state(h, checks, D(2026, 3, 5), today) is DayState.NOT_DUE  # Thursday
    assert day_state(h, checks, today, today) is DayState.PENDING
    assert day_state(h, checks, D(2026, 3, 10), today) is DayState.PENDING  # future


def test_day_state_for_period_habits() -> None:
    h = habit(THREE_A_WEEK, start=D(2026, 3, 2))
    # Week 1 met, week 2 missed, week 3 current with one tick.
    checks = log(done=[*days(D(2026, 3, 2), 3), D(2026, 3, 9), D(2026, 3, 16)])
    today = D(2026, 3, 17)
    assert day_state(h, checks, D(2026, 3, 2), today) is DayState.MET
    assert day_state(h, checks, D(2026, 3, 6), today) is DayState.NOT_DUE  # week was met
    assert day_state(h, checks, D(2026, 3, 11), today) is DayState.MISSED  # week was missed
    assert day_state(h, checks, D(2026, 3, 16), today) is DayState.MET
    assert day_state(h, checks, today, today) is DayState.PENDING
    checks.update(log(done=[D(2026, 3, 14), D(2026, 3, 15)]))
    assert day_state(h, checks, D(2026, 3, 11), today) is DayState.NOT_DUE  # now met
