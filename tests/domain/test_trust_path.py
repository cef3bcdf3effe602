"""The path after a betrayal: step k opens in week k after starting, by the person's own
days, and its words keep to our voice (never blaming, never minimising, never pushing
to stay or to part)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.voice import banned_words_in, words_in
from tracker.domain.content.support import SAFETY_LINE
from tracker.domain.content.trust_path import (
    ACTION_LABELS,
    LEAVE_QUESTION,
    LEFT,
    LISTENING_PROMPTS,
    OPENING,
    PRIVATE_LINE,
    ROLE_LABELS,
    SAFETY,
    STEPS,
    WHO_INTRO,
    WHO_QUESTION,
    Role,
    StepAction,
    TrustTheme,
)
from tracker.domain.days import local_day
from tracker.domain.trust.path import TrustPath, open_steps, opens_on, valid_steps

DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2031, 12, 31))


def oracle_open(started: date, today: date) -> list[int]:
    """Walk day by day from the start, opening the next step every seventh day."""
    opened, day, walked = [1], started, 0
    while day < today:
        day += timedelta(days=1)
        walked += 1
        if walked % 7 == 0 and len(opened) < len(STEPS):
            opened.append(len(opened) + 1)
    return opened


# -- which steps are open -------------------------------------------------------------


@given(DAYS, st.integers(min_value=-30, max_value=120))
def test_open_steps_match_walking_the_days(started: date, offset: int) -> None:
    today = started + timedelta(days=offset)
    assert list(open_steps(started, today)) == oracle_open(started, today)


@given(DAYS, st.integers(min_value=1, max_value=len(STEPS)))
def test_a_step_opens_on_the_starting_weekday_and_not_a_day_before(
    started: date, step: int
) -> None:
    day = opens_on(started, step)
    assert day.weekday() == started.weekday()
    assert step in open_steps(started, day)
    assert step not in open_steps(started, day - timedelta(days=1)) or step == 1


@given(DAYS, st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=30))
def test_earlier_steps_stay_open(started: date, offset: int, later: int) -> None:
    today = started + timedelta(days=offset)
    assert set(open_steps(started, today)) <= set(
        open_steps(started, today + timedelta(days=later))
    )


@pytest.mark.parametrize(
    ("started", "second"),
    [
        (date(2028, 2, 22), date(2028, 2, 29)),  # the leap day itself opens a step
        (date(2028, 2, 29), date(2028, 3, 7)),
        (date(2027, 2, 22), date(2027, 3, 1)),  # no leap day that year
    ],
)
def test_leap_days_count_as_days(started: date, second: date) -> None:
    assert opens_on(started, 2) == second
    assert list(open_steps(started, second - timedelta(days=1))) == [1]
    assert list(open_steps(started, second)) == [1, 2]


@pytest.mark.parametrize(
    ("tz", "started_at", "opens_utc"),
    [
        # Spring forward in London (29 Mar): step 2 opens at 04:00 BST, 03:00 UTC.
        (
            "Europe/London",
            datetime(2026, 3, 25, 21, tzinfo=UTC),
            datetime(2026, 4, 1, 3, tzinfo=UTC),
        ),
        # Fall back in London (25 Oct): at 04:00 GMT, 04:00 UTC.
        (
            "Europe/London",
            datetime(2026, 10, 21, 21, tzinfo=UTC),
            datetime(2026, 10, 28, 4, tzinfo=UTC),
        ),
        # New York springs forward on 8 March: 04:00 EDT is 08:00 UTC.
        (
            "America/New_York",
            datetime(2026, 3, 5, 1, tzinfo=UTC),
            datetime(2026, 3, 11, 8, tzinfo=UTC),
        ),
    ],
)
def test_a_step_opens_at_the_persons_day_start_across_a_clock_change(
    tz: str, started_at: datetime, opens_utc: datetime
) -> None:
    started = local_day(started_at, tz, 4)

    def open_at(moment: datetime) -> list[int]:
        return list(open_steps(started, local_day(moment, tz, 4)))

    assert open_at(opens_utc - timedelta(minutes=1)) == [1]
    assert open_at(opens_utc) == [1, 2]


ZONES = st.sampled_from(
    ["Europe/London", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "UTC"]
)
INSTANTS = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)


@given(ZONES, INSTANTS, st.integers(min_value=0, max_value=70 * 24 * 60))
def test_steps_open_at_the_day_start_on_the_wall_clock_whatever_the_clocks_did(
    tz: str, started_at: datetime, minutes_later: int
) -> None:
    """Another way to say when step k opens: the instant the person's wall clock shows
    04:00 on the start's weekday, k - 1 weeks on, however many hours that is in between."""
    started = local_day(started_at, tz, 4)
    now = started_at + timedelta(minutes=minutes_later)
    expected = [
        step
        for step in range(1, len(STEPS) + 1)
        if now >= datetime.combine(opens_on(started, step), time(4), tzinfo=ZoneInfo(tz))
        or step == 1
    ]
    assert list(open_steps(started, local_day(now, tz, 4))) == expected


