"""Love maps' rules: which questions a round gets, how starts settle, what each of you may
see, when a round is finished or a new one may start, and the couple's score."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.voice import banned_words_in
from tracker.domain.content.lovemaps import LOVE_MAP_QUESTIONS
from tracker.domain.lovemap.model import (
    Answer,
    Entry,
    Guess,
    Mark,
    RoundStart,
    Verdict,
    clean_text,
    gather,
)
from tracker.domain.lovemap.rules import (
    ROUND_SIZE,
    STALE_DAYS,
    Settled,
    pick,
    round_view,
    settle,
    start_problem,
    uses,
)
from tracker.domain.lovemap.views import RoundView, Score, item_view

DAY = date(2026, 11, 4)
POOL = [question.key for question in LOVE_MAP_QUESTIONS]
texts = st.sampled_from(["", "", "Tea", "The sea"])
verdicts = st.sampled_from([None, *Verdict])


def entries(person: str) -> st.SearchStrategy[Entry | None]:
    made = st.builds(Entry, st.just(1), st.just(person), st.just("k"), texts, texts, verdicts)
    return st.none() | made


@settings(max_examples=60, deadline=None)
@given(
    seed=st.text(max_size=12),
    size=st.integers(min_value=1, max_value=40),
    hidden=st.sets(st.integers(min_value=0, max_value=39), max_size=10),
)
def test_no_question_comes_back_until_every_open_one_has_been_asked(
    seed: str, size: int, hidden: set[int]
) -> None:
    pool = [f"q{n}" for n in range(size)]
    off = {f"q{n}" for n in hidden}
    open_keys = [key for key in pool if key not in off]
    asked: list[Settled] = []
    for n in range(1, 3 * len(pool) // ROUND_SIZE + 2):
        count = uses(asked)
        picked = pick(seed, n, pool, count, off)
        assert len(picked) == len(set(picked)) == min(ROUND_SIZE, len(open_keys))
        assert not set(picked) & off
        # The oracle: nothing picked has been asked more often than anything left out.
        left = [key for key in open_keys if key not in picked]
        if picked and left:
            assert max(count.get(k, 0) for k in picked) <= min(count.get(k, 0) for k in left)
        asked.append(Settled(n, DAY, picked))
    seen = [key for one in asked for key in one.keys]
    first_pass = seen[: len(open_keys)]
    assert sorted(first_pass) == sorted(open_keys)  # each once before any comes back


def test_the_pick_is_the_same_wherever_it_is_worked_out_and_differs_by_couple() -> None:
    ours = [pick("replica-1", n, POOL, {}, set()) for n in range(1, 20)]
    assert ours == [pick("replica-1", n, POOL[::-1], {}, set()) for n in range(1, 20)]
    assert ours != [pick("replica-2", n, POOL, {}, set()) for n in range(1, 20)]
    assert pick("seed", 1, POOL, {}, set(POOL)) == ()


@settings(max_examples=200, deadline=None)
@given(mine=entries("a"), theirs=entries("b"))
def test_each_side_is_revealed_only_once_its_answer_and_guess_are_both_in(
    mine: Entry | None, theirs: Entry | None
) -> None:
    seen = item_view("k", mine, theirs, hidden=False)
    my_answer = mine.answer if mine else ""
    my_guess = mine.guess if mine else ""
    their_answer = theirs.answer if theirs else ""
    their_guess = theirs.guess if theirs else ""
    about_me = bool(my_answer and their_guess)
    about_them = bool(their_answer and my_guess)
    assert seen.my_answer == (my_answer or None) and seen.my_guess == (my_guess or None)
    assert seen.their_answer == (their_answer if about_them else None)
    assert seen.their_guess_about_me == (their_guess if about_me else None)
    assert (seen.they_answered, seen.they_guessed) == (bool(their_answer), bool(their_guess))
    assert seen.my_verdict == (mine.verdict if mine and about_me else None)
    assert seen.their_verdict == (theirs.verdict if theirs and about_them else None)
    assert (seen.about_me_revealed, seen.about_them_revealed) == (about_me, about_them)


@settings(max_examples=200, deadline=None)
@given(mine=entries("a"), theirs=entries("b"))
def test_a_round_is_finished_when_every_answer_guess_and_verdict_is_in(
    mine: Entry | None, theirs: Entry | None
) -> None:
    key = POOL[0]
    moved = [Entry(1, e.person, key, e.answer, e.guess, e.verdict) for e in (mine, theirs) if e]
    by_key = {(1, entry.person, key): entry for entry in moved}
    done = all(
        by_key.get((1, person, key)) is not None
        and by_key[(1, person, key)].answer != ""
        and by_key[(1, person, key)].guess != ""
        and by_key[(1, person, key)].verdict is not None
        for person in ("a", "b")
    )
    shown = round_view(Settled(1, DAY, (key,)), by_key, set(), "a", "b")
    assert shown.finished is done
    # Whoever looks, a round is finished or not for both of you.
    assert round_view(Settled(1, DAY, (key,)), by_key, set(), "b", "a").finished is done


@settings(max_examples=200, deadline=None)
@given(st.lists(verdicts, max_size=60))
def test_the_score_counts_every_verdict_given(given_verdicts: list[Verdict | None]) -> None:
    counted = Counter(v for v in given_verdicts if v is not None)
    score = Score.of(given_verdicts)
    assert (score.right, score.close, score.wrong) == (
        counted[Verdict.RIGHT],
        counted[Verdict.CLOSE],
        counted[Verdict.WRONG],
    )
    assert score.marked == sum(counted.values())
    words = score.words()
    assert banned_words_in(words) == []
    if score.known:
        assert f"{score.known} time" in words and f"out of {score.marked}" in words


@pytest.mark.parametrize(
    ("score", "said"),
    [
        (Score(), "No guesses marked yet."),
        (Score(wrong=1), "1 guess marked so far: each answer was something new to learn"),
        (Score(right=1), "You've known each other's answers 1 time out of 1: 1 right, 0 close."),
        (
            Score(right=9, close=5, wrong=6),
            "You've known each other's answers 14 times out of 20: 9 right, 5 close.",
        ),
    ],
)
def test_the_score_in_words_is_the_couples_and_gentle(score: Score, said: str) -> None:
    assert score.words().startswith(said)
    assert score + score == Score(2 * score.right, 2 * score.close, 2 * score.wrong)


def _start(n: int, keys: list[str], device: str) -> RoundStart:
    return RoundStart(n, DAY, "a", tuple(keys), device)


@settings(max_examples=100, deadline=None)
@given(
    first=st.lists(st.sampled_from(POOL[:12]), min_size=1, max_size=6),
    later=st.lists(st.sampled_from(POOL[:12]), max_size=6),
    written=st.lists(st.tuples(st.sampled_from(POOL[:12]), texts, texts), max_size=10),
)
def test_starts_settle_on_the_first_and_nothing_written_is_lost(
    first: list[str], later: list[str], written: list[tuple[str, str, str]]
) -> None:
    starts = [_start(1, first, "laptop"), _start(1, later, "phone")]
    found = [Entry(1, "b", key, answer, guess) for key, answer, guess in written]
    settled = settle(starts, found)[1]
    assert settled.keys[: len(set(first))] == tuple(dict.fromkeys(first))
    assert len(settled.keys) == len(set(settled.keys))
    assert {e.key for e in found if e.answer or e.guess} <= set(settled.keys)
    assert set(settled.keys) <= set(first) | {e.key for e in found}
    # However the entries arrive, the round is the same.
    assert settle(starts, found[::-1]) == {1: settled}


def test_a_round_nobody_started_here_yet_waits_for_its_start() -> None:
    assert settle([], [Entry(3, "b", POOL[0], "Tea")]) == {}


@pytest.mark.parametrize(
    ("age", "finished", "open_"),
    [(0, False, False), (STALE_DAYS - 1, False, False), (STALE_DAYS, False, True), (0, True, True)],
)
def test_a_new_round_waits_for_the_last_to_finish_or_grow_old(
    age: int, finished: bool, open_: bool
) -> None:
    latest = RoundView(2, DAY, [], finished)
    problem = start_problem(latest, DAY + timedelta(days=age))
    assert (problem is None) is open_
    if problem:
        assert problem.startswith("Round 2 is still open.") and "Wed 18 Nov" in problem
    assert start_problem(None, DAY) is None


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("  Lemon\ncake ", "Lemon cake"), ("\x1b[31mTea", "[31mTea"), ("[b]Soup[/b]", "[b]Soup[/b]")],
)
def test_an_answer_is_one_line_without_control_characters(typed: str, kept: str) -> None:
    assert clean_text(typed, "answer") == kept


@pytest.mark.parametrize("typed", ["", "  \n\t", "\x07", "x" * 201])
def test_an_empty_or_huge_answer_is_refused_in_words(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^(The guess is empty|Keep the guess to 200)"):
        clean_text(typed, "guess")


parts = st.tuples(st.sampled_from(POOL[:3]), st.sampled_from("ab"), texts, texts, verdicts)


@settings(max_examples=150, deadline=None)
@given(st.lists(parts, max_size=12, unique_by=lambda part: part[:2]))
def test_a_rounds_score_counts_only_verdicts_on_revealed_pairs(
    written: list[tuple[str, str, str, str, Verdict | None]],
) -> None:
    answers = [Answer(1, p, k, a) for k, p, a, _, _ in written if a]
    guesses = [Guess(1, p, k, g) for k, p, _, g, _ in written if g]
    marks = [Mark(1, p, k, v) for k, p, _, _, v in written if v]
    found = gather(answers, guesses, marks)
    by_key = {(e.n, e.person, e.key): e for e in found}
    # The oracle, from the raw parts: a verdict counts once the one giving it answered
    # and their partner guessed.
    said = {(k, p): (a, g, v) for k, p, a, g, v in written}
    counted = Counter(
        v
        for (k, p), (a, _, v) in said.items()
        if v is not None and a and said.get((k, "b" if p == "a" else "a"), ("", "", None))[1]
    )
    for me, partner in (("a", "b"), ("b", "a")):
        shown = round_view(Settled(1, DAY, tuple(POOL[:3])), by_key, set(), me, partner)
        assert shown.score == Score(
            counted[Verdict.RIGHT], counted[Verdict.CLOSE], counted[Verdict.WRONG]
        )
    # Gathering keeps each part where it was written.
    assert {(e.key, e.person, e.answer, e.guess, e.verdict) for e in found} == {
        (k, p, a, g, v) for k, p, a, g, v in written if a or g or v
    }
