"""`rekindle goal …`, `values`, `vision` and `priorities`, run in this process: each
writes what the Goals screen would, refuses what its forms refuse (in their words), and
`--json` reads it back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Couples, RunHere
from tracker.cli.common import my_today
from tracker.domain.content.values import LIFE_PRIORITIES, VALUES
from tracker.domain.dates.kinds import DATE
from tracker.domain.goals import kinds as goal_kinds
from tracker.domain.goals.model import MAX_WHY, Goal
from tracker.domain.goals.priorities import month_key
from tracker.domain.goals.values import MAX_OWN_VALUE, MAX_VALUES, MAX_VISION
from tracker.domain.kinds import HABIT, PERSON, SHARDED_KINDS
from tracker.domain.models import Person
from tracker.domain.text import MAX_TITLE
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.store.identity import load_config

MARKUP = "Save for a [bold]house[/bold] [link=http://x]now[/link]"


class Device:
    """Alex's device: commands run in this process as Alex; the folder reopened to check."""

    def __init__(self, config: Path, run_here: RunHere) -> None:
        self.config = config
        self.run_here = run_here
        self.opened: list[Couple] = []

    def ok(self, *args: str) -> str:
        return self.run_here(self.config, *args).ok()

    def refused(self, *args: str) -> str:
        return self.run_here(self.config, *args).refused()

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def couple(self) -> Couple:
        config = load_config()
        assert config is not None
        couple = Couple.open(config)
        self.opened.append(couple)
        return couple

    def goal(self, title: str) -> dict[str, Any]:
        return next(g for g in self.json("goals")["goals"] if g["title"] == title)


@pytest.fixture
def alex(couples: Couples, rekindle_here: RunHere) -> Iterator[Device]:
    couples.create(config="conf").store.close()  # each command opens its own, as a run would
    device = Device(couples.tmp_path / "conf", rekindle_here)
    yield device
    for couple in device.opened:
        couple.store.close()


# -- goals ------------------------------------------------------------------------------


def test_what_goal_commands_read_is_in_core_files_so_recent_months_are_enough() -> None:
    """They open the folder as the app's first screen does (`open_for_goals`): core files
    and this season's months. A goal kind moved into month shards must change that."""
    read = {PERSON, HABIT, DATE} | {
        value
        for name, value in vars(goal_kinds).items()
        if name.isupper() and isinstance(value, str)
    }
    assert goal_kinds.GOAL in read and goal_kinds.PRIORITIES in read
    assert read.isdisjoint(SHARDED_KINDS)


def test_a_goal_is_added_edited_reached_and_brought_back_in_progress(alex: Device) -> None:
    said = alex.ok("goal", "add", "Trip to Lisbon", "--why", "We met there", "--by", "2027-06-30")
    assert said == "Added the shared goal “Trip to Lisbon”, by 2027-06-30.\n"
    goal = alex.goal("Trip to Lisbon")
    assert (goal["owner"], goal["why"], goal["target"], goal["reached"]) == (
        "us",
        "We met there",
        "2027-06-30",
        False,
    )
    assert alex.ok("goal", "edit", "lisbon", "--title", "Trip to Porto", "--by", "") == (
        "Saved “Trip to Porto”.\n"
    )
    goal = alex.goal("Trip to Porto")
    assert (goal["why"], goal["target"]) == ("We met there", None)  # why untouched, date gone
    assert alex.ok("goal", "edit", "porto", "--why", "We met there").endswith(
        "nothing to change.\n"
    )
    assert alex.ok("goal", "done", "TRIP to porto") == "Reached “Trip to Porto”.\n"
    assert alex.goal("Trip to Porto")["reached"] is True
    assert alex.goal("Trip to Porto")["progress"] == 1.0
    assert "already reached" in alex.ok("goal", "done", "porto")
    assert alex.ok("goal", "undone", "porto") == "“Trip to Porto” is back in progress.\n"
    assert alex.goal("Trip to Porto")["reached"] is False


