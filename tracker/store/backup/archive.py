"""One backup: a zip of every replica's files in the shared folder, with a manifest of
their sizes and SHA-256 sums inside, written atomically and checked after writing.

Zip, not tar.gz: anyone can open a zip on any computer without installing anything, each
member carries its own CRC and can be read alone, and a zip cut short loses its central
directory at the end, so a truncated file is noticed before anything is read from it.

What goes in: each replica's core.json and month files, and the conflict copies a sync
tool left beside them (they hold versions too), byte for byte as they are on disk, even a
file Rekindle cannot read. Not this device's own settings, caches or state (those live
outside the folder), nor locks, temp files or anything not Rekindle's.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import msgspec

from tracker.store.files import (
    CORE_FILE,
    LOG_DIR,
    REPLICAS_DIR,
    FileRead,
    FileRole,
    atomic_write,
    classify,
    fsync_dir,
    make_private_dir,
    refusal,
)
from tracker.store.guards import MAX_FILE_BYTES
from tracker.store.walk import walk

if TYPE_CHECKING:
    import zipfile

FORMAT: Final = "rekindle-backup"
VERSION: Final = 1
MANIFEST: Final = "manifest.json"
PREFIX: Final = "rekindle-backup"
# A manifest of years of month files from a handful of devices is a few tens of KB.
MAX_MANIFEST_BYTES: Final = 4 * 2**20
MAX_MEMBERS: Final = 50_000
# Decades of two people's days are tens of MB: more is not a backup of ours (a zip bomb).
MAX_TOTAL_BYTES: Final = 2**30
# Another process (the app, a sync tool) may replace a file while we read: read again
# until a whole pass sees no file change, this many times at most.
READ_PASSES: Final = 5
_UNSAFE_PART = re.compile(r"[\x00-\x1f\x7f\\:]")


class BackupError(Exception):
    """A backup cannot be made or read; the message is one sentence saying why."""


class Entry(msgspec.Struct, frozen=True):
    size: int
    sha256: str
    mtime_ns: int


class Manifest(msgspec.Struct, frozen=True):
    format: Literal["rekindle-backup"]
    version: int
    made: str  # when, in UTC (ISO 8601)
    files: dict[str, Entry]


class Snapshot(msgspec.Struct, frozen=True):
    """What was read from the folder: each file's bytes and its mtime, by its path in the
    folder ("replicas/<id>/log/2026-11.json"), and whether a pass saw no change."""

    files: dict[str, bytes]
    mtimes: dict[str, int]
    settled: bool
    left_out: list[str]  # what could not be read: a link, no permission


class Saved(msgspec.Struct, frozen=True):
    path: Path
    files: int
    size: int
    settled: bool
    left_out: list[str]

    def said(self) -> str:
        files = f"{self.files} file{'s' * (self.files != 1)}"
        return f"Saved a backup of {files} ({size_text(self.size)}), checked, to {self.path}"

    def warnings(self) -> list[str]:
        """What the person should know about this backup, one sentence each."""
        said = [] if self.settled else [UNSETTLED]
        if self.left_out:
            said.append(
                "Left out, as this user may not read them or they are links: "
                + ", ".join(self.left_out)
                + "."
            )
        return said


UNSETTLED: Final = (
    "Some files changed while they were read (a sync running?). Each file in the backup is "
    "whole; for one moment of the whole folder, back up again when it is quiet."
)


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024**2:
        return f"{size / 1024:,.0f} KB"
    return f"{size / 1024**2:,.1f} MB"


def good_part(part: str) -> bool:
    return part not in ("", ".", "..") and not _UNSAFE_PART.search(part)


def safe_member(name: str) -> bool:
    """Whether `name` (a path inside the backup's root) is a file a replica may hold:
    `replicas/<id>/core.json` or `replicas/<id>/log/<YYYY-MM>.json`, or a sync tool's
    conflict copy of one. Nothing else is ever written by a restore: no absolute path,
    no `..`, no file outside a replica's own folders."""
    parts = name.split("/")
    if len(parts) not in (3, 4) or parts[0] != REPLICAS_DIR or not all(map(good_part, parts)):
        return False
    if parts[1].startswith(".") or (len(parts) == 4 and parts[2] != LOG_DIR):
        return False
    role, main = classify(parts[-1])
    in_log = len(parts) == 4
    return role in (FileRole.MAIN, FileRole.CONFLICT) and (main == CORE_FILE) != in_log


def _signatures(
    data_dir: Path, refused: list[FileRead] | None = None
) -> dict[str, tuple[int, int, int]]:
    found: dict[str, tuple[int, int, int]] = {}
    refused = [] if refused is None else refused
    for _replica, path, role, _main in walk(data_dir, refused):
        if role not in (FileRole.MAIN, FileRole.CONFLICT):
            continue
        with contextlib.suppress(OSError):
            info = path.stat(follow_symlinks=False)
            found[path.relative_to(data_dir).as_posix()] = _signature(info)
    return found


def _signature(info: os.stat_result) -> tuple[int, int, int]:
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def _read_whole(path: Path, refused: list[FileRead]) -> tuple[bytes, os.stat_result] | None:
    """The file's bytes as one version of it: every Rekindle write replaces a file by
    rename, so an open file is one whole version however long the read takes."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None  # gone since listed (a sync tool's conflict copy folded in): next pass
    except OSError as error:
        refused.append(refusal(path, error))
        return None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            return None
        return handle.read(), info


def snapshot(data_dir: Path) -> Snapshot:
    """Every replica file, read whole, again until one pass ends with every file as it
    was when read and no file come or gone (or READ_PASSES passes)."""
    if not (data_dir / REPLICAS_DIR).is_dir():
        raise BackupError(f"There is no couple's data in {data_dir} to back up.")
    for _ in range(READ_PASSES):
        files: dict[str, bytes] = {}
        mtimes: dict[str, int] = {}
        read_as: dict[str, tuple[int, int, int]] = {}
        refused: list[FileRead] = []
        for name in _signatures(data_dir, refused):
            got = _read_whole(data_dir / name, refused)
            if got is not None:
                files[name], info = got
                mtimes[name], read_as[name] = info.st_mtime_ns, _signature(info)
        left_out = sorted(str(read.path.relative_to(data_dir)) for read in refused)
        unread = {str(read.path.relative_to(data_dir)) for read in refused}
        if {k: v for k, v in _signatures(data_dir).items() if k not in unread} == read_as:
            return Snapshot(files, mtimes, True, left_out)
    return Snapshot(files, mtimes, False, left_out)


def default_folder() -> Path:
    """Where backups go unless told: "Rekindle backups" in this person's Documents folder
    (platformdirs), outside the shared folder, where they will look for it. Under the
    config folder when REKINDLE_CONFIG points elsewhere (tests, a portable install)."""
    override = os.environ.get("REKINDLE_CONFIG")
    if override:
        return Path(override) / "backups"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Rekindle backups"


def free_names(wanted: Path) -> Iterator[Path]:
    """`wanted`, then the same name with -2, -3 … before the suffix."""
    yield wanted
    for number in range(2, 10_000):
        yield wanted.with_name(f"{wanted.stem}-{number}{wanted.suffix}")


def dated_name(day: date, prefix: str = PREFIX) -> str:
    return f"{prefix}-{day.isoformat()}.zip"


def _zip_bytes(root: str, snap: Snapshot) -> bytes:
    import zipfile

    manifest = Manifest(
        FORMAT,
        VERSION,
        datetime.now(UTC).isoformat(timespec="seconds"),
        {
            name: Entry(len(raw), hashlib.sha256(raw).hexdigest(), snap.mtimes[name])
            for name, raw in sorted(snap.files.items())
        },
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{root}/{MANIFEST}", msgspec.json.format(msgspec.json.encode(manifest)))
        for name, raw in sorted(snap.files.items()):
            stamp = datetime.fromtimestamp(snap.mtimes[name] / 1e9, UTC)
            info = zipfile.ZipInfo(f"{root}/{name}", _zip_time(stamp))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (stat.S_IFREG | 0o600) << 16
            archive.writestr(info, raw)
    return buffer.getvalue()


def _zip_time(stamp: datetime) -> tuple[int, int, int, int, int, int]:
    # A zip keeps times from 1980 to 2107; the manifest keeps the exact one.
    stamp = min(max(stamp, datetime(1980, 1, 1, tzinfo=UTC)), datetime(2107, 12, 31, tzinfo=UTC))
    return (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)


def _claim(payload: bytes, wanted: Path) -> Path:
    """Write `payload` under the first free name from `wanted` on: temp file, fsync, then
    a hard link, which (unlike a rename) never replaces a file already there."""
    make_private_dir(wanted.parent)
    tmp = wanted.parent / f".{wanted.name}.{os.urandom(6).hex()}.tmp"
    atomic_write(tmp, payload)
    try:
        for path in free_names(wanted):
            if path.exists():
                continue
            try:
                os.link(tmp, path)
            except FileExistsError:
                continue  # taken between the look and the link
            except OSError:
                if path.exists():  # a file system without hard links: rename, after a look
                    continue
                os.replace(tmp, path)
            fsync_dir(path.parent)
            return path
        raise BackupError(f"There are too many backups named like {wanted.name} already.")
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def manual_backup(data_dir: Path, out: Path | None, today: date) -> Saved:
    """A backup someone asked for: to `out` (a file, or a folder to put it in), else in
    the default folder, named with `today`; never over a file already there."""
    wanted = out if out is not None else default_folder()
    if out is None or wanted.is_dir():
        wanted = wanted / dated_name(today)
    return write_backup(data_dir, wanted)


def write_backup(data_dir: Path, wanted: Path) -> Saved:
    """Back up `data_dir` to `wanted` (or the first free name after it), then open what
    was written and compare every file with what was read; a backup that fails that is
    removed and the BackupError says why."""
    snap = snapshot(data_dir)
    if not snap.files:
        raise BackupError(f"There is no couple's data in {data_dir} to back up.")
    try:
        path = _claim(_zip_bytes(wanted.stem, snap), wanted)
    except OSError as error:
        raise BackupError(
            f"Could not write the backup in {wanted.parent} ({error.strerror or error})."
        ) from None
    try:
        found = read_backup(path).files
        if found != snap.files:
            raise BackupError("what was written differs from what was read")
    except BackupError as problem:
        with contextlib.suppress(OSError):
            path.unlink()
        raise BackupError(
            f"The backup did not read back whole ({problem}), so it was removed; "
            "nothing in your folder changed."
        ) from None
    return Saved(path, len(snap.files), path.stat().st_size, snap.settled, snap.left_out)


class Backup(msgspec.Struct, frozen=True):
    """A backup read and checked: its files by path in the folder, and their mtimes."""

    manifest: Manifest
    files: dict[str, bytes]


def read_backup(path: Path) -> Backup:
    """Read and check a backup whole before anything is done with it: a zip with one root
    folder, its manifest, and exactly the files the manifest names, each a replica file
    (no link, no absolute path, no `..`) of the size and SHA-256 sum it gives."""
    import zipfile
    import zlib

    shown = path.name
    try:
        with zipfile.ZipFile(path) as archive:
            return _checked(archive, shown)
    except FileNotFoundError:
        raise BackupError(f"There is no file {path}.") from None
    except IsADirectoryError:
        raise BackupError(f"{path} is a folder; give the backup's .zip file.") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise BackupError(
            f"{shown} is not a whole Rekindle backup (not a zip file, or cut short "
            "or damaged); nothing was changed."
        ) from None
    except OSError as error:
        raise BackupError(f"Could not read {path} ({error.strerror or error}).") from None


def _checked(archive: zipfile.ZipFile, shown: str) -> Backup:
    foreign = BackupError(f"{shown} is not a Rekindle backup; nothing was changed.")
    members = archive.infolist()
    if not members or len(members) > MAX_MEMBERS:
        raise foreign
    root = members[0].filename.split("/", 1)[0]
    if f"{root}/{MANIFEST}" not in archive.NameToInfo:
        raise foreign  # a zip of something else
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in members:
        top, _, rest = info.filename.partition("/")
        if top != root or not good_part(root) or not rest:
            raise foreign
        if stat.S_ISLNK(info.external_attr >> 16):
            raise BackupError(f"{shown} holds a link ({rest}), which a backup never does.")
        if info.is_dir():
            continue
        if rest in by_name or not (rest == MANIFEST or safe_member(rest)):
            raise BackupError(
                f"{shown} holds a file no backup holds ({rest}); nothing was changed."
            )
        by_name[rest] = info
    manifest = _manifest(archive, by_name, foreign, shown)
    if sum(entry.size for entry in manifest.files.values()) > MAX_TOTAL_BYTES:
        raise BackupError(f"{shown} is bigger than any couple's folder could be; not restored.")
    if set(by_name) - {MANIFEST} != set(manifest.files):
        raise BackupError(f"{shown} does not hold the files its list names; it is damaged.")
    files: dict[str, bytes] = {}
    for name, entry in manifest.files.items():
        info = by_name[name]
        if entry.size > MAX_FILE_BYTES or info.file_size != entry.size:
            raise BackupError(f"{shown} is damaged: {name} is not the size its list gives.")
        with archive.open(info) as member:
            raw = member.read(entry.size + 1)
        if len(raw) != entry.size or hashlib.sha256(raw).hexdigest() != entry.sha256:
            raise BackupError(f"{shown} is damaged: {name} does not match its checksum.")
        files[name] = raw
    return Backup(manifest, files)


def _manifest(
    archive: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo], foreign: BackupError, shown: str
) -> Manifest:
    info = by_name.get(MANIFEST)
    if info is None or info.file_size > MAX_MANIFEST_BYTES:
        raise foreign
    with archive.open(info) as member:
        raw = member.read(MAX_MANIFEST_BYTES + 1)
    try:
        head = msgspec.json.decode(raw, type=dict[str, object])
        version = head.get("version")
        if head.get("format") == FORMAT and isinstance(version, int) and version > VERSION:
            raise BackupError(f"A newer Rekindle made {shown}; update Rekindle to restore it.")
        return msgspec.json.decode(raw, type=Manifest)
    except (msgspec.DecodeError, msgspec.ValidationError):
        raise foreign from None
