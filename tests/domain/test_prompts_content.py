"""The conversation prompts, agenda and coaching notes: enough of them, well-formed, our voice."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter

import pytest

from tests.voice import ASSUMING_WORDS, banned_words_in, words_in
from tracker.domain.content.coach import ACTIVE_LISTENING, I_STATEMENT_TIPS
from tracker.domain.content.prompts import (
    PROMPTS,
    STATE_OF_US_AGENDA,
    THEME_AREA,
    THEME_LABELS,
    Depth,
    Prompt,
    Theme,
    find_prompt,
    prompts_by_theme,
)
from tracker.domain.models import Area
from tracker.domain.talks.skills import flag_blame

KEY = re.compile(r"(?P<theme>[a-z]+(?:-[a-z]+)*)-(?P<number>\d{2})")
IDS = [prompt.key for prompt in PROMPTS]


def _has_word(text: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}\b", text, re.IGNORECASE) is not None


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


# --- size and coverage ---------------------------------------------------


def test_at_least_170_prompts() -> None:
    assert len(PROMPTS) >= 170


def test_at_least_16_per_theme() -> None:
    counts = Counter(prompt.theme for prompt in PROMPTS)
    for theme in Theme:
        assert counts[theme] >= 16, f"{theme.value}: only {counts[theme]}"


def test_at_least_four_of_each_depth_per_theme() -> None:
    counts = Counter((prompt.theme, prompt.depth) for prompt in PROMPTS)
    for theme in Theme:
        for depth in Depth:
            assert counts[theme, depth] >= 4, f"{theme.value}/{depth.value}: {counts[theme, depth]}"


def test_every_prompt_has_a_real_theme_and_depth() -> None:
    for prompt in PROMPTS:
        assert isinstance(prompt, Prompt)
        assert isinstance(prompt.theme, Theme)
        assert isinstance(prompt.depth, Depth)


def test_repair_covers_a_past_hurt_and_next_time() -> None:
    repair = [p.text.casefold() for p in PROMPTS if p.theme is Theme.REPAIR]
    assert sum("next time" in text for text in repair) >= 3
    assert sum(_has_word(text, "hurt") or "stings" in text for text in repair) >= 3
    assert any("past hurt" in text for text in repair)


# --- keys ----------------------------------------------------------------


def test_keys_are_unique() -> None:
    assert [k for k, n in Counter(IDS).items() if n > 1] == []


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_key_is_a_slug_naming_its_theme(prompt: Prompt) -> None:
    match = KEY.fullmatch(prompt.key)
    assert match, prompt.key
    assert match["theme"] == prompt.theme.value
    assert int(match["number"]) >= 1


@pytest.mark.parametrize(
    ("key", "theme"),
    [
        ("love-maps-01", Theme.LOVE_MAPS),
        ("appreciation-07", Theme.APPRECIATION),
        ("vision-16", Theme.VISION),
        ("priorities-10", Theme.PRIORITIES),
        ("repair-15", Theme.REPAIR),
        ("trust-03", Theme.TRUST),
        ("intimacy-08", Theme.INTIMACY),
        ("fun-01", Theme.FUN),
        ("stress-20", Theme.STRESS),
    ],
)
def test_shipped_keys_still_resolve(key: str, theme: Theme) -> None:
    # History stores these keys: renaming a theme value or renumbering breaks it.
    prompt = find_prompt(key)
    assert prompt is not None and prompt.theme is theme


def test_find_prompt_unknown_is_none() -> None:
    assert find_prompt("love-maps-99") is None
    assert find_prompt("") is None


def test_prompts_by_theme_groups_everything_in_order() -> None:
    grouped = prompts_by_theme()
    assert list(grouped) == list(Theme)
    for theme, prompts in grouped.items():
        assert prompts == [p for p in PROMPTS if p.theme is theme]
    assert sum(len(prompts) for prompts in grouped.values()) == len(PROMPTS)


def test_prompt_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'text'"):
        PROMPTS[0].text = "Something else?"  # type: ignore[misc]


# --- texts ---------------------------------------------------------------


def test_texts_are_unique_ignoring_case() -> None:
    texts = Counter(prompt.text.casefold() for prompt in PROMPTS)
    assert [t for t, n in texts.items() if n > 1] == []


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_text_is_short_and_clean(prompt: Prompt) -> None:
    text = prompt.text
    assert text.strip() == text and text
    assert len(text) <= 200, f"{len(text)} characters"
    assert text[0].isupper()
    assert text.endswith(("?", "."))
    assert "  " not in text
    assert not _has_control_chars(text)


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_no_markup_brackets(prompt: Prompt) -> None:
    assert "[" not in prompt.text and "]" not in prompt.text


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_voice_no_exclamations(prompt: Prompt) -> None:
    assert "!" not in prompt.text


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_voice_no_clinical_or_preachy_words(prompt: Prompt) -> None:
    assert banned_words_in(prompt.text) == []


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_voice_assumes_nothing_about_the_couple(prompt: Prompt) -> None:
    assert words_in(ASSUMING_WORDS, prompt.text) == []


@pytest.mark.parametrize("prompt", PROMPTS, ids=IDS)
def test_prompts_do_not_sound_like_blame(prompt: Prompt) -> None:
    # Our own questions pass our own blame check.
    assert flag_blame(prompt.text) == []


def test_voice_checks_catch_what_they_claim_to() -> None:
    sample = "You MUST stop this toxic pattern, and she should call her husband!!"
    assert banned_words_in(sample) == ["should", "must", "toxic"]
    assert words_in(ASSUMING_WORDS, sample) == ["she", "her", "husband"]
    # Whole words only: "together" and "other" are fine.
    assert not _has_word("What do we do together with each other?", "her")


# --- themes ----------------------------------------------------------------


def test_every_theme_maps_to_an_area() -> None:
    assert set(THEME_AREA) == set(Theme)
    assert all(isinstance(area, Area) for area in THEME_AREA.values())


def test_every_area_is_served_by_some_theme() -> None:
    assert set(THEME_AREA.values()) == set(Area)


def test_theme_area_spot_checks() -> None:
    assert THEME_AREA[Theme.REPAIR] is Area.CONFLICT
    assert THEME_AREA[Theme.TRUST] is Area.TRUST
    assert THEME_AREA[Theme.PRIORITIES] is Area.PRIORITIES


def test_every_theme_has_a_short_label() -> None:
    assert set(THEME_LABELS) == set(Theme)
    for theme in Theme:
        label = theme.label
        assert label == THEME_LABELS[theme]
        assert label and label[0].isupper() and len(label) <= 40
        assert not label.endswith(".")
    assert Theme.LOVE_MAPS.label == "Getting to know each other now"
    assert Theme.VISION.label == "Long-term vision and dreams"


def test_depth_labels() -> None:
    assert [d.label for d in Depth] == ["Light", "Medium", "Deep"]


# --- the weekly "state of us" agenda ---------------------------------------


def test_agenda_has_five_steps_appreciations_first() -> None:
    assert len(STATE_OF_US_AGENDA) == 5
    titles = [title for title, _ in STATE_OF_US_AGENDA]
    assert len(set(titles)) == 5
    assert "appreciation" in titles[0].casefold()


def test_agenda_steps_in_order() -> None:
    (_, thanks), (_, well), (_, issue), (_, plan), (close, _) = STATE_OF_US_AGENDA
    assert "went well" in STATE_OF_US_AGENDA[1][0].casefold()
    assert _has_word(issue, "one") and "'I'" in issue
    assert "small step" in plan
    assert "close" in close.casefold()
    assert thanks and well


@pytest.mark.parametrize(("title", "guidance"), STATE_OF_US_AGENDA)
def test_agenda_step_is_one_clean_sentence(title: str, guidance: str) -> None:
    assert title and title[0].isupper() and len(title) <= 30
    assert guidance[0].isupper() and guidance.endswith(".")
    assert len(re.split(r"(?<=[.?])\s+(?=[A-Z])", guidance)) == 1
    for text in (title, guidance):
        assert "!" not in text and "[" not in text and "]" not in text
        assert banned_words_in(text) == []


# --- coaching notes ------------------------------------------------------------


def test_active_listening_is_short() -> None:
    assert 5 <= len(ACTIVE_LISTENING) <= 7


def test_i_statement_tips_are_short() -> None:
    assert 3 <= len(I_STATEMENT_TIPS) <= 5


def test_active_listening_covers_the_basics() -> None:
    text = " ".join(ACTIVE_LISTENING).casefold()
    assert "say back" in text  # reflect what you heard
    assert "assume" in text
    assert "fixing" in text
    assert "silence" in text
    assert "got it right" in text


@pytest.mark.parametrize("line", ACTIVE_LISTENING + I_STATEMENT_TIPS)
def test_coach_lines_in_our_voice(line: str) -> None:
    assert line.strip() == line and line[0].isupper()
    assert line.endswith((".", "?", "'"))
    assert len(line) <= 120
    assert "!" not in line and "[" not in line and "]" not in line
    assert banned_words_in(line) == []
