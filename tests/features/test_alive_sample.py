"""The demo couple and `rekindle sample` are alive on whatever day they are opened.

Their history is written up to the moment they are made, so a year after the sample was
first shipped the demo still opens on living streaks, promises not yet due and a date
night ahead; and nothing is stamped after that moment, so a device that joins a fresh
sample sees no clock running fast.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import RunHere
from tests.rekindle_cli import command_env, run_command
from tests.tools import find_tool
from tracker.cli.habit_cmds import status_data
from tracker.domain.dates.views import upcoming
from tracker.domain.models import CheckStatus, ScheduleKind
from tracker.store import checkins, dates
from tracker.store.couple import Couple
from tracker.store.records import stamp_millis
from tracker.store.sample import sample_config, write_sample

SEED = 1
HOME = ZoneInfo("Europe/London")  # where Alex and Sam live
ROOT = Path(__file__).resolve().parents[2]


def stamped(folder: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Every record each device wrote, as its stamp's millis and the record itself; and
    each file's own wall clock, as a record with no kind."""
    for path in sorted((folder / "replicas").rglob("*.json")):
        written = json.loads(path.read_text())
        for meta in written["meta"].values():
            if "clock" in meta:
                yield meta["clock"], {}
        for record in written.get("records", {}).values():
            yield stamp_millis(record["stamp"]), record


def checked_days(folder: Path) -> list[date]:
    return [
        date.fromisoformat(record["data"]["day"])
        for _, record in stamped(folder)
        if record.get("kind") == "check"
    ]


def done_share(couple: Couple, days: list[date]) -> float:
    """How much of what the daily habits asked for on `days` was done, by both of them."""
    daily = [h for h in couple.habits() if h.schedule.kind is ScheduleKind.DAILY]
    ticked = couple.checks_by()
    asked = [(h.id, key, day) for h in daily for key in h.people() for day in days]
    done = [
        found
        for habit, key, day in asked
        if (found := ticked.get(key, {}).get(habit, {}).get(day)) is not None
        and found.status is CheckStatus.DONE
    ]
    return len(done) / len(asked)


# Moments a made-up history could be asked for, and how many years of it: the day the issue
# was seen, month and year ends, a leap day, both of this zone's clock changes, just after
# midnight; and days that caught a history that only stopped at "now": a holiday running
# up to today (every streak 0), a promise due days ago still open, a pause between two runs
# of date nights (nothing planned).
MOMENTS = {
    "issue-day": (datetime(2026, 11, 30, 12, 0, tzinfo=HOME), 0.35),
    "month-end-morning": (datetime(2027, 1, 31, 7, 30, tzinfo=HOME), 0.35),
    "leap-day": (datetime(2028, 2, 29, 13, 0, tzinfo=HOME), 0.35),
    "clocks-forward": (datetime(2026, 3, 29, 10, 0, tzinfo=HOME), 0.35),  # a 23-hour day
    "clocks-back-late": (datetime(2026, 10, 25, 23, 30, tzinfo=HOME), 0.35),  # 25 hours
    "after-midnight": (datetime(2026, 12, 31, 0, 30, tzinfo=HOME), 0.35),
    "far-ahead": (datetime(2030, 6, 30, 21, 0, tzinfo=HOME), 0.35),
    "would-be-away": (datetime(2026, 9, 28, 12, 0, tzinfo=HOME), 0.35),
    "would-be-overdue": (datetime(2026, 1, 19, 12, 0, tzinfo=HOME), 0.35),
    "between-date-runs": (datetime(2026, 11, 29, 12, 0, tzinfo=HOME), 2.2),
}


@pytest.mark.parametrize("moment", MOMENTS)
def test_history_runs_up_to_now_and_no_further(tmp_path: Path, moment: str) -> None:
    now, years = MOMENTS[moment]
    today = now.date()
    folder = tmp_path / "couple"
    write_sample(folder, years, SEED, today, now)
    cutoff = int(now.timestamp() * 1000)
    stamps = [millis for millis, _ in stamped(folder)]
    assert stamps and max(stamps) <= cutoff
    days = checked_days(folder)
    assert max(days) <= today
    assert today - timedelta(days=1) in days  # yesterday was lived, not left blank
    couple = Couple.open(sample_config(folder))
    try:
        status = status_data(couple, today)
        for person in status["people"].values():
            assert sum(row["streak"] > 0 for row in person["habits"]) >= 3, person
        assert status["together_streak"] > 0
        assert not [p for p in checkins.promises(couple) if p.overdue(today)]
        ahead = upcoming(dates.dates(couple), dates.marks(couple), now)
        assert ahead and ahead[0].start > now.replace(tzinfo=None)  # both London's clock
        # The week up to yesterday is one of their good ones, whatever came before.
        last_week = [today - timedelta(days=n) for n in range(1, 8)]
        assert done_share(couple, last_week) >= 0.8
        if now.hour >= 12:  # from mid-day: some of today's daily habits done, not all
            assert 0 < done_share(couple, [today]) < 1
    finally:
        couple.store.close()


