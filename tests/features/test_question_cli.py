"""`rekindle question`, run as Alex and Sam run it from their own computers."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import msgspec
import pytest

from tests.conftest import Couples, RunHere
from tests.voice import banned_words_in
from tracker.domain.content.daily import DAILY_QUESTIONS
from tracker.domain.daily.kinds import ANSWER
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.store import daily as store


def london_today() -> date:
    return person_today(Person("a", "Alex", "Europe/London", 4), datetime.now(UTC))


class Device:
    def __init__(self, config: Path, rekindle: RunHere) -> None:
        self.config, self.rekindle = config, rekindle

    def ok(self, *args: str) -> str:
        return self.rekindle(self.config, "question", *args).ok()

    def refused(self, *args: str) -> str:
        return self.rekindle(self.config, "question", *args).refused()

    def json(self, *args: str) -> Any:
        return json.loads(self.ok("--json", *args))


@pytest.fixture
def pair(couples: Couples, rekindle_here: RunHere) -> tuple[Device, Device]:
    couples.create(config="alex").store.close()
    couples.join(config="sam").store.close()
    return Device(couples.tmp_path / "alex", rekindle_here), Device(
        couples.tmp_path / "sam", rekindle_here
    )


def test_each_sees_the_others_answer_only_after_answering(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    asked = alex.json()
    assert asked["day"] == london_today().isoformat()
    assert asked["question"] and asked["mine"] is None and asked["they_answered"] is False
    assert "Sam hasn't answered yet." in alex.ok()
    shown = alex.ok("--answer", "The walk home in the rain")
    assert "You: The walk home in the rain" in shown
    # Sam: the same question, and only that Alex answered, not what.
    waiting = sam.json()
    assert waiting["key"] == asked["key"]
    assert (waiting["theirs"], waiting["they_answered"]) == (None, True)
    said = sam.ok()
    assert "Alex has answered; theirs shows once you answer yours." in said
    assert "rain" not in said
    # Alex still waits for Sam's.
    assert alex.json()["theirs"] is None
    both = sam.json("--answer", "Your terrible pun at lunch")
    assert both["theirs"] == "The walk home in the rain"
    assert both["streak"] == 1
    assert alex.json()["theirs"] == "Your terrible pun at lunch"
    assert "Days in a row you both answered: 1" in alex.ok()


def test_a_late_answer_within_a_week_and_the_history(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    alex.ok("--date", "yesterday", "--answer", "Soup")
    week_ago = (london_today() - timedelta(days=7)).isoformat()
    sam.ok("--date", week_ago, "--answer", "Tea")
    sam.ok("--date", "yesterday", "--answer", "Bread")
    days = alex.json("--history")["days"]
    assert [d["day"] for d in days] == [
        (london_today() - timedelta(days=1)).isoformat(),
        week_ago,
    ]
    assert (days[0]["mine"], days[0]["theirs"]) == ("Soup", "Bread")
    # Alex never answered that day: Sam's answer stays hidden from Alex there.
    assert (days[1]["mine"], days[1]["theirs"], days[1]["they_answered"]) == (None, None, True)
    listed = alex.rekindle(alex.config, "question", "--history").ok()
    assert "Sam: Bread" in listed and "Tea" not in listed


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--answer", ""), "The answer is empty"),
        (("--answer", " \x1b\x07 "), "The answer is empty"),
        (("--answer", "x" * 1001), "up to 1,000 characters; this one has 1,001"),
        (("--date", "tomorrow-ish", "--answer", "Hi"), "is not a date"),
        (("--date", "1850-01-01"), "too far off"),
        (("--history", "--answer", "Hi"), "run it on its own"),
    ],
)
def test_bad_answers_are_refused_in_one_sentence(
    pair: tuple[Device, Device], args: tuple[str, ...], said: str
) -> None:
    alex, _ = pair
    assert said in alex.refused(*args)
    assert alex.json()["mine"] is None


@pytest.mark.parametrize(("back", "said"), [(-1, "hasn't come yet"), (8, "up to 7 days late")])
def test_a_future_day_or_one_eight_days_back_is_refused(
    pair: tuple[Device, Device], back: int, said: str
) -> None:
    alex, _ = pair
    day = (london_today() - timedelta(days=back)).isoformat()
    assert said in alex.refused("--date", day, "--answer", "Hello")


def test_markup_and_control_characters_are_kept_as_text_and_shown_defused(
    pair: tuple[Device, Device],
) -> None:
    alex, sam = pair
    alex.ok("--answer", "[bold red]you[/] \x1b[2J\u202eevil\nsecond line")
    sam.ok("--answer", "Mine")
    theirs = sam.json()["theirs"]
    assert theirs == "[bold red]you[/] [2Jevil\nsecond line"  # controls gone, markup kept
    shown = sam.ok()
    assert "Alex: [bold red]you[/] [2Jevil⏎second line" in shown
    assert "\x1b" not in shown


def test_a_hidden_question_is_said_and_never_asked_again(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    today = alex.json()
    said = alex.ok("--hide")
    assert f"neither of you will be asked “{today['question']}” again" in said
    # The day keeps its question; Sam (who never hid it) sees it today too.
    assert sam.json()["key"] == today["key"]


def test_with_every_question_hidden_the_day_says_so(
    couples: Couples, rekindle_here: RunHere
) -> None:
    alex = couples.create(config="alex")
    with alex.store.together():
        for question in DAILY_QUESTIONS:
            store.hide(alex, question.key)
    alex.store.close()
    device = Device(couples.tmp_path / "alex", rekindle_here)
    assert "Every question is hidden, so there is nothing to ask." in device.ok()
    assert device.json()["key"] is None
    assert "Every question is hidden" in device.refused("--answer", "Hello?")


def test_a_partners_answer_written_raw_is_shown_defused(
    couples: Couples, rekindle_here: RunHere
) -> None:
    """Sam's device skipped the cleaning (an old or hostile writer): escapes, bidi
    overrides and markup in the file reach neither the terminal nor the JSON raw."""
    couples.create(config="alex").store.close()
    sam = couples.join(config="sam")
    key = store.question_for(sam, london_today())
    assert key is not None
    raw = "\x1b]0;owned\x07[red]hi[/red]\u202eevil\x9b2J"
    data = {"day": london_today().isoformat(), "person": "b", "key": key, "text": raw}
    sam.put_record(ANSWER, f"dailyanswer:{london_today().isoformat()}:b", data, "raw")
    sam.store.close()
    alex = Device(couples.tmp_path / "alex", rekindle_here)
    shown = alex.ok("--answer", "Mine")
    assert "Sam: ␛]0;owned␇[red]hi[/red]\ufffdevil\ufffd2J" in shown
    printed = alex.rekindle(alex.config, "question", "--json").out
    assert printed.isascii() and json.loads(printed)["theirs"] == raw


def test_partners_a_day_apart_each_answer_their_own_day_and_share_its_question(
    couples: Couples, rekindle_here: RunHere
) -> None:
    """Alex on Kiritimati (UTC+14) and Sam on Samoa's Pago Pago (UTC-11): always on
    different days. Each day keeps one question for both, whoever reaches it first."""
    alex_couple = couples.create(config="alex", tz="Pacific/Kiritimati")
    sam_person = alex_couple.person("b")
    alex_couple.save_person(msgspec.structs.replace(sam_person, tz="Pacific/Pago_Pago"))
    alex_couple.store.close()
    couples.join(config="sam").store.close()
    alex = Device(couples.tmp_path / "alex", rekindle_here)
    sam = Device(couples.tmp_path / "sam", rekindle_here)
    ahead, behind = alex.json(), sam.json()
    assert ahead["day"] > behind["day"]
    # Sam cannot answer Alex's day yet; Alex can answer Sam's, late, and gets its question.
    assert "hasn't come yet" in sam.refused("--date", ahead["day"], "--answer", "Early")
    sam.ok("--answer", "Sunrise swim")
    late = alex.json("--date", behind["day"], "--answer", "Your voice message")
    assert late["key"] == behind["key"]
    assert late["theirs"] == "Sunrise swim"
    assert sam.json()["theirs"] == "Your voice message"


def test_what_it_says_is_in_our_voice(pair: tuple[Device, Device]) -> None:
    alex, sam = pair
    said = [alex.ok(), sam.ok("--answer", "Soup"), alex.ok(), alex.ok("--history")]
    said += [alex.ok("--hide"), alex.refused("--answer", "")]
    said += [alex.refused("--date", "2000-01-01", "--answer", "Hi")]
    # Our own sentences only: the questions have the content tests for their voice.
    asked = {day["question"] for day in alex.json("--history")["days"]} | {alex.json()["question"]}
    words = " ".join(said)
    for question in asked:
        words = words.replace(question, "")
    words = words.casefold()
    assert banned_words_in(words) == []


def test_an_earlier_days_question_can_be_hidden_but_not_a_day_never_asked(
    pair: tuple[Device, Device],
) -> None:
    alex, sam = pair
    week_ago = (london_today() - timedelta(days=7)).isoformat()
    asked = sam.json("--date", week_ago)["key"]
    assert "neither of you will be asked" in alex.ok("--date", week_ago, "--hide")
    assert "nothing to hide" in alex.refused("--date", "2001-05-05", "--hide")
    # Hidden by Alex: Sam's later days never get it.
    for back in range(6, -1, -1):
        day = (london_today() - timedelta(days=back)).isoformat()
        assert sam.json("--date", day)["key"] != asked