def test_an_own_goal_takes_ways_to_help_and_a_partners_is_theirs(alex: Device) -> None:
    assert alex.ok("goal", "add", "Run a half marathon", "--owner", "me") == (
        "Added the goal of your own “Run a half marathon”.\n"
    )
    said = alex.ok("goal", "support", "half marathon", "Come to the finish line")
    assert said == "Added a way Sam can help with “Run a half marathon”: Come to the finish line.\n"
    assert [s["text"] for s in alex.goal("Run a half marathon")["support"]] == [
        "Come to the finish line"
    ]
    assert "already on the list" in alex.refused(
        "goal", "support", "half", "come to the FINISH line"
    )
    assert "Milestones go under shared goals" in alex.refused(
        "goal", "milestone", "add", "half", "x"
    )
    couple = alex.couple()
    store.save_goal(couple, Goal("goal:sams", "Learn Spanish", "b"))
    couple.store.close()
    for args in (("edit", "spanish", "--title", "x"), ("done", "spanish"), ("delete", "spanish")):
        said = alex.refused("goal", *args)
        assert said == "rekindle: That is Sam's own goal; Sam can change it on their side."
    assert alex.goal("Learn Spanish")["title"] == "Learn Spanish"
    alex.ok("goal", "add", "Paint the hall")
    assert "Ways to help go on your own goals" in alex.refused("goal", "support", "paint", "x")


def test_what_a_partner_wrote_is_shown_on_one_line_and_never_obeyed(alex: Device) -> None:
    couple = alex.couple()
    couple.save_person(Person("b", "[red]Sam[/red]\n\x1b[2J", "Europe/London", 4))
    store.save_goal(couple, Goal("goal:sams", "Learn\nSpanish [b]now[/b]\x07", "b"))
    store.save_values(couple, "b", ["own:\x1b]0;pwned\x07tea"])
    couple.store.close()
    said = alex.refused("goal", "edit", "learn", "--title", "x")  # one line, or it fails
    assert "[red]Sam[/red]⏎␛[2J's own goal" in said
    assert "Did you mean “Learn⏎Spanish [b]now[/b]␇”?" in alex.refused(
        "goal", "done", "lern spanish now"
    )
    for command in ("goals", "values", "vision", "priorities"):
        assert "\x1b" not in alex.ok(command) and "\x07" not in alex.ok(command)


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("goal", "add", "   "), "Give the goal a name."),
        (("goal", "add", "\x1b\x07"), "Give the goal a name."),
        (("goal", "add", "x" * (MAX_TITLE + 1)), f"to {MAX_TITLE} characters"),
        (("goal", "add", "Trip", "--why", "y" * (MAX_WHY + 1)), f"to {MAX_WHY} characters"),
        (("goal", "add", "Trip", "--by", "2027-02-30"), "isn't a day on the calendar"),
        (("goal", "add", "Trip", "--by", "1999-12-31"), "between 2000 and 2200"),
        (("goal", "add", "Trip", "--by", "soon"), "use YYYY-MM-DD"),
    ],
)
def test_a_goal_the_form_would_refuse_is_refused_in_its_words(
    alex: Device, args: tuple[str, ...], sentence: str
) -> None:
    assert sentence in alex.refused(*args)
    assert alex.json("goals")["goals"] == []


def test_typed_text_is_kept_literally_with_controls_dropped(alex: Device) -> None:
    alex.ok("goal", "add", MARKUP + "\x1b[2J", "--why", "line one\nline two")
    [goal] = alex.json("goals")["goals"]
    assert goal["title"] == MARKUP + "[2J"  # the escape character itself is gone
    assert goal["why"] == "line one line two"
    said = alex.ok("goals")
    assert MARKUP in said and "\x1b" not in said


def test_an_unknown_goal_is_refused_with_the_nearest_name_offered(alex: Device) -> None:
    alex.ok("goal", "add", "Trip to Lisbon")
    alex.ok("goal", "add", "Trip to Porto")
    assert alex.refused("goal", "done", "trip to lisbn") == (
        "rekindle: No goal called “trip to lisbn”. Did you mean “Trip to Lisbon”?"
    )
    assert alex.refused("goal", "done", "garden") == (
        "rekindle: No goal called “garden”. `rekindle goals` lists them."
    )
    assert "matches more than one goal" in alex.refused("goal", "done", "trip")
    assert "Say which goal" in alex.refused("goal", "done", " ")


