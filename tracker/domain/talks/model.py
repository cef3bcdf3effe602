"""Deep conversations: slots, and what happened at each meeting.

* A ``Slot`` is a time set aside to talk: once, or on an RRULE, at local
  wall time in a named zone (see ``talks_schedule``).
* An ``Occurrence`` is one meeting of a slot, keyed by its original date:
  held, skipped or moved. It holds no notes, so marking it never clobbers any.
* A ``Meeting`` is an occurrence placed in time: where it actually is now.

The notes themselves are in ``talks_log``.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from tracker.domain.days import local_day, tz_problem
from tracker.domain.talks.records import OccurrenceData, SlotData, Status
from tracker.domain.talks.schedule import (
    MAX_MINUTES,
    Repeat,
    aware,
    countdown,
    day_text,
    first_from,
    local_in,
    occurrences,
    parse_clock,
    parse_date,
    parse_every,
    parse_minutes,
    rule_for,
    rule_parts,
    until_instant,
)
from tracker.domain.text import clean_line as clean_line  # the talk form imports it from here
from tracker.domain.validation import Invalid, convert, known_zone, valid_day, valid_moment

UNPLANNED = "unplanned"  # the slot id of a talk that had no slot
DEFAULT_TITLE = "Our talk"
MAX_TALK_TITLE = 60
LOOK_BACK = timedelta(days=14)  # recent talks not logged yet still show
LOOK_AHEAD = timedelta(days=400)  # far enough for a talk every 12 months


# --- slots ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slot:
    id: str
    title: str
    start: datetime  # naive, local wall time in `tz`; the first occurrence
    minutes: int
    tz: str
    rule: str = ""  # RRULE text without "RRULE:"; "" for a one-off
    revision: int = 0  # rises on every edit (the calendar's SEQUENCE)
    cancelled: bool = False

    @property
    def repeats(self) -> bool:
        return bool(self.rule)

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start": self.start.isoformat(timespec="minutes"),
            "minutes": self.minutes,
            "tz": self.tz,
            "rrule": self.rule,
            "revision": self.revision,
            "cancelled": self.cancelled,
        }

    @classmethod
    def from_data(cls, slot_id: str, data: Mapping[str, Any]) -> Slot:
        """Invalid, naming the field, for data we can't trust."""
        found = convert(data, SlotData)
        if found.rrule:
            try:
                rule_parts(found.rrule)
            except ValueError as error:
                raise Invalid("rrule", str(error)) from None
        return cls(
            id=slot_id,
            title=found.title or DEFAULT_TITLE,
            start=valid_moment("start", found.start).replace(second=0),
            minutes=min(max(1, found.minutes), MAX_MINUTES),  # clamped, as it always was
            tz=known_zone("tz", found.tz, tz_problem),
            rule=found.rrule,
            revision=found.revision,
            cancelled=found.cancelled,
        )

    def edited(self, **changes: Any) -> Slot:
        return replace(self, revision=self.revision + 1, **changes)


def plan_slot(
    slot_id: str,
    title: str,
    repeat: Repeat,
    on: date,
    at: time,
    minutes: int,
    tz: str,
    now: datetime,
    monthday: int | None = None,
) -> Slot:
    """A new slot whose first occurrence is the first one not already past.

    A one-off in the past is refused; a repeating slot whose given day has gone
    simply starts at its next occurrence, so DTSTART always matches the rule.
    """
    name = clean_line(title, "name", MAX_TALK_TITLE, required=False) or DEFAULT_TITLE
    problem = tz_problem(tz)
    if problem:
        raise ValueError(problem)
    rule = rule_for(repeat, on, monthday)
    candidate = datetime.combine(on, at)
    here = local_in(now, tz)
    if not rule:
        if aware(candidate, tz) <= now:
            raise ValueError(
                f"{day_text(candidate)} {candidate.year} at {candidate:%H:%M} has already "
                "gone; pick a later day or time."
            )
        return Slot(slot_id, name, candidate, minutes, tz)
    first = first_from(rule, candidate, max(candidate, here))
    if first is None:  # pragma: no cover - our own rules never run dry
        raise ValueError("This repeat never comes round; try another day.")
    return Slot(slot_id, name, first, minutes, tz, rule)


