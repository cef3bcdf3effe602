"""Date nights: what they are, when they happen, and how they become calendar events.

A date keeps local wall-clock times and the name of its time zone, never UTC
alone, so "every other Friday at 19:30" stays 19:30 when the clocks change.
A recurring date is one rule (``dateutil.rrule``); what happened to a single
evening of it (done, called off) is kept beside it, one small record per
evening, so the two of you never edit the same thing at once.

Pure Python: no I/O, no Textual.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Self
from zoneinfo import ZoneInfo

from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

from tracker.domain.calendar import CalendarEvent
from tracker.domain.dates.records import (
    DateKind,
    DateNightData,
    DateStatus,
    MarkData,
    RepeatData,
    RepeatFreq,
)
from tracker.domain.days import tz_problem
from tracker.domain.validation import convert, known_zone, optional_day, valid_day, valid_moment

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FAR_PAST = date(1970, 1, 1)


@dataclass(frozen=True, slots=True)
class Repeat:
    freq: RepeatFreq = RepeatFreq.NONE
    interval: int = 1
    until: date | None = None  # the last day an evening may fall on, inclusive

    @property
    def repeats(self) -> bool:
        return self.freq is not RepeatFreq.NONE

    def describe(self, first: date) -> str:
        if not self.repeats:
            return ""
        n = self.interval
        if self.freq is RepeatFreq.WEEKLY:
            every = {1: "every week", 2: "every other week"}.get(n, f"every {n} weeks")
            text = f"{every} on {first:%A}s"
        else:
            nth = month_position(first)
            which = "last" if nth == -1 else ("first", "second", "third", "fourth")[nth - 1]
            every = "every month" if n == 1 else f"every {n} months"
            text = f"the {which} {first:%A} {every}"
        if self.until is not None:
            text += f", until {self.until:%d %b %Y}"
        return text

    def to_data(self) -> dict[str, Any]:
        return {
            "freq": self.freq.value,
            "interval": self.interval,
            "until": self.until.isoformat() if self.until else None,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any] | None) -> Self:
        return cls.from_shape(convert(data or {}, RepeatData))

    @classmethod
    def from_shape(cls, found: RepeatData | None) -> Self:
        if found is None:
            return cls()
        return cls(found.freq, found.interval, optional_day("repeat.until", found.until))


def month_position(day: date) -> int:
    """Which of its weekday in the month ``day`` is: 1..4, or -1 for a fifth (the last)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


@dataclass(frozen=True, slots=True)
class DateNight:
    id: str
    title: str
    tz: str  # IANA zone of the wall times below
    start: datetime | date  # naive local start; a date for a getaway
    minutes: int = 120  # how long, for everything but getaways
    days: int = 1  # how many days, for getaways
    kind: DateKind = DateKind.DATE_NIGHT
    place: str = ""
    notes: str = ""
    repeat: Repeat = field(default_factory=Repeat)
    cancelled: bool = False  # the whole date, or the whole series, is called off
    alarm_minutes: int | None = None
    idea: str = ""  # the jar idea it came from, if any
    by: str = ""  # who planned it: "a" or "b"
    revision: int = 0  # rises on every edit: the calendar's SEQUENCE

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def first_day(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start

    def edited(self, **changes: Any) -> DateNight:
        """A changed copy with its revision one higher."""
        return replace(self, **changes, revision=self.revision + 1)

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "tz": self.tz,
            "start": self.start.isoformat(timespec="minutes")
            if isinstance(self.start, datetime)
            else self.start.isoformat(),
            "all_day": self.all_day,
            "minutes": self.minutes,
            "days": self.days,
            "kind": self.kind.value,
            "place": self.place,
            "notes": self.notes,
            "repeat": self.repeat.to_data(),
            "cancelled": self.cancelled,
            "alarm_minutes": self.alarm_minutes,
            "idea": self.idea,
            "by": self.by,
            "revision": self.revision,
        }

    @classmethod
    def from_data(cls, record_id: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, DateNightData)
        start: datetime | date = (
            valid_day("start", found.start) if found.all_day else valid_moment("start", found.start)
        )
        return cls(
            id=record_id,
            title=found.title,
            tz=known_zone("tz", found.tz, tz_problem),
            start=start,
            minutes=found.minutes,
            days=found.days,
            kind=found.kind,
            place=found.place,
            notes=found.notes,
            repeat=Repeat.from_shape(found.repeat),
            cancelled=found.cancelled,
            alarm_minutes=found.alarm_minutes,
            idea=found.idea,
            by=found.by,
            revision=found.revision,
        )


