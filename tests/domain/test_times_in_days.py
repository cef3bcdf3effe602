""" "X times in N days": stretches laid back to back from the habit's start, each kept
when it holds X ticks; the habit is offered every day of a stretch until then."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.editing import HabitDraft, schedule_of
from tracker.domain.habits.history import longest_runs, year_grid
from tracker.domain.habits.progress import DayState, day_state, period_progress, streaks
from tracker.domain.habits.schedule import (
    due_days,
    frequency,
    is_period_habit,
    period_of,
    streak_unit,
    streak_words,
)
from tracker.domain.habits.today import row_for
from tracker.domain.habits.week import week_completion
from tracker.domain.models import Check, CheckStatus, Habit, Schedule, ScheduleKind
from tracker.domain.validation import NEWER, Invalid

START = date(2028, 2, 20)  # the stretches of 10 days cross the leap day
THREE_IN_TEN = Schedule(ScheduleKind.TIMES_IN_DAYS, times=3, every=10)


def habit(schedule: Schedule = THREE_IN_TEN, start: date = START) -> Habit:
    return Habit("h", "Walk", schedule=schedule, start=start)


def ticks(*offsets: int, skip: tuple[int, ...] = ()) -> dict[date, Check]:
    done = {START + timedelta(days=o): Check("h", "a", START + timedelta(days=o)) for o in offsets}
    skipped = {
        START + timedelta(days=o): Check("h", "a", START + timedelta(days=o), CheckStatus.SKIP)
        for o in skip
    }
    return done | skipped


def test_the_schedule_in_words_and_its_counting() -> None:
    assert THREE_IN_TEN.describe() == "3× in 10 days"
    assert frequency(THREE_IN_TEN) == (3, 10)
    assert is_period_habit(THREE_IN_TEN)
    assert streak_unit(THREE_IN_TEN) == "stretches"
    assert streak_words(1, "stretches") == "1 stretch"
    assert streak_words(4, "stretches") == "4 stretches"
    assert streak_words(1, "weeks") == "1 week"


def test_stretches_run_back_to_back_from_the_start_across_the_leap_day() -> None:
    h = habit()
    assert period_of(h, START) == (START, date(2028, 3, 1))
    assert period_of(h, date(2028, 2, 29)) == (START, date(2028, 3, 1))
    assert period_of(h, date(2028, 3, 1)) == (date(2028, 3, 1), date(2028, 3, 11))
    # Every day of a stretch is a day the habit may be done.
    assert due_days(h, START, date(2028, 3, 1)) == [START + timedelta(days=d) for d in range(11)]


@pytest.mark.parametrize(
    ("times", "every", "problem"),
    [
        (3, 1, "Pick a stretch of 2 to 365 days."),
        (3, 366, "Pick a stretch of 2 to 365 days."),
        (4, 3, "Pick 1 to 3 times, so 3 days have room for them."),
        (0, 10, "Pick 1 to 10 times, so 10 days have room for them."),
    ],
)
def test_numbers_that_cannot_work_are_refused_in_words(
    times: int, every: int, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        Schedule(ScheduleKind.TIMES_IN_DAYS, times=times, every=every)
    draft = HabitDraft(schedule=ScheduleKind.TIMES_IN_DAYS, times=str(times), every=str(every))
    with pytest.raises(ValueError, match=problem):
        schedule_of(draft)


def test_the_form_names_the_number_it_could_not_read() -> None:
    draft = HabitDraft(schedule=ScheduleKind.TIMES_IN_DAYS, times="three", every="10")
    with pytest.raises(ValueError, match="Times needs a whole number"):
        schedule_of(draft)
    draft = HabitDraft(schedule=ScheduleKind.TIMES_IN_DAYS, times="3", every="ten")
    with pytest.raises(ValueError, match="The number of days needs a whole number"):
        schedule_of(draft)
    draft = HabitDraft(schedule=ScheduleKind.TIMES_IN_DAYS, times=" 365 ", every="365")
    assert schedule_of(draft) == Schedule(ScheduleKind.TIMES_IN_DAYS, times=365, every=365)


def test_records_read_old_and_new_and_a_later_kind_is_named_newer() -> None:
    # Written before this kind existed: still reads as it did.
    old = Schedule.from_data({"kind": "per week", "weekdays": [], "times": 3, "every": 1})
    assert old == Schedule(ScheduleKind.PER_WEEK, times=3)
    stored = THREE_IN_TEN.to_data()
    assert Schedule.from_data(stored) == THREE_IN_TEN
    with pytest.raises(Invalid) as later:
        Schedule.from_data({**stored, "kind": "x in n weeks"})
    assert later.value.reason == NEWER


def test_streak_counts_kept_stretches_and_a_short_one_breaks_it() -> None:
    h = habit()
    # Stretch 1 kept (3 ticks), 2 kept, 3 short (1 tick), 4 kept, 5 under way with 1 tick.
    checks = ticks(0, 4, 9, 10, 11, 12, 25, 30, 31, 39, 40)
    today = START + timedelta(days=42)
    result = streaks(h, checks, today)
    assert (result.current, result.best, result.unit) == (1, 2, "stretches")
    assert period_progress(h, checks, today) == (1, 3)


def test_a_stretch_short_only_by_skips_neither_breaks_nor_counts() -> None:
    h = habit()
    checks = ticks(0, 1, 2, 10, 11, 20, 21, 22, skip=(15,))
    assert streaks(h, checks, START + timedelta(days=29)).current == 2


def test_today_offers_it_until_the_stretch_is_met() -> None:
    h = habit()
    today = START + timedelta(days=16)  # the 7th day of the second stretch
    checks_by = {"a": {"h": ticks(10, 12)}}
    row = row_for(h, "a", checks_by, today)
    assert row.state is DayState.PENDING
    assert row.detail_text() == "2/3 · 4 days left"
    assert row_for(h, "a", checks_by, START + timedelta(days=19)).detail_text() == (
        "2/3 · last day"
    )
    met = {"a": {"h": ticks(10, 12, 14)}}
    assert row_for(h, "a", met, today).state is DayState.NOT_DUE
    assert row_for(h, "a", met, today).streak_text() == "1×"


def test_it_is_left_out_of_the_week_figure_and_has_no_day_runs() -> None:
    h = habit()
    checks = ticks(0, 1, 2, 3)
    today = START + timedelta(days=3)
    assert week_completion([h], {"a": {"h": checks}}, "a", today) is None
    assert longest_runs(h, checks, today) == []
    # The grid shows ticks, and no unticked day of a period habit as missed.
    assert "missed" not in {cell for column in year_grid(h, checks, today) for cell in column}


def oracle_day_state(h: Habit, checks: dict[date, Check], day: date, today: date) -> DayState:
    """The cell of one day, from a brute-force count over the days of its stretch."""
    check = checks.get(day)
    if day < h.start:
        return DayState.NOT_DUE
    if day > today:
        return DayState.PENDING
    if check is not None and check.status is CheckStatus.DONE:
        return DayState.MET
    if check is not None:
        return DayState.SKIPPED
    n = h.schedule.every
    index = (day - h.start).days // n
    stretch = [h.start + timedelta(days=index * n + k) for k in range(n)]
    seen = [checks.get(d) for d in stretch if d <= today]
    met = sum(c is not None and c.status is CheckStatus.DONE for c in seen)
    skipped = sum(c is not None and c.status is CheckStatus.SKIP for c in seen)
    if met >= h.schedule.times:
        return DayState.NOT_DUE  # kept: nothing more is owed this stretch
    if stretch[-1] >= today:
        return DayState.PENDING if day == today else DayState.NOT_DUE
    return DayState.NOT_DUE if met + skipped >= h.schedule.times else DayState.MISSED


@settings(max_examples=150, deadline=None)
@given(
    every=st.integers(2, 12),
    data=st.data(),
    span=st.integers(0, 60),
    marks=st.lists(st.sampled_from(["done", "skip", "none", "none"]), min_size=75, max_size=75),
)
def test_each_day_reads_as_a_brute_force_count_of_its_stretch_says(
    every: int, data: st.DataObject, span: int, marks: list[str]
) -> None:
    times = data.draw(st.integers(1, every))
    h = habit(Schedule(ScheduleKind.TIMES_IN_DAYS, times=times, every=every))
    today = START + timedelta(days=span)
    checks: dict[date, Check] = {}
    for offset, mark in enumerate(marks, start=-5):
        day = START + timedelta(days=offset)
        if mark != "none":
            status = CheckStatus.DONE if mark == "done" else CheckStatus.SKIP
            checks[day] = Check("h", "a", day, status)
    for offset in range(-3, span + 4):
        day = START + timedelta(days=offset)
        assert day_state(h, checks, day, today) is oracle_day_state(h, checks, day, today)
