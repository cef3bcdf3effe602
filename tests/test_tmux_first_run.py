"""The installed `rekindle` in a real terminal: first launch, onboarding, a first tick."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tools import find_tool
from tracker.domain.content.starter import DEFAULT_STARTERS, STARTER_HABITS
from tracker.ui.widgets.checklist import CHOSEN_MARK

pytestmark = pytest.mark.tmux


def _tmux() -> str:
    return find_tool("tmux")


class Terminal:
    def __init__(self, tmux: str, socket: str, size: tuple[int, int]) -> None:
        self.tmux, self.socket, self.size = tmux, socket, size

    def run(self, *args: str) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, *args], capture_output=True, text=True, timeout=20
        )
        return result.stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "app")

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.run("send-keys", "-t", "app", *(["-l"] if literal else []), *keys)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.2)
        raise AssertionError(f"“{text}” never appeared; the screen shows:\n{self.screen()}")


def _rekindle() -> str:
    script = Path(sys.executable).parent / "rekindle"
    return str(script) if script.exists() else f"{sys.executable} -m tracker"


def _start(
    tmp_path: Path, arguments: str = "", size: tuple[int, int] = (100, 30), **extra: str
) -> Terminal:
    data = tmp_path / "shared"
    env = {
        "REKINDLE_CONFIG": str(tmp_path / "config"),
        "REKINDLE_DATA": str(data),
        "TZ": "Europe/London",
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        **extra,
    }
    term = Terminal(_tmux(), f"rekindle-test-{uuid.uuid4().hex[:8]}", size)
    exports = " ".join(f"-e {key}={value}" for key, value in env.items()).split()
    term.run(
        "new-session",
        "-d",
        "-s",
        "app",
        "-x",
        str(size[0]),
        "-y",
        str(size[1]),
        *exports,
        f"{_rekindle()} {arguments}; echo EXITED $?; sleep 60",
    )
    return term


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    term = _start(tmp_path)
    try:
        yield term, tmp_path / "shared"
    finally:
        term.run("kill-server")


def _checks_on_disk(data: Path) -> list[dict[str, object]]:
    found = []
    for shard in data.glob("replicas/*/log/*.json"):
        content = json.loads(shard.read_text())
        found += [doc for doc in content["records"].values() if doc["kind"] == "check"]
    return found


def _type_names(term: Terminal, mine: str, theirs: str) -> None:
    term.keys(mine, literal=True)
    term.wait_for(mine)
    term.keys("Tab")
    time.sleep(0.5)  # let focus move before typing on, as a person would
    term.keys(theirs, literal=True)
    term.wait_for(theirs)


def test_first_launch_onboarding_then_a_first_tick(terminal: tuple[Terminal, Path]) -> None:
    term, data = terminal
    term.wait_for("Getting started")
    _type_names(term, "Robin", "Kai")
    term.keys("C-s")
    shown = term.wait_for("Together streak")
    assert "Robin (you)" in shown and "Kai" in shown
    assert _checks_on_disk(data) == []
    term.keys("Space")
    shown = term.wait_for("✓")
    checks = _checks_on_disk(data)
    assert len(checks) == 1
    assert checks[0]["data"]["status"] == "done"  # type: ignore[index]
    assert checks[0]["data"]["person"] == "a"  # type: ignore[index]
    term.keys("q")
    term.wait_for("EXITED 0")


def _habit_titles_on_disk(data: Path) -> set[str]:
    found = set()
    for core in data.glob("replicas/*/core.json"):
        content = json.loads(core.read_text())
        found |= {d["data"]["title"] for d in content["records"].values() if d["kind"] == "habit"}
    return found


def test_onboarding_fits_80x24_and_completes_with_keys_only(tmp_path: Path) -> None:
    """Start and Skip on the first screen of a standard terminal; a starter chosen
    with the arrow keys and space, and Start pressed with Tab and Enter."""
    term = _start(tmp_path, size=(80, 24))
    data = tmp_path / "shared"
    try:
        suggested = len(DEFAULT_STARTERS)
        first = term.wait_for(f"Start with {suggested} habits")
        assert f"Skip: start with the {suggested} suggested habits" in first
        assert f"{CHOSEN_MARK} {suggested} of {len(STARTER_HABITS)} chosen" in first
        assert first.count(CHOSEN_MARK) == suggested + 1  # each suggestion, and the count
        _type_names(term, "Robin", "Kai")
        for _ in range(3):  # time zone, day start, the starter list
            term.keys("Tab")
            time.sleep(0.3)
        for _ in range(suggested):  # past the suggestions to the first other starter
            term.keys("Down")
            time.sleep(0.1)
        term.keys("Space")
        term.wait_for(f"Start with {suggested + 1} habits")
        term.keys("Tab")
        time.sleep(0.3)
        term.keys("Enter")
        shown = term.wait_for("Together streak")
        assert "Robin (you)" in shown
        others = [s for s in STARTER_HABITS if s.key not in DEFAULT_STARTERS]
        wanted = {s.title for s in STARTER_HABITS if s.key in DEFAULT_STARTERS}
        assert _habit_titles_on_disk(data) == wanted | {others[0].title}
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")


def test_demo_opens_a_made_up_couple_and_leaves_my_settings_alone(tmp_path: Path) -> None:
    term = _start(tmp_path, "demo")
    try:
        shown = term.wait_for("Together streak")
        assert "demo" in shown and "Alex (you)" in shown
        term.keys("Space")
        term.wait_for("✓")
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
    assert not (tmp_path / "config" / "config.toml").exists()


def test_no_colour_terminal_still_shows_what_is_done(tmp_path: Path) -> None:
    """With NO_COLOR the marks carry the meaning: ✓ done, · to do."""
    term = _start(tmp_path, "demo", NO_COLOR="1")
    try:
        term.wait_for("Together streak")
        term.keys("Space")
        shown = term.wait_for("✓")
        assert "·" in shown
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
