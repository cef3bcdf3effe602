"""The love-map questions: enough of them, well-formed, two phrasings that match, our voice."""

from __future__ import annotations

import dataclasses
import difflib
import re
import unicodedata
from collections import Counter
from itertools import combinations

import pytest

from tests import voice
from tests.voice import banned_words_in, words_in
from tracker.domain.content.lovemaps import (
    LOVE_MAP_QUESTIONS,
    TOPIC_LABELS,
    LoveMapQuestion,
    Topic,
    find_love_map,
)
from tracker.domain.content.prompts import PROMPTS
from tracker.domain.talks.skills import flag_blame

KEY = re.compile(r"lovemap-\d{3}")
IDS = [question.key for question in LOVE_MAP_QUESTIONS]
NEAR = 0.85  # difflib ratio of normalised texts at or above which two questions are one

# The shared assuming words, and family, work, money or a shared home.
ASSUMING_WORDS = (
    *voice.ASSUMING_WORDS,
    "mum",
    "dad",
    "mother",
    "father",
    "parents",
    "money",
    "buy",
    "job",
    "boss",
    "career",
    "our home",
    "live together",
    "move in",
)
# The one answering is "you"; the one guessing reads "they". "I", "we" would be neither.
SECOND_PERSON = re.compile(r"\byou(?:r|rs|rself)?\b", re.IGNORECASE)
THIRD_PERSON = re.compile(r"\b(?:they|them|their|theirs|themself|themselves)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|mine|myself|we|us|our|ours)\b", re.IGNORECASE)
# Questions answered in a few words; "why" and "describe" ask for an essay.
ESSAY_WORDS = ("why", "describe", "explain", "tell me", "in detail")
# A pair like "your/their" in the source that failed to become one word or the other.
LEFTOVER_PAIR = re.compile(r"\w/\w")


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def _person_blind(text: str) -> str:
    """The text with "you" and "they" in every form made the same word."""
    return THIRD_PERSON.sub("P", SECOND_PERSON.sub("P", text))


def _normalised(text: str) -> str:
    words = re.sub(r"[^\w\s']", " ", text.casefold()).split()
    return " ".join(words)


def _near_pairs(left: list[str], right: list[str] | None = None) -> list[tuple[str, str]]:
    """Pairs of texts whose normalised forms are equal or nearly so."""
    pairs = combinations(left, 2) if right is None else ((a, b) for a in left for b in right)
    near = []
    for a, b in pairs:
        matcher = difflib.SequenceMatcher(None, _normalised(a), _normalised(b))
        # The cheap upper bounds first: ratio() on every pair would be slow.
        quick = matcher.real_quick_ratio() >= NEAR and matcher.quick_ratio() >= NEAR
        if quick and matcher.ratio() >= NEAR:
            near.append((a, b))
    return near


def _phrasings(question: LoveMapQuestion) -> tuple[str, str]:
    return question.about_me, question.guess


# --- size and coverage ---------------------------------------------------


def test_at_least_110_questions() -> None:
    assert len(LOVE_MAP_QUESTIONS) >= 110


def test_at_least_eight_per_topic() -> None:
    counts = Counter(question.topic for question in LOVE_MAP_QUESTIONS)
    for topic in Topic:
        assert counts[topic] >= 8, f"{topic.value}: only {counts[topic]}"


def test_every_question_has_a_real_topic() -> None:
    for question in LOVE_MAP_QUESTIONS:
        assert isinstance(question, LoveMapQuestion)
        assert isinstance(question.topic, Topic)


def test_every_topic_has_a_short_label() -> None:
    assert set(TOPIC_LABELS) == set(Topic)
    for topic in Topic:
        assert topic.label == TOPIC_LABELS[topic]
        assert topic.label[0].isupper() and len(topic.label) <= 30
    assert Topic.EVERYDAY.label == "Everyday life"
    assert Topic.WORK.label == "Work and learning"


def test_question_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'guess'"):
        LOVE_MAP_QUESTIONS[0].guess = "Something else?"  # type: ignore[misc]


# --- keys ----------------------------------------------------------------


def test_keys_are_unique() -> None:
    assert [k for k, n in Counter(IDS).items() if n > 1] == []


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_key_is_well_formed(question: LoveMapQuestion) -> None:
    assert KEY.fullmatch(question.key), question.key
    assert int(question.key.removeprefix("lovemap-")) >= 1


