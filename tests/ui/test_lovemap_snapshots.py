"""How a love-map round looks before and after the reveal, at 80×24 and 120×40. Update
with --snapshot-update after a deliberate change, and look at the pictures before keeping
them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.ui.conftest import TODAY
from tracker.domain.lovemap.kinds import ROUND
from tracker.domain.lovemap.model import RoundStart, Verdict
from tracker.store import lovemap as store
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]
# Five questions named here, not drawn by the couple's seed: the pictures stay the same.
BREAKFAST, SEASON, TRIP, SUBJECT, CALL = (
    "lovemap-002",
    "lovemap-004",
    "lovemap-034",
    "lovemap-048",
    "lovemap-021",
)


def sam_of(couple: Couple) -> Couple:
    sam = Couple(Store(couple.store.data_dir, "sam-laptop", {"partner": "b"}), "b")
    sam.store.load()
    return sam


@pytest.fixture
def before_reveal(couple: Couple) -> Couple:
    """Alex has written on two questions, Sam on two others: nothing is side by side."""
    start = RoundStart(
        1, TODAY - timedelta(days=2), "a", (BREAKFAST, SEASON, TRIP, SUBJECT, CALL), "alex-pc"
    )
    couple.put_record(ROUND, start.id, start.to_data(), "Started love-map round 1")
    store.answer(couple, 1, BREAKFAST, "Pancakes with far too much syrup")
    store.guess(couple, 1, BREAKFAST, "Toast and marmalade")
    store.answer(couple, 1, TRIP, "Lisbon, in spring")
    sam = sam_of(couple)
    store.answer(sam, 1, SEASON, "Autumn, for the walks")
    store.guess(sam, 1, SEASON, "Summer")
    store.answer(sam, 1, TRIP, "Somewhere with mountains")
    couple.store.refresh()
    return couple


@pytest.fixture
def after_reveal(before_reveal: Couple) -> Couple:
    """Both in on the first two questions, and one way of the third; two guesses marked."""
    couple, sam = before_reveal, sam_of(before_reveal)
    store.answer(sam, 1, BREAKFAST, "Eggs on toast, slowly")
    store.guess(sam, 1, BREAKFAST, "Pancakes")
    store.answer(couple, 1, SEASON, "Winter, by the fire")
    store.guess(couple, 1, SEASON, "Autumn")
    store.guess(sam, 1, TRIP, "Portugal")
    sam.store.refresh()
    store.mark(sam, 1, SEASON, Verdict.RIGHT)
    couple.store.refresh()
    store.mark(couple, 1, BREAKFAST, Verdict.CLOSE)
    return couple


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_love_map_before_the_reveal(
    snap_compare: Snap, before_reveal: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(before_reveal), press=["m"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_love_map_after_the_reveal(
    snap_compare: Snap, after_reveal: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(after_reveal), press=["m"], terminal_size=size)


def test_love_map_first_visit(snap_compare: Snap, couple: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(couple), press=["m"], terminal_size=(80, 24))


def test_love_map_dialog(snap_compare: Snap, before_reveal: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(before_reveal), press=["m", "enter"], terminal_size=(80, 24))
