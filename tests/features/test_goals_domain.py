"""Goals, milestones, values and vision as typed: the rules, without a terminal."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.editing import habit_from_draft
from tracker.domain.goals.model import (
    MAX_ACTIONS,
    Goal,
    Milestone,
    change_refusal,
    clean_goal_title,
    clean_why,
    default_date_day,
    due_milestones,
    due_text,
    goal_from_form,
    habit_draft_for_goal,
    habit_draft_for_support,
    milestone_from_form,
    milestone_refusal,
    parse_day_text,
    planned_date,
    progress,
    progress_bar,
)
from tracker.domain.goals.values import (
    MAX_VALUES,
    add_value,
    clean_ranking,
    clean_vision,
    own_value,
    value_label,
)
from tracker.domain.models import US, Owner, ScheduleKind

TODAY = date(2026, 11, 25)
HOUSE = Goal("goal:house", "Save for a house", US, "A place of our own", date(2028, 1, 1))


def milestone(token: str, done: bool = False, due: date | None = None, goal: str = HOUSE.id):
    return Milestone(f"milestone:{goal}:{token}", goal, f"Step {token}", due, US, done)


# -- progress ---------------------------------------------------------------------


def test_progress_counts_ticked_milestones_of_this_goal_only() -> None:
    steps = [milestone("1", True), milestone("2"), milestone("3", True), milestone("4")]
    elsewhere = [milestone("x", True, goal="goal:other")]
    found = progress(HOUSE, steps + elsewhere)
    assert (found.done, found.total, found.share) == (2, 4, 0.5)
    assert found.text() == "2/4"
    assert progress_bar(found.share, 8) == "▰▰▰▰▱▱▱▱"


def test_progress_without_milestones_is_zero_until_reached() -> None:
    assert progress(HOUSE, []).share == 0.0
    assert progress(HOUSE, []).text() == ""
    reached = Goal(HOUSE.id, HOUSE.title, reached=True)
    assert progress(reached, [milestone("1")]).share == 1.0


def test_a_second_tick_takes_the_first_back() -> None:
    step = milestone("1")
    ticked = step.ticked("b", TODAY)
    assert (ticked.done, ticked.done_on, ticked.done_by) == (True, TODAY, "b")
    back = ticked.ticked("a", TODAY)
    assert (back.done, back.done_on, back.done_by) == (False, None, "")


def test_due_milestones_are_open_dated_and_not_later_than_the_day() -> None:
    steps = [
        milestone("late", due=date(2026, 11, 1)),
        milestone("today", due=TODAY),
        milestone("soon", due=date(2026, 12, 1)),
        milestone("done", True, due=date(2026, 11, 2)),
        milestone("undated"),
    ]
    assert [m.title for m in due_milestones(steps, TODAY)] == ["Step late", "Step today"]


def test_due_text_reads_as_people_say_it() -> None:
    assert due_text(TODAY, TODAY) == "today"
    assert due_text(date(2026, 11, 26), TODAY) == "tomorrow"
    assert due_text(date(2026, 11, 24), TODAY) == "yesterday"
    assert due_text(date(2026, 12, 3), TODAY) == "3 Dec"
    assert due_text(date(2028, 1, 1), TODAY) == "1 Jan 2028"
    assert due_text(None, TODAY) == ""


# -- records --------------------------------------------------------------------------


def test_goal_round_trips_and_survives_a_damaged_record() -> None:
    goal = HOUSE.with_action("k1", "Ask me how saving went")
    assert Goal.from_data(goal.id, goal.to_data()) == goal
    junk = Goal.from_data("goal:x", {"owner": "z", "target": "2027-02-30", "support": ["?", {}]})
    assert (junk.owner, junk.target, junk.support, junk.title) == (US, None, (), "(untitled goal)")


def test_milestone_round_trips() -> None:
    step = Milestone("milestone:goal:house:1", HOUSE.id, "Open an account", TODAY, "b")
    assert Milestone.from_data(step.id, step.to_data()) == step.ticked("a", TODAY).ticked(
        "a", TODAY
    )


def test_ways_to_help_refuse_repeats_and_a_full_list() -> None:
    goal = Goal("goal:run", "Run a half marathon", "a").with_action("1", "Come to the finish")
    with pytest.raises(ValueError, match="already on the list"):
        goal.with_action("2", "  come to the FINISH ")
    with pytest.raises(ValueError, match="Give the way to help a name"):
        goal.with_action("2", "   ")
    for n in range(2, MAX_ACTIONS + 1):
        goal = goal.with_action(str(n), f"Help {n}")
    with pytest.raises(ValueError, match=f"up to {MAX_ACTIONS}"):
        goal.with_action("last", "One more")
    assert len(goal.without_action("1").support) == MAX_ACTIONS - 1


# -- what people type ------------------------------------------------------------------


def test_titles_are_cleaned_and_kept_literal() -> None:
    assert clean_goal_title("  Save\x1b[31m  for\ta [bold]house[/bold] ") == (
        "Save[31m for a [bold]house[/bold]"
    )
    with pytest.raises(ValueError, match="Give the goal a name"):
        clean_goal_title(" \x07 ")
    with pytest.raises(ValueError, match="80 characters"):
        clean_goal_title("x" * 81)
    assert len(clean_why("é" * 500)) == 500
    with pytest.raises(ValueError, match="500 characters"):
        clean_why("word " * 200)


def test_dates_that_are_not_on_the_calendar_are_refused_clearly() -> None:
    assert parse_day_text("  ") is None
    assert parse_day_text("2027-06-30") == date(2027, 6, 30)
    with pytest.raises(ValueError, match="isn't a day on the calendar"):
        parse_day_text("2027-02-30", "target date")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_day_text("next spring")
    with pytest.raises(ValueError, match="between 2000 and 2200"):
        parse_day_text("1999-12-31")


def test_a_planned_date_has_the_shape_the_dates_screen_reads() -> None:
    data = planned_date("Date night: [b]Lisbon[/b]", "2026-12-12", "19:30", "Europe/London")
    assert data == {
        "title": "Date night: [b]Lisbon[/b]",
        "start": "2026-12-12T19:30",
        "tz": "Europe/London",
        "minutes": 120,
        "kind": "date night",
        "status": "planned",
        "revision": 0,
    }
    assert planned_date("Late", "2026-12-31", "23:45", "Pacific/Kiritimati")["start"] == (
        "2026-12-31T23:45"
    )


def test_a_planned_date_refuses_times_that_do_not_happen() -> None:
    # 01:30 on 28 March 2027 is skipped in London: the clocks go from 01:00 to 02:00.
    with pytest.raises(ValueError, match="clocks go forward"):
        planned_date("Brunch", "2027-03-28", "01:30", "Europe/London")
    # The hour that happens twice in autumn is a real time.
    assert planned_date("Late", "2026-10-25", "01:30", "Europe/London")["start"].endswith("01:30")
    with pytest.raises(ValueError, match="HH:MM"):
        planned_date("Dinner", "2026-12-12", "25:00", "Europe/London")
    with pytest.raises(ValueError, match="calendar"):
        planned_date("Dinner", "2027-02-30", "19:00", "Europe/London")
    with pytest.raises(ValueError, match="Pick a day"):
        planned_date("Dinner", "", "19:00", "Europe/London")


def test_the_first_suggested_date_is_the_coming_saturday() -> None:
    assert default_date_day(TODAY) == date(2026, 11, 28)  # a Wednesday → Saturday
    assert default_date_day(date(2026, 11, 28)) == date(2026, 12, 5)


def test_a_goal_starts_a_monthly_habit_and_a_way_to_help_a_habit_for_the_helper() -> None:
    saving = Goal("goal:s", "Save 200 a month", US)
    habit = habit_from_draft(habit_draft_for_goal(saving), "habit:1", TODAY)
    assert habit.schedule.kind is ScheduleKind.PER_MONTH and habit.schedule.times == 1
    assert habit.owner is Owner.TOGETHER
    assert "Save 200 a month" in habit.description

    own = Goal("goal:r", "Run a half marathon", "b").with_action("k", "Come running on Sundays")
    draft = habit_draft_for_support(own, own.support[0], "a", "Sam")
    helper = habit_from_draft(draft, "habit:2", TODAY)
    assert helper.owner is Owner.A and helper.title == "Come running on Sundays"
    assert helper.description == "Helping Sam with “Run a half marathon”"


# -- values and vision -----------------------------------------------------------------


def test_own_values_are_cleaned_and_library_names_pick_the_library_value() -> None:
    assert own_value("  wild\tswimming ") == "own:wild swimming"
    assert own_value("FAMILY") == "family"
    assert own_value("Faith or spirituality") == "faith"
    assert value_label("own:wild swimming") == "wild swimming"
    assert value_label("retired-key") == "retired-key"
    with pytest.raises(ValueError, match="Write a word or two"):
        own_value("\x1b ")
    with pytest.raises(ValueError, match="24 characters"):
        own_value("a value that goes on far too long")


def test_rankings_drop_repeats_and_junk_and_keep_unknown_keys() -> None:
    stored = ["family", "own:Music", "family", "own:music ", 7, None, "own:", "", "new-key"]
    assert clean_ranking(stored) == ["family", "own:Music", "new-key"]
    assert len(clean_ranking([f"own:v{i}" for i in range(30)])) == MAX_VALUES


def test_adding_a_value_twice_or_past_the_limit_says_why() -> None:
    ranked = add_value([], "family")
    with pytest.raises(ValueError, match="already in your list"):
        add_value(ranked, "family")
    full = [f"own:v{i}" for i in range(MAX_VALUES)]
    with pytest.raises(ValueError, match="take one out"):
        add_value(full, "humour")


def test_vision_text_is_folded_and_a_long_one_explained() -> None:
    assert clean_vision(" a house\n by the  sea ", "home", 5) == "a house by the sea"
    with pytest.raises(ValueError, match="Home in 10 years: keep it to 400"):
        clean_vision("x" * 401, "home", 10)


def test_an_edited_goal_keeps_what_the_form_does_not_show() -> None:
    """The form (and `rekindle goal edit`) changes title, why and date; whose it is, when it
    began, whether it is reached and its ways to help stay."""
    old = Goal("goal:g", "Run", "a", "", None, True, date(2026, 1, 2)).with_action("k", "Cheer")
    new = goal_from_form(
        " Run  a half\x1b ", "For me", "2027-05-01", owner="b", goal_id="x", created=date.today(),
        old=old,
    )  # fmt: skip
    assert new == Goal("goal:g", "Run a half", "a", "For me", date(2027, 5, 1), True,
                       date(2026, 1, 2), old.support)  # fmt: skip
    made = goal_from_form("Trip", "", "", owner="us", goal_id="goal:n", created=date(2026, 3, 4))
    assert made == Goal("goal:n", "Trip", "us", created=date(2026, 3, 4))
    with pytest.raises(ValueError, match="isn't a day on the calendar"):
        goal_from_form("Trip", "", "2026-02-29", owner="us", goal_id="x", created=date.today())


def test_a_milestone_is_anyones_but_a_partners_together() -> None:
    for typed, owner in (("a", "a"), ("b", "b"), ("us", "us"), ("", "us"), ("c", "us")):
        step = milestone_from_form("Step", "", typed, goal_id="goal:g", new_id="milestone:g:1")
        assert step.owner == owner
    old = Milestone("milestone:g:1", "goal:g", "Step", done=True, done_by="b")
    edited = milestone_from_form("Next", "2027-01-01", "a", goal_id="goal:g", new_id="z", old=old)
    assert (edited.id, edited.done, edited.done_by) == ("milestone:g:1", True, "b")


def test_a_partners_own_goal_is_theirs_and_milestones_go_on_shared_ones() -> None:
    shared, sams = Goal("goal:s", "Trip"), Goal("goal:b", "Spanish", "b")
    assert change_refusal(shared, "a", "Sam") is None
    assert change_refusal(sams, "b", "Sam") is None
    assert change_refusal(sams, "a", "Sam") == (
        "That is Sam's own goal; Sam can change it on their side."
    )
    assert milestone_refusal(shared) is None
    assert "Milestones go under shared goals" in (milestone_refusal(sams) or "")
