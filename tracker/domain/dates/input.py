"""Turning what someone typed about a date into a DateNight, or one clear sentence why not."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from tracker.domain.dates.model import DateNight, Repeat
from tracker.domain.dates.records import (
    MAX_ALARM,
    MAX_DAYS,
    MAX_MINUTES,
    MIN_MINUTES,
    DateKind,
    RepeatFreq,
)
from tracker.domain.days import tz_problem
from tracker.domain.text import MAX_TITLE, clean_line, clean_name, clean_note

MAX_PLACE = 120
MAX_MEMORY = 200
FIRST_YEAR, LAST_YEAR = 1970, 2199

_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?")


def parse_day(text: str, what: str = "The day") -> date:
    """YYYY-MM-DD, with a sentence that says what is wrong with an impossible day."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(f"{what} is missing; use YYYY-MM-DD, like 2026-11-27.")
    match = _DAY.fullmatch(cleaned)
    if not match:
        raise ValueError(f"“{cleaned[:20]}” is not a date; use YYYY-MM-DD, like 2026-11-27.")
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(f"Pick a year between {FIRST_YEAR} and {LAST_YEAR}.")
    if not 1 <= month <= 12:
        raise ValueError(f"“{cleaned}” has no month {month}; months run from 01 to 12.")
    length = calendar.monthrange(year, month)[1]
    if not 1 <= day <= length:
        raise ValueError(
            f"There is no {day} {calendar.month_name[month]} {year}: that month has {length} days."
        )
    return date(year, month, day)


def parse_time(text: str, what: str = "The time") -> time:
    """19:30, 19.30, 7pm or 7:30pm."""
    cleaned = text.strip().casefold()
    if not cleaned:
        raise ValueError(f"{what} is missing; use HH:MM, like 19:30.")
    match = _TIME.fullmatch(cleaned)
    hour = minute = -1
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if match[3]:
            hour = hour % 12 + (12 if match[3] == "pm" else 0) if 1 <= hour <= 12 else -1
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise ValueError(
            f"“{text.strip()[:20]}” is not a time of day; use HH:MM from 00:00 to 23:59, "
            "like 19:30."
        )
    return time(hour, minute)


def parse_hours(text: str) -> int:
    """How long, as minutes: "2", "1.5", "2,5" or "1:30" hours."""
    cleaned = text.strip().replace(",", ".")
    try:
        if ":" in cleaned:
            hours, _, mins = cleaned.partition(":")
            minutes = int(hours) * 60 + int(mins)
        else:
            minutes = round(float(cleaned) * 60)
    except ValueError:
        raise ValueError(
            f"“{text.strip()[:20]}” is not a length; give hours, like 2 or 1.5."
        ) from None
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(
            "Give it at least a quarter of an hour."
            if minutes < MIN_MINUTES
            else "That is longer than a day; plan it as a getaway instead."
        )
    return minutes


def whole_number(text: str, what: str, low: int, high: int) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        raise ValueError(f"{what} needs a whole number, like {low + 1}.") from None
    if not low <= value <= high:
        raise ValueError(f"{what} can be from {low} to {high}.")
    return value


def check_wall_time(moment: datetime, tz: str) -> None:
    """A local time the clocks skip over (spring forward) does not exist: say so."""
    zone = ZoneInfo(tz)
    there_and_back = moment.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)
    if there_and_back.replace(tzinfo=None) != moment:
        raise ValueError(
            f"{moment:%H:%M} on {moment:%A} {moment.day} {moment:%B %Y} doesn't exist in "
            f"{tz}: the clocks go forward that night. Pick an hour later or earlier."
        )


def clean_memory(text: str) -> str:
    return clean_line(text, "memory", MAX_MEMORY, required=False)


def clean_stars(text: str) -> int:
    """1 to 5, typed as a number or as stars (★★★ or ***)."""
    cleaned = text.strip()
    if cleaned and set(cleaned) <= {"★", "*"}:
        cleaned = str(len(cleaned))
    return whole_number(cleaned or "-", "The rating", 1, 5)


