"""Automatic backups: at most one a day, the last N kept, set on each device alone.

The setting and the list of automatic backups made live in this device's state folder
(`cache.device_file`, beside "last here"), one file per data folder: never in the shared
folder, as each computer keeps its own backups. Only backups listed there are ever
removed when pruning: a backup someone made by hand, or one of another folder's, is
never touched, wherever it lies.

On by default, keeping 7 (a week of days): backups matter most to the people who never
thought to turn them on, and a week of a couple's zipped files is small.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path
from typing import Final

import msgspec

from tracker.store.backup.archive import (
    BackupError,
    Saved,
    dated_name,
    default_folder,
    write_backup,
)
from tracker.store.cache import device_file
from tracker.store.files import atomic_write, make_private_dir

DEFAULT_KEEP: Final = 7
MAX_KEEP: Final = 365
AUTO_PREFIX: Final = "rekindle-auto-backup"


class AutoState(msgspec.Struct, frozen=True):
    keep: int = DEFAULT_KEEP
    last: date | None = None  # the day of the last automatic backup
    made: list[str] = []  # the automatic backups made, oldest first


def state_file(data_dir: Path, replica_id: str) -> Path:
    return device_file(data_dir, replica_id, "state", "backups").with_suffix(".json")


def automatic_folder() -> Path:
    return default_folder() / "automatic"


def read_state(data_dir: Path, replica_id: str) -> AutoState:
    """This device's setting; a missing, damaged or foreign file reads as the default."""
    try:
        raw = state_file(data_dir, replica_id).read_bytes()
        state = msgspec.json.decode(raw, type=AutoState)
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return AutoState()
    return state if 0 <= state.keep <= MAX_KEEP else msgspec.structs.replace(state, keep=0)


def _save(data_dir: Path, replica_id: str, state: AutoState) -> None:
    path = state_file(data_dir, replica_id)
    make_private_dir(path.parent)
    atomic_write(path, msgspec.json.encode(state))


def check_keep(typed: str) -> int:
    """How many to keep, from what someone typed; ValueError with the sentence if not."""
    try:
        keep = int(typed.strip())
    except ValueError:
        keep = -1
    if not 0 <= keep <= MAX_KEEP:
        raise ValueError(f"Keep a number of automatic backups from 0 (none) to {MAX_KEEP}.")
    return keep


def set_keep(data_dir: Path, replica_id: str, keep: int) -> list[Path]:
    """Keep the last `keep` automatic backups from now on; returns those pruned."""
    state = msgspec.structs.replace(read_state(data_dir, replica_id), keep=keep)
    state, pruned = _pruned(state)
    _save(data_dir, replica_id, state)
    return pruned


def backup_if_due(data_dir: Path, replica_id: str, today: date) -> Saved | None:
    """Today's automatic backup if there is none yet and they are on; the oldest beyond
    the number to keep are then removed. A failure raises BackupError (the bad archive
    is already removed) and is tried again the next time."""
    state = read_state(data_dir, replica_id)
    if state.keep == 0 or state.last == today:
        return None
    saved = write_backup(data_dir, automatic_folder() / dated_name(today, AUTO_PREFIX))
    state = AutoState(state.keep, today, [*state.made, str(saved.path)])
    state, _ = _pruned(state)
    try:
        _save(data_dir, replica_id, state)
    except OSError as error:
        raise BackupError(
            f"The backup was made, but this computer could not note it ({error.strerror})."
        ) from None
    return saved


def _pruned(state: AutoState) -> tuple[AutoState, list[Path]]:
    """The state with only the newest `keep` backups listed, and the older ones removed
    from the disk: only files named as automatic backups, in the automatic folder."""
    cut = len(state.made) - state.keep
    if cut <= 0:
        return state, []
    pruned: list[Path] = []
    for name in state.made[:cut]:
        path = Path(name)
        if path.parent == automatic_folder() and path.name.startswith(AUTO_PREFIX):
            with contextlib.suppress(OSError):  # gone already, or not ours to remove
                path.unlink()
                pruned.append(path)
    return msgspec.structs.replace(state, made=state.made[cut:]), pruned