@pytest.mark.parametrize(
    ("key", "topic", "start"),
    [
        ("lovemap-001", Topic.FAVOURITES, "What's your favourite way to spend a rainy"),
        ("lovemap-017", Topic.WORRIES, "What's a small everyday thing"),
        ("lovemap-064", Topic.EVERYDAY, "How do you take your tea or coffee"),
        ("lovemap-124", Topic.COMFORT, "What helps you fall asleep"),
    ],
)
def test_shipped_keys_still_resolve(key: str, topic: Topic, start: str) -> None:
    # History stores these keys: renumbering or reusing one would break it.
    question = find_love_map(key)
    assert question is not None and question.topic is topic
    assert question.about_me.startswith(start)


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_find_love_map_finds_every_key(question: LoveMapQuestion) -> None:
    assert find_love_map(question.key) is question


def test_find_love_map_unknown_is_none() -> None:
    assert find_love_map("lovemap-999") is None
    assert find_love_map("lovemap-1") is None
    assert find_love_map("") is None


# --- the two phrasings ---------------------------------------------------------


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_phrasings_are_short_clean_questions(question: LoveMapQuestion) -> None:
    for text in _phrasings(question):
        assert text.strip() == text and text
        assert len(text) <= 120, f"{len(text)} characters: {text}"
        assert text[0].isupper() and text.endswith("?")
        assert text.count("?") == 1
        assert "  " not in text and not _has_control_chars(text)
        assert "!" not in text and "[" not in text and "]" not in text
        assert not LEFTOVER_PAIR.search(text), text


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_about_me_speaks_to_the_one_answering(question: LoveMapQuestion) -> None:
    assert SECOND_PERSON.search(question.about_me), question.about_me
    assert not THIRD_PERSON.search(question.about_me), question.about_me


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_guess_speaks_about_the_partner(question: LoveMapQuestion) -> None:
    assert THIRD_PERSON.search(question.guess), question.guess
    assert not SECOND_PERSON.search(question.guess), question.guess
    assert "you " not in question.guess.casefold()


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_guess_is_about_me_with_the_person_changed(question: LoveMapQuestion) -> None:
    assert _person_blind(question.guess) == _person_blind(question.about_me)


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_no_first_person(question: LoveMapQuestion) -> None:
    # "me" or "we" would mean a different person in each phrasing.
    for text in _phrasings(question):
        assert not FIRST_PERSON.search(text), text


# --- voice ---------------------------------------------------------------------


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_voice_no_clinical_or_preachy_words(question: LoveMapQuestion) -> None:
    for text in _phrasings(question):
        assert banned_words_in(text) == []


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_voice_assumes_nothing_about_the_person(question: LoveMapQuestion) -> None:
    for text in _phrasings(question):
        assert words_in(ASSUMING_WORDS, text) == []


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_answerable_in_a_few_words(question: LoveMapQuestion) -> None:
    text = question.about_me
    assert words_in(ESSAY_WORDS, text) == []
    assert len(text.split()) <= 18, text
    assert max(len(word.strip("?,.:'")) for word in text.split()) <= 12, text


@pytest.mark.parametrize("question", LOVE_MAP_QUESTIONS, ids=IDS)
def test_questions_do_not_sound_like_blame(question: LoveMapQuestion) -> None:
    assert flag_blame(question.about_me) == []


def test_no_exact_or_near_duplicates() -> None:
    assert _near_pairs([q.about_me for q in LOVE_MAP_QUESTIONS]) == []


def test_no_exact_or_near_duplicates_of_conversation_prompts() -> None:
    texts = [q.about_me for q in LOVE_MAP_QUESTIONS]
    assert _near_pairs(texts, [prompt.text for prompt in PROMPTS]) == []


# --- the checks catch what they claim to ---------------------------------------


def test_checks_catch_what_they_claim_to() -> None:
    assert _near_pairs(["What's your favourite colour?", "what is your favourite colour"]) != []
    assert _near_pairs(["What's your favourite colour?", "Where did you grow up?"]) == []
    assert _person_blind("What do they call their cat?") == _person_blind(
        "What do you call your cat?"
    )
    assert _person_blind("What do they call their dog?") != _person_blind(
        "What do you call your cat?"
    )
    assert SECOND_PERSON.search("What's yours?") and THIRD_PERSON.search("What's theirs?")
    assert not THIRD_PERSON.search("What's your favourite theme tune?")
    assert FIRST_PERSON.search("What do we eat?") and not FIRST_PERSON.search("What's usual?")
    sample = "Why must she tell her husband about the money?"
    assert words_in(ASSUMING_WORDS, sample) == ["she", "her", "husband", "money"]
    assert banned_words_in(sample) == ["must"]
    assert words_in(ESSAY_WORDS, sample) == ["why"]
    assert LEFTOVER_PAIR.search("What's your/their cat called?")
