"""Versioned records, and the hybrid logical clock that orders them.

A record is one version of one thing (a habit, a check-off, a person ...).
Every replica writes versions only into its own files. The merge (merge.py)
works field by field: each field carries the version `(stamp, replica)` that
last set it, so two people editing different fields of one habit both keep
their edit. A version whose fields all date from its own write (the usual case:
every tick, every new record) stores nothing extra.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from sys import intern
from typing import Any, Literal

import msgspec

STAMP_WIDTH = 15  # milliseconds since 1970 fit in 15 digits until the year 33658
COUNTER_WIDTH = 6
COUNTER_MAX = 10**COUNTER_WIDTH - 1
# The one valid form: fixed width, so comparing stamps as text compares them as numbers.
STAMP_RE = re.compile(r"\d{15}\.\d{6}")
# A version seen from another device may be at most this far ahead of our wall clock
# before it stops pulling our clock forward (it is still merged, and still beaten by
# any edit made to the same thing after it was seen: see HybridClock.after).
MAX_DRAG_MS = 60_000
DELETED = "#deleted"  # the deleted flag's slot among a record's fields

Version = tuple[str, str]  # (stamp, replica)


def format_stamp(millis: int, counter: int) -> str:
    """Fixed-width text, so comparing stamps as strings compares them as numbers."""
    return f"{millis:0{STAMP_WIDTH}d}.{counter:0{COUNTER_WIDTH}d}"


def valid_stamp(stamp: object) -> bool:
    return isinstance(stamp, str) and STAMP_RE.fullmatch(stamp) is not None


def parse_stamp(stamp: str) -> tuple[int, int]:
    millis, _, counter = stamp.partition(".")
    return int(millis), int(counter or 0)


def stamp_millis(stamp: str) -> int:
    return parse_stamp(stamp)[0]


def _step(millis: int, counter: int) -> tuple[int, int]:
    """The next stamp after (millis, counter): a full counter rolls into the next ms,
    so a stamp never grows a seventh counter digit and sorts below its predecessor."""
    return (millis + 1, 0) if counter >= COUNTER_MAX else (millis, counter + 1)


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): wall time, bumped past anything seen.

    If the partner's laptop runs a little ahead, our next edit still gets a later
    stamp than the partner's change we have already seen, so "last edit wins"
    means what the people did, not what their clocks said. A stamp far in our
    future (a clock set a month ahead) does not drag this clock along: an edit
    of that very thing is still stamped after it (`after`), everything else
    keeps true time.
    """

    def __init__(self, now_millis: Callable[[], int] | None = None) -> None:
        self._now = now_millis or (lambda: time.time_ns() // 1_000_000)
        self._millis = 0
        self._counter = 0

    def observe(self, stamp: str, own: bool = False) -> None:
        """Follow a stamp seen in the files. `own`: written by this replica (any process
        of this device, or this device before its clock was set back): always followed,
        so this replica's stamps only ever grow."""
        millis, counter = parse_stamp(stamp)
        if not own and millis > self._now() + MAX_DRAG_MS:
            return  # someone's clock is off: merged, named by doctor, but not followed
        if (millis, counter) > (self._millis, self._counter):
            self._millis, self._counter = millis, counter

    def latest(self) -> str:
        """The greatest stamp made or seen (and followed) so far."""
        return format_stamp(self._millis, self._counter)

    def next(self) -> str:
        wall = self._now()
        if wall > self._millis:
            self._millis, self._counter = wall, 0
        else:
            self._millis, self._counter = _step(self._millis, self._counter)
        return format_stamp(self._millis, self._counter)

    def after(self, floor: str | None) -> str:
        """A new stamp, greater than `floor` (the version being edited) whatever the clocks."""
        stamp = self.next()
        if floor is None or stamp > floor:
            return stamp
        return format_stamp(*_step(*parse_stamp(floor)))


# gc=False: a record holds only plain values (text, numbers, dicts and tuples of them),
# never itself, so it cannot be part of a cycle; untracked, ten years of records cost
# the collector nothing (a full pass went from 77 ms to 13 ms) and 16 bytes less each.
class Lost(msgspec.Struct, frozen=True, gc=False):
    """A value that a concurrent edit of the same field overrode: kept, so it can be taken."""

    version: Version
    present: bool  # False: the losing edit removed the field
    value: Any = None

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"version": list(self.version)}
        if self.present:
            doc["value"] = self.value
        return doc


