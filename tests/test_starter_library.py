"""The starter library: enough habits, well-formed, and in our voice."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from datetime import date

import pytest

from tests.voice import banned_words_in
from tracker.domain.content.starter import (
    STARTER_HABITS,
    StarterHabit,
    find_starter,
    starters_by_area,
)
from tracker.domain.models import (
    Area,
    Direction,
    Habit,
    HabitKind,
    Owner,
    ScheduleKind,
)

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
IDS = [starter.key for starter in STARTER_HABITS]


def _texts(starter: StarterHabit) -> tuple[str, str]:
    return starter.title, starter.description


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


# --- size and coverage ---------------------------------------------------


def test_at_least_forty_starters() -> None:
    assert len(STARTER_HABITS) >= 40


def test_at_least_seven_per_area() -> None:
    counts = Counter(starter.area for starter in STARTER_HABITS)
    for area in Area:
        assert counts[area] >= 7, f"{area.value}: only {counts[area]}"


def test_every_schedule_kind_is_used() -> None:
    used = {starter.schedule.kind for starter in STARTER_HABITS}
    assert used == set(ScheduleKind)


def test_both_directions_of_measurable_are_used() -> None:
    directions = {s.direction for s in STARTER_HABITS if s.measurable}
    assert directions == set(Direction)


# --- keys ----------------------------------------------------------------


def test_keys_are_unique() -> None:
    duplicates = [k for k, n in Counter(IDS).items() if n > 1]
    assert not duplicates


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_key_is_slug_shaped(starter: StarterHabit) -> None:
    assert SLUG.fullmatch(starter.key), starter.key
    assert len(starter.key) <= 40


# --- titles and descriptions ---------------------------------------------


def test_titles_are_unique() -> None:
    titles = Counter(starter.title.casefold() for starter in STARTER_HABITS)
    assert [t for t, n in titles.items() if n > 1] == []


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_title_is_short_and_clean(starter: StarterHabit) -> None:
    title = starter.title
    assert title.strip() == title and title
    assert len(title) <= 40
    assert title[0].isupper()
    assert not title.endswith(".")
    assert "  " not in title
    assert not _has_control_chars(title)


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_description_is_short_and_clean(starter: StarterHabit) -> None:
    text = starter.description
    assert text.strip() == text and text
    assert len(text) <= 200, f"{len(text)} characters"
    assert text[0].isupper()
    assert text.endswith((".", "?"))
    assert "  " not in text
    assert not _has_control_chars(text)
    # One or two sentences.
    sentences = re.split(r"(?<=[.?])\s+(?=[A-Z])", text)
    assert len(sentences) <= 2, sentences


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_no_rich_markup(starter: StarterHabit) -> None:
    for text in (*_texts(starter), starter.unit):
        assert "[" not in text and "]" not in text


# --- voice ---------------------------------------------------------------


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_voice_no_exclamations(starter: StarterHabit) -> None:
    for text in _texts(starter):
        assert "!" not in text


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_voice_no_clinical_or_preachy_words(starter: StarterHabit) -> None:
    for text in _texts(starter):
        assert banned_words_in(text) == []


def test_voice_check_catches_what_it_claims_to() -> None:
    sample = "You MUST stop this toxic pattern!!"
    assert banned_words_in(sample) == ["must", "toxic"]
    assert banned_words_in("a thought, brought over") == []  # whole words only


# --- owners, schedules, measures -----------------------------------------


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_owner_is_each_or_together(starter: StarterHabit) -> None:
    # A shared library has no idea which partner is A or B.
    assert starter.owner in (Owner.EACH, Owner.TOGETHER)


def test_owners_are_a_mix() -> None:
    owners = Counter(starter.owner for starter in STARTER_HABITS)
    assert owners[Owner.EACH] >= 10 and owners[Owner.TOGETHER] >= 10


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_schedule_is_valid(starter: StarterHabit) -> None:
    schedule = starter.schedule
    assert schedule.problem() is None
    assert isinstance(schedule.kind, ScheduleKind)
    if schedule.kind is ScheduleKind.WEEKDAYS:
        assert list(schedule.weekdays) == sorted(set(schedule.weekdays))
    assert schedule.describe()


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_measures_are_consistent(starter: StarterHabit) -> None:
    if starter.kind is HabitKind.MEASURABLE:
        assert starter.target > 0
        assert starter.unit.strip()
    else:
        assert starter.target == 1.0
        assert starter.unit == ""
        assert starter.direction is Direction.AT_LEAST


def test_a_few_are_measurable() -> None:
    measurable = [s for s in STARTER_HABITS if s.measurable]
    assert 3 <= len(measurable) < len(STARTER_HABITS) // 2


# --- conversion ----------------------------------------------------------


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_to_habit_copies_everything(starter: StarterHabit) -> None:
    start = date(2024, 3, 4)
    habit = starter.to_habit("h-1", start, order=7)
    assert habit.id == "h-1"
    assert habit.start == start
    assert habit.order == 7
    assert not habit.archived
    assert habit.title == starter.title
    assert habit.description == starter.description
    assert habit.area is starter.area
    assert habit.owner is starter.owner
    assert habit.schedule == starter.schedule
    assert habit.kind is starter.kind
    assert habit.target == starter.target
    assert habit.unit == starter.unit
    assert habit.direction is starter.direction


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_to_habit_round_trips(starter: StarterHabit) -> None:
    habit = starter.to_habit(f"habit:{starter.key}", date(2024, 2, 29), order=3)
    again = Habit.from_data(habit.id, habit.to_data())
    assert again == habit
    assert again.to_data() == habit.to_data()


def test_to_habit_default_order() -> None:
    habit = STARTER_HABITS[0].to_habit("x", date(2024, 1, 1))
    assert habit.order == 0


def test_starter_is_frozen() -> None:
    starter = STARTER_HABITS[0]
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'title'"):
        starter.title = "Something else"  # type: ignore[misc]


# --- lookups -------------------------------------------------------------


def test_starters_by_area_groups_everything_in_order() -> None:
    grouped = starters_by_area()
    assert list(grouped) == list(Area)
    for area, starters in grouped.items():
        assert all(s.area is area for s in starters)
        assert starters == [s for s in STARTER_HABITS if s.area is area]
    assert sum(len(v) for v in grouped.values()) == len(STARTER_HABITS)


def test_starters_by_area_returns_fresh_lists() -> None:
    grouped = starters_by_area()
    grouped[Area.TRUST].clear()
    assert starters_by_area()[Area.TRUST]


@pytest.mark.parametrize("starter", STARTER_HABITS, ids=IDS)
def test_find_starter_finds_every_key(starter: StarterHabit) -> None:
    assert find_starter(starter.key) is starter


@pytest.mark.parametrize("key", ["", "no-such-habit", "Phone-Free-Dinner"])
def test_find_starter_unknown_is_none(key: str) -> None:
    assert find_starter(key) is None


def test_examples_from_the_brief_exist() -> None:
    dinner = find_starter("phone-free-dinner")
    assert dinner is not None and dinner.area is Area.QUALITY_TIME
    talk = find_starter("unhurried-talk")
    assert talk is not None and talk.measurable
    assert talk.direction is Direction.AT_LEAST and talk.target >= 15
    bed = find_starter("phone-time-in-bed")
    assert bed is not None and bed.measurable
    assert bed.direction is Direction.AT_MOST and bed.target <= 10
