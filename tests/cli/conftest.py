"""The couple every CLI test starts from (shared by the files in this folder)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.cli.test_habit_cmds import STARTERS, Setup, london_today
from tracker.store.setup import create_couple


@pytest.fixture
def alex(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Setup:
    """Alex and Sam in London, the four starters begun sixty days ago."""
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    monkeypatch.setenv("REKINDLE_CONFIG", str(config))
    monkeypatch.delenv("REKINDLE_DATA", raising=False)
    today = london_today()
    start = today - timedelta(days=60)
    couple = create_couple(data, "Alex", "Sam", "Europe/London", 4, STARTERS, today=start)
    couple.store.close()
    return Setup(config, data, today, start)
