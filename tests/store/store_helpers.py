"""Helpers for the store tests: hand-made shard files, snapshots, subprocess environments."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.store.couple import Couple
from tracker.store.records import Record
from tracker.store.store import Store

ME = "mine0000aaaa"
THEM = "them0000bbbb"
ME_META = {"partner": "a", "device": "alex-laptop", "machine": "machine-of-alex"}
THEM_META = {"partner": "b", "device": "sam-laptop", "machine": "machine-of-sam"}


def shard_bytes(
    records: Iterable[Record], meta: Mapping[str, Any] | None = None, replica: str = ""
) -> bytes:
    """A shard file laid out exactly as the app writes it (a TinyDB document)."""
    docs = {str(n): r.to_doc() for n, r in enumerate(records, start=1)}
    head = {"schema": 1, "replica": replica, **(meta or {})}
    content = {"meta": {"1": head}, "records": docs}
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()


def check_data(day: str, note: str = "", person: str = "a", habit: str = "h") -> dict[str, Any]:
    return {
        "habit": habit,
        "person": person,
        "day": day,
        "status": "done",
        "value": None,
        "note": note,
    }


def snapshot(state: Mapping[str, Record]) -> dict[str, tuple[str, str, bool, dict[str, Any]]]:
    return {rid: (r.stamp, r.replica, r.deleted, dict(r.data)) for rid, r in state.items()}


def field_oracle(
    records: Iterable[Record],
) -> dict[str, tuple[str, str, bool, dict[str, Any]]]:
    """The merge written the slow, obvious way, in `snapshot` form: per id and per field
    (the deleted flag is one), the value of the version that set it last; a field a
    version removed counts as set (to nothing) by that version."""
    versions: dict[str, list[Record]] = {}
    for r in records:
        versions.setdefault(r.id, []).append(r)
    claims: dict[str, dict[str, list[tuple[tuple[str, str], Any]]]] = {}
    newest: dict[str, tuple[str, str]] = {}  # a record's version: its newest write
    absent = object()
    for rid, found in versions.items():
        newest[rid] = max(r.version for r in found)
        names = {"#deleted"}.union(*(r.data for r in found), *(r.older or {} for r in found))
        fields = claims.setdefault(rid, {})
        for r in found:
            older = dict(r.older or {})
            for name in names:  # every version speaks for every field, if only to omit it
                value = r.deleted if name == "#deleted" else r.data.get(name, absent)
                fields.setdefault(name, []).append((older.get(name, r.version), value))
    result = {}
    for rid, fields in claims.items():
        top = newest[rid]
        chosen = {name: max(found, key=lambda c: c[0])[1] for name, found in fields.items()}
        deleted = chosen.pop("#deleted")
        data = {name: value for name, value in chosen.items() if value is not absent}
        result[rid] = (top[0], top[1], deleted, data)
    return result


def tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


PYTHON = sys.executable


@dataclass
class Folder:
    """A data folder holding our replica (partner a) and the partner's (partner b)."""

    data_dir: Path
    ids: dict[str, str]  # name → record id, one per file that holds records

    def own(self, name: str = "core.json") -> Path:
        return self.data_dir / "replicas" / ME / name

    def theirs(self, name: str = "core.json") -> Path:
        return self.data_dir / "replicas" / THEM / name

    def open(self) -> Store:
        store = Store(self.data_dir, ME, ME_META)
        store.load()
        return store


DAY_MS = 86_400_000
T0 = 1_790_000_000_000  # November 2026
DAY = date(2026, 9, 20)


class Clock:
    """A wall clock the test moves by hand, so "after" means after."""

    def __init__(self, millis: int) -> None:
        self.millis = millis

    def __call__(self) -> int:
        return self.millis


def device(data_dir: Path, replica: str, meta: dict[str, str], clock: Callable[[], int]) -> Couple:
    store = Store(data_dir, replica, meta, now_millis=clock)
    store.load()
    store.ensure_replica()
    return Couple(store, meta["partner"])
