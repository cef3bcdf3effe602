"""Records whose data does not fit their kind: kept as they are, left out of every view,
and named here so `doctor` and the Sync screen can say which file, record and field.

A record is kept in the merged state whatever its data (a later version may
still merge into it, and its file is never rewritten for it); only turning it
into a domain object skips it (Couple.parsed). This walks the merged state
with the same per-kind parsing, so what is named is exactly what is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tracker.domain.kinds import problem
from tracker.domain.validation import DAMAGED
from tracker.store.replica import shard_path
from tracker.store.shards import shard_of
from tracker.store.store import Store


@dataclass(frozen=True, slots=True)
class Unfit:
    path: Path  # the file holding the version that won (its writer's shard)
    record_id: str
    kind: str
    field: str
    reason: str  # "from a newer Rekindle" or "damaged"
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "record": self.record_id,
            "kind": self.kind,
            "field": self.field,
            "reason": self.reason,
            "detail": self.detail,
        }

    def describe(self) -> str:
        where = f"the {self.field} of " if self.field else ""
        return f"{self.path}: {where}{self.kind} {self.record_id} is {self.reason} ({self.detail})"


def unfit_records(store: Store) -> list[Unfit]:
    found = [
        Unfit(path, record_id or "(no id)", "entry", part, DAMAGED, why)
        for path, read in store.file_reads()
        for record_id, part, why in read.damaged
    ]
    for record in store.live():
        why = problem(record.kind, record.id, record.data)
        if why is None:
            continue
        path = shard_path(store.data_dir, record.replica, shard_of(record.kind, record.data))
        found.append(Unfit(path, record.id, record.kind, why.field, why.reason, why.detail[:120]))
    return sorted(found, key=lambda u: (str(u.path), u.record_id))
