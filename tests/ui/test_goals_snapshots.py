"""How the Goals screen looks, at 80×24 and 120×40. Update with --snapshot-update after a
deliberate change, and look at the pictures before keeping them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import TODAY
from tracker.domain.goals.model import Goal, Milestone
from tracker.domain.models import US
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]
TABS = ["overview", "alignment", "vision", "shared", "mine", "priorities"]


@pytest.fixture
def planned(lived_in: Couple) -> Couple:
    """A couple some weeks into the Goals screen: values, a vision, goals, two reviews."""
    c = lived_in
    store.save_values(c, "a", ["family", "adventure", "honesty", "own:Live music", "rest"])
    store.save_values(c, "b", ["honesty", "family", "security", "calm", "adventure"])
    store.save_vision(c, "a", "home", {1: "A bigger flat with a garden", 5: "A house near the sea"})
    store.save_vision(c, "b", "home", {1: "A flat with a garden", 10: "A cottage, dogs, quiet"})
    store.save_vision(c, "a", "work", {5: "Part time, more room for us"})
    store.save_vision(c, "b", "work", {5: "Running my own bakery"})
    store.save_vision(c, "b", "money", {5: "No debts and a rainy-day fund"})
    house = Goal(
        "goal:house", "Save for a house deposit", US, "A place that is ours", date(2028, 6, 1)
    )
    store.save_goal(c, house)
    for n, (title, due, owner, done) in enumerate(
        [
            ("Open a joint savings pot", date(2026, 10, 1), US, True),
            ("Agree a monthly amount", TODAY, "b", False),
            ("First 5,000 saved", date(2027, 6, 1), US, False),
        ]
    ):
        m = Milestone(f"milestone:goal:house:{n}", house.id, title, due, owner)
        store.save_milestone(c, m.ticked("a", date(2026, 10, 1)) if done else m)
    store.save_goal(c, Goal("goal:lisbon", "Trip to Lisbon", US, "Where we met", date(2027, 4, 10)))
    store.save_goal(
        c, Goal("goal:run", "Run a half marathon", "a").with_action("k1", "Come to the finish line")
    )
    store.save_goal(
        c, Goal("goal:bake", "Open a bakery stall", "b").with_action("k2", "Taste-test on Sundays")
    )
    store.save_review(c, "a", date(2026, 10, 2), ["work", "our relationship", "health"])
    store.save_review(c, "b", date(2026, 10, 2), ["our relationship", "work", "family"])
    store.save_review(c, "a", date(2026, 11, 1), ["our relationship", "work", "money"])
    store.save_review(c, "b", date(2026, 11, 1), ["family", "rest", "our relationship"])
    return c


def on_tab(tab: str) -> list[str]:
    return ["6", *["right_square_bracket"] * TABS.index(tab)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("tab", ["overview", "alignment", "shared", "priorities"])
def test_goals_tabs(
    snap_compare: Snap, planned: Couple, open_app: OpenApp, tab: str, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(planned), press=on_tab(tab), terminal_size=size)


@pytest.mark.parametrize("tab", ["vision", "mine"])
def test_goals_wide_tabs(snap_compare: Snap, planned: Couple, open_app: OpenApp, tab: str) -> None:
    assert snap_compare(open_app(planned), press=on_tab(tab), terminal_size=(120, 40))


def test_goals_before_anything_is_filled_in(
    snap_compare: Snap, couple: Couple, open_app: OpenApp
) -> None:
    assert snap_compare(open_app(couple), press=["6"], terminal_size=(80, 24))


def test_goals_talk_about_a_difference(
    snap_compare: Snap, planned: Couple, open_app: OpenApp
) -> None:
    assert snap_compare(
        open_app(planned), press=[*on_tab("alignment"), "t"], terminal_size=(80, 24)
    )


def test_goals_values_dialog(snap_compare: Snap, planned: Couple, open_app: OpenApp) -> None:
    async def open_values(pilot: Pilot[None]) -> None:
        await pilot.press("6", "v")
        await pilot.pause()

    assert snap_compare(open_app(planned), run_before=open_values, terminal_size=(80, 24))
