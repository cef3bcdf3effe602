"""`rekindle export json` and `rekindle import json`: the couple's whole state out and back in,
byte for byte, and a file from elsewhere refused whole, with the folder untouched."""

from __future__ import annotations

import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import run_command
from tests.voice import banned_words_in
from tracker.domain.kinds import KINDS
from tracker.export.json_export import export_document, read_document
from tracker.export.json_schema import DATA_SHAPES, export_schema, schema_text
from tracker.store.records import Record
from tracker.store.sample import write_sample

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "docs" / "export-schema.json"


def folder_bytes(data: Path) -> dict[str, bytes]:
    """Every replica file of the folder, to show nothing was written."""
    return {
        str(path.relative_to(data)): path.read_bytes()
        for path in sorted((data / "replicas").rglob("*.json"))
    }


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A quarter of a year of Alex and Sam, up to now (the real clock, as status reads it)."""
    out = tmp_path_factory.mktemp("sample") / "couple"
    write_sample(out, 0.25, 5)
    return out


@pytest.fixture
def alex(sample: Path, tmp_path: Path, rekindle_here: RunHere) -> Path:
    """Alex's device on a copy of the sample couple; its config folder."""
    copy = tmp_path / "sample"
    shutil.copytree(sample, copy)
    config = tmp_path / "alex"
    rekindle_here(config, "join", "--data", str(copy), "--as", "a").ok()
    return config


def new_couple(tmp_path: Path, rekindle_here: RunHere, name: str = "fresh") -> Path:
    """`rekindle init` on a new folder with no starter habits: a couple with no data yet."""
    config = tmp_path / f"{name}-config"
    rekindle_here(
        config,
        "init",
        "--data",
        str(tmp_path / name),
        "--name",
        "Kim",
        "--partner-name",
        "Lee",
        "--tz",
        "Europe/London",
        "--no-starters",
    ).ok()
    return config


def test_the_sample_couple_goes_out_and_comes_back_the_same(
    alex: Path, tmp_path: Path, rekindle_here: RunHere
) -> None:
    exported = tmp_path / "us.json"
    rekindle_here(alex, "export", "json", "--out", str(exported)).ok()
    again = rekindle_here(alex, "export", "json").ok()
    assert again.encode() == exported.read_bytes()  # the same data, the same bytes
    kinds = {record["kind"] for record in json.loads(again)["records"]}
    assert {"person", "habit", "check", "talk", "date", "checkin", "promise"} <= kinds

    fresh = new_couple(tmp_path, rekindle_here)
    # A real process: the exit code and what it says, as a person meets them.
    said = run_command(fresh, "import", "json", str(exported)).ok()
    assert said.startswith("Imported ")
    status = rekindle_here(fresh, "status", "--json").ok()
    assert status == rekindle_here(alex, "status", "--json").ok()
    assert "Alex" in status and "Kim" not in status  # the export's people replaced init's
    assert rekindle_here(fresh, "export", "json").ok() == again


def test_importing_twice_adds_nothing_and_asks_before_mixing(
    alex: Path, tmp_path: Path, rekindle_here: RunHere
) -> None:
    exported = tmp_path / "us.json"
    rekindle_here(alex, "export", "json", "--out", str(exported)).ok()
    fresh = new_couple(tmp_path, rekindle_here)
    rekindle_here(fresh, "import", "json", str(exported)).ok()
    before = folder_bytes(tmp_path / "fresh")

    refused = rekindle_here(fresh, "import", "json", str(exported)).refused()
    assert "already has your data" in refused and "--merge" in refused
    merged = rekindle_here(fresh, "import", "json", str(exported), "--merge").ok()
    assert merged.startswith("Nothing new")
    assert folder_bytes(tmp_path / "fresh") == before


