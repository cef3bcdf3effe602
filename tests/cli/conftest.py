"""The couple every CLI test starts from (shared by the files in this folder)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.cli.test_habit_cmds import STARTERS, Setup, london_today
from tests.conftest import Couples


@pytest.fixture
def alex(couples: Couples) -> Setup:
    """Alex and Sam in London, the four starters begun sixty days ago."""
    today = london_today()
    start = today - timedelta(days=60)
    couple = couples.create(config="conf", data="Rekindle", starters=STARTERS, today=start)
    couple.store.close()
    return Setup(couples.tmp_path / "conf", couples.tmp_path / "Rekindle", today, start)
