"""Rebuilding trust in small steps: promises, repairs and noticed kindnesses.

A **promise** is "I'll do X by Y", made by one partner to the other. It is
open until it is kept or broken; renegotiating it (honestly, before or after
it falls due) sets a new due date and keeps the old one in its history, and
is neither kept nor broken. Its record is shared with the conversations
feature, which may create promises from a talk's follow-ups, so fields this
module does not know are carried through untouched.

**Reliability** over the last N days: of the promises a person made that
were marked kept or broken on one of those days (today and the N-1 before),
the share that were kept. None when nothing was settled in that time: no
number is better than a made-up one.

A **repair** is an apology with what will change; an **appreciation** is a
quick "I noticed and appreciated ...". Both are one record each, written by
the person who made them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, Self

import msgspec

from tracker.domain.checkin.model import iso_week
from tracker.domain.text import cut, single_line
from tracker.domain.validation import IsoDay, MaybeDay, convert, optional_day, valid_day
from tracker.domain.weeks import DAY_WORDS

MAX_PROMISE = 200
MAX_REPAIR = 1000
MAX_APPRECIATION = 300
FURTHEST_DUE_DAYS = 730
WINDOWS = (30, 90)


class PromiseStatus(StrEnum):
    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    RENEGOTIATED = "renegotiated"  # a new due date; still to be kept


ACTIVE = frozenset({PromiseStatus.OPEN, PromiseStatus.RENEGOTIATED})
KNOWN_FIELDS = frozenset({"text", "by", "to", "due", "status", "made", "history", "closed"})


def one_line_text(text: str, limit: int, what: str) -> str:
    """What someone typed, on one line, control characters dropped; ValueError if unusable."""
    cleaned = single_line(text)
    if not cleaned:
        raise ValueError(f"Write the {what} in a few words.")
    if len(cleaned) > limit:
        raise ValueError(f"Keep the {what} to {limit:,} characters; this one has {len(cleaned):,}.")
    return cleaned


def parse_due(text: str, today: date) -> date:
    """A due date someone typed: YYYY-MM-DD, today, tomorrow, a weekday (the next
    one after today), "in 3 days" or "in 2 weeks". ValueError says what is wrong."""
    said = " ".join(text.strip().casefold().split())
    if not said:
        raise ValueError("Say by when, e.g. 2026-12-01, tomorrow or friday.")
    if said == "today":
        day = today
    elif said == "yesterday":
        day = today - timedelta(days=1)
    elif said == "tomorrow":
        day = today + timedelta(days=1)
    elif said in DAY_WORDS or said in (w[:3] for w in DAY_WORDS):
        wanted = next(i for i, w in enumerate(DAY_WORDS) if w.startswith(said))
        day = today + timedelta(days=(wanted - today.weekday() - 1) % 7 + 1)
    elif found := re.fullmatch(r"(?:in )?\+?(\d{1,4}) ?(days?|weeks?)", said):
        count = int(found[1]) * (7 if found[2].startswith("week") else 1)
        day = today + timedelta(days=count)
    else:
        day = _iso_day(text.strip())
    if day < today:
        raise ValueError(f"{day} has already passed; pick today or a later day.")
    if (day - today).days > FURTHEST_DUE_DAYS:
        raise ValueError(f"{day} is more than two years away; pick a nearer day you can keep to.")
    return day


def _iso_day(text: str) -> date:
    found = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if found is None:
        shown = cut(text, 20)
        raise ValueError(f"“{shown}” is not a date; use YYYY-MM-DD, like 2026-12-01.")
    year, month, day = (int(part) for part in found.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"{text} has no month {month}; months go from 01 to 12.")
    if year < 1:
        raise ValueError(f"{text} is not a year we can use.")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        name = calendar.month_name[month]
        raise ValueError(f"{text} isn't a real date: {name} {year} has {last} days.")
    return date(year, month, day)


@dataclass(frozen=True, slots=True)
class Promise:
    id: str
    text: str
    by: str  # the person who promised
    to: str  # the person it was made to
    due: date
    made: date
    status: PromiseStatus = PromiseStatus.OPEN
    history: tuple[Mapping[str, Any], ...] = ()  # {"on", "event", "from", "to"} entries
    closed: date | None = None  # when it was marked kept or broken
    extra: Mapping[str, Any] = field(default_factory=dict)  # other features' fields

    @property
    def active(self) -> bool:
        return self.status in ACTIVE

    def overdue(self, today: date) -> bool:
        return self.active and self.due < today

    def to_data(self) -> dict[str, Any]:
        data = dict(self.extra)
        data.update(
            text=self.text,
            by=self.by,
            to=self.to,
            due=self.due.isoformat(),
            status=self.status.value,
            made=self.made.isoformat(),
            history=[dict(entry) for entry in self.history],
        )
        if self.closed is not None:
            data["closed"] = self.closed.isoformat()
        return data

    @classmethod
    def from_data(cls, record_id: str, data: Mapping[str, Any]) -> Self:
        """Invalid (naming the field) if the record is not a usable promise."""
        # A missing field has always been a KeyError here (callers tell it apart); kinds.parse
        # still names it as the field that is missing.
        for name in ("text", "by", "to", "due"):
            if name not in data:
                raise KeyError(name)
        found = convert(data, PromiseData)
        return cls(
            id=record_id,
            text=found.text,
            by=found.by,
            to=found.to,
            due=valid_day("due", found.due),
            made=valid_day("made", found.made) if found.made else valid_day("due", found.due),
            status=found.status,
            # Older versions wrote other things in the list; only the entries are history.
            history=tuple(dict(h) for h in found.history or () if isinstance(h, Mapping)),
            closed=optional_day("closed", found.closed),
            extra={k: v for k, v in data.items() if k not in KNOWN_FIELDS},
        )


class PromiseData(msgspec.Struct):
    text: str
    by: str
    to: str
    due: IsoDay
    made: MaybeDay = None
    status: PromiseStatus = PromiseStatus.OPEN
    history: list[Any] | None = None
    closed: MaybeDay = None


def make_promise(
    promise_id: str, text: str, by: str, to: str, due_text: str, today: date
) -> Promise:
    return Promise(
        id=promise_id,
        text=one_line_text(text, MAX_PROMISE, "promise"),
        by=by,
        to=to,
        due=parse_due(due_text, today),
        made=today,
        history=({"on": today.isoformat(), "event": "made"},),
    )


def settle(promise: Promise, kept: bool, today: date) -> Promise:
    """Mark it kept or broken; a settled promise stays settled."""
    if not promise.active:
        raise ValueError(f"That promise is already marked {promise.status.value}.")
    status = PromiseStatus.KEPT if kept else PromiseStatus.BROKEN
    entry = {"on": today.isoformat(), "event": status.value}
    return replace(promise, status=status, closed=today, history=(*promise.history, entry))


def renegotiate(promise: Promise, due_text: str, today: date) -> Promise:
    """A new due date, agreed; the old one stays in the history."""
    if not promise.active:
        raise ValueError(
            f"That promise is already marked {promise.status.value}; make a new one instead."
        )
    due = parse_due(due_text, today)
    if due == promise.due:
        raise ValueError(f"It is already due on {due}; pick another day.")
    entry = {
        "on": today.isoformat(),
        "event": "renegotiated",
        "from": promise.due.isoformat(),
        "to": due.isoformat(),
    }
    return replace(
        promise, due=due, status=PromiseStatus.RENEGOTIATED, history=(*promise.history, entry)
    )


def due_by(promises: Iterable[Promise], day: date) -> list[Promise]:
    """Open promises due on ``day`` or earlier, soonest first."""
    return sorted((p for p in promises if p.active and p.due <= day), key=lambda p: (p.due, p.id))


@dataclass(frozen=True, slots=True)
class Reliability:
    kept: int
    broken: int

    @property
    def rate(self) -> float | None:
        settled = self.kept + self.broken
        return self.kept / settled if settled else None

    def describe(self) -> str:
        if self.rate is None:
            return "nothing settled yet"
        return f"{round(self.rate * 100)}% ({self.kept} of {self.kept + self.broken} kept)"


def reliability(promises: Iterable[Promise], person: str, today: date, days: int) -> Reliability:
    """See the module docstring: promises ``person`` made, settled in the last ``days`` days."""
    first = today - timedelta(days=days - 1)
    kept = broken = 0
    for promise in promises:
        if promise.by != person or promise.closed is None:
            continue
        if first <= promise.closed <= today:
            if promise.status is PromiseStatus.KEPT:
                kept += 1
            elif promise.status is PromiseStatus.BROKEN:
                broken += 1
    return Reliability(kept, broken)


# -- repairs and appreciations --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Repair:
    id: str
    by: str
    to: str
    day: date
    apology: str  # what happened, and sorry for it
    change: str  # what will be different

    def to_data(self) -> dict[str, Any]:
        return {
            "by": self.by,
            "to": self.to,
            "day": self.day.isoformat(),
            "apology": self.apology,
            "change": self.change,
        }

    @classmethod
    def from_data(cls, record_id: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, RepairData)
        day = valid_day("day", found.day)
        return cls(record_id, found.by, found.to, day, found.apology, found.change)


class RepairData(msgspec.Struct):
    by: str
    to: str
    day: IsoDay
    apology: str = ""
    change: str = ""


def make_repair(repair_id: str, by: str, to: str, day: date, apology: str, change: str) -> Repair:
    return Repair(
        repair_id,
        by,
        to,
        day,
        one_line_text(apology, MAX_REPAIR, "apology"),
        one_line_text(change, MAX_REPAIR, "what will change"),
    )


@dataclass(frozen=True, slots=True)
class Appreciation:
    id: str
    by: str
    to: str
    day: date
    text: str

    def to_data(self) -> dict[str, Any]:
        return {"by": self.by, "to": self.to, "day": self.day.isoformat(), "text": self.text}

    @classmethod
    def from_data(cls, record_id: str, data: Mapping[str, Any]) -> Self:
        found = convert(data, AppreciationData)
        return cls(record_id, found.by, found.to, valid_day("day", found.day), found.text)


class AppreciationData(msgspec.Struct):
    by: str
    to: str
    day: IsoDay
    text: str


def make_appreciation(appreciation_id: str, by: str, to: str, day: date, text: str) -> Appreciation:
    return Appreciation(
        appreciation_id, by, to, day, one_line_text(text, MAX_APPRECIATION, "appreciation")
    )


def weekly_counts(appreciations: Iterable[Appreciation], week: str) -> dict[str, int]:
    """How many each person noted in ``week`` (by the ISO week of the day they wrote it)."""
    counts: dict[str, int] = {}
    for item in appreciations:
        if iso_week(item.day) == week:
            counts[item.by] = counts.get(item.by, 0) + 1
    return counts
