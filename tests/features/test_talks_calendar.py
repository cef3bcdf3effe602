"""Talks as calendar events: the rule stays a rule, and calendar apps agree with us."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from tests.conftest import Couples
from tracker.domain.calendar import CalendarEvent
from tracker.domain.talks.model import Slot, Status, plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.export import ics
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.records import stamp_millis

LONDON = "Europe/London"
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=UTC)


@pytest.fixture
def alex(couples: Couples) -> Couple:
    return couples.create(tz=LONDON)


def planned(couple: Couple, repeat: Repeat, on: date, at: time = time(20)) -> Slot:
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        "Our talk",
        repeat,
        on,
        at,
        45,
        LONDON,
        datetime(2026, 10, 1, tzinfo=UTC),
    )
    talks.save_slot(couple, slot, "Planned")
    return slot


def event_for(couple: Couple, uid: str) -> CalendarEvent:
    (found,) = [e for e in talks.calendar_events(couple) if e.uid == uid]
    return found


def expanded(couple: Couple, start: datetime, end: datetime) -> list[datetime]:
    """What a calendar app shows after importing our export, as aware instants."""
    payload = ics.export(couple, include=["conversations"])
    calendar = Calendar.from_ical(payload)
    found = recurring_ical_events.of(calendar).between(start, end)
    return sorted(e["DTSTART"].dt for e in found if e.get("STATUS") != "CANCELLED")


def test_a_weekly_slot_is_one_event_with_its_rule(alex: Couple) -> None:
    slot = planned(alex, Repeat(Freq.WEEKLY), date(2026, 10, 4))
    event = event_for(alex, slot.id)
    assert (event.title, event.tz, event.rrule) == ("Our talk", LONDON, "FREQ=WEEKLY;BYDAY=SU")
    assert event.start == datetime(2026, 10, 4, 20) and event.start.tzinfo is None
    assert event.end == datetime(2026, 10, 4, 20, 45)
    assert (event.exdates, event.cancelled, event.sequence) == ((), False, 0)
    record = alex.record(slot.id)
    assert record is not None and event.last_modified is not None
    assert event.last_modified == datetime.fromtimestamp(stamp_millis(record.stamp) / 1000, UTC)


def test_every_change_raises_the_sequence_and_skips_become_exdates(alex: Couple) -> None:
    slot = planned(alex, Repeat(Freq.WEEKLY), date(2026, 10, 4))
    sequences = [event_for(alex, slot.id).sequence]
    meetings = {m.day: m for m in talks.around(alex, NOW)}
    talks.set_status(alex, meetings[date(2026, 11, 29)], Status.SKIPPED)
    sequences.append(event_for(alex, slot.id).sequence)
    talks.move(alex, meetings[date(2026, 12, 6)], datetime(2026, 12, 7, 19), NOW)
    sequences.append(event_for(alex, slot.id).sequence)
    talks.set_status(alex, meetings[date(2026, 11, 29)], Status.PLANNED)  # back on
    sequences.append(event_for(alex, slot.id).sequence)
    edited = slot.__class__(slot.id, "Renamed", slot.start, 60, LONDON, slot.rule)
    talks.edit_slot(alex, slot, edited, NOW)
    sequences.append(event_for(alex, slot.id).sequence)
    assert sequences == sorted(set(sequences)), sequences  # strictly rising
    series = event_for(alex, slot.id)
    assert series.title == "Renamed"
    assert series.exdates == (datetime(2026, 12, 6, 20),)  # moved away; 29 Nov is back on
    moved = event_for(alex, f"talkocc:{slot.id}:2026-12-06")
    assert (moved.start, moved.end, moved.rrule) == (
        datetime(2026, 12, 7, 19),
        datetime(2026, 12, 7, 20),
        "",
    )


def test_calendar_apps_see_the_same_evenings_we_do_across_the_clock_change(alex: Couple) -> None:
    slot = planned(alex, Repeat(Freq.WEEKLY), date(2026, 10, 4))
    meetings = {m.day: m for m in talks.around(alex, datetime(2026, 10, 20, tzinfo=UTC))}
    talks.set_status(alex, meetings[date(2026, 11, 1)], Status.SKIPPED)
    talks.move(
        alex,
        meetings[date(2026, 11, 8)],
        datetime(2026, 11, 9, 18, 30),
        datetime(2026, 10, 20, tzinfo=UTC),
    )
    start, end = datetime(2026, 10, 11, tzinfo=UTC), datetime(2026, 11, 20, tzinfo=UTC)
    london = ZoneInfo(LONDON)
    theirs = [d.astimezone(UTC) for d in expanded(alex, start, end)]
    ours = [
        m.start.astimezone(UTC)
        for m in talks.around(alex, datetime(2026, 10, 20, tzinfo=UTC))
        if start <= m.start <= end and m.status is not Status.SKIPPED
    ]
    assert theirs == ours
    assert [d.astimezone(london).strftime("%a %d %H:%M") for d in theirs] == [
        "Sun 11 20:00",
        "Sun 18 20:00",
        "Sun 25 20:00",
        "Mon 09 18:30",
        "Sun 15 20:00",
    ]
    assert event_for(alex, slot.id).exdates == (
        datetime(2026, 11, 1, 20),
        datetime(2026, 11, 8, 20),
    )


def test_month_end_talks_land_on_the_same_days_in_a_calendar_app(alex: Couple) -> None:
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        "Month end",
        Repeat(Freq.MONTHLY),
        date(2026, 12, 1),
        time(19, 30),
        45,
        LONDON,
        NOW,
        monthday=31,
    )
    talks.save_slot(alex, slot, "Planned")
    start, end = datetime(2026, 12, 1, tzinfo=UTC), datetime(2027, 12, 1, tzinfo=UTC)
    days = [d.date() for d in expanded(alex, start, end)]
    assert len(days) == 12  # one a month, none skipped
    assert days[:4] == [date(2026, 12, 31), date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    assert days == [m.local_start.date() for m in talks.around(alex, NOW) if m.start <= end]


def test_ended_and_cancelled_slots_tell_the_calendar(alex: Couple) -> None:
    series = planned(alex, Repeat(Freq.WEEKLY), date(2026, 10, 4))
    talks.end_slot(alex, series, NOW)
    ended = event_for(alex, series.id)
    assert "UNTIL=20261125T200000Z" in ended.rrule and not ended.cancelled
    assert expanded(alex, NOW, NOW + timedelta(days=60)) == []
    once = plan_slot(
        Couple.new_id(talks.SLOT),
        "Once",
        Repeat(Freq.ONCE),
        date(2026, 12, 3),
        time(20),
        45,
        LONDON,
        NOW,
    )
    talks.save_slot(alex, once, "Planned")
    (meeting,) = [m for m in talks.around(alex, NOW) if m.slot.id == once.id]
    talks.move(alex, meeting, datetime(2026, 12, 4, 21), NOW)
    moved = event_for(alex, once.id)
    assert (moved.start, moved.rrule, moved.cancelled) == (datetime(2026, 12, 4, 21), "", False)
    talks.set_status(alex, meeting, Status.SKIPPED)
    assert event_for(alex, once.id).cancelled
    assert event_for(alex, once.id).sequence > moved.sequence


def test_undo_looks_like_one_more_edit_to_a_calendar(alex: Couple) -> None:
    slot = planned(alex, Repeat(Freq.WEEKLY), date(2026, 10, 4))
    meetings = {m.day: m for m in talks.around(alex, NOW)}
    before = event_for(alex, slot.id).sequence
    skip = talks.set_status(alex, meetings[date(2026, 11, 29)], Status.SKIPPED)
    skipped = event_for(alex, slot.id)
    alex.undo(skip)  # what `u` does in the app
    undone = event_for(alex, slot.id)
    assert undone.exdates == () and before < skipped.sequence < undone.sequence
    # Undoing a new slot keeps it in the file as cancelled, so calendars drop it too.
    fresh = plan_slot(
        Couple.new_id(talks.SLOT),
        "Oops",
        Repeat(Freq.WEEKLY),
        date(2026, 12, 2),
        time(19),
        30,
        LONDON,
        NOW,
    )
    made = talks.save_slot(alex, fresh, "Planned")
    alex.undo(made)
    gone = event_for(alex, fresh.id)
    assert gone.cancelled and gone.sequence > 0
    assert fresh.id not in [s.id for s in talks.slots(alex)]
