"""The alignment score: hand-worked cases, and properties against a plain oracle."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.content.values import LIFE_AREAS, VALUES
from tracker.domain.goals.alignment import Kind, align, ranking_overlap
from tracker.domain.goals.values import Answers, value_identity, word_overlap

KEYS = [v.key for v in VALUES]


def oracle(first: list[str], second: list[str], p: Fraction = Fraction(4, 5)) -> Fraction:
    """The definition written out with exact fractions: the weighted average, over
    depths 1..longer list, of (values both have in their top d) / d."""
    a = list(dict.fromkeys(first))
    b = list(dict.fromkeys(second))
    depth = max(len(a), len(b))
    top = sum(p ** (d - 1) * Fraction(len(set(a[:d]) & set(b[:d])), d) for d in range(1, depth + 1))
    return top / sum(p ** (d - 1) for d in range(1, depth + 1))


# -- hand-worked -----------------------------------------------------------------


def test_identical_lists_score_one() -> None:
    assert ranking_overlap(["family", "humour", "travel"], ["family", "humour", "travel"]) == 1.0


def test_disjoint_lists_score_zero() -> None:
    assert ranking_overlap(["family", "humour"], ["travel", "rest"]) == 0.0


def test_a_swapped_pair_counts_only_from_depth_two() -> None:
    # depth 1: nothing shared (0); depth 2: both shared (1). Weights 1 and 0.8.
    assert ranking_overlap(["family", "humour"], ["humour", "family"]) == pytest.approx(0.8 / 1.8)


def test_partial_overlap_by_hand() -> None:
    # depth 1: 1/1; depth 2: 1/2  →  (1 + 0.8 × 0.5) / 1.8
    assert ranking_overlap(["family", "humour"], ["family", "rest"]) == pytest.approx(1.4 / 1.8)
    # depth 1: 1; depth 2: 1/2; depth 3: 1  →  (1 + 0.4 + 0.64) / 2.44
    assert ranking_overlap(["a", "b", "c"], ["a", "c", "b"]) == pytest.approx(2.04 / 2.44)


def test_a_shorter_list_is_not_the_same_list() -> None:
    # ["family"] runs out at depth 2, where only half of a top two can be shared.
    assert ranking_overlap(["family"], ["family", "humour"]) == pytest.approx(1.4 / 1.8)


def test_ties_same_place_swaps_score_the_same_whichever_pair() -> None:
    base = ["a", "b", "c", "d"]
    first_pair = ranking_overlap(base, ["b", "a", "c", "d"])
    last_pair = ranking_overlap(base, ["a", "b", "d", "c"])
    # A swap at the top costs more than the same swap further down.
    assert first_pair < last_pair < 1.0
    # Swapping a pair in either list ties: the same pair gives the same score.
    assert ranking_overlap(["b", "a", "c", "d"], base) == first_pair


def test_repeats_count_once_at_their_first_place() -> None:
    assert ranking_overlap(["family", "family", "humour"], ["family", "humour"]) == 1.0


def test_own_values_match_whatever_their_case_and_spacing() -> None:
    assert ranking_overlap(["own:Wild  swimming"], ["own:wild swimming"]) == 1.0


def test_an_empty_list_has_nothing_to_compare() -> None:
    with pytest.raises(ValueError, match=r"Both lists need at least one value to compare\."):
        ranking_overlap([], ["family"])


def test_word_overlap_ignores_small_words_and_plurals() -> None:
    # {flat, garden} against {small, flat, garden, dog}: 2 shared of 4.
    first = "A flat with a garden"
    second = "A small flat with a garden and a dog"
    assert word_overlap(first, second) == pytest.approx(0.5)
    assert word_overlap("two kids and a garden", "a garden, two kid") == 1.0
    assert word_overlap("Lisbon", "the mountains") == 0.0
    assert word_overlap("we will", "we will") == 1.0  # only small words: compared as written


# -- the whole comparison -----------------------------------------------------------


def test_nobody_filled_anything_in_means_no_score_and_says_why() -> None:
    found = align(Answers("Alex"), Answers("Sam"))
    assert found.score is None
    assert "Alex and Sam have not filled anything in" in found.why
    assert found.divergences == ()


def test_one_partner_waiting_shows_what_exists_without_a_score() -> None:
    alex = Answers("Alex", ("family", "humour"), {("home", 5): "A house by the sea"})
    found = align(alex, Answers("Sam"))
    assert found.score is None
    assert "Sam has not filled anything in" in found.why
    # What Alex wrote still shows, and turns into an invitation for Sam.
    assert [r.label for r in found.values] == ["Family", "Humour"]
    assert any(d.kind is Kind.MISSING and "Sam" in d.question for d in found.divergences)


def test_values_only_then_both_parts_averaged() -> None:
    alex = Answers("Alex", ("family", "humour"))
    sam = Answers("Sam", ("humour", "family"))
    values_only = align(alex, sam)
    assert values_only.score == pytest.approx(0.8 / 1.8)
    assert values_only.vision_part is None
    assert "values only" in values_only.why

    alex = Answers("Alex", alex.values, {("home", 1): "a garden", ("work", 5): "part time"})
    sam = Answers("Sam", sam.values, {("home", 1): "a garden", ("work", 5): "own business"})
    both = align(alex, sam)
    assert both.vision_part == pytest.approx(0.5)  # home 1.0, work 0.0
    assert both.score == pytest.approx((0.8 / 1.8 + 0.5) / 2)


def test_different_visions_become_questions_and_close_ones_agreements() -> None:
    alex = Answers("Alex", (), {("home", 5): "a cottage with a garden", ("money", 5): "no debt"})
    sam = Answers("Sam", (), {("home", 5): "a garden and a cottage", ("money", 5): "a boat"})
    found = align(alex, sam)
    assert [d.key for d in found.divergences] == ["area:money"]
    assert "money in 5 years" in found.divergences[0].question
    assert any(line.startswith("Home: much in common") for line in found.agreements)


def test_ties_between_areas_follow_the_order_of_life_areas() -> None:
    texts = {("travel", 1): "Lisbon", ("home", 1): "a flat", ("work", 1): "teaching"}
    other = {("travel", 1): "Japan", ("home", 1): "a boat", ("work", 1): "farming"}
    found = align(Answers("A", (), texts), Answers("B", (), other))
    assert [d.key for d in found.divergences] == ["area:home", "area:work", "area:travel"]


def test_values_held_far_apart_or_by_one_side_are_talked_about_kindly() -> None:
    alex = Answers("Alex", ("adventure", "family", "humour", "rest"))
    sam = Answers("Sam", ("family", "humour", "rest", "adventure", "security"))
    found = align(alex, sam)
    kinds = {d.key: d.kind for d in found.divergences}
    assert kinds["value:adventure"] is Kind.VALUE_APART  # 1st against 4th
    assert kinds["value:security"] is Kind.VALUE_ONE_SIDE
    words = " ".join(d.summary + d.question for d in found.divergences).casefold()
    for judging in ("wrong", "fail", "problem", "should", "incompatible", "!"):
        assert judging not in words


# -- properties ----------------------------------------------------------------------

rankings = st.lists(
    st.sampled_from([*KEYS[:12], "own:Music", "own:music"]), min_size=1, max_size=10
)
texts = st.lists(
    st.sampled_from(["garden", "the", "sea", "kids", "a", "boat", "Lisbon"]), max_size=6
)
visions = st.dictionaries(
    st.tuples(st.sampled_from(LIFE_AREAS[:3]), st.sampled_from([1, 5, 10])),
    texts.map(" ".join),
    max_size=5,
)


@given(rankings, rankings)
def test_overlap_matches_the_oracle_and_is_symmetric_and_bounded(
    a: list[str], b: list[str]
) -> None:
    score = ranking_overlap(a, b)
    exact = oracle([value_identity(k) for k in a], [value_identity(k) for k in b])
    assert score == pytest.approx(float(exact), abs=1e-12)
    assert score == ranking_overlap(b, a)
    assert 0.0 <= score <= 1.0


@given(rankings)
def test_overlap_of_a_list_with_itself_is_one(a: list[str]) -> None:
    assert ranking_overlap(a, list(a)) == pytest.approx(1.0)


@given(
    st.lists(st.sampled_from(KEYS), max_size=6),
    visions,
    st.lists(st.sampled_from(KEYS), max_size=6),
    visions,
)
def test_alignment_is_symmetric_and_bounded(
    v1: list[str], t1: dict, v2: list[str], t2: dict
) -> None:
    first, second = Answers("A", tuple(v1), t1), Answers("B", tuple(v2), t2)
    there, back = align(first, second), align(second, first)
    assert there.score == back.score
    if there.score is not None:
        assert 0.0 <= there.score <= 1.0
    assert {d.kind for d in there.divergences} == {d.kind for d in back.divergences}


@given(st.lists(st.sampled_from(KEYS), max_size=6), visions)
def test_alignment_of_identical_answers_is_one(values: list[str], vision: dict) -> None:
    found = align(Answers("A", tuple(values), vision), Answers("B", tuple(values), vision))
    if values or any(t.strip() for t in vision.values()):
        assert found.score == pytest.approx(1.0)
    assert not [d for d in found.divergences if d.kind is not Kind.MISSING]
