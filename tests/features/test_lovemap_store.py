"""Love maps in a real folder, written by two partners' devices: rounds, the reveal,
verdicts, the score, and what happens when both start a round at once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import Couples
from tracker.domain.content.lovemaps import LOVE_MAP_QUESTIONS
from tracker.domain.lovemap.kinds import ANSWER, GUESS, MARK, ROUND
from tracker.domain.lovemap.model import MAX_TEXT, Verdict
from tracker.domain.lovemap.rules import ROUND_SIZE, STALE_DAYS
from tracker.store import lovemap as store
from tracker.store.couple import Couple

DAY = date(2026, 11, 25)


@pytest.fixture
def pair(couples: Couples) -> tuple[Couple, Couple]:
    """Alex's computer and Sam's: init, then join, over one folder."""
    return couples.create(config="alex-config"), couples.join(config="sam-config")


def synced(*couples: Couple) -> None:
    for couple in couples:
        couple.store.refresh()


def keys_of(couple: Couple, n: int = 1) -> list[str]:
    found = next(one for one in store.rounds(couple) if one.n == n)
    return [item.key for item in found.items]


def item(couple: Couple, key: str, n: int = 1) -> store.ItemView:
    found = next(one for one in store.rounds(couple) if one.n == n)
    return next(one for one in found.items if one.key == key)


def play_out(alex: Couple, sam: Couple, n: int, verdict: Verdict = Verdict.RIGHT) -> None:
    """Both answer, guess and mark every question of round n."""
    for key in keys_of(alex, n):
        for couple in (alex, sam):
            store.answer(couple, n, key, f"{couple.me} about themself")
            store.guess(couple, n, key, f"{couple.me} guessing")
        synced(alex, sam)
        for couple in (alex, sam):
            store.mark(couple, n, key, verdict)
        synced(alex, sam)


def test_a_round_is_five_questions_the_same_for_both(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    assert store.current_round(alex) is None
    store.start_round(alex, DAY)
    synced(sam)
    mine, theirs = store.current_round(alex), store.current_round(sam)
    assert mine is not None and theirs is not None
    assert (mine.n, mine.started, mine.finished) == (1, DAY, False)
    assert [i.key for i in mine.items] == [i.key for i in theirs.items]
    assert len(mine.items) == ROUND_SIZE == len(set(keys_of(alex)))
    assert all(i.question is not None and i.question.key == i.key for i in mine.items)


def test_answers_stay_private_until_both_halves_of_a_pair_are_in(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    synced(sam)
    key = keys_of(alex)[0]
    store.answer(alex, 1, key, "Lemon cake")
    synced(sam)
    seen = item(sam, key)
    # Sam learns that Alex answered, not what.
    assert seen.they_answered and seen.their_answer is None and not seen.about_them_revealed
    with pytest.raises(ValueError, match="hasn't guessed this one yet"):
        store.mark(alex, 1, key, Verdict.RIGHT)
    store.guess(sam, 1, key, "Carrot cake")
    synced(alex)
    assert item(sam, key).their_answer == "Lemon cake"
    assert item(alex, key).their_guess_about_me == "Carrot cake"
    # The other direction ("about Sam") is still closed to both.
    assert item(alex, key).their_answer is None and item(sam, key).their_guess_about_me is None
    with pytest.raises(ValueError, match="Answer this one about yourself first"):
        store.mark(sam, 1, key, Verdict.CLOSE)
    store.mark(alex, 1, key, Verdict.CLOSE)
    synced(sam)
    assert item(sam, key).their_verdict is Verdict.CLOSE
    assert item(alex, key).my_verdict is Verdict.CLOSE
    assert store.score(alex) == store.score(sam) == store.Score(close=1)
    # A guess side by side with the answer stays as it was.
    with pytest.raises(ValueError, match="already side by side"):
        store.guess(sam, 1, key, "Lemon cake")


def test_a_new_round_waits_for_the_last_to_finish_or_two_weeks(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    synced(sam)
    with pytest.raises(ValueError, match="Round 1 is still open"):
        store.start_round(sam, DAY + timedelta(days=STALE_DAYS - 1))
    assert len(sam.records(ROUND)) == 1  # nothing written
    store.start_round(sam, DAY + timedelta(days=STALE_DAYS))
    synced(alex)
    assert [r.n for r in store.rounds(alex)] == [2, 1]
    # The old round stays in history, unfinished, and round 2 asks none of its questions.
    assert not store.rounds(alex)[1].finished
    assert not set(keys_of(alex, 2)) & set(keys_of(alex, 1))
    play_out(alex, sam, 2, Verdict.WRONG)
    latest = store.current_round(sam)
    assert latest is not None and latest.finished
    assert latest.score == store.Score(wrong=2 * ROUND_SIZE)
    store.start_round(alex, DAY + timedelta(days=STALE_DAYS))
    synced(sam)
    assert [r.n for r in store.rounds(sam)] == [3, 2, 1]


def test_the_score_is_the_couples_together_over_every_round(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    synced(sam)
    play_out(alex, sam, 1, Verdict.RIGHT)
    store.start_round(sam, DAY)
    synced(alex)
    play_out(alex, sam, 2, Verdict.CLOSE)
    total = store.score(alex)
    assert total == store.score(sam) == store.Score(right=10, close=10)
    assert (
        total.words() == "You've known each other's answers 20 times out of 20: 10 right, 10 close."
    )


def test_questions_are_not_asked_again_until_every_one_has_been(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.hide(sam, LOVE_MAP_QUESTIONS[0].key)
    synced(alex)
    asked: list[str] = []
    rounds = (len(LOVE_MAP_QUESTIONS) - 1) // ROUND_SIZE
    for n in range(1, rounds + 1):
        # Two weeks apart, so nobody has to play them out.
        store.start_round(alex, DAY + timedelta(days=STALE_DAYS * n))
        asked += keys_of(alex, n)
    assert len(asked) == len(set(asked)) == rounds * ROUND_SIZE
    assert LOVE_MAP_QUESTIONS[0].key not in asked


def test_both_starting_round_one_offline_merge_into_one_round(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    store.start_round(sam, DAY)  # before either has seen the other's start
    picked = keys_of(alex)
    assert keys_of(sam) == picked  # the same couple, the same shuffle
    for n, key in enumerate(picked):
        store.answer(alex, 1, key, f"Alex {n}")
        store.guess(sam, 1, key, f"Sam guesses {n}")
    synced(alex, sam)
    assert [r.n for r in store.rounds(alex)] == [1] == [r.n for r in store.rounds(sam)]
    assert keys_of(alex) == keys_of(sam) == picked
    assert [item(sam, key).their_answer for key in picked] == [f"Alex {n}" for n in range(5)]


def test_starts_that_picked_differently_keep_every_answer(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    alexs = keys_of(alex)
    # Offline, Sam hides one of the questions Alex's start picked, so his start differs.
    store.hide(sam, alexs[0])
    store.start_round(sam, DAY)
    sams = keys_of(sam)
    only_sams = [key for key in sams if key not in alexs]
    assert only_sams
    for key in sams:
        store.answer(sam, 1, key, f"Sam on {key}")
    store.guess(alex, 1, alexs[0], "Alex's guess on the hidden one")
    synced(alex, sam)
    # Every device settles on Alex's start (written first) plus what Sam already wrote.
    expected = alexs + sorted(only_sams)
    assert keys_of(alex) == keys_of(sam) == expected
    assert len(expected) > ROUND_SIZE
    answered = {key for key in expected if item(alex, key).they_answered}
    assert answered == set(sams)
    # The hidden one stays, as Alex wrote a guess for it, but nobody is waited on for it.
    assert item(alex, alexs[0]).hidden and item(sam, alexs[0]).my_answer is None


def test_one_device_per_person_entry_changed_in_place(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    store.start_round(alex, DAY)
    key = keys_of(alex)[0]
    store.answer(alex, 1, key, "First thought")
    store.guess(alex, 1, key, "A guess")
    store.answer(alex, 1, key, "  Second\n\x1b[31mthought ")
    assert len(alex.records(ANSWER)) == len(alex.records(GUESS)) == 1
    seen = item(alex, key)
    assert (seen.my_answer, seen.my_guess) == ("Second [31mthought", "A guess")


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("", "The answer is empty"),
        ("\x07 \n ", "The answer is empty"),
        ("x" * (MAX_TEXT + 1), f"to {MAX_TEXT} characters or fewer"),
    ],
)
def test_an_empty_or_huge_answer_is_refused_and_nothing_is_written(
    pair: tuple[Couple, Couple], text: str, said: str
) -> None:
    alex, _ = pair
    store.start_round(alex, DAY)
    with pytest.raises(ValueError, match=said):
        store.answer(alex, 1, keys_of(alex)[0], text)
    assert store.entries(alex) == []


def test_a_round_or_question_that_is_not_there_is_refused(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    with pytest.raises(ValueError, match="There is no round 1 yet"):
        store.answer(alex, 1, LOVE_MAP_QUESTIONS[0].key, "Tea")
    store.start_round(alex, DAY)
    other = next(q.key for q in LOVE_MAP_QUESTIONS if q.key not in keys_of(alex))
    with pytest.raises(ValueError, match="That question isn't in round 1"):
        store.guess(alex, 1, other, "Tea")
    with pytest.raises(ValueError, match="no such question"):
        store.hide(alex, "lovemap-999")
    assert store.entries(alex) == [] and store.hidden(alex) == set()


def test_a_question_hidden_mid_round_is_no_longer_waited_for(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    synced(sam)
    first = keys_of(alex)[0]
    store.hide(sam, first)
    synced(alex)
    assert first not in keys_of(alex)  # nothing written for it, so it leaves the round
    play_out(alex, sam, 1)
    latest = store.current_round(alex)
    assert latest is not None and latest.finished and len(latest.items) == ROUND_SIZE - 1


def _plant(couple: Couple, kind: str, record_id: str, data: dict[str, object]) -> None:
    """What a hand-edited or hostile file says, written past every check."""
    couple.put_record(kind, record_id, dict(data), "planted")


def test_a_hostile_partners_records_are_left_out_or_shown_literally(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.start_round(alex, DAY)
    synced(sam)
    first, second, third, fourth = keys_of(alex)[:4]
    entry = {"n": 1, "person": "b"}
    # Claims to be Alex's guess, filed under Sam's id: left out.
    wrong = {**entry, "person": "a", "key": first, "text": "Pasta"}
    _plant(sam, GUESS, f"lovemapguess:1:b:{first}", wrong)
    # A megabyte of guess, an empty answer, a verdict this version has never heard of.
    _plant(sam, GUESS, f"lovemapguess:1:b:{second}", {**entry, "key": second, "text": "x" * 10**6})
    _plant(sam, ANSWER, f"lovemapanswer:1:b:{second}", {**entry, "key": second, "text": ""})
    _plant(sam, ANSWER, f"lovemapanswer:1:b:{third}", {**entry, "key": third, "text": "Tea"})
    _plant(sam, MARK, f"lovemapmark:1:b:{third}", {**entry, "key": third, "verdict": "maybe"})
    # Markup and an escape: kept as typed, for the screens to show literally.
    markup = "[bold red]Soup[/] \x1b[2J"
    _plant(sam, GUESS, f"lovemapguess:1:b:{fourth}", {**entry, "key": fourth, "text": markup})
    # A question no version of Rekindle has: its words are kept, and it holds nothing up.
    unknown = {**entry, "key": "lovemap-9999", "text": "?"}
    _plant(sam, ANSWER, "lovemapanswer:1:b:lovemap-9999", unknown)
    # A start of round 7 naming nothing but unknown questions, and a start under a false id.
    start = {"n": 7, "started": "2026-11-26", "person": "b", "device": "x"}
    _plant(sam, ROUND, "lovemapround:7:x", {**start, "keys": ["nope"]})
    _plant(sam, ROUND, "lovemapround:8:y", {**start, "keys": [first]})
    synced(alex)
    for key in (first, second):
        seen = item(alex, key)
        assert not seen.they_answered and not seen.they_guessed
    store.guess(alex, 1, third, "Coffee")
    assert item(alex, third).their_answer == "Tea" and item(alex, third).their_verdict is None
    store.answer(alex, 1, fourth, "Bread")
    assert item(alex, fourth).their_guess_about_me == markup
    odd = item(alex, "lovemap-9999")
    assert odd.question is None and odd.they_answered
    assert [r.n for r in store.rounds(alex)] == [7, 1]
    latest = store.current_round(alex)
    assert latest is not None and latest.finished  # only questions nobody here can answer
    assert store.score(alex) == store.Score()


def test_one_person_on_two_devices_offline_keeps_both_halves_of_an_entry(
    pair: tuple[Couple, Couple], couples: Couples
) -> None:
    alex, sam = pair
    phone = couples.join(config="alex-phone", name="Alex")
    store.start_round(alex, DAY)
    synced(phone)
    key = keys_of(alex)[0]
    # The laptop writes the answer and the phone the guess, neither seeing the other.
    store.answer(alex, 1, key, "Lemon cake")
    store.guess(phone, 1, key, "Sam says the sea")
    synced(alex, phone, sam)
    for device in (alex, phone):
        seen = item(device, key)
        assert (seen.my_answer, seen.my_guess) == ("Lemon cake", "Sam says the sea")
    assert item(sam, key).they_answered and item(sam, key).they_guessed
