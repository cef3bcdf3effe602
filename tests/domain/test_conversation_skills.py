"""Drawing prompts, building "I" statements and gently flagging blame."""

from __future__ import annotations

import dataclasses
import itertools
import random
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.content.prompts import PROMPTS, Depth, Prompt, Theme
from tracker.domain.talks.skills import Flag, draw_prompt, flag_blame, i_statement

TODAY = date(2026, 6, 10)
KEYS = [p.key for p in PROMPTS]


def draw(
    prompts: list[Prompt] | tuple[Prompt, ...] = PROMPTS,
    used: dict[str, date] | None = None,
    hidden: set[str] | None = None,
    window_weeks: int = 4,
    seed: int = 0,
    theme: Theme | None = None,
    depth: Depth | None = None,
) -> Prompt | None:
    return draw_prompt(
        prompts,
        used or {},
        hidden or set(),
        TODAY,
        window_weeks,
        random.Random(seed),
        theme=theme,
        depth=depth,
    )


# --- draw_prompt: against a naive oracle -------------------------------------------


def oracle(
    pool: list[Prompt],
    used: dict[str, date],
    hidden: set[str],
    window_weeks: int,
    theme: Theme | None,
    depth: Depth | None,
) -> tuple[list[Prompt], list[Prompt]]:
    """(every match, the ones it may pick): written out day by day, the slow way."""
    matches = [
        p
        for p in pool
        if p.key not in hidden
        and (theme is None or p.theme == theme)
        and (depth is None or p.depth == depth)
    ]
    recent_days = {TODAY - timedelta(days=n) for n in range(window_weeks * 7)}
    allowed = [
        p
        for p in matches
        if p.key not in used or (used[p.key] not in recent_days and used[p.key] <= TODAY)
    ]
    if allowed or not matches:
        return matches, allowed
    oldest = min(used[p.key] for p in matches)
    return matches, [p for p in matches if used[p.key] == oldest]


@st.composite
def draw_cases(draw_: st.DrawFn) -> tuple:
    pool = draw_(st.lists(st.sampled_from(PROMPTS), max_size=25, unique_by=lambda p: p.key))
    keys = [p.key for p in pool] or ["nothing"]
    used = draw_(
        st.dictionaries(
            st.sampled_from(keys),
            st.dates(TODAY - timedelta(days=120), TODAY + timedelta(days=3)),
        )
    )
    hidden = draw_(st.sets(st.sampled_from(keys)))
    window = draw_(st.integers(0, 10))
    theme = draw_(st.none() | st.sampled_from(Theme))
    depth = draw_(st.none() | st.sampled_from(Depth))
    seed = draw_(st.integers(0, 2**32))
    return pool, used, hidden, window, theme, depth, seed


@settings(max_examples=400, deadline=None)
@given(draw_cases())
def test_draw_matches_the_oracle(case: tuple) -> None:
    pool, used, hidden, window, theme, depth, seed = case
    got = draw(pool, used, hidden, window, seed, theme, depth)
    matches, allowed = oracle(pool, used, hidden, window, theme, depth)
    if not matches:
        assert got is None
        return
    assert got is not None
    assert got in allowed
    assert got.key not in hidden
    # Deterministic: the same seed gives the same prompt.
    assert draw(pool, used, hidden, window, seed, theme, depth) == got


@settings(max_examples=200, deadline=None)
@given(
    used_days_ago=st.dictionaries(st.sampled_from(KEYS), st.integers(0, 60)),
    seed=st.integers(0, 2**32),
)
def test_draw_never_repeats_inside_the_window_when_there_is_a_choice(
    used_days_ago: dict[str, int], seed: int
) -> None:
    used = {key: TODAY - timedelta(days=n) for key, n in used_days_ago.items()}
    got = draw(used=used, seed=seed)
    assert got is not None
    recent = {key for key, n in used_days_ago.items() if n < 28}
    assert len(recent) < len(PROMPTS)  # there is always a fresh one here
    assert got.key not in recent


