"""`rekindle lovemap`, run as Alex and Sam run it from their own computers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import Ran
from tests.voice import banned_words_in
from tracker.domain.content.lovemaps import find_love_map
from tracker.domain.days import person_today
from tracker.domain.lovemap.kinds import GUESS, ROUND
from tracker.domain.lovemap.rules import STALE_DAYS
from tracker.domain.models import Person
from tracker.store import lovemap as store


def london_today() -> date:
    return person_today(Person("a", "Alex", "Europe/London", 4), datetime.now(UTC))


class Device:
    def __init__(self, config: Path, rekindle: RunHere) -> None:
        self.config, self.rekindle = config, rekindle

    def run(self, *args: str) -> Ran:
        return self.rekindle(self.config, "lovemap", *args)

    def ok(self, *args: str) -> str:
        return self.run(*args).ok()

    def refused(self, *args: str) -> str:
        return self.run(*args).refused()

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def item(self, place: int) -> Any:
        return self.json()["round"]["items"][place - 1]


@pytest.fixture
def pair(couples: Couples, rekindle_here: RunHere) -> tuple[Device, Device]:
    couples.create(config="alex").store.close()
    couples.join(config="sam").store.close()
    return Device(couples.tmp_path / "alex", rekindle_here), Device(
        couples.tmp_path / "sam", rekindle_here
    )


def play_round(alex: Device, sam: Device, verdict: str = "right") -> None:
    for place in range(1, len(alex.json()["round"]["items"]) + 1):
        for device in (alex, sam):
            device.ok("answer", str(place), f"Answer {place}")
            device.ok("guess", str(place), f"Guess {place}")
        for device in (alex, sam):
            device.ok("mark", str(place), verdict)


def test_each_pair_shows_only_once_both_its_answer_and_guess_are_in(
    pair: tuple[Device, Device],
) -> None:
    alex, sam = pair
    assert alex.json() == {
        "round": None,
        "score": {"right": 0, "close": 0, "wrong": 0, "words": "No guesses marked yet."},
    }
    started = alex.ok("start")
    assert f"round 1 (started {london_today():%a} " in started
    shown = alex.json()["round"]
    assert (shown["n"], shown["started"], shown["finished"]) == (
        1,
        london_today().isoformat(),
        False,
    )
    assert [item["place"] for item in shown["items"]] == [1, 2, 3, 4, 5]
    assert sam.json()["round"]["items"] == shown["items"]  # the same five for both
    alex.ok("answer", "1", "Lisbon")
    # Sam learns that Alex answered, not what.
    waiting = sam.item(1)
    assert (waiting["they_answered"], waiting["their_answer"]) == (True, None)
    said = sam.ok()
    assert "About Alex: your guess isn't in yet; Alex has answered." in said
    assert "Lisbon" not in said
    after = sam.ok("guess", "1", "Porto")
    assert "About Alex: you guessed “Porto”; Alex said “Lisbon”. Waiting for Alex to mark" in after
    assert alex.item(1)["their_guess_about_me"] == "Porto"
    assert "Porto”. Mark it: rekindle lovemap mark 1 right|close|wrong" in alex.ok()
    # The other way round ("about Sam") is still closed to both.
    assert alex.item(1)["their_answer"] is None and sam.item(1)["their_guess_about_me"] is None
    alex.ok("mark", "1", "close")
    assert sam.item(1)["their_verdict"] == "close"
    assert "Alex marked it close." in sam.ok()
    assert sam.json()["score"]["words"].startswith("You've known each other's answers 1 time")


def test_the_round_says_what_it_is_waiting_on_and_finishes(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    alex.ok("start")
    assert (
        "Waiting on you: 5 answers and 5 guesses. Waiting on Sam: 5 answers and 5 guesses."
        in alex.ok()
    )
    assert "Round 1 is still open." in sam.refused("start")
    play_round(alex, sam, "right")
    done = sam.ok()
    assert "round 1 (started" in done and "finished." in done
    assert "You've known each other's answers 10 times out of 10: 10 right, 0 close." in done
    assert "Start the next round with: rekindle lovemap start" in done
    first = {item["key"] for item in alex.json()["round"]["items"]}
    sam.ok("start")
    history = alex.json("history")
    assert [one["n"] for one in history["rounds"]] == [2, 1]
    assert not first & {item["key"] for item in history["rounds"][0]["items"]}
    assert history["score"] == alex.json()["score"]
    listed = alex.ok("history")
    assert "round 2" in listed and "round 1" in listed and "Answer 5" in listed


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("answer", "6", "Tea"), "Round 1 has questions 1 to 5; there's no question 6."),
        (("guess", "0", "Tea"), "there's no question 0"),
        (("answer", "1", ""), "The answer is empty"),
        (("guess", "1", " \x1b\x07 "), "The guess is empty"),
        (
            ("answer", "1", "x" * 201),
            "Keep the answer to 200 characters or fewer; this one has 201",
        ),
        (("mark", "1", "right"), "Answer this one about yourself first"),
        (("hide", "9"), "there's no question 9"),
    ],
)
def test_bad_input_is_refused_in_one_sentence_and_nothing_is_written(
    pair: tuple[Device, Device], couples: Couples, args: tuple[str, ...], said: str
) -> None:
    alex, _ = pair
    alex.ok("start")
    assert said in alex.refused(*args)
    alex_store = couples.join(config="alex-check", name="Alex")
    assert store.entries(alex_store) == [] and store.hidden(alex_store) == set()


@pytest.mark.parametrize(
    "args", [("mark", "1", "maybe"), ("answer", "two", "Tea"), ("guess", "1"), ("colour",)]
)
def test_a_misused_command_is_a_usage_error(
    pair: tuple[Device, Device], args: tuple[str, ...]
) -> None:
    alex, _ = pair
    alex.ok("start")
    ran = alex.run(*args)
    assert ran.code == 2 and "usage:" in ran.err and "Traceback" not in ran.err


def test_a_round_left_two_weeks_may_rest_and_a_new_one_start(
    couples: Couples, rekindle_here: RunHere
) -> None:
    alex_couple = couples.create(config="alex")
    store.start_round(alex_couple, london_today() - timedelta(days=STALE_DAYS))
    alex_couple.store.close()
    alex = Device(couples.tmp_path / "alex", rekindle_here)
    said = alex.ok()
    assert "under way." in said
    assert "This round can rest in the history; start a fresh one any time" in said
    alex.ok("start")
    assert [one["finished"] for one in alex.json("history")["rounds"]] == [False, False]


def test_without_a_round_the_actions_say_how_to_start(pair: tuple[Device, Device]) -> None:
    alex, _ = pair
    assert "No love-map round yet. Start one with: rekindle lovemap start" in alex.ok()
    assert "start one with: rekindle lovemap start" in alex.refused("answer", "1", "Tea")
    assert "No love-map rounds yet." in alex.ok("history")
    assert alex.json("history")["rounds"] == []


def test_a_hidden_question_leaves_the_round_and_never_comes_back(
    pair: tuple[Device, Device],
) -> None:
    alex, sam = pair
    alex.ok("start")
    first = alex.item(1)
    said = sam.ok("hide", "1")
    assert f"Hidden: “{first['question']}” won't come up in a round again." in said
    items = alex.json()["round"]["items"]
    assert len(items) == 4 and first["key"] not in {item["key"] for item in items}


def test_a_partners_words_written_raw_are_shown_defused(
    couples: Couples, rekindle_here: RunHere
) -> None:
    """Sam's device skipped the cleaning (an old or hostile writer): escapes, bidi
    overrides and markup in the file reach neither the terminal nor the JSON raw."""
    couples.create(config="alex").store.close()
    sam = couples.join(config="sam")
    store.start_round(sam, london_today())
    key = store.rounds(sam)[0].items[0].key
    raw = "\x1b]0;owned\x07[red]hi[/red]\u202eevil\x9b2J"
    sam.put_record(
        GUESS, f"lovemapguess:1:b:{key}", {"n": 1, "person": "b", "key": key, "text": raw}, "raw"
    )
    store.answer(sam, 1, key, "[b]Soup[/b]")
    sam.store.close()
    alex = Device(couples.tmp_path / "alex", rekindle_here)
    shown = alex.ok("answer", "1", "Mine \x1b[31m[bold]x[/bold]")
    defused = "␛]0;owned␇[red]hi[/red]\ufffdevil\ufffd2J"
    assert f"About you: “Mine [31m[bold]x[/bold]”; Sam guessed “{defused}”." in shown
    alex.ok("guess", "1", "Bread")
    assert "Sam said “[b]Soup[/b]”" in alex.ok()
    printed = alex.run("--json").out
    assert (
        printed.isascii()
        and json.loads(printed)["round"]["items"][0]["their_guess_about_me"] == raw
    )


def test_a_round_both_started_at_once_is_one_round(
    couples: Couples, rekindle_here: RunHere
) -> None:
    """Both start round 1 before either device has the other's start: one round, with both
    starts in the folder and every answer kept."""
    alex_couple = couples.create(config="alex")
    sam_couple = couples.join(config="sam")
    store.start_round(alex_couple, london_today())
    store.start_round(sam_couple, london_today())  # Sam's device hasn't read Alex's start
    for couple in (alex_couple, sam_couple):
        couple.store.close()
    alex = Device(couples.tmp_path / "alex", rekindle_here)
    sam = Device(couples.tmp_path / "sam", rekindle_here)
    alex.ok("answer", "2", "Tea")
    sam.ok("guess", "2", "Coffee")
    assert [one["n"] for one in sam.json("history")["rounds"]] == [1]
    assert sam.item(2)["their_answer"] == "Tea" and alex.item(2)["their_guess_about_me"] == "Coffee"
    check = couples.join(config="check", name="Alex")
    assert len(check.records(ROUND)) == 2


def test_what_it_says_is_in_our_voice(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    said = [alex.ok(), alex.ok("start"), sam.ok("answer", "1", "Soup"), alex.ok()]
    said += [alex.ok("history"), sam.refused("start"), alex.refused("mark", "1", "right")]
    words = "\n".join(said).casefold()
    assert banned_words_in(words) == []
    question = find_love_map(alex.item(1)["key"])
    assert question is not None and question.about_me in "\n".join(said)
