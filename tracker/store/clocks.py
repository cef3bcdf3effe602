"""What other devices' files say about their clocks, noted as they arrive.

Below the store: it calls this on every refresh, and `devices` (doctor's view of
who writes to the folder) builds on the same reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tracker.store.files import LOG_DIR, FileRole, classify
from tracker.store.replica import ReplicaWriter

# A change stamped this far ahead of our clock means someone's clock is off.
SKEW_TOLERANCE_MS = 10 * 60 * 1000


def note_arrivals(
    writer: ReplicaWriter, own_replica: str, arrived: Iterable[tuple[Path, dict[str, Any]]]
) -> None:
    """What files that just arrived say of their writers' clocks, kept for our next write.

    Only the files read now are looked at, so a refresh after a partner's tick costs
    a stat or two, not a walk over the whole history (that is doctor's clock_skew)."""
    for replica, (when, meta) in newest_arrivals(own_replica, arrived).items():
        minutes = minutes_ahead(meta, when)
        if minutes is None:
            writer.ahead.pop(replica, None)
        else:
            writer.ahead[replica] = minutes


def newest_arrivals(
    own_replica: str, files: Iterable[tuple[Path, dict[str, Any]]]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Per other replica, its most recently arrived main file that notes a clock:
    (when it landed here, by our clock; its meta)."""
    newest: dict[str, tuple[int, dict[str, Any]]] = {}
    for path, meta in files:
        replica = path.parent.parent.name if path.parent.name == LOG_DIR else path.parent.name
        if replica == own_replica or classify(path.name)[0] is not FileRole.MAIN:
            continue
        if "clock" not in meta:
            continue
        try:
            arrived = path.stat().st_ctime_ns // 1_000_000
        except OSError:
            continue
        if replica not in newest or arrived > newest[replica][0]:
            newest[replica] = (arrived, meta)
    return newest


def minutes_ahead(meta: dict[str, Any], arrived: int) -> int | None:
    clock = meta.get("clock")
    if type(clock) is int and clock - arrived > SKEW_TOLERANCE_MS:
        return (clock - arrived) // 60000
    return None