def test_window_boundary() -> None:
    only = [PROMPTS[0], PROMPTS[1]]
    # Used exactly four weeks ago: it can come round again, alongside an older one.
    used = {only[0].key: TODAY - timedelta(weeks=4), only[1].key: TODAY - timedelta(weeks=6)}
    assert {draw(only, used=used, window_weeks=4, seed=seed) for seed in range(40)} == set(only)
    # One day short of four weeks is still recent; with both recent, the older comes back.
    used = {only[0].key: TODAY - timedelta(days=27), only[1].key: TODAY - timedelta(days=1)}
    assert draw(only, used=used, window_weeks=4) == only[0]
    used = {only[0].key: TODAY - timedelta(days=27), only[1].key: TODAY - timedelta(days=29)}
    assert draw(only, used=used, window_weeks=4) == only[1]


def test_window_zero_allows_anything_not_in_the_future() -> None:
    only = [PROMPTS[0], PROMPTS[1]]
    used = {only[0].key: TODAY, only[1].key: TODAY + timedelta(days=1)}
    assert draw(only, used=used, window_weeks=0) == only[0]


def test_negative_window_is_refused() -> None:
    with pytest.raises(ValueError, match=r"The repeat window can't be negative\."):
        draw(window_weeks=-1)


@pytest.mark.parametrize("theme", list(Theme))
@pytest.mark.parametrize("depth", [None, *Depth])
def test_draw_respects_filters(theme: Theme, depth: Depth | None) -> None:
    for seed in range(20):
        got = draw(seed=seed, theme=theme, depth=depth)
        assert got is not None
        assert got.theme is theme
        assert depth is None or got.depth is depth


def test_draw_depth_filter_alone() -> None:
    for seed in range(30):
        got = draw(seed=seed, depth=Depth.DEEP)
        assert got is not None and got.depth is Depth.DEEP


def test_falls_back_to_least_recently_used_when_all_recent() -> None:
    repair = [p for p in PROMPTS if p.theme is Theme.REPAIR]
    used = {p.key: TODAY - timedelta(days=i % 20) for i, p in enumerate(repair)}
    oldest = [p for p in repair if used[p.key] == TODAY - timedelta(days=19)]
    assert len(oldest) == 1
    for seed in range(10):
        assert draw(used=used, theme=Theme.REPAIR, seed=seed) == oldest[0]


def test_fallback_never_brings_back_a_hidden_prompt() -> None:
    repair = [p for p in PROMPTS if p.theme is Theme.REPAIR]
    used = {p.key: TODAY - timedelta(days=i) for i, p in enumerate(repair)}
    oldest, second = repair[-1], repair[-2]
    assert draw(used=used, theme=Theme.REPAIR) == oldest
    assert draw(used=used, hidden={oldest.key}, theme=Theme.REPAIR) == second


def test_fallback_ties_are_shared_out_by_the_rng() -> None:
    pool = list(PROMPTS[:3])
    used = {pool[0].key: TODAY - timedelta(days=9), pool[1].key: TODAY - timedelta(days=9)}
    used[pool[2].key] = TODAY
    picks = {draw(pool, used=used, seed=seed) for seed in range(40)}
    assert picks == {pool[0], pool[1]}


def test_none_only_when_nothing_matches() -> None:
    trust = {p.key for p in PROMPTS if p.theme is Theme.TRUST}
    assert draw(hidden=trust, theme=Theme.TRUST) is None
    assert draw(hidden=set(KEYS)) is None
    assert draw([]) is None
    # Everything used today is still not "nothing".
    assert draw(used=dict.fromkeys(KEYS, TODAY)) is not None


def test_hidden_prompts_never_come_back() -> None:
    hidden = set(KEYS[1:])  # all but one
    for seed in range(25):
        assert draw(hidden=hidden, seed=seed) == PROMPTS[0]


def test_draw_is_deterministic_per_seed() -> None:
    first = [draw(seed=seed) for seed in range(50)]
    again = [draw(seed=seed) for seed in range(50)]
    assert first == again
    assert len(set(first)) > 10  # different seeds, different prompts


def test_many_draws_cover_many_prompts() -> None:
    rng = random.Random(2026)
    seen = {draw_prompt(PROMPTS, {}, set(), TODAY, 4, rng) for _ in range(500)}
    assert None not in seen
    assert len(seen) >= 150


def test_a_year_of_daily_draws_never_repeats_within_four_weeks() -> None:
    rng = random.Random(7)
    used: dict[str, date] = {}
    day = TODAY
    for _ in range(365):
        prompt = draw_prompt(PROMPTS, used, set(), day, 4, rng)
        assert prompt is not None
        if prompt.key in used:
            assert (day - used[prompt.key]).days >= 28
        used[prompt.key] = day
        day += timedelta(days=1)
    assert len(used) >= 150


