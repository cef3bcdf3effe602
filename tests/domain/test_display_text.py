"""`visible`, the one boundary where text from files becomes display text (issue 15)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tracker.domain.text import HIDDEN_MARK, NEWLINE_MARK, strip_controls, visible, visible_each

FAMILY = "👨\u200d👩\u200d👧"
COUPLE = "👩\u200d❤\ufe0f\u200d👨"
ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
HIDING = set("\u200b\u200c\u2060\ufeff")
# Anything at all, weighted towards what an attacker would put in a partner's file.
hostile = st.lists(
    st.one_of(
        st.characters(codec=None),
        st.characters(min_codepoint=0, max_codepoint=0x9F),
        st.sampled_from(sorted(BIDI | HIDING | {"\u200d", "\u2028", "\u2029", "\ud800"})),
        st.sampled_from([FAMILY, COUPLE, ENGLAND, "\x1b]0;pwned\x07", "\x1b[2J"]),
    )
).map("".join)


def acts(ch: str) -> bool:
    """Would a terminal act on this rather than show it?"""
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in BIDI or ch in HIDING


@given(hostile)
@example("\x1b]0;pwned\x07\x1b[2J\x1b[H")
@example(f"\u202e{FAMILY}\r\n")
def test_nothing_that_acts_gets_through(text: str) -> None:
    assert not [ch for ch in visible(text) if acts(ch) and ch != "\n"]
    one_line = visible(text, newlines=False)
    assert not [ch for ch in one_line if acts(ch)]
    assert "\u2028" not in one_line and "\u2029" not in one_line


@given(hostile)
def test_showing_twice_changes_nothing(text: str) -> None:
    # A screen may show a sentence built from already-shown names: no double pictures.
    assert visible(visible(text)) == visible(text)
    assert visible(visible(text, newlines=False), newlines=False) == visible(text, newlines=False)


@given(st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_printable_text_is_left_exactly_as_it_is(text: str) -> None:
    assert visible(text) == visible(text, newlines=False) == text


@given(st.lists(st.sampled_from([FAMILY, COUPLE, ENGLAND, "Sam", " ", "\x1b", "\u202e"])))
def test_emoji_sequences_stay_whole(parts: list[str]) -> None:
    shown = visible("".join(parts))
    for whole in (FAMILY, COUPLE, ENGLAND):
        assert shown.count(whole) == parts.count(whole)
    assert strip_controls("".join(parts)).count(FAMILY) == parts.count(FAMILY)


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b]0;pwned\x07", "␛]0;pwned␇"),
        ("abc\u202edef", f"abc{HIDDEN_MARK}def"),
        ("a\u2066b\u2069c", f"a{HIDDEN_MARK}b{HIDDEN_MARK}c"),
        ("zero\u200bwidth\ufeff", f"zero{HIDDEN_MARK}width{HIDDEN_MARK}"),
        ("lone \ud800", f"lone {HIDDEN_MARK}"),  # would crash print() on a UTF-8 terminal
        (f"{ENGLAND}\U000e0041", f"{ENGLAND}{HIDDEN_MARK}"),  # a stray tag hides text
        ("one\r\ntwo\u2028three", "one\ntwo\nthree"),
    ],
)
def test_what_is_shown(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_one_line_shows_a_line_break_as_a_mark() -> None:
    assert (
        visible("one\ntwo\r\nthree", newlines=False) == f"one{NEWLINE_MARK}two{NEWLINE_MARK}three"
    )
    assert visible("tab\there", newlines=False) == "tab␉here"


@given(hostile)
def test_an_input_box_shows_one_character_for_each_stored_one(text: str) -> None:
    shown = visible_each(text)
    assert len(shown) == len(text)  # the cursor counts stored characters
    assert not [ch for ch in shown if acts(ch)]
