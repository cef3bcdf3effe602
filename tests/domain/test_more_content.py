"""The idea jar, the values list and the check-in strategies: enough, well-formed, our voice."""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

import pytest

from tests.voice import banned_words_in, words_in
from tracker.domain.content.ideas import IDEAS, Idea, IdeaKind, find_idea, ideas_by_kind
from tracker.domain.content.starter import find_starter
from tracker.domain.content.strategies import (
    AREA_INTRO,
    PROFESSIONAL_HELP,
    SAFETY_LINE,
    STRATEGIES,
    Strategy,
    find_strategy,
    strategies_for,
)
from tracker.domain.content.support import SUPPORT_CARD, SUPPORT_TITLE
from tracker.domain.content.values import (
    LIFE_AREAS,
    LIFE_PRIORITIES,
    VALUES,
    Value,
    find_value,
)
from tracker.domain.models import Area

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SENTENCE_BREAK = re.compile(r"(?<=[.?])\s+(?=[A-Z])")
DAY = 24 * 60
# The values of tracker.domain.content.prompts.Theme, as plain strings.
PROMPT_THEMES = frozenset(
    {
        "love-maps",
        "appreciation",
        "vision",
        "priorities",
        "repair",
        "trust",
        "intimacy",
        "fun",
        "stress",
    }
)
# Words that assume gender, marriage, children or faith.
ASSUMING_WORDS = (
    "he",
    "she",
    "him",
    "her",
    "his",
    "hers",
    "husband",
    "wife",
    "boyfriend",
    "girlfriend",
    "married",
    "marriage",
    "kids",
    "children",
    "church",
    "pray",
)
# Ways of putting it on one partner.
BLAMING_PHRASES = ("your fault", "their fault", "you always", "they always", "they never")

IDEA_IDS = [idea.key for idea in IDEAS]
VALUE_IDS = [value.key for value in VALUES]
STRATEGY_IDS = [strategy.key for strategy in STRATEGIES]


def _all_texts() -> Iterator[tuple[str, str]]:
    """Every string this content shows, labelled with where it came from."""
    for idea in IDEAS:
        yield f"idea {idea.key}", idea.key
        yield f"idea {idea.key}", idea.title
        yield f"idea {idea.key}", idea.description
    for kind in IdeaKind:
        yield "idea kind", kind.value
    for value in VALUES:
        yield f"value {value.key}", value.key
        yield f"value {value.key}", value.name
        yield f"value {value.key}", value.description
    for word in (*LIFE_AREAS, *LIFE_PRIORITIES):
        yield "life areas and priorities", word
    for strategy in STRATEGIES:
        yield f"strategy {strategy.key}", strategy.key
        yield f"strategy {strategy.key}", strategy.title
        yield f"strategy {strategy.key}", strategy.text
        for extra in (strategy.starter_habit, strategy.prompt_theme):
            if extra is not None:
                yield f"strategy {strategy.key}", extra
    for area, intro in AREA_INTRO.items():
        yield f"intro {area.value}", intro
    for line in PROFESSIONAL_HELP:
        yield "professional help", line
    yield "safety line", SAFETY_LINE
    yield "support card", SUPPORT_TITLE
    for part in SUPPORT_CARD:
        yield f"support card {part.heading}", part.heading
        yield f"support card {part.heading}", part.text


ALL_TEXTS = list(_all_texts())


