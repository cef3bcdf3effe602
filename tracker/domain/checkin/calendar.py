"""The weekly check-in as a calendar event, so a phone's calendar brings it up too.

One event that repeats every week on the person's chosen weekday and time, in
their own zone, with a reminder at its start. It is one person's: each device's
feed holds its own person's check-in (the partner keeps theirs on their day).

Stable on purpose, so exporting twice gives the same bytes: the first evening is
the chosen weekday on or after the day the person joined (never "today"), the
UID comes from the person and that same moment, and SEQUENCE and DTSTAMP from
when they last changed the day, the time or their time zone, so a change
updates the event in a calendar app instead of adding a second one.

Pure: no I/O.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Final

from tracker.domain.calendar import BYDAY_CODES, CalendarEvent, sequence_since

TITLE: Final = "Weekly check-in"
MINUTES: Final = 15
DESCRIPTION: Final = (
    "A few minutes for your weekly check-in: rate the five areas of your week "
    "and how close you feel. Answer on Rekindle's Check-in screen, "
    "or type rekindle checkin in a terminal."
)
CATEGORIES: Final = ("Rekindle", "Check-in")


def checkin_uid(person: str, joined_millis: int) -> str:
    """One per person per couple: the moment they joined tells two couples apart."""
    return f"checkin-{person}-{joined_millis}@rekindle"


def first_on_or_after(day: date, weekday: int) -> date:
    """The first ``weekday`` (0 Monday … 6 Sunday) on or after ``day``."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def checkin_event(
    uid: str,
    tz: str,
    weekday: int,
    at: time,
    since: date,
    changed: datetime | None,
) -> CalendarEvent:
    """Every ``weekday`` at ``at`` (a wall time in ``tz``) from ``since`` on.

    ``changed`` is when the person last changed the weekday, the time or their
    zone (None if never): it lifts SEQUENCE and is the event's DTSTAMP.
    """
    start = datetime.combine(first_on_or_after(since, weekday), at)
    return CalendarEvent(
        uid=uid,
        title=TITLE,
        tz=tz,
        start=start,
        end=start + timedelta(minutes=MINUTES),
        sequence=sequence_since(changed),
        last_modified=changed,
        description=DESCRIPTION,
        rrule=f"FREQ=WEEKLY;BYDAY={BYDAY_CODES[weekday]}",
        alarm_minutes=0,
        categories=CATEGORIES,
    )
