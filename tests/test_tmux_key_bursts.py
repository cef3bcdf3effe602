"""Issue 22 in a real terminal at 80×24: a whole check-in typed as one burst of keys (one
`tmux send-keys`) saves every rating and note where it was aimed, read back through
`rekindle checkin --show --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.rekindle_cli import run_command, use_config
from tests.test_tmux_escapes import _terminal
from tests.test_tmux_first_run import _rekindle
from tests.ui.test_key_bursts import checkin_keys
from tracker.domain.checkin.model import KEYS
from tracker.store.setup import create_couple

pytestmark = pytest.mark.tmux
TMUX_NAMES = {"tab": "Tab", "enter": "Enter", "space": "Space", "ctrl+s": "C-s"}


def test_a_check_in_typed_in_one_burst_saves_each_answer_in_its_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = use_config(monkeypatch, tmp_path / "config")
    create_couple(tmp_path / "shared", "Alex", "Sam", "Europe/London", 4, []).store.close()
    term = _terminal(tmp_path, f"{_rekindle()}; echo EXITED $?; sleep 60")
    ratings = [2, 5, 3, 4, 1, 2]
    notes = ["ok", "", "3 days", "", "x", ""]
    keys = checkin_keys(ratings, notes, ["tab", "enter", "tab", "tab", "enter"])
    try:
        term.wait_for("Together streak")
        term.keys("5")
        term.wait_for("c to check in")
        term.keys("c")
        term.wait_for("Your check-in")
        term.keys(*[TMUX_NAMES.get(key, key) for key in keys])
        term.wait_for("you've checked in")
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
    shown = run_command(
        config, "checkin", "--show", "--json", REKINDLE_DATA=str(tmp_path / "shared")
    )
    assert shown.code == 0, shown.stderr
    week = json.loads(shown.out)
    assert week["mine"] == dict(zip(KEYS, ratings, strict=True))
    assert week["my_notes"] == {"communication": "ok", "quality time": "3 days", "trust": "x"}


def test_a_title_typed_as_the_plan_form_opens_arrives_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Issue 22: `a` then a quick title lost the letters typed before the form had drawn.
    config = use_config(monkeypatch, tmp_path / "config")
    create_couple(tmp_path / "shared", "Alex", "Sam", "Europe/London", 4, []).store.close()
    term = _terminal(tmp_path, f"{_rekindle()}; echo EXITED $?; sleep 60")
    title = "Walk by the river"
    try:
        term.wait_for("Together streak")
        term.keys("4")
        term.wait_for("Upcoming")
        term.keys(
            "a", *[TMUX_NAMES.get(ch, ch) for ch in ["space" if c == " " else c for c in title]]
        )
        term.wait_for(title)
        term.keys("C-s")
        term.wait_for("Upcoming")
        term.keys("q")
        term.wait_for("EXITED 0")
    finally:
        term.run("kill-server")
    listed = run_command(config, "date", "list", "--json", REKINDLE_DATA=str(tmp_path / "shared"))
    assert listed.code == 0, listed.stderr
    assert title in listed.out