def test_merge_adds_what_is_missing_and_keeps_what_the_folder_has(
    couples: Couples, tmp_path: Path, rekindle_here: RunHere
) -> None:
    couples.create(config="ours").store.close()
    ours = tmp_path / "ours"
    rekindle_here(ours, "habit", "add", "Morning walk").ok()
    rekindle_here(ours, "appreciate", "You made tea").ok()
    exported = tmp_path / "ours.json"
    rekindle_here(ours, "export", "json", "--out", str(exported)).ok()
    old = json.loads(exported.read_text(encoding="utf-8"))

    # Since that export: the habit was renamed here, and the file gains a thank-you.
    habit = next(r for r in old["records"] if r["kind"] == "habit")
    rekindle_here(ours, "habit", "edit", "Morning walk", "--title", "Evening walk").ok()
    thanks = next(r for r in old["records"] if r["kind"] == "appreciation")
    extra = {**thanks, "id": "appreciation:0000000000ff", "data": {**thanks["data"]}}
    extra["data"]["text"] = "You fixed the bike"
    old["records"].append(extra)
    exported.write_text(json.dumps(old), encoding="utf-8")

    said = rekindle_here(ours, "import", "json", str(exported), "--merge").ok()
    assert said.startswith("Imported 1 records") and "already here" in said
    now = json.loads(rekindle_here(ours, "export", "json").ok())["records"]
    by_id = {r["id"]: r for r in now}
    assert by_id[habit["id"]]["data"]["title"] == "Evening walk"  # the newer edit stands
    texts = sorted(r["data"]["text"] for r in now if r["kind"] == "appreciation")
    assert texts == ["You fixed the bike", "You made tea"]


def test_both_devices_export_the_same_bytes(
    couples: Couples, tmp_path: Path, rekindle_here: RunHere
) -> None:
    couples.create(config="alex").store.close()
    couples.join(config="sam").store.close()
    alex, sam = tmp_path / "alex", tmp_path / "sam"
    rekindle_here(alex, "habit", "add", "Phone-free dinner", "--owner", "together").ok()
    rekindle_here(sam, "appreciate", 'Thank you for the «soup», "really" 💛').ok()
    rekindle_here(alex, "tick", "Phone-free dinner").ok()
    from_alex = rekindle_here(alex, "export", "json").stdout
    assert rekindle_here(sam, "export", "json").stdout == from_alex
    assert '«soup», \\"really\\" 💛'.encode() in from_alex  # as typed, UTF-8
    assert from_alex.endswith(b"}\n") and not from_alex.endswith(b"\n\n")  # one newline


def _export_with(records: list[dict[str, Any]]) -> bytes:
    return json.dumps({"format": "rekindle-export", "version": 1, "records": records}).encode()


GOOD = {"kind": "appreciation", "id": "appreciation:1", "data": {}}
GOOD["data"] = {"by": "a", "to": "b", "day": "2026-11-02", "text": "You listened"}


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        (b"hello, this is not json", "not valid JSON"),
        (b"", "is empty"),
        (b"\xff\xfe\x00", "not text"),
        (b'{"a": 1}', "not a Rekindle export"),
        (b"[1, 2]", "not a Rekindle export"),
        (b'{"format": "rekindle-export", "version": 2, "records": []}', "newer Rekindle"),
        (b'{"format": "rekindle-export", "version": "1", "records": []}', "no version"),
        (_export_with([GOOD, {**GOOD, "id": "x:2", "kind": "telepathy"}]), "does not know"),
        (_export_with([GOOD, {**GOOD, "id": "x:3", "data": {"by": "a"}}]), "does not fit"),
        (_export_with([GOOD, GOOD]), "twice"),
        (_export_with([GOOD, {**GOOD, "id": 7}]), "damaged"),
        (_export_with([GOOD, GOOD | {"id": "x:4"}])[:-30], "cut off"),
    ],
)
def test_a_bad_file_is_refused_whole_and_nothing_is_written(
    payload: bytes, words: str, couples: Couples, tmp_path: Path, rekindle_here: RunHere
) -> None:
    couples.create(config="ours").store.close()
    rekindle_here(tmp_path / "ours", "habit", "add", "Morning walk").ok()
    before = folder_bytes(tmp_path / "data")
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    said = rekindle_here(tmp_path / "ours", "import", "json", str(bad), "--merge").refused()
    assert said.startswith("rekindle: Nothing was imported: ") and words in said
    assert banned_words_in(said) == []
    assert folder_bytes(tmp_path / "data") == before


