"""Writing the made-up couple of `tracker.domain.sample.couple` into a real data folder."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from tracker.domain.sample.couple import REPLICAS, day_end
from tracker.domain.sample.story import generate
from tracker.store.files import make_private_dir
from tracker.store.identity import LocalConfig
from tracker.store.records import Record, format_stamp, stamp_millis
from tracker.store.replica import ReplicaWriter
from tracker.store.shards import shard_of


def write_sample(
    out: Path, years: float, seed: int = 1, today: date | None = None, now: datetime | None = None
) -> int:
    """A couple's folder with `years` of history up to `now`; returns the record count.

    Without `now`: the real clock if `today` is not given either, else the end of `today`
    (so the same seed and day give the same bytes). What would happen after `now` (this
    evening's ticks, tomorrow's second thoughts) is left out: nothing is stamped in the
    future, which another device would take for a clock running fast."""
    if now is None:
        now = datetime.now().astimezone() if today is None else day_end(today)
    end = today or now.date()
    cutoff = int(now.timestamp() * 1000)
    start = end - timedelta(days=round(years * 365.25))
    make_private_dir(out)
    grouped: dict[tuple[str, str], list[Record]] = defaultdict(list)
    last: dict[str, tuple[int, int]] = {}
    count = 0
    # Written in time order per device, as the devices themselves would have.
    happened = (item for item in generate(start, end, seed) if item.millis <= cutoff)
    for item in sorted(happened, key=lambda r: (r.replica, r.millis)):
        millis, counter = last.get(item.replica, (0, 0))
        counter = counter + 1 if item.millis <= millis else 0
        millis = max(millis, item.millis)
        last[item.replica] = (millis, counter)
        stamp = format_stamp(millis, counter)
        record = Record(item.id, item.kind, stamp, item.replica, item.deleted, item.data)
        grouped[(item.replica, shard_of(item.kind, item.data))].append(record)
        count += 1
    writers = {
        replica: ReplicaWriter(
            out,
            replica,
            {
                "partner": "a" if replica.startswith("alex") else "b",
                "device": replica,
                "machine": f"sample-{replica}",
            },
        )
        for replica in REPLICAS
    }
    for replica, writer in writers.items():
        writer.ensure("core")
        for (owner, shard), records in sorted(grouped.items()):
            if owner == replica:
                # The device's wall clock as it wrote this file: its newest change, so the
                # same seed gives the same bytes.
                newest = max(stamp_millis(r.stamp) for r in records)
                writer.now_millis = _stopped_clock(newest)
                writer.write(shard, _latest_per_id(records))
        writer.close()
    return count


def _stopped_clock(millis: int) -> Callable[[], int]:
    """A wall clock that always says `millis`."""
    return lambda: millis


def _latest_per_id(records: list[Record]) -> list[Record]:
    """A replica's file holds one version per id: its newest."""
    newest: dict[str, Record] = {}
    for record in records:
        if record.id not in newest or record.version > newest[record.id].version:
            newest[record.id] = record
    return list(newest.values())


def sample_config(folder: Path, replica: str = "alex-laptop") -> LocalConfig:
    """Local settings for opening a sample folder as one of its devices."""
    return LocalConfig(folder, replica, "a" if replica.startswith("alex") else "b", replica)
