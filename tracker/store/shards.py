"""Which file of a replica a record goes to: core.json, or its month's shard."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tracker.domain.kinds import SHARDED_KINDS
from tracker.store.files import CORE


def shard_of(kind: str, data: Mapping[str, Any]) -> str:
    """Day-stamped records go to their month's shard, so a write stays small for years.

    Which kinds are day-stamped is declared in domain/kinds.py. (A record whose day moves
    to another month leaves an older version behind in the old shard; the merge always
    takes the newest, so that copy is only history.)"""
    day = data.get("day")
    if kind in SHARDED_KINDS and isinstance(day, str) and len(day) >= 7:
        return day[:7]
    return CORE
