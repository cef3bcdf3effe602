"""The together streak and each partner's week, worked out by hand."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.days import SUNDAY
from tracker.domain.habits.progress import habit_checks
from tracker.domain.habits.together import together_streak
from tracker.domain.habits.week import week_completion, week_share_means
from tracker.domain.models import (
    US,
    Check,
    CheckStatus,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
)

D = date
START = D(2026, 3, 2)  # a Monday

TALK = Habit("talk", "Ask about the day", owner=Owner.EACH, start=START)
WALK = Habit("walk", "A's walk", owner=Owner.A, start=START)
READ = Habit("read", "B's reading", owner=Owner.B, start=START)
DINNER = Habit("dinner", "Dinner together", owner=Owner.TOGETHER, start=START)
OLD = Habit("old", "Archived", owner=Owner.EACH, start=START, archived=True)
MINUTES = Habit(
    "minutes", "Talk 15 min", owner=Owner.EACH, start=START, kind=HabitKind.MEASURABLE, target=15
)
THREE_A_WEEK = Habit(
    "date", "Date", owner=Owner.EACH, start=START, schedule=Schedule(ScheduleKind.PER_WEEK, times=3)
)
MONTHLY = Habit(
    "review",
    "Review",
    owner=Owner.EACH,
    start=START,
    schedule=Schedule(ScheduleKind.PER_MONTH, times=2),
)
SUNDAYS = Habit(
    "plan",
    "Plan",
    owner=Owner.EACH,
    start=START,
    schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(6,)),
)
ALL = [TALK, WALK, READ, DINNER, OLD, MINUTES, THREE_A_WEEK, MONTHLY, SUNDAYS]

Book = dict[str, dict[str, dict[date, Check]]]


def tick(
    book: Book,
    person: str,
    habit: Habit,
    *days: date,
    status: CheckStatus = CheckStatus.DONE,
    value: float | None = None,
) -> None:
    for day in days:
        book.setdefault(person, {}).setdefault(habit.id, {})[day] = Check(
            habit.id, person, day, status, value
        )


def span(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


# --- together streak -----------------------------------------------------------


def test_both_ticking_every_day_builds_the_streak() -> None:
    book: Book = {}
    tick(book, "a", TALK, *span(START, 4))
    tick(book, "b", TALK, *span(START, 4))
    assert together_streak(ALL, book, D(2026, 3, 5)) == 4
    assert together_streak(ALL, book, D(2026, 3, 6)) == 4  # today not ticked yet
    assert together_streak(ALL, book, D(2026, 3, 7)) == 0  # yesterday missed
    assert together_streak(ALL, book, D(2026, 3, 3)) == 2  # later ticks are ignored


def test_any_habit_of_each_partner_counts() -> None:
    book: Book = {}
    tick(book, "a", WALK, D(2026, 3, 2), D(2026, 3, 3))
    tick(book, "b", READ, D(2026, 3, 2))
    tick(book, "b", TALK, D(2026, 3, 3))
    assert together_streak(ALL, book, D(2026, 3, 3)) == 2


def test_a_day_one_partner_missed_breaks_it() -> None:
    book: Book = {}
    tick(book, "a", TALK, *span(START, 4))
    tick(book, "b", TALK, D(2026, 3, 2), D(2026, 3, 3), D(2026, 3, 5))
    assert together_streak(ALL, book, D(2026, 3, 5)) == 1
    # Only A has ticked today: today doesn't count yet, but doesn't break it.
    assert together_streak(ALL, book, D(2026, 3, 6)) == 1
    tick(book, "a", TALK, D(2026, 3, 6))
    assert together_streak(ALL, book, D(2026, 3, 6)) == 1


def test_a_together_habit_counts_for_both() -> None:
    book: Book = {}
    tick(book, "a", TALK, D(2026, 3, 2))
    tick(book, "b", TALK, D(2026, 3, 2))
    tick(book, US, DINNER, D(2026, 3, 3), D(2026, 3, 4))
    assert together_streak(ALL, book, D(2026, 3, 4)) == 3


def test_archived_unmet_and_skipped_ticks_do_not_count() -> None:
    book: Book = {}
    tick(book, "a", TALK, *span(START, 3))
    tick(book, "b", TALK, D(2026, 3, 2))
    tick(book, "b", OLD, D(2026, 3, 3))
    tick(book, "b", MINUTES, D(2026, 3, 4), value=10)  # short of 15 minutes
    tick(book, "b", TALK, D(2026, 3, 4), status=CheckStatus.SKIP)
    assert together_streak(ALL, book, D(2026, 3, 4)) == 0
    assert together_streak(ALL, book, D(2026, 3, 2)) == 1
    tick(book, "b", MINUTES, D(2026, 3, 3), D(2026, 3, 4), value=15)
    assert together_streak(ALL, book, D(2026, 3, 4)) == 3


def test_ticks_before_a_habit_started_do_not_count() -> None:
    late = Habit("late", "Late", owner=Owner.EACH, start=D(2026, 3, 4))
    book: Book = {}
    tick(book, "a", late, *span(START, 4))
    tick(book, "b", late, *span(START, 4))
    assert together_streak([late], book, D(2026, 3, 5)) == 2


def test_a_holiday_both_planned_bridges_the_streak_without_adding_to_it() -> None:
    book: Book = {}
    tick(book, "a", TALK, START, D(2026, 3, 3), D(2026, 3, 6))
    tick(book, "b", TALK, START, D(2026, 3, 3), D(2026, 3, 6))
    holiday = (D(2026, 3, 4), D(2026, 3, 5))
    tick(book, "a", TALK, *holiday, status=CheckStatus.SKIP)
    assert together_streak(ALL, book, D(2026, 3, 6)) == 1  # only A planned it: broken
    tick(book, "b", READ, *holiday, status=CheckStatus.SKIP)
    assert together_streak(ALL, book, D(2026, 3, 6)) == 3
    assert together_streak(ALL, book, D(2026, 3, 5)) == 2  # a skipped today waits too
    tick(book, "a", WALK, D(2026, 3, 4))  # A ticked on holiday anyway: still bridged
    assert together_streak(ALL, book, D(2026, 3, 6)) == 3
    tick(book, "b", TALK, D(2026, 3, 4))  # both showed up after all: it counts
    assert together_streak(ALL, book, D(2026, 3, 6)) == 4


def test_a_skipped_together_habit_is_both_partners_away() -> None:
    book: Book = {}
    tick(book, US, DINNER, START, D(2026, 3, 4))
    tick(book, US, DINNER, D(2026, 3, 3), status=CheckStatus.SKIP)
    assert together_streak(ALL, book, D(2026, 3, 4)) == 2


def test_no_habits_no_streak() -> None:
    assert together_streak([], {}, D(2026, 3, 5)) == 0


# --- week completion -----------------------------------------------------------

WEDNESDAY = D(2026, 3, 11)  # week of Monday 9 March


def test_day_habits_count_due_days_so_far_this_week() -> None:
    book: Book = {}
    tick(book, "a", TALK, D(2026, 3, 8), D(2026, 3, 9), D(2026, 3, 10))  # 8th is last week
    assert week_completion([TALK], book, "a", WEDNESDAY) == pytest.approx(2 / 3)
    assert week_completion([TALK], book, "b", WEDNESDAY) == 0.0


def test_per_week_habits_weigh_their_times_and_monthly_ones_are_left_out() -> None:
    book: Book = {}
    tick(book, "a", TALK, D(2026, 3, 9), D(2026, 3, 10))
    tick(book, "a", THREE_A_WEEK, D(2026, 3, 9))
    tick(book, "a", MONTHLY, D(2026, 3, 10))
    habits = [TALK, THREE_A_WEEK, MONTHLY]
    # One tick of three by Wednesday: on track, so one done of one owed so far.
    assert week_completion(habits, book, "a", WEDNESDAY) == pytest.approx((2 + 1) / (3 + 1))
    tick(book, "a", THREE_A_WEEK, *span(D(2026, 3, 9), 3), D(2026, 3, 6))
    assert week_completion(habits, book, "a", WEDNESDAY) == pytest.approx((2 + 3) / (3 + 3))


def test_ownership_decides_whose_week_a_habit_is_in() -> None:
    book: Book = {}
    tick(book, "a", WALK, *span(D(2026, 3, 9), 3))
    tick(book, US, DINNER, D(2026, 3, 9))
    habits = [WALK, READ, DINNER]
    assert week_completion(habits, book, "a", WEDNESDAY) == pytest.approx((3 + 1) / (3 + 3))
    assert week_completion(habits, book, "b", WEDNESDAY) == pytest.approx((0 + 1) / (3 + 3))


def test_skips_are_taken_out_of_what_is_owed() -> None:
    book: Book = {}
    tick(book, "a", TALK, D(2026, 3, 9), D(2026, 3, 10))
    tick(book, "a", TALK, WEDNESDAY, status=CheckStatus.SKIP)
    assert week_completion([TALK], book, "a", WEDNESDAY) == 1.0
    tick(book, "a", THREE_A_WEEK, D(2026, 3, 9))
    sunday = D(2026, 3, 15)
    assert week_completion([THREE_A_WEEK], book, "a", sunday) == pytest.approx(1 / 3)
    tick(book, "a", THREE_A_WEEK, D(2026, 3, 10), status=CheckStatus.SKIP)
    assert week_completion([THREE_A_WEEK], book, "a", sunday) == pytest.approx(1 / 2)


def test_a_monday_with_everything_due_done_is_the_whole_week_so_far() -> None:
    # Issue 22 saw 14% here: two 3-a-week habits were owed all six ticks on day one.
    monday = D(2026, 3, 9)
    twice = THREE_A_WEEK.with_changes(id="walks", title="Walks")
    book: Book = {}
    tick(book, "a", TALK, monday)
    assert week_completion([TALK, THREE_A_WEEK, twice], book, "a", monday) == 1.0


@pytest.mark.parametrize(
    ("weekday", "owed"),
    [(0, 0), (3, 0), (4, 1), (5, 2), (6, 3)],
    ids=["mon", "thu", "fri", "sat", "sun"],
)
def test_a_few_times_a_week_habit_is_owed_once_the_week_cannot_wait(
    weekday: int, owed: int
) -> None:
    today = D(2026, 3, 9) + timedelta(days=weekday)
    expected = None if owed == 0 else 0.0
    assert week_completion([THREE_A_WEEK], {}, "a", today) == expected
    book: Book = {}
    tick(book, "a", THREE_A_WEEK, D(2026, 3, 9))  # one tick on Monday
    assert week_completion([THREE_A_WEEK], book, "a", today) == pytest.approx(1 / max(owed, 1))


def test_the_share_is_explained_in_words_that_name_what_it_counts() -> None:
    for idea in ("due", "skips are left out", "together habit counts for both", "Monday"):
        assert idea in week_share_means()
    assert "from Sunday" in week_share_means(SUNDAY)


def test_nothing_due_gives_none() -> None:
    future = Habit("future", "Soon", owner=Owner.EACH, start=D(2026, 3, 12))
    habits = [SUNDAYS, MONTHLY, OLD, future, READ]
    assert week_completion(habits, {}, "a", WEDNESDAY) is None
    assert week_completion(habits, {}, "b", WEDNESDAY) == 0.0  # READ is B's


def test_the_week_runs_monday_to_today_only() -> None:
    book: Book = {}
    tick(book, "a", SUNDAYS, D(2026, 3, 15))
    assert week_completion([SUNDAYS], book, "a", D(2026, 3, 14)) is None
    assert week_completion([SUNDAYS], book, "a", D(2026, 3, 15)) == 1.0
    assert week_completion([TALK], {}, "a", D(2026, 3, 9)) == 0.0


def test_habit_checks_files_together_habits_under_us() -> None:
    book: Book = {}
    tick(book, US, DINNER, START)
    tick(book, "a", TALK, START)
    assert set(habit_checks(book, DINNER, "a")) == {START}
    assert set(habit_checks(book, DINNER, "b")) == {START}
    assert set(habit_checks(book, TALK, "a")) == {START}
    assert dict(habit_checks(book, TALK, "b")) == {}


# --- the together streak against the obvious way ---------------------------------


def together_by_sets(habits: list[Habit], book: Book, today: date) -> int:
    """The definition, the slow way: every met and skipped day of every habit, then the run.

    A day both showed up counts; a day both planned a skip is stepped over.
    """
    ticked: dict[str, set[date]] = {"a": set(), "b": set()}
    skipped: dict[str, set[date]] = {"a": set(), "b": set()}
    for habit in habits:
        if habit.archived:
            continue
        for key in habit.people():
            checks = habit_checks(book, habit, key).items()
            shown = {day: check for day, check in checks if habit.start <= day <= today}
            met = {
                day
                for day, check in shown.items()
                if check.status is CheckStatus.DONE and habit.met_by(check.value)
            }
            away = {day for day, check in shown.items() if check.status is CheckStatus.SKIP}
            for person in ("a", "b") if key == US else (key,):
                ticked[person] |= met
                skipped[person] |= away
    both = ticked["a"] & ticked["b"]
    both_away = skipped["a"] & skipped["b"]
    day = today if today in both | both_away else today - timedelta(days=1)
    run = 0
    while day in both | both_away:
        run += day in both
        day -= timedelta(days=1)
    return run


ticks = st.lists(
    st.tuples(
        st.sampled_from(ALL),
        st.sampled_from(["a", "b"]),
        st.integers(-3, 12),  # days after START; a few before it, too
        st.sampled_from([CheckStatus.DONE, CheckStatus.SKIP]),
        st.one_of(st.none(), st.integers(0, 30).map(float)),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(ticks=ticks, today_offset=st.integers(-2, 14))
def test_the_together_streak_is_the_run_of_days_both_showed_up(
    ticks: list[tuple[Habit, str, int, CheckStatus, float | None]], today_offset: int
) -> None:
    book: Book = {}
    for habit, person, offset, status, value in ticks:
        key = US if habit.owner is Owner.TOGETHER else person
        tick(book, key, habit, START + timedelta(days=offset), status=status, value=value)
    today = START + timedelta(days=today_offset)
    assert together_streak(ALL, book, today) == together_by_sets(ALL, book, today)