# --- one meeting of a slot --------------------------------------------------------


def occurrence_id(slot_id: str, day: date) -> str:
    return f"talkocc:{slot_id}:{day.isoformat()}"


@dataclass(frozen=True, slots=True)
class Occurrence:
    slot_id: str
    day: date  # the original date of this meeting (its RECURRENCE-ID)
    status: Status = Status.PLANNED
    moved_to: datetime | None = None  # naive local, in the slot's zone
    by: str = ""  # who last wrote it
    revision: int = 0

    @property
    def id(self) -> str:
        return occurrence_id(self.slot_id, self.day)

    def to_data(self) -> dict[str, Any]:
        return {
            "slot": self.slot_id,
            "day": self.day.isoformat(),
            "status": self.status.value,
            "moved_to": self.moved_to.isoformat(timespec="minutes") if self.moved_to else None,
            "by": self.by,
            "revision": self.revision,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Occurrence:
        found = convert(data, OccurrenceData)
        return cls(
            slot_id=found.slot,
            day=valid_day("day", found.day),
            status=found.status,
            moved_to=valid_moment("moved_to", found.moved_to) if found.moved_to else None,
            by=found.by,
            revision=found.revision,
        )

    def changed(self, by: str, **changes: Any) -> Occurrence:
        return replace(self, by=by, revision=self.revision + 1, **changes)


# --- meetings: slots and their occurrences together -------------------------------


@dataclass(frozen=True, slots=True)
class Meeting:
    slot: Slot
    day: date  # original date
    start: datetime  # aware: when it actually is (moved or not)
    occurrence: Occurrence | None = None

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.slot.minutes)

    @property
    def status(self) -> Status:
        return self.occurrence.status if self.occurrence else Status.PLANNED

    @property
    def moved(self) -> bool:
        return bool(self.occurrence and self.occurrence.moved_to)

    @property
    def local_start(self) -> datetime:
        return local_in(self.start, self.slot.tz)


def meetings(
    slots: Iterable[Slot],
    occurrences_by_id: Mapping[str, Occurrence],
    since: datetime,
    until: datetime,
) -> list[Meeting]:
    """Every meeting whose actual start falls in [since, until] (aware), in order.

    A moved meeting shows at its new time, even if its original date lies
    outside the window. Cancelled slots and rules we can't read are left out.
    """
    found: dict[tuple[str, date], Meeting] = {}
    live = [slot for slot in slots if not slot.cancelled]
    for slot in live:
        try:
            starts = occurrences(
                slot.rule, slot.start, slot.tz, local_in(since, slot.tz), local_in(until, slot.tz)
            )
        except ValueError:
            continue
        for start in starts:
            occurrence = occurrences_by_id.get(occurrence_id(slot.id, start.date()))
            actual = occurrence.moved_to if occurrence and occurrence.moved_to else start
            found[(slot.id, start.date())] = Meeting(
                slot, start.date(), aware(actual, slot.tz), occurrence
            )
    by_id = {slot.id: slot for slot in live}
    for occurrence in occurrences_by_id.values():
        its_slot = by_id.get(occurrence.slot_id)
        if its_slot and occurrence.moved_to and (its_slot.id, occurrence.day) not in found:
            found[(its_slot.id, occurrence.day)] = Meeting(
                its_slot, occurrence.day, aware(occurrence.moved_to, its_slot.tz), occurrence
            )
    kept = [m for m in found.values() if since <= m.start <= until]
    return sorted(kept, key=lambda m: (m.start, m.slot.title, m.slot.id))


