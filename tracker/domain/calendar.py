"""A calendar event as the export needs it, whatever feature it comes from.

Date nights and conversation slots both turn into these; `tracker.export.ics`
turns these into an .ics file. Recurrence stays a rule (RRULE) with
exceptions (EXDATE), never a list of expanded occurrences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    uid: str  # derived from the record id: stable across exports
    title: str
    tz: str  # IANA name the times are in; ignored for all-day events
    start: datetime | date  # naive local datetime in `tz`, or a date for all-day events
    end: datetime | date  # exclusive; for all-day events the day after the last day
    sequence: int = 0  # rises every time the event changes, so clients update, not duplicate
    last_modified: datetime | None = None  # aware (UTC); becomes DTSTAMP / LAST-MODIFIED
    description: str = ""
    location: str = ""
    rrule: str = ""  # e.g. "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", without the "RRULE:" prefix
    exdates: tuple[datetime | date, ...] = ()  # skipped occurrences, in the same form as start
    cancelled: bool = False
    alarm_minutes: int | None = None  # a reminder this many minutes before, if any
    categories: tuple[str, ...] = field(default=())

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)
