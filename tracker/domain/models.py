"""The couple's data as plain values: no I/O, no Textual, no TinyDB.

Every model converts to and from a JSON-friendly dict (``to_data`` /
``from_data``) so the store can persist it without knowing its fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any, Final, Self

import msgspec
from msgspec import field
from msgspec.structs import asdict, replace

from tracker.domain.clock import clock_text, parse_clock
from tracker.domain.validation import (
    Amount,
    Count,
    Invalid,
    IsoDay,
    convert,
    fitting_fields,
    valid_day,
)


class Area(StrEnum):
    """The five reasons couples drift apart, as the guide names them."""

    COMMUNICATION = "communication"
    CONFLICT = "conflict"
    QUALITY_TIME = "quality time"
    PRIORITIES = "priorities"
    TRUST = "trust"


class Owner(StrEnum):
    """Who a habit belongs to."""

    A = "a"  # partner A alone
    B = "b"  # partner B alone
    EACH = "each"  # both, each ticking separately
    TOGETHER = "together"  # one shared tick for the two of us


# The person key a together habit's check-offs are filed under. Final, so the
# checker reads it as the literal "us" where an owner literal is expected.
US: Final = "us"
PARTNERS = ("a", "b")


class HabitKind(StrEnum):
    YES_NO = "yes/no"
    MEASURABLE = "measurable"


class Direction(StrEnum):
    AT_LEAST = "at least"
    AT_MOST = "at most"


class ScheduleKind(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # chosen weekdays, e.g. Mon/Wed/Fri
    PER_WEEK = "per week"  # X times a week, weeks begun on the couple's day (Monday or Sunday)
    PER_MONTH = "per month"  # X times per calendar month
    EVERY_N_DAYS = "every n days"
    # X times in each N-day stretch, stretches counted back to back from the habit's start
    TIMES_IN_DAYS = "x in n days"


class Fulfilment(StrEnum):
    """What else can do a habit for you, so nothing is entered twice: a habit linked to one
    is ticked for that day when it happens (domain/habits/links.py has the rules)."""

    DATE = "date"  # a date night marked done
    TALK = "talk"  # a talk logged


# The longest link word kept from a file: ours are short, and one we do not know (a newer
# version's) is only carried along, never shown, so anything longer is damage, dropped.
MAX_LINK = 40


def fulfilment_of(stored: str) -> Fulfilment | None:
    """What a stored link says ticks a habit; one this version does not know counts as none."""
    try:
        return Fulfilment(stored) if stored else None
    except ValueError:
        return None


class CheckStatus(StrEnum):
    DONE = "done"
    SKIP = "skip"  # a planned skip: neither breaks a streak nor counts


WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class Schedule(msgspec.Struct, frozen=True):
    kind: ScheduleKind = ScheduleKind.DAILY
    # WEEKDAYS: 0 = Monday ... 6 = Sunday. PER_WEEK / PER_MONTH: times.
    # EVERY_N_DAYS: n. TIMES_IN_DAYS: times, in stretches of n (stored as `every`) days.
    weekdays: tuple[int, ...] = ()
    times: int = 1
    every: int = 1

    def __post_init__(self) -> None:
        problem = self.problem()
        if problem:
            raise ValueError(problem)

    def problem(self) -> str | None:
        """Why this schedule cannot work, in one sentence, or None."""
        if self.kind is ScheduleKind.WEEKDAYS:
            if not self.weekdays:
                return "Pick at least one weekday."
            if any(not 0 <= d <= 6 for d in self.weekdays):
                return "Weekdays run from Monday (0) to Sunday (6)."
        if self.kind is ScheduleKind.PER_WEEK and not 1 <= self.times <= 7:
            return "A week has room for 1 to 7 times."
        if self.kind is ScheduleKind.PER_MONTH and not 1 <= self.times <= 28:
            return "Pick 1 to 28 times a month, so every month can meet it."
        if self.kind is ScheduleKind.EVERY_N_DAYS and not 1 <= self.every <= 365:
            return "Every N days needs N between 1 and 365."
        if self.kind is ScheduleKind.TIMES_IN_DAYS:
            if not 2 <= self.every <= 365:
                return "Pick a stretch of 2 to 365 days."
            if not 1 <= self.times <= self.every:
                return f"Pick 1 to {self.every} times, so {self.every} days have room for them."
        return None

    def describe(self) -> str:
        match self.kind:
            case ScheduleKind.DAILY:
                return "every day"
            case ScheduleKind.WEEKDAYS:
                return ", ".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))
            case ScheduleKind.PER_WEEK:
                return f"{self.times}× a week"
            case ScheduleKind.PER_MONTH:
                return f"{self.times}× a month"
            case ScheduleKind.EVERY_N_DAYS:
                return "every day" if self.every == 1 else f"every {self.every} days"
            case ScheduleKind.TIMES_IN_DAYS:
                return f"{self.times}× in {self.every} days"

    def to_data(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "weekdays": sorted(set(self.weekdays)),
            "times": self.times,
            "every": self.every,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        return cls.from_shape(convert(data, ScheduleData))

    @classmethod
    def from_shape(cls, found: ScheduleData) -> Self:
        try:
            return cls(found.kind, tuple(sorted(set(found.weekdays))), found.times, found.every)
        except ValueError as error:  # the fields fit, their combination does not
            raise Invalid("schedule", str(error)) from None


class ScheduleData(msgspec.Struct):
    """A schedule as stored; the combination is checked by `Schedule.problem`."""

    kind: ScheduleKind = ScheduleKind.DAILY
    weekdays: list[Annotated[int, msgspec.Meta(ge=0, le=6)]] = []
    # Up to 365: "X in N days" may ask for as many times as its stretch has days.
    times: Annotated[int, msgspec.Meta(ge=1, le=365)] = 1
    every: Annotated[int, msgspec.Meta(ge=1, le=365)] = 1


class Person(msgspec.Struct, frozen=True):
    key: str  # "a" or "b"
    name: str
    tz: str = "UTC"  # IANA zone name
    day_start: int = 4  # hour the person's day begins (a tick at 01:30 is yesterday's)

    def to_data(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, PersonData)
        return cls(found.key, found.name, found.tz, found.day_start)

    @classmethod
    def salvaged(cls, key: str, data: Mapping[str, Any]) -> Self:
        """A stand-in for a person record that does not fit: every field that does is kept,
        only the bad ones take their defaults, so saving it (Settings) loses nothing good."""
        found = fitting_fields(data if isinstance(data, Mapping) else {}, PersonData, {"key": key})
        return cls(key, found.name, found.tz, found.day_start)


class PersonData(msgspec.Struct):
    key: str
    name: str = ""
    tz: str = "UTC"
    day_start: Annotated[int, msgspec.Meta(ge=0, le=23)] = 4


class Habit(msgspec.Struct, frozen=True):
    id: str
    title: str
    area: Area = Area.COMMUNICATION
    owner: Owner = Owner.EACH
    schedule: Schedule = field(default_factory=Schedule)
    start: date = date(2000, 1, 1)
    description: str = ""
    kind: HabitKind = HabitKind.YES_NO
    target: float = 1.0  # MEASURABLE only
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    archived: bool = False
    order: int = 0
    # What else ticks it, as stored: a Fulfilment's value, "" for nothing, or a word from a
    # newer version, kept so saving this habit here never drops a partner's link.
    done_by: str = ""
    # When to be reminded of it, "HH:MM" on each owner's own clock, or "" for the owner's
    # usual time (their reminder settings).
    remind_at: str = ""

    @property
    def measurable(self) -> bool:
        return self.kind is HabitKind.MEASURABLE

    @property
    def fulfilled_by(self) -> Fulfilment | None:
        return fulfilment_of(self.done_by)

    def people(self) -> tuple[str, ...]:
        """The person keys whose check-offs this habit has."""
        match self.owner:
            case Owner.A:
                return ("a",)
            case Owner.B:
                return ("b",)
            case Owner.EACH:
                return PARTNERS
            case Owner.TOGETHER:
                return (US,)

    def met_by(self, value: float | None) -> bool:
        """Does a check-off with this value meet the habit's target?"""
        if not self.measurable:
            return True
        if value is None:
            # A plain "done" on an at-most habit means "stayed within it".
            return self.direction is Direction.AT_MOST
        if self.direction is Direction.AT_MOST:
            return value <= self.target
        return value >= self.target

    def with_changes(self, **changes: Any) -> Habit:
        return replace(self, **changes)

    def to_data(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "area": self.area.value,
            "owner": self.owner.value,
            "schedule": self.schedule.to_data(),
            "start": self.start.isoformat(),
            "description": self.description,
            "kind": self.kind.value,
            "target": self.target,
            "unit": self.unit,
            "direction": self.direction.value,
            "archived": self.archived,
            "order": self.order,
            # Only when linked: an unlinked habit's record stays as older versions wrote it.
            **({"done_by": self.done_by} if self.done_by else {}),
            **({"remind_at": self.remind_at} if self.remind_at else {}),
        }

    @classmethod
    def from_data(cls, habit_id: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, HabitData)
        return cls(
            id=habit_id,
            title=found.title,
            area=found.area,
            owner=found.owner,
            schedule=Schedule.from_shape(found.schedule),
            start=valid_day("start", found.start),
            description=found.description,
            kind=found.kind,
            target=found.target,
            unit=found.unit,
            direction=found.direction,
            archived=found.archived,
            order=found.order,
            done_by=_link_word(found.done_by),
            remind_at=_remind_word(found.remind_at),
        )


