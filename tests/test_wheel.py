"""The built wheel, installed in a fresh virtual environment, opens with its styles."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent

HEADLESS_TODAY = """
import asyncio, os, sys
from pathlib import Path
import tracker.ui.styles as styles
from tracker.store.setup import create_couple
from tracker.ui.app import make_app
from tracker.ui.screens.habits.today import TodayScreen

# The styles must come from inside the installed package, not from a checkout.
assert Path(styles.__file__).resolve().is_relative_to(Path(sys.prefix).resolve()), styles.__file__
assert styles.sheet("today.tcss").is_file(), styles.sheet("today.tcss")
# `rekindle serve`'s page (the app in a browser) is in the package too.
import tracker.cli.serve.server as server
assert "textual.js" in server.PAGE.template
couple = create_couple(Path(sys.argv[1]), "Alex", "Sam", "Europe/London", 4,
                       ["phone-free-dinner", "specific-thank-you"])

async def main():
    app = make_app(couple, poll=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen), app.screen
        # A rule from styles/today.tcss is in force (agenda in the accent colour, #figures bold).
        assert app.screen.query_one("#figures").styles.text_style.bold
        print("TODAY-RENDERED", len(app.screen.query_one("#table-me").rows_shown),
              len(app.screen.query_one("#table-us").rows_shown))

asyncio.run(main())
"""


def test_wheel_installs_and_renders_today_with_its_styles(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        timeout=300,
    )
    wheel = next(wheels.glob("rekindle_tracker-*.whl"))
    # A clean venv that sees nothing of ours: the wheel brings its own dependencies, as for
    # a user (system_site_packages would only show the base interpreter, not this venv).
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True, timeout=600)
    env = {**os.environ, "REKINDLE_CONFIG": str(tmp_path / "config"), "PYTHONPATH": ""}
    shown = subprocess.run(
        [python, "-c", HEADLESS_TODAY, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert shown.returncode == 0, shown.stderr
    assert "TODAY-RENDERED 1 1" in shown.stdout  # a habit of mine, one together
    helped = subprocess.run(
        [tmp_path / "venv" / "bin" / "rekindle", "--help"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert helped.returncode == 0 and "usage: rekindle" in helped.stdout
    assert "demo" in helped.stdout and "tick" in helped.stdout
