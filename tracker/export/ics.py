"""Calendar events → an .ics file that calendar apps import, and import again without duplicates.

What a client needs to update rather than duplicate, and what we promise:

- every event's UID comes from its record id, so it is the same in every export;
- SEQUENCE rises with every edit and DTSTAMP / LAST-MODIFIED are the record's
  last change (never "now"), so the same data gives byte-identical files;
- times carry a TZID with its VTIMEZONE (covering every year the events
  reach, past 2038 too); only getaways are floating, as all-day DATE values
  with an exclusive DTEND;
- a recurring event keeps its RRULE, and skipped evenings are EXDATEs;
- a called-off event stays in the file with STATUS:CANCELLED, and without its alarm.

Nothing is written here: ``render`` returns the bytes, whole, or raises
ValueError with one sentence, so a bad event never leaves half a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Alarm, Calendar, Event, vRecur

from tracker.domain.calendar import CalendarEvent
from tracker.domain.days import tz_problem
from tracker.domain.text import strip_controls
from tracker.export import reminders
from tracker.store import dates as dates_store
from tracker.store.couple import Couple

# What an export may hold besides the dates: `--include` in `rekindle export ics`.
CONVERSATIONS = "conversations"
CHECKIN = "checkin"
INCLUDES = (CONVERSATIONS, CHECKIN)
PRODID = "-//Rekindle//Rekindle//EN"
CALENDAR_NAME = "Rekindle"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
OPEN_ENDED_YEARS = 30  # how far a VTIMEZONE reaches past a rule that repeats for ever


def _text(value: str, one_line: bool = False) -> str:
    """No control characters in the file (iCalendar forbids them); newlines kept unless one line."""
    cleaned = strip_controls(value)
    return " ".join(cleaned.split()) if one_line else cleaned


def _check(event: CalendarEvent) -> None:
    name = f"“{_text(event.title, True)[:40]}”"
    start, end = event.start, event.end
    if not isinstance(start, datetime):  # all day, as CalendarEvent.all_day says
        if isinstance(end, datetime) or not isinstance(end, date):
            raise ValueError(f"{name} is all-day, so it needs an end day, not an end time.")
    else:
        problem = tz_problem(event.tz)
        if problem:
            raise ValueError(f"{name}: {problem}")
        if not isinstance(end, datetime):
            raise ValueError(f"{name} has a start time, so it needs an end time too.")
        if start.tzinfo is not None or end.tzinfo is not None:
            raise ValueError(f"{name} needs local wall times with a time zone name.")
    if end <= start:
        raise ValueError(f"{name} ends before it starts; fix its times and export again.")
    if event.rrule:
        try:
            vRecur.from_ical(event.rrule)
            rrulestr(event.rrule, dtstart=_rule_start(event))
        except (ValueError, TypeError):
            raise ValueError(f"{name} has a repeat rule we cannot read: {event.rrule}") from None


def _aware(event: CalendarEvent, value: datetime | date) -> datetime | date:
    """A timed event's wall time in its zone; an all-day value stays a date."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=ZoneInfo(event.tz))
    return value


def _vevent(event: CalendarEvent) -> Event:
    stamp = event.last_modified or EPOCH
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", stamp.astimezone(UTC))
    if event.last_modified is not None:
        vevent.add("last-modified", event.last_modified.astimezone(UTC))
    vevent.add("sequence", event.sequence)
    vevent.add("summary", _text(event.title, one_line=True))
    vevent.add("dtstart", _aware(event, event.start))
    vevent.add("dtend", _aware(event, event.end))
    if event.rrule:
        vevent.add("rrule", vRecur.from_ical(event.rrule))
    if event.exdates:
        vevent.add("exdate", [_aware(event, day) for day in sorted(event.exdates)])
    if event.location:
        vevent.add("location", _text(event.location, one_line=True))
    if event.description:
        vevent.add("description", _text(event.description))
    if event.categories:
        vevent.add("categories", [_text(c, one_line=True) for c in event.categories])
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    if event.alarm_minutes is not None and not event.cancelled:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", timedelta(minutes=-event.alarm_minutes))
        alarm.add("description", _text(event.title, one_line=True) or "Rekindle")
        vevent.add_component(alarm)
    return vevent