@given(DAYS, st.integers(min_value=0, max_value=120), st.integers(min_value=1, max_value=8))
def test_done_and_undone_only_for_open_steps(started: date, offset: int, step: int) -> None:
    today = started + timedelta(days=offset)
    path = TrustPath(started, Role.UNSAID)
    if step in oracle_open(started, today):
        marked = path.toggled(step, today)
        assert marked.done == {step}
        assert marked.toggled(step, today) == path
    else:
        with pytest.raises(ValueError, match="opens on"):
            path.toggled(step, today)


def test_step_numbers_the_path_does_not_have_are_dropped() -> None:
    assert valid_steps({0, 1, 3, len(STEPS), len(STEPS) + 1, -2, 10**9}) == {1, 3, len(STEPS)}


# -- the words ------------------------------------------------------------------------

EVERY_STEP_WORD = [
    text for step in STEPS for text in (step.title, step.text, *step.by_role.values())
]
EVERY_WORD = [
    *OPENING,
    PRIVATE_LINE,
    WHO_QUESTION,
    WHO_INTRO,
    LEAVE_QUESTION,
    LEFT,
    *ROLE_LABELS.values(),
    *ACTION_LABELS.values(),
    *EVERY_STEP_WORD,
    *(p.text for p in LISTENING_PROMPTS),
]
BLAMING = ("your fault", "cheater", "cheat on", "cheated on", "liar", "betrayer", "guilty")
PUSHING = (
    r"\byou should (stay|leave|go)\b",
    r"\b(stay|leave) (with )?(him|her|them)\b",
    r"\b(staying together|leaving|parting) is (best|right|the answer)\b",
    r"\bfor the (kids|children)\b",
    r"\bsave (your|the) (marriage|relationship)\b",
    r"\bmove on\b",
    r"\bget over\b",
)
MINIMISING = ("just a", "only a mistake", "not a big deal", "everyone does", "forgive and forget")


@pytest.mark.parametrize("text", EVERY_WORD, ids=lambda text: text[:30])
def test_every_word_is_in_our_voice(text: str) -> None:
    assert banned_words_in(text) == [], text
    assert words_in(BLAMING, text) == [], text
    assert words_in(MINIMISING, text) == [], text
    assert [p for p in PUSHING if re.search(p, text, re.IGNORECASE)] == [], text
    assert "!" not in text and "[" not in text and "]" not in text
    assert text == text.strip() and "  " not in text and "\n" not in text


@pytest.mark.parametrize("text", EVERY_WORD, ids=lambda text: text[:30])
def test_no_numbers_that_could_be_a_hotline_or_a_statistic(text: str) -> None:
    assert not re.search(r"\d", text), text
    assert "%" not in text and "per cent" not in text.casefold()
    assert "http" not in text and "www" not in text and "@" not in text


def test_the_checks_catch_what_they_claim_to() -> None:
    assert words_in(BLAMING, "It was your fault, cheater") == ["your fault", "cheater"]
    assert re.search(PUSHING[0], "Honestly, you should stay", re.IGNORECASE)
    assert re.search(r"\d", "call 0800 123")


def test_the_safety_line_is_the_therapy_cards_own() -> None:
    # One line said the same everywhere, and it says how to find a helpline, no number.
    assert SAFETY is SAFETY_LINE
    assert "local domestic-abuse helpline" in SAFETY and "search" in SAFETY


def test_about_eight_weeks_covering_every_theme_each_with_one_action() -> None:
    assert 6 <= len(STEPS) <= 10
    assert {step.theme for step in STEPS} == set(TrustTheme)
    assert all(isinstance(step.action, StepAction) for step in STEPS)
    assert {step.action for step in STEPS} == set(StepAction)
    assert len({step.title for step in STEPS}) == len(STEPS)


def test_every_step_has_words_for_whoever_you_said_you_are() -> None:
    for step in STEPS:
        assert set(step.by_role) == set(Role)
        for role in Role:
            assert step.words_for(role).startswith(step.text)
        # The wording differs a little by who you are: not one sentence for all three.
        assert len(set(step.by_role.values())) >= 2


def test_the_opening_says_it_is_for_either_of_you_and_decides_nothing() -> None:
    opening = " ".join(OPENING)
    for phrase in ("either of you", "the one who was hurt", "the one who broke the trust"):
        assert phrase in opening
    assert "decides nothing for you" in opening
    assert "Whether you stay together is yours to work out" in opening
    assert "stays on this computer" in PRIVATE_LINE and "shared as usual" in PRIVATE_LINE


def test_professional_help_is_offered_early_and_again_at_the_end() -> None:
    helps = [n for n, step in enumerate(STEPS, 1) if step.action is StepAction.THERAPY_CARD]
    assert helps[0] <= 2 and helps[-1] == len(STEPS)


def test_listening_prompts_are_our_own_and_listen_rather_than_defend() -> None:
    assert len(LISTENING_PROMPTS) >= 6
    assert len({p.key for p in LISTENING_PROMPTS}) == len(LISTENING_PROMPTS)
    for prompt in LISTENING_PROMPTS:
        assert len(prompt.text) <= 200 and prompt.text[-1] in "?."
    assert any("defend" in p.text or "explain" in p.text for p in LISTENING_PROMPTS)
