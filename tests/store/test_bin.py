"""Deleted things wait in a bin: who deleted them, when, what was done since, and restore.

The issue this answers: offline, Alex deletes a habit and Sam ticks it
afterwards. After the sync the habit must not simply vanish with Sam's
tick: it is in the bin, the tick is kept, and restoring brings both back.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.store.store_helpers import DAY, DAY_MS, ME, ME_META, T0, THEM, THEM_META, Clock, device
from tracker.domain.dates.input import DateDraft, date_from_draft
from tracker.domain.models import Check
from tracker.store import dates
from tracker.store.bin import (
    BIN_DAYS,
    in_bin,
    last_deleted_here,
    mark_told,
    restore,
    untold,
)
from tracker.store.couple import Couple


def test_a_delete_against_a_later_tick_keeps_the_tick_and_restores_both(
    two: tuple[Couple, Couple, Clock, str],
) -> None:
    alex, sam, clock, habit_id = two
    clock.millis += 60_000
    alex.delete_habit(habit_id)  # offline: Sam has not seen this
    clock.millis += 60_000
    sam.set_check(Check(habit_id, "b", DAY))  # offline too, after the delete
    alex.store.refresh()
    sam.store.refresh()

    for side in (alex, sam):
        assert side.habit(habit_id) is None  # the delete is the last word on the habit...
        binned = in_bin(side, clock.millis)
        assert [b.id for b in binned] == [habit_id]  # ...but it waits in the bin
        entry = binned[0]
        assert entry.title == "Walk after dinner"
        assert entry.deleted_by == "a"
        assert entry.deleted_ms == T0 + 60_000
        assert entry.ticks_by == {"b": 1}
        assert entry.ticks_since == 1
        # The tick itself was never removed.
        assert side.check(habit_id, "b", DAY) is not None

    changes = restore(sam, habit_id)
    assert [c.record_id for c in changes] == [habit_id]
    alex.store.refresh()
    for side in (alex, sam):
        habit = side.habit(habit_id)
        assert habit is not None and habit.title == "Walk after dinner"
        assert side.check(habit_id, "b", DAY) is not None
        assert in_bin(side, clock.millis) == []


def test_ticks_made_before_the_delete_are_not_counted_as_since(
    two: tuple[Couple, Couple, Clock, str],
) -> None:
    alex, sam, clock, habit_id = two
    sam.set_check(Check(habit_id, "b", DAY))
    alex.store.refresh()
    clock.millis += 1000
    alex.delete_habit(habit_id)
    sam.store.refresh()
    assert in_bin(sam, clock.millis)[0].ticks_since == 0


def test_undoing_a_restore_puts_it_back_in_the_bin(two: tuple[Couple, Couple, Clock, str]) -> None:
    alex, _sam, clock, habit_id = two
    alex.delete_habit(habit_id)
    changes = restore(alex, habit_id)
    for change in reversed(changes):
        alex.undo(change)
    assert alex.habit(habit_id) is None
    assert [b.id for b in in_bin(alex, clock.millis)] == [habit_id]


def test_restoring_what_is_not_in_the_bin_says_so(two: tuple[Couple, Couple, Clock, str]) -> None:
    alex, _sam, _clock, habit_id = two
    with pytest.raises(ValueError, match="not in the bin"):
        restore(alex, habit_id)


def test_the_bin_shows_thirty_days_and_everything_on_request(
    two: tuple[Couple, Couple, Clock, str],
) -> None:
    alex, _sam, clock, habit_id = two
    alex.delete_habit(habit_id)
    deleted = clock.millis
    assert in_bin(alex, deleted + BIN_DAYS * DAY_MS - 1)  # at least 30 days
    assert in_bin(alex, deleted + (BIN_DAYS + 1) * DAY_MS) == []
    old = in_bin(alex, deleted + 400 * DAY_MS, everything=True)
    assert [b.id for b in old] == [habit_id]
    restore(alex, habit_id)  # still restorable, however old
    assert alex.habit(habit_id) is not None


def test_dates_ideas_and_goals_wait_in_the_bin_too(tmp_path: Path) -> None:
    clock = Clock(T0)
    alex = device(tmp_path / "data", ME, ME_META, clock)
    alex.put_record("date", "date:1", {"title": "Picnic"}, "Planned")
    alex.put_record("idea", "idea:1", {"title": "Stargazing"}, "Added")
    alex.put_record("goal", "goal:g1", {"title": "Save for a trip"}, "Saved")
    alex.put_record("milestone", "milestone:goal:g1:m1", {"title": "Half way"}, "Saved")
    alex.put_record("setting", "setting:a:x", {"on": True}, "Changed")
    for record_id in ("date:1", "idea:1", "goal:g1", "milestone:goal:g1:m1", "setting:a:x"):
        clock.millis += 10
        alex.delete_record(record_id, "Deleted")
    binned = {b.id: b for b in in_bin(alex, clock.millis)}
    # Settings are not things anyone deletes by hand; a milestone goes with its goal.
    assert set(binned) == {"date:1", "idea:1", "goal:g1"}
    assert binned["idea:1"].title == "Stargazing"
    # Newest delete first.
    assert [b.id for b in in_bin(alex, clock.millis)] == ["goal:g1", "idea:1", "date:1"]
    restore(alex, "goal:g1")
    assert alex.record("goal:g1") is not None
    assert alex.record("milestone:goal:g1:m1") is not None  # deleted with it, back with it
    # A date comes back as a Change of its kind: the app's feed refresh (after any write
    # of a date) puts it back in the calendar; the store itself renders nothing.
    changes = restore(alex, "date:1")
    assert [c.kind for c in changes] == ["date"]
    assert alex.record("date:1") is not None


def test_undo_after_a_restart_finds_what_this_device_deleted_last(
    two: tuple[Couple, Couple, Clock, str], tmp_path: Path
) -> None:
    alex, sam, clock, habit_id = two
    clock.millis += 10
    alex.delete_habit(habit_id)
    alex.store.close()
    later = device(tmp_path / "data", ME, ME_META, clock)  # the app opened again
    found = last_deleted_here(later, clock.millis)
    assert found is not None and found.id == habit_id
    sam.store.refresh()
    assert last_deleted_here(sam, clock.millis) is None  # Sam did not delete it


def test_the_partner_is_told_once_with_their_own_ticks_since(
    two: tuple[Couple, Couple, Clock, str], tmp_path: Path
) -> None:
    alex, sam, clock, habit_id = two
    clock.millis += 10
    alex.delete_habit(habit_id)
    clock.millis += 10
    sam.set_check(Check(habit_id, "b", DAY))
    sam.set_check(Check(habit_id, "b", date(2026, 9, 21)))
    sam.store.refresh()
    alex.store.refresh()
    assert untold(alex, clock.millis) == []  # Alex did it: nothing to tell
    news = untold(sam, clock.millis)
    assert [(b.id, b.ticks_by.get("b")) for b in news] == [(habit_id, 2)]
    mark_told(sam, news)
    assert untold(sam, clock.millis) == []
    sam.store.close()
    reopened = device(tmp_path / "data", THEM, THEM_META, clock)
    assert untold(reopened, clock.millis) == []  # told once, not on every start


@pytest.mark.parametrize("told", ["oops", None, 3, {"a": 1}, [1, None]])
def test_a_garbled_told_setting_means_told_nothing(
    two: tuple[Couple, Couple, Clock, str], told: object
) -> None:
    alex, sam, clock, habit_id = two
    alex.delete_habit(habit_id)
    sam.store.refresh()
    sam.put_record("setting", "setting:b:bin-told", {"told": told}, "Garbled")
    assert [b.id for b in untold(sam, clock.millis)] == [habit_id]
    mark_told(sam, untold(sam, clock.millis))
    assert untold(sam, clock.millis) == []


def test_a_deleted_date_comes_back_from_the_bin(two: tuple[Couple, Couple, Clock, str]) -> None:
    # The store leaves the calendar feed to the app and the CLI, which refresh it
    # after any change to a date; restoring one must not reach for it itself.
    alex, _sam, clock, _habit_id = two
    draft = DateDraft("Picnic by the river", day="2026-10-02", tz="UTC")
    night = date_from_draft(draft, Couple.new_id(dates.DATE), "UTC", "a")
    dates.save_date(alex, night)
    clock.millis += 60_000
    dates.delete_date(alex, night)
    assert [entry.id for entry in in_bin(alex, clock.millis)][:1] == [night.id]
    restore(alex, night.id)
    assert dates.find_date(alex, night.id) == night
