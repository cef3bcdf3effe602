"""Goals in the folder: what is written, what two devices make of it, and the Today lines."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import Couples
from tracker.domain.goals.model import Goal, Milestone
from tracker.domain.models import US, Habit, Owner, Schedule, ScheduleKind
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.store.store import Store

TODAY = date(2026, 11, 25)


@pytest.fixture
def couple(couples: Couples) -> Couple:
    return couples.create(today=TODAY)


def fresh(couple: Couple, replica: str = "reader", me: str = "a") -> Couple:
    """Another device reading (and writing to) the same folder."""
    other = Store(couple.store.data_dir, replica, {"partner": me})
    other.load()
    return Couple(other, me)


def house(couple: Couple) -> Goal:
    goal = Goal(Couple.new_id("goal"), "Save for a house", US, "Our own place", date(2028, 1, 1))
    store.save_goal(couple, goal)
    return goal


def test_values_and_vision_are_durable_and_per_person(couple: Couple) -> None:
    store.save_values(couple, "a", ["family", "own:Music", "family"])
    store.save_vision(couple, "a", "home", {1: "a flat", 5: "a house", 10: ""})
    reader = fresh(couple)
    assert store.values_of(reader, "a") == ["family", "own:Music"]
    assert store.values_of(reader, "b") == []
    assert store.vision_of(reader, "a") == {("home", 1): "a flat", ("home", 5): "a house"}
    assert reader.record("vision:a:home:5") is not None


def test_emptying_a_vision_deletes_it_and_unchanged_ones_are_not_rewritten(couple: Couple) -> None:
    store.save_vision(couple, "a", "home", {1: "a flat", 5: "a house"})
    changes = store.save_vision(couple, "a", "home", {1: "a flat", 5: ""})
    assert [c.record_id for c in changes] == ["vision:a:home:5"]
    assert store.vision_of(couple, "a") == {("home", 1): "a flat"}
    couple.undo(changes[0])
    assert store.vision_of(couple, "a")[("home", 5)] == "a house"


def test_alignment_reads_me_first(couple: Couple) -> None:
    store.save_values(couple, "a", ["family", "humour"])
    store.save_values(couple, "b", ["humour", "family"])
    found = store.alignment(couple)
    assert found.names == ("Alex", "Sam")
    assert found.score == pytest.approx(0.8 / 1.8)
    assert store.alignment(fresh(couple, "sam-device", "b")).names == ("Sam", "Alex")


def test_partners_ticking_different_milestones_offline_keep_both_ticks(couple: Couple) -> None:
    goal = house(couple)
    first = Milestone(store.new_milestone_id(goal.id), goal.id, "Open an account")
    second = Milestone(store.new_milestone_id(goal.id), goal.id, "Save the first 1000")
    store.save_milestone(couple, first)
    store.save_milestone(couple, second)
    # Sam's laptop has read the folder, then both tick while apart.
    sam = fresh(couple, "sam-laptop", "b")
    store.save_milestone(couple, first.ticked("a", TODAY))
    store.save_milestone(sam, second.ticked("b", TODAY))
    merged = fresh(couple)
    ticks = {m.title: (m.done, m.done_by) for m in store.milestones(merged)}
    assert ticks == {"Open an account": (True, "a"), "Save the first 1000": (True, "b")}


def test_deleting_a_goal_takes_its_milestones_and_undo_brings_all_back(couple: Couple) -> None:
    goal = house(couple)
    for title in ("One", "Two"):
        store.save_milestone(couple, Milestone(store.new_milestone_id(goal.id), goal.id, title))
    other = house(couple)
    store.save_milestone(couple, Milestone(store.new_milestone_id(other.id), other.id, "Keep"))
    changes = store.delete_goal(couple, goal.id)
    assert changes[0].description == "Deleted “Save for a house”"
    assert store.goal(couple, goal.id) is None
    assert [m.title for m in store.milestones(couple)] == ["Keep"]
    for change in reversed(changes):
        couple.undo(change)
    assert store.goal(couple, goal.id) == goal
    assert sorted(m.title for m in store.milestones(couple)) == ["Keep", "One", "Two"]


def test_a_habit_and_a_date_from_a_goal_are_linked_and_undone_together(couple: Couple) -> None:
    goal = house(couple)
    habit = Habit(
        Couple.new_habit_id(),
        "Save 200",
        owner=Owner.TOGETHER,
        schedule=Schedule(ScheduleKind.PER_MONTH, times=1),
        start=TODAY,
    )
    made = store.habit_for_goal(couple, goal.id, habit)
    data = {
        "title": "Open house visit",
        "start": "2026-12-12T11:00",
        "tz": "Europe/London",
        "minutes": 120,
        "kind": "date night",
        "status": "planned",
        "revision": 0,
    }
    planned = store.plan_date(couple, goal.id, data)
    assert sorted(store.links(couple, goal.id)) == [
        ("date", "Open house visit"),
        ("habit", "Save 200"),
    ]
    date_record = couple.records("date")[0]
    assert date_record.data == data
    for change in reversed(made + planned):
        couple.undo(change)
    assert couple.habit(habit.id) is None and couple.records("date") == []
    assert store.links(couple, goal.id) == []


def test_taking_on_a_way_to_help_is_written_by_the_helper(couple: Couple) -> None:
    goal = Goal(Couple.new_id("goal"), "Learn Spanish", "b").with_action("k1", "Practise at dinner")
    sam = fresh(couple, "sam-laptop", "b")
    store.save_goal(sam, goal)
    alex = fresh(couple, "alex-2", "a")
    habit = Habit(Couple.new_habit_id(), "Practise at dinner", owner=Owner.A, start=TODAY)
    changes = store.take_on(alex, goal.id, goal.support[0], habit)
    assert {c.kind for c in changes} == {"habit", "support-taken"}
    assert store.taken_on(fresh(couple)) == {(goal.id, "k1"): ("a", "Practise at dinner")}
    # The goal record itself was never touched by Alex's device.
    assert alex.record(goal.id).replica == "sam-laptop"  # type: ignore[union-attr]
    # Archiving the habit means it no longer counts as taken on.
    alex.save_habit(habit.with_changes(archived=True))
    assert store.taken_on(alex) == {}


def test_priorities_reviews_and_how_often(couple: Couple) -> None:
    store.save_review(couple, "a", date(2026, 10, 3), ["rest", "rest", "work"])
    store.save_review(couple, "a", TODAY, ["work"])
    store.save_review(couple, "a", date(2026, 11, 30), ["family"])  # same month: replaces
    found = store.reviews(couple, "a")
    assert [r.month for r in found] == ["2026-10", "2026-11"]
    assert found[0].ranked[:2] == ("rest", "work") and found[1].ranked[0] == "family"
    assert store.reviews(couple, "b") == []
    assert store.review_every(couple) == 1
    store.set_review_every(couple, 3)
    assert store.review_every(fresh(couple)) == 3
    with pytest.raises(ValueError, match=r"Pick one of 1, 2, 3, 6 months\."):
        store.set_review_every(couple, 5)


def test_damaged_records_from_a_partner_are_skipped_not_fatal(couple: Couple) -> None:
    couple.put_record("goal", "goal:bad", {"title": 5, "owner": [], "support": "?"}, "x")
    couple.put_record("milestone", "milestone:goal:bad:1", {"title": "no goal field"}, "x")
    couple.put_record("values", "values:a", {"ranked": "family"}, "x")
    couple.put_record("priorities", "priorities:a:2026-11", {"person": "a"}, "x")
    couple.put_record("priorities", "priorities:a:x", {"person": "a", "month": "2026-13"}, "x")
    couple.put_record("goals-settings", "goals-settings", {"review_every": "lots"}, "x")
    assert [g.title for g in store.goals(couple)] == ["5"]
    assert store.milestones(couple) == []
    assert store.values_of(couple, "a") == []
    assert store.reviews(couple, "a") == []
    assert store.review_every(couple) == 1
    assert store.alignment(couple).score is None


def test_agenda_lists_milestones_due_and_a_review_that_came_round(couple: Couple) -> None:
    assert store.agenda(couple, TODAY) == []
    goal = house(couple)
    for title, due, owner in (
        ("Late one", date(2026, 11, 20), "b"),
        ("Today's", TODAY, US),
        ("Later", date(2026, 12, 20), "a"),
    ):
        store.save_milestone(
            couple, Milestone(store.new_milestone_id(goal.id), goal.id, title, due, owner)
        )
    lines = store.agenda(couple, TODAY)
    assert lines == [
        "Milestone for Sam overdue since 20 Nov: Late one (goal: Save for a house)",
        "Milestone due today: Today's (goal: Save for a house)",
    ]
    # A reached goal's milestones stop asking.
    store.save_goal(couple, Goal(goal.id, goal.title, reached=True))
    assert store.agenda(couple, TODAY) == []
    # The review line only once someone has reviewed before, and it is due again.
    store.save_review(couple, "a", date(2026, 11, 1), [])
    assert store.agenda(couple, TODAY) == []
    assert store.agenda(couple, date(2026, 12, 1)) == [
        "Your priorities review has come round again (Goals, 6)"
    ]


def test_agenda_caps_the_number_of_lines(couple: Couple) -> None:
    goal = house(couple)
    for n in range(7):
        store.save_milestone(
            couple, Milestone(store.new_milestone_id(goal.id), goal.id, f"Step {n}", TODAY)
        )
    lines = store.agenda(couple, TODAY)
    assert len(lines) == store.AGENDA_LINES + 1
    assert lines[-1] == "…and 3 more milestones on Goals (6)"
