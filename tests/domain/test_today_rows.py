"""What the Today screen shows for one person on one day, worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.habits.progress import DayState
from tracker.domain.habits.today import couple_figures, habits_of, row_for, rows_for
from tracker.domain.models import (
    US,
    Check,
    CheckStatus,
    Direction,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
)

D = date
START = D(2026, 3, 2)  # a Monday
TUESDAY = D(2026, 3, 10)
WEDNESDAY = D(2026, 3, 11)

ONLY_A = Habit("only-a", "Alex's walk", owner=Owner.A, start=START)
ONLY_B = Habit("only-b", "Sam's reading", owner=Owner.B, start=START)
EACH = Habit("each", "Ask about the day", owner=Owner.EACH, start=START)
MWF = Habit(
    "mwf",
    "Morning hug",
    owner=Owner.EACH,
    start=START,
    schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2, 4)),
)
TOGETHER = Habit(
    "dinner",
    "Phone-free dinner",
    owner=Owner.TOGETHER,
    start=START,
    schedule=Schedule(ScheduleKind.PER_WEEK, times=3),
)
ARCHIVED_EACH = Habit("old", "Old habit", owner=Owner.EACH, start=START, archived=True)
ARCHIVED_US = Habit("old-us", "Old shared", owner=Owner.TOGETHER, start=START, archived=True)
STARTS_TOMORROW = Habit("later", "Starts later", owner=Owner.EACH, start=D(2026, 3, 11))
STARTS_TODAY = Habit("fresh", "Starts today", owner=Owner.EACH, start=TUESDAY)
MINUTES = Habit(
    "minutes",
    "Unhurried talk",
    owner=Owner.EACH,
    start=START,
    kind=HabitKind.MEASURABLE,
    target=15,
    unit="minutes",
)
AT_MOST = Habit(
    "bed",
    "Phone time in bed",
    owner=Owner.EACH,
    start=START,
    kind=HabitKind.MEASURABLE,
    target=10,
    unit="minutes",
    direction=Direction.AT_MOST,
)
MONTHLY = Habit(
    "review",
    "Money talk",
    owner=Owner.EACH,
    start=D(2026, 1, 5),
    schedule=Schedule(ScheduleKind.PER_MONTH, times=2),
)

Book = dict[str, dict[str, dict[date, Check]]]


def book_of(*checks: Check) -> Book:
    book: Book = {}
    for check in checks:
        book.setdefault(check.person, {}).setdefault(check.habit_id, {})[check.day] = check
    return book


def done(habit: Habit, person: str, day: date, value: float | None = None, note: str = "") -> Check:
    return Check(habit.id, person, day, CheckStatus.DONE, value, note)


def skip(habit: Habit, person: str, day: date) -> Check:
    return Check(habit.id, person, day, CheckStatus.SKIP)


# --- whose habits --------------------------------------------------------------

ALL = [ONLY_A, ONLY_B, EACH, TOGETHER, ARCHIVED_EACH, ARCHIVED_US, MWF]


def test_partner_a_gets_own_and_each_habits_in_order() -> None:
    assert habits_of(ALL, "a") == [ONLY_A, EACH, MWF]


def test_partner_b_gets_own_and_each_habits_in_order() -> None:
    assert habits_of(ALL, "b") == [ONLY_B, EACH, MWF]


def test_a_only_habit_is_not_in_b_list_and_b_only_not_in_a_list() -> None:
    assert ONLY_A not in habits_of(ALL, "b")
    assert ONLY_B not in habits_of(ALL, "a")


def test_together_habits_only_under_us() -> None:
    assert habits_of(ALL, US) == [TOGETHER]
    assert TOGETHER not in habits_of(ALL, "a")
    assert TOGETHER not in habits_of(ALL, "b")


def test_archived_habits_are_left_out_for_everyone() -> None:
    for person in ("a", "b", US):
        listed = habits_of(ALL, person)
        assert ARCHIVED_EACH not in listed
        assert ARCHIVED_US not in listed


# --- rows ----------------------------------------------------------------------


def test_rows_put_not_due_habits_after_due_ones_keeping_order() -> None:
    # Tuesday: MWF is not due, so it moves after EACH although it comes first.
    habits = [ONLY_A, MWF, EACH]
    rows = rows_for(habits, {}, "a", TUESDAY)
    assert [r.habit.id for r in rows] == ["only-a", "each", "mwf"]
    assert [r.state for r in rows] == [DayState.PENDING, DayState.PENDING, DayState.NOT_DUE]


def test_rows_on_a_due_day_keep_the_given_order() -> None:
    rows = rows_for([ONLY_A, MWF, EACH], {}, "a", WEDNESDAY)
    assert [r.habit.id for r in rows] == ["only-a", "mwf", "each"]


def test_rows_leave_out_habits_starting_after_the_day() -> None:
    rows = rows_for([STARTS_TOMORROW, STARTS_TODAY, EACH], {}, "a", TUESDAY)
    assert [r.habit.id for r in rows] == ["fresh", "each"]
    # The next day it shows up.
    rows = rows_for([STARTS_TOMORROW, STARTS_TODAY, EACH], {}, "a", WEDNESDAY)
    assert [r.habit.id for r in rows] == ["later", "fresh", "each"]


def test_rows_for_us_are_together_habits_filed_under_us() -> None:
    book = book_of(done(TOGETHER, US, TUESDAY))
    rows = rows_for(ALL, book, US, TUESDAY)
    assert len(rows) == 1
    assert rows[0].person == US
    assert rows[0].key == "dinner|us"
    assert rows[0].state is DayState.MET


def test_row_for_a_together_habit_reads_the_us_checks_whoever_asks() -> None:
    book = book_of(done(TOGETHER, US, TUESDAY))
    row = row_for(TOGETHER, "a", book, TUESDAY)
    assert row.person == US
    assert row.check == done(TOGETHER, US, TUESDAY)


def test_rows_for_b_ignore_a_checks() -> None:
    book = book_of(done(EACH, "a", TUESDAY))
    (a_row,) = rows_for([EACH], book, "a", TUESDAY)
    (b_row,) = rows_for([EACH], book, "b", TUESDAY)
    assert a_row.state is DayState.MET
    assert b_row.state is DayState.PENDING
    assert b_row.check is None


# --- marks -----------------------------------------------------------------------


def test_mark_met() -> None:
    row = row_for(EACH, "a", book_of(done(EACH, "a", TUESDAY)), TUESDAY)
    assert row.done
    assert row.mark == "✓"


def test_mark_skipped() -> None:
    row = row_for(EACH, "a", book_of(skip(EACH, "a", TUESDAY)), TUESDAY)
    assert row.state is DayState.SKIPPED
    assert not row.done
    assert row.mark == "–"


def test_mark_partly_for_measurable_below_target() -> None:
    row = row_for(MINUTES, "a", book_of(done(MINUTES, "a", TUESDAY, value=10)), TUESDAY)
    assert row.state is DayState.PENDING
    assert not row.done
    assert row.mark == "◐"


def test_measurable_at_target_is_met() -> None:
    row = row_for(MINUTES, "a", book_of(done(MINUTES, "a", TUESDAY, value=15)), TUESDAY)
    assert row.mark == "✓"


def test_mark_partly_for_at_most_habit_over_its_limit() -> None:
    over = row_for(AT_MOST, "a", book_of(done(AT_MOST, "a", TUESDAY, value=50)), TUESDAY)
    within = row_for(AT_MOST, "a", book_of(done(AT_MOST, "a", TUESDAY, value=10)), TUESDAY)
    assert over.mark == "◐"
    assert within.mark == "✓"


def test_mark_pending() -> None:
    row = row_for(EACH, "a", {}, TUESDAY)
    assert row.state is DayState.PENDING
    assert row.mark == "·"


def test_mark_not_due() -> None:
    row = row_for(MWF, "a", {}, TUESDAY)
    assert row.state is DayState.NOT_DUE
    assert row.mark == " "


def test_mark_for_a_full_tick_on_a_not_due_day_is_not_partly() -> None:
    # A Mon/Wed/Fri habit done on a Tuesday anyway: nothing is short of a target.
    row = row_for(MWF, "a", book_of(done(MWF, "a", TUESDAY)), TUESDAY)
    assert row.mark != "◐"


# --- streak and detail text ---------------------------------------------------------


def test_streak_text_in_days() -> None:
    book = book_of(*(done(EACH, "a", D(2026, 3, d)) for d in (7, 8, 9, 10)))
    assert row_for(EACH, "a", book, TUESDAY).streak_text() == "4d"


def test_streak_text_zero_days() -> None:
    assert row_for(EACH, "a", {}, TUESDAY).streak_text() == "0d"


def test_streak_text_in_weeks() -> None:
    # Weeks of Mar 2 and Mar 9 met three times each; the week of Mar 16 is under way.
    days = [D(2026, 3, d) for d in (2, 3, 4, 9, 11, 13)]
    book = book_of(*(done(TOGETHER, US, d) for d in days))
    assert row_for(TOGETHER, US, book, D(2026, 3, 17)).streak_text() == "2w"


def test_streak_text_in_months() -> None:
    # January and February met twice each; March so far once.
    days = [D(2026, 1, 6), D(2026, 1, 20), D(2026, 2, 3), D(2026, 2, 17), D(2026, 3, 3)]
    book = book_of(*(done(MONTHLY, "b", d) for d in days))
    assert row_for(MONTHLY, "b", book, TUESDAY).streak_text() == "2m"


def test_detail_text_shows_week_progress() -> None:
    # Monday and Tuesday of the week of Mar 9 ticked; asked on Wednesday.
    book = book_of(done(TOGETHER, US, D(2026, 3, 9)), done(TOGETHER, US, TUESDAY))
    row = row_for(TOGETHER, US, book, WEDNESDAY)
    assert row.progress == (2, 3)
    assert row.detail_text() == "2/3 this week"


def test_detail_text_week_progress_ignores_last_week() -> None:
    book = book_of(done(TOGETHER, US, D(2026, 3, 8)), done(TOGETHER, US, TUESDAY))
    assert row_for(TOGETHER, US, book, WEDNESDAY).detail_text() == "1/3 this week"


def test_detail_text_shows_month_progress() -> None:
    book = book_of(done(MONTHLY, "a", D(2026, 2, 27)), done(MONTHLY, "a", D(2026, 3, 3)))
    assert row_for(MONTHLY, "a", book, TUESDAY).detail_text() == "1/2 this month"


def test_detail_text_with_note_on_period_habit() -> None:
    book = book_of(done(TOGETHER, US, WEDNESDAY, note="pasta night"))
    assert row_for(TOGETHER, US, book, WEDNESDAY).detail_text() == "1/3 this week · ✎"


def test_detail_text_shows_logged_value_with_unit() -> None:
    book = book_of(done(MINUTES, "a", TUESDAY, value=12.5))
    assert row_for(MINUTES, "a", book, TUESDAY).detail_text() == "12.5 minutes"


def test_detail_text_whole_value_has_no_decimal_point() -> None:
    book = book_of(done(MINUTES, "a", TUESDAY, value=20.0))
    assert row_for(MINUTES, "a", book, TUESDAY).detail_text() == "20 minutes"


def test_detail_text_value_and_note() -> None:
    book = book_of(done(AT_MOST, "b", TUESDAY, value=7, note="read instead"))
    assert row_for(AT_MOST, "b", book, TUESDAY).detail_text() == "7 minutes · ✎"


def test_detail_text_note_only_on_a_yes_no_habit() -> None:
    book = book_of(done(EACH, "a", TUESDAY, note="talked about work"))
    assert row_for(EACH, "a", book, TUESDAY).detail_text() == "✎"


def test_detail_text_empty_for_plain_daily_habit() -> None:
    assert row_for(EACH, "a", book_of(done(EACH, "a", TUESDAY)), TUESDAY).detail_text() == ""


# --- couple figures -----------------------------------------------------------------

THURSDAY = D(2026, 3, 5)
FIGURE_HABITS = [
    EACH,  # daily, each of us
    ONLY_A,  # daily, Alex's alone
    Habit(
        "twice",
        "Date night",
        owner=Owner.TOGETHER,
        start=START,
        schedule=Schedule(ScheduleKind.PER_WEEK, times=2),
    ),
]


def test_couple_figures_on_a_small_history() -> None:
    twice = FIGURE_HABITS[2]
    book = book_of(
        done(EACH, "a", D(2026, 3, 3)),
        done(EACH, "a", D(2026, 3, 4)),
        done(EACH, "a", THURSDAY),
        done(EACH, "b", D(2026, 3, 2)),
        done(EACH, "b", D(2026, 3, 3)),
        done(EACH, "b", D(2026, 3, 4)),
        skip(EACH, "b", THURSDAY),
        done(twice, US, D(2026, 3, 2)),
    )
    figures = couple_figures(FIGURE_HABITS, book, THURSDAY)
    # Met days: Alex {2 (date night), 3, 4, 5}; Sam {2, 3, 4} (5 was a skip).
    # Both: {2, 3, 4}; today isn't met by both, so the run ends yesterday: 3 days.
    assert figures.together_streak == 3
    # Date night (2 a week) had one tick by Thursday, with three days left for the
    # other: one done of one owed so far, for both of us.
    # Alex: EACH 3 of 4 due days, ONLY_A 0 of 4, date night 1 of 1 -> 4 / 9.
    # Sam: EACH 3 of 3 (the skip is not owed), date night 1 of 1 -> 4 / 4.
    assert figures.week == {"a": pytest.approx(4 / 9), "b": pytest.approx(1.0)}


def test_couple_figures_streak_counts_today_once_both_met() -> None:
    book = book_of(
        done(EACH, "a", D(2026, 3, 4)),
        done(EACH, "b", D(2026, 3, 4)),
        done(EACH, "a", THURSDAY),
        done(EACH, "b", THURSDAY),
    )
    figures = couple_figures([EACH], book, THURSDAY)
    assert figures.together_streak == 2
    # Mon-Thu due, Wed and Thu met, for each of them.
    assert figures.week == {"a": pytest.approx(0.5), "b": pytest.approx(0.5)}


def test_couple_figures_with_nothing_due() -> None:
    figures = couple_figures([], {}, THURSDAY)
    assert figures.together_streak == 0
    assert figures.week == {"a": None, "b": None}
