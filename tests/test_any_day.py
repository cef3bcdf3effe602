"""No test may pass only on the day it was written: the tests that meet the real clock run
again under faketime, on the days that catch date bugs.

These are deselected from the ordinary run (pyproject's addopts has `-m "not faketime"`)
because each day repeats a good part of the suite: `python -m pytest -n 2 -m faketime`,
a step of .ci/run of its own after the main suite.

Tests marked `kernel_clock` sit these days out: they compare our clock with what the
kernel keeps by the real one (file times, timed waits), which faketime does not move, so
on a faked day they would fail for faketime's sake, not the date's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.tools import find_tool

pytestmark = [pytest.mark.faketime, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent

# Every folder whose tests read today's date, or drive code that does (the CLI, setting up a
# couple without a fixed day). The UI tests give the app a fixed clock, so they are not here.
DATE_SENSITIVE = ["tests/domain", "tests/store", "tests/features", "tests/cli"]

# (faked local time, time zone). Noon, so a test that is wrong only around midnight is not
# what fails here; the point is the day itself.
DAYS = {
    "monday": ("2026-11-30 12:00:00", "UTC"),
    "sunday": ("2026-12-06 12:00:00", "UTC"),
    "leap-day": ("2028-02-29 12:00:00", "UTC"),
    # Clocks go forward that night in Europe: a 23-hour day.
    "dst-change-berlin": ("2026-03-29 12:00:00", "Europe/Berlin"),
    "new-years-eve": ("2026-12-31 12:00:00", "UTC"),
}


def faketime() -> str:
    return find_tool("faketime")


def under_faketime(moment: str, zone: str, *command: str) -> subprocess.CompletedProcess[str]:
    # Not the outer run's PYTEST_* (an xdist worker's name, the current test): a fresh run.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["TZ"] = zone
    return subprocess.run(
        [faketime(), "-f", f"@{moment}", *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
        stdin=subprocess.DEVNULL,
    )


def test_faketime_moves_the_clock_python_reads() -> None:
    """Otherwise the days below would all quietly be today."""
    shown = under_faketime(
        "2028-02-29 12:00:00",
        "UTC",
        sys.executable,
        "-c",
        "import datetime as d; print(d.date.today())",
    )
    assert shown.stdout.strip() == "2028-02-29", shown.stderr


@pytest.mark.parametrize("day", DAYS)
def test_the_date_sensitive_tests_pass_on(day: str) -> None:
    moment, zone = DAYS[day]
    # -p no:cacheprovider: nothing written into the work tree; -x: one failure says enough.
    args = [
        "-m",
        "pytest",
        "-q",
        "-x",
        "-p",
        "no:cacheprovider",
        "-m",
        "not slow and not kernel_clock",
    ]
    done = under_faketime(moment, zone, sys.executable, *args, *DATE_SENSITIVE)
    tail = "\n".join(done.stdout.splitlines()[-40:])
    assert done.returncode == 0, f"on {moment} ({zone}):\n{tail}\n{done.stderr[-2000:]}"