class Record(msgspec.Struct, frozen=True, gc=False):
    """One version. `older` holds the versions of fields (and DELETED) set before this
    version's own; a field absent from `data` and from `older` was removed by this
    version. `base` holds, per field, the version the field's writer replaced (so a
    concurrent edit can be told from a later one); `lost` what concurrent edits overrode.
    """

    id: str
    kind: str
    stamp: str
    replica: str
    deleted: bool
    data: Mapping[str, Any]
    older: Mapping[str, Version] | None = None
    base: Mapping[str, Version] | None = None
    lost: Mapping[str, Lost] | None = None

    @property
    def version(self) -> Version:
        return (self.stamp, self.replica)

    def version_of(self, name: str) -> Version:
        older = self.older
        if older is not None:
            found = older.get(name)
            if found is not None:
                return found
        return (self.stamp, self.replica)

    def to_doc(self) -> dict[str, Any]:
        doc: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "stamp": self.stamp,
            "replica": self.replica,
            "deleted": self.deleted,
            "data": dict(self.data),
        }
        if self.older:
            doc["older"] = {name: list(v) for name, v in self.older.items()}
        if self.base:
            doc["base"] = {name: list(v) for name, v in self.base.items()}
        if self.lost:
            doc["lost"] = {name: lost.to_doc() for name, lost in self.lost.items()}
        return doc

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Record | None:
        """A record from its stored form, or None if the document is not one of ours."""
        try:
            record_id, kind, stamp, replica = doc["id"], doc["kind"], doc["stamp"], doc["replica"]
            data = doc.get("data", {})
            deleted = doc.get("deleted", False)
        except (KeyError, TypeError):
            return None
        if not all(isinstance(v, str) and v for v in (record_id, kind, replica)):
            return None
        if not valid_stamp(stamp) or not isinstance(data, dict) or not isinstance(deleted, bool):
            return None
        older = _versions(doc.get("older"))
        base = _versions(doc.get("base"))
        lost = _losts(doc.get("lost"))
        if older is False or base is False or lost is False:
            return None
        if older and any(v >= (stamp, replica) for v in older.values()):
            return None  # a field cannot have been set after the version that carries it
        # Years of ticks repeat the same few strings (kinds, devices, habit ids, days):
        # sharing one copy of each keeps a ten-year history small in memory and cache.
        data = {
            key: intern(value) if type(value) is str and len(value) <= 64 else value
            for key, value in data.items()
        }
        return cls(
            record_id, intern(kind), stamp, intern(replica), deleted, data, older, base, lost
        )


def why_not_a_record(doc: Any) -> tuple[str, str]:
    """For a stored entry `Record.from_doc` refused: which part, and what is wrong with it."""
    if not isinstance(doc, Mapping):
        return "", "not an entry at all"
    for name in ("id", "kind", "replica"):
        if not (isinstance(doc.get(name), str) and doc.get(name)):
            return name, f"the {name} is missing or not text"
    if not valid_stamp(doc.get("stamp")):
        return "stamp", f"“{str(doc.get('stamp'))[:30]}” is not a Rekindle stamp"
    if not isinstance(doc.get("data", {}), dict):
        return "data", "the data is not an object"
    if not isinstance(doc.get("deleted", False), bool):
        return "deleted", "deleted is not true or false"
    return "", "its field versions are malformed"


def _version(raw: Any) -> Version | None:
    if (
        isinstance(raw, list)
        and len(raw) == 2
        and valid_stamp(raw[0])
        and isinstance(raw[1], str)
        and raw[1]
    ):
        return (raw[0], intern(raw[1]))
    return None


def _versions(raw: Any) -> dict[str, Version] | Literal[False] | None:
    """Field → version, None when absent, False when malformed."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return False
    found: dict[str, Version] = {}
    for name, value in raw.items():
        version = _version(value)
        if version is None:
            return False
        found[name] = version
    return found or None


def _losts(raw: Any) -> dict[str, Lost] | Literal[False] | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        return False
    found: dict[str, Lost] = {}
    for name, value in raw.items():
        version = _version(value.get("version")) if isinstance(value, dict) else None
        if version is None:
            return False
        found[name] = Lost(version, "value" in value, value.get("value"))
    return found or None
