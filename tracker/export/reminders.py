"""What this device's person's reminder settings put in the calendar: an alarm on every
talk, and their weekly check-in as an event of its own.

The export and the feed are per device, so they are for its person (``couple.me``):
their settings, their time zone. Each value is read with when it last changed, field
by field (a record keeps the version of each field), so changing quiet hours leaves
the calendar as it was, while a new check-in time lifts that event's SEQUENCE.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tracker.domain.calendar import CalendarEvent, Reminder, later, stamp_moment
from tracker.domain.checkin.calendar import checkin_event, checkin_uid
from tracker.domain.days import local_day, tz_problem
from tracker.store.couple import Couple
from tracker.store.records import Record, stamp_millis
from tracker.store.reminder_prefs import NAME, reminder_prefs
from tracker.store.settings import setting_id


def _changed(record: Record | None, fields: Iterable[str]) -> datetime | None:
    """When any of these fields of the record last changed; None without a record."""
    if record is None:
        return None
    return stamp_moment(max(stamp_millis(record.version_of(name)[0]) for name in fields))


def _settings(couple: Couple) -> Record | None:
    return couple.record(setting_id(couple.me, NAME))


def talk_reminder(couple: Couple) -> Reminder:
    """How long before a talk this device's person wants their calendar to remind them."""
    prefs = reminder_prefs(couple)
    return Reminder(prefs.talk_before, _changed(_settings(couple), ["talk_before"]))


def checkin_events(couple: Couple) -> list[CalendarEvent]:
    """This device's person's weekly check-in; none while their time zone is one this
    computer does not know (there is no wall time to put it at), or without them."""
    me = couple.people().get(couple.me)
    person = couple.record(f"person:{couple.me}")
    if me is None or person is None or tz_problem(me.tz):
        return []
    prefs = reminder_prefs(couple)
    # The person record's key never changes: its version is the moment they joined.
    joined = stamp_millis(person.version_of("key")[0])
    changed = later(
        _changed(_settings(couple), ["checkin_day", "checkin_at"]),
        _changed(person, ["tz"]),
    )
    event = checkin_event(
        uid=checkin_uid(me.key, joined),
        tz=me.tz,
        weekday=prefs.checkin_day,
        at=prefs.checkin_at,
        since=local_day(stamp_moment(joined), me.tz, 0),
        changed=changed,
    )
    return [event]
