"""The path after a betrayal, kept on this device only.

It lives in this device's state folder (``cache.device_file``, beside "last here" and
the reminders' "sent today"), never in the shared folder: the partner's app cannot show
what it never receives. One small JSON file, written whole (temp file, then rename), so
a crash leaves the old file or the new one. A damaged file, or one that is not ours, is
read as no path with a sentence to say so, never as a crash.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, Literal

import msgspec

from tracker.domain.content.trust_path import Role
from tracker.domain.trust.path import TrustPath, valid_steps
from tracker.store.cache import device_file
from tracker.store.couple import Couple
from tracker.store.files import atomic_write, make_private_dir

FORMAT: Final = "rekindle-trust-path"
UNREADABLE = (
    "What this computer kept of the path couldn't be read, so it starts afresh here. "
    "Nothing shared was touched."
)


class _Stored(msgspec.Struct, frozen=True):
    # Named, so a JSON file of something else that happens to sit here is not read as ours.
    format: Literal["rekindle-trust-path"]
    started: date
    role: Role
    done: list[int] = []


@dataclass(frozen=True, slots=True)
class Loaded:
    """The path as this device remembers it (None: not on it), and why it was not read
    when the file was there but damaged or foreign."""

    path: TrustPath | None
    problem: str | None = None


def trust_file(data_dir: Path, replica_id: str) -> Path:
    """One per data folder and device, in this device's own state folder."""
    return device_file(data_dir, replica_id, "state", "trust-path").with_suffix(".json")


def _file_of(couple: Couple) -> Path:
    return trust_file(couple.store.data_dir, couple.store.replica_id)


def read_path(couple: Couple) -> Loaded:
    path = _file_of(couple)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Loaded(None)
    except OSError:
        return Loaded(None, UNREADABLE)
    try:
        stored = msgspec.json.decode(raw, type=_Stored)
    except msgspec.DecodeError:
        return Loaded(None, UNREADABLE)
    return Loaded(TrustPath(stored.started, stored.role, valid_steps(set(stored.done))))


def save_path(couple: Couple, trust: TrustPath) -> None:
    """Written whole; raises OSError when this computer will not let us (the screen
    says so)."""
    path = _file_of(couple)
    make_private_dir(path.parent)
    stored = _Stored(FORMAT, trust.started, trust.role, sorted(trust.done))
    atomic_write(path, msgspec.json.encode(stored))


def forget_path(couple: Couple) -> None:
    """Leave the path: the file goes from this device (already gone is fine)."""
    with contextlib.suppress(FileNotFoundError):
        _file_of(couple).unlink()