def test_draw_does_not_change_its_inputs() -> None:
    used = {KEYS[0]: TODAY}
    hidden = {KEYS[1]}
    draw(used=used, hidden=hidden)
    assert used == {KEYS[0]: TODAY} and hidden == {KEYS[1]}


# --- i_statement --------------------------------------------------------------------

I_STATEMENTS = [
    pytest.param(
        "left out",
        "plans change without a word",
        "to feel included",
        "tell me earlier next time",
        "I feel left out when plans change without a word, because I need to feel included. "
        "Would you tell me earlier next time?",
        id="the example",
    ),
    pytest.param(
        "  left out. ",
        "plans change   without a word!",
        "to feel included...",
        "tell me earlier next time.",
        "I feel left out when plans change without a word, because I need to feel included. "
        "Would you tell me earlier next time?",
        id="spare whitespace and trailing punctuation",
    ),
    pytest.param(
        "I feel left out",
        "when plans change",
        "because I need to feel included",
        "Could you tell me earlier?",
        "I feel left out when plans change, because I need to feel included. "
        "Could you tell me earlier?",
        id="their own connectives are not doubled",
    ),
    pytest.param(
        "i'm worn out",
        "",
        "",
        "",
        "I'm worn out.",
        id="feeling only, own opening",
    ),
    pytest.param(
        "",
        "we rush the mornings",
        "a slower start",
        "let's get up ten minutes earlier",
        "When we rush the mornings, I need a slower start. Could we get up ten minutes earlier?",
        id="no feeling",
    ),
    pytest.param(
        "",
        "",
        "some quiet after work",
        "you give me half an hour",
        "I need some quiet after work. Would you give me half an hour?",
        id="need and request only",
    ),
    pytest.param(
        "",
        "",
        "to be heard",
        "",
        "I need to be heard.",
        id="need only",
    ),
    pytest.param(
        "lonely",
        "on Sundays",
        "",
        "can we plan something together",
        "I feel lonely on Sundays. Can we plan something together?",
        id="question missing its question mark",
    ),
    pytest.param(
        "felt ignored",
        "After the party",
        "need a bit of reassurance",
        "Please hold my hand when we arrive",
        "I felt ignored after the party, because I need a bit of reassurance. "
        "Would you please hold my hand when we arrive?",
        id="past tense and please kept",
    ),
    pytest.param(
        "hurt",
        "",
        "I want us to be a team",
        "Don't make plans for both of us without asking",
        "I feel hurt, because I want us to be a team. "
        "Could you try not to make plans for both of us without asking?",
        id="no situation, don't-request softened",
    ),
    pytest.param(
        "überwältigt",
        "the café is loud",
        "a quiet corner",
        "Would you sit with me?",
        "I feel überwältigt when the café is loud, because I need a quiet corner. "
        "Would you sit with me?",
        id="unicode words",
    ),
    pytest.param(
        "a bit low 😔",
        "every time we argue by text",
        "to talk face to face",
        "I'd love a phone call instead",
        "I feel a bit low 😔 every time we argue by text, because I need to talk face to face. "
        "I'd love a phone call instead. Would that be okay?",
        id="emoji and a first-person request",
    ),
    pytest.param(
        "anxious",
        "whenever money comes up",
        "us to look at it together",
        "How about a monthly chat?!",
        "I feel anxious whenever money comes up, because I need us to look at it together. "
        "How about a monthly chat?",
        id="already a question with extra punctuation",
    ),
    pytest.param(
        "worried",
        "about the move",
        "",
        "",
        "I feel worried about the move.",
        id="feeling and situation only",
    ),
    pytest.param(
        "tired",
        "",
        "rest",
        "",
        "I feel tired, because I need rest.",
        id="feeling and need only",
    ),
    pytest.param(
        "frustrated",
        "the dishes pile up",
        "",
        "do the washing up tonight",
        "I feel frustrated when the dishes pile up. Would you do the washing up tonight?",
        id="imperative do is not a question",
    ),
    pytest.param(
        "happy",
        "you surprise me",
        "it matters to me",
        "keep doing it",
        "I feel happy when you surprise me, because it matters to me. Would you keep doing it?",
        id="need with its own subject",
    ),
    pytest.param(
        "nervous",
        "",
        "",
        "please could you come with me",
        "I feel nervous. Please could you come with me?",
        id="please could you",
    ),
    pytest.param(
        "calm",
        "we walk together",
        "",
        "we go again on Saturday",
        "I feel calm when we walk together. Could we go again on Saturday?",
        id="we-request",
    ),
    pytest.param(
        "Feeling stretched thin",
        "If the week fills up",
        "Because I need an evening off",
        "Tell me which night works for you",
        "I'm feeling stretched thin if the week fills up, because I need an evening off. "
        "Would you tell me which night works for you?",
        id="capitalised parts mid-sentence",
    ),
    pytest.param(
        "I’m sad",
        "when we don’t talk",
        "I’d like us to check in",
        "can we try tonight",
        "I’m sad when we don’t talk, because I’d like us to check in. Can we try tonight?",
        id="curly apostrophes",
    ),
    pytest.param(
        "relieved\n",
        "\tyou called",
        " ",
        " ?? ",
        "I feel relieved when you called.",
        id="a request of only punctuation is dropped",
    ),
]


