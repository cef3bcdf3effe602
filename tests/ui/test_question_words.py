"""What the Question screen says of a day, against a plain statement of the reveal rule:
your partner's words appear only once yours are in, and whether they answered is said
either way; the screen's own sentences keep to our voice."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tests.voice import banned_words_in
from tracker.domain.daily.model import Answer
from tracker.domain.daily.rules import LATE_DAYS, view
from tracker.ui.screens.daily.days import Shown, day_line, my_closed_side, streak_words, their_side

TODAY = date(2026, 11, 25)
THEIRS = "[b]My[/b] secret answer"


@given(
    back=st.integers(min_value=0, max_value=LATE_DAYS + 5),
    mine=st.booleans(),
    theirs=st.booleans(),
)
def test_their_words_only_after_mine(back: int, mine: bool, theirs: bool) -> None:
    day = TODAY - timedelta(days=back)
    answers = {}
    if mine:
        answers[(day, "a")] = Answer(day, "a", "daily-001", "Mine")
    if theirs:
        answers[(day, "b")] = Answer(day, "b", "daily-001", THEIRS)
    shown = Shown(view(day, "daily-001", answers, "a", "b"), TODAY, "Sam")
    said = their_side(shown).plain
    assert (THEIRS in said) == (mine and theirs)  # literally, markup and all
    if theirs and not mine:
        assert "Sam" in said and "answered" in said and "hasn't" not in said
    if not theirs:
        assert THEIRS not in said and "answer" in said
    assert THEIRS not in day_line(shown).plain  # the list never shows answers
    if back > LATE_DAYS:
        assert ("Mine" in my_closed_side(shown).plain) == mine


def test_the_screens_sentences_keep_to_our_voice() -> None:
    sentences = [streak_words(n) for n in (1, 4, 30)]
    # Every sentence said in place of their answer: waiting, not yet, closed, missed.
    for theirs, back in ((True, 0), (False, 0), (True, 9), (False, 9)):
        day = TODAY - timedelta(days=back)
        answers = {(day, "b"): Answer(day, "b", "daily-001", "x")} if theirs else {}
        shown = Shown(view(day, "daily-001", answers, "a", "b"), TODAY, "Sam")
        sentences += [their_side(shown).plain, my_closed_side(shown).plain]
    for sentence in sentences:
        assert banned_words_in(sentence) == [], sentence
    assert streak_words(0) == ""  # nothing said about a gap
