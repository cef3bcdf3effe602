"""How the Question screen looks, at 80×24 and 120×40: Sam has answered and Alex not yet,
then both answers side by side (long ones wrap at word boundaries). Update with
--snapshot-update after a deliberate change, and look at the pictures before keeping them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from tests.conftest import Couples
from tests.ui.conftest import TODAY
from tracker.domain.daily.kinds import ASKED
from tracker.domain.daily.model import Asked
from tracker.store import daily as store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]

SAMS = (
    "When you left a note in my coat pocket before my interview. I found it on the "
    "train and read it three times, and I walked in feeling like someone had my back."
)
ALEXS = "Sunday morning, when you made pancakes and we didn't look at our phones once."
# The week's questions, fixed: the store's own pick is shuffled by each couple's device
# ids, which are new in every run.
WEEK = ["daily-076", "daily-026", "daily-326", "daily-151", "daily-226", "daily-351"]


def ask(couple: Couple, back: int, key: str) -> None:
    """The question `back` days ago, written as the store writes it on a first look."""
    asked = Asked(TODAY - timedelta(days=back), couple.me, key, couple.store.replica_id)
    couple.put_record(ASKED, asked.id, asked.to_data(), "The day's question")


@pytest.fixture
def sam_answered(couple: Couple, couples: Couples) -> Couple:
    """A few days of both answering, then today Sam has and Alex not yet."""
    for back, key in enumerate([*WEEK, "daily-051", "daily-101"]):
        ask(couple, back, key)
    sam = couples.join(config="sam-config")
    for back in range(3, 0, -1):
        day = TODAY - timedelta(days=back)
        store.answer(couple, day, f"Alex, {back} days back", TODAY)
        sam.store.refresh()
        store.answer(sam, day, f"Sam, {back} days back", TODAY)
        couple.store.refresh()
    store.answer(sam, TODAY, SAMS, TODAY)
    couple.store.refresh()
    return couple


@pytest.fixture
def both_answered(sam_answered: Couple) -> Couple:
    store.answer(sam_answered, TODAY, ALEXS, TODAY)
    return sam_answered


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_question_waiting_for_you(
    snap_compare: Snap, sam_answered: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(sam_answered), press=["d"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_question_both_answered(
    snap_compare: Snap, both_answered: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(both_answered), press=["d"], terminal_size=size)
