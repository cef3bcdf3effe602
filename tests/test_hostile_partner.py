"""Issue 15, the whole sweep: each hostile-partner case against every command that reads the
folder. Each exits 0 or with one plain line, never a traceback; `--json` is strict JSON;
nothing a terminal would obey reaches stdout or stderr; the partner's files are left
byte for byte; and `doctor --json` names what is wrong."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_habit_cmds import STARTERS, london_today
from tests.hostile_partner import CASES, IDS, Case, partner_files, write_case
from tests.rekindle_cli import command_env, run_command, use_config
from tests.store.store_helpers import PYTHON
from tests.ui.hostile import EVIL_TITLE
from tracker.store.setup import create_couple

ROOT = Path(__file__).resolve().parents[1]
COMMANDS: list[list[str]] = [
    ["status"],
    ["status", "--json"],
    ["habits"],
    ["habits", "--json"],
    ["tick", "One specific"],
    ["talk"],
    ["talk", "list"],
    ["talk", "list", "--json"],
    ["date", "list"],
    ["date", "list", "--json"],
    ["idea", "--list"],
    ["idea", "--list", "--json"],
    ["prompt", "--json"],
    ["checkin", "--show"],
    ["checkin", "--show", "--json"],
    ["question"],
    ["question", "--json"],
    ["question", "--history", "--json"],
    ["lovemap"],
    ["lovemap", "--json"],
    ["lovemap", "history", "--json"],
    ["promise", "list"],
    ["promise", "list", "--json"],
    ["goals"],
    ["goals", "--json"],
    ["align"],
    ["align", "--json"],
    ["export", "ics"],
    ["export", "ics", "--include", "conversations"],
    ["sync", "status"],
    ["sync", "status", "--json"],
    ["doctor"],
    ["doctor", "--json"],
]
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Zero-width joiner (U+200D) is left out: it holds an emoji family together, by design.
HIDING = set("\u200b\u200c\u2060\ufeff")


def strict(out: str) -> Any:
    def refuse(constant: str) -> object:
        raise ValueError(f"not strict JSON: {constant}")

    return json.loads(out, parse_constant=refuse)


def raw_controls(text: str) -> set[str]:
    """What a terminal would obey, reorder or hide: all but line breaks (and an .ics file's
    CRLF line ends)."""
    return {
        ch
        for ch in text
        if (unicodedata.category(ch) == "Cc" and ch not in "\n\r") or ch in BIDI | HIDING
    }


def strings(value: Any) -> list[str]:
    """Every string in a parsed JSON document, keys included."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (k, *strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> tuple[Path, Path, str]:
    """Alex's device on a fresh folder, then the partner's hostile files in it."""
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    use_config(monkeypatch, config)
    couple = create_couple(data, "Alex", "Sam", "Europe/London", 4, STARTERS, london_today())
    couple.store.close()
    names = write_case(data, case)
    return config, data, couple.store.replica_id, names  # type: ignore[return-value]


def sweep(config: Path, commands: list[list[str]]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [PYTHON, "-m", "tests.hostile_driver"],
        input=json.dumps(commands),
        env=command_env(config, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def problems(result: dict[str, Any]) -> list[str]:
    """Everything wrong with one command's run, in words (empty when it behaved)."""
    said, out, err = " ".join(result["argv"]), result["out"], result["err"]
    found = []
    if result["crash"] or "Traceback" in out + err or "something unexpected" in err:
        found.append(f"{said}: crashed\n{result['crash'] or err}")
    if result["code"] not in (0, 1):
        found.append(f"{said}: exit {result['code']}\n{err}")
    if result["code"] == 1 and not (
        len(err.strip().splitlines()) == 1 and err.startswith("rekindle: ")
    ):
        found.append(f"{said}: exit 1 without one clear line: {err!r}")
    if leaked := raw_controls(out + err):
        found.append(f"{said}: raw {sorted(map(hex, map(ord, leaked)))} written")
    if "--json" in result["argv"] and result["code"] == 0:
        try:
            strict(out)
        except ValueError as error:
            found.append(f"{said}: not strict JSON: {error}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_every_command_survives_the_case_and_doctor_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case
) -> None:
    config, data, own, names = folder(tmp_path, monkeypatch, case)
    before = partner_files(data, own)
    results = sweep(config, COMMANDS)
    found = [p for result in results for p in problems(result)]
    assert not found, "\n\n".join(found)
    assert partner_files(data, own) == before
    if case.shown:
        habits = next(r for r in results if r["argv"] == ["habits", "--json"])
        assert case.shown in strings(strict(habits["out"])), habits["out"]
    if case.name == "escapes":  # the partner's love-map words arrive whole, as data
        shown = strict(next(r for r in results if r["argv"] == ["lovemap", "--json"])["out"])
        items = shown["round"]["items"]
        assert [(i["key"], i["they_answered"], i["they_guessed"]) for i in items] == [
            ("lovemap-001", True, False),
            (EVIL_TITLE, False, True),
        ]
    doctor = next(r for r in results if r["argv"] == ["doctor", "--json"])
    report = "\n".join(strings(strict(doctor["out"])))
    missing = [name for name in names if name not in report]
    assert not missing, report


@pytest.mark.parametrize("case", [c for c in CASES if c.name in ("escapes", "symlinks out")])
def test_a_real_process_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: Case) -> None:
    """The in-process sweep, checked against real `rekindle` processes for two commands."""
    config, data, own, _ = folder(tmp_path, monkeypatch, case)
    before = partner_files(data, own)
    for command in (["status", "--json"], ["sync", "status"]):
        done = run_command(config, *command, timeout=120)
        out, err = done.out, done.err
        result = {"argv": command, "code": done.code, "out": out, "err": err, "crash": ""}
        assert not problems(result), problems(result)
        assert done.code == 0, err
        assert b"\x1b" not in done.stdout + done.stderr
    assert partner_files(data, own) == before
