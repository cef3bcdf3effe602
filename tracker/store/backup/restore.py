"""Putting a backup back: checked whole first, written beside the folder, then moved in.

Nothing is written until every file in the backup has been checked (archive.read_backup).
The files are written into a new folder beside the target and moved into place with one
rename, so a restore cut short leaves no half-restored folder. A folder that already holds
anything is never written over: without `force` the restore refuses; with it, the folder
is moved aside to a dated name beside it and kept, never deleted.

Restoring never changes who this device is (its config stays as it was): it carries on
as its own replica, and writes only to that. On a computer whose replica is not in the
backup, that replica is new the first time it writes, so it never writes into another
device's files.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date
from pathlib import Path

import msgspec

from tracker.store.backup.archive import Backup, BackupError, free_names, read_backup
from tracker.store.files import DIR_MODE, REPLICAS_DIR, atomic_write, fsync_dir, make_private_dir


class Restored(msgspec.Struct, frozen=True):
    data_dir: Path
    files: int
    replicas: list[str]
    moved_aside: Path | None


def holds_data(folder: Path) -> bool:
    """Anything in it but the dot files a sync tool keeps there (.stfolder, .stignore)."""
    try:
        return any(not entry.name.startswith(".") for entry in os.scandir(folder))
    except FileNotFoundError:
        return False
    except NotADirectoryError:
        return True


def aside_name(folder: Path, day: date) -> Path:
    """Where a folder restored over is kept: beside it, dated, never over another."""
    wanted = folder.with_name(f"{folder.name} before restore {day.isoformat()}")
    return next(path for path in free_names(wanted) if not path.exists())


def restore(archive: Path, data_dir: Path, *, force: bool, today: date) -> Restored:
    """Check `archive` whole, then put its files into `data_dir`: a folder that is not
    there yet, or holds nothing; with `force`, one that holds data is moved aside."""
    backup = read_backup(archive)
    if data_dir.is_symlink() or (data_dir.exists() and not data_dir.is_dir()):
        raise BackupError(f"{data_dir} is not a folder; pick another with --data.")
    occupied = holds_data(data_dir)
    if occupied and not force:
        raise BackupError(
            f"{data_dir} already holds data, so nothing was restored. Pick an empty folder "
            "with --data, or add --force to move what is there aside (kept, not deleted)."
        )
    make_private_dir(data_dir.parent)
    staging = data_dir.parent / f".{data_dir.name}.restoring-{os.urandom(4).hex()}"
    try:
        _write_files(backup, staging)
        moved_aside = _move_in(staging, data_dir, occupied, today)
    except OSError as error:
        raise BackupError(
            f"Could not restore into {data_dir} ({error.strerror or error}); "
            "what was there is as it was."
        ) from None
    finally:
        _remove_staging(staging)
    replicas = sorted({name.split("/")[1] for name in backup.files})
    return Restored(data_dir, len(backup.files), replicas, moved_aside)


def _write_files(backup: Backup, staging: Path) -> None:
    staging.mkdir(mode=DIR_MODE)
    for name, raw in sorted(backup.files.items()):
        path = staging.joinpath(*name.split("/"))  # checked: replica paths only
        make_private_dir(path.parent)
        atomic_write(path, raw)
        # The time it had, so a sync tool sees the older version it is, not a new one.
        mtime = backup.manifest.files[name].mtime_ns
        os.utime(path, ns=(mtime, mtime))


def _move_in(staging: Path, data_dir: Path, occupied: bool, today: date) -> Path | None:
    moved_aside = None
    if occupied:
        moved_aside = aside_name(data_dir, today)
        os.rename(data_dir, moved_aside)
    if data_dir.exists():
        # Empty but for a sync tool's dot files, which stay: only the replicas move in.
        os.rename(staging / REPLICAS_DIR, data_dir / REPLICAS_DIR)
    else:
        os.rename(staging, data_dir)
    fsync_dir(data_dir)
    fsync_dir(data_dir.parent)
    return moved_aside


def _remove_staging(staging: Path) -> None:
    """What is left of the staging folder once moved in (nothing, or an empty folder);
    after a failure, the partial copy, which was never anyone's data."""
    if not staging.exists():
        return
    for folder, _dirs, names in os.walk(staging, topdown=False):
        for name in names:
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
        with contextlib.suppress(OSError):
            os.rmdir(folder)
