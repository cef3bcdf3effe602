"""What else is on today, from every feature, for the Today screen and `rekindle status`."""

from __future__ import annotations

from datetime import date

from tracker.store import checkins, dates, goals, talks
from tracker.store.couple import Couple


def today_agenda(couple: Couple, day: date) -> list[str]:
    """A talk due, tonight's date, promises due, milestones due: one line each."""
    lines: list[str] = []
    for feature in (talks, dates, checkins, goals):
        lines.extend(feature.agenda(couple, day))
    return lines
