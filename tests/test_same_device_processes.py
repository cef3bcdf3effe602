"""One computer, several Rekindles at once: the app open in a terminal while scripts tick.

Before the replica lock, the app (and any second process) kept its own copy of the
month file and rewrote it whole: 100 of 100 CLI ticks made while the app was open
were lost, and two CLI loops on one month lost 2 of 200. Here every tick that said
"Ticked" and exited 0 is counted on disk afterwards.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.rekindle_cli import Ran, command_env, run_command
from tests.test_tmux_first_run import _start
from tracker.domain.days import local_day
from tracker.store.store import Store

pytestmark = pytest.mark.slow


def rekindle(config: Path, *args: str) -> Ran:
    # Real processes: several of them at once on one folder is what this file tests.
    return run_command(config, *args, TZ="Europe/London")


SET_UP = """
import sys
from datetime import date, timedelta
from pathlib import Path
from tracker.store.setup import create_couple
starters = ["specific-thank-you", "ask-about-their-day", "unhurried-talk", "share-one-worry"]
couple = create_couple(Path(sys.argv[1]), "Alex", "Sam", "Europe/London", 4, starters,
                       today=date.today() - timedelta(days=40))
print("\\n".join(h.title for h in couple.habits() if h.owner.value == "each"))
"""


def set_up(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A couple whose habits began forty days ago, so there are past days to tick."""
    config, data = tmp_path / "config", tmp_path / "shared"
    made = subprocess.run(
        [sys.executable, "-c", SET_UP, str(data)],
        env=command_env(config, TZ="Europe/London"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    return config, data, made.stdout.split("\n")[:3]


def notes_on_disk(data: Path) -> set[str]:
    store = Store(data, "counter00000")
    store.load(use_cache=False)
    assert store.problems() == []
    return {
        str(r.data.get("note"))
        for r in store.live("check")
        if str(r.data.get("note", "")).startswith("CLI-")
    }


def last_days(count: int) -> list[str]:
    """The couple's last days: their day is London's and begins at 04:00 (set up above),
    so between midnight and four this machine's date is still a day ahead of theirs."""
    today = local_day(datetime.now(UTC), "Europe/London", 4)
    return [(today - timedelta(days=back)).isoformat() for back in range(count)]


def test_cli_ticks_made_while_the_app_is_open_are_all_kept(tmp_path: Path) -> None:
    config, data, titles = set_up(tmp_path)
    term = _start(tmp_path)  # the same config and folder, in a real terminal
    acknowledged: set[str] = set()
    try:
        term.wait_for("Together streak")
        n = 0
        for title in titles:
            for day in last_days(8):
                # Sam's ticks from a script; Alex's own first row is the app's to toggle.
                note = f"CLI-{n}"
                done = rekindle(config, "tick", title, "--date", day, "--note", note, "--for", "b")
                assert done.code == 0, done.err
                assert "Ticked" in done.out
                acknowledged.add(note)
                n += 1
                # Meanwhile the app ticks and unticks Alex's first row, today and yesterday.
                term.keys("Space", "[", "Space", "]")
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
    assert len(acknowledged) == 3 * 8
    assert notes_on_disk(data) >= acknowledged


def test_two_cli_loops_on_one_month_lose_nothing(tmp_path: Path) -> None:
    config, data, titles = set_up(tmp_path)
    days = last_days(10)
    loop = (
        "import subprocess, sys\n"
        "title, tag, days = sys.argv[1], sys.argv[2], sys.argv[3:]\n"
        "for i, day in enumerate(days):\n"
        "    r = subprocess.run([sys.executable, '-m', 'tracker', 'tick', title, '--date', day,\n"
        "                        '--note', f'CLI-{tag}-{i}'], capture_output=True, text=True)\n"
        "    if r.returncode == 0 and 'Ticked' in r.stdout:\n"
        "        print(f'CLI-{tag}-{i}', flush=True)\n"
    )
    env = command_env(config, TZ="Europe/London")
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", loop, title, tag, *days],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for title, tag in ((titles[0], "x"), (titles[1], "y"))
    ]
    acknowledged = set()
    for process in loops:
        out, _ = process.communicate(timeout=300)
        acknowledged |= set(out.split())
    assert len(acknowledged) == 2 * len(days)
    assert notes_on_disk(data) >= acknowledged
