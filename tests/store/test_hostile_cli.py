"""Hostile files, permissions and far-off days, as a person meets them on the command
line: exit 0 or 1, one plain line, never a traceback, and every file left as it was."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunHere
from tests.rekindle_cli import Ran, run_command
from tests.store.store_helpers import THEM, tree_bytes
from tests.tools import cannot
from tracker.store.guards import MAX_FILE_BYTES

INIT = ("--name", "Alex", "--partner-name", "Sam", "--tz", "Europe/London")
# Root reads anything whatever its mode; without these two capabilities it is held to
# the permission bits like anyone else (the suite runs as root in CI).
NO_OVERRIDE = "--bounding-set=-dac_override,-dac_read_search"


# `run` is `rekindle_here` (in this process) unless permission bits are the point: then
# `held`, a real process under setpriv.


def ok(run: RunHere, config: Path, *args: str) -> str:
    """Exit 0; plain warnings on stderr are fine here, a traceback never."""
    return run(config, *args).ok(warnings=True)


def refused(run: RunHere, config: Path, *args: str) -> str:
    return run(config, *args).refused()


def findings(run: RunHere, config: Path) -> str:
    report = json.loads(ok(run, config, "doctor", "--json"))
    return "\n".join(f"{f['level']}: {f['text']} → {f['fix']}" for f in report["findings"])


@pytest.fixture
def alex(tmp_path: Path, rekindle_here: RunHere) -> tuple[Path, Path]:
    config, data = tmp_path / "conf-alex", tmp_path / "Rekindle"
    ok(rekindle_here, config, "init", "--data", str(data), *INIT, "--starter", "phone-free-dinner")
    (data / "replicas" / THEM / "log").mkdir(parents=True)
    return config, data


@pytest.fixture
def held_to_modes() -> list[str]:
    """A command prefix under which permission bits apply, even to root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv and subprocess.run([setpriv, NO_OVERRIDE, "true"]).returncode == 0:
        return [setpriv, NO_OVERRIDE]
    cannot("cannot drop root's file capabilities here (setpriv)")


@pytest.fixture
def held(held_to_modes: list[str]) -> RunHere:
    """`rekindle` as a real process held to the permission bits: setpriv drops root's
    capabilities for a whole process, so this one cannot run in the test's own."""

    def run(config: Path, *args: str, stdin: str = "", **env: str) -> Ran:
        return run_command(config, *args, stdin=stdin, wrapper=held_to_modes, timeout=120, **env)

    return run


def test_hostile_partner_files_are_named_and_left_alone(
    alex: tuple[Path, Path], rekindle_here: RunHere
) -> None:
    config, data = alex
    theirs = data / "replicas" / THEM
    (theirs / "core.json").write_bytes(b"[" * 100_000 + b"]" * 100_000)
    with (theirs / "log" / "2026-10.json").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    (theirs / "log" / "2026-09.json").symlink_to("/etc/passwd")
    (data / "replicas" / "evil0000cccc").symlink_to("/etc", target_is_directory=True)
    before = tree_bytes(theirs)

    ok(rekindle_here, config, "status")
    ok(rekindle_here, config, "tick", "Phone-free dinner")
    text = findings(rekindle_here, config)
    for path, words in (
        (theirs / "core.json", "nested far deeper"),
        (theirs / "log" / "2026-10.json", "bigger than any Rekindle file"),
        (theirs / "log" / "2026-09.json", "a link"),
        (data / "replicas" / "evil0000cccc", "a link"),
    ):
        assert f"warn: {path}: " in text and words in text, text
    assert "root:" not in text
    assert tree_bytes(theirs) == before


def test_a_partner_file_we_may_not_read(alex: tuple[Path, Path], held: RunHere) -> None:
    config, data = alex
    locked = data / "replicas" / THEM / "core.json"
    locked.write_bytes(b'{"meta": {"1": {"schema": 1}}, "records": {}}')
    locked.chmod(0)
    unlisted = data / "replicas" / "them0000dddd"
    unlisted.mkdir(mode=0)

    ok(held, config, "status")
    text = findings(held, config)
    for path in (locked, unlisted):
        assert f"{path}: {path.name}: this user is not allowed to read it" in text, text
    assert "chmod -R u+rwX" in text or "chown" in text
    assert "does not parse" not in text and "damaged" not in text


def test_a_data_folder_we_may_not_read(alex: tuple[Path, Path], held: RunHere) -> None:
    config, data = alex
    data.chmod(0)
    try:
        for command in (("status",), ("doctor",), ("tick", "Phone-free dinner"), ("habits",)):
            line = refused(held, config, *command)
            assert f"may not read or change {data}" in line, line
            assert "permission denied" in line and ("chmod" in line or "chown" in line)
    finally:
        data.chmod(0o700)


def test_a_tick_into_our_own_read_only_folder_says_not_saved(
    alex: tuple[Path, Path], held: RunHere
) -> None:
    config, data = alex
    ours = next(p for p in (data / "replicas").iterdir() if p.name != THEM)
    before = tree_bytes(ours)
    paths = [*sorted(ours.rglob("*"), reverse=True), ours]
    for path in paths:
        path.chmod(0o500 if path.is_dir() else 0o400)
    try:
        ok(held, config, "status")
        line = refused(held, config, "tick", "Phone-free dinner")
        assert line.startswith("rekindle: Not saved: This user may not read or change"), line
        assert str(ours) in line
    finally:
        for path in paths:
            path.chmod(0o700 if path.is_dir() else 0o600)
    assert tree_bytes(ours) == before


@pytest.mark.parametrize(
    "command",
    [
        ("status", "--date", "0001-01-01"),
        ("tick", "Phone-free dinner", "--date", "0001-01-01"),
        ("talk", "log", "--date", "0001-01-01", "--topic", "t"),
        ("talk", "log", "--topic", "t", "--due", "9999-12-31"),
        ("talk", "add", "--every", "once", "--day", "9999-12-31", "--at", "20:00"),
        ("talk", "skip", "--date", "0001-01-01"),
        ("export", "ics", "--from", "0001-01-01"),
        ("export", "ics", "--to", "9999-12-31"),
    ],
)
def test_a_day_off_the_calendar_is_one_clear_line(
    alex: tuple[Path, Path], command: tuple[str, ...], rekindle_here: RunHere
) -> None:
    config, data = alex
    before = tree_bytes(data)
    line = refused(rekindle_here, config, *command)
    assert "1970" in line and "2199" in line, line
    assert tree_bytes(data) == before


def test_the_crash_log_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tracker.cli import _log_crash

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    try:
        raise RuntimeError("a note someone wrote")
    except RuntimeError:
        where = _log_crash()
        again = _log_crash()
    assert where is not None and where == again
    assert "a note someone wrote" in where.read_text()
    assert stat.S_IMODE(where.stat().st_mode) == 0o600
    assert stat.S_IMODE(where.parent.stat().st_mode) == 0o700
