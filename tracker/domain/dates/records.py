"""A date's records as stored: the options they name, and the shapes declared for them.

Kept apart from dates.py (which re-exports the options) so the rules and the
calendar maths there stay within one file's length; `DateNight.from_data`,
`Repeat.from_data` and `Mark.from_data` read through these shapes, and a
value outside them is named by field, never a crash of the Dates screen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import msgspec

from tracker.domain.validation import IsoDay, IsoMoment, MaybeDay

# What a person can enter for a date (dates_input checks typing against the same).
MIN_MINUTES = 15
MAX_MINUTES = 24 * 60
MAX_DAYS = 30
MAX_ALARM = 7 * 24 * 60
MAX_INTERVAL = 52  # every 52 weeks; months go up to 12
MAX_REVISION = 1_000_000_000  # one more per edit: never reached, but bounded


class DateKind(StrEnum):
    DATE_NIGHT = "date night"
    NEW_HOBBY = "new hobby"
    UNPLUGGED = "unplugged evening"
    GETAWAY = "getaway"  # whole days: all-day in a calendar


class DateStatus(StrEnum):
    PLANNED = "planned"
    DONE = "done"
    CANCELLED = "cancelled"


class RepeatFreq(StrEnum):
    NONE = "none"
    WEEKLY = "weekly"  # every N weeks on the first date's weekday
    MONTHLY = "monthly"  # every N months on the same weekday, e.g. the second Saturday


Revision = Annotated[int, msgspec.Meta(ge=0, le=MAX_REVISION)]


class RepeatData(msgspec.Struct):
    freq: RepeatFreq = RepeatFreq.NONE
    interval: Annotated[int, msgspec.Meta(ge=1, le=MAX_INTERVAL)] = 1
    until: MaybeDay = None


class DateNightData(msgspec.Struct):
    # A day for a getaway (all_day), a wall time for anything else: checked by the reader.
    start: IsoMoment
    all_day: bool = False
    title: str = ""
    tz: str = "UTC"
    # Only sizes no one could mean are damaged here: a negative length is let through to
    # the calendar export, which refuses it with its own sentence ("ends before it starts").
    minutes: Annotated[int, msgspec.Meta(ge=-MAX_MINUTES, le=MAX_MINUTES)] = 120
    days: Annotated[int, msgspec.Meta(ge=0, le=MAX_DAYS)] = 1
    kind: DateKind = DateKind.DATE_NIGHT
    place: str = ""
    notes: str = ""
    repeat: RepeatData | None = None
    cancelled: bool = False
    alarm_minutes: Annotated[int, msgspec.Meta(ge=0, le=MAX_ALARM)] | None = None
    idea: str = ""
    by: str = ""
    revision: Revision = 0


class MarkData(msgspec.Struct):
    date: str
    day: IsoDay
    status: DateStatus = DateStatus.PLANNED
    revision: Revision = 0
