"""The files in the data folder: naming, atomic writes, and careful reading.

Nothing here ever overwrites a file it could not read: a torn, garbled or
newer-version file stays byte-for-byte as it is, and the reason is reported.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
from enum import StrEnum
from pathlib import Path
from typing import Any

import msgspec
from msgspec import field
from tinydb.storages import Storage

from tracker.store.decode import Refused, decode_file
from tracker.store.guards import MAX_FILE_BYTES, too_deep
from tracker.store.records import Record, why_not_a_record

SCHEMA_VERSION = 1
RECORDS_TABLE = "records"
META_TABLE = "meta"
CORE = "core"
CORE_FILE = f"{CORE}.json"
REPLICAS_DIR = "replicas"
LOG_DIR = "log"
LOCK_NAME = ".rekindle.lock"  # a dot name: sync tools' ignore lists pass over it too
DIR_MODE = 0o700
FILE_MODE = 0o600

_SHARD_RE = re.compile(r"^(?:core|\d{4}-\d{2})\.json$")
# Syncthing: NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT
_SYNCTHING_CONFLICT_RE = re.compile(
    r"^(?P<stem>.+?)\.sync-conflict-\d{8}-\d{6}-\w+(?P<ext>\.\w+)?$"
)
# Dropbox and friends: NAME (Sam's conflicted copy 2026-11-25).EXT, NAME (1).EXT is not ours
_DROPBOX_CONFLICT_RE = re.compile(r"^(?P<stem>.+?) \([^()]*conflicted copy[^()]*\)(?P<ext>\.\w+)?$")


class FileRole(StrEnum):
    MAIN = "main"  # a replica's own core.json or log/YYYY-MM.json
    CONFLICT = "conflict copy"  # a sync tool's extra version of a main file
    TEMP = "temporary"  # a sync tool's or our own half-written file: never read
    OTHER = "unknown"  # not ours: left alone
    LOCK = "lock"  # this replica's write lock (replica.replica_lock): never read


def classify(name: str) -> tuple[FileRole, str]:
    """What a file in a replica folder is, and the main file name it belongs to."""
    if name == LOCK_NAME:
        return FileRole.LOCK, name
    if name.startswith((".", "~")) or name.endswith(".tmp"):
        return FileRole.TEMP, name
    if _SHARD_RE.match(name):
        return FileRole.MAIN, name
    for pattern in (_SYNCTHING_CONFLICT_RE, _DROPBOX_CONFLICT_RE):
        match = pattern.match(name)
        if match:
            base = match["stem"] + (match["ext"] or "")
            if _SHARD_RE.match(base):
                return FileRole.CONFLICT, base
    return FileRole.OTHER, name


class Problem(StrEnum):
    EMPTY = "empty"
    UNREADABLE = "unreadable"
    NOT_OURS = "not a Rekindle file"
    NEWER = "newer version"
    DAMAGED = "damaged entries"
    TOO_BIG = "too big"
    TOO_DEEP = "nested too deeply"
    NO_ACCESS = "no permission"
    LINK = "a link"


PROBLEM_ADVICE = {
    Problem.EMPTY: "it is empty, probably still arriving from the other device",
    Problem.UNREADABLE: "it does not parse (cut short or damaged); it is left untouched",
    Problem.NOT_OURS: "it is not laid out like a Rekindle file; it is left untouched",
    Problem.NEWER: "a newer Rekindle wrote it; it is read but never written until you update",
    Problem.DAMAGED: "some entries in it are damaged; the rest are read and the file is left "
    "untouched",
    Problem.TOO_BIG: f"it is bigger than any Rekindle file can be (over "
    f"{MAX_FILE_BYTES // 2**20} MB); it is not read and left untouched",
    Problem.TOO_DEEP: "it is nested far deeper than any Rekindle file; it is not read and "
    "left untouched",
    Problem.NO_ACCESS: "this user is not allowed to read it (permission denied); it is left "
    "untouched",
    Problem.LINK: "it is a link to somewhere else, and links in the data folder are never "
    "followed; it is left untouched",
}


class FileRead(msgspec.Struct):
    """What reading one file gave: its records, its meta, and what was wrong."""

    path: Path
    records: list[Record] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    problem: Problem | None = None
    detail: str = ""
    skipped_records: int = 0
    # Entries that are not records at all (a stamp in no valid form, no id ...): each
    # as (record id or "", part, what is wrong), so doctor can name them.
    damaged: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def writable(self) -> bool:
        return self.problem is None

    def explain(self) -> str:
        if self.problem is None:
            return "ok"
        text = f"{self.path.name}: {PROBLEM_ADVICE[self.problem]}"
        return f"{text} ({self.detail})" if self.detail else text


class Seen(msgspec.Struct):
    """A file as last read: its (size, mtime) signature, to tell when it changed, and what
    reading it gave."""

    signature: tuple[int, int]
    read: FileRead


def parse_file(path: Path, raw: bytes) -> FileRead:
    result = FileRead(path)
    if not raw.strip():
        result.problem = Problem.EMPTY
        return result
    try:
        records, meta_table = decode_file(raw)
    except Refused:
        return _parse_carefully(result, raw)
    _take_meta(result, meta_table)
    result.records = records
    return result


def _take_meta(result: FileRead, meta_table: Any) -> None:
    meta: object = next(iter(meta_table.values()), {}) if isinstance(meta_table, dict) else {}
    result.meta = meta if isinstance(meta, dict) else {}
    schema = result.meta.get("schema", SCHEMA_VERSION)
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        result.problem = Problem.NEWER
        result.detail = f"schema {schema}, this app reads up to {SCHEMA_VERSION}"


def _parse_carefully(result: FileRead, raw: bytes) -> FileRead:
    """Entry by entry, so one bad entry costs only itself and the reason is reported."""
    try:
        content = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        result.problem = Problem.UNREADABLE
        result.detail = str(error)[:120]
        return result
    if (
        not isinstance(content, dict)
        or not (RECORDS_TABLE in content or META_TABLE in content)
        or not isinstance(content.get(RECORDS_TABLE, {}), dict)
    ):
        result.problem = Problem.NOT_OURS
        return result
    _take_meta(result, content.get(META_TABLE) or {})
    for doc in content.get(RECORDS_TABLE, {}).values():
        record = Record.from_doc(doc) if isinstance(doc, dict) else None
        if record is None:
            result.skipped_records += 1
            part, why = why_not_a_record(doc)
            rid = doc.get("id") if isinstance(doc, dict) else None
            result.damaged.append((rid if isinstance(rid, str) else "", part, why))
            if not isinstance(doc, dict) and result.problem is None:
                # The good entries are read; rewriting would trip over (or drop) the bad one.
                result.problem = Problem.DAMAGED
        else:
            result.records.append(record)
    return result


# Never follow a link at the file itself (the folders above are checked by the scan);
# never wait on a pipe someone named like a shard.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)


def refusal(path: Path, error: OSError) -> FileRead:
    """What an OS refusal to open or list `path` means for the person."""
    if isinstance(error, PermissionError):
        return FileRead(path, problem=Problem.NO_ACCESS)
    if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
        return FileRead(path, problem=Problem.LINK)
    return FileRead(path, problem=Problem.UNREADABLE, detail=error.strerror or str(error))


def read_file(path: Path) -> FileRead:
    """Read and parse one file, after the checks no decoder should have to survive:
    not a link, a plain file, not too big (by its size, before reading), not too deep."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return refusal(path, error)
    try:
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                return FileRead(path, problem=Problem.NOT_OURS, detail="not a plain file")
            if info.st_size > MAX_FILE_BYTES:
                return FileRead(path, problem=Problem.TOO_BIG, detail=_megabytes(info.st_size))
            raw = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since the stat
    except OSError as error:
        return refusal(path, error)
    if len(raw) > MAX_FILE_BYTES:
        return FileRead(path, problem=Problem.TOO_BIG, detail=_megabytes(len(raw)))
    if too_deep(raw):
        return FileRead(path, problem=Problem.TOO_DEEP)
    try:
        return parse_file(path, raw)
    except RecursionError:  # deep nesting the cheap check could not see
        return FileRead(path, problem=Problem.TOO_DEEP)