def occurrence_id(date_id: str, day: date) -> str:
    """One evening of a date: deterministic, so both partners land on the same record."""
    return f"dateocc:{date_id}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class Mark:
    """What happened to one evening: done, called off, or planned again."""

    date_id: str
    day: date  # the day the rule put it on
    status: DateStatus
    revision: int = 0  # rises on every change, and lifts the series' SEQUENCE

    @property
    def id(self) -> str:
        return occurrence_id(self.date_id, self.day)

    def to_data(self) -> dict[str, Any]:
        return {
            "date": self.date_id,
            "day": self.day.isoformat(),
            "status": self.status.value,
            "revision": self.revision,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, MarkData)
        return cls(found.date, valid_day("day", found.day), found.status, found.revision)


Marks = Mapping[date, Mark]  # one date's marks by day


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One evening (or one getaway) of a date."""

    # This field hides the type ``date`` in the class body, so the body says ``dt.date``.
    date: DateNight
    day: dt.date
    status: DateStatus

    @property
    def key(self) -> str:
        return f"{self.date.id}|{self.day.isoformat()}"

    @property
    def start(self) -> datetime | dt.date:
        if isinstance(self.date.start, datetime):
            return datetime.combine(self.day, self.date.start.time())
        return self.day

    @property
    def start_at(self) -> datetime:
        """The aware instant it begins (midnight local for a getaway)."""
        local = (
            self.start if isinstance(self.start, datetime) else datetime.combine(self.day, time())
        )
        return local.replace(tzinfo=ZoneInfo(self.date.tz))

    @property
    def end_at(self) -> datetime:
        if self.date.all_day:
            local = datetime.combine(self.day + timedelta(days=self.date.days), time())
            return local.replace(tzinfo=ZoneInfo(self.date.tz))
        return (self.start_at.astimezone(UTC) + timedelta(minutes=self.date.minutes)).astimezone(
            ZoneInfo(self.date.tz)
        )

    @property
    def end(self) -> datetime | dt.date:
        """Exclusive end: local wall time, or the day after a getaway's last day."""
        if self.date.all_day:
            return self.day + timedelta(days=self.date.days)
        return self.end_at.replace(tzinfo=None)


def _rule(dn: DateNight, until: date | None) -> rrule:
    start = dn.start if isinstance(dn.start, datetime) else datetime.combine(dn.start, time())
    limit = datetime.combine(until, time(23, 59, 59)) if until else None
    if dn.repeat.freq is RepeatFreq.WEEKLY:
        return rrule(WEEKLY, interval=dn.repeat.interval, dtstart=start, until=limit)
    day = weekday(dn.first_day.weekday(), month_position(dn.first_day))
    return rrule(MONTHLY, interval=dn.repeat.interval, byweekday=day, dtstart=start, until=limit)


def rule_days(dn: DateNight, first: date, last: date) -> list[date]:
    """The days the date falls on between ``first`` and ``last`` (inclusive)."""
    if not dn.repeat.repeats:
        return [dn.first_day] if first <= dn.first_day <= last else []
    until = min(last, dn.repeat.until) if dn.repeat.until else last
    if until < first:
        return []
    rule = _rule(dn, until)
    after = datetime.combine(first, time()) - timedelta(microseconds=1)
    return [moment.date() for moment in rule.xafter(after, inc=False)]


def occurrences(dn: DateNight, marks: Marks, first: date, last: date) -> list[Occurrence]:
    """Every evening between two days, with what happened to it."""
    found = []
    for day in rule_days(dn, first, last):
        mark = marks.get(day)
        status = mark.status if mark else DateStatus.PLANNED
        if dn.cancelled:
            status = DateStatus.CANCELLED
        found.append(Occurrence(dn, day, status))
    return found


