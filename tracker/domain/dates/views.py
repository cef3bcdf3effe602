"""What the Dates screen and the Today box show: upcoming, past, ratings, time together."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Self
from zoneinfo import ZoneInfo

import msgspec

from tracker.domain.dates.model import DateNight, Marks, Occurrence, next_day, occurrences
from tracker.domain.dates.records import DateKind, DateStatus
from tracker.domain.days import month_start, next_month_start
from tracker.domain.text import count
from tracker.domain.validation import Count, IsoDay, convert, valid_day

HORIZON_DAYS = 56  # upcoming shows eight weeks ahead, and at least the next of each
PAST_DAYS = 366
MAX_ROWS = 200


def rating_id(date_id: str, day: date, person: str) -> str:
    """Each partner's own record for each evening: rating never collides."""
    return f"daterating:{date_id}:{day.isoformat()}:{person}"


@dataclass(frozen=True, slots=True)
class Rating:
    date_id: str
    day: date
    person: str
    stars: int  # 1..5
    memory: str = ""  # one line: what to remember about it

    @property
    def id(self) -> str:
        return rating_id(self.date_id, self.day, self.person)

    def to_data(self) -> dict[str, Any]:
        return {
            "date": self.date_id,
            "day": self.day.isoformat(),
            "person": self.person,
            "stars": self.stars,
            "memory": self.memory,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, RatingData)
        day = valid_day("day", found.day)
        # Stars beyond the row have always been shown at its nearest end.
        stars = max(1, min(5, found.stars))
        return cls(found.date, day, found.person, stars, found.memory)


class RatingData(msgspec.Struct):
    date: str
    day: IsoDay
    person: str
    stars: Count = 3  # a whole number; clamped to the five of the ★ row when read
    memory: str = ""


def stars_text(stars: int | None) -> str:
    return "" if stars is None else "★" * stars + "☆" * (5 - stars)


def upcoming(
    dates: Sequence[DateNight], marks: Mapping[str, Marks], now: datetime
) -> list[Occurrence]:
    """Evenings not yet over, soonest first: eight weeks ahead, and the next of every date."""
    found: list[Occurrence] = []
    for dn in dates:
        today = now.astimezone(ZoneInfo(dn.tz)).date()
        first = today - timedelta(days=dn.days if dn.all_day else 1)
        window = occurrences(dn, marks.get(dn.id, {}), first, today + timedelta(days=HORIZON_DAYS))
        window = [o for o in window if o.end_at > now]
        if not window:
            later = next_day(dn, today + timedelta(days=HORIZON_DAYS + 1))
            if later is not None:
                window = occurrences(dn, marks.get(dn.id, {}), later, later)
        found.extend(window)
    found.sort(key=lambda o: (o.start_at, o.date.id))
    return found[:MAX_ROWS]


def past(dates: Sequence[DateNight], marks: Mapping[str, Marks], now: datetime) -> list[Occurrence]:
    """Evenings that are over, the latest first, for a year back."""
    found: list[Occurrence] = []
    for dn in dates:
        today = now.astimezone(ZoneInfo(dn.tz)).date()
        window = occurrences(dn, marks.get(dn.id, {}), today - timedelta(days=PAST_DAYS), today)
        found.extend(o for o in window if o.end_at <= now)
    found.sort(key=lambda o: (o.start_at, o.date.id), reverse=True)
    return found[:MAX_ROWS]


def when_text(occ: Occurrence, with_year: bool = False, *, today: date | None = None) -> str:
    """ "Fri 27 Nov 19:30" or, for a getaway, "Sat 12 – Mon 14 Dec"; with the year when
    asked, or when it isn't `today`'s year."""
    last_day = occ.day + timedelta(days=max(occ.date.days, 1) - 1) if occ.date.all_day else occ.day
    if today is not None and (occ.day.year, last_day.year) != (today.year, today.year):
        with_year = True
    year = " %Y" if with_year else ""
    if occ.date.all_day:
        last = occ.day + timedelta(days=occ.date.days - 1)
        if last == occ.day:
            return f"{occ.day:%a} {occ.day.day} {occ.day:%b{year}}"
        return f"{occ.day:%a} {occ.day.day} – {last:%a} {last.day} {last:%b{year}}"
    start = occ.start_at
    return f"{start:%a} {start.day} {start:%b{year} %H:%M}"


def length_text(dn: DateNight) -> str:
    if dn.all_day:
        return count(dn.days, "day")
    hours, minutes = divmod(dn.minutes, 60)
    if not minutes:
        return f"{hours} h"
    return f"{hours} h {minutes:02d}" if hours else f"{minutes} min"


@dataclass(frozen=True, slots=True)
class QualityTime:
    month: date
    minutes: int  # evenings marked done this month
    evenings: int
    unplugged: int
    days_away: int
    planned: int  # still ahead this month

    def text(self) -> str:
        name = f"{self.month:%B}"
        if not (self.evenings or self.days_away):
            ahead = f"; {self.planned} planned" if self.planned else ""
            return f"{name}: no dates marked done yet{ahead}."
        hours = f"{self.minutes / 60:.1f}".removesuffix(".0")
        parts = [f"{hours} h together on {count(self.evenings, 'date')}"]
        parts.append(count(self.unplugged, "unplugged evening"))
        if self.days_away:
            parts.append(f"{count(self.days_away, 'day')} away")
        if self.planned:
            parts.append(f"{self.planned} still planned")
        return f"{name}: " + " · ".join(parts)


def quality_time(
    dates: Sequence[DateNight], marks: Mapping[str, Marks], today: date
) -> QualityTime:
    """This month's dates marked done: hours together, unplugged evenings, days away."""
    first, end = month_start(today), next_month_start(today) - timedelta(days=1)
    minutes = evenings = unplugged = days_away = planned = 0
    for dn in dates:
        for occ in occurrences(dn, marks.get(dn.id, {}), first, end):
            if occ.status is DateStatus.PLANNED and occ.day >= today:
                planned += 1
            if occ.status is not DateStatus.DONE:
                continue
            if dn.all_day:
                days_away += dn.days
                continue
            minutes += dn.minutes
            evenings += 1
            unplugged += dn.kind is DateKind.UNPLUGGED
    return QualityTime(first, minutes, evenings, unplugged, days_away, planned)


def agenda_lines(
    dates: Sequence[DateNight], marks: Mapping[str, Marks], day: date, my_tz: str
) -> list[str]:
    """Tonight's date (or the day of a getaway), in my own time zone, one line each."""
    zone = ZoneInfo(my_tz)
    lines: list[tuple[datetime, str]] = []
    for dn in dates:
        back = dn.days if dn.all_day else 1
        window = (day - timedelta(days=back), day + timedelta(days=1))
        for occ in occurrences(dn, marks.get(dn.id, {}), *window):
            if occ.status is DateStatus.CANCELLED:
                continue
            place = f" · {dn.place}" if dn.place else ""
            if dn.all_day:
                nth = (day - occ.day).days + 1
                if 1 <= nth <= dn.days:
                    of = f" (day {nth} of {dn.days})" if dn.days > 1 else ""
                    lines.append((occ.start_at, f"Getaway: {dn.title}{of}{place}"))
                continue
            start = occ.start_at.astimezone(zone)
            if start.date() != day:
                continue
            when = "Tonight" if start.hour >= 17 else "Today"
            lines.append((start, f"{when} {start:%H:%M}: {dn.title}{place}"))
    return [text for _, text in sorted(lines, key=lambda item: item[0])]
