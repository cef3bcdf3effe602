"""Several puts saved as one (`Store.together`): held back, then each file rewritten once.

One user action often writes more than one record (a reorder, a settings page, an undo
of either). Saved one by one, a refusal halfway would keep half of it; held back and
saved at the end, under the one hold of the lock, it is kept whole or not at all.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import msgspec
from msgspec import field

from tracker.store.records import Record
from tracker.store.replica import ReplicaWriter


class Batch(msgspec.Struct):
    records: dict[str, list[Record]] = field(default_factory=dict)  # by shard, in order
    before: dict[str, Record | None] = field(default_factory=dict)  # memory's, by record id
    caught_up: set[str] = field(default_factory=set)  # shards read again under the lock

    def first_look(self, shard: str) -> bool:
        """True once per shard: catch it up with the disk before the first version in it."""
        first = shard not in self.caught_up
        self.caught_up.add(shard)
        return first

    def hold(self, shard: str, record: Record, before: Record | None) -> None:
        self.records.setdefault(shard, []).append(record)
        self.before.setdefault(record.id, before)

    def save(self, writer: ReplicaWriter, wrote: Callable[[str, list[Record]], None]) -> None:
        """Every file opened first, so one the store refuses stops the lot before anything
        is written; then each rewritten once, atomically. Versions bound for two files (a
        habit and a month's ticks) are two rewrites: a disk failing between them could keep
        the first, though each file stays whole. Every UI batch today is core.json only."""
        for shard in self.records:
            writer.ensure(shard)
        for shard, records in self.records.items():
            writer.write(shard, records)
            wrote(shard, records)

    @contextlib.contextmanager
    def undone_on_failure(self, state: dict[str, Record]) -> Iterator[None]:
        """If the save (or the action) fails, memory goes back to what the files hold."""
        try:
            yield
        except BaseException:
            for record_id, before in self.before.items():
                if before is None:
                    state.pop(record_id, None)
                else:
                    state[record_id] = before
            raise
