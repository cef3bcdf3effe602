"""What people type (amounts, notes, titles) and how it is made safe to print."""

from __future__ import annotations

import pytest

from tracker.domain.habits.typed import clean_title, parse_amount
from tracker.domain.text import clean_note, strip_controls, visible

COUPLE_EMOJI = "👩\u200d❤\ufe0f\u200d👨"  # 👩‍❤️‍👨: held together by zero-width joiners
FAMILY_EMOJI = "👨\u200d👩\u200d👧"


# --- parse_amount --------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15", 15.0),
        (" 2,5 ", 2.5),
        ("2.5", 2.5),
        ("0", 0.0),
        ("\t7\n", 7.0),
        ("1000000", 1_000_000.0),  # the largest amount allowed
        ("0,25", 0.25),
    ],
)
def test_parse_amount_accepts(typed: str, expected: float) -> None:
    assert parse_amount(typed) == expected


@pytest.mark.parametrize(
    ("typed", "phrase"),
    [
        ("", "Type a number"),
        ("   ", "Type a number"),
        ("abc", "“abc” is not a number"),
        ("1e400", "not a number we can count"),
        ("nan", "not a number we can count"),
        ("inf", "not a number we can count"),
        ("-inf", "not a number we can count"),
        ("-1", "can't be below zero"),
        ("-0.5", "can't be below zero"),
        ("2000000", "more than 1,000,000"),
        ("1000000.5", "more than 1,000,000"),
    ],
)
def test_parse_amount_refuses_with_a_sentence(typed: str, phrase: str) -> None:
    with pytest.raises(ValueError, match=phrase):
        parse_amount(typed)


def test_parse_amount_names_the_unit_when_too_big() -> None:
    with pytest.raises(ValueError, match="more than 1,000,000 steps; check for a typo"):
        parse_amount("2000000", "steps")


def test_parse_amount_quotes_at_most_twenty_characters_of_junk() -> None:
    with pytest.raises(ValueError, match=r"is not a number; type digits, like 15\.") as caught:
        parse_amount("x" * 50)
    message = str(caught.value)
    assert "“" + "x" * 20 + "”" in message
    assert "x" * 21 not in message


# --- clean_note -------------------------------------------------------------------


def test_clean_note_keeps_unicode_emoji_and_zwj_sequences() -> None:
    note = f"Lovely evening {COUPLE_EMOJI} {FAMILY_EMOJI} — café, naïve, 日本語 🎉"
    assert clean_note(note) == note


def test_clean_note_keeps_newlines_inside() -> None:
    assert clean_note("first line\nsecond line") == "first line\nsecond line"


def test_clean_note_strips_outer_whitespace() -> None:
    assert clean_note("  \n hello \n ") == "hello"


def test_clean_note_strips_escape_and_bell() -> None:
    assert clean_note("\x1b[31mred\x07 text\x1b[0m") == "[31mred text[0m"


def test_clean_note_strips_other_control_characters() -> None:
    assert clean_note("a\x00b\x08c\x7fd\x9be\rf") == "abcdef"


def test_clean_note_of_only_controls_is_empty() -> None:
    assert clean_note("\x1b\x07\x00") == ""


def test_clean_note_at_the_limit_is_accepted() -> None:
    assert clean_note("x" * 2000) == "x" * 2000


def test_clean_note_counts_after_stripping() -> None:
    # 2,000 letters plus escape bytes that are dropped: still fits.
    assert clean_note("x" * 2000 + "\x1b\x07") == "x" * 2000


def test_clean_note_refuses_a_long_note_with_its_length() -> None:
    with pytest.raises(ValueError, match="up to 2,000 characters; this one has 2,001"):
        clean_note("x" * 2001)


def test_clean_note_counts_large_notes() -> None:
    with pytest.raises(ValueError, match="this one has 12,345"):
        clean_note("y" * 12345)


# --- clean_title -------------------------------------------------------------------


def test_clean_title_collapses_whitespace() -> None:
    assert clean_title("  Phone-free \t\n  dinner  ") == "Phone-free dinner"


@pytest.mark.parametrize("typed", ["", "    ", "\n\t", "\x1b\x07"])
def test_clean_title_refuses_empty(typed: str) -> None:
    with pytest.raises(ValueError, match="Give the habit a name"):
        clean_title(typed)


def test_clean_title_at_eighty_characters_is_accepted() -> None:
    assert clean_title("t" * 80) == "t" * 80


def test_clean_title_refuses_more_than_eighty_characters() -> None:
    with pytest.raises(ValueError, match="80 characters or fewer"):
        clean_title("t" * 81)


def test_clean_title_length_is_counted_after_collapsing() -> None:
    # 80 characters once the run of spaces is one space.
    typed = "a" * 40 + " " * 30 + "b" * 39
    assert clean_title(typed) == "a" * 40 + " " + "b" * 39


def test_clean_title_keeps_markup_literally() -> None:
    assert clean_title("[bold]Date night[/bold]") == "[bold]Date night[/bold]"


def test_clean_title_strips_escape_sequences_and_keeps_emoji() -> None:
    assert clean_title(f"\x1b[2JHug {COUPLE_EMOJI}") == f"[2JHug {COUPLE_EMOJI}"


# --- visible ---------------------------------------------------------------------------


def test_visible_shows_escape_as_a_picture() -> None:
    assert visible("\x1b[31m") == "␛[31m"


def test_visible_replaces_c1_csi() -> None:
    assert visible("\x9b2J") == "\ufffd2J"


def test_visible_keeps_newlines() -> None:
    assert visible("one\ntwo") == "one\ntwo"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [("\x07", "␇"), ("\x00", "␀"), ("\t", "␉"), ("\r", "␍"), ("\x7f", "␡"), ("\x85", "\ufffd")],
)
def test_visible_pictures_of_other_controls(raw: str, shown: str) -> None:
    assert visible(raw) == shown


def test_visible_leaves_ordinary_text_alone() -> None:
    text = f"Thank-you {COUPLE_EMOJI} café [bold] 100%"
    assert visible(text) == text


def test_visible_output_has_no_control_characters_but_newline() -> None:
    every = "".join(chr(c) for c in range(0xA0))
    shown = visible(every)
    assert len(shown) == len(every)
    assert [ch for ch in shown if ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0] == ["\n"]


# --- strip_controls -------------------------------------------------------------------


def test_strip_controls_removes_bidi_override() -> None:
    assert strip_controls("abc\u202edef") == "abcdef"


def test_strip_controls_removes_other_bidi_and_format_characters() -> None:
    # LRO, RLI, PDI, zero-width space, byte order mark.
    assert strip_controls("a\u202db\u2067c\u2069d\u200be\ufefff") == "abcdef"


def test_strip_controls_keeps_zero_width_joiner() -> None:
    assert strip_controls(COUPLE_EMOJI) == COUPLE_EMOJI
    assert "\u200d" in strip_controls(FAMILY_EMOJI)


def test_strip_controls_keeps_newline_and_tab() -> None:
    assert strip_controls("a\n\tb\x1bc") == "a\n\tbc"
