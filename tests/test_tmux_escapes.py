"""Issue 15 in a real terminal: a partner's escapes neither retitle nor clear it."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.rekindle_cli import use_config
from tests.test_tmux_first_run import Terminal, _rekindle, _tmux
from tests.ui.hostile import make_hostile
from tracker.domain.days import person_today
from tracker.store.setup import create_couple

pytestmark = pytest.mark.tmux
STARTERS = ["specific-thank-you", "phone-free-dinner"]


def _terminal(tmp_path: Path, command: str) -> Terminal:
    env = {
        "REKINDLE_CONFIG": str(tmp_path / "config"),
        "REKINDLE_DATA": str(tmp_path / "shared"),
        "TZ": "Europe/London",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
    }
    term = Terminal(_tmux(), f"rekindle-esc-{uuid.uuid4().hex[:8]}", (80, 24))
    exports = " ".join(f"-e {key}={value}" for key, value in env.items()).split()
    term.run("new-session", "-d", "-s", "app", "-x", "80", "-y", "24", *exports, command)
    return term


def _title(term: Terminal) -> str:
    return term.run("display-message", "-p", "-t", "app", "#{pane_title}").strip()


def test_the_harness_sees_a_title_change(tmp_path: Path) -> None:
    """The control: an escape that is obeyed does show in the pane's title."""
    term = _terminal(tmp_path, "printf '\\033]0;pwned\\007'; sleep 30")
    try:
        deadline = time.monotonic() + 10
        while _title(term) != "pwned" and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _title(term) == "pwned"
    finally:
        term.run("kill-server")


def test_partner_escapes_are_shown_not_obeyed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_config(monkeypatch, tmp_path / "config")
    monkeypatch.setenv("TZ", "Europe/London")
    couple = create_couple(tmp_path / "shared", "Alex", "Sam", "Europe/London", 4, STARTERS)
    make_hostile(couple, person_today(couple.person("a"), datetime.now(UTC)))
    couple.store.close()
    term = _terminal(tmp_path, f"{_rekindle()}; echo EXITED $?; sleep 60")
    try:
        before = _title(term)
        term.wait_for("Together streak")
        # Today, the habit form, Sync and Settings each draw the partner's words.
        for keys, sign in (
            ((), "Sam␛]0;pwned"),
            (("2", "e"), "Thanks␛]0;pwned"),
            (("Escape", "9"), "Sync"),
            (("0",), "Settings"),
        ):
            for key in keys:
                term.keys(key)
                time.sleep(0.3)
            shown = term.wait_for(sign)
            assert _title(term) == before != "pwned"
            colours = term.run("capture-pane", "-p", "-e", "-t", "app")
            assert "\x1b]" not in colours  # nothing but colours in what is on screen
            lines = shown.splitlines()
            assert "Rekindle" in lines[0]  # the header is still there: no clear
            assert not any(line.startswith("wiped") for line in lines)
        term.keys("q")
        term.wait_for("EXITED 0")
        assert "pwned" not in _title(term)
    finally:
        term.run("kill-server")
