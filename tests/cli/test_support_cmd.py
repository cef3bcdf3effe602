"""`rekindle support`: the therapy card and the safety line, with or without a folder."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Couples, RunHere
from tracker.domain.content.support import SAFETY_LINE, SUPPORT_CARD, SUPPORT_TITLE
from tracker.store.checkins import set_help_enabled


def _words(text: str) -> str:
    return " ".join(text.split())


def test_it_prints_the_card_and_the_safety_line_without_a_folder(
    tmp_path: Path, rekindle_here: RunHere
) -> None:
    # Nobody has run `rekindle init` here: the card is still there for them.
    said = rekindle_here(tmp_path / "nobody", "support").ok()
    assert said.startswith(f"{SUPPORT_TITLE}\n")
    for part in SUPPORT_CARD:  # the same words the app shows, wrapped for a terminal
        assert _words(part.text) in _words(said)
        assert f"\n{part.heading}\n" in said
    assert _words(said).endswith(_words(SAFETY_LINE))
    assert max(len(line) for line in said.splitlines()) <= 78
    assert not (tmp_path / "nobody").exists()  # it wrote nothing anywhere


def test_it_answers_with_suggestions_switched_off(
    couples: Couples, tmp_path: Path, rekindle_here: RunHere
) -> None:
    couple = couples.create()
    set_help_enabled(couple, False)
    said = rekindle_here(tmp_path / "config", "support").ok()
    assert _words(SAFETY_LINE) in _words(said)
    assert "couples therapy is for any stage" in said.casefold()