def occurrence_on(dn: DateNight, marks: Marks, day: date) -> Occurrence | None:
    found = occurrences(dn, marks, day, day)
    return found[0] if found else None


def next_day(dn: DateNight, after: date) -> date | None:
    """The first day the date falls on at or after ``after``."""
    if not dn.repeat.repeats:
        return dn.first_day if dn.first_day >= after else None
    if dn.repeat.until is not None and dn.repeat.until < after:
        return None
    moment = _rule(dn, dn.repeat.until).after(datetime.combine(after, time()), inc=True)
    return moment.date() if moment else None


def last_day(dn: DateNight) -> date | None:
    """The last day the date falls on, or None when it repeats for ever."""
    if not dn.repeat.repeats:
        return dn.first_day + timedelta(days=dn.days - 1 if dn.all_day else 0)
    if dn.repeat.until is None:
        return None
    days = rule_days(dn, dn.first_day, dn.repeat.until)
    return days[-1] if days else dn.first_day


# -- into a calendar ------------------------------------------------------------


def rrule_text(dn: DateNight) -> str:
    """The RRULE value (no "RRULE:" prefix). UNTIL is UTC for timed dates, as RFC 5545 asks."""
    if not dn.repeat.repeats:
        return ""
    first = dn.first_day
    parts = [f"FREQ={dn.repeat.freq.value.upper()}", f"INTERVAL={dn.repeat.interval}"]
    code = WEEKDAY_CODES[first.weekday()]
    if dn.repeat.freq is RepeatFreq.WEEKLY:
        parts.append(f"BYDAY={code}")
    else:
        parts.append(f"BYDAY={month_position(first)}{code}")
    until = dn.repeat.until
    if until is not None:
        if dn.all_day:
            parts.append(f"UNTIL={until:%Y%m%d}")
        else:
            end = datetime.combine(until, time(23, 59, 59), tzinfo=ZoneInfo(dn.tz))
            parts.append(f"UNTIL={end.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    return ";".join(parts)


def sequence_of(dn: DateNight, marks: Marks) -> int:
    """Every edit of the date and of any of its evenings lifts it; it never falls."""
    return dn.revision + sum(mark.revision for mark in marks.values())


def describe(dn: DateNight) -> str:
    lines = [f"{dn.kind.value.capitalize()} planned with Rekindle."]
    if dn.notes:
        lines.append(dn.notes)
    return "\n".join(lines)


def calendar_event(
    dn: DateNight, marks: Marks, last_modified: datetime, uid_domain: str = "rekindle"
) -> CalendarEvent:
    """The date as the .ics export needs it: one event, its rule kept whole.

    A single evening called off becomes an EXDATE; a one-off date, or a whole
    series, called off stays in the file as cancelled, so a calendar that
    imported it before takes it away.
    """
    single = not dn.repeat.repeats
    called_off = dn.cancelled or (
        single and (m := marks.get(dn.first_day)) is not None and m.status is DateStatus.CANCELLED
    )
    first = Occurrence(dn, dn.first_day, DateStatus.PLANNED)
    exdates: tuple[datetime | date, ...] = ()
    if not single:
        skipped = sorted(
            day
            for day, mark in marks.items()
            if mark.status is DateStatus.CANCELLED and rule_days(dn, day, day)
        )
        exdates = tuple(Occurrence(dn, day, DateStatus.CANCELLED).start for day in skipped)
    return CalendarEvent(
        uid=f"{dn.id.replace(':', '-')}@{uid_domain}",
        title=dn.title,
        tz=dn.tz,
        start=first.start,
        end=first.end,
        sequence=sequence_of(dn, marks),
        last_modified=last_modified,
        description=describe(dn),
        location=dn.place,
        rrule=rrule_text(dn),
        exdates=exdates,
        cancelled=called_off,
        alarm_minutes=dn.alarm_minutes,
        categories=("Rekindle", dn.kind.value),
    )


def marks_by_date(marks: Sequence[Mark]) -> dict[str, dict[date, Mark]]:
    grouped: dict[str, dict[date, Mark]] = {}
    for mark in marks:
        grouped.setdefault(mark.date_id, {})[mark.day] = mark
    return grouped
