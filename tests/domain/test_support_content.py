"""The card anyone can open about couples therapy: what it says, and that it is said once."""

from __future__ import annotations

import re

import pytest

from tests.voice import banned_words_in
from tracker.domain.content.strategies import PROFESSIONAL_HELP
from tracker.domain.content.support import (
    SAFETY_LINE,
    SUPPORT_CARD,
    SUPPORT_TITLE,
    support_paragraphs,
    support_text,
)

CARD = " ".join(part.text for part in SUPPORT_CARD).casefold()
EVERY_WORD = [SUPPORT_TITLE, *(p.heading for p in SUPPORT_CARD), *support_paragraphs(), SAFETY_LINE]


@pytest.mark.parametrize(
    "phrase",
    [
        # Therapy is for couples at any stage, not only when things are at their worst.
        "any stage",
        "not only a last resort",
        # What a good one does, and what to look for.
        "both feel heard",
        "takes no sides",
        "training in couples work",
        # How to find one, without naming a service of one country.
        "doctor",
        "directories",
        "in your country",
        "workplace's support programme",
    ],
)
def test_the_card_says_what_people_look_for(phrase: str) -> None:
    assert phrase in CARD


@pytest.mark.parametrize("text", EVERY_WORD, ids=lambda text: text[:30])
def test_the_card_is_in_our_voice(text: str) -> None:
    assert banned_words_in(text) == [], text
    assert "!" not in text and "[" not in text and "]" not in text
    assert text == text.strip() and "  " not in text and "\n" not in text


@pytest.mark.parametrize("text", EVERY_WORD, ids=lambda text: text[:30])
def test_no_invented_numbers_links_or_statistics(text: str) -> None:
    assert not re.search(r"\d", text), text  # no hotline numbers, no percentages
    assert "http" not in text and "www" not in text and "@" not in text
    assert "%" not in text and "per cent" not in text.casefold()


def test_the_voice_check_catches_what_it_claims_to() -> None:
    assert banned_words_in("You must stop this toxic pattern") == ["must", "toxic"]


def test_the_check_ins_card_says_the_same_words() -> None:
    # Written once: the check-in's card is its own first line, then this card.
    assert PROFESSIONAL_HELP[1:] == support_paragraphs()
    assert PROFESSIONAL_HELP[0] not in support_paragraphs()


def test_the_plain_text_has_every_part_and_the_safety_line_last() -> None:
    text = support_text()
    assert text.startswith(SUPPORT_TITLE)
    for part in SUPPORT_CARD:
        assert f"{part.heading}\n{part.text}" in text
    assert text.endswith(f"\n\n{SAFETY_LINE}")
    assert text.count(SAFETY_LINE) == 1
