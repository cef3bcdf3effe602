"""The devices writing to the folder, as doctor and the Sync screen show them: who they
are, whether two claim to be one, and whose clock runs ahead of whose."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tracker.store.files import LOG_DIR, FileRole, classify
from tracker.store.records import stamp_millis

if TYPE_CHECKING:
    from tracker.store.store import Store

# A change stamped this far ahead of our clock means someone's clock is off.
SKEW_TOLERANCE_MS = 10 * 60 * 1000


@dataclass(slots=True)
class ReplicaInfo:
    replica_id: str
    partner: str = ""
    device: str = ""
    machine: str = ""
    files: int = 0
    records: int = 0
    last_write_ms: int = 0  # newest stamp written by this replica
    conflict_copies: list[Path] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Skew:
    """`replica`'s clock runs `minutes` ahead of `noticed_by`'s."""

    replica: str
    minutes: int
    noticed_by: str


def replicas(store: Store) -> dict[str, ReplicaInfo]:
    infos: dict[str, ReplicaInfo] = {}
    for path, seen in store._seen.items():
        replica = path.parent.parent.name if path.parent.name == LOG_DIR else path.parent.name
        info = infos.setdefault(replica, ReplicaInfo(replica))
        info.files += 1
        if path.name == "core.json" and seen.read.meta:
            meta = seen.read.meta
            info.partner = str(meta.get("partner", ""))
            info.device = str(meta.get("device", ""))
            info.machine = str(meta.get("machine", ""))
        if classify(path.name)[0] is FileRole.CONFLICT:
            info.conflict_copies.append(path)
    for record in store.state.values():
        info = infos.setdefault(record.replica, ReplicaInfo(record.replica))
        info.records += 1
        info.last_write_ms = max(info.last_write_ms, stamp_millis(record.stamp))
    return dict(sorted(infos.items()))


def replica_clash(store: Store) -> str | None:
    """Another device writing as us (a copied config): the device it says it is."""
    own = store._seen.get(store._own_main_path("core.json"))
    if own is None or not own.read.meta:
        return None
    machine = own.read.meta.get("machine")
    if machine and store.meta.get("machine") and machine != store.meta["machine"]:
        return str(own.read.meta.get("device") or "another device")
    return None


def clock_skew(store: Store) -> list[Skew]:
    """Whose clock runs ahead of whose, as far as this device can tell.

    Another device's clock: what its newest file says its wall clock read when it
    wrote, against when that file landed here (our clock); the delivery delay only
    makes this smaller, so "ahead" is never overstated. Files from before this was
    recorded fall back to stamps in our future. This device's own clock: what the
    other devices wrote in their files about us. What we find is written into our
    next file, so the other side learns it too.
    """
    now = store._now()
    newest = _newest_arrivals(store, ((p, seen.read.meta) for p, seen in store._seen.items()))
    found: list[Skew] = []
    ahead: dict[str, int] = {}
    for replica, (arrived, meta) in newest.items():
        minutes = _minutes_ahead(meta, arrived)
        if minutes is not None:
            ahead[replica] = minutes
        said = meta.get("ahead")
        minutes = said.get(store.replica_id) if isinstance(said, dict) else None
        if type(minutes) is int and minutes * 60000 > SKEW_TOLERANCE_MS:
            found.append(Skew(store.replica_id, minutes, replica))
    for record in store.state.values():
        if record.replica == store.replica_id or record.replica in newest:
            continue  # ours, or judged above from the file's own clock
        delta = stamp_millis(record.stamp) - now
        if delta > SKEW_TOLERANCE_MS:
            ahead[record.replica] = max(ahead.get(record.replica, 0), delta // 60000)
    store.writer.ahead = ahead
    found.extend(Skew(replica, minutes, store.replica_id) for replica, minutes in ahead.items())
    return sorted(found, key=lambda s: (s.replica, s.noticed_by))


def note_arrivals(store: Store, arrived: Iterable[tuple[Path, dict[str, Any]]]) -> None:
    """What files that just arrived say of their writers' clocks, kept for our next write.

    Only the files read now are looked at, so a refresh after a partner's tick costs
    a stat or two, not a walk over the whole history (that is doctor's clock_skew)."""
    for replica, (when, meta) in _newest_arrivals(store, arrived).items():
        minutes = _minutes_ahead(meta, when)
        if minutes is None:
            store.writer.ahead.pop(replica, None)
        else:
            store.writer.ahead[replica] = minutes


def _newest_arrivals(
    store: Store, files: Iterable[tuple[Path, dict[str, Any]]]
) -> dict[str, tuple[int, dict[str, Any]]]:
    """Per other replica, its most recently arrived main file that notes a clock:
    (when it landed here, by our clock; its meta)."""
    newest: dict[str, tuple[int, dict[str, Any]]] = {}
    for path, meta in files:
        replica = path.parent.parent.name if path.parent.name == LOG_DIR else path.parent.name
        if replica == store.replica_id or classify(path.name)[0] is not FileRole.MAIN:
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


def _minutes_ahead(meta: dict[str, Any], arrived: int) -> int | None:
    clock = meta.get("clock")
    if type(clock) is int and clock - arrived > SKEW_TOLERANCE_MS:
        return (clock - arrived) // 60000
    return None