class HabitData(msgspec.Struct):
    title: str = ""
    area: Area = Area.COMMUNICATION
    owner: Owner = Owner.EACH
    schedule: ScheduleData = msgspec.field(default_factory=ScheduleData)
    start: IsoDay = "2000-01-01"
    description: str = ""
    kind: HabitKind = HabitKind.YES_NO
    target: Amount = 1.0
    unit: str = ""
    direction: Direction = Direction.AT_LEAST
    archived: bool = False
    order: Count = 0
    # Any: a partner's file is untrusted, and a link that is not a short word (damage, or a
    # newer version's structure) leaves the habit unlinked rather than unreadable.
    done_by: Any = ""
    # Any, for the same reason: a time that does not read as one means "the usual time".
    remind_at: Any = ""


def _link_word(stored: Any) -> str:
    return stored if isinstance(stored, str) and len(stored) <= MAX_LINK else ""


def _remind_word(stored: Any) -> str:
    if not isinstance(stored, str) or not stored or len(stored) > 8:
        return ""
    try:
        return clock_text(parse_clock(stored))
    except ValueError:
        return ""


@lru_cache(maxsize=8192)
def _day(text: str) -> date:
    """One date object per day, shared by every check-off on it (years of them)."""
    return date.fromisoformat(text)


def check_id(habit_id: str, person: str, day: date) -> str:
    """Deterministic, so two devices ticking the same thing converge on one record."""
    return f"check:{habit_id}:{person}:{day.isoformat()}"


class Check(msgspec.Struct, frozen=True):
    """One person's check-off (or planned skip) of one habit on one day."""

    habit_id: str
    person: str  # "a", "b", or US for together habits
    day: date
    status: CheckStatus = CheckStatus.DONE
    value: float | None = None  # measurable habits
    note: str = ""

    @property
    def id(self) -> str:
        return check_id(self.habit_id, self.person, self.day)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "habit": self.habit_id,
            "person": self.person,
            "day": self.day.isoformat(),
            "status": self.status.value,
        }
        # Most ticks have neither; leaving them out keeps years of ticks small
        # (a 4-key dict is a third smaller in memory than a 6-key one).
        if self.value is not None:
            data["value"] = self.value
        if self.note:
            data["note"] = self.note
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        found = convert(data, CheckData)
        day = valid_day("day", found.day, _day)
        return cls(found.habit, found.person, day, found.status, found.value, found.note)


class CheckData(msgspec.Struct):
    habit: str
    person: str
    day: IsoDay
    status: CheckStatus = CheckStatus.DONE
    value: Amount | None = None
    note: str = ""
