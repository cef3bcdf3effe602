"""How the Check-in screen looks, at 80×24 and 120×40. Update with --snapshot-update after
a deliberate change, and look at the pictures before keeping them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import TODAY
from tracker.domain.checkin.model import KEYS, CheckIn, iso_week
from tracker.domain.checkin.promises import make_appreciation, make_promise, make_repair, settle
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]

# Five weeks of Alex drifting lower while Sam holds steadier: a gap on trust, a help card.
ALEX = [[4, 3, 4, 4, 4, 4], [3, 3, 3, 4, 3, 3], [3, 2, 3, 3, 2, 3], [2, 2, 3, 3, 2, 2]]
SAM = [[4, 4, 4, 4, 4, 4], [4, 3, 4, 4, 4, 4], [3, 3, 3, 3, 4, 3], [3, 3, 3, 4, 4, 3]]
THIS_WEEK_ALEX = [2, 2, 2, 3, 2, 2]
THIS_WEEK_SAM = [4, 2, 3, 3, 4, 3]


def sam_of(couple: Couple) -> Couple:
    sam = Couple(Store(couple.store.data_dir, "sam-laptop", {"partner": "b"}), "b")
    sam.store.load()
    return sam


def put(couple: Couple, person: str, back: int, values: list[int], notes: dict[str, str]) -> None:
    day = TODAY - timedelta(weeks=back)
    ratings = dict(zip(KEYS, values, strict=True))
    store.save_checkin(couple, CheckIn(person, iso_week(day), ratings, notes, day))


@pytest.fixture
def history(couple: Couple) -> Couple:
    sam = sam_of(couple)
    for back, (mine, theirs) in zip(range(4, 0, -1), zip(ALEX, SAM, strict=True), strict=True):
        put(couple, "a", back, mine, {})
        put(sam, "b", back, theirs, {})
    put(sam, "b", 0, THIS_WEEK_SAM, {"trust": "Better since our walk [on Sunday]"})
    thanks = make_appreciation("appreciation:1", "b", "a", TODAY, "You cooked when I was late")
    store.save_appreciation(sam, thanks)
    couple.store.refresh()
    return couple


@pytest.fixture
def both_in(history: Couple) -> Couple:
    put(history, "a", 0, THIS_WEEK_ALEX, {"quality time": "Evenings vanish into screens"})
    return history


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_side_by_side_with_help_card(
    snap_compare: Snap, both_in: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(both_in), press=["5"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_partner_hidden(
    snap_compare: Snap, history: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(history), press=["5"], terminal_size=size)


def test_checkin_empty(snap_compare: Snap, couple: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(couple), press=["5"], terminal_size=(80, 24))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_checkin_form(
    snap_compare: Snap, history: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    async def fill_some(pilot: Pilot[None]) -> None:
        await pilot.press("5", "c", "3", "tab", "2")
        await pilot.press(*"hard", "tab")
        await pilot.pause()

    assert snap_compare(open_app(history), run_before=fill_some, terminal_size=size)


def test_checkin_promises(snap_compare: Snap, both_in: Couple, open_app: OpenApp) -> None:
    sam = sam_of(both_in)
    table = make_promise("promise:1", "Book the table for Saturday", "a", "b", "friday", TODAY)
    bike = make_promise("promise:2", "Fix the bike", "b", "a", "today", TODAY - timedelta(5))
    call = make_promise("promise:3", "Call the plumber", "a", "b", "today", TODAY - timedelta(9))
    store.save_promise(both_in, table, "Made")
    store.save_promise(both_in, settle(call, True, TODAY - timedelta(days=8)), "Kept")
    store.save_promise(sam, bike, "Made")
    repair = make_repair(
        "repair:1", "a", "b", TODAY, "I snapped at dinner; sorry", "I'll say when I'm tired"
    )
    store.save_repair(both_in, repair)
    both_in.store.refresh()
    assert snap_compare(open_app(both_in), press=["5", "p"], terminal_size=(120, 40))


def test_checkin_prompt_card(snap_compare: Snap, both_in: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(both_in), press=["5", "d"], terminal_size=(80, 24))
