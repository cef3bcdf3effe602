"""The daily question pool: enough for a year with slack, well-formed, varied, our voice.

One question a day, the same for both of you, never repeating within a year: so the pool
holds well over 365 questions, none of them a rewording of another or of a conversation
prompt, each short and plain enough to answer in a sentence or two in a terminal.
"""

from __future__ import annotations

import dataclasses
import re
import statistics
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from itertools import combinations

import pytest

from tests import voice
from tests.voice import banned_words_in, words_in
from tracker.domain.content.daily import DAILY_QUESTIONS, DailyQuestion, find_daily
from tracker.domain.content.prompts import PROMPTS, Depth, Theme
from tracker.domain.talks.skills import flag_blame

KEY = re.compile(r"daily-(?P<number>\d{3,})")
MAX_CHARS = 160
# Near duplicates: the same question reworded a little is still the same question.
MAX_RATIO = 0.85  # difflib.SequenceMatcher over normalised text
MAX_JACCARD = 0.8  # shared words over all words
# Reading level: short questions in everyday words.
MAX_MEAN_WORDS = 18
MAX_WORDS = 30
MAX_WORD_LETTERS = 14
LONG_WORDS_ALLOWED: frozenset[str] = frozenset()
# The shared assuming words, and more on children, religion, money worries and a shared home.
ASSUMING_WORDS = (
    *voice.ASSUMING_WORDS,
    "fiancé",
    "fiance",
    "babies",
    "parenting",
    "son",
    "daughter",
    "religion",
    "money",
    "rent",
    "bills",
    "debt",
    "our home",
    "our house",
    "our flat",
    "our place",
    "our bed",
    "our bedroom",
    "our kitchen",
    "our sofa",
    "move in",
    "living together",
)
# Invented facts and figures have no place in a question.
FACT_WORDS = ("percent", "per cent", "studies", "study shows", "research", "experts", "science")
IDS = [question.key for question in DAILY_QUESTIONS]