@pytest.mark.parametrize(("feeling", "situation", "need", "ask", "expected"), I_STATEMENTS)
def test_i_statement(feeling: str, situation: str, need: str, ask: str, expected: str) -> None:
    # ("request" is a name pytest keeps for itself, hence "ask".)
    assert i_statement(feeling, situation, need, ask) == expected


def test_enough_i_statement_examples() -> None:
    assert len(I_STATEMENTS) >= 20


@pytest.mark.parametrize(
    ("feeling", "need"),
    [("", ""), ("   ", "\n"), ("...", "!?"), ("", " . ")],
)
def test_i_statement_needs_a_feeling_or_a_need(feeling: str, need: str) -> None:
    with pytest.raises(ValueError, match=r"how you feel or what you need"):
        i_statement(feeling, "plans change", need, "call me")


@settings(max_examples=300, deadline=None)
@given(
    feeling=st.text(max_size=30),
    situation=st.text(max_size=30),
    need=st.text(max_size=30),
    request=st.text(max_size=30),
)
def test_i_statement_is_always_a_tidy_sentence_or_a_friendly_error(
    feeling: str, situation: str, need: str, request: str
) -> None:
    try:
        result = i_statement(feeling, situation, need, request)
    except ValueError as error:
        assert str(error).endswith(".")
        return
    assert result == result.strip()
    assert result.endswith((".", "?"))
    assert "  " not in result


# --- flag_blame ----------------------------------------------------------------------

FLAGGED = [
    ("You always leave the dishes.", ["You always"]),
    ("you NEVER listen", ["you NEVER"]),
    ("You’re never home before nine.", ["You’re never"]),
    ("You make me so angry.", ["You make me"]),
    ("You made me late", ["You made me"]),
    ("This is your fault.", ["your fault"]),
    ("It is your fault, not mine.", ["your fault"]),
    ("You should have called.", ["You should"]),
    ("Why can't you just tell me?", ["Why can't you"]),
    ("Why can’t you ever be on time?", ["Why can’t you"]),
    ("You are so stubborn about this.", ["You are so"]),
    ("You’re so dramatic.", ["You’re so dramatic"]),
    ("Whatever.", ["Whatever"]),
    ("Fine, whatever, do what you like.", ["whatever"]),
    ("Whatever you say.", ["Whatever you say"]),
    ("Late as usual.", ["as usual"]),
    ("Typical.", ["Typical"]),
    ("Typical you, late again.", ["Typical you"]),
    ("Every single time you're late, I worry.", ["Every single time"]),
    ("You don't even remember my birthday.", ["You don't even"]),
    ("Calm down.", ["Calm down"]),
    ("Just calm down, it's fine.", ["calm down"]),
    ("You're overreacting.", ["You're overreacting"]),
    ("I think you're overreacting", ["you're overreacting"]),
    ("Stop overreacting", ["overreacting"]),
    ("You're lazy.", ["You're lazy"]),
    ("you’re so selfish", ["you’re so selfish"]),
    ("You are being useless", ["You are being useless"]),
    ("youre so mean", ["youre so mean"]),
    ("you idiot", ["you idiot"]),
    ("You’re always so selfish", ["You’re always so selfish"]),
    (
        "You never help and you always complain, as usual.",
        ["You never", "you always", "as usual"],
    ),
    ("You always do this, it's your fault, calm down.", ["You always", "your fault", "calm down"]),
    ("Why do you always do this?", ["you always"]),
    # Decided: questions are not let off. "Why do you always…" is how "you always" is
    # usually said, so this innocent one is flagged too; the flag is only a suggestion.
    ("Do you never get tired?", ["you never"]),
    ("You  always\nforget", ["You  always"]),
    ("YOU ALWAYS DO THIS", ["YOU ALWAYS"]),
    ("You make me feel not good enough", ["You make me"]),
    ("Same time as usual?", ["as usual"]),
]