def test_a_damaged_record_goes_out_as_it_is_and_is_named_before_import(
    couples: Couples, tmp_path: Path, rekindle_here: RunHere
) -> None:
    couple = couples.create(config="ours")
    couple.store.put("appreciation", "appreciation:bad", {"by": "a", "text": 5})
    couple.store.close()
    exported = tmp_path / "ours.json"
    ran = rekindle_here(tmp_path / "ours", "export", "json", "--out", str(exported))
    assert "1 record in the export does not fit its kind" in ran.err
    assert '"text": 5' in exported.read_text(encoding="utf-8")  # nothing left out
    fresh = new_couple(tmp_path, rekindle_here)
    said = rekindle_here(fresh, "import", "json", str(exported)).refused()
    assert "'appreciation:bad') that does not fit its kind" in said


def test_a_missing_file_is_said_plainly(tmp_path: Path, rekindle_here: RunHere) -> None:
    fresh = new_couple(tmp_path, rekindle_here)
    said = rekindle_here(fresh, "import", "json", str(tmp_path / "nope.json")).refused()
    assert "There is no file" in said


def _appreciation(text: str, number: int) -> Record:
    data = {"by": "a", "to": "b", "day": "2026-11-02", "text": text}
    return Record(f"appreciation:{number}", "appreciation", "0" * 15 + ".000000", "r", False, data)


BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
TRICKY = st.sampled_from([*sorted(BIDI), "\x9b", "\x7f", "\x1b", "\u2028", '"', "\\", "\n", "💛"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(st.characters() | TRICKY, min_size=1, max_size=60), min_size=1, max_size=5))
def test_any_text_comes_back_exactly(texts: list[str]) -> None:
    """Quotes, newlines, emoji, even a lone surrogate from a damaged file: the document
    stays valid UTF-8 JSON and gives back exactly what went in."""
    records = [_appreciation(text, n) for n, text in enumerate(texts)]
    payload = export_document(records)
    shown = payload.decode("utf-8")  # strict: no lone surrogate slipped into the bytes
    # Printed to a terminal, nothing in it acts: controls and bidi marks travel escaped.
    acting = [c for c in shown if c != "\n" and unicodedata.category(c) in ("Cc", "Zl", "Zp")]
    assert acting == [] and not BIDI & set(shown)
    back = read_document(payload)
    assert [r.data["text"] for r in back] == texts
    assert export_document(records[::-1]) == payload  # order in, never order out


def test_a_lone_surrogate_is_written_as_its_escape() -> None:
    payload = export_document([_appreciation("half a pair: \ud83d", 1)])
    assert b"half a pair: \\ud83d" in payload
    assert read_document(payload)[0].data["text"] == "half a pair: \ud83d"


def test_the_committed_schema_is_the_one_the_structs_make() -> None:
    """docs/export-schema.json is generated: `python -m tracker.export.json_schema`."""
    assert SCHEMA.read_text(encoding="utf-8") == schema_text()


def test_every_kind_with_a_declared_struct_has_its_schema() -> None:
    typed = {name for name, kind in KINDS.items() if kind.reads_as is not None}
    assert typed - set(DATA_SHAPES) == {"goal"}  # a goal is read leniently, by hand


def test_the_export_fits_its_schema_and_a_damaged_record_does_not(
    alex: Path, rekindle_here: RunHere
) -> None:
    validator = jsonschema.Draft202012Validator(export_schema())
    document = json.loads(rekindle_here(alex, "export", "json").ok())
    assert list(validator.iter_errors(document)) == []
    check = next(r for r in document["records"] if r["kind"] == "check")
    check["data"]["day"] = "last tuesday"
    assert not validator.is_valid(document)