def test_a_deleted_goal_comes_back_with_its_milestones(alex: Device) -> None:
    alex.ok("goal", "add", "Trip to Lisbon")
    alex.ok("goal", "milestone", "add", "lisbon", "Book flights")
    assert "goal restore" in alex.ok("goal", "delete", "lisbon")
    assert alex.json("goals")["goals"] == []
    assert "Did you mean “Trip to Lisbon”?" in alex.refused("goal", "restore", "trip to lisbn")
    assert alex.ok("goal", "restore", "lisbon") == (
        "Brought back “Trip to Lisbon” with its milestones.\n"
    )
    assert [m["title"] for m in alex.goal("Trip to Lisbon")["milestones"]] == ["Book flights"]


# -- milestones -------------------------------------------------------------------------


def test_milestones_are_added_edited_ticked_and_deleted(alex: Device) -> None:
    alex.ok("goal", "add", "Trip to Lisbon")
    said = alex.ok(
        "goal", "milestone", "add", "lisbon", "Book flights", "--due", "2026-12-01",
        "--owner", "partner",
    )  # fmt: skip
    assert said == (
        "Added the milestone “Book flights” to “Trip to Lisbon” (for Sam, due 2026-12-01).\n"
    )
    alex.ok("goal", "milestone", "add", "lisbon", "Find a flat")
    [flights, flat] = alex.goal("Trip to Lisbon")["milestones"]  # the undated one last
    assert (flights["title"], flights["owner"], flights["due"]) == (
        "Book flights",
        "b",
        "2026-12-01",
    )
    assert (flat["title"], flat["owner"], flat["due"]) == ("Find a flat", "us", None)

    alex.ok("goal", "milestone", "edit", "lisbon", "flat", "--owner", "me", "--due", "2027-01-05")
    [flights, flat] = alex.goal("Trip to Lisbon")["milestones"]
    assert (flat["title"], flat["owner"], flat["due"]) == ("Find a flat", "a", "2027-01-05")

    assert alex.ok("goal", "milestone", "done", "lisbon", "book") == (
        "Ticked “Book flights” on “Trip to Lisbon”.\n"
    )
    today = my_today(alex.couple()).isoformat()
    flights = alex.goal("Trip to Lisbon")["milestones"][0]
    assert (flights["done"], flights["done_by"], flights["done_on"]) == (True, "a", today)
    assert alex.goal("Trip to Lisbon")["progress"] == 0.5
    assert "already ticked off" in alex.ok("goal", "milestone", "done", "lisbon", "book")
    alex.ok("goal", "milestone", "undone", "lisbon", "book")
    assert alex.goal("Trip to Lisbon")["milestones"][0]["done"] is False

    assert "Did you mean “Find a flat”?" in alex.refused(
        "goal", "milestone", "done", "lisbon", "find a flag"
    )
    assert "isn't a day on the calendar" in alex.refused(
        "goal", "milestone", "edit", "lisbon", "flat", "--due", "2027-13-01"
    )
    assert "Give the milestone a name" in alex.refused(
        "goal", "milestone", "edit", "lisbon", "flat", "--title", "\t"
    )
    alex.ok("goal", "milestone", "delete", "lisbon", "flat")
    assert [m["title"] for m in alex.goal("Trip to Lisbon")["milestones"]] == ["Book flights"]


# -- values -----------------------------------------------------------------------------


def test_values_are_set_from_the_list_or_in_own_words(alex: Device) -> None:
    said = alex.ok("values", "set", "family", "Wild  swimming", VALUES[1].name.upper())
    assert said == f"Saved your values: 1. Family  2. Wild swimming  3. {VALUES[1].name}.\n"
    people = alex.json("values")["people"]
    assert people["a"]["values"] == [
        {"key": "family", "label": "Family", "own": False},
        {"key": "own:Wild swimming", "label": "Wild swimming", "own": True},
        {"key": VALUES[1].key, "label": VALUES[1].name, "own": False},
    ]
    assert people["b"] == {"name": "Sam", "values": []}
    assert alex.ok("values") == (
        f"Alex: 1. Family  2. Wild swimming  3. {VALUES[1].name}\nSam: (none picked yet)\n"
    )
    assert [v["key"] for v in alex.json("values", "--choices")] == [v.key for v in VALUES]
    assert alex.ok("values", "clear") == "Emptied your list of values.\n"
    assert alex.json("values")["people"]["a"]["values"] == []