def _years(event: CalendarEvent) -> tuple[int, int]:
    """The years an event's times reach, so its VTIMEZONE covers them all."""
    first = event.start.year
    last = max([event.end.year, *(day.year for day in event.exdates)])
    if event.rrule:
        until = vRecur.from_ical(event.rrule).get("UNTIL")
        if until:
            last = max(last, until[0].year)
        elif "COUNT" not in vRecur.from_ical(event.rrule):
            last += OPEN_ENDED_YEARS
        else:
            rule = rrulestr(event.rrule, dtstart=_rule_start(event))
            last = max(last, list(rule)[-1].year)
    return first, last


def render(events: Iterable[CalendarEvent], method: str | None = "PUBLISH") -> bytes:
    """The whole calendar as bytes (CRLF, folded at 75 octets); ValueError if an event is bad."""
    chosen = sorted(events, key=lambda e: (e.uid, str(e.start)))
    for event in chosen:
        _check(event)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for event in chosen:
        calendar.add_component(_vevent(event))
    timed = [e for e in chosen if not e.all_day]
    if timed:
        spans = [_years(e) for e in timed]
        first = date(min(a for a, _ in spans), 1, 1)
        last = date(max(b for _, b in spans) + 1, 1, 1)
        calendar.add_missing_timezones(first_date=first, last_date=last)
        _sort_timezones(calendar)
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical unannotated; it gives bytes
    return ical


def _sort_timezones(calendar: Calendar) -> None:
    """VTIMEZONEs first, by TZID. icalendar adds them in the order of a set of names,
    which changes with the process's hash seed: two processes would write different
    bytes for the same data, and a synced or subscribed file would churn for nothing."""
    parts = calendar.subcomponents
    zones = sorted((c for c in parts if c.name == "VTIMEZONE"), key=lambda c: str(c["TZID"]))
    parts[:] = [*zones, *(c for c in parts if c.name != "VTIMEZONE")]


def _rule_start(event: CalendarEvent) -> datetime:
    if isinstance(event.start, datetime):
        return event.start.replace(tzinfo=ZoneInfo(event.tz))
    return datetime.combine(event.start, time())


def _day(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def touches(event: CalendarEvent, first: date | None, last: date | None) -> bool:
    """Does the event, or any of its repeats, fall between two days (inclusive)?"""
    if first is None and last is None:
        return True
    start_day = _day(event.start)
    # How many days past its start an occurrence still reaches.
    reach = (_day(event.end) - start_day).days - (1 if event.all_day else 0)
    low, high = first or start_day, last or date.max
    if not event.rrule:
        return start_day <= high and start_day + timedelta(days=reach) >= low
    dtstart = _rule_start(event)
    begin = datetime.combine(max(low - timedelta(days=reach), start_day), time())
    begin = begin.replace(tzinfo=dtstart.tzinfo)
    for moment in rrulestr(event.rrule, dtstart=dtstart).xafter(begin, inc=True):
        if moment.date() > high:
            return False
        if moment.date() + timedelta(days=reach) >= low:
            return True
    return False


def gather(
    couple: Couple,
    first: date | None = None,
    last: date | None = None,
    include: Sequence[str] = (),
) -> list[CalendarEvent]:
    """Dates, and what else ``include`` names (INCLUDES), touching the chosen days.

    Talks carry the alarm this device's person chose, and the check-in is theirs:
    an export is always for the person whose device it is.
    """
    events = dates_store.calendar_events(couple)
    if CONVERSATIONS in include:
        from tracker.store import talks as talks_store  # only when asked for

        events.extend(talks_store.calendar_events(couple, reminders.talk_reminder(couple)))
    if CHECKIN in include:
        events.extend(reminders.checkin_events(couple))
    return [event for event in events if touches(event, first, last)]


def export(
    couple: Couple,
    first: date | None = None,
    last: date | None = None,
    include: Sequence[str] = (),
) -> bytes:
    if first is not None and last is not None and last < first:
        raise ValueError("The last day comes before the first; swap --from and --to.")
    return render(gather(couple, first, last, include))
