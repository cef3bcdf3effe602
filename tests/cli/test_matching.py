"""Finding a habit (a date, a talk, a promise) by the name someone typed, loosely."""

from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from tracker.cli.matching import closest, match_title, not_found

LETTERS = string.ascii_letters + "éüßøå"
# A title as a partner might write one: words of letters and digits, joined by spaces
# or punctuation, perhaps with punctuation around it.
words = st.lists(st.text(LETTERS + string.digits, min_size=1, max_size=8), min_size=1, max_size=4)
joiners = st.sampled_from([" ", "-", "  ", "'", "/", ", ", "_", "."])


@st.composite
def titles(draw: st.DrawFn) -> str:
    parts = draw(words)
    text = parts[0]
    for part in parts[1:]:
        text += draw(joiners) + part
    return draw(st.sampled_from(["", "“", "("])) + text + draw(st.sampled_from(["", "!", "…"]))


@st.composite
def variant(draw: st.DrawFn, title: str) -> str:
    """`title` typed differently: any case, any punctuation or spacing between words."""
    out = ""
    for ch in title:
        if ch.isalnum():
            out += draw(st.sampled_from([ch, ch.upper(), ch.lower()]))
        else:
            out += draw(st.sampled_from([" ", "-", ".", ch]))
    return out


@given(titles(), st.data())
def test_a_title_always_matches_itself_however_it_is_typed(title: str, data: st.DataObject) -> None:
    typed = data.draw(variant(title))
    found = match_title([title, "Something else entirely 0"], lambda t: t, typed)
    assert title in found


@given(st.text(string.ascii_lowercase, min_size=6, max_size=20), st.data())
def test_a_one_letter_typo_of_a_long_enough_title_is_suggested(
    title: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(title) - 1))
    kind = data.draw(st.sampled_from(["swap", "drop", "add"]))
    letter = data.draw(st.sampled_from([c for c in string.ascii_lowercase if c != title[at]]))
    typo = {
        "swap": title[:at] + letter + title[at + 1 :],
        "drop": title[:at] + title[at + 1 :],
        "add": title[:at] + letter + title[at:],
    }[kind]
    assert closest(typo, [title]) == title


@given(st.lists(st.text("abcdefghijklm", min_size=1, max_size=20), min_size=1, max_size=5))
def test_nothing_is_suggested_for_a_name_unlike_every_title(found: list[str]) -> None:
    assert closest("xyz stuvw", found) is None


def test_phone_free_diner_is_taken_for_phone_free_dinner() -> None:
    names = ["Phone-free dinner", "Phone time in bed"]
    assert match_title(names, lambda t: t, "phone free diner") == []
    message = str(not_found("No habit called", "phone free diner", names, "hint"))
    assert message == "No habit called “phone free diner”. Did you mean “Phone-free dinner”?"


def test_partner_text_in_a_suggestion_is_shown_not_obeyed() -> None:
    evil = "Phone\x1b[2J-free dinner\nrm"
    message = str(not_found("No habit called", "phone [2j free dinner rm", [evil], "hint"))
    assert "\x1b" not in message and "\n" not in message
    assert "␛" in message


def test_without_a_close_title_the_hint_is_given() -> None:
    message = str(not_found("No habit called", "gardening", ["Phone-free dinner"], "See them."))
    assert message == "No habit called “gardening”. See them."