@pytest.mark.parametrize(
    ("values", "sentence"),
    [
        (("family", "Family"), "“Family” is already in your list."),
        (("own words", "OWN  words"), "is already in your list"),
        (tuple(f"v{i}" for i in range(MAX_VALUES + 1)), f"holds {MAX_VALUES} values"),
        (("x" * (MAX_OWN_VALUE + 1),), f"to {MAX_OWN_VALUE} characters"),
        (("\x1b",), "Write a word or two"),
    ],
)
def test_values_the_dialog_would_refuse_are_refused_and_nothing_is_saved(
    alex: Device, values: tuple[str, ...], sentence: str
) -> None:
    alex.ok("values", "set", "humour")
    assert sentence in alex.refused("values", "set", *values)
    assert [v["key"] for v in alex.json("values")["people"]["a"]["values"]] == ["humour"]


# -- vision -----------------------------------------------------------------------------


def test_one_horizon_is_written_and_the_areas_others_stay(alex: Device) -> None:
    alex.ok("vision", "set", "home", "1", "A spare room for guests")
    assert (
        alex.ok("vision", "set", "Home", "5y", MARKUP) == "Saved your vision for Home in 5 years.\n"
    )
    assert alex.json("vision")["people"]["a"]["vision"] == [
        {"area": "home", "years": 1, "text": "A spare room for guests"},
        {"area": "home", "years": 5, "text": MARKUP},
    ]
    assert "already reads that way" in alex.ok("vision", "set", "home", "5", MARKUP)
    assert alex.ok("vision", "set", "home", "1", "") == "Cleared your vision for Home in 1 year.\n"
    assert alex.json("vision")["people"]["a"]["vision"] == [
        {"area": "home", "years": 5, "text": MARKUP}
    ]
    assert MARKUP in alex.ok("vision")


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (("hme", "5", "x"), "No life area called “hme”. Did you mean “home”?"),
        (("garden", "5", "x"), "Pick from: home, family, work"),
        (("home", "7", "x"), "Pick a horizon of 1, 5 or 10 years"),
        (("home", "five", "x"), "Pick a horizon of 1, 5 or 10 years"),
        (("home", "10", "x" * (MAX_VISION + 1)), f"keep it to {MAX_VISION} characters"),
    ],
)
def test_vision_refusals(alex: Device, args: tuple[str, ...], sentence: str) -> None:
    assert sentence in alex.refused("vision", "set", *args)
    assert alex.json("vision")["people"]["a"]["vision"] == []


# -- priorities -------------------------------------------------------------------------


def test_priorities_named_go_first_and_the_rest_keep_last_months_order(alex: Device) -> None:
    couple = alex.couple()
    last_month = my_today(couple).replace(day=1) - timedelta(days=1)
    earlier = list(reversed(LIFE_PRIORITIES))
    store.save_review(couple, "a", last_month, earlier)
    couple.store.close()
    said = alex.ok("priorities", "rank", "relationship", "REST")
    ranked = ["our relationship", "rest"] + [
        p for p in earlier if p not in ("our relationship", "rest")
    ]
    assert said.startswith("Saved your priorities for ")
    data = alex.json("priorities")
    mine = data["people"]["a"]
    assert [r["month"] for r in mine["reviews"]] == [month_key(last_month), data["day"][:7]]
    assert mine["reviews"][-1]["ranked"] == ranked
    assert mine["due"] is False and data["people"]["b"] == {
        "name": "Sam",
        "due": True,
        "reviews": [],
    }
    assert "Did you mean “work”?" in alex.refused("priorities", "rank", "wrk")
    assert "named twice" in alex.refused("priorities", "rank", "rest", "rest")
    assert "more than one priority" in alex.refused("priorities", "rank", "h")  # health, hobbies
    assert alex.json("priorities")["people"]["a"]["reviews"][-1]["ranked"] == ranked
    assert alex.ok("priorities", "every", "3") == "Priorities review: every 3 months.\n"
    assert alex.json("priorities")["review_every_months"] == 3
    assert "Pick one of 1, 2, 3, 6 months." in alex.refused("priorities", "every", "4")
