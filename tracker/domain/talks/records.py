"""Talks' records as stored: what a meeting can become, and the shapes declared for a
slot and a meeting (talks.py re-exports `Status`).

Apart from talks.py so the scheduling there stays within one file's length;
`Slot.from_data` and `Occurrence.from_data` read through these shapes, so a
value outside them is named by field instead of crashing the Talks screen.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import msgspec

from tracker.domain.validation import IsoDay, IsoMoment

MAX_REVISION = 1_000_000_000  # one more per edit: never reached, but bounded


class Status(StrEnum):
    PLANNED = "planned"
    HELD = "held"
    SKIPPED = "skipped"


Revision = Annotated[int, msgspec.Meta(ge=0, le=MAX_REVISION)]


class SlotData(msgspec.Struct):
    start: IsoMoment
    title: str = ""
    # Any whole number: Slot.from_data clamps it to 1..MAX_MINUTES, as it always has.
    minutes: int = 45
    tz: str = ""
    rrule: str = ""
    revision: Revision = 0
    cancelled: bool = False


class OccurrenceData(msgspec.Struct):
    slot: str
    day: IsoDay
    status: Status = Status.PLANNED
    moved_to: IsoMoment | None = None
    by: str = ""
    revision: Revision = 0
