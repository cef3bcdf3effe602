"""Which calendar day a moment belongs to, for each partner, and period edges.

Partners may live time zones apart and keep late hours, so "today" is never
the machine's date: it is the person's wall-clock date, shifted back by the
hour their day starts.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tracker.domain.models import Person, Schedule, ScheduleKind
from tracker.domain.text import closest


def local_day(moment: datetime, tz: str, day_start: int) -> date:
    """The date ``moment`` falls on for someone in ``tz`` whose day begins at
    ``day_start`` o'clock (so 01:30 with ``day_start`` 4 is still yesterday).

    Subtracting the hours from the zone-aware local time is wall-clock
    arithmetic, so a DST jump never moves the boundary off ``day_start``.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("local_day needs a time-zone-aware datetime.")
    local = moment.astimezone(ZoneInfo(tz))
    return (local - timedelta(hours=day_start)).date()


def moment_in(millis: int, tz: str) -> datetime:
    """A moment (milliseconds since 1970) on the wall clock of someone in ``tz``.

    UTC if this computer does not know the zone: a time is still better than none.
    """
    zone: tzinfo = UTC
    if tz_problem(tz) is None:
        zone = ZoneInfo(tz)
    return datetime.fromtimestamp(millis / 1000, zone)


def person_today(person: Person, now: datetime) -> date:
    """``person``'s own date at the instant ``now``."""
    return local_day(now, person.tz, person.day_start)


def tz_problem(name: str) -> str | None:
    """A friendly sentence if ``name`` is not a usable IANA zone, else None."""
    if not name.strip():
        return "Please pick a time zone, such as Europe/London."
    try:
        ZoneInfo(name)
    # ValueError covers malformed keys ("../x"); OSError covers folder names
    # such as "America" on some platforms.
    except (ZoneInfoNotFoundError, ValueError, OSError):
        guess = _close_zone(name)
        if guess is not None:
            return f"“{name}” isn't a time zone we know. Did you mean {guess}?"
        return f"“{name}” isn't a time zone we know; try one like Europe/London."
    return None


def zone_named(name: str) -> str:
    """The IANA zone ``name`` means, spelled as IANA does ("europe/berlin" →
    "Europe/Berlin", "utc" → "UTC"); ``name`` itself (trimmed) when no zone has it.

    People type zones by hand; zone names are case-sensitive only by accident of
    the files they live in, and a zone stored in the wrong case would fail on a
    partner's computer whose files are.
    """
    name = name.strip()
    return _zones_by_case().get(name.casefold(), name)


def _zones_by_case() -> dict[str, str]:
    # Imported and listed only when a zone is typed: reading the zone list takes a
    # moment that a tick or a status line should not pay.
    from zoneinfo import available_timezones

    return {zone.casefold(): zone for zone in available_timezones()}


def _close_zone(name: str) -> str | None:
    """The known zone ``name`` most likely misspells ("Europe/Berln"), or None."""
    return closest(name.strip(), _zones_by_case().values(), 0.85)


def short_date(day: date, today: date, *, pad: bool = False) -> str:
    """ "Fri 13 Jul", with the year when it isn't this year's ("Fri 13 Jul 2040"), so a
    date years away never passes for one this summer. `pad` lines days up in a column."""
    number = f"{day.day:>2}" if pad else str(day.day)
    year = "" if day.year == today.year else f" {day.year}"
    return f"{day:%a} {number} {day:%b}{year}"


# The days a week may begin on, numbered as ``date.weekday()`` numbers them. Monday is
# ISO 8601's first day and every function's default; the couple may choose Sunday.
MONDAY, SUNDAY = 0, 6


def week_start(day: date, first_weekday: int = MONDAY) -> date:
    """The first day of ``day``'s week, in weeks that begin on ``first_weekday``
    (by default the Monday of its ISO week)."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def month_start(day: date) -> date:
    return day.replace(day=1)


def next_month_start(day: date) -> date:
    first = month_start(day)
    if first.month == 12:
        return first.replace(year=first.year + 1, month=1)
    return first.replace(month=first.month + 1)


def period_bounds(schedule: Schedule, day: date, first_weekday: int = MONDAY) -> tuple[date, date]:
    """(inclusive start, exclusive end) of the period ``schedule`` counts in
    that contains ``day``: its week (begun on ``first_weekday``), its calendar
    month, or the day itself.
    """
    if schedule.kind is ScheduleKind.PER_WEEK:
        start = week_start(day, first_weekday)
        return start, start + timedelta(days=7)
    if schedule.kind is ScheduleKind.PER_MONTH:
        return month_start(day), next_month_start(day)
    return day, day + timedelta(days=1)


def day_moment(day: date, at: time, tz: str, day_start: int) -> datetime:
    """The instant ``at`` o'clock falls on within ``day`` for someone in ``tz`` whose day
    begins at ``day_start``: a time before the day's start belongs to the small hours that
    follow (01:00 on a day begun at 04:00 is the next calendar date's 01:00).

    A wall time a DST change skips (02:30 on a spring-forward night) comes out as the
    instant an hour on, as the clocks show it; a repeated one is the first of the two.
    """
    on = day + timedelta(days=1) if at.hour < day_start else day
    moment = datetime.combine(on, at, ZoneInfo(tz)).astimezone(UTC)
    if local_day(moment, tz, day_start) != day:
        # Skipped, and an hour on is past the day's end (02:30 when the day begins at 03:00):
        # the instant an hour early instead, still inside the day.
        moment = datetime.combine(on, at, ZoneInfo(tz)).replace(fold=1).astimezone(UTC)
    return moment
