"""A Rekindle export written into a couple's folder, all or nothing.

Who writes: this device, as its own edits (its replica, stamped now), like anything else
done here; who did each thing is in the records' data ("person": "a"), so it survives.

Into a folder with no data of its own yet (only the two people and settings that
`rekindle init` or `join` wrote), the export's people and settings replace those: the
couple arrives as they were. Into a folder that already holds their data, only with
`merge`, and then only what the folder does not have yet is added, matched by id: what
the folder holds (even something it has deleted) stays as it is, so importing an old
export never undoes a newer edit, and importing twice adds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import msgspec

from tracker.domain.kinds import PERSON, SETTING
from tracker.export.json_export import ExportRecord
from tracker.store.couple import Couple

# What setting up a device writes before anything else: not yet data of the couple's own.
SET_UP_KINDS: Final = frozenset({PERSON, SETTING})


class FolderHasData(ValueError):
    """The folder already holds the couple's data and no merge was asked for."""


class Imported(msgspec.Struct, frozen=True):
    added: int  # records the folder did not have
    replaced: int  # the set-up people and settings the export's took the place of
    already: int  # records the folder already had, left as they are


def has_data_of_its_own(couple: Couple) -> bool:
    return any(record.kind not in SET_UP_KINDS for record in couple.store.live())


def import_records(couple: Couple, records: Sequence[ExportRecord], merge: bool) -> Imported:
    """Write the records in one batch (Store.together): saved whole or not at all."""
    fresh = not has_data_of_its_own(couple)
    if not fresh and not merge:
        raise FolderHasData
    added = replaced = already = 0
    store = couple.store
    with store.together():
        for record in records:
            current = store.state.get(record.id)
            if current is None:
                added += 1
            elif fresh and current.kind == record.kind and current.data != record.data:
                replaced += 1
            else:
                already += 1
                continue
            store.put(record.kind, record.id, record.data)
    return Imported(added, replaced, already)
