"""The JSON Schema of `rekindle export json`, made from the very structs each kind's data
is validated with, so the published schema cannot drift from what Rekindle reads.

docs/export-schema.json is this module's output (`python -m tracker.export.json_schema`);
a test fails when the committed file differs. Only tests and that command import it.
"""

from __future__ import annotations

import importlib
import json
import sys
from typing import Any, Final

import msgspec

from tracker.export.json_export import FORMAT, VERSION, known_kinds

# Each kind's data struct as "module:Struct" under tracker.domain: the struct its
# `from_data` converts to (domain/kinds.py names the domain type, not its struct). A kind
# not named here (a goal, read leniently by hand; the plain kinds such as values or the
# week's prompt) is described as any object.
DATA_SHAPES: Final[dict[str, str]] = {
    "person": "models:PersonData",
    "habit": "models:HabitData",
    "check": "models:CheckData",
    "appreciation": "checkin.promises:AppreciationData",
    "checkin": "checkin.model:CheckInData",
    "repair": "checkin.promises:RepairData",
    "promise": "checkin.promises:PromiseData",
    "milestone": "goals.model:MilestoneData",
    "date": "dates.records:DateNightData",
    "date-occurrence": "dates.records:MarkData",
    "date-rating": "dates.views:RatingData",
    "idea": "dates.jar:IdeaData",
    "talk": "talks.records:SlotData",
    "talk-occurrence": "talks.records:OccurrenceData",
    "talk-note": "talks.log:NoteData",
    "talk-followup": "talks.log:FollowupData",
    "prompt-pref": "talks.prompts:PromptPrefData",
    "daily-asked": "daily.model:AskedData",
    "daily-answer": "daily.model:AnswerData",
    "daily-hidden": "hidden:HideData",
    "lovemap-round": "lovemap.model:RoundStartData",
    "lovemap-answer": "lovemap.model:WordsData",
    "lovemap-guess": "lovemap.model:WordsData",
    "lovemap-mark": "lovemap.model:MarkData",
    "lovemap-hidden": "hidden:HideData",
}
DEFS: Final = "#/$defs/{name}"


def data_struct(kind: str) -> type[msgspec.Struct]:
    module, _, name = DATA_SHAPES[kind].partition(":")
    found: type[msgspec.Struct] = getattr(importlib.import_module(f"tracker.domain.{module}"), name)
    return found


def export_schema() -> dict[str, Any]:
    kinds = sorted(known_kinds())
    shaped = [kind for kind in kinds if kind in DATA_SHAPES]
    refs, defs = msgspec.json.schema_components(
        [data_struct(kind) for kind in shaped], ref_template=DEFS
    )
    by_kind = dict(zip(shaped, refs, strict=True))
    defs["Record"] = {
        "description": "One thing the couple made: its kind, its id (the same in every "
        "export, so an import can tell what a folder already has) and its data as Rekindle "
        "stores it. Data may hold fields a newer Rekindle added; readers ignore those.",
        "type": "object",
        "required": ["data", "id", "kind"],
        "additionalProperties": False,
        "properties": {
            "kind": {"enum": kinds},
            "id": {"type": "string", "minLength": 1},
            "data": {"type": "object"},
        },
        "allOf": [
            {
                "if": {"properties": {"kind": {"const": kind}}},
                "then": {"properties": {"data": by_kind[kind]}},
            }
            for kind in shaped
        ],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Rekindle export, version {VERSION}",
        "description": "Everything a couple made in Rekindle (`rekindle export json`): "
        "every live record, sorted by kind then id. A reader refuses a version above the "
        "one it knows.",
        "type": "object",
        "required": ["format", "records", "version"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "version": {"const": VERSION},
            "records": {"type": "array", "items": {"$ref": DEFS.format(name="Record")}},
        },
        "$defs": defs,
    }


def schema_text() -> str:
    return json.dumps(export_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    sys.stdout.write(schema_text())
