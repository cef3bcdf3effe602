"""A shard file decoded straight into records by declared types: the fast path.

msgspec checks the layout of every record (text ids, a well-formed stamp, a
bool for deleted, an object for data, field versions as [stamp, replica]) in C
while it parses, which is most of what reading ten years of ticks used to cost
in Python. A file it refuses (a damaged entry, NaN, a lone surrogate) is read
again the careful, tolerant way by files.parse_file, which reports what is wrong.
The file format is TinyDB's, unchanged.
"""

from __future__ import annotations

from sys import intern
from typing import Annotated, Any

import msgspec

from tracker.store.records import Lost, Record, Version

Stamp = Annotated[str, msgspec.Meta(pattern=r"^\d{15}\.\d{6}$")]
Name = Annotated[str, msgspec.Meta(min_length=1)]
VersionDoc = tuple[Stamp, Name]


class LostDoc(msgspec.Struct):
    version: VersionDoc
    value: Any = msgspec.UNSET  # absent: the losing edit removed the field


class RecordDoc(msgspec.Struct):
    id: Name
    kind: Name
    stamp: Stamp
    replica: Name
    deleted: bool = False
    data: dict[str, Any] = {}
    older: dict[str, VersionDoc] | None = None
    base: dict[str, VersionDoc] | None = None
    lost: dict[str, LostDoc] | None = None


class FileDoc(msgspec.Struct):
    records: dict[str, RecordDoc] | msgspec.UnsetType = msgspec.UNSET
    meta: dict[str, Any] | msgspec.UnsetType = msgspec.UNSET


_DECODER = msgspec.json.Decoder(FileDoc)


class Refused(Exception):
    """The fast path does not take this file: read it the careful way."""


def _versions(found: dict[str, VersionDoc] | None) -> dict[str, Version] | None:
    if not found:
        return None
    return {name: (stamp, intern(replica)) for name, (stamp, replica) in found.items()}


def _record(doc: RecordDoc) -> Record:
    older = _versions(doc.older)
    if older and any(v >= (doc.stamp, doc.replica) for v in older.values()):
        raise Refused  # a field cannot have been set after the version that carries it
    lost = None
    if doc.lost:
        lost = {
            name: Lost(
                (item.version[0], intern(item.version[1])),
                item.value is not msgspec.UNSET,
                None if item.value is msgspec.UNSET else item.value,
            )
            for name, item in doc.lost.items()
        }
    # Years of ticks repeat the same few strings (kinds, devices, habit ids, days):
    # sharing one copy of each keeps a ten-year history small in memory and cache.
    data = {
        key: intern(value) if type(value) is str and len(value) <= 64 else value
        for key, value in doc.data.items()
    }
    return Record(
        doc.id,
        intern(doc.kind),
        doc.stamp,
        intern(doc.replica),
        doc.deleted,
        data,
        older,
        _versions(doc.base),
        lost,
    )


def decode_file(raw: bytes) -> tuple[list[Record], dict[str, Any]]:
    """Every record and the meta table of a well-formed shard, or Refused."""
    try:
        content = _DECODER.decode(raw)
    except msgspec.DecodeError:  # ValidationError is one too
        raise Refused from None
    if content.records is msgspec.UNSET and content.meta is msgspec.UNSET:
        raise Refused
    records = [] if content.records is msgspec.UNSET else content.records.values()
    meta = {} if content.meta is msgspec.UNSET else content.meta
    return [_record(doc) for doc in records], meta
