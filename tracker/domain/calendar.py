"""A calendar event as the export needs it, whatever feature it comes from.

Date nights, conversation slots and the weekly check-in all turn into these;
`tracker.export.ics` turns these into an .ics file. Recurrence stays a rule
(RRULE) with exceptions (EXDATE), never a list of expanded occurrences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Final

# iCalendar's weekday codes, Monday first like `date.weekday()`.
BYDAY_CODES: Final = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# SEQUENCE is a signed 32-bit integer in RFC 5545 (and in the apps that read it).
MAX_SEQUENCE: Final = 2**31 - 1
# A setting keeps no count of its edits, only when it last changed: seconds since this
# moment stand in for the count, and fit in a SEQUENCE until 2088.
SEQUENCE_EPOCH: Final = datetime(2020, 1, 1, tzinfo=UTC)
# Stamps come from both partners' files: one from year 33658 (or 1970) is still read, but a
# calendar is given a moment inside these years.
EARLIEST: Final = datetime(2020, 1, 1, tzinfo=UTC)
LATEST: Final = datetime(2087, 12, 31, tzinfo=UTC)


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


@dataclass(frozen=True, slots=True)
class Reminder:
    """A reminder a person chose for a kind of event (their talks, say)."""

    minutes: int | None = None  # before the start; 0 at the start; None for no alarm
    chosen: datetime | None = None  # when they last changed it; None if never (the default)

    def lifted(self, sequence: int) -> int:
        """An event's SEQUENCE with this choice in it: a new choice changes the event's
        alarm, and a calendar app only takes an event whose SEQUENCE rose."""
        return min(sequence + sequence_since(self.chosen), MAX_SEQUENCE)

    def modified(self, changed: datetime | None) -> datetime | None:
        """An event's last change, counting this choice as one."""
        return later(changed, self.chosen)


NO_REMINDER: Final = Reminder()


def stamp_moment(millis: int) -> datetime:
    """A stamp's milliseconds since 1970 as a UTC moment, held between EARLIEST and
    LATEST, so a partner's odd stamp never breaks an export."""
    seconds = min(max(millis / 1000, EARLIEST.timestamp()), LATEST.timestamp())
    return datetime.fromtimestamp(seconds, UTC)


def sequence_since(changed: datetime | None) -> int:
    """A SEQUENCE for something that only knows when it last changed: whole seconds since
    SEQUENCE_EPOCH, so every later change gives a higher number (0 for never changed)."""
    if changed is None:
        return 0
    return min(max(int((changed - SEQUENCE_EPOCH).total_seconds()), 0), MAX_SEQUENCE)


def later(*moments: datetime | None) -> datetime | None:
    """The latest of some moments, leaving out the unknown ones; None if all are."""
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None
