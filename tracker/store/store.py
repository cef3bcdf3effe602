"""The data folder as one merged, versioned key-value state.

Reads every replica's files (its own and the partner's, conflict copies
included), merges them, and writes changes only into this replica's files.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Collection, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgspec
from msgspec import field

from tracker.store.batch import Batch
from tracker.store.cache import (
    CACHE_WORTH,
    cache_file,
    core_cache_file,
    core_reads,
    load_cache,
    paused_gc,
    save_cache,
)
from tracker.store.clocks import note_arrivals
from tracker.store.files import (
    CORE,
    CORE_FILE,
    LOG_DIR,
    FileRead,
    FileRole,
    Problem,
    Seen,
    classify,
    make_private_dir,
    read_file,
)
from tracker.store.merge import merge_into, next_version, rebase
from tracker.store.own_files import tidy_own_files
from tracker.store.records import DELETED, HybridClock, Record
from tracker.store.replica import ReadOnlyFile, ReplicaWriter, replica_dir, replica_lock
from tracker.store.shards import shard_of
from tracker.store.walk import walk

__all__ = ["ReadOnlyFile", "Store", "shard_of"]


class Scan(msgspec.Struct):
    """What a look at the folder found: changed files read, temp and stray files listed."""

    reads: list[tuple[Path, tuple[int, int], FileRead]] = field(default_factory=list)
    present: set[Path] = field(default_factory=set)
    temp: list[Path] = field(default_factory=list)
    other: list[Path] = field(default_factory=list)
    # Links, and folders this user may not list: reported, never followed or read.
    refused: list[FileRead] = field(default_factory=list)


class Store:
    def __init__(
        self,
        data_dir: Path,
        replica_id: str,
        meta: Mapping[str, Any] | None = None,
        now_millis: Callable[[], int] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.replica_id = replica_id
        self.meta = dict(meta or {})
        self._now = now_millis or (lambda: time.time_ns() // 1_000_000)
        self.clock = HybridClock(self._now)
        self.writer = ReplicaWriter(self.data_dir, replica_id, self.meta)
        self.writer.now_millis = self._now
        self.state: dict[str, Record] = {}
        self._seen: dict[Path, Seen] = {}
        self.temp_files: list[Path] = []
        self.other_files: list[Path] = []
        self.refused: list[FileRead] = []
        self.folded: list[Path] = []
        self.generation = 0  # bumped on every change to the merged state, for views to cache by
        self.changes: list[Record] = []  # every version that won, in order, for views to follow
        self.epoch = 0  # bumped when the state is rebuilt from scratch
        self.complete = False  # has every file been read (not just recent months)?
        self.months_read: frozenset[str] = frozenset()  # until complete: which months were
        self._cache_debt = 0  # records read from files since the cache was saved
        self._batch: Batch | None = None  # puts held back by together()
        # What the core files alone merge to, when some months were read and a core file
        # among them came from disk (so the cache of the core files is worth saving).
        self._core: dict[str, Record] | None = None

    # -- reading ---------------------------------------------------------

    def load(
        self, months: Collection[str] | None = None, use_cache: bool = True, fold: bool = True
    ) -> None:
        """Read the folder from scratch (or from the local cache, then what changed).

        With `months` (like {"2026-11"}), only core files and those month shards
        are read: enough for a first screen; `refresh()` later reads the rest.
        """
        self._seen.clear()
        self.state = {}
        self.generation += 1
        self.epoch += 1
        self.changes = []
        self.complete = months is None
        self.months_read = frozenset(months or ())
        self._core = None
        # All of it from the cache of everything; some months, from the cache of the core
        # files (the habits, people and plans: what a tick needs besides its month).
        path = self._cache_file() if months is None else core_cache_file(self._cache_file())
        cached = load_cache(path) if use_cache else None
        if cached is not None:
            self.state = cached.state
            self._seen = {
                p: Seen(sig, FileRead(p, meta=meta, damaged=damaged))
                for p, (sig, meta, damaged) in cached.files.items()
            }
            self.clock.observe(cached.newest, own=True)  # what our own clock had reached
            scan = self.read_changes(months)
            if not scan.present >= set(self._seen):
                # A file went away (a device removed, a copy folded): start from the files.
                self._seen.clear()
                self.state = {}
                cached = None
        if cached is None:
            scan = self.read_changes(months)
        self._cache_debt = sum(len(read.records) for _, _, read in scan.reads)
        if months is not None:
            self._core = core_reads(self.state, scan.reads)
        self.apply(scan, drop_missing=months is None)
        if months is None and fold:
            self._fold_own_conflicts()

    def adopt(self, fresh: Store) -> list[Record]:
        """Take over a full load made by a worker thread, then catch up on what changed since.

        The worker's store must have loaded with fold=False: only this store's
        writer may write our files, or two TinyDB caches would disagree.
        """
        self.state, self._seen = fresh.state, fresh._seen
        self.temp_files, self.other_files = fresh.temp_files, fresh.other_files
        self.refused = fresh.refused
        self.clock.observe(fresh.clock.latest())
        self.epoch += 1
        self.generation += 1
        self.changes = []
        self.complete = True
        self._cache_debt = fresh._cache_debt
        caught_up = self.apply(self.read_changes())
        self._fold_own_conflicts()
        return caught_up

    def refresh(self) -> list[Record]:
        """Re-read only files whose size or mtime changed; return new winners."""
        scan = self.read_changes()
        if not self.complete:
            self.complete = True
        return self.apply(scan)

    def read_changes(self, months: Collection[str] | None = None) -> Scan:
        """Read new and changed files (with `months`, only those month shards). Touches no
        state, so a worker thread may call it."""
        scan = Scan()
        for _replica, path, role, _main in walk(self.data_dir, scan.refused, months):
            if role is FileRole.LOCK:
                continue
            if role is FileRole.TEMP:
                scan.temp.append(path)
                continue
            if role is FileRole.OTHER:
                scan.other.append(path)
                continue
            scan.present.add(path)
            scan.reads.extend(self._read_if_changed(path))
        return scan

    def _read_if_changed(self, path: Path) -> list[tuple[Path, tuple[int, int], FileRead]]:
        """The file read again if its size or mtime moved since we last saw it (else [])."""
        try:
            stat = path.lstat()
        except OSError:
            return []
        signature = (stat.st_size, stat.st_mtime_ns)
        seen = self._seen.get(path)
        if seen is not None and seen.signature == signature:
            return []
        with paused_gc():
            return [(path, signature, read_file(path))]

    def apply(
        self, scan: Scan, drop_missing: bool = True, whole_folder: bool = True
    ) -> list[Record]:
        """Merge what a scan read into the state; return the versions that won."""
        winners: list[Record] = []
        for path, signature, found in scan.reads:
            won = merge_into(self.state, found.records)
            if won:
                winners.extend(won)
            if found.records:
                self.clock.observe(max(r.stamp for r in found.records), own=self._is_own(path))
            if classify(path.name)[0] is not FileRole.CONFLICT:
                found.records = []  # merged; only conflict copies are needed again, to fold
            self._seen[path] = Seen(signature, found)
        if winners:
            self.generation += 1
            self.changes.extend(winners)
        if not whole_folder:
            return winners  # one file caught up: the rest of the picture stands
        if drop_missing:
            for gone in set(self._seen) - scan.present:
                del self._seen[gone]
        self.temp_files, self.other_files = scan.temp, scan.other
        self.refused = scan.refused
        self._block_unwritable_own_files()
        theirs = [(path, read.meta) for path, _, read in scan.reads if not self._is_own(path)]
        if theirs:  # so our next write tells the others what we see
            note_arrivals(self.writer, self.replica_id, theirs)
        return winners

    # -- the local cache ---------------------------------------------------

    def _cache_file(self) -> Path:
        return cache_file(self.data_dir, self.replica_id)

    def save_cache(self, force: bool = False) -> bool:
        """Keep the merged state beside this device's settings, if it saves real work.

        Worth it after reading many records from the files; a few ticks since
        the last save are cheaper to re-read than to re-save.
        """
        if not self.complete:
            return self._save_core_cache()
        if not force and self._cache_debt < CACHE_WORTH:
            return False
        files = {
            p: (seen.signature, seen.read.meta, seen.read.damaged)
            for p, seen in self._seen.items()
            if seen.read.writable and classify(p.name)[0] is FileRole.MAIN
        }
        try:
            save_cache(self._cache_file(), self.state, files, self.clock.latest())
        except OSError:
            return False
        self._cache_debt = 0
        return True

    def _save_core_cache(self) -> bool:
        """After reading some months, keep what the core files merge to, if one of them was
        read from disk this time (a partner's edit, or no cache yet)."""
        if self._core is None:
            return False
        files = {
            p: (seen.signature, seen.read.meta, seen.read.damaged)
            for p, seen in self._seen.items()
            if seen.read.writable and classify(p.name) == (FileRole.MAIN, CORE_FILE)
        }
        try:
            save_cache(core_cache_file(self._cache_file()), self._core, files, self.clock.latest())
        except OSError:
            return False
        self._core = None
        return True

    def _is_own(self, path: Path) -> bool:
        own = replica_dir(self.data_dir, self.replica_id)
        return path.parent == own or path.parent.parent == own

    def _own_main_path(self, main: str) -> Path:
        return replica_dir(self.data_dir, self.replica_id) / main

    def _block_unwritable_own_files(self) -> None:
        own = replica_dir(self.data_dir, self.replica_id)
        for path, seen in self._seen.items():
            is_own_main = (
                path.parent in (own, own / LOG_DIR) and classify(path.name)[0] is FileRole.MAIN
            )
            if is_own_main and not seen.read.writable:
                self.writer.block(path.stem, seen.read)

    def _fold_own_conflicts(self) -> None:
        own = replica_dir(self.data_dir, self.replica_id)
        self.folded += tidy_own_files(own, self._seen, self.temp_files, self.writer, self._wrote)

    # -- the merged state ------------------------------------------------

    def get(self, record_id: str) -> Record | None:
        record = self.state.get(record_id)
        return None if record is None or record.deleted else record

    def live(self, kind: str | None = None) -> Iterator[Record]:
        for record in self.state.values():
            if not record.deleted and (kind is None or record.kind == kind):
                yield record

    # -- writing ---------------------------------------------------------

    def put(
        self,
        kind: str,
        record_id: str,
        data: Mapping[str, Any],
        *,
        deleted: bool = False,
        settle: Collection[str] = (),
    ) -> Record:
        """A new version in our own files, durable on return (inside `together()`, when it
        ends). Under the replica's lock the file is first caught up with what another process
        of ours wrote, so neither loses a save, and the version is stamped after all it replaces."""
        shard, batch = shard_of(kind, data), self._batch
        own = replica_dir(self.data_dir, self.replica_id)
        with replica_lock(own) if batch is None else contextlib.nullcontext():
            seen = self.state.get(record_id)
            if batch is None or batch.first_look(shard):
                self._catch_up(shard)
            current = self.state.get(record_id)
            data, deleted = rebase(data, deleted, seen, current)
            stamp = self.clock.after(current.stamp if current else None)
            record = next_version(
                current, record_id, kind, stamp, self.replica_id, data, deleted, settle
            )
            if batch is not None:
                batch.hold(shard, record, current)
            else:
                self.writer.write(shard, [record])
                self._wrote(shard, [record])
        merge_into(self.state, [record])
        self.generation += 1
        return record

    @contextlib.contextmanager
    def together(self) -> Iterator[None]:
        """Every put inside is saved as one, all or none (batch.py); nested, one batch."""
        if self._batch is not None:
            yield
            return
        self._batch = batch = Batch()
        own = replica_dir(self.data_dir, self.replica_id)
        try:
            with replica_lock(own), batch.undone_on_failure(self.state):
                yield
                batch.save(self.writer, self._wrote)
        finally:
            self._batch = None
            self.generation += 1

    def resolve(self, record_id: str, name: str, take_other: bool) -> Record:
        """Settle a field a concurrent edit overrode: take the other value, or keep this one."""
        current = self.state.get(record_id)
        lost = current.lost.get(name) if current is not None and current.lost else None
        if current is None or lost is None:
            raise KeyError(record_id, name)
        data, deleted = dict(current.data), current.deleted
        if take_other and name == DELETED:
            deleted = bool(lost.value) if lost.present else False
        elif take_other and lost.present:
            data[name] = lost.value
        elif take_other:
            data.pop(name, None)
        return self.put(current.kind, record_id, data, deleted=deleted, settle=[name])

    def _catch_up(self, shard: str) -> None:
        """Merge our own file as it is on disk now, if another process changed it."""
        reads = self._read_if_changed(self.writer.path(shard))
        if reads:
            self._keep_core(shard, reads[0][2].records)
            self.apply(Scan(reads=reads), whole_folder=False)

    def _wrote(self, shard: str, records: list[Record]) -> None:
        """Remember what we just wrote, so the next refresh need not read our own file back."""
        path = self.writer.path(shard)
        try:
            stat = path.stat()
        except OSError:
            return
        seen = self._seen.get(path)
        if seen is None:
            seen = self._seen[path] = Seen((0, 0), FileRead(path, meta=dict(self.writer.meta)))
        seen.signature = (stat.st_size, stat.st_mtime_ns)
        self.changes.extend(records)
        self._keep_core(shard, records)

    def _keep_core(self, shard: str, records: list[Record]) -> None:
        """What reached our core file after the load goes into the core files' merge too,
        or the cache of them would name the file's new signature beside old records."""
        if shard == CORE and self._core is not None:
            merge_into(self._core, records)

    def delete(self, record_id: str) -> Record | None:
        """A tombstone: the last version's data is kept, so it can be undone."""
        current = self.get(record_id)
        if current is None:
            return None
        return self.put(current.kind, record_id, current.data, deleted=True)

    def close(self) -> None:
        self.writer.close()

    # -- what doctor and the sync screen show -----------------------------

    def problems(self) -> list[FileRead]:
        found = [seen.read for seen in self._seen.values() if not seen.read.writable]
        return found + self.refused

    def ensure_replica(self) -> None:
        """Create our folder and core file (with its meta) if they are not there yet."""
        make_private_dir(self.data_dir)
        with replica_lock(replica_dir(self.data_dir, self.replica_id)):
            self.writer.ensure(CORE)
        self._wrote(CORE, [])

    def file_reads(self) -> list[tuple[Path, FileRead]]:
        """Every file read, with what reading it gave (for doctor)."""
        return [(path, seen.read) for path, seen in sorted(self._seen.items())]

    def problem_kinds(self) -> dict[Path, Problem]:
        return {read.path: read.problem for read in self.problems() if read.problem}
