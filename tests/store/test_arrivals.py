"""What the partner sent, as the app is told it: ticks as Checks, deletions and calendar
changes flagged, nothing when only our own writes are new, and nothing to tell (but a
redraw) when another process on this device wrote."""

from __future__ import annotations

from datetime import date

from tests.store.store_helpers import DAY, ME, ME_META, device
from tracker.domain.dates.input import DateDraft, date_from_draft
from tracker.domain.models import Check, CheckStatus
from tracker.store import dates
from tracker.store.arrivals import look_for_arrivals
from tracker.store.couple import Couple

Two = tuple[Couple, Couple, object, str]


def test_nothing_new_from_them_is_none(two: Two) -> None:
    alex, _sam, _clock, habit_id = two
    look_for_arrivals(alex)
    alex.set_check(Check(habit_id, "a", DAY))  # our own tick is not an arrival
    assert look_for_arrivals(alex) is None


def test_a_tick_from_another_process_here_redraws_and_tells_nothing(two: Two) -> None:
    """A `rekindle tick` from a script, or a second browser tab of `rekindle serve`, is
    this device's own replica written by another process: the open app shows it (seen
    in tmux: Today kept yesterday's streak after the command line had changed it)."""
    alex, _sam, clock, habit_id = two
    look_for_arrivals(alex)
    script = device(alex.store.data_dir, ME, ME_META, clock)  # the same replica
    script.set_check(Check(habit_id, "a", DAY))
    arrived = look_for_arrivals(alex)
    assert arrived is not None
    assert (arrived.ticks, arrived.changes, arrived.deletions, arrived.calendar) == (
        [],
        0,
        False,
        False,
    )
    assert alex.check(habit_id, "a", DAY) is not None


def test_their_tick_arrives_as_a_check(two: Two) -> None:
    alex, sam, _clock, habit_id = two
    look_for_arrivals(alex)
    sam.set_check(Check(habit_id, "b", DAY))
    arrived = look_for_arrivals(alex)
    assert arrived is not None
    assert [(c.habit_id, c.person, c.day, c.status) for c in arrived.ticks] == [
        (habit_id, "b", DAY, CheckStatus.DONE)
    ]
    assert arrived.changes == 1 and not arrived.deletions and not arrived.calendar


def test_their_delete_is_flagged_not_counted_and_a_date_touches_the_calendar(two: Two) -> None:
    alex, sam, _clock, habit_id = two
    look_for_arrivals(alex)
    sam.delete_habit(habit_id)
    draft = DateDraft("Picnic by the river", day=str(date(2026, 10, 2)), tz="UTC")
    dates.save_date(sam, date_from_draft(draft, Couple.new_id(dates.DATE), "UTC", "b"))
    arrived = look_for_arrivals(alex)
    assert arrived is not None
    assert arrived.deletions and arrived.calendar
    assert arrived.ticks == [] and arrived.changes == 1  # the date; the delete is told apart
