"""How the Dates screen looks, at 80×24 and 120×40. Update with --snapshot-update after a
deliberate change, and look at the pictures before keeping them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.ui.conftest import NOW
from tracker.domain.dates.input import DateDraft
from tracker.domain.dates.model import DateKind, DateStatus, RepeatFreq
from tracker.store import dates as store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]


@pytest.fixture
def dated(lived_in: Couple) -> Couple:
    def plan(**fields: object) -> None:
        values = {"title": "Dinner", "time": "19:30", "hours": "2"}
        values.update(fields)
        dn = store.new_date(lived_in, DateDraft(**values))  # type: ignore[arg-type]
        store.save_date(lived_in, dn)

    plan(
        title="Friday dinner",
        day="2026-10-16",
        repeat=RepeatFreq.WEEKLY,
        every="2",
        place="Luigi’s",
    )
    plan(title="Sunday walk by the river", day="2026-11-22", time="10:00", kind=DateKind.UNPLUGGED)
    plan(title="Pottery, first lesson", day="2026-12-03", time="18:30", kind=DateKind.NEW_HOBBY)
    plan(title="Lake District", kind=DateKind.GETAWAY, day="2026-12-12", days="3")
    by_title = {d.title: d for d in store.dates(lived_in)}
    walk, fridays = by_title["Sunday walk by the river"], by_title["Friday dinner"]
    store.rate(lived_in, walk, walk.first_day, 5, "the heron on the way home", NOW)
    store.rate(Couple(lived_in.store, "b"), walk, walk.first_day, 4, "cold hands", NOW)
    store.set_status(lived_in, fridays, fridays.first_day, DateStatus.CANCELLED)
    return lived_in


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dates_upcoming(
    snap_compare: Snap, dated: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(dated), press=["4"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_dates_past(
    snap_compare: Snap, dated: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(dated), press=["4", "right"], terminal_size=size)


def test_dates_jar(snap_compare: Snap, dated: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(dated), press=["4", "right", "right"], terminal_size=(80, 24))


def test_dates_form(snap_compare: Snap, dated: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(dated), press=["4", "a"], terminal_size=(80, 24))