def _megabytes(size: int) -> str:
    return f"{size / 2**20:,.0f} MB"


def folder_entries(
    folder: Path, refused: list[FileRead], must: bool = False
) -> list[os.DirEntry[str]]:
    """A folder's entries by name; a folder this user may not list is reported (or, with
    `must`, its PermissionError raised: nothing could be read at all)."""
    try:
        with os.scandir(folder) as found:
            return sorted(found, key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:
        if must:
            raise
        refused.append(refusal(folder, error))
        return []


def fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows).
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sha256_hex(text: str) -> str:
    """SHA-256 of `text` in hex, from CPython's own sha256 when it has one: hashlib loads
    OpenSSL first, a few milliseconds every tick from the command line pays for."""
    import importlib

    for builtin in ("_sha256", "_sha2"):  # CPython 3.11; 3.12 and later
        try:
            return str(importlib.import_module(builtin).sha256(text.encode()).hexdigest())
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256(text.encode()).hexdigest()


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def atomic_write(path: Path, payload: bytes, durable: bool = True) -> None:
    """temp file → fsync → os.replace → fsync of the folder.

    A crash or kill -9 at any moment leaves either the old file or the new
    one, never a torn one. The temp name starts with a dot and ends in .tmp
    so readers and sync tools' ignore lists pass over it. Not `durable` (a local
    cache that is built again whenever it cannot be read): no fsync, so after a
    power cut the file may be old, empty or unreadable.
    """
    # As tempfile.mkstemp would name it (O_EXCL, 0600), without importing tempfile and with
    # it shutil and random: a tick from the command line pays for every import.
    tmp_name = str(path.parent / f".{path.name}.{os.urandom(6).hex()}.tmp")
    fd = os.open(tmp_name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.chmod(tmp_name, FILE_MODE)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        fsync_dir(path.parent)


def make_private_dir(path: Path) -> None:
    """Create the folder and any missing parents as 0700 (mkdir's mode skips parents)."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=DIR_MODE, exist_ok=True)
        with contextlib.suppress(OSError):
            os.chmod(folder, DIR_MODE)


def _load_json(raw: bytes) -> Any:
    """msgspec is about twice as fast as json; json still reads what it refuses (NaN)."""
    try:
        return msgspec.json.decode(raw)
    except msgspec.DecodeError:
        return json.loads(raw)


class AtomicJSONStorage(Storage):
    """TinyDB storage for a file only this replica writes.

    TinyDB reads the whole file before every operation; as the only writer we
    keep the last state in memory instead of parsing the shard again.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._cache: dict[str, Any] | None = None
        # The file as we last read or wrote it: another process of this device may
        # have replaced it since (every write is a rename, so the inode changes).
        self._signature: tuple[int, int, int] | None = None

    def _disk_signature(self) -> tuple[int, int, int] | None:
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return (stat.st_size, stat.st_mtime_ns, stat.st_ino)

    def changed_on_disk(self) -> bool:
        """Forget what we hold if the file is no longer the one we last read or wrote."""
        if self._cache is None or self._disk_signature() == self._signature:
            return False
        self._cache = None
        return True

    def read(self) -> dict[str, Any] | None:
        if self._cache is None:
            self._signature = self._disk_signature()
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self._cache = _load_json(raw) if raw.strip() else None
        return self._cache

    def dumps(self, data: dict[str, Any]) -> bytes:
        """The compact text json.dumps(ensure_ascii=False) gives, ten times faster (0.05 ms
        for a month of ticks against 0.5 ms). JSON has no NaN: a non-finite number, which
        only a hand edit could put in our own file, is written as null, as readers expect."""
        return msgspec.json.encode(data)

    def write(self, data: dict[str, Any]) -> None:
        payload = self.dumps(data)
        try:
            atomic_write(self.path, payload)
        except BaseException:
            self._cache = None  # memory may now be ahead of the disk: re-read next time
            raise
        self._cache = data
        self._signature = self._disk_signature()

    def close(self) -> None:
        self._cache = None
