"""This installation's own files: the only files in the data folder it writes."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from tracker.store.files import (
    CORE,
    FILE_MODE,
    LOCK_NAME,
    LOG_DIR,
    META_TABLE,
    RECORDS_TABLE,
    REPLICAS_DIR,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    FileRead,
    make_private_dir,
    read_file,
)
from tracker.store.guards import permission_message
from tracker.store.records import Record


class ReadOnlyFile(Exception):
    """A write would overwrite a file we could not read or that a newer app wrote."""


class Busy(ReadOnlyFile):
    """Another Rekindle process of this device held the write lock for too long."""


LOCK_WAIT_S = 5.0


@contextlib.contextmanager
def replica_lock(folder: Path, wait_s: float | None = None) -> Iterator[None]:
    """Hold this replica's write lock: one read-modify-write at a time across processes.

    The app, a `rekindle tick` from a script and a browser session may all write
    this device's files at once; each holds the lock only around one re-read and
    rewrite, so a blocked writer waits a moment, then says so rather than lose.
    """
    try:
        make_private_dir(folder)
        fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, FILE_MODE)
    except PermissionError as error:
        raise not_saved(error, folder) from error
    try:
        _acquire(fd, LOCK_WAIT_S if wait_s is None else wait_s)
        try:
            yield
        except PermissionError as error:  # our own file or folder made read-only
            raise not_saved(error, folder) from error
        finally:
            _release(fd)
    finally:
        os.close(fd)


def not_saved(error: PermissionError, folder: Path) -> ReadOnlyFile:
    """A write this user may not make: said as a refusal to save, never as a crash."""
    where = Path(os.fsdecode(error.filename)) if error.filename else folder
    if where.name.startswith("."):  # our lock or temp file is no news: name its folder
        where = where.parent
    return ReadOnlyFile(f"Not saved: {permission_message(error, where)}")


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _release(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _acquire(fd: int, wait_s: float) -> None:
    deadline = time.monotonic() + wait_s
    pause = 0.001
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise Busy(
                "Not saved: another Rekindle on this computer is busy saving. "
                "Nothing was changed; try again in a moment."
            )
        time.sleep(pause)
        pause = min(pause * 2, 0.05)


def replica_dir(data_dir: Path, replica_id: str) -> Path:
    return data_dir / REPLICAS_DIR / replica_id


def shard_path(data_dir: Path, replica_id: str, shard: str) -> Path:
    base = replica_dir(data_dir, replica_id)
    if shard == CORE:
        return base / "core.json"
    return base / LOG_DIR / f"{shard}.json"


class _Shard:
    """One open TinyDB file with an index from record id to document id."""

    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        make_private_dir(path.parent)
        self.path = path
        self.meta = meta
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        # TinyDB types .storage as the Storage base, not the class it was given to build.
        self.storage: AtomicJSONStorage = self.db.storage  # type: ignore[assignment]
        self.table = self.db.table(RECORDS_TABLE, cache_size=0)
        self.doc_ids: dict[str, int] = {}
        self.next_doc_id = 1
        self._index()

    def _index(self) -> None:
        if not self.path.exists():
            # Every file carries its schema version and writer, from its first byte.
            self.db.table(META_TABLE, cache_size=0).insert(Document(self.meta, doc_id=1))
        self.doc_ids.clear()
        self.next_doc_id = 1
        for doc in self.table.all():
            self.doc_ids[str(doc.get("id"))] = doc.doc_id
            self.next_doc_id = max(self.next_doc_id, doc.doc_id + 1)

    def catch_up(self) -> None:
        """Another process of this device rewrote the file: read it again before writing.

        Called under the replica lock, so what we read is what we will rewrite."""
        if self.storage.changed_on_disk():
            self._index()

    def _doc_id(self, record_id: str) -> int:
        doc_id = self.doc_ids.get(record_id)
        if doc_id is None:
            doc_id = self.doc_ids[record_id] = self.next_doc_id
            self.next_doc_id += 1
        return doc_id

    def note_clock(self, clock: dict[str, Any]) -> None:
        """Say in the file's meta what this device's wall clock read when it wrote, and whose
        clocks it saw running ahead: how the partner's device learns that *its* clock is off."""
        tables = self.storage.read()
        meta = (tables or {}).get(META_TABLE, {}).get("1")
        if isinstance(meta, dict):
            meta.update(clock)

    def put_many(self, records: list[Record]) -> None:
        """Records in a single rewrite of the file, straight into the storage's tables:
        TinyDB's own upsert copies the whole table twice per call, which on a month of
        ticks cost about as much as the record's own JSON."""
        tables = self.db.storage.read() or {}
        table = tables.setdefault(RECORDS_TABLE, {})
        for record in records:
            table[str(self._doc_id(record.id))] = record.to_doc()
        self.db.storage.write(tables)


class ReplicaWriter:
    """Writes this replica's records into its core file and month shards."""

    def __init__(self, data_dir: Path, replica_id: str, meta: dict[str, Any]) -> None:
        self.data_dir = data_dir
        self.replica_id = replica_id
        self.meta = {**meta, "schema": SCHEMA_VERSION, "replica": replica_id}
        self._shards: dict[str, _Shard] = {}
        self._blocked: dict[str, FileRead] = {}
        self.now_millis: Callable[[], int] = lambda: time.time_ns() // 1_000_000
        self.ahead: dict[str, int] = {}  # replica → minutes its clock runs ahead of ours

    def clock_note(self) -> dict[str, Any]:
        return {"clock": self.now_millis(), "ahead": dict(self.ahead)}

    def block(self, shard: str, reason: FileRead) -> None:
        """Never write this shard: we could not read it, or a newer app owns it."""
        self._blocked[shard] = reason
        self._shards.pop(shard, None)

    def path(self, shard: str) -> Path:
        return shard_path(self.data_dir, self.replica_id, shard)

    def _open(self, shard: str) -> _Shard:
        if shard in self._blocked:
            reason = self._blocked[shard]
            raise ReadOnlyFile(f"Not saved: {reason.explain()}. Run `rekindle doctor`.")
        opened = self._shards.get(shard)
        if opened is None:
            path = self.path(shard)
            if path.exists():
                # Check before TinyDB touches it: a bad file must stay as it is.
                found = read_file(path)
                if not found.writable:
                    self.block(shard, found)
                    return self._open(shard)
            opened = self._shards[shard] = _Shard(path, self.meta)
        return opened

    def ensure(self, shard: str) -> None:
        """Create the shard file (with its meta) if it is not there yet."""
        self._open(shard)

    def write(self, shard: str, records: list[Record]) -> None:
        """Write versions into a shard; the caller holds the replica lock."""
        if not records:
            return
        opened = self._open(shard)
        opened.catch_up()
        opened.note_clock(self.clock_note())
        opened.put_many(records)

    def close(self) -> None:
        for opened in self._shards.values():
            opened.db.close()
        self._shards.clear()


def why_not_saved(error: Exception) -> str:
    """The sentence for a write that failed: a refusal says its own; an OS error says what
    the system said, with the path and fix when it is about permissions."""
    if isinstance(error, ReadOnlyFile):
        return str(error)
    if isinstance(error, PermissionError):
        return f"Not saved: {permission_message(error)}"
    if isinstance(error, OSError) and error.strerror:
        where = f" ({error.filename})" if error.filename else ""
        return f"Not saved: {error.strerror}{where}. Nothing was changed."
    return f"Not saved: {error}"
