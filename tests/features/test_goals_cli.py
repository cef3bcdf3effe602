"""`rekindle goals` and `rekindle align`, run the way a person runs them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Couples, RunHere
from tracker.domain.goals.model import Goal, Milestone
from tracker.domain.models import US
from tracker.store import goals as store
from tracker.store.couple import Couple


@pytest.fixture
def config(home: Path) -> Path:
    return home


@pytest.fixture
def couple(couples: Couples, config: Path) -> Couple:
    return couples.create()


def test_align_before_anyone_filled_anything_in_says_why_there_is_no_score(
    couple: Couple, config: Path, rekindle_here: RunHere
) -> None:
    result = rekindle_here(config, "align")
    assert result.code == 0, result.err
    assert "Alignment: no score yet" in result.out
    assert "Alex and Sam have not filled anything in" in result.out
    assert "Alex's values: (none picked yet)" in result.out
    assert "How this is worked out" in result.out  # the method, in plain words


def test_align_shows_score_parts_common_ground_and_questions(
    couple: Couple, config: Path, rekindle_here: RunHere
) -> None:
    store.save_values(couple, "a", ["family", "humour", "adventure", "rest"])
    store.save_values(couple, "b", ["humour", "family", "rest", "adventure", "security"])
    store.save_vision(couple, "a", "home", {5: "A cottage with a garden"})
    store.save_vision(couple, "b", "home", {5: "A garden, and a cottage"})
    result = rekindle_here(config, "align")
    assert result.code == 0, result.err
    expected = round(store.alignment(couple).score * 100)  # type: ignore[operator]
    assert f"Alignment: {expected}%" in result.out
    assert "vision 100%" in result.out
    assert "Alex's values: 1. Family  2. Humour  3. Adventure  4. Rest" in result.out
    assert "✓ Home: much in common (cottage, garden)" in result.out
    assert "◇ Security: in Sam's list, not in Alex's" in result.out

    data = json.loads(rekindle_here(config, "align", "--json").out)
    assert data["score"] == pytest.approx(store.alignment(couple).score, abs=1e-4)
    assert data["people"] == {"a": "Alex", "b": "Sam"}
    assert {"value": "Security", "a": None, "b": 5} in data["values"]
    assert data["to_talk_about"][0]["question"]


def test_goals_lists_shared_and_own_goals_with_milestones(
    couple: Couple, config: Path, rekindle_here: RunHere
) -> None:
    goal = Goal("goal:house", "Save for a [bold]house[/bold]\x1b[2J", US, "", date(2028, 1, 1))
    store.save_goal(couple, goal)
    store.save_milestone(
        couple, Milestone("milestone:goal:house:1", goal.id, "Open an account", done=True)
    )
    store.save_milestone(couple, Milestone("milestone:goal:house:2", goal.id, "Save 1000"))
    store.save_goal(
        couple, Goal("goal:run", "Run a half marathon", "b").with_action("k", "Cheer at the end")
    )
    store.save_review(couple, "a", date(2026, 1, 4), ["rest", "work", "family"])
    result = rekindle_here(config, "goals")
    assert result.code == 0, result.err
    out = result.out
    # Shown exactly as typed, the escape made visible rather than obeyed.
    assert "Save for a [bold]house[/bold]␛[2J  (50% · by 2028-01-01)" in out
    assert "✓ Open an account" in out and "· Save 1000" in out
    assert "Sam's own goals\n  Run a half marathon  (0%)" in out
    assert "→ how you can help: Cheer at the end" in out
    assert "Alex's priorities (Jan 2026): rest, work, family… · a new review is due" in out
    assert "Sam hasn't ranked priorities yet." in out
    assert "\x1b" not in out

    data = json.loads(rekindle_here(config, "goals", "--json").out)
    shared = next(g for g in data["goals"] if g["id"] == "goal:house")
    assert shared["progress"] == 0.5
    assert [m["title"] for m in shared["milestones"]] == ["Open an account", "Save 1000"]
    assert data["priorities"]["people"]["b"]["latest"] is None


def test_goals_before_set_up_is_one_clear_sentence(config: Path, rekindle_here: RunHere) -> None:
    result = rekindle_here(config, "goals")
    assert result.code == 1
    assert "not set up yet" in result.err
    assert "Traceback" not in result.err
