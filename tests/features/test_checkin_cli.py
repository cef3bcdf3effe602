"""`rekindle checkin`, `promise`, `appreciate` and `repair`, run as people run them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import Ran, command_env, use_config
from tracker.domain.checkin.model import iso_week
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.store.identity import load_config

ALL = [
    "--communication",
    "3",
    "--conflict",
    "2",
    "--quality-time",
    "4",
    "--priorities",
    "3",
    "--trust",
    "4",
    "--closeness",
    "3",
]


def london_today() -> date:
    return person_today(Person("a", "Alex", "Europe/London", 4), datetime.now(UTC))


@dataclass
class Person_:
    config: Path
    rekindle: RunHere  # in this process, through the installed command's own `main`

    def run(self, *args: str, stdin: str = "") -> Ran:
        return self.rekindle(self.config, *args, stdin=stdin)

    def ok(self, *args: str) -> str:
        return self.run(*args).ok()

    def refused(self, *args: str) -> str:
        """Exit 1 and one sentence, never a traceback."""
        return self.run(*args).refused()

    def couple(self, monkeypatch: pytest.MonkeyPatch) -> Couple:
        use_config(monkeypatch, self.config)
        config = load_config()
        assert config is not None
        return Couple.open(config)


@pytest.fixture
def pair(couples: Couples, rekindle_here: RunHere) -> tuple[Person_, Person_]:
    couples.create(config="alex").store.close()
    couples.join(config="sam").store.close()
    alex, sam = (Person_(couples.tmp_path / who, rekindle_here) for who in ("alex", "sam"))
    return alex, sam


def week_json(person: Person_) -> dict[str, Any]:
    return json.loads(person.ok("checkin", "--show", "--json"))


def test_check_in_with_flags_then_edit_one_rating_without_duplicating(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam = pair
    out = alex.ok("checkin", *ALL, "--note-trust", "[bold]better[/bold]\x1b[2J")
    assert out.startswith("Saved your check-in for Week")
    assert "Waiting for Sam" in out
    out = alex.ok("checkin", "--trust", "2")
    assert out.startswith("Updated your check-in")
    shown = week_json(alex)
    assert shown["week"] == iso_week(london_today())
    assert shown["mine"]["trust"] == 2 and shown["mine"]["quality time"] == 4
    assert shown["my_notes"] == {"trust": "[bold]better[/bold][2J"}  # kept, escape dropped
    assert len(alex.couple(monkeypatch).records("checkin")) == 1
    # Sam sees that Alex answered, not what.
    theirs = week_json(sam)
    assert theirs["theirs"] is None and theirs["theirs_hidden"] is True
    assert "Alex has checked in" in theirs["note"]
    sam.ok("checkin", *ALL[:-2], "--closeness", "5", "--trust", "4")
    both = week_json(sam)
    assert both["theirs"]["trust"] == 2 and both["mine"]["trust"] == 4
    assert both["gaps"] == [
        {"area": "trust", "mine": 4, "theirs": 2},
        {"area": "closeness", "mine": 5, "theirs": 3},
    ]
    side = sam.ok("checkin", "--show")
    assert "You see trust differently (you 4, Alex 2) — worth a talk." in side


def test_show_prints_the_notes_and_the_things_to_try_as_the_app_does(
    pair: tuple[Person_, Person_],
) -> None:
    alex, sam = pair
    alex.ok("checkin", *ALL, "--note-conflict", "[red]the dishes[/red]\x1b[2J again")
    sam.ok("checkin", *ALL, "--note-trust", "better\nsince Sunday")
    shown = alex.ok("checkin", "--show")
    assert "You on unresolved conflicts: [red]the dishes[/red][2J again" in shown
    assert "Sam on trust: better since Sunday" in shown  # notes are kept to one line
    assert "Something to try for unresolved conflicts:" in shown
    data = week_json(alex)
    assert data["weakest"] == "conflict"
    for suggestion in data["suggestions"]:
        assert f"  · {suggestion['title']}: {suggestion['text']}" in shown
    assert len(data["suggestions"]) >= 1


@pytest.mark.parametrize(
    "args, says",
    [
        (["--trust", "7"], "Trust needs a rating from 1 to 5; 7 is outside that."),
        (["--trust", "0"], "0 is outside that"),
        (["--trust", "lots"], "Trust needs a whole number from 1 to 5, not “lots”."),
        (["--trust", "4"], "still blank: communication, unresolved conflicts"),
        ([], "Give your ratings, 1 to 5: rekindle checkin --communication N"),
    ],
)
def test_bad_ratings_are_refused_and_nothing_is_saved(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    alex, _ = pair
    assert says in alex.refused("checkin", *args)
    assert alex.couple(monkeypatch).records("checkin") == []


def test_a_bad_rating_in_an_edit_keeps_the_earlier_check_in(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, _ = pair
    alex.ok("checkin", *ALL)
    alex.refused("checkin", "--trust", "9", "--closeness", "1")
    assert week_json(alex)["mine"]["closeness"] == 3
    assert "keep it to 300" in alex.refused("checkin", "--note-trust", "x" * 400)


def test_promises_add_keep_renegotiate_break_and_list(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam = pair
    out = alex.ok("promise", "add", "Book the table for Saturday", "--due", "tomorrow")
    assert out.startswith("Promised Sam: “Book the table for Saturday”, by ")
    alex.ok("promise", "add", "Fix the bike", "--due", "in 3 days")
    listed = alex.ok("promise", "list")
    assert "Alex → Sam  “Book the table for Saturday”  [open]" in listed
    assert "Alex kept: 30 days: nothing settled yet" in listed
    # Sam may judge it too; part of the words is enough.
    assert sam.ok("promise", "kept", "table") == "Marked kept: “Book the table for Saturday”.\n"
    assert "already marked kept" in alex.refused("promise", "broken", "promise:" + _id(alex, 0))
    moved = alex.ok("promise", "renegotiate", "bike", "--due", "in 10 days")
    due = london_today() + timedelta(days=10)
    assert moved.startswith(f"Now due {due:%a %d %b %Y}")
    alex.ok("promise", "broken", "bike")
    data = json.loads(alex.ok("promise", "list", "--all", "--json"))
    statuses = sorted(p["status"] for p in data["promises"])
    assert statuses == ["broken", "kept"]
    bike = next(p for p in data["promises"] if p["text"] == "Fix the bike")
    assert [h["event"] for h in bike["history"]] == ["made", "renegotiated", "broken"]
    assert data["reliability"]["a"] == {"30": 0.5, "90": 0.5}
    assert alex.ok("promise", "list") == (
        "No open promises.\nAlex kept: 30 days: 50% (1 of 2 kept), 90 days: 50% (1 of 2 kept)\n"
        "Sam kept: 30 days: nothing settled yet, 90 days: nothing settled yet\n"
    )


def _id(person: Person_, index: int) -> str:
    data = json.loads(person.ok("promise", "list", "--all", "--json"))
    found = sorted(data["promises"], key=lambda p: p["text"])
    return str(found[index]["id"]).removeprefix("promise:")


@pytest.mark.parametrize(
    "args, says",
    [
        (["add", "Fix it", "--due", "2026-02-30"], "February 2026 has 28 days"),
        (["add", "Fix it", "--due", "2001-01-01"], "has already passed"),
        (["add", "Fix it", "--due", "2999-01-01"], "more than two years away"),
        (["add", "", "--due", "today"], "Write the promise in a few words."),
        (["add", "x" * 500, "--due", "today"], "Keep the promise to 200 characters"),
        (["kept", "nothing like this"], "No open promise matches “nothing like this”"),
        (["kept", ""], "Say which promise"),
    ],
)
def test_bad_promises_are_refused_with_one_sentence(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch, args: list[str], says: str
) -> None:
    alex, _ = pair
    assert says in alex.refused("promise", *args)
    assert store.promises(alex.couple(monkeypatch)) == []


def test_two_matching_promises_ask_for_the_id(pair: tuple[Person_, Person_]) -> None:
    alex, _ = pair
    alex.ok("promise", "add", "Call the plumber", "--due", "today")
    alex.ok("promise", "add", "Call your mum", "--due", "today")
    assert "matches 2 open promises" in alex.refused("promise", "kept", "call")
    assert "Marked kept: “Call the plumber”" in alex.ok("promise", "kept", _id(alex, 0)[:6])


def test_appreciations_and_repairs_from_the_command_line(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam = pair
    assert alex.ok("appreciate", "the tea") == "Noted for Sam: “the tea”. That's 1 this week.\n"
    assert alex.ok("appreciate", "💐 the flowers").endswith("That's 2 this week.\n")
    assert "Write the appreciation" in alex.refused("appreciate", "   ")
    found = store.appreciations(sam.couple(monkeypatch))
    assert {a.text for a in found} == {"the tea", "💐 the flowers"}
    assert {(a.by, a.to) for a in found} == {("a", "b")}
    out = sam.ok("repair", "Sorry I snapped at dinner", "--change", "I'll say when I'm tired")
    assert out == "Logged. What will change: “I'll say when I'm tired”.\n"
    assert "what will change" in sam.refused("repair", "Sorry", "--change", " ")
    assert [r.apology for r in store.repairs(alex.couple(monkeypatch))] == [
        "Sorry I snapped at dinner"
    ]


def test_in_a_terminal_it_asks_and_asks_again_after_a_bad_rating(
    pair: tuple[Person_, Person_], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, _ = pair
    answers = [
        "4", "",  # communication, no note
        "2", "we keep circling the same thing",
        "3", "",
        "3", "",
        "9", "4", "",  # trust: 9 is refused, then 4
        "3", "[bold]ok[/bold]",
    ]  # fmt: skip
    # A real process: its standard input is a terminal (a pty), which is the point here.
    controller, terminal = os.openpty()
    env = command_env(alex.config)
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "checkin"],
        stdin=terminal,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    os.close(terminal)
    os.write(controller, ("\n".join(answers) + "\n").encode())
    out, err = process.communicate(timeout=60)
    os.close(controller)
    assert process.returncode == 0, err
    assert "Trust needs a rating from 1 to 5; 9 is outside that." in out
    assert "Saved your check-in" in out
    (checkin,) = store.all_checkins(alex.couple(monkeypatch))
    assert checkin.rating("trust") == 4 and checkin.rating("conflict") == 2
    assert checkin.notes == {
        "conflict": "we keep circling the same thing",
        "closeness": "[bold]ok[/bold]",
    }
