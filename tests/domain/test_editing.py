"""The habit form: what was typed becomes a Habit, or one sentence saying why not."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.content.starter import STARTER_HABITS, StarterHabit, find_starter
from tracker.domain.editing import HabitDraft, habit_from_draft, schedule_of
from tracker.domain.models import (
    Area,
    Direction,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
)

START = date(2026, 3, 2)


def make(draft: HabitDraft, order: int = 0, archived: bool = False) -> Habit:
    return habit_from_draft(draft, "habit:test", START, order, archived)


# --- valid drafts, one per schedule kind ------------------------------------------


def test_daily_yes_no_habit() -> None:
    draft = HabitDraft(
        title="  One specific  thank-you ",
        description="Thank them for\none particular   thing.",
        area=Area.TRUST,
        owner=Owner.A,
    )
    habit = make(draft, order=4)
    assert habit == Habit(
        id="habit:test",
        title="One specific thank-you",
        area=Area.TRUST,
        owner=Owner.A,
        schedule=Schedule(ScheduleKind.DAILY),
        start=START,
        description="Thank them for one particular thing.",
        kind=HabitKind.YES_NO,
        target=1.0,
        unit="",
        direction=Direction.AT_LEAST,
        archived=False,
        order=4,
    )


def test_daily_ignores_the_unused_number_fields() -> None:
    # The form keeps what was typed in hidden fields; a daily habit must not trip on it.
    draft = HabitDraft(title="Hug", times="x", every="0", weekdays=[])
    assert make(draft).schedule == Schedule(ScheduleKind.DAILY, (), 1, 1)


def test_weekdays_schedule_is_sorted_and_deduplicated() -> None:
    draft = HabitDraft(title="Hug", schedule=ScheduleKind.WEEKDAYS, weekdays=[4, 0, 2, 0])
    assert make(draft).schedule == Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2, 4))


def test_per_week_schedule() -> None:
    draft = HabitDraft(title="Dinner", schedule=ScheduleKind.PER_WEEK, times=" 4 ")
    assert make(draft).schedule == Schedule(ScheduleKind.PER_WEEK, times=4)


@pytest.mark.parametrize("times", ["1", "7"])
def test_per_week_bounds_are_accepted(times: str) -> None:
    draft = HabitDraft(title="Dinner", schedule=ScheduleKind.PER_WEEK, times=times)
    assert make(draft).schedule.times == int(times)


def test_per_month_schedule() -> None:
    draft = HabitDraft(title="Money talk", schedule=ScheduleKind.PER_MONTH, times="28")
    assert make(draft).schedule == Schedule(ScheduleKind.PER_MONTH, times=28)


def test_every_n_days_schedule() -> None:
    draft = HabitDraft(title="Letter", schedule=ScheduleKind.EVERY_N_DAYS, every="3")
    assert make(draft).schedule == Schedule(ScheduleKind.EVERY_N_DAYS, every=3)


def test_every_n_days_of_365_is_accepted() -> None:
    draft = HabitDraft(title="Anniversary", schedule=ScheduleKind.EVERY_N_DAYS, every="365")
    assert make(draft).schedule.every == 365


def test_measurable_habit_at_least() -> None:
    draft = HabitDraft(
        title="Unhurried talk",
        owner=Owner.TOGETHER,
        schedule=ScheduleKind.PER_WEEK,
        times="3",
        kind=HabitKind.MEASURABLE,
        target=" 15 ",
        unit="  minutes ",
    )
    habit = make(draft)
    assert habit.measurable
    assert (habit.target, habit.unit, habit.direction) == (15.0, "minutes", Direction.AT_LEAST)
    assert habit.owner is Owner.TOGETHER


def test_measurable_habit_at_most_with_decimal_comma() -> None:
    draft = HabitDraft(
        title="Screen time",
        kind=HabitKind.MEASURABLE,
        target="2,5",
        unit="hours",
        direction=Direction.AT_MOST,
    )
    habit = make(draft)
    assert (habit.target, habit.unit, habit.direction) == (2.5, "hours", Direction.AT_MOST)


def test_unit_of_twenty_characters_is_accepted() -> None:
    draft = HabitDraft(title="Walk", kind=HabitKind.MEASURABLE, target="5", unit="u" * 20)
    assert make(draft).unit == "u" * 20


def test_yes_no_habit_ignores_target_and_unit_fields() -> None:
    draft = HabitDraft(title="Hug", kind=HabitKind.YES_NO, target="abc", unit="x" * 40)
    habit = make(draft)
    assert (habit.target, habit.unit) == (1.0, "")


def test_id_start_order_and_archived_come_from_the_caller() -> None:
    habit = habit_from_draft(HabitDraft(title="Hug"), "habit:abc", date(2025, 1, 9), 7, True)
    assert (habit.id, habit.start, habit.order, habit.archived) == (
        "habit:abc",
        date(2025, 1, 9),
        7,
        True,
    )


def test_schedule_of_returns_the_schedule_alone() -> None:
    draft = HabitDraft(title="", schedule=ScheduleKind.PER_MONTH, times="2")
    # No title needed to work out the schedule (the form previews it).
    assert schedule_of(draft) == Schedule(ScheduleKind.PER_MONTH, times=2)


# --- refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "phrase"),
    [
        (HabitDraft(title="Hug", schedule=ScheduleKind.WEEKDAYS, weekdays=[]), "at least one"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_WEEK, times="0"), "1 to 7 times"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_WEEK, times="8"), "1 to 7 times"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_WEEK, times="x"), "whole number"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_WEEK, times="2.5"), "whole number"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_MONTH, times="29"), "1 to 28 times"),
        (HabitDraft(title="Hug", schedule=ScheduleKind.PER_MONTH, times="0"), "1 to 28 times"),
        (
            HabitDraft(title="Hug", schedule=ScheduleKind.EVERY_N_DAYS, every="0"),
            "between 1 and 365",
        ),
        (
            HabitDraft(title="Hug", schedule=ScheduleKind.EVERY_N_DAYS, every="366"),
            "between 1 and 365",
        ),
        (
            HabitDraft(title="Hug", schedule=ScheduleKind.EVERY_N_DAYS, every="x"),
            "Every N days needs a whole number",
        ),
        (
            HabitDraft(title="Hug", schedule=ScheduleKind.EVERY_N_DAYS, every=""),
            "Every N days needs a whole number",
        ),
    ],
    ids=[
        "no-weekday",
        "week-0",
        "week-8",
        "week-x",
        "week-2.5",
        "month-29",
        "month-0",
        "every-0",
        "every-366",
        "every-x",
        "every-empty",
    ],
)
def test_schedule_mistakes(draft: HabitDraft, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase):
        make(draft)


def measurable(target: str, unit: str = "minutes") -> HabitDraft:
    return HabitDraft(title="Talk", kind=HabitKind.MEASURABLE, target=target, unit=unit)


@pytest.mark.parametrize(
    ("target", "phrase"),
    [
        ("", "Type a number"),
        ("   ", "Type a number"),
        ("0", "more than zero"),
        ("-3", "below zero"),
        ("abc", "is not a number"),
        ("nan", "not a number we can count"),
        ("5000000", "more than 1,000,000 minutes"),
    ],
)
def test_measurable_target_mistakes(target: str, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase):
        make(measurable(target))


def test_unit_longer_than_twenty_characters() -> None:
    with pytest.raises(ValueError, match="up to 20 characters"):
        make(measurable("15", unit="u" * 21))


def test_title_empty() -> None:
    with pytest.raises(ValueError, match="Give the habit a name"):
        make(HabitDraft(title="   "))


def test_title_too_long() -> None:
    with pytest.raises(ValueError, match="80 characters or fewer"):
        make(HabitDraft(title="t" * 81))


def test_description_too_long() -> None:
    with pytest.raises(ValueError, match="under 500 characters"):
        make(HabitDraft(title="Hug", description="d" * 501))


def test_description_of_five_hundred_is_accepted() -> None:
    assert make(HabitDraft(title="Hug", description="d" * 500)).description == "d" * 500


def test_description_is_cleaned_of_escapes() -> None:
    habit = make(HabitDraft(title="Hug", description="\x1b[2Jsee\x07 you"))
    assert habit.description == "[2Jsee you"


# --- editing an existing habit round-trips ------------------------------------------------


def starter_habit(key: str, order: int) -> Habit:
    starter = find_starter(key)
    assert starter is not None
    return starter.to_habit(f"habit:{key}", date(2025, 11, 17), order)


ROUND_TRIP = [
    starter_habit("phone-free-dinner", 0),
    starter_habit("ask-about-their-day", 1),
    starter_habit("specific-thank-you", 2),
    starter_habit("unhurried-talk", 3),
    starter_habit("phone-time-in-bed", 4),
    Habit(
        "habit:letter",
        "Write a letter",
        area=Area.PRIORITIES,
        owner=Owner.B,
        schedule=Schedule(ScheduleKind.EVERY_N_DAYS, every=10),
        start=date(2024, 2, 29),
        description="By hand.",
        order=9,
        archived=True,
    ),
    Habit(
        "habit:money",
        "Money check-in",
        area=Area.CONFLICT,
        owner=Owner.TOGETHER,
        schedule=Schedule(ScheduleKind.PER_MONTH, times=2),
        start=date(2026, 1, 31),
        kind=HabitKind.MEASURABLE,
        target=0.5,
        unit="hours",
        direction=Direction.AT_LEAST,
        order=12,
    ),
]


def round_trip(habit: Habit) -> Habit:
    draft = HabitDraft.of(habit)
    return habit_from_draft(draft, habit.id, habit.start, habit.order, habit.archived)


@pytest.mark.parametrize("habit", ROUND_TRIP, ids=[h.id for h in ROUND_TRIP])
def test_draft_of_habit_round_trips(habit: Habit) -> None:
    assert round_trip(habit) == habit


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=[s.key for s in STARTER_HABITS])
def test_every_starter_round_trips_through_the_form(starter: StarterHabit) -> None:
    habit = starter.to_habit(f"habit:{starter.key}", date(2026, 1, 1), 3)
    assert round_trip(habit) == habit


def test_draft_of_measurable_habit_shows_target_as_typed() -> None:
    draft = HabitDraft.of(starter_habit("phone-time-in-bed", 0))
    assert (draft.target, draft.unit, draft.direction) == ("10", "minutes", Direction.AT_MOST)
    assert draft.kind is HabitKind.MEASURABLE


def test_draft_of_yes_no_habit_leaves_target_empty() -> None:
    draft = HabitDraft.of(starter_habit("ask-about-their-day", 0))
    assert draft.target == ""
    assert (draft.schedule, draft.weekdays) == (ScheduleKind.WEEKDAYS, [0, 1, 2, 3, 4])


def test_round_trip_keeps_a_precise_target() -> None:
    habit = Habit(
        "habit:run",
        "Run",
        kind=HabitKind.MEASURABLE,
        target=1234.567,  # typed into the form as "1234.567", which the form accepts
        unit="metres",
        start=START,
    )
    assert make(measurable("1234.567", unit="metres")).target == 1234.567
    assert round_trip(habit).target == 1234.567
