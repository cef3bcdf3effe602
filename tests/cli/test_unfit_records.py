"""`status`, `habits`, `tick` and `doctor` with a partner record the app cannot use (issue 15):
each keeps working with the rest, never a traceback; the partner's file stays as it was."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_habit_cmds import Setup
from tests.store.unfit_cases import BAD, Bad, plant


def no_crash(setup: Setup, *args: str) -> str:
    result = setup.run(*args)
    assert "Traceback" not in result.err + result.out
    assert "something unexpected" not in result.err
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_commands_keep_working_and_doctor_names_it(alex: Setup, bad: Bad) -> None:
    path = plant(alex.data, bad)
    before = path.read_bytes()
    status = json.loads(no_crash(alex, "status", "--json"))
    assert status["people"]["a"]["habits"]
    assert "Ask about their day" in no_crash(alex, "habits")
    assert "Ticked" in no_crash(alex, "tick", "specific thank")
    report = json.loads(no_crash(alex, "doctor", "--json"))
    (skipped,) = report["skipped_records"]
    assert skipped["file"] == str(path)
    assert (skipped["record"], skipped["field"], skipped["reason"]) == (
        bad.record_id,
        bad.field,
        bad.reason,
    )
    assert "Skipped" in no_crash(alex, "doctor")
    assert path.read_bytes() == before


def test_a_partner_file_with_nan_is_read(alex: Setup) -> None:
    bad = next(b for b in BAD if b.name == "check status")
    path = plant(alex.data, bad)
    raw = path.read_bytes().replace(b'"status":"bogus"', b'"status":"done","value":NaN')
    path.write_bytes(raw)
    status = no_crash(alex, "status", "--json")
    json.loads(status, parse_constant=lambda c: pytest.fail(f"not strict JSON: {c}"))
    report = json.loads(no_crash(alex, "doctor", "--json"))
    assert [s["field"] for s in report["skipped_records"]] == ["value"]
    assert path.read_bytes() == raw