def _has_control_chars(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def _sentences(text: str) -> list[str]:
    return SENTENCE_BREAK.split(text)


def _assert_clean_line(text: str) -> None:
    assert text, "empty"
    assert text.strip() == text
    assert "  " not in text
    assert "\n" not in text


def _assert_clean_title(title: str, limit: int) -> None:
    _assert_clean_line(title)
    assert len(title) <= limit, f"{len(title)} characters: {title}"
    assert title[0].isupper(), title
    assert not title.endswith((".", "?", ":", ";", ",")), title


def _assert_prose(text: str, limit: int, max_sentences: int) -> None:
    _assert_clean_line(text)
    assert len(text) <= limit, f"{len(text)} characters: {text}"
    assert text[0].isupper(), text
    assert text.endswith((".", "?")), text
    assert 1 <= len(_sentences(text)) <= max_sentences, _sentences(text)


# --- the whole lot, in our voice -----------------------------------------


def test_there_is_text_to_check() -> None:
    # Guards every voice test below against passing on nothing.
    assert len(ALL_TEXTS) > 400


@pytest.mark.parametrize(("where", "text"), ALL_TEXTS)
def test_no_markup_or_control_characters(where: str, text: str) -> None:
    assert "[" not in text and "]" not in text, where
    assert not _has_control_chars(text), where


@pytest.mark.parametrize(("where", "text"), ALL_TEXTS)
def test_no_exclamations(where: str, text: str) -> None:
    assert "!" not in text, where


@pytest.mark.parametrize(("where", "text"), ALL_TEXTS)
def test_no_clinical_or_preachy_words(where: str, text: str) -> None:
    assert banned_words_in(text) == [], where


@pytest.mark.parametrize(("where", "text"), ALL_TEXTS)
def test_no_assumptions_about_who_the_couple_are(where: str, text: str) -> None:
    assert words_in(ASSUMING_WORDS, text) == [], where


def test_voice_checks_catch_what_they_claim_to() -> None:
    sample = "You MUST stop this toxic pattern, it's your fault! Ask her husband [b]now[/b]\x1b"
    assert banned_words_in(sample) == ["must", "toxic"]
    assert words_in(ASSUMING_WORDS, sample) == ["her", "husband"]
    assert words_in(BLAMING_PHRASES, sample) == ["your fault"]
    assert _has_control_chars(sample)
    assert words_in(ASSUMING_WORDS, "Whatever the weather, share the chores.") == []


# --- the idea jar --------------------------------------------------------


def test_at_least_seventy_two_ideas() -> None:
    assert len(IDEAS) >= 72


def test_at_least_ten_ideas_of_each_kind() -> None:
    counts = Counter(idea.kind for idea in IDEAS)
    for kind in IdeaKind:
        assert counts[kind] >= 10, f"{kind.value}: only {counts[kind]}"


def test_idea_kinds_are_the_six_shelves() -> None:
    assert [kind.name for kind in IdeaKind] == [
        "HOME",
        "OUT",
        "CHEAP",
        "NEW_HOBBY",
        "UNPLUGGED",
        "GETAWAY",
    ]


def test_idea_keys_are_unique() -> None:
    assert [k for k, n in Counter(IDEA_IDS).items() if n > 1] == []


def test_idea_titles_are_unique() -> None:
    titles = Counter(idea.title.casefold() for idea in IDEAS)
    assert [t for t, n in titles.items() if n > 1] == []


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_idea_key_is_slug_shaped(idea: Idea) -> None:
    assert SLUG.fullmatch(idea.key), idea.key
    assert len(idea.key) <= 40


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_idea_title_is_short_and_clean(idea: Idea) -> None:
    _assert_clean_title(idea.title, 40)


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_idea_description_is_one_or_two_sentences(idea: Idea) -> None:
    _assert_prose(idea.description, 200, 2)


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_idea_cost_and_minutes_make_sense(idea: Idea) -> None:
    assert isinstance(idea.kind, IdeaKind)
    assert idea.cost in (0, 1, 2, 3)
    assert isinstance(idea.minutes, int) and idea.minutes > 0
    if idea.kind is IdeaKind.GETAWAY:
        assert idea.minutes % DAY == 0, "getaways last whole days"
        assert DAY <= idea.minutes <= 7 * DAY
    else:
        assert 10 <= idea.minutes < DAY


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_cheap_ideas_are_cheap(idea: Idea) -> None:
    if idea.kind is IdeaKind.CHEAP:
        assert idea.cost <= 1


def test_every_budget_is_catered_for() -> None:
    costs = Counter(idea.cost for idea in IDEAS)
    assert set(costs) == {0, 1, 2, 3}
    # Money is no assumption: free ideas are the biggest group.
    assert costs[0] >= len(IDEAS) // 3


def test_idea_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'title'"):
        IDEAS[0].title = "Something else"  # type: ignore[misc]


@pytest.mark.parametrize("idea", IDEAS, ids=IDEA_IDS)
def test_find_idea_finds_every_key(idea: Idea) -> None:
    assert find_idea(idea.key) is idea


@pytest.mark.parametrize("key", ["", "no-such-idea", "Sunrise-Walk"])
def test_find_idea_unknown_is_none(key: str) -> None:
    assert find_idea(key) is None


def test_ideas_by_kind_groups_everything_in_order() -> None:
    grouped = ideas_by_kind()
    assert list(grouped) == list(IdeaKind)
    for kind, ideas in grouped.items():
        assert ideas == [idea for idea in IDEAS if idea.kind is kind]
    assert sum(len(ideas) for ideas in grouped.values()) == len(IDEAS)


def test_ideas_by_kind_returns_fresh_lists() -> None:
    ideas_by_kind()[IdeaKind.HOME].clear()
    assert ideas_by_kind()[IdeaKind.HOME]


def test_examples_from_the_brief_are_in_the_jar() -> None:
    for key, kind in (
        ("dish-from-somewhere-new", IdeaKind.HOME),
        ("candlelit-evening", IdeaKind.UNPLUGGED),
        ("three-chords", IdeaKind.NEW_HOBBY),
        ("sunrise-walk", IdeaKind.OUT),
        ("night-in-a-nearby-town", IdeaKind.GETAWAY),
    ):
        idea = find_idea(key)
        assert idea is not None and idea.kind is kind, key


# --- values --------------------------------------------------------------


def test_at_least_thirty_six_values() -> None:
    assert len(VALUES) >= 36


def test_values_from_the_brief_are_all_there() -> None:
    names = {value.name.casefold() for value in VALUES}
    wanted = [
        "family",
        "adventure",
        "security",
        "faith or spirituality",
        "growth",
        "health",
        "freedom",
        "creativity",
        "community",
        "honesty",
        "loyalty",
        "humour",
        "learning",
        "nature",
        "home",
        "tradition",
        "independence",
        "generosity",
        "calm",
        "ambition",
        "play",
        "fairness",
        "curiosity",
        "friendship",
        "care for others",
        "simplicity",
        "beauty",
        "justice",
        "stability",
        "travel",
        "closeness",
        "respect",
        "patience",
        "courage",
        "gratitude",
        "rest",
    ]
    assert [name for name in wanted if name not in names] == []


def test_value_keys_are_unique() -> None:
    assert [k for k, n in Counter(VALUE_IDS).items() if n > 1] == []


def test_value_names_are_unique() -> None:
    names = Counter(value.name.casefold() for value in VALUES)
    assert [n for n, count in names.items() if count > 1] == []


@pytest.mark.parametrize("value", VALUES, ids=VALUE_IDS)
def test_value_key_is_slug_shaped(value: Value) -> None:
    assert SLUG.fullmatch(value.key), value.key


@pytest.mark.parametrize("value", VALUES, ids=VALUE_IDS)
def test_value_name_is_short_and_clean(value: Value) -> None:
    _assert_clean_title(value.name, 24)


@pytest.mark.parametrize("value", VALUES, ids=VALUE_IDS)
def test_value_description_is_one_short_line(value: Value) -> None:
    _assert_prose(value.description, 90, 1)


def test_life_areas_and_priorities() -> None:
    assert LIFE_AREAS == (
        "home",
        "family",
        "work",
        "money",
        "health",
        "travel",
        "learning",
        "community",
    )
    assert LIFE_PRIORITIES == (
        "our relationship",
        "work",
        "family",
        "friends",
        "health",
        "hobbies",
        "rest",
        "learning",
        "community",
        "money",
    )


@pytest.mark.parametrize("value", VALUES, ids=VALUE_IDS)
def test_find_value_finds_every_key(value: Value) -> None:
    assert find_value(value.key) is value


@pytest.mark.parametrize("key", ["", "no-such-value", "Humour"])
def test_find_value_unknown_is_none(key: str) -> None:
    assert find_value(key) is None


def test_value_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'name'"):
        VALUES[0].name = "Something else"  # type: ignore[misc]


# --- strategies ----------------------------------------------------------


def test_at_least_twenty_five_strategies() -> None:
    assert len(STRATEGIES) >= 25


def test_at_least_five_strategies_per_area() -> None:
    counts = Counter(strategy.area for strategy in STRATEGIES)
    for area in Area:
        assert counts[area] >= 5, f"{area.value}: only {counts[area]}"


def test_strategy_keys_are_unique() -> None:
    assert [k for k, n in Counter(STRATEGY_IDS).items() if n > 1] == []


def test_strategy_titles_are_unique() -> None:
    titles = Counter(strategy.title.casefold() for strategy in STRATEGIES)
    assert [t for t, n in titles.items() if n > 1] == []


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_key_is_slug_shaped(strategy: Strategy) -> None:
    assert SLUG.fullmatch(strategy.key), strategy.key
    assert len(strategy.key) <= 40


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_title_is_short_and_clean(strategy: Strategy) -> None:
    _assert_clean_title(strategy.title, 40)


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_text_is_concrete_and_short(strategy: Strategy) -> None:
    _assert_prose(strategy.text, 300, 3)


def _opening(text: str) -> str:
    """A text's first two words, without case or a trailing comma."""
    return " ".join(word.strip(",").casefold() for word in text.split()[:2])


def test_strategy_openings_vary() -> None:
    # Read one after another, 33 cards that all open the same way sound like a form.
    openings = Counter(_opening(strategy.text) for strategy in STRATEGIES)
    crowded = {o: n for o, n in openings.items() if n > len(STRATEGIES) // 4}
    assert crowded == {}


def test_the_opening_check_would_catch_a_repeat() -> None:
    assert _opening("This week, try it.") == _opening("This  week, ask.") == "this week"
    assert _opening("Each day, try it.") != _opening("Each week, try it.")


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_never_blames_either_partner(strategy: Strategy) -> None:
    assert words_in(BLAMING_PHRASES, strategy.text) == []
    assert words_in(BLAMING_PHRASES, strategy.title) == []


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_starter_habit_exists(strategy: Strategy) -> None:
    assert isinstance(strategy.area, Area)
    if strategy.starter_habit is not None:
        assert find_starter(strategy.starter_habit) is not None, strategy.starter_habit


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_strategy_prompt_theme_is_known(strategy: Strategy) -> None:
    if strategy.prompt_theme is not None:
        assert strategy.prompt_theme in PROMPT_THEMES, strategy.prompt_theme


def test_most_strategies_point_somewhere() -> None:
    with_habit = [s for s in STRATEGIES if s.starter_habit is not None]
    with_theme = [s for s in STRATEGIES if s.prompt_theme is not None]
    assert len(with_habit) >= len(STRATEGIES) * 3 // 4
    assert len(with_theme) >= len(STRATEGIES) * 3 // 4


def test_the_guides_quality_time_steps_are_covered() -> None:
    # Date nights, new hobbies, unplugging, a getaway.
    words = " ".join(f"{s.title} {s.text}".casefold() for s in strategies_for(Area.QUALITY_TIME))
    for step in ("date night", "something new", "phones", "getaway"):
        assert step in words, step


def test_prompt_themes_match_the_prompts_module() -> None:
    prompts = pytest.importorskip("tracker.domain.content.prompts")
    assert {theme.value for theme in prompts.Theme} == PROMPT_THEMES
    for strategy in STRATEGIES:
        if strategy.prompt_theme is not None:
            assert prompts.Theme(strategy.prompt_theme).value == strategy.prompt_theme


def test_strategy_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'text'"):
        STRATEGIES[0].text = "Something else"  # type: ignore[misc]


@pytest.mark.parametrize("strategy", STRATEGIES, ids=STRATEGY_IDS)
def test_find_strategy_finds_every_key(strategy: Strategy) -> None:
    assert find_strategy(strategy.key) is strategy


def test_find_strategy_unknown_is_none() -> None:
    assert find_strategy("no-such-strategy") is None


def test_strategies_for_each_area_in_order() -> None:
    for area in Area:
        assert strategies_for(area) == [s for s in STRATEGIES if s.area is area]
    assert sum(len(strategies_for(area)) for area in Area) == len(STRATEGIES)


# --- area intros ---------------------------------------------------------


def test_every_area_has_an_intro() -> None:
    assert set(AREA_INTRO) == set(Area)


@pytest.mark.parametrize("area", list(Area), ids=[a.value for a in Area])
def test_area_intro_is_one_warm_sentence(area: Area) -> None:
    intro = AREA_INTRO[area]
    _assert_prose(intro, 200, 1)
    assert intro.endswith(".")
    assert words_in(BLAMING_PHRASES, intro) == []


# --- professional help and safety ----------------------------------------

PHONE_LIKE = re.compile(r"\d{3,}")
# Besides the first word of a sentence, the only capitals allowed: no names
# of organisations or services, which differ from country to country.
ALLOWED_CAPITALS = {"GP"}


def _stray_capitals(text: str) -> list[str]:
    stray = []
    for sentence in _sentences(text):
        for word in re.findall(r"[A-Za-z][\w'-]*", sentence)[1:]:
            if word[0].isupper() and word not in ALLOWED_CAPITALS:
                stray.append(word)
    return stray


def test_professional_help_is_a_short_card() -> None:
    assert 4 <= len(PROFESSIONAL_HELP) <= 6
    for line in PROFESSIONAL_HELP:
        _assert_prose(line, 240, 3)


def test_professional_help_says_what_the_brief_asks() -> None:
    card = " ".join(PROFESSIONAL_HELP).casefold()
    for phrase in (
        "couples therapist",
        "fight",
        "trust",
        "what comes next",
        "not a sign",
        "doctor",
        "professional associations",
        "accredited",
        "video",
        "training",
    ):
        assert phrase in card, phrase


@pytest.mark.parametrize("text", [*PROFESSIONAL_HELP, SAFETY_LINE], ids=lambda text: text[:30])
def test_no_phone_numbers_links_or_names(text: str) -> None:
    assert not PHONE_LIKE.search(text), text
    assert "http" not in text.casefold() and "www" not in text.casefold(), text
    assert "@" not in text and ".org" not in text and ".com" not in text, text
    assert _stray_capitals(text) == [], text


def test_the_number_and_name_checks_work() -> None:
    assert PHONE_LIKE.search("Call 0808 2000 247")
    assert not PHONE_LIKE.search("Ask about 12 sessions")
    assert _stray_capitals("Ring the National Helpline today. Your GP can help.") == [
        "National",
        "Helpline",
    ]


def test_safety_line_is_clear_and_separate() -> None:
    line = SAFETY_LINE.casefold()
    assert "unsafe" in line
    # A local helpline and how to find one, and the emergency number if in danger now.
    assert "local domestic-abuse helpline" in line
    assert "search “domestic abuse helpline” and your country" in line
    assert "ask your doctor" in line
    assert "danger now" in line and "emergency number where you are" in line
    assert SAFETY_LINE not in PROFESSIONAL_HELP
    assert not any(SAFETY_LINE in paragraph for paragraph in PROFESSIONAL_HELP)
    _assert_prose(SAFETY_LINE, 240, 3)
