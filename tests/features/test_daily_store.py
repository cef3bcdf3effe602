"""The daily question in a real folder, written by two partners' devices."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import Couples
from tracker.domain.content.daily import DAILY_QUESTIONS
from tracker.domain.daily.kinds import ANSWER, ASKED
from tracker.store import daily as store
from tracker.store.couple import Couple

DAY = date(2026, 11, 25)


@pytest.fixture
def pair(couples: Couples) -> tuple[Couple, Couple]:
    """Alex's computer and Sam's: init, then join, over one folder."""
    return couples.create(config="alex-config"), couples.join(config="sam-config")


def synced(*couples: Couple) -> None:
    for couple in couples:
        couple.store.refresh()


def test_both_get_the_same_question_and_only_the_first_to_open_the_day_writes_it(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    for n in range(12):
        day = DAY + timedelta(days=n)
        first, second = (alex, sam) if n % 2 else (sam, alex)
        key = store.question_for(first, day)
        synced(second)
        assert key is not None and store.question_for(second, day) == key
        synced(first)
    assert len(alex.records(ASKED)) == 12  # one for each day, whoever opened it


def test_two_devices_giving_a_day_different_questions_offline_settle_and_keep_both_answers(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    alexs = store.question_for(alex, DAY)
    assert alexs is not None
    # Sam hides that one on his computer before either has seen the other's files.
    store.hide(sam, alexs)
    sams = store.question_for(sam, DAY)
    assert sams not in {alexs, None}
    store.answer(alex, DAY, "The walk by the river", DAY)
    store.answer(sam, DAY, "Your laugh at breakfast", DAY)
    synced(alex, sam)
    # Every device settles on the same question for the day: the first written.
    assert store.asked_days(alex)[DAY] == store.asked_days(sam)[DAY] == alexs
    for viewer in (alex, sam):
        seen = store.day_view(viewer, DAY)
        assert seen.mine is not None and seen.theirs is not None
        assert {seen.mine.text, seen.theirs.text} == {
            "The walk by the river",
            "Your laugh at breakfast",
        }
    # Sam's answer still says which question it answered.
    assert store.day_view(sam, DAY).mine == store.day_view(alex, DAY).theirs
    theirs = store.day_view(alex, DAY).theirs
    assert theirs is not None and theirs.key == sams


def test_a_hidden_question_never_comes_back_whoever_hid_it(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    first = store.question_for(alex, DAY)
    assert first is not None
    store.hide(sam, first)
    synced(alex, sam)
    # However small the pool, and long after it runs short, the hidden one stays away.
    for n in range(1, 60):
        opener = (alex, sam)[n % 2]
        asked = store.question_for(opener, DAY + timedelta(days=n))
        assert asked != first
        synced(alex, sam)
    assert store.hidden(alex) == store.hidden(sam) == {first}
    # The day it was asked keeps it: what was said about it stays readable.
    assert store.asked_days(alex)[DAY] == first


def test_one_answer_per_person_per_day_changed_in_place(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    store.answer(alex, DAY, "First thought", DAY)
    store.answer(alex, DAY, "Second thought", DAY)
    assert len(alex.records(ANSWER)) == 1
    mine = store.day_view(alex, DAY).mine
    assert mine is not None and mine.text == "Second thought"


def test_answers_on_both_devices_the_same_moment_all_arrive(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    for n in range(5):
        day = DAY - timedelta(days=n)
        store.answer(alex, day, f"Alex {n}", DAY)
        store.answer(sam, day, f"Sam {n}", DAY)
    synced(alex, sam)
    for couple in (alex, sam):
        texts = sorted(a.text for a in store.answers(couple))
        assert texts == sorted([f"Alex {n}" for n in range(5)] + [f"Sam {n}" for n in range(5)])
    assert store.streak(alex, DAY) == store.streak(sam, DAY) == 5


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (DAY + timedelta(days=1), "hasn't come yet"),
        (DAY - timedelta(days=8), "answers can be added up to 7 days late"),
    ],
)
def test_a_day_out_of_reach_is_refused_and_nothing_is_written(
    pair: tuple[Couple, Couple], day: date, said: str
) -> None:
    alex, _ = pair
    with pytest.raises(ValueError, match=said):
        store.answer(alex, day, "Too soon, or too late", DAY)
    assert alex.records(ANSWER) == [] and alex.records(ASKED) == []


def test_an_answer_filed_under_someone_elses_id_is_left_out(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    data = {"day": DAY.isoformat(), "person": "a", "key": "daily-001", "text": "Not mine"}
    sam.put_record(ANSWER, f"dailyanswer:{DAY.isoformat()}:b", data, "odd")
    synced(alex)
    assert store.answers(alex) == []


def test_with_every_question_hidden_nothing_is_asked_and_an_answer_is_refused(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    with alex.store.together():
        for question in DAILY_QUESTIONS:
            store.hide(alex, question.key)
    synced(sam)
    assert store.question_for(sam, DAY) is None
    with pytest.raises(ValueError, match="Every question is hidden"):
        store.answer(sam, DAY, "Still here", DAY)
    assert sam.records(ASKED) == [] and sam.records(ANSWER) == []


def test_both_devices_work_from_the_same_seed_and_it_is_the_couples_own(
    pair: tuple[Couple, Couple], couples: Couples
) -> None:
    alex, sam = pair
    assert store.seed(alex) == store.seed(sam) == alex.store.replica_id
    other = couples.create(config="other-config", data="other-data")
    assert store.seed(other) not in {"", store.seed(alex)}


def test_one_persons_two_devices_offline_settle_on_the_question_asked_first(
    pair: tuple[Couple, Couple], couples: Couples
) -> None:
    laptop, _ = pair
    phone = couples.join(config="alex-phone", name="Alex")
    assert phone.me == "a"
    first = store.question_for(laptop, DAY)
    assert first is not None
    store.hide(phone, first)  # so the phone, not yet seeing the laptop's day, picks another
    second = store.question_for(phone, DAY)
    assert second not in {first, None}
    synced(laptop, phone)
    assert len(laptop.records(ASKED)) == 2  # each device's own record, neither overwritten
    assert store.asked_days(laptop)[DAY] == store.asked_days(phone)[DAY] == first
