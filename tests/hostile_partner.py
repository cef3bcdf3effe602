"""A hostile partner (issue 15): every case of a partner's files meant to hurt, written into
the partner's replica of a real data folder, plus what `doctor --json` must name for each.

Each builder writes its files and returns the words (file paths, record ids) the doctor's
report must hold. `partner_files` fingerprints everything outside our own replica, links
as links, so a test can prove nothing there was changed, followed or rewritten.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.store.store_helpers import THEM, THEM_META, shard_bytes
from tests.store.unfit_cases import BAD, later_ms, plant
from tests.ui.hostile import EVIL_DEVICE, EVIL_NAME, EVIL_REPLICA, EVIL_TITLE
from tracker.store.files import read_file
from tracker.store.guards import MAX_FILE_BYTES
from tracker.store.records import COUNTER_MAX, Record, format_stamp
from tracker.store.store import Store

DEEP = b"[" * 100_000 + b"]" * 100_000
BIDI_TITLE = "Hug\u202e gnol\u200b\u2060\ufeff"  # reversed and hidden
BIDI_NAME = "Sam\u202e\u200c\u200b"
NEWLINE_TITLE = "Walk\nfake line\r\nanother"
SAM = {"key": "b", "name": "Sam", "tz": "Europe/London", "day_start": 4}


def _theirs(data: Path, name: str = "core.json") -> Path:
    return data / "replicas" / THEM / name


def _records(data: Path, replica: str, meta: dict[str, Any], *found: tuple[str, str, dict]) -> Path:
    """Their core, as their device would write it, through the store."""
    store = Store(data, replica, meta)
    store.load()
    store.ensure_replica()
    for kind, rid, fields in found:
        store.put(kind, rid, fields)
    store.close()
    return data / "replicas" / replica / "core.json"


def _raw(path: Path, *records: Record) -> Path:
    """Records added as raw bytes, past anything the store would check (NaN included)."""
    held = read_file(path).records if path.exists() else []
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(shard_bytes([*held, *records], THEM_META, THEM))
    return path


def _habit(title: str) -> dict[str, Any]:
    return {"title": title, "owner": "each", "start": "2026-10-01"}


def _stamped(data: Path, stamp: str, *names: str) -> list[str]:
    record = Record("habit:stamped", "habit", stamp, THEM, False, _habit("Stamped"))
    path = _raw(_theirs(data), record)
    return [n.replace("{path}", str(path)) for n in names]


def _escapes(data: Path) -> list[str]:
    """A replica folder, a device, a name, a title, a note, a love-map round's words and a
    conflict copy, all escapes."""
    start = {"n": 1, "started": "2026-11-25", "person": "b", "device": EVIL_DEVICE}
    words = {"n": 1, "person": "b", "text": EVIL_TITLE}
    core = _records(
        data,
        EVIL_REPLICA,
        {"partner": "b", "device": EVIL_DEVICE},
        ("person", "person:b", {**SAM, "name": EVIL_NAME}),
        ("habit", "habit:evil", _habit(EVIL_TITLE)),
        ("lovemap-round", f"lovemapround:1:{EVIL_DEVICE}", {**start, "keys": ["lovemap-001"]}),
        ("lovemap-answer", "lovemapanswer:1:b:lovemap-001", {**words, "key": "lovemap-001"}),
        ("lovemap-guess", f"lovemapguess:1:b:{EVIL_TITLE}", {**words, "key": EVIL_TITLE}),
    )
    copy = core.parent / f"core ({EVIL_NAME}'s conflicted copy 2026-11-25).json"
    shutil.copy(core, copy)
    return [copy.name]


def _bidi(data: Path) -> list[str]:
    _records(
        data,
        THEM,
        THEM_META,
        ("person", "person:b", {**SAM, "name": BIDI_NAME}),
        ("habit", "habit:bidi", _habit(BIDI_TITLE)),
    )
    return []  # nothing is wrong with such words: shown inertly, not reported


def _newline(data: Path) -> list[str]:
    _records(data, THEM, THEM_META, ("habit", "habit:lines", _habit(NEWLINE_TITLE)))
    return []


def _deep(data: Path) -> list[str]:
    path = _theirs(data, "log/2026-10.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DEEP)
    return [str(path), "nested far deeper"]


def _too_big(data: Path) -> list[str]:
    path = _theirs(data, "log/2026-09.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:  # sparse: costs no disk
        handle.truncate(MAX_FILE_BYTES + 1)
    return [str(path), "bigger than any Rekindle file"]


def _links(data: Path) -> list[str]:
    outside = data / "replicas" / "evil0000cccc"
    outside.symlink_to("/etc", target_is_directory=True)
    log = _theirs(data, "log/2026-08.json")
    log.parent.mkdir(parents=True, exist_ok=True)
    log.symlink_to("/etc/passwd")
    return [str(outside), str(log), "a link"]


def _nan(data: Path) -> list[str]:
    stamp = format_stamp(later_ms(), 0)
    check = {"habit": "habit:x", "person": "b", "day": "2026-11-04", "status": "done"}
    nan = {**check, "value": float("nan")}
    inf = {**check, "day": "2026-11-05", "value": float("inf")}
    path = _raw(
        _theirs(data, "log/2026-11.json"),
        Record("check:habit:x:b:2026-11-04", "check", stamp, THEM, False, nan),
        Record("check:habit:x:b:2026-11-05", "check", stamp, THEM, False, inf),
    )
    assert b"NaN" in path.read_bytes() and b"Infinity" in path.read_bytes()
    return [str(path), "check:habit:x:b:2026-11-04", "check:habit:x:b:2026-11-05"]


def _unfit(index: int) -> Callable[[Path], list[str]]:
    def build(data: Path) -> list[str]:
        bad = BAD[index]
        return [str(plant(data, bad)), bad.record_id]

    return build


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path], list[str]]
    shown: str = ""  # a habit title `habits --json` must give back exactly: read, not dropped


CASES = [
    *(Case(f"unfit {bad.name}", _unfit(n)) for n, bad in enumerate(BAD)),
    # A stamp not in the one valid form: the record is dropped, so doctor must say so.
    Case("stamp 9", lambda d: _stamped(d, "9", "{path}", "habit:stamped")),
    # Valid, if odd: read like any other, nothing to report.
    Case(
        "stamp counter at limit",
        lambda d: _stamped(d, format_stamp(later_ms(), COUNTER_MAX)),
        shown="Stamped",
    ),
    Case(
        "stamp year 33658",
        lambda d: _stamped(d, format_stamp(999_999_999_999_999, 0), THEM, "far in the future"),
        shown="Stamped",
    ),
    Case("escapes", _escapes, shown=EVIL_TITLE),
    Case("bidi and zero-width", _bidi, shown=BIDI_TITLE),
    Case("newline in a field", _newline, shown=NEWLINE_TITLE),
    Case("nested 100000 deep", _deep),
    Case("over 32 MB", _too_big),
    Case("symlinks out", _links),
    Case("NaN and Infinity", _nan),
]
IDS = [case.name for case in CASES]


def write_case(data: Path, case: Case) -> list[str]:
    """A sound partner first (their name and a habit), then the case on top of it."""
    _records(
        data,
        THEM,
        THEM_META,
        ("person", "person:b", SAM),
        ("habit", "habit:theirs", _habit("Theirs")),
    )
    return case.build(data)


def partner_files(data: Path, own: str) -> dict[str, tuple[str, str]]:
    """Every file and link outside our own replica: links by target, files by content."""
    found: dict[str, tuple[str, str]] = {}
    for top, dirs, files in os.walk(data / "replicas", followlinks=False):
        if Path(top) == data / "replicas":
            dirs[:] = [d for d in dirs if d != own]
        for name in [*dirs, *files]:
            path = Path(top) / name
            if path.is_symlink():
                found[str(path)] = ("link", os.readlink(path))
            elif path.is_file():
                found[str(path)] = ("file", _digest(path))
    return found


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
