"""The daily question's rules: which question a day gets, the late-answer window, who
sees which answer, and the streak of days you both answered."""

from __future__ import annotations

from collections import deque
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.content.daily import DAILY_QUESTIONS, find_daily
from tracker.domain.daily.model import Answer, Asked, Hide, clean_answer
from tracker.domain.daily.rules import (
    NO_REPEAT_DAYS,
    answer_problem,
    history,
    pick,
    settled,
    streak,
    view,
)
from tracker.domain.days import local_day

DAY = date(2026, 11, 4)
POOL = [f"daily-{n:03d}" for n in range(1, 401)]  # the size the pool is growing to


def test_the_pick_is_the_same_wherever_it_is_worked_out_and_differs_by_couple() -> None:
    days = [DAY + timedelta(days=n) for n in range(30)]
    ours = [pick("replica-1", day, POOL, {}, set()) for day in days]
    assert ours == [pick("replica-1", day, list(reversed(POOL)), {}, set()) for day in days]
    theirs = [pick("replica-2", day, POOL, {}, set()) for day in days]
    assert ours != theirs


def test_a_hidden_question_is_never_picked_whoever_hid_it() -> None:
    first = pick("seed", DAY, POOL, {}, set())
    assert first is not None
    assert pick("seed", DAY, POOL, {}, {first}) not in {first, None}


@pytest.mark.parametrize(
    ("asked", "hidden", "expected"),
    [
        # Every question asked within the year: the one asked longest ago comes again.
        ({DAY - timedelta(days=3): "q1", DAY - timedelta(days=200): "q2"}, set(), "q2"),
        # A year and a day ago is outside the window: asked again, as if fresh.
        ({DAY - timedelta(days=3): "q1", DAY - timedelta(days=365): "q2"}, set(), "q2"),
        ({DAY - timedelta(days=200): "q2"}, {"q1"}, "q2"),
        ({}, {"q1", "q2"}, None),  # all hidden: no question, never a hidden one
    ],
)
def test_when_the_pool_runs_short(
    asked: dict[date, str], hidden: set[str], expected: str | None
) -> None:
    assert pick("seed", DAY, ["q1", "q2"], asked, hidden) == expected


@settings(max_examples=25, deadline=None)
@given(
    seed=st.text(min_size=1, max_size=12),
    hides=st.dictionaries(
        st.integers(0, 399), st.sets(st.sampled_from(POOL), max_size=5), max_size=12
    ),
    skipped=st.sets(st.integers(0, 399), max_size=40),
)
def test_no_question_comes_back_within_a_year_nor_after_it_was_hidden(
    seed: str, hides: dict[int, set[str]], skipped: set[int]
) -> None:
    """400 days, some never opened, hides added along the way: each day's question is
    none of the last 365 asked (the oracle), and none hidden by then."""
    asked: dict[date, str] = {}
    last_year: deque[tuple[date, str]] = deque()
    hidden: set[str] = set()
    for n in range(400):
        hidden |= hides.get(n, set())
        if n in skipped:
            continue  # nobody opened the app that day: nothing asked
        day = DAY + timedelta(days=n)
        while last_year and (day - last_year[0][0]).days >= NO_REPEAT_DAYS:
            last_year.popleft()
        key = pick(seed, day, POOL, asked, hidden)
        assert key is not None and key not in hidden
        assert key not in {k for _, k in last_year}
        asked[day] = key
        last_year.append((day, key))


def test_the_first_written_question_of_a_day_stays_and_the_other_days_are_kept() -> None:
    written = [
        Asked(DAY, "a", "q1", "laptop"),
        Asked(DAY, "a", "q2", "phone"),
        Asked(DAY + timedelta(1), "b", "q3", "sams"),
    ]
    assert settled(written) == {DAY: "q1", DAY + timedelta(days=1): "q3"}


