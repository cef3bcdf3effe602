"""This device's own files, tidied on open: a sync tool's conflict copies of them folded
back in, and the temp files a killed write left behind removed."""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from tracker.store.files import LOG_DIR, FileRole, classify, read_file
from tracker.store.merge import merge_pair
from tracker.store.records import Record
from tracker.store.replica import ReadOnlyFile, replica_dir, replica_lock

if TYPE_CHECKING:
    from tracker.store.store import Store, _Seen

# What files.atomic_write leaves when killed midway (a sync tool's own temp files differ).
OWN_TEMP_RE = re.compile(r"^\.(?:core|\d{4}-\d{2})\.json\.[^.]+\.tmp$")


def tidy_own_files(store: Store) -> None:
    """Our own file got a sync tool's conflict copy: take its versions in, then remove it.

    Only the owner does this, and only into a main file it can write; the
    copy is deleted after its records are safely in the main file.
    """
    own = replica_dir(store.data_dir, store.replica_id)
    copies = [
        (path, seen)
        for path, seen in sorted(store._seen.items())
        if path.parent in (own, own / LOG_DIR)
        and classify(path.name)[0] is FileRole.CONFLICT
        and seen.read.writable
    ]
    leftovers = [p for p in store.temp_files if p.parent in (own, own / LOG_DIR)]
    if not copies and not leftovers:
        return
    try:
        with replica_lock(own):
            _remove_own_temp_files(store, leftovers)
            _fold(store, copies)
    except (ReadOnlyFile, OSError):
        # Busy (another process of ours is writing), or our folder is not ours to write
        # just now (doctor says why): the next open folds them.
        return


def _remove_own_temp_files(store: Store, leftovers: list[Path]) -> None:
    """A write killed midway leaves its temp file: no write is running while we hold
    the lock, so every one of ours still there is such a leftover."""
    for path in leftovers:
        if OWN_TEMP_RE.match(path.name):
            with contextlib.suppress(OSError):
                path.unlink()
                store.temp_files.remove(path)


def _fold(store: Store, copies: list[tuple[Path, _Seen]]) -> None:
    # What each main file holds, kept current as copies are folded in one by one, so
    # an older copy folded after a newer one can never overwrite it.
    holds: dict[Path, dict[str, Record]] = {}
    for path, seen in copies:
        main_path = path.parent / classify(path.name)[1]
        if main_path not in holds:
            mine = read_file(main_path) if main_path.exists() else None
            holds[main_path] = {r.id: r for r in mine.records} if mine else {}
        current = holds[main_path]
        newer = []
        for r in seen.read.records:
            held = current.get(r.id)
            merged = r if held is None else merge_pair(held, r)
            if held is None or merged != held:
                newer.append(merged)
        try:
            store.writer.write(main_path.stem, newer)
        except (ReadOnlyFile, OSError):
            continue
        store._wrote(main_path.stem, newer)
        current.update((r.id, r) for r in newer)
        with contextlib.suppress(OSError):
            path.unlink()
            store.folded.append(path)
        store._seen.pop(path, None)