@dataclass(slots=True)
class DateDraft:
    """A date's fields as typed, plus the choices made."""

    title: str = ""
    kind: DateKind = DateKind.DATE_NIGHT
    day: str = ""
    time: str = "19:30"
    hours: str = "2"
    end: str = ""  # an end time instead of hours, if given
    days: str = "2"  # getaways
    place: str = ""
    notes: str = ""
    tz: str = ""
    repeat: RepeatFreq = RepeatFreq.NONE
    every: str = "1"
    until: str = ""
    alarm: str = ""  # minutes before; blank for none
    idea: str = ""

    @classmethod
    def of(cls, dn: DateNight) -> DateDraft:
        start = dn.start
        return cls(
            title=dn.title,
            kind=dn.kind,
            day=dn.first_day.isoformat(),
            time=start.strftime("%H:%M") if isinstance(start, datetime) else "19:30",
            hours=f"{dn.minutes / 60:g}" if not dn.all_day else "2",
            days=str(dn.days) if dn.all_day else "2",
            place=dn.place,
            notes=dn.notes,
            tz=dn.tz,
            repeat=dn.repeat.freq,
            every=str(dn.repeat.interval),
            until=dn.repeat.until.isoformat() if dn.repeat.until else "",
            alarm="" if dn.alarm_minutes is None else str(dn.alarm_minutes),
            idea=dn.idea,
        )


def _repeat_of(draft: DateDraft, first: date) -> Repeat:
    if draft.repeat is RepeatFreq.NONE:
        return Repeat()
    if draft.kind is DateKind.GETAWAY:
        raise ValueError("A getaway is planned one at a time; leave it as not repeating.")
    high = 52 if draft.repeat is RepeatFreq.WEEKLY else 12
    unit = "weeks" if draft.repeat is RepeatFreq.WEEKLY else "months"
    interval = whole_number(draft.every or "1", f"Every how many {unit}", 1, high)
    until = parse_day(draft.until, "The last day") if draft.until.strip() else None
    if until is not None and until < first:
        raise ValueError("The repeats would end before the first date; pick a later last day.")
    return Repeat(draft.repeat, interval, until)


def _length(draft: DateDraft, start: datetime, tz: str) -> int:
    if not draft.end.strip():
        return parse_hours(draft.hours)
    end = datetime.combine(start.date(), parse_time(draft.end, "The end time"))
    check_wall_time(end, tz)
    if end <= start:
        raise ValueError(
            f"It would end ({end:%H:%M}) before it starts ({start:%H:%M}). For an evening "
            "that runs past midnight, give its length in hours instead."
        )
    zone = ZoneInfo(tz)
    # Real time, not wall time: subtracting in one zone would ignore a clock change.
    seconds = (
        end.replace(tzinfo=zone).astimezone(UTC) - start.replace(tzinfo=zone).astimezone(UTC)
    ).total_seconds()
    return max(MIN_MINUTES, round(seconds / 60))


def date_from_draft(
    draft: DateDraft, date_id: str, default_tz: str, by: str, revision: int = 0
) -> DateNight:
    """A valid DateNight, or ValueError with a sentence for the person filling the form."""
    title = clean_name(draft.title, "date", MAX_TITLE)
    tz = draft.tz.strip() or default_tz
    problem = tz_problem(tz)
    if problem:
        raise ValueError(problem)
    first = parse_day(draft.day)
    start: datetime | date
    minutes, days = 120, 1
    if draft.kind is DateKind.GETAWAY:
        days = whole_number(draft.days, "A getaway's days", 0, MAX_DAYS)
        if days == 0:
            raise ValueError("A getaway lasts at least one day; for an evening, pick date night.")
        start = first
    else:
        start = datetime.combine(first, parse_time(draft.time))
        check_wall_time(start, tz)
        minutes = _length(draft, start, tz)
    alarm = None
    if draft.alarm.strip():
        alarm = whole_number(draft.alarm, "The reminder (minutes before)", 0, MAX_ALARM)
    return DateNight(
        id=date_id,
        title=title,
        tz=tz,
        start=start,
        minutes=minutes,
        days=days,
        kind=draft.kind,
        place=clean_line(draft.place, "place", MAX_PLACE, required=False),
        notes=clean_note(draft.notes),
        repeat=_repeat_of(draft, first),
        alarm_minutes=alarm,
        idea=draft.idea,
        by=by,
        revision=revision,
    )
