"""The devices writing to the folder, as doctor and the Sync screen show them: who they
are, whether two claim to be one, and whose clock runs ahead of whose."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.store.clocks import SKEW_TOLERANCE_MS, minutes_ahead, newest_arrivals
from tracker.store.files import LOG_DIR, FileRole, classify
from tracker.store.records import stamp_millis
from tracker.store.store import Store


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
    metas = ((path, seen.read.meta) for path, seen in store._seen.items())
    newest = newest_arrivals(store.replica_id, metas)
    found: list[Skew] = []
    ahead: dict[str, int] = {}
    for replica, (arrived, meta) in newest.items():
        minutes = minutes_ahead(meta, arrived)
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
