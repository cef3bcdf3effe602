"""The couple's whole merged state as one JSON document, and reading such a document back.

What a record carries is what the couple made, not how their devices agreed on it: its
kind, its id and its data. The stamps, device ids and per-field versions the merge works
with are left out, so the same data gives the same bytes on either partner's computer
(and after any round trip), whenever it is exported. An import writes the records again
as this device's own edits (json_import.py). Deleted things are left out: the bin is not
carried over.

The envelope is versioned. A reader refuses a newer version whole, with a sentence, and
never reads half of it; a version adds kinds or fields only by going up by one.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Final

import msgspec

from tracker.domain import kinds
from tracker.domain.checkin import kinds as checkin
from tracker.domain.daily import kinds as daily
from tracker.domain.dates import kinds as dates
from tracker.domain.goals import kinds as goals
from tracker.domain.lovemap import kinds as lovemap
from tracker.domain.talks import kinds as talks
from tracker.domain.validation import Invalid
from tracker.store.records import Record

FORMAT: Final = "rekindle-export"
VERSION: Final = 1


class ExportRecord(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One thing the couple made: what kind of thing, its id (stable across exports, so an
    import can tell what it already has) and its data as Rekindle stores it."""

    kind: str
    id: str
    data: dict[str, Any]


class Envelope(msgspec.Struct, frozen=True):
    """The whole export: `format` and `version` say what it holds, and are checked before
    anything else in it is read."""

    format: str
    version: int
    records: list[ExportRecord]


class NotAnExport(ValueError):
    """A file that is not a Rekindle export this version can read whole: the sentence why."""


def known_kinds() -> frozenset[str]:
    """Every kind this Rekindle writes: those with a domain type (domain/kinds.py) and the
    plain ones each feature names beside them (a person's values, the week's prompt …)."""
    named = {
        value
        for module in (checkin, daily, dates, goals, lovemap, talks)
        for name, value in vars(module).items()
        if name.isupper() and isinstance(value, str)
    }
    return frozenset(named | set(kinds.KINDS))


def _finite(value: Any) -> Any:
    """NaN and infinities (a damaged file can hold them) become null: strict JSON."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(item) for item in value]
    return value


# Characters that may only travel as \u escapes: controls (JSON escapes those below 0x20
# itself; DEL and C1, such as a lone CSI, a terminal would act on if the file is printed),
# the bidi controls that make text read differently than it is stored, and the line
# separators some JSON readers choke on. They only occur inside strings, where the escape
# reads back as the very same character.
_UNSAFE: Final = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def export_document(records: Iterable[Record]) -> bytes:
    """The live records as the export's bytes: sorted by kind then id, keys sorted, text as
    typed (UTF-8, not \\u escapes), one trailing newline. Same data, same bytes."""
    live = sorted((r for r in records if not r.deleted), key=lambda r: (r.kind, r.id))
    document = {
        "format": FORMAT,
        "version": VERSION,
        "records": [{"kind": r.kind, "id": r.id, "data": _finite(r.data)} for r in live],
    }
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, indent=1, allow_nan=False)
    text = _UNSAFE.sub(lambda found: f"\\u{ord(found[0]):04x}", text)
    # A lone surrogate (a damaged partner's file can hold one) is not UTF-8: written as its
    # JSON escape (it only ever sits inside a string), which reads back as the same text.
    return (text + "\n").encode("utf-8", errors="backslashreplace")


def read_document(payload: bytes) -> list[ExportRecord]:
    """The records of an export, each checked against its kind, or NotAnExport saying
    what is wrong. All or nothing: one bad record refuses the whole file."""
    try:
        found = json.loads(payload.decode("utf-8"))
    except UnicodeDecodeError:
        raise NotAnExport("is not a Rekindle export (it is not text)") from None
    except json.JSONDecodeError as error:
        if not payload.strip():
            raise NotAnExport("is empty") from None
        cut = error.pos >= len(payload.rstrip()) - 1 or error.msg.startswith("Unterminated")
        if cut:
            raise NotAnExport("ends too soon: it looks cut off before its end") from None
        where = f"line {error.lineno}, column {error.colno}"
        raise NotAnExport(f"is not a Rekindle export (not valid JSON at {where})") from None
    if not isinstance(found, dict) or found.get("format") != FORMAT:
        raise NotAnExport("is JSON, but not a Rekindle export")
    version = found.get("version")
    if type(version) is not int or version < 1:
        raise NotAnExport("is a Rekindle export with no version this Rekindle understands")
    if version > VERSION:
        raise NotAnExport(
            f"was made by a newer Rekindle (export version {version}; this one reads "
            f"up to {VERSION}); update Rekindle, then import it again"
        )
    try:
        envelope = msgspec.convert(found, Envelope)
    except msgspec.ValidationError as error:
        raise NotAnExport(f"is a Rekindle export with a damaged part ({error})") from None
    _check_records(envelope.records)
    return envelope.records


def unfit(kind: str, record_id: str, data: Mapping[str, Any], known: frozenset[str]) -> str | None:
    """Why an import would refuse this record (as the end of a sentence), or None."""
    if kind not in known:
        return "of a kind this Rekindle does not know; a newer Rekindle may"
    problem: Invalid | None = kinds.problem(kind, record_id, data)
    if problem is not None:
        return f"that does not fit its kind: {problem}"
    return None


def count_unfit(records: Iterable[Record]) -> int:
    """How many live records an import of their export would refuse: a partner's newer
    Rekindle wrote them, or they are damaged (`rekindle doctor` names each)."""
    known = known_kinds()
    return sum(
        1 for r in records if not r.deleted and unfit(r.kind, r.id, r.data, known) is not None
    )


def _check_records(records: list[ExportRecord]) -> None:
    known = known_kinds()
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        where = f"record {number} ({record.kind} {record.id!r})"
        if not record.id:
            raise NotAnExport(f"has {where} with no id")
        if record.id in seen:
            raise NotAnExport(f"has {where} twice")
        seen.add(record.id)
        why = unfit(record.kind, record.id, record.data, known)
        if why is not None:
            raise NotAnExport(f"has {where} {why}")
