"""This installation's own files: the only files in the data folder it writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document

from tracker.store.files import (
    CORE,
    LOG_DIR,
    META_TABLE,
    RECORDS_TABLE,
    REPLICAS_DIR,
    SCHEMA_VERSION,
    AtomicJSONStorage,
    FileRead,
    make_private_dir,
    read_file,
)
from tracker.store.records import Record


class ReadOnlyFile(Exception):
    """A write would overwrite a file we could not read or that a newer app wrote."""


def replica_dir(data_dir: Path, replica_id: str) -> Path:
    return data_dir / REPLICAS_DIR / replica_id


def shard_path(data_dir: Path, replica_id: str, shard: str) -> Path:
    base = replica_dir(data_dir, replica_id)
    if shard == CORE:
        return base / "core.json"
    return base / LOG_DIR / f"{shard}.json"


class _Shard:
    """One open TinyDB file with an index from record id to document id."""

    def __init__(self, path: Path, meta: dict[str, Any]) -> None:
        make_private_dir(path.parent)
        self.db = TinyDB(path, storage=AtomicJSONStorage)
        self.table = self.db.table(RECORDS_TABLE, cache_size=0)
        if not path.exists():
            # Every file carries its schema version and writer, from its first byte.
            self.db.table(META_TABLE, cache_size=0).insert(Document(meta, doc_id=1))
        self.doc_ids: dict[str, int] = {}
        self.next_doc_id = 1
        for doc in self.table.all():
            self.doc_ids[str(doc.get("id"))] = doc.doc_id
            self.next_doc_id = max(self.next_doc_id, doc.doc_id + 1)

    def _doc_id(self, record_id: str) -> int:
        doc_id = self.doc_ids.get(record_id)
        if doc_id is None:
            doc_id = self.doc_ids[record_id] = self.next_doc_id
            self.next_doc_id += 1
        return doc_id

    def put(self, record: Record) -> None:
        self.table.upsert(Document(record.to_doc(), doc_id=self._doc_id(record.id)))

    def put_many(self, records: list[Record]) -> None:
        """Several records in a single rewrite of the file (folding, imports)."""
        tables = self.db.storage.read() or {}
        table = tables.setdefault(RECORDS_TABLE, {})
        for record in records:
            table[str(self._doc_id(record.id))] = record.to_doc()
        self.db.storage.write(tables)


class ReplicaWriter:
    """Writes this replica's records into its core file and month shards."""

    def __init__(self, data_dir: Path, replica_id: str, meta: dict[str, Any]) -> None:
        self.data_dir = data_dir
        self.replica_id = replica_id
        self.meta = {**meta, "schema": SCHEMA_VERSION, "replica": replica_id}
        self._shards: dict[str, _Shard] = {}
        self._blocked: dict[str, FileRead] = {}

    def block(self, shard: str, reason: FileRead) -> None:
        """Never write this shard: we could not read it, or a newer app owns it."""
        self._blocked[shard] = reason
        self._shards.pop(shard, None)

    def path(self, shard: str) -> Path:
        return shard_path(self.data_dir, self.replica_id, shard)

    def _open(self, shard: str) -> _Shard:
        if shard in self._blocked:
            reason = self._blocked[shard]
            raise ReadOnlyFile(f"Not saved: {reason.explain()}. Run `rekindle doctor`.")
        opened = self._shards.get(shard)
        if opened is None:
            path = self.path(shard)
            if path.exists():
                # Check before TinyDB touches it: a bad file must stay as it is.
                found = read_file(path)
                if not found.writable:
                    self.block(shard, found)
                    return self._open(shard)
            opened = self._shards[shard] = _Shard(path, self.meta)
        return opened

    def ensure(self, shard: str) -> None:
        """Create the shard file (with its meta) if it is not there yet."""
        self._open(shard)

    def write(self, shard: str, records: list[Record]) -> None:
        if not records:
            return
        opened = self._open(shard)
        if len(records) == 1:
            opened.put(records[0])
        else:
            opened.put_many(records)

    def close(self) -> None:
        for opened in self._shards.values():
            opened.db.close()
        self._shards.clear()
