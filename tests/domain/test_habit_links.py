"""Linked habits, as rules: which ticks a date night or a talk makes, the words that say
so, and a link read from a file (an old one without it, a newer partner's we don't know)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.content.starter import STARTER_HABITS, find_starter
from tracker.domain.editing import HabitDraft, habit_from_draft
from tracker.domain.habits.links import fulfilled_ticks, link_words, ticked_words
from tracker.domain.models import (
    PARTNERS,
    US,
    Check,
    Direction,
    Fulfilment,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
)

DAY = date(2026, 11, 27)  # a Friday


def habit(
    habit_id: str = "habit:1",
    done_by: str = "date",
    owner: Owner = Owner.TOGETHER,
    **fields: object,
) -> Habit:
    return Habit(habit_id, "Date night", owner=owner, done_by=done_by, **fields)  # type: ignore[arg-type]


def nothing_yet(habit_id: str, person: str) -> bool:
    return False


def test_a_together_habit_gets_one_tick_for_the_couple_on_the_day_of_the_date() -> None:
    assert fulfilled_ticks([habit()], Fulfilment.DATE, DAY, nothing_yet) == [
        Check("habit:1", US, DAY)
    ]


def test_own_habits_are_ticked_for_each_person_there() -> None:
    each, mine, theirs = (
        habit("habit:each", owner=Owner.EACH),
        habit("habit:a", owner=Owner.A),
        habit("habit:b", owner=Owner.B),
    )
    ticks = fulfilled_ticks([each, mine, theirs], Fulfilment.DATE, DAY, nothing_yet)
    assert {(t.habit_id, t.person) for t in ticks} == {
        ("habit:each", "a"),
        ("habit:each", "b"),
        ("habit:a", "a"),
        ("habit:b", "b"),
    }
    alone = fulfilled_ticks([each, habit("habit:us")], Fulfilment.DATE, DAY, nothing_yet, ["a"])
    assert [(t.habit_id, t.person) for t in alone] == [("habit:each", "a")]  # "us" needs both


def test_only_the_event_it_is_linked_to_and_only_when_due() -> None:
    cases = [
        habit(done_by="talk"),  # another event
        habit(done_by=""),  # not linked
        habit(done_by="a-workout"),  # a newer version's link: none here
        habit(archived=True),
        habit(start=DAY + timedelta(days=1)),  # not begun yet
        habit(schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(0, 2))),  # Mon, Wed only
    ]
    assert fulfilled_ticks(cases, Fulfilment.DATE, DAY, nothing_yet) == []
    on_fridays = habit(schedule=Schedule(ScheduleKind.WEEKDAYS, weekdays=(4,)))
    assert len(fulfilled_ticks([on_fridays], Fulfilment.DATE, DAY, nothing_yet)) == 1


def test_a_check_off_already_there_is_left_as_it_is() -> None:
    each = habit(owner=Owner.EACH)
    ticks = fulfilled_ticks([each], Fulfilment.DATE, DAY, lambda _habit, who: who == "a")
    assert [t.person for t in ticks] == ["b"]


def test_a_measurable_habit_is_ticked_at_its_goal() -> None:
    for direction in Direction:
        minutes = habit(kind=HabitKind.MEASURABLE, target=15.0, unit="minutes", direction=direction)
        (tick,) = fulfilled_ticks([minutes], Fulfilment.DATE, DAY, nothing_yet)
        assert tick.value == 15.0 and minutes.met_by(tick.value)


owners = st.sampled_from(list(Owner))
links = st.sampled_from(["", "date", "talk", "later-thing"])
habits_strategy = st.lists(
    st.tuples(owners, links, st.booleans(), st.integers(-3, 3), st.sets(st.integers(0, 6))),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(
    habits_strategy,
    st.sampled_from(list(Fulfilment)),
    st.sets(st.sampled_from(PARTNERS)),
    st.sets(st.tuples(st.integers(0, 5), st.sampled_from([*PARTNERS, US]))),
)
def test_the_ticks_are_what_a_plain_reading_of_the_rule_gives(
    specs: list[tuple[Owner, str, bool, int, set[int]]],
    event: Fulfilment,
    present: set[str],
    existing: set[tuple[int, str]],
) -> None:
    made = [
        Habit(
            f"habit:{n}",
            f"Habit {n}",
            owner=owner,
            done_by=link,
            archived=archived,
            start=DAY + timedelta(days=offset),
            schedule=Schedule(ScheduleKind.WEEKDAYS, tuple(sorted(days))) if days else Schedule(),
        )
        for n, (owner, link, archived, offset, days) in enumerate(specs)
    ]
    had = {(f"habit:{n}", who) for n, who in existing}
    ticks = fulfilled_ticks(made, event, DAY, lambda h, who: (h, who) in had, present)
    # The oracle: spelled out owner by owner, with no help from the habit's own methods.
    expected = set()
    for n, (owner, link, archived, offset, days) in enumerate(specs):
        due = offset <= 0 and (not days or DAY.weekday() in days)
        if link != event.value or archived or not due:
            continue
        whose = {
            Owner.A: ["a"] if "a" in present else [],
            Owner.B: ["b"] if "b" in present else [],
            Owner.EACH: sorted(present),
            Owner.TOGETHER: [US] if present == {"a", "b"} else [],
        }[owner]
        expected |= {(f"habit:{n}", who) for who in whose if (f"habit:{n}", who) not in had}
    assert {(t.habit_id, t.person) for t in ticks} == expected
    assert len(ticks) == len(expected)  # never twice
    assert all(t.day == DAY and t.value is None for t in ticks)


def test_the_words_name_each_habit_and_for_whom() -> None:
    titles = {"habit:1": "Date night", "habit:2": "Evening walk", "habit:3": "Tea in bed"}
    together = [Check("habit:1", US, DAY)]
    assert ticked_words(together, titles, "a", "Sam") == " — and ticked “Date night” for you both"
    several = [
        *together,
        Check("habit:2", "a", DAY),
        Check("habit:2", "b", DAY),
        Check("habit:3", "b", DAY),
    ]
    assert ticked_words(several, titles, "a", "Sam") == (
        " — and ticked “Date night” and “Evening walk” for you both, and “Tea in bed” for Sam"
    )
    assert ticked_words([Check("habit:3", "b", DAY)], titles, "b", "Alex") == (
        " — and ticked “Tea in bed” for you"
    )
    assert ticked_words([], titles, "a", "Sam") == ""


def test_the_words_show_a_partners_title_literally_and_short() -> None:
    typed = {"habit:1": "Us\x1b]0;pwned\x07 time\n" + "x" * 80}
    said = ticked_words([Check("habit:1", US, DAY)], typed, "a", "Sam")
    assert "\x1b" not in said and "\n" not in said and "␛" in said
    assert len(said) < 80 and "…" in said


def test_a_habit_says_what_else_ticks_it() -> None:
    assert link_words(habit(done_by="date")) == "also ticked when a date night is marked done"
    assert link_words(habit(done_by="talk")) == "also ticked when a talk is logged"
    assert link_words(habit(done_by="")) == link_words(habit(done_by="a-workout")) == ""


# -- the link as stored ----------------------------------------------------------------


def test_an_old_record_without_the_field_reads_as_unlinked_and_stays_as_it_was() -> None:
    old = {"title": "Walk", "owner": "together", "start": "2026-01-01"}
    read = Habit.from_data("habit:1", old)
    assert read.done_by == "" and read.fulfilled_by is None
    assert "done_by" not in read.to_data()  # an unlinked habit's record keeps its old shape


def test_a_link_round_trips() -> None:
    for event in Fulfilment:
        linked = habit(done_by=event.value)
        assert Habit.from_data(linked.id, linked.to_data()) == linked
        assert Habit.from_data(linked.id, linked.to_data()).fulfilled_by is event


@pytest.mark.parametrize(
    ("stored", "kept"),
    [
        ("a-workout", "a-workout"),  # a newer version's: carried, not understood
        ({"event": "date"}, ""),  # grown into a structure
        (7, ""),
        (None, ""),
        ("x" * 500, ""),  # too long for any link: damage
    ],
)
def test_a_link_this_version_does_not_know_leaves_the_habit_readable_and_unlinked(
    stored: object, kept: str
) -> None:
    read = Habit.from_data("habit:1", {"title": "Run", "done_by": stored})
    assert read.title == "Run" and read.fulfilled_by is None and read.done_by == kept
    assert read.to_data().get("done_by", "") == kept  # saved again, a newer link survives


def test_the_form_keeps_a_link_it_does_not_know_and_can_set_or_clear_one() -> None:
    newer = habit(done_by="a-workout")
    draft = HabitDraft.of(newer)
    assert habit_from_draft(draft, newer.id, newer.start).done_by == "a-workout"
    draft.done_by = "talk"
    assert habit_from_draft(draft, newer.id, newer.start).fulfilled_by is Fulfilment.TALK
    draft.done_by = ""
    assert habit_from_draft(draft, newer.id, newer.start).fulfilled_by is None


def test_the_starters_for_dates_and_talks_come_linked() -> None:
    date_night, talk = find_starter("date-night"), find_starter("unhurried-talk")
    assert date_night is not None and talk is not None
    assert date_night.to_habit("habit:1", DAY).fulfilled_by is Fulfilment.DATE
    assert talk.to_habit("habit:2", DAY).fulfilled_by is Fulfilment.TALK
    linked = {s.key for s in STARTER_HABITS if s.done_by is not None}
    assert linked == {"date-night", "unhurried-talk"}
