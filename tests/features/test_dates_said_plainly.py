"""Dates said so they can't be misread: the year when it isn't this one, "overdue" once a
day has passed undone, and an idea's cost said once."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import Couples, RunHere
from tracker.domain.content.ideas import IDEAS, IdeaKind
from tracker.domain.dates.jar import COST_WORDS, JarIdea
from tracker.domain.days import person_today, short_date
from tracker.domain.goals.model import Goal, Milestone, due_words
from tracker.domain.models import US, Person
from tracker.store import goals as goal_store

TODAY = date(2026, 11, 30)


@given(day=st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_a_short_date_names_its_year_exactly_when_it_is_not_this_one(day: date) -> None:
    said = short_date(day, TODAY)
    assert said.startswith(f"{day:%a} {day.day} {day:%b}")
    assert said.endswith(str(day.year)) == (day.year != TODAY.year)
    assert short_date(day, TODAY, pad=True).replace("  ", " ") == said


@pytest.mark.parametrize(
    ("due", "done", "said"),
    [
        (date(2026, 10, 1), False, "overdue since 1 Oct"),
        (date(2026, 10, 1), True, "due 1 Oct"),  # done: nothing is late
        (date(2026, 11, 29), False, "overdue since yesterday"),
        (TODAY, False, "due today"),
        (date(2026, 12, 3), False, "due 3 Dec"),
        (date(2025, 6, 1), False, "overdue since 1 Jun 2025"),
    ],
)
def test_a_milestone_past_its_day_says_overdue(due: date, done: bool, said: str) -> None:
    assert due_words(due, TODAY, done=done) == said


def test_the_cheap_shelf_and_the_cost_never_say_the_same_thing_twice() -> None:
    cost_words = {*COST_WORDS, IdeaKind.CHEAP.value}
    for idea in IDEAS:
        parts = JarIdea.of(idea).summary().split(" · ")
        assert len([p for p in parts if p in cost_words]) == 1, parts
        assert parts[-1] == COST_WORDS[idea.cost]  # the cost itself is always said


def test_date_list_shows_the_year_of_a_date_in_another_year(
    couples: Couples, rekindle_here: RunHere
) -> None:
    couples.create(config="conf").store.close()
    config = couples.tmp_path / "conf"
    today = person_today(Person("a", "Alex", "Europe/London", 4), datetime.now(UTC))
    soon = today + timedelta(days=3)
    far = date(today.year + 14, 7, 13)
    for title, day in (("Far away", far), ("Soon", soon)):
        rekindle_here(config, "date", "add", title, "--on", day.isoformat(), "--at", "19:30").ok()
    listed = rekindle_here(config, "date", "list").ok()
    assert f"{short_date(far, today)} 19:30  Far away" in listed
    assert str(far.year) in short_date(far, today)
    assert f"{short_date(soon, today)} 19:30  Soon" in listed
    said = rekindle_here(config, "idea", "--kind", "cheap").ok()
    shown = re.search(r"\(([^)]*)\)", said.splitlines()[0])
    assert shown is not None
    assert len([w for w in shown.group(1).split(" · ") if w in {*COST_WORDS, "cheap"}]) == 1


def test_goals_say_which_milestones_are_overdue(couples: Couples, rekindle_here: RunHere) -> None:
    couple = couples.create(config="conf")
    config: Path = couples.tmp_path / "conf"
    today = person_today(couple.person(couple.me), datetime.now(UTC))
    goal = Goal("goal:house", "Save for a house", US, "", None)
    goal_store.save_goal(couple, goal)
    late = today - timedelta(days=60)
    goal_store.save_milestone(couple, Milestone("milestone:goal:house:1", goal.id, "Open", late))
    goal_store.save_milestone(
        couple, Milestone("milestone:goal:house:2", goal.id, "Ask", late, done=True)
    )
    out = rekindle_here(config, "goals").ok()
    assert f"· Open · overdue since {short_date(late, today)[4:]}" in out
    assert f"✓ Ask · due {short_date(late, today)[4:]}" in out
    assert json.loads(rekindle_here(config, "goals", "--json").ok())["goals"]
