"""The merge, field by field, and how a new version is made from the merged one.

The merged state is, per record id and per field, the value with the greatest
`(stamp, replica)`: Alex's new description and Sam's new title of one habit
both survive. The deleted flag is one more field, so a habit deleted on one
side and renamed on the other comes back from the bin with the new name.
Taking a maximum field by field is commutative, associative and idempotent, so
every device computes the same state from the same files in any order.

When two edits of the same field were made without either seeing the other,
the later one wins and the other is kept beside it as `lost`, so the people
can see what was overridden and take it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tracker.store.records import DELETED, Lost, Record, Version

_ABSENT: Any = object()


def _value(record: Record, name: str) -> Any:
    if name == DELETED:
        return record.deleted
    return record.data.get(name, _ABSENT)


def _same(a: Any, b: Any) -> bool:
    if a is _ABSENT or b is _ABSENT:
        return a is b
    return bool(a == b) and isinstance(a, bool) == isinstance(b, bool)


def _names(record: Record) -> set[str]:
    """Every field the record says something about: a removed field may be known only by
    its version, what it replaced, or what was overridden."""
    names = set(record.data)
    for known in (record.older, record.base, record.lost):
        if known:
            names.update(known)
    names.add(DELETED)
    return names


def _base(record: Record, name: str) -> Version | None:
    return record.base.get(name) if record.base else None


def _lost_value(lost: Lost) -> Any:
    return lost.value if lost.present else _ABSENT


def _simple(record: Record) -> bool:
    return record.older is None and record.base is None and record.lost is None


def merge_pair(current: Record, incoming: Record) -> Record:
    """Two versions of one id, merged field by field."""
    if incoming.version == current.version:
        return current
    hi, lo = (incoming, current) if incoming.version > current.version else (current, incoming)
    if _simple(hi) and lo.lost is None:
        # Every field of `hi` dates from its own write, later than anything in `lo`, and
        # `hi` says nothing of what it replaced: it wins whole (ticks, old files).
        return hi
    top = hi.version
    data: dict[str, Any] = {}
    older: dict[str, Version] = {}
    base: dict[str, Version] = {}
    lost: dict[str, Lost] = {}
    deleted = False
    for name in sorted(_names(hi) | _names(lo)):
        in_hi, in_lo = hi.version_of(name), lo.version_of(name)
        winner, loser = (hi, lo) if in_hi >= in_lo else (lo, hi)
        won_at, value = winner.version_of(name), _value(winner, name)
        if name == DELETED:
            deleted = bool(value)
        elif value is not _ABSENT:
            data[name] = value
        if won_at != top:
            older[name] = won_at
        replaced = _base(winner, name)
        if replaced is not None:
            base[name] = replaced
            overridden = _overridden(name, won_at, replaced, winner, loser)
            if overridden is not None:
                lost[name] = overridden
    return Record(
        hi.id,
        hi.kind,
        hi.stamp,
        hi.replica,
        deleted,
        data,
        older or None,
        base or None,
        lost or None,
    )


def _overridden(
    name: str, won_at: Version, replaced: Version, winner: Record, loser: Record
) -> Lost | None:
    """The runner-up value of `name`, if the winning edit never saw it.

    Keeping the two newest versions of a field is a join like the merge itself (the
    top two of a union are the top two of the parts' top twos), so every device
    lists the same thing whatever order the files arrived in. A runner-up the winner
    had seen (its `replaced` or older) is an ordinary earlier edit, not an override.
    """
    candidates: dict[Version, Lost] = {}
    for record in (winner, loser):
        held = record.lost.get(name) if record.lost else None
        if held is not None:
            candidates[held.version] = held
        value = _value(record, name)
        candidates.setdefault(
            record.version_of(name),
            Lost(record.version_of(name), value is not _ABSENT, _plain(value)),
        )
    candidates.pop(won_at, None)
    if not candidates:
        return None
    runner_up = candidates[max(candidates)]
    return runner_up if runner_up.version > replaced else None


def _plain(value: Any) -> Any:
    return None if value is _ABSENT else value


def merge_into(state: dict[str, Record], records: Iterable[Record]) -> list[Record]:
    """Fold records into a merged state in place; return the merged versions that changed."""
    won: list[Record] = []
    get = state.get
    for record in records:
        current = get(record.id)
        if current is None:
            state[record.id] = record
            won.append(record)
            continue
        merged = merge_pair(current, record)
        if merged is not current and merged != current:
            state[record.id] = merged
            won.append(merged)
    return won


def merge(*sources: Iterable[Record]) -> dict[str, Record]:
    """The merged state of every source. Tombstones are kept."""
    state: dict[str, Record] = {}
    for source in sources:
        merge_into(state, source)
    return state


def next_version(
    current: Record | None,
    record_id: str,
    kind: str,
    stamp: str,
    replica: str,
    data: Mapping[str, Any],
    deleted: bool = False,
    settle: Iterable[str] = (),
) -> Record:
    """The version a write makes: changed fields get `stamp`, the rest keep their version.

    `stamp` must be greater than `current`'s (HybridClock.after). `settle` names
    fields whose overridden value the person has looked at and let go.
    """
    fresh = dict(data)
    if current is None:
        return Record(record_id, kind, stamp, replica, deleted, fresh)
    older: dict[str, Version] = {}
    base: dict[str, Version] = {}
    lost: dict[str, Lost] = {}
    let_go = set(settle)
    for name in _names(current) | set(fresh):
        new = deleted if name == DELETED else fresh.get(name, _ABSENT)
        if _same(new, _value(current, name)):
            older[name] = current.version_of(name)
            replaced = _base(current, name)
            held = current.lost.get(name) if current.lost else None
            if held is not None and name in let_go:
                # Let go: from now on this value counts as seen, so it is not listed again.
                replaced = held.version if replaced is None else max(replaced, held.version)
            elif held is not None:
                lost[name] = held
            if replaced is not None:
                base[name] = replaced
        else:
            base[name] = current.version_of(name)
    return Record(
        record_id, kind, stamp, replica, deleted, fresh, older or None, base or None, lost or None
    )


def rebase(
    data: Mapping[str, Any], deleted: bool, seen: Record | None, current: Record | None
) -> tuple[dict[str, Any], bool]:
    """An edit made on `seen`, applied to `current` (newer, written meanwhile by another
    process of this device): fields the edit left as it saw them take current's value."""
    if seen is None or current is None or seen is current:
        return dict(data), deleted
    result: dict[str, Any] = {}
    for name in set(data) | _names(seen) | _names(current):
        if name == DELETED:
            if deleted == seen.deleted:
                deleted = current.deleted
            continue
        mine = data.get(name, _ABSENT)
        value = _value(current, name) if _same(mine, _value(seen, name)) else mine
        if value is not _ABSENT:
            result[name] = value
    return result, deleted


def undone(before: Record, after: Record, current: Record) -> tuple[dict[str, Any], bool]:
    """Undo of the write that made `after`: only the fields it set, and only where nobody
    (the partner, another process) has set them since, go back to `before`'s values."""
    data, deleted = dict(current.data), current.deleted
    for name in _names(before) | _names(after) | _names(current):
        if after.version_of(name) != after.version or current.version_of(name) != after.version:
            continue
        old = _value(before, name)
        if name == DELETED:
            deleted = bool(old)
        elif old is _ABSENT:
            data.pop(name, None)
        else:
            data[name] = old
    return data, deleted


def overrides(state: Mapping[str, Record]) -> list[tuple[Record, str, Lost]]:
    """Every field where a concurrent edit was overridden, newest first."""
    found = [
        (record, name, lost)
        for record in state.values()
        if record.lost
        for name, lost in record.lost.items()
        if not _same(_lost_value(lost), _value(record, name))  # both chose the same: no loss
    ]
    return sorted(found, key=lambda item: item[2].version, reverse=True)
