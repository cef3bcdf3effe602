"""The calendar's reminder sums, pure: where the check-in starts, and SEQUENCE and
DTSTAMP from stamps that may come from a partner's file (so from any year)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from tracker.domain.calendar import (
    EARLIEST,
    LATEST,
    MAX_SEQUENCE,
    Reminder,
    sequence_since,
    stamp_moment,
)
from tracker.domain.checkin.calendar import checkin_event, first_on_or_after

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize("weekday", range(7))
def test_the_checkin_starts_on_its_weekday_within_a_week_of_joining(weekday: int) -> None:
    event = checkin_event("c@rekindle", "Europe/London", weekday, time(19), WEDNESDAY, None)
    assert isinstance(event.start, datetime)
    assert event.start.weekday() == weekday and event.start.time() == time(19)
    assert 0 <= (event.start.date() - WEDNESDAY).days < 7
    assert first_on_or_after(WEDNESDAY, 2) == WEDNESDAY  # the day itself, if it is one


def test_stamps_from_any_year_become_moments_a_calendar_can_hold() -> None:
    ordinary = datetime(2026, 11, 25, 20, 0, 1, tzinfo=UTC)
    assert stamp_moment(int(ordinary.timestamp() * 1000)) == ordinary
    assert stamp_moment(999_999_999_999_999) == LATEST  # year 33658
    assert stamp_moment(0) == EARLIEST


def test_sequence_rises_with_each_later_change_and_fits_in_32_bits() -> None:
    moments = [EARLIEST, datetime(2026, 11, 25, tzinfo=UTC), LATEST]
    sequences = [sequence_since(m) for m in moments]
    assert sequence_since(None) == 0
    assert sequences == sorted(set(sequences)) and sequences[-1] <= MAX_SEQUENCE
    one_second_on = moments[1] + timedelta(seconds=1)
    assert sequence_since(one_second_on) == sequences[1] + 1
    assert Reminder(60, LATEST).lifted(10**7) == MAX_SEQUENCE  # never past what apps keep