INNOCENT = [
    "I always love our walks",
    "I never want to lose this",
    "You’re so thoughtful.",
    "You always make me laugh",
    "You're always there for me.",
    "It's not your fault.",
    "Whatever you want for dinner is fine.",
    "What's a typical Sunday for you?",
    "I think I was overreacting last night.",
    "I need a minute to calm down.",
    "Why don't you have a nap?",
    "The bayou always floods in spring.",
    "You shouldn't have to do it all alone.",
    "You're not lazy, you're exhausted.",
    "I burnt the toast, as usual.",
    "We're eating at six as usual.",
    "you alwaysish",
    "Your always-on phone",
    "Thank you for always being there.",
    "",
]


@pytest.mark.parametrize(("text", "phrases"), FLAGGED)
def test_flag_blame_finds_the_phrases(text: str, phrases: list[str]) -> None:
    flags = flag_blame(text)
    assert [flag.phrase for flag in flags] == phrases
    for flag in flags:
        assert text[flag.start : flag.end] == flag.phrase
        assert flag.why and flag.instead


@pytest.mark.parametrize("text", INNOCENT)
def test_flag_blame_leaves_innocent_sentences_alone(text: str) -> None:
    assert flag_blame(text) == []


def test_enough_flag_examples() -> None:
    assert len(FLAGGED) >= 20
    assert len(INNOCENT) >= 8


def test_flag_positions_point_into_the_original_text() -> None:
    text = "Honestly, you’re so selfish. And you never call, as usual."
    flags = flag_blame(text)
    assert [(f.phrase, f.start, f.end) for f in flags] == [
        ("you’re so selfish", 10, 27),
        ("you never", 33, 42),
        ("as usual", 49, 57),
    ]


def test_flag_carries_a_kind_reason_and_suggestion() -> None:
    (flag,) = flag_blame("You always do this.")
    assert flag == Flag(
        "You always",
        0,
        10,
        "Absolutes tend to start a defence, not a conversation.",
        "Try naming this one time and how it felt.",
    )
    with pytest.raises(dataclasses.FrozenInstanceError, match=r"cannot assign to field 'phrase'"):
        flag.phrase = "x"  # type: ignore[misc]


def test_every_rule_speaks_kindly() -> None:
    texts = [text for text, _ in FLAGGED]
    for flag in (f for text in texts for f in flag_blame(text)):
        for line in (flag.why, flag.instead):
            assert line[0].isupper() and line.endswith((".", "?'"))
            assert "!" not in line
            assert len(line) <= 90


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "you",
                "You’re",
                "you're",
                "always",
                "never",
                "so",
                "selfish",
                "kind",
                "calm",
                "down",
                "I",
                "as",
                "usual",
                "whatever",
                "typical",
                "your",
                "fault",
                "not",
                "make",
                "me",
                ".",
                ",",
                "?",
                "\n",
                "  ",
            ]
        ),
        max_size=20,
    ).map(" ".join)
)
def test_flags_are_ordered_non_overlapping_and_exact(text: str) -> None:
    flags = flag_blame(text)
    for flag in flags:
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.phrase
    for before, after in itertools.pairwise(flags):
        assert before.end <= after.start


@given(
    prefix=st.sampled_from(["", "Honestly, ", "Well. ", "ok — "]),
    phrase=st.sampled_from(["you never", "You always", "your fault", "why can’t you"]),
    suffix=st.sampled_from(["", " listen.", " do this?", ", again."]),
)
def test_a_blame_phrase_is_found_wherever_it_sits(prefix: str, phrase: str, suffix: str) -> None:
    text = prefix + phrase + suffix
    flags = flag_blame(text)
    assert [(f.phrase, f.start) for f in flags] == [(phrase, len(prefix))]
