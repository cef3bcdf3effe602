"""A local, never-synced copy of the merged state, so opening years of history is quick.

Keyed by every file's size and mtime: on open, only files that changed since
are read again. It lives with this device's settings, not in the shared
folder, and can be deleted at any time: the files remain the truth.
"""

from __future__ import annotations

import gc
import os
import pickle
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec

from tracker.store.files import (
    CORE_FILE,
    FileRead,
    atomic_write,
    classify,
    make_private_dir,
    sha256_hex,
)
from tracker.store.merge import merge_into
from tracker.store.records import Record

CACHE_VERSION = 6  # 4: records carry per-field versions; 5: files keep their damaged entries;
# 6: records are msgspec Structs (pickled as a constructor call)
# Saving costs about as much as reading this many records from the files.
CACHE_WORTH = 5000
# A file changed this recently is kept as if never seen, so it is read again next time:
# some file systems keep mtimes to the second (or two), and a second change of the same
# size within that time would otherwise look like no change at all (git's "racy clean").
RACY_NS = 3_000_000_000
UNSETTLED = -1  # the mtime kept for such a file: no real signature matches it


def settled(signature: tuple[int, int], now_ns: int) -> tuple[int, int]:
    """The (size, mtime_ns) to keep for a file, seen at `now_ns`."""
    size, mtime = signature
    return signature if mtime < now_ns - RACY_NS else (size, UNSETTLED)


# (size, mtime_ns), meta, the entries that were not records (see FileRead.damaged)
FileInfo = tuple[tuple[int, int], dict[str, Any], list[tuple[str, str, str]]]


class Cached(msgspec.Struct):
    state: dict[str, Record]
    files: dict[Path, FileInfo]
    newest: str  # the stamp this replica's clock had reached


@contextmanager
def paused_gc() -> Iterator[None]:
    """Tens of thousands of new objects, none of them in a cycle: without this the
    collector runs over the whole heap again and again while they arrive (measured:
    opening the cache took twice as long in a process that already held a lot)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def device_file(data_dir: Path, replica_id: str, place: str, folder: str = "") -> Path:
    """A file this device keeps for itself about one data folder (never synced): under the
    cache folder (``place`` "cache": what can be built again) or the state folder ("state":
    what this device remembers), named by the folder and this device's replica."""
    override = os.environ.get("REKINDLE_CONFIG")
    if override:
        base = Path(override) / place
    else:
        import platformdirs

        found = platformdirs.user_cache_dir if place == "cache" else platformdirs.user_state_dir
        base = Path(found("rekindle"))
    key = sha256_hex(str(data_dir.resolve()))[:16]
    return base / folder / f"{key}-{replica_id}"


def cache_file(data_dir: Path, replica_id: str) -> Path:
    return device_file(data_dir, replica_id, "cache").with_suffix(".pickle")


def core_cache_file(path: Path) -> Path:
    """Beside the cache of everything: the cache of the core files alone."""
    return path.with_suffix(".core")


def core_reads(
    cached: dict[str, Record], reads: list[tuple[Path, tuple[int, int], FileRead]]
) -> dict[str, Record] | None:
    """What the core files merge to: the cached core state with the core files just read
    merged in; None when no core file was read (the cache is still right)."""
    fresh = [read.records for path, _, read in reads if classify(path.name)[1] == CORE_FILE]
    if not fresh:
        return None
    merged = dict(cached)
    for records in fresh:
        merge_into(merged, records)
    return merged


def save_cache(
    path: Path, state: dict[str, Record], files: dict[Path, FileInfo], newest: str
) -> None:
    """`newest`: the stamp this replica's clock had reached (its own stamps included)."""
    now = time.time_ns()
    payload = {
        "version": CACHE_VERSION,
        "files": {str(p): (settled(sig, now), *rest) for p, (sig, *rest) in files.items()},
        "records": list(state.values()),  # unpickled straight into Records, no copies
        "newest": newest,
    }
    make_private_dir(path.parent)
    atomic_write(path, pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


def load_cache(path: Path) -> Cached | None:
    """The cached state, or None if there is none or it is from another version."""
    try:
        # Our own file in this user's private folder, written by save_cache above.
        with path.open("rb") as handle, paused_gc():  # streamed, and no GC passes midway
            payload = pickle.load(handle)
        if payload.get("version") != CACHE_VERSION:
            return None
        state = {record.id: record for record in payload.pop("records")}
        files = {
            Path(p): (tuple(sig), meta, damaged)
            for p, (sig, meta, damaged) in payload["files"].items()
        }
        return Cached(state, files, payload["newest"])
    except (
        OSError,
        pickle.UnpicklingError,
        EOFError,
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
    ):
        return None