@pytest.mark.parametrize(
    ("back", "problem"),
    [
        (-1, "hasn't come yet"),
        (0, None),
        (7, None),
        (8, "is 8 days ago; answers can be added up to 7 days late"),
    ],
)
def test_answers_may_come_a_week_late_but_never_early(back: int, problem: str | None) -> None:
    said = answer_problem(DAY - timedelta(days=back), DAY)
    assert said == problem if problem is None else problem in (said or "")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  [bold]yes[/bold]  ", "[bold]yes[/bold]"),  # markup kept as typed, shown literally
        ("a\x1b[2Jb\x07\nline two", "a[2Jb\nline two"),  # controls go, line breaks stay
        ("🧑\u200d🧑 us", "🧑\u200d🧑 us"),
    ],
)
def test_an_answer_is_cleaned_as_notes_are(typed: str, kept: str) -> None:
    assert clean_answer(typed) == kept


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "The answer is empty"),
        (" \x1b\t\n", "The answer is empty"),
        ("x" * 1001, "up to 1,000 characters; this one has 1,001"),
    ],
)
def test_an_empty_or_huge_answer_is_refused_in_words(typed: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        clean_answer(typed)


def test_my_partners_answer_shows_only_once_i_have_answered_that_day() -> None:
    theirs = Answer(DAY, "b", "q1", "Sunshine")
    before = view(DAY, "q1", {(DAY, "b"): theirs}, "a", "b")
    assert (before.mine, before.theirs, before.they_answered) == (None, None, True)
    mine = Answer(DAY, "a", "q1", "Coffee")
    after = view(DAY, "q1", {(DAY, "b"): theirs, (DAY, "a"): mine}, "a", "b")
    assert (after.mine, after.theirs) == (mine, theirs)


def test_history_lists_earlier_days_newest_first_revealing_only_days_i_answered() -> None:
    yesterday, earlier = DAY - timedelta(days=1), DAY - timedelta(days=2)
    found = [
        Answer(yesterday, "b", "q2", "Rain"),
        Answer(earlier, "a", "q1", "Tea"),
        Answer(earlier, "b", "q1", "Cake"),
        Answer(DAY, "b", "q3", "Today's is not history yet"),
    ]
    days = {DAY: "q3", yesterday: "q2", earlier: "q1"}
    shown = history(days, found, "a", "b", DAY)
    assert [(v.day, v.key) for v in shown] == [(yesterday, "q2"), (earlier, "q1")]
    assert shown[0].theirs is None and shown[0].they_answered
    assert shown[1].theirs is not None and shown[1].theirs.text == "Cake"


@pytest.mark.parametrize(
    ("mine", "theirs", "expected"),
    [
        ({0, 1, 2}, {0, 1, 2}, 3),
        ({1, 2}, {0, 1, 2}, 2),  # today not both answered yet: counts from yesterday
        ({0, 2}, {0, 1, 2}, 1),  # yesterday missed: only today
        ({2, 3}, {2, 3}, 0),  # nothing yesterday or today
        (set(), set(), 0),
    ],
)
def test_the_streak_table(mine: set[int], theirs: set[int], expected: int) -> None:
    def days(back: set[int]) -> set[date]:
        return {DAY - timedelta(days=n) for n in back}

    assert streak(days(mine), days(theirs), DAY) == expected


ZONES = ["Europe/London", "Pacific/Auckland", "America/Los_Angeles", "Asia/Kolkata", "UTC"]
START = datetime(2026, 3, 20, tzinfo=UTC)  # across Europe's and America's DST changes


def _oracle(both: set[date], today: date) -> int:
    """The longest run of consecutive days in `both` whose last day is today or
    yesterday, found by walking the sorted runs (not counting back as streak does)."""
    runs: list[list[date]] = []
    for day in sorted(d for d in both if d <= today):
        if runs and day - runs[-1][-1] == timedelta(days=1):
            runs[-1].append(day)
        else:
            runs.append([day])
    if not runs or (today - runs[-1][-1]).days > 1:
        return 0
    return len(runs[-1])


@settings(max_examples=60, deadline=None)
@given(
    zones=st.tuples(st.sampled_from(ZONES), st.sampled_from(ZONES)),
    starts=st.tuples(st.integers(0, 6), st.integers(0, 6)),
    hours=st.tuples(
        st.lists(st.integers(0, 24 * 40), max_size=60),
        st.lists(st.integers(0, 24 * 40), max_size=60),
    ),
    now_hours=st.integers(0, 24 * 40),
)
def test_the_streak_counts_each_persons_own_days_across_zones_and_day_starts(
    zones: tuple[str, str],
    starts: tuple[int, int],
    hours: tuple[list[int], list[int]],
    now_hours: int,
) -> None:
    """Each answer is filed under its writer's own day (their zone, their day start);
    the streak is the run of days both answered, up to the viewer's own today."""

    def days_of(person: int) -> set[date]:
        moments = (START + timedelta(hours=h) for h in hours[person] if h <= now_hours)
        return {local_day(m, zones[person], starts[person]) for m in moments}

    today = local_day(START + timedelta(hours=now_hours), zones[0], starts[0])
    mine, theirs = days_of(0), days_of(1)
    assert streak(mine, theirs, today) == _oracle(mine & theirs, today)


def test_a_night_owls_answer_at_two_counts_for_the_evening_before() -> None:
    late = datetime(2026, 11, 5, 2, 0, tzinfo=UTC)  # 02:00 in London, the day begins at 04:00
    owl = local_day(late, "Europe/London", 4)
    assert owl == DAY
    assert streak({owl}, {DAY}, DAY) == 1


def test_records_read_back_as_written() -> None:
    for item in (Asked(DAY, "a", "q1", "laptop"), Answer(DAY, "b", "q1", "Yes"), Hide("a", "q1")):
        assert type(item).from_data(item.to_data()) == item


def test_the_pool_api_gives_every_key_its_question() -> None:
    # Coded against the API, not today's few entries: every key finds its own question.
    assert DAILY_QUESTIONS
    assert all(find_daily(q.key) == q for q in DAILY_QUESTIONS)
    assert find_daily("daily-999999") is None
