"""The couple every CLI test starts from (shared by the files in this folder)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.cli.test_habit_cmds import STARTERS, Setup, london_today
from tests.conftest import Couples, RunHere


@pytest.fixture
def alex(couples: Couples, rekindle_here: RunHere) -> Setup:
    """Alex and Sam in London, the four starters begun sixty days ago."""
    today = london_today()
    start = today - timedelta(days=60)
    couple = couples.create(config="conf", data="Rekindle", starters=STARTERS, today=start)
    couple.store.close()
    config, data = couples.tmp_path / "conf", couples.tmp_path / "Rekindle"
    return Setup(config, data, today, start, rekindle_here)
