"""Versioned records, the hybrid logical clock that orders them, and the merge.

A record is one version of one thing (a habit, a check-off, a person ...).
Every replica writes versions only into its own files; the merged state is,
per id, the version with the greatest ``(stamp, replica)``. Taking a maximum
is commutative, associative and idempotent, so every device computes the same
state from the same files, whatever order they arrived in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from sys import intern
from typing import Any

STAMP_WIDTH = 15  # milliseconds since 1970 fit in 15 digits until the year 33658
COUNTER_WIDTH = 6


def format_stamp(millis: int, counter: int) -> str:
    """Fixed-width text, so comparing stamps as strings compares them as numbers."""
    return f"{millis:0{STAMP_WIDTH}d}.{counter:0{COUNTER_WIDTH}d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    millis, _, counter = stamp.partition(".")
    return int(millis), int(counter or 0)


def stamp_millis(stamp: str) -> int:
    return parse_stamp(stamp)[0]


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): wall time, bumped past anything seen.

    If the partner's laptop runs ahead, our next edit still gets a later stamp
    than the partner's change we have already seen, so "last edit wins" means
    what the people did, not what their clocks said.
    """

    def __init__(self, now_millis: Callable[[], int] | None = None) -> None:
        self._now = now_millis or (lambda: time.time_ns() // 1_000_000)
        self._millis = 0
        self._counter = 0

    def observe(self, stamp: str) -> None:
        millis, counter = parse_stamp(stamp)
        if (millis, counter) > (self._millis, self._counter):
            self._millis, self._counter = millis, counter

    def latest(self) -> str:
        """The greatest stamp made or seen so far."""
        return format_stamp(self._millis, self._counter)

    def next(self) -> str:
        wall = self._now()
        if wall > self._millis:
            self._millis, self._counter = wall, 0
        else:
            self._counter += 1
        return format_stamp(self._millis, self._counter)


@dataclass(frozen=True, slots=True)
class Record:
    id: str
    kind: str
    stamp: str
    replica: str
    deleted: bool
    data: Mapping[str, Any]

    @property
    def version(self) -> tuple[str, str]:
        return (self.stamp, self.replica)

    def __reduce__(self) -> tuple[type[Record], tuple[Any, ...]]:
        # Pickled as a plain constructor call: the default for a frozen slots dataclass
        # calls dataclasses.fields() per object, which doubled opening the cache.
        return (Record, (self.id, self.kind, self.stamp, self.replica, self.deleted, self.data))

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "stamp": self.stamp,
            "replica": self.replica,
            "deleted": self.deleted,
            "data": dict(self.data),
        }

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> Record | None:
        """A record from its stored form, or None if the document is not one of ours."""
        try:
            record_id, kind, stamp, replica = doc["id"], doc["kind"], doc["stamp"], doc["replica"]
            data = doc.get("data", {})
            deleted = doc.get("deleted", False)
        except (KeyError, TypeError):
            return None
        if not all(isinstance(v, str) and v for v in (record_id, kind, stamp, replica)):
            return None
        if not isinstance(data, dict) or not isinstance(deleted, bool):
            return None
        try:
            parse_stamp(stamp)
        except ValueError:
            return None
        # Years of ticks repeat the same few strings (kinds, devices, habit ids, days):
        # sharing one copy of each keeps a ten-year history small in memory and cache.
        data = {
            key: intern(value) if type(value) is str and len(value) <= 64 else value
            for key, value in data.items()
        }
        return cls(record_id, intern(kind), stamp, intern(replica), deleted, data)


def newer(a: Record | None, b: Record) -> Record:
    """The winner of two versions of the same id."""
    if a is None or b.version > a.version:
        return b
    return a


def merge(*sources: Iterable[Record]) -> dict[str, Record]:
    """Greatest (stamp, replica) per id over every source. Tombstones are kept."""
    state: dict[str, Record] = {}
    for source in sources:
        merge_into(state, source)
    return state


def merge_into(state: dict[str, Record], records: Iterable[Record]) -> list[Record]:
    """Fold records into a merged state in place; return the ones that won."""
    won: list[Record] = []
    get = state.get
    for record in records:
        current = get(record.id)
        if current is None or record.version > current.version:
            state[record.id] = record
            won.append(record)
    return won