def _normalised(text: str) -> str:
    """Case, punctuation and spacing set aside: what's left is the question itself."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    text = re.sub(r"[^\w\s']", " ", text).replace("'", "")
    return " ".join(text.split())


def _jaccard(a: str, b: str) -> float:
    words_a, words_b = set(a.split()), set(b.split())
    return len(words_a & words_b) / len(words_a | words_b)


def _too_alike(a: str, b: str) -> bool:
    """Near duplicates over normalised text: most letters in order, or most words, shared."""
    if _jaccard(a, b) >= MAX_JACCARD:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= MAX_RATIO
        and matcher.quick_ratio() >= MAX_RATIO
        and (matcher.ratio() >= MAX_RATIO)
    )


def _near_duplicates(texts: list[str], others: list[str] | None = None) -> list[tuple[str, str]]:
    normal = {text: _normalised(text) for text in [*texts, *(others or [])]}
    pairs = combinations(texts, 2) if others is None else ((t, o) for t in texts for o in others)
    return [(a, b) for a, b in pairs if _too_alike(normal[a], normal[b])]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)


def _opening(text: str) -> str:
    """The question word it starts with: "What's" and "What" count as one."""
    return re.split(r"['’\s:,]", text, maxsplit=1)[0].casefold()


TEXTS = [question.text for question in DAILY_QUESTIONS]
PROMPT_TEXTS = [prompt.text for prompt in PROMPTS]


# --- size and coverage ---------------------------------------------------------


def test_enough_for_a_year_without_repeating() -> None:
    assert len(DAILY_QUESTIONS) >= 365


def test_a_year_with_slack() -> None:
    # Hidden questions drop out of the rotation: the pool carries some slack for them.
    assert len(DAILY_QUESTIONS) >= 380


def test_every_theme_has_its_share() -> None:
    counts = Counter(question.theme for question in DAILY_QUESTIONS)
    fair = len(DAILY_QUESTIONS) / len(Theme)
    for theme in Theme:
        assert 0.75 * fair <= counts[theme] <= 1.25 * fair, f"{theme.value}: {counts[theme]}"


def test_mostly_light_and_medium_about_a_fifth_deep() -> None:
    counts = Counter(question.depth for question in DAILY_QUESTIONS)
    total = len(DAILY_QUESTIONS)
    assert counts[Depth.LIGHT] >= 0.3 * total, counts
    assert counts[Depth.MEDIUM] >= 0.3 * total, counts
    assert 0.15 * total <= counts[Depth.DEEP] <= 0.25 * total, counts


def test_every_theme_has_every_depth() -> None:
    counts = Counter((question.theme, question.depth) for question in DAILY_QUESTIONS)
    for theme in Theme:
        for depth in Depth:
            assert counts[theme, depth] >= 5, f"{theme.value}/{depth.value}: {counts[theme, depth]}"


def test_every_question_has_a_real_theme_and_depth() -> None:
    for question in DAILY_QUESTIONS:
        assert isinstance(question, DailyQuestion)
        assert isinstance(question.theme, Theme)
        assert isinstance(question.depth, Depth)


def test_long_distance_couples_are_thought_of() -> None:
    # Some questions are about time apart, messages and calls, not only evenings in.
    apart = [
        t for t in TEXTS if words_in(("apart", "distance", "a call", "messages", "message"), t)
    ]
    assert len(apart) >= 10, apart


# --- keys ------------------------------------------------------------------------


def test_keys_are_unique() -> None:
    assert [k for k, n in Counter(IDS).items() if n > 1] == []


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_key_is_well_formed(question: DailyQuestion) -> None:
    match = KEY.fullmatch(question.key)
    assert match, question.key
    assert int(match["number"]) >= 1


def test_keys_count_up_from_one_in_order() -> None:
    # Retiring a question leaves a gap, so gaps are allowed; going backwards is not.
    numbers = [int(key.removeprefix("daily-")) for key in IDS]
    assert numbers[0] == 1
    assert numbers == sorted(numbers)
    assert len(set(numbers)) == len(numbers)


@pytest.mark.parametrize(
    ("key", "theme", "text"),
    [
        ("daily-001", Theme.LOVE_MAPS, "What was the best part of your day today?"),
        ("daily-002", Theme.LOVE_MAPS, "What's a smell that takes you straight back to childhood?"),
        ("daily-003", Theme.LOVE_MAPS, "What's something you're looking forward to this month?"),
        (
            "daily-004",
            Theme.APPRECIATION,
            "What's one thing I did recently that made your day easier?",
        ),
        (
            "daily-005",
            Theme.FUN,
            "If we had a free Saturday with no plans, how would you spend it?",
        ),
    ],
)
def test_the_first_questions_keep_their_keys(key: str, theme: Theme, text: str) -> None:
    # Answers already refer to these keys.
    question = find_daily(key)
    assert question is not None
    assert (question.theme, question.text) == (theme, text)


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_find_daily_finds_every_key(question: DailyQuestion) -> None:
    assert find_daily(question.key) is question


@pytest.mark.parametrize(
    "key", ["", "daily-000", "daily-9999", "daily-1", "love-maps-01", "DAILY-001"]
)
def test_find_daily_unknown_is_none(key: str) -> None:
    assert find_daily(key) is None


def test_question_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'text'"):
        DAILY_QUESTIONS[0].text = "Something else?"  # type: ignore[misc]


# --- each question: one short, clean line ----------------------------------------


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_text_is_one_short_clean_question(question: DailyQuestion) -> None:
    text = question.text
    assert text and text.strip() == text
    assert len(text) <= MAX_CHARS, f"{len(text)} characters"
    assert text[0].isupper()
    assert text.endswith("?")
    assert text.count("?") == 1, "one question, not two"
    assert "  " not in text
    assert not any(unicodedata.category(ch).startswith("C") for ch in text)
    assert not set(text) & set('[]<>{}"\\!'), "no markup, double quotes or exclamations"


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_voice_no_clinical_or_preachy_words(question: DailyQuestion) -> None:
    assert banned_words_in(question.text) == []


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_voice_assumes_nothing_about_the_couple(question: DailyQuestion) -> None:
    assert words_in(ASSUMING_WORDS, question.text) == []


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_no_facts_or_figures(question: DailyQuestion) -> None:
    assert not re.search(r"\d", question.text)
    assert words_in(FACT_WORDS, question.text) == []


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_questions_do_not_sound_like_blame(question: DailyQuestion) -> None:
    assert flag_blame(question.text) == []


# --- reading level -----------------------------------------------------------------


def test_questions_are_short_on_average() -> None:
    assert statistics.mean(len(_words(text)) for text in TEXTS) <= MAX_MEAN_WORDS


@pytest.mark.parametrize("question", DAILY_QUESTIONS, ids=IDS)
def test_everyday_words(question: DailyQuestion) -> None:
    words = _words(question.text)
    assert len(words) <= MAX_WORDS, f"{len(words)} words"
    long = [
        w for w in words if len(w) > MAX_WORD_LETTERS and w.casefold() not in LONG_WORDS_ALLOWED
    ]
    assert long == []


# --- variety -------------------------------------------------------------------------


def test_no_exact_duplicates_after_normalising() -> None:
    counts = Counter(_normalised(text) for text in TEXTS)
    assert [text for text, n in counts.items() if n > 1] == []


def test_no_near_duplicates_within_the_pool() -> None:
    assert _near_duplicates(TEXTS) == []


def test_no_near_duplicates_of_the_conversation_prompts() -> None:
    assert _near_duplicates(TEXTS, PROMPT_TEXTS) == []


def test_openings_are_varied() -> None:
    openings = Counter(_opening(text) for text in TEXTS)
    assert len(openings) >= 8, openings
    assert openings["what"] <= 0.5 * len(TEXTS), openings


# --- the checks themselves catch what they claim to ----------------------------------


def test_normalising_sets_aside_case_punctuation_and_spacing() -> None:
    assert _normalised("  What’s UP,   today? ") == _normalised("whats up today")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("What was the best part of your day today?", "What was the best part of your day?"),
        ("What's a song that makes you think of us?", "What song makes you think of us?"),
        (
            "Which film could you watch again and again?",
            "Which film could you watch over and over again?",
        ),
    ],
)
def test_near_duplicate_check_catches_rewordings(a: str, b: str) -> None:
    assert _near_duplicates([a, b]) == [(a, b)]
    assert _near_duplicates([a], [b]) == [(a, b)]


def test_near_duplicate_check_lets_different_questions_through() -> None:
    texts = ["Who made you laugh today?", "What made you laugh hardest this month?"]
    assert _near_duplicates(texts) == []


def test_voice_checks_catch_what_they_claim_to() -> None:
    sample = "Should her husband move in to our flat, since 80% of couples do?"
    assert banned_words_in(sample) == ["should"]
    assert words_in(ASSUMING_WORDS, sample) == ["her", "husband", "our flat", "move in"]
    assert re.search(r"\d", sample)
    assert (
        words_in(ASSUMING_WORDS, "What's a smell that takes you straight back to childhood?") == []
    )
    assert _words("Is it a well-known, hard-to-say word?") == [
        "Is",
        "it",
        "a",
        "well-known",
        "hard-to-say",
        "word",
    ]
    assert _opening("What's new?") == _opening("What now?") == "what"
