"""When each person wants to be reminded, and when never: their own settings, kept in the
shared folder so every device of theirs agrees (a partner's never changes them).

Stored as plain words a person could read in the file ("20:00", "22:00", "sunday"). A
value that does not fit (a partner's newer version, a hand edit) takes its default alone:
the rest of what they chose still holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from typing import Any, Final, Self

import msgspec

from tracker.domain.clock import clock_text, parse_clock
from tracker.domain.weeks import DAY_WORDS
from tracker.domain.weeks import parse_weekday as parse_weekday

# A talk reminder this long before at most: a week ahead is a plan, not a reminder.
MAX_TALK_BEFORE: Final = 24 * 60


class ReminderPrefs(msgspec.Struct, frozen=True):
    """One person's reminder settings."""

    # Open habits without a time of their own are brought up from this time of day.
    habits_at: time = time(20, 0)
    # No notification between these (a stretch may cross midnight); None for no quiet hours.
    quiet_from: time | None = time(22, 0)
    quiet_to: time | None = time(8, 0)
    # A talk is brought up this many minutes before it starts.
    talk_before: int = 60
    # The weekly check-in is brought up from this weekday (0 Monday … 6 Sunday) and time.
    checkin_day: int = 6
    checkin_at: time = time(19, 0)

    @property
    def has_quiet(self) -> bool:
        return (
            self.quiet_from is not None
            and self.quiet_to is not None
            and self.quiet_from != self.quiet_to
        )

    def is_quiet(self, at: time) -> bool:
        """Is ``at`` (a wall time of this person's) inside their quiet hours?"""
        if not self.has_quiet:
            return False
        assert self.quiet_from is not None and self.quiet_to is not None
        start, end, now = self.quiet_from, self.quiet_to, at.replace(second=0, microsecond=0)
        if start < end:
            return start <= now < end
        return now >= start or now < end  # the stretch crosses midnight

    def quiet_text(self) -> str:
        if not self.has_quiet:
            return "none"
        assert self.quiet_from is not None and self.quiet_to is not None
        return f"{clock_text(self.quiet_from)}–{clock_text(self.quiet_to)}"

    def checkin_text(self) -> str:
        return f"{DAY_WORDS[self.checkin_day].title()} {clock_text(self.checkin_at)}"

    def quiet_problem(self, at: time, what: str) -> str | None:
        """A sentence if a reminder at ``at`` would always fall in quiet hours, else None."""
        if not self.is_quiet(at):
            return None
        return (
            f"{clock_text(at)} is inside your quiet hours ({self.quiet_text()}), so {what} "
            "would never reach you; pick another time, or change quiet hours in Settings."
        )

    def to_data(self) -> dict[str, Any]:
        return {
            "habits_at": clock_text(self.habits_at),
            "quiet_from": "" if self.quiet_from is None else clock_text(self.quiet_from),
            "quiet_to": "" if self.quiet_to is None else clock_text(self.quiet_to),
            "talk_before": self.talk_before,
            "checkin_day": DAY_WORDS[self.checkin_day],
            "checkin_at": clock_text(self.checkin_at),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        """What was stored; each value that does not fit keeps its default."""
        base = cls()
        stored = data if isinstance(data, Mapping) else {}
        quiet_from, quiet_to = _quiet_edges(stored, base)
        return cls(
            habits_at=_clock(stored.get("habits_at")) or base.habits_at,
            quiet_from=quiet_from,
            quiet_to=quiet_to,
            talk_before=_minutes(stored.get("talk_before"), base.talk_before),
            checkin_day=_weekday(stored.get("checkin_day"), base.checkin_day),
            checkin_at=_clock(stored.get("checkin_at")) or base.checkin_at,
        )


def _clock(stored: object) -> time | None:
    if not isinstance(stored, str) or len(stored) > 8:
        return None
    try:
        return parse_clock(stored)
    except ValueError:
        return None


def _quiet_edges(stored: Mapping[str, Any], base: ReminderPrefs) -> tuple[time | None, time | None]:
    """Quiet hours as stored: both edges "" for none chosen; anything else that does not
    make a stretch (half of one, a damaged time) keeps the default."""
    raw = (stored.get("quiet_from"), stored.get("quiet_to"))
    if "quiet_from" not in stored and "quiet_to" not in stored:
        return base.quiet_from, base.quiet_to
    if all(edge in ("", None) for edge in raw):
        return None, None
    start, end = _clock(raw[0]), _clock(raw[1])
    if start is None or end is None or start == end:
        return base.quiet_from, base.quiet_to
    return start, end


def _minutes(stored: object, default: int) -> int:
    if isinstance(stored, bool) or not isinstance(stored, int):
        return default
    return stored if 0 <= stored <= MAX_TALK_BEFORE else default


def _weekday(stored: object, default: int) -> int:
    if isinstance(stored, str) and stored.casefold() in DAY_WORDS:
        return DAY_WORDS.index(stored.casefold())
    return default


def parse_quiet(text: str) -> tuple[time | None, time | None]:
    """ "22:00-07:30" → the two edges; "none" or "off" → no quiet hours; else ValueError."""
    cleaned = text.strip().casefold()
    if cleaned in {"", "none", "off", "no"}:
        return None, None
    parts = cleaned.replace("–", "-").split("-")
    if len(parts) != 2:
        raise ValueError(
            f"“{text.strip()[:30]}” isn't a stretch of time; write it like 22:00-07:30, or none."
        )
    start, end = parse_clock(parts[0]), parse_clock(parts[1])
    if start == end:
        raise ValueError("Quiet hours need to end at a different time than they start.")
    return start, end


def parse_talk_before(text: str) -> int:
    try:
        minutes = int(text.strip())
    except ValueError:
        raise ValueError(f"“{text.strip()[:20]}” is not a number of minutes.") from None
    if not 0 <= minutes <= MAX_TALK_BEFORE:
        raise ValueError(f"Pick 0 to {MAX_TALK_BEFORE} minutes before a talk.")
    return minutes
