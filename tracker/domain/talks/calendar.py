"""Conversation slots as calendar events: the rule stays a rule.

A repeating slot becomes one event with its RRULE; skipped meetings become
EXDATEs; a moved meeting becomes an EXDATE on the series plus its own one-off
event (uid from the meeting's record), cancelled if it is later skipped. A
one-off slot is simply where it was moved to, and cancelled if skipped.
SEQUENCE is the slot's revision plus its meetings' revisions, so it rises with
every edit, skip or move and calendar apps update the event instead of adding
one. (Undo puts an older version back, so its SEQUENCE can fall again.)

Every event carries the reminder its person chose (how long before a talk) as
a VALARM; the export leaves it off a called-off one. A new choice changes
every talk's alarm, so it lifts every talk's SEQUENCE too (cancelled ones
included: leaving them out would make a SEQUENCE fall when a talk is called
off).

Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta

from tracker.domain.calendar import NO_REMINDER, CalendarEvent, Reminder, stamp_moment
from tracker.domain.talks.model import Occurrence, Slot
from tracker.domain.talks.records import Status
from tracker.domain.talks.schedule import day_text, describe

DESCRIPTION = "Time set aside to talk, from Rekindle. Phones away; take turns to listen."
CATEGORIES = ("Rekindle", "Conversation")


def _modified(millis: int | None) -> datetime | None:
    return None if millis is None else stamp_moment(millis)


def slot_events(
    slot: Slot,
    meetings: Iterable[Occurrence],
    stamps: Mapping[str, int],
    reminder: Reminder = NO_REMINDER,
) -> list[CalendarEvent]:
    """The slot's event, plus one event per moved meeting.

    ``stamps`` maps record ids (the slot's and its meetings') to their last
    change in milliseconds; ``reminder`` is how long before a talk this
    device's person wants to be reminded (no alarm by default).
    """
    own = [m for m in meetings if m.slot_id == slot.id]
    newest = max([stamps.get(slot.id, 0), *(stamps.get(m.id, 0) for m in own)])
    sequence = reminder.lifted(slot.revision + sum(m.revision for m in own))
    about = f"{describe(slot.rule, slot.start, slot.tz, slot.minutes)}. {DESCRIPTION}"
    if not slot.rule:
        # A one-off simply is where it was moved to, and cancelled if skipped.
        start = next((m.moved_to for m in own if m.moved_to), slot.start)
        skipped = any(m.status is Status.SKIPPED for m in own)
        return [
            CalendarEvent(
                uid=slot.id,
                title=slot.title,
                tz=slot.tz,
                start=start,
                end=start + timedelta(minutes=slot.minutes),
                sequence=sequence,
                last_modified=reminder.modified(_modified(newest or None)),
                description=about,
                cancelled=slot.cancelled or skipped,
                alarm_minutes=reminder.minutes,
                categories=CATEGORIES,
            )
        ]
    exdates = sorted(
        {
            datetime.combine(m.day, slot.start.time())
            for m in own
            if m.status is Status.SKIPPED or m.moved_to
        }
    )
    events = [
        CalendarEvent(
            uid=slot.id,
            title=slot.title,
            tz=slot.tz,
            start=slot.start,
            end=slot.start + timedelta(minutes=slot.minutes),
            sequence=sequence,
            last_modified=reminder.modified(_modified(newest or None)),
            description=about,
            rrule=slot.rule,
            exdates=tuple(exdates),
            cancelled=slot.cancelled,
            alarm_minutes=reminder.minutes,
            categories=CATEGORIES,
        )
    ]
    for meeting in own:
        if meeting.moved_to is None:
            continue
        events.append(
            CalendarEvent(
                uid=meeting.id,
                title=slot.title,
                tz=slot.tz,
                start=meeting.moved_to,
                end=meeting.moved_to + timedelta(minutes=slot.minutes),
                sequence=reminder.lifted(meeting.revision),
                last_modified=reminder.modified(_modified(stamps.get(meeting.id))),
                description=f"Moved from {day_text(meeting.day)}. {DESCRIPTION}",
                cancelled=slot.cancelled or meeting.status is Status.SKIPPED,
                alarm_minutes=reminder.minutes,
                categories=CATEGORIES,
            )
        )
    return events