@settings(max_examples=20, deadline=None)
@given(
    now=st.datetimes(datetime(2001, 1, 1), datetime(2070, 12, 31), timezones=st.just(HOME)),
    years=st.sampled_from((0.0, 0.02, 0.1, 0.3)),
    seed=st.integers(0, 50),
)
def test_never_a_stamp_after_now_nor_a_tick_after_today(
    tmp_path_factory: pytest.TempPathFactory, now: datetime, years: float, seed: int
) -> None:
    folder = tmp_path_factory.mktemp("sample") / "couple"
    write_sample(folder, years, seed, now.date(), now)
    assert all(millis <= int(now.timestamp() * 1000) for millis, _ in stamped(folder))
    assert all(day <= now.date() for day in checked_days(folder))


def faked(moment: str) -> list[str]:
    """A command's prefix that runs it with the clock at `moment` (the real faketime), not
    at a day faked around this whole run (tests/test_any_day.py), which would carry over."""
    outer = ("LD_PRELOAD", "FAKETIME", "FAKETIME_SHARED")
    return [
        "env",
        *(f"--unset={name}" for name in outer),
        find_tool("faketime"),
        "-f",
        f"@{moment}",
    ]


# The demo opened a year after the shipped sample's last day (25 Nov 2026), in the morning
# and in the evening.
@pytest.mark.parametrize("moment", ["2027-11-26 09:30:00", "2027-11-30 20:15:00"])
def test_the_demo_a_year_on_still_has_living_streaks(tmp_path: Path, moment: str) -> None:
    config, fake = tmp_path / "config", faked(moment)
    today = date.fromisoformat(moment[:10])
    # What `rekindle demo` opens, made as it makes it, with the clock a year on.
    opened = subprocess.run(
        [*fake, sys.executable, "-c", OPEN_DEMO, str(tmp_path)],
        env=command_env(config, TZ="Europe/London"),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert opened.returncode == 0, opened.stderr

    def ask(*args: str) -> Any:
        ran = run_command(config, *args, "--json", wrapper=fake, timeout=120, TZ="Europe/London")
        return json.loads(ran.ok())

    status = ask("status")
    assert status["day"] == today.isoformat()
    for person in status["people"].values():
        assert sum(row["streak"] > 0 for row in person["habits"]) >= 3, person
    assert status["together_streak"] > 0
    promises = ask("promise", "list")["promises"]
    assert all(p["due"] >= today.isoformat() for p in promises), promises
    coming = ask("date", "list")["upcoming"]
    assert coming and coming[0]["start"] > moment.replace(" ", "T")


OPEN_DEMO = """
import sys
from pathlib import Path
from tracker.cli.demo_cmds import open_demo
open_demo(Path(sys.argv[1])).store.close()
"""


# The kernel stamps file times and times waits by the real clock, which faketime does not
# move: left out of the faked-day runs (tests/test_any_day.py), not of the suite.
@pytest.mark.kernel_clock
def test_a_fresh_sample_joined_shows_no_clock_running_fast(
    tmp_path: Path, rekindle_here: RunHere
) -> None:
    run = rekindle_here
    folder, config = tmp_path / "couple", tmp_path / "config"
    run(config, "sample", "--out", str(folder)).ok()
    run(config, "join", "--data", str(folder), "--as", "a").ok()
    report = json.loads(run(config, "doctor", "--json").ok())
    after = int(datetime.now().timestamp() * 1000)
    assert report["clock_skew"] == []
    assert not [f for f in report["findings"] if "clock" in f["text"].lower()]
    assert max(millis for millis, _ in stamped(folder)) <= after
