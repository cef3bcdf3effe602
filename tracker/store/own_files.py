"""This device's own files, tidied on open: a sync tool's conflict copies of them folded
back in, and the temp files a killed write left behind removed."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from pathlib import Path

from tracker.store.files import LOG_DIR, FileRole, Seen, classify, read_file
from tracker.store.merge import merge_pair
from tracker.store.records import Record
from tracker.store.replica import ReadOnlyFile, ReplicaWriter, replica_lock

# How the store remembers what it wrote itself: (shard, records).
Wrote = Callable[[str, list[Record]], None]

# What files.atomic_write leaves when killed midway (a sync tool's own temp files differ).
OWN_TEMP_RE = re.compile(r"^\.(?:core|\d{4}-\d{2})\.json\.[^.]+\.tmp$")


def tidy_own_files(
    own: Path, seen: dict[Path, Seen], temp_files: list[Path], writer: ReplicaWriter, wrote: Wrote
) -> list[Path]:
    """Our own file got a sync tool's conflict copy: take its versions in, then remove it.

    Only the owner does this, and only into a main file it can write; the
    copy is deleted after its records are safely in the main file. `own` is this
    device's folder; `seen` and `temp_files` are the store's, updated here. Returns the
    copies folded in and removed.
    """
    copies = [
        (path, read)
        for path, read in sorted(seen.items())
        if path.parent in (own, own / LOG_DIR)
        and classify(path.name)[0] is FileRole.CONFLICT
        and read.read.writable
    ]
    leftovers = [p for p in temp_files if p.parent in (own, own / LOG_DIR)]
    folded: list[Path] = []
    if not copies and not leftovers:
        return folded
    try:
        with replica_lock(own):
            _remove_own_temp_files(temp_files, leftovers)
            _fold(seen, writer, wrote, copies, folded)
    except (ReadOnlyFile, OSError):
        # Busy (another process of ours is writing), or our folder is not ours to write
        # just now (doctor says why): the next open folds them.
        pass
    return folded


def _remove_own_temp_files(temp_files: list[Path], leftovers: list[Path]) -> None:
    """A write killed midway leaves its temp file: no write is running while we hold
    the lock, so every one of ours still there is such a leftover."""
    for path in leftovers:
        if OWN_TEMP_RE.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()
                temp_files.remove(path)


def _fold(
    seen: dict[Path, Seen],
    writer: ReplicaWriter,
    wrote: Wrote,
    copies: list[tuple[Path, Seen]],
    folded: list[Path],
) -> None:
    # What each main file holds, kept current as copies are folded in one by one, so
    # an older copy folded after a newer one can never overwrite it.
    holds: dict[Path, dict[str, Record]] = {}
    for path, copy in copies:
        main_path = path.parent / classify(path.name)[1]
        if main_path not in holds:
            mine = read_file(main_path) if main_path.exists() else None
            holds[main_path] = {r.id: r for r in mine.records} if mine else {}
        current = holds[main_path]
        newer = []
        for r in copy.read.records:
            held = current.get(r.id)
            merged = r if held is None else merge_pair(held, r)
            if held is None or merged != held:
                newer.append(merged)
        try:
            writer.write(main_path.stem, newer)
        except (ReadOnlyFile, OSError):
            continue
        wrote(main_path.stem, newer)
        current.update((r.id, r) for r in newer)
        with contextlib.suppress(OSError):
            path.unlink()
            folded.append(path)
        seen.pop(path, None)
