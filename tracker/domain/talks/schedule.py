"""When the two of you talk: repeat rules kept as RRULE text, expanded on wall-clock time.

A slot is a local start time in a named zone plus an RRULE. Occurrences are
worked out by ``dateutil.rrule`` on naive local datetimes and only then given
their zone, so "every Sunday at 20:00" stays 20:00 on both sides of a clock
change. A monthly talk on the 29th, 30th or 31st falls on the last day of
shorter months (``BYMONTHDAY=28,…,31;BYSETPOS=-1``), so no month is skipped
and calendar apps reading the same rule agree with us.

Pure: no I/O, no clock; the caller passes "now".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr

from tracker.domain.clock import parse_clock as parse_clock
from tracker.domain.text import count
from tracker.domain.weeks import parse_weekday as parse_weekday

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
DAY_NAMES = tuple(calendar.day_name)  # Monday … Sunday
MAX_WEEKS_APART = 52
MAX_MONTHS_APART = 12
MIN_MINUTES, MAX_MINUTES = 5, 8 * 60
# What a rule read from a file may use; anything else (FREQ=SECONDLY…) is not ours.
_KEYS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL", "COUNT", "WKST"}
_FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


class Freq(StrEnum):
    ONCE = "once"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


@dataclass(frozen=True, slots=True)
class Repeat:
    """How often: once, every N weeks or every N months."""

    freq: Freq = Freq.WEEKLY
    interval: int = 1

    def __post_init__(self) -> None:
        problem = self.problem()
        if problem:
            raise ValueError(problem)

    def problem(self) -> str | None:
        if self.freq is Freq.ONCE:
            return None
        unit = "week" if self.freq is Freq.WEEKLY else "month"
        most = MAX_WEEKS_APART if self.freq is Freq.WEEKLY else MAX_MONTHS_APART
        if self.interval < 1:
            return f"Every {self.interval} {unit}s never comes round; pick 1 or more."
        if self.interval > most:
            return f"Pick at most {most} {unit}s apart, so the talks stay a habit."
        return None

    @property
    def key(self) -> str:
        if self.freq is Freq.ONCE:
            return "once"
        unit = "week" if self.freq is Freq.WEEKLY else "month"
        return unit if self.interval == 1 else f"{self.interval}{unit}s"

    def label(self) -> str:
        if self.freq is Freq.ONCE:
            return "Just once"
        unit = "week" if self.freq is Freq.WEEKLY else "month"
        if self.interval == 1:
            return f"Every {unit}"
        if self.interval == 2:
            return f"Every other {unit}"
        return f"Every {self.interval} {unit}s"


REPEAT_CHOICES = (
    Repeat(Freq.WEEKLY),
    Repeat(Freq.WEEKLY, 2),
    Repeat(Freq.WEEKLY, 3),
    Repeat(Freq.WEEKLY, 4),
    Repeat(Freq.MONTHLY),
    Repeat(Freq.ONCE),
)

_EVERY = re.compile(r"(?:every )?(?:(\d+) ?|other )?(week|month)s?(?:ly)?")
_ONCE = {"once", "one off", "oneoff", "none", "no", "just once"}
_SYNONYMS = {"fortnight": "2 weeks", "fortnightly": "2 weeks", "biweekly": "2 weeks"}


def parse_every(text: str) -> Repeat:
    """ "week", "2weeks", "every other week", "fortnightly", "month", "once"… → Repeat."""
    cleaned = " ".join(text.casefold().replace("-", " ").split())
    cleaned = _SYNONYMS.get(cleaned.removeprefix("every "), cleaned)
    if cleaned in _ONCE:
        return Repeat(Freq.ONCE)
    found = _EVERY.fullmatch(cleaned)
    if not found:
        raise ValueError(
            f"“{text.strip()[:30]}” isn't a repeat we know; try week, 2weeks, month or once."
        )
    count, unit = found.groups()
    interval = 2 if cleaned.split(" ")[-2:-1] == ["other"] else int(count or 1)
    return Repeat(Freq.WEEKLY if unit == "week" else Freq.MONTHLY, interval)


# --- rules ------------------------------------------------------------------------


def monthly_days(monthday: int) -> str:
    """The BYMONTHDAY (and BYSETPOS) that mean "the Nth, or the month's last day"."""
    if not 1 <= monthday <= 31:
        raise ValueError(f"A month has days 1 to 31, not {monthday}.")
    if monthday <= 28:
        return f"BYMONTHDAY={monthday}"
    days = ",".join(str(d) for d in range(28, monthday + 1))
    return f"BYMONTHDAY={days};BYSETPOS=-1"


def rule_for(repeat: Repeat, on: date, monthday: int | None = None) -> str:
    """RRULE text (no "RRULE:" prefix) for a repeat starting on ``on``; "" for once."""
    if repeat.freq is Freq.ONCE:
        return ""
    interval = f";INTERVAL={repeat.interval}" if repeat.interval > 1 else ""
    if repeat.freq is Freq.WEEKLY:
        return f"FREQ=WEEKLY{interval};BYDAY={DAY_CODES[on.weekday()]}"
    return f"FREQ=MONTHLY{interval};" + monthly_days(monthday or on.day)


def rule_parts(rule: str) -> dict[str, str]:
    """KEY=VALUE pairs of a rule we can expand safely, or ValueError."""
    parts: dict[str, str] = {}
    for piece in rule.removeprefix("RRULE:").split(";"):
        key, sep, value = piece.partition("=")
        key = key.strip().upper()
        if not sep or key not in _KEYS or not value.strip():
            raise ValueError(f"“{piece[:30]}” is not part of a repeat we can read.")
        parts[key] = value.strip().upper()
    if parts.get("FREQ") not in _FREQS:
        raise ValueError("This repeat has no frequency we can read.")
    return parts


def until_instant(text: str, tz: str) -> datetime:
    """An RRULE UNTIL as an aware instant (UTC form, or a bare date: its end, locally)."""
    if len(text) == 8:
        day = datetime.strptime(text, "%Y%m%d")
        return (day + timedelta(days=1)).replace(tzinfo=ZoneInfo(tz)) - timedelta(seconds=1)
    return datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def until_text(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def with_until(rule: str, moment: datetime) -> str:
    """The rule ending at ``moment`` (occurrences after it drop off)."""
    parts = rule_parts(rule)
    parts.pop("COUNT", None)
    parts["UNTIL"] = until_text(moment)
    return ";".join(f"{key}={value}" for key, value in parts.items())


def aware(local: datetime, tz: str) -> datetime:
    """Wall-clock time in ``tz`` made into an instant."""
    return local.replace(tzinfo=ZoneInfo(tz))


def local_in(moment: datetime, tz: str) -> datetime:
    """An instant as naive wall-clock time in ``tz``."""
    return moment.astimezone(ZoneInfo(tz)).replace(tzinfo=None)


def occurrences(
    rule: str, start: datetime, tz: str, since: datetime, until: datetime
) -> list[datetime]:
    """Naive local starts from ``since`` to ``until`` (both naive local, inclusive).

    Raises ValueError for a rule we can't read.
    """
    if not rule:
        return [start] if since <= start <= until else []
    parts = rule_parts(rule)
    ends = parts.pop("UNTIL", None)
    text = ";".join(f"{key}={value}" for key, value in parts.items())
    try:
        found = list(rrulestr(text, dtstart=start).between(since, until, inc=True))
    except (ValueError, TypeError, OverflowError) as error:
        raise ValueError(f"This repeat can't be worked out ({error}).") from None
    if ends:
        limit = until_instant(ends, tz)
        found = [when for when in found if aware(when, tz) <= limit]
    return found


def first_from(rule: str, start: datetime, after: datetime) -> datetime | None:
    """The first occurrence at or after ``after`` (naive local), with DTSTART ``start``."""
    if not rule:
        return start if start >= after else None
    parts = rule_parts(rule)
    parts.pop("UNTIL", None)
    text = ";".join(f"{key}={value}" for key, value in parts.items())
    found: datetime | None = rrulestr(text, dtstart=start).after(after, inc=True)
    return found


# --- words ------------------------------------------------------------------------


def ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def day_text(day: date) -> str:
    """ "Sunday 29 November"."""
    return f"{day:%A} {day.day} {day:%B}"


def describe_rule(rule: str, start: datetime, tz: str) -> str:
    """ "every Sunday", "every other Wednesday", "on the last day of every month"…"""
    if not rule:
        return f"once, {day_text(start)} {start.year}"
    try:
        parts = rule_parts(rule)
    except ValueError:
        return "on a repeat we can't read"
    interval = int(parts.get("INTERVAL", "1") or 1)
    every = "every" if interval == 1 else "every other" if interval == 2 else f"every {interval}"
    text = "on a repeating schedule"
    if parts["FREQ"] == "WEEKLY":
        codes = [c[-2:] for c in parts.get("BYDAY", DAY_CODES[start.weekday()]).split(",")]
        names = " and ".join(DAY_NAMES[DAY_CODES.index(c)] for c in codes if c in DAY_CODES)
        text = f"{every} {names}" if interval <= 2 else f"every {interval} weeks on {names}"
    elif parts["FREQ"] == "MONTHLY":
        days = [int(d) for d in parts.get("BYMONTHDAY", str(start.day)).split(",") if d.isdigit()]
        top = max(days, default=start.day)
        month = "month" if interval == 1 else "other month" if interval == 2 else "month"
        when = (
            "the last day"
            if top == 31 and len(days) > 1
            else f"the {ordinal(top)}" + (" (or the month's last day)" if len(days) > 1 else "")
        )
        text = f"on {when} of every {month}"
        if interval > 2:
            text = f"every {interval} months, on {when}"
    if "UNTIL" in parts:
        end = local_in(until_instant(parts["UNTIL"], tz), tz)
        text += f", until {end.day} {end:%B %Y}"
    return text


def describe(rule: str, start: datetime, tz: str, minutes: int) -> str:
    """ "Every Sunday at 20:00 for 45 min"."""
    text = describe_rule(rule, start, tz)
    return f"{text[:1].upper()}{text[1:]} at {start:%H:%M} for {minutes} min"


def countdown(start: datetime, minutes: int, now: datetime, tz: str, short: bool = False) -> str:
    """How far off an aware start is, in the viewer's zone: "tonight at 20:00"…

    ``short`` leaves out the day and time where a list already shows them.
    """
    local, here = start.astimezone(ZoneInfo(tz)), now.astimezone(ZoneInfo(tz))
    clock = "" if short else f" at {local:%H:%M}"
    if start <= now < start + timedelta(minutes=minutes):
        end = local + timedelta(minutes=minutes)
        return f"now, until {end:%H:%M}"
    if start < now:
        days_ago = (here.date() - local.date()).days
        return "earlier today" if days_ago == 0 else ("yesterday" if days_ago == 1 else "past")
    days = (local.date() - here.date()).days
    if days == 0:
        left = int((start - now).total_seconds() // 60)
        if left < 60:
            return f"in {count(max(left, 1), 'minute')}"
        return ("tonight" if local.hour >= 17 else "today") + clock
    if days == 1:
        return "tomorrow" + clock
    if short:
        return f"in {count(days, 'day')}" if days < 14 else f"in {count(days // 7, 'week')}"
    if days < 7:
        return f"in {days} days, {local:%A}{clock}"
    return f"in {days} days, {local:%a} {local.day} {local:%b}{clock}"


# --- what people type -----------------------------------------------------------


_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def parse_date(text: str) -> date:
    """YYYY-MM-DD, or ValueError that names the impossible day (2027-02-30)."""
    cleaned = text.strip()
    found = _DATE.fullmatch(cleaned)
    if not found:
        raise ValueError(f"“{cleaned[:30]}” is not a date; use YYYY-MM-DD, like 2026-12-06.")
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"There is no month {month}; months run from 1 to 12.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise ValueError(f"{name} {year} has no {ordinal(day)}; its last day is the {last}th.")
    return date(year, month, day)


def parse_minutes(text: str | int) -> int:
    try:
        minutes = int(str(text).strip())
    except ValueError:
        raise ValueError(f"“{str(text).strip()[:20]}” is not a number of minutes.") from None
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"Give the talk {MIN_MINUTES} to {MAX_MINUTES} minutes.")
    return minutes