def upcoming(found: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Planned meetings not over yet."""
    return [m for m in found if m.status is Status.PLANNED and m.end > now]


def next_meeting(found: Iterable[Meeting], now: datetime) -> Meeting | None:
    return next(iter(upcoming(found, now)), None)


def is_meeting_day(slot: Slot, day: date) -> bool:
    """Does the slot have an original occurrence on this local date?"""
    start, end = datetime.combine(day, time()), datetime.combine(day, time(23, 59))
    try:
        return bool(occurrences(slot.rule, slot.start, slot.tz, start, end))
    except ValueError:
        return False


def move_problem(when: datetime, slot: Slot, now: datetime) -> str | None:
    """Why a meeting can't move to ``when`` (naive local in the slot's zone)."""
    if aware(when, slot.tz) <= now:
        return f"{day_text(when)} at {when:%H:%M} has already gone; pick a time still to come."
    if aware(when, slot.tz) - now > LOOK_AHEAD:
        return "That is more than a year away; pick a nearer day."
    return None


def is_over(slot: Slot, now: datetime) -> bool:
    """Cancelled, a one-off that has been, or a repeat that has ended."""
    if slot.cancelled:
        return True
    if not slot.rule:
        return aware(slot.start, slot.tz) + timedelta(minutes=slot.minutes) < now
    try:
        ends = rule_parts(slot.rule).get("UNTIL")
    except ValueError:
        return True
    return bool(ends) and until_instant(str(ends), slot.tz) < now


def meetings_on(
    slots: Iterable[Slot], found: Mapping[str, Occurrence], day: date
) -> list[tuple[str, date]]:
    """(slot id, original date) of every meeting on ``day``, by original or moved date."""
    matches: list[tuple[str, date]] = []
    for slot in slots:
        if is_meeting_day(slot, day) and not (
            (moved := found.get(occurrence_id(slot.id, day))) and moved.moved_to
        ):
            matches.append((slot.id, day))
        matches.extend(
            (slot.id, occ.day)
            for occ in found.values()
            if occ.slot_id == slot.id and occ.moved_to and occ.moved_to.date() == day
        )
    return list(dict.fromkeys(matches))


def agenda_lines(found: Iterable[Meeting], day: date, tz: str, day_start: int) -> list[str]:
    """One line per meeting on someone's ``day`` (their zone and day start), skips left out."""
    lines = []
    for meeting in found:
        if meeting.status is Status.SKIPPED or local_day(meeting.start, tz, day_start) != day:
            continue
        if meeting.status is Status.HELD:
            lines.append(f"Talked today: {meeting.slot.title}")
            continue
        clock = f"{local_in(meeting.start, tz):%H:%M}"
        moved = f" (moved from {meeting.day:%A})" if meeting.moved else ""
        lines.append(f"Talk at {clock}, {meeting.slot.minutes} min: {meeting.slot.title}{moved}")
    return lines


def same_series(old: Slot, new: Slot) -> bool:
    """Would ``new`` meet at the same times as ``old`` from its start on?

    True when only the name or length changed, or when the new start is just
    a later meeting of the same rule (the edit form starts from the next one).
    """
    if (old.rule, old.start.time(), old.tz) != (new.rule, new.start.time(), new.tz):
        return False
    if old.start == new.start:
        return True
    try:
        return bool(occurrences(old.rule, old.start, old.tz, new.start, new.start))
    except ValueError:
        return False


def to_list(found: Iterable[Meeting], now: datetime, limit: int = 12) -> list[Meeting]:
    """What the Coming-up list shows: recent talks not logged yet, then what's ahead
    (skipped ones too, so they can be brought back), at most ``limit`` ahead."""
    past = [m for m in found if m.end <= now and m.status is Status.PLANNED]
    ahead = [m for m in found if m.end > now and m.status is not Status.HELD]
    return [*past, *ahead[:limit]]


def meeting_state(meeting: Meeting, now: datetime, tz: str, short: bool = False) -> str:
    """A few words for the list: "in 4 days", "skipped", "not logged yet"…"""
    moved = (
        f", moved from {meeting.day:%a} {meeting.day.day} {meeting.day:%b}" if meeting.moved else ""
    )
    if meeting.status is Status.SKIPPED:
        return "skipped"
    if meeting.status is Status.HELD:
        return "held"
    if meeting.end <= now:
        return "not logged yet" + moved
    return countdown(meeting.start, meeting.slot.minutes, now, tz, short) + moved


def slot_from_form(
    slot_id: str, title: str, repeat: str, day: str, at: str, minutes: str, tz: str, now: datetime
) -> Slot:
    """A slot from the form's text fields, or ValueError with one sentence."""
    return plan_slot(
        slot_id,
        title,
        parse_every(repeat),
        parse_date(day),
        parse_clock(at),
        parse_minutes(minutes),
        tz,
        now,
    )
