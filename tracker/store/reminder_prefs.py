"""Each person's reminder settings, read and saved: their own record in the shared folder,
so their laptop and their desktop remind them alike."""

from __future__ import annotations

from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.couple import Change, Couple
from tracker.store.settings import get_setting, put_setting

NAME = "reminders"


def reminder_prefs(couple: Couple, person: str | None = None) -> ReminderPrefs:
    """``person``'s reminder settings (this device's person by default)."""
    return ReminderPrefs.from_data(get_setting(couple, NAME, {}, person))


def put_reminder_prefs(couple: Couple, prefs: ReminderPrefs) -> Change:
    return put_setting(couple, NAME, prefs.to_data())
