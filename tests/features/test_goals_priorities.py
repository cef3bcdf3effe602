"""The priorities review: when it is due, how rankings move, and where two drift apart."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.content.values import LIFE_PRIORITIES
from tracker.domain.goals.priorities import (
    Review,
    clean_priorities,
    closeness,
    drift,
    month_key,
    move_text,
    moves,
    reranked,
    review_due,
    starting_order,
)

P = list(LIFE_PRIORITIES)


def review(person: str, month: str, *top: str) -> Review:
    return Review(person, month, tuple(clean_priorities(top)))


def test_a_ranking_is_always_complete_and_free_of_repeats_and_strangers() -> None:
    ranked = clean_priorities(["rest", "work", "rest", "karaoke", 3, "family"])
    assert ranked[:3] == ["rest", "work", "family"]
    assert sorted(ranked) == sorted(LIFE_PRIORITIES)
    assert clean_priorities([]) == P


def test_review_is_due_when_never_done_or_the_chosen_months_have_passed() -> None:
    nov = date(2026, 11, 25)
    assert review_due([], nov, 1)
    assert not review_due([review("a", "2026-11")], nov, 1)
    assert review_due([review("a", "2026-10")], nov, 1)
    assert not review_due([review("a", "2026-10")], nov, 2)
    assert review_due([review("a", "2026-09"), review("a", "2026-05")], nov, 2)
    # Across the turn of the year: December to February is two months.
    assert review_due([review("a", "2026-12")], date(2027, 2, 1), 2)
    assert not review_due([review("a", "2026-12")], date(2027, 1, 31), 2)
    assert month_key(date(2027, 1, 31)) == "2027-01"


def test_moves_count_places_climbed() -> None:
    earlier = ["work", "health", "rest", "family"]
    later = ["family", "work", "health", "rest"]
    assert moves(earlier, later) == {"family": 3, "work": -1, "health": -1, "rest": -1}
    assert [move_text(n) for n in (3, -1, 0, None)] == ["↑3", "↓1", "=", ""]


def test_closeness_by_hand() -> None:
    assert closeness(P, P) == 1.0
    assert closeness(P, list(reversed(P))) == 0.0
    # One neighbouring swap in ten: 2 places of a possible 50.
    swapped = [P[1], P[0], *P[2:]]
    assert closeness(P, swapped) == pytest.approx(1 - 2 / 50)
    # Three items, first moved to the end: |0-2| + |1-0| + |2-1| = 4 of a possible 4.
    assert closeness(["a", "b", "c"], ["b", "c", "a"]) == 0.0


def test_drift_compares_months_both_reviewed_and_names_what_moved_apart() -> None:
    alex = [
        review("a", "2026-09", "work", "our relationship", "money"),
        review("a", "2026-10", "work", "money"),
        review("a", "2026-11", "our relationship", "work", "money"),
    ]
    sam = [
        review("b", "2026-09", "work", "our relationship", "money"),
        review("b", "2026-11", "family", "rest", "our relationship", "work", "money"),
    ]
    found = drift(alex, sam)
    # October only Alex reviewed: it is left out.
    assert [m for m, _ in found.months] == ["2026-09", "2026-11"]
    assert found.months[0][1] == 1.0 and found.months[1][1] < 1.0
    apart = {s.item: (s.gap_then, s.gap_now) for s in found.apart}
    # Alex: relationship 1st, work 2nd, money 3rd, family 4th; Sam: family 1st, rest 2nd,
    # relationship 3rd, work 4th, money 5th, friends 6th ...
    assert apart["our relationship"] == (0, 2)
    assert apart["family"] == (0, 3)
    assert found.since == "2026-09"
    # The widest growth comes first.
    assert found.apart[0].gap_now - found.apart[0].gap_then == max(
        s.gap_now - s.gap_then for s in found.apart
    )


def test_drift_with_one_shared_month_or_none_has_nothing_moved() -> None:
    one = drift([review("a", "2026-11", "work")], [review("b", "2026-11", "rest")])
    assert len(one.months) == 1 and one.apart == () and one.closer == ()
    assert drift([review("a", "2026-11")], []).months == ()


@given(st.permutations(P), st.permutations(P))
def test_closeness_is_symmetric_bounded_and_one_only_for_the_same_order(
    a: list[str], b: list[str]
) -> None:
    score = closeness(a, b)
    assert score == closeness(b, a)
    assert 0.0 <= score <= 1.0
    assert (score == 1.0) == (list(a) == list(b))


@given(
    chosen=st.lists(st.sampled_from(P), unique=True, max_size=len(P)),
    start=st.permutations(P),
)
def test_a_new_ranking_puts_the_named_first_and_keeps_the_rest_in_their_old_order(
    chosen: list[str], start: list[str]
) -> None:
    """`rekindle priorities rank A B`: against the plain reading of it."""
    expected = chosen + [item for item in start if item not in chosen]
    assert reranked(chosen, start) == expected


@given(st.lists(st.sampled_from(P), min_size=2).filter(lambda items: len(set(items)) < len(items)))
def test_a_priority_named_twice_is_refused_rather_than_placed_once(items: list[str]) -> None:
    with pytest.raises(ValueError, match="named twice"):
        reranked(items, P)


def test_a_review_starts_from_the_last_one_or_the_librarys_order() -> None:
    assert starting_order([]) == P
    older, newer = review("a", "2026-01", "rest"), review("a", "2026-03", "work", "money")
    assert starting_order([newer, older]) == list(newer.ranked)
