"""Goals, milestones, values, vision and priorities both ways: written by `rekindle …` (in
this process) and seen on the Goals screen, and written on the screen with keys and read
back by `--json`. The command line and the screen are one set of records and rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.widgets import Input, Select

from tests.conftest import Couples, RunHere
from tests.ui.conftest import TODAY
from tests.ui.test_goals import SIZE, go_to, put_cursor, shown, table_texts, type_text
from tests.ui.test_habits_cli import Folder
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialog_base import FieldsDialog
from tracker.ui.screens.goals.dialogs import ValuesDialog
from tracker.ui.screens.goals.panes import RowTable

OpenApp = Callable[[Couple | None], RekindleApp]
SEA = "A cottage [bold]by the sea[/bold]"


@pytest.fixture
def folder(couple: Couple, couples: Couples, rekindle_here: RunHere) -> Iterator[Folder]:
    couple.store.close()  # the app and the commands open their own, as separate runs would
    made = Folder(couple, couples, rekindle_here)
    yield made
    for opened in made.opened:
        opened.store.close()


def read(folder: Folder, *args: str) -> Any:
    return json.loads(folder.ok(*args, "--json"))


def goal_in(folder: Folder, title: str) -> dict[str, Any]:
    return next(g for g in read(folder, "goals")["goals"] if g["title"] == title)


def form_values(app: RekindleApp, *ids: str) -> list[object]:
    dialog = app.screen
    assert isinstance(dialog, FieldsDialog)
    return [
        dialog.query_one(f"#{i}", Select).value
        if i == "owner"
        else dialog.query_one(f"#{i}", Input).value
        for i in ids
    ]


def order_shown(app: RekindleApp) -> list[str]:
    return [str(key) for _, key in app.screen.query_one("#prio-table", RowTable).rows_shown]


# -- by the command line, seen in the app ----------------------------------------------


async def test_a_goal_and_its_milestones_from_the_cli_are_the_forms(
    folder: Folder, open_app: OpenApp
) -> None:
    folder.ok("goal", "add", "Trip to Lisbon", "--why", "We met there", "--by", "2027-02-28")
    folder.ok(
        "goal", "milestone", "add", "lisbon", "Book flights", "--due", "2026-12-01",
        "--owner", "partner",
    )  # fmt: skip
    folder.ok("goal", "milestone", "add", "lisbon", "Find a flat")
    folder.ok("goal", "milestone", "done", "lisbon", "book")
    folder.ok("goal", "milestone", "edit", "lisbon", "flat", "--title", "A flat [b]near[/b] it")
    app = open_app(folder.fresh())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        goal, flights, flat = table_texts(app, "#shared-table")
        assert "Trip to Lisbon" in goal and "1/2" in goal
        assert flights.startswith("✓") and "Book flights" in flights and "Sam" in flights
        assert flat.startswith("·") and "A flat [b]near[/b] it" in flat
        assert "Why: We met there" in shown(app, "#shared-detail")
        assert "By 28 February 2027" in shown(app, "#shared-detail")
        await pilot.press("e")  # the goal's own form holds what the command wrote
        await pilot.pause()
        assert form_values(app, "title", "why", "target") == [
            "Trip to Lisbon",
            "We met there",
            "2027-02-28",
        ]
        await pilot.press("escape")
        await put_cursor(pilot, "#shared-table", "milestone", "Book flights")
        await pilot.press("e")
        await pilot.pause()
        assert form_values(app, "title", "due", "owner") == ["Book flights", "2026-12-01", "b"]


async def test_reached_own_deleted_and_restored_goals_from_the_cli_show_in_the_app(
    folder: Folder, open_app: OpenApp
) -> None:
    folder.ok("goal", "add", "Trip to Lisbon")
    folder.ok("goal", "done", "lisbon")
    folder.ok("goal", "add", "Run a half marathon", "--owner", "me")
    folder.ok("goal", "support", "half", "Come to the finish line")
    folder.ok("goal", "add", "Paint the hall")
    folder.ok("goal", "delete", "paint")
    app = open_app(folder.fresh())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        [lisbon] = table_texts(app, "#shared-table")
        assert "Trip to Lisbon" in lisbon and "reached" in lisbon
        await go_to(pilot, "mine")
        rows = table_texts(app, "#mine-table")
        half = next(i for i, row in enumerate(rows) if "Run a half marathon" in row)
        assert "Come to the finish line" in rows[half + 1]
    folder.ok("goal", "restore", "paint")
    app = open_app(folder.fresh())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        assert any("Paint the hall" in row for row in table_texts(app, "#shared-table"))


async def test_values_vision_and_priorities_from_the_cli_show_in_the_app(
    folder: Folder, open_app: OpenApp
) -> None:
    folder.ok("values", "set", "family", "wild swimming")
    folder.ok("vision", "set", "home", "5", SEA)
    folder.ok("priorities", "rank", "rest", "work")
    folder.ok("priorities", "every", "3")
    ranked = read(folder, "priorities")["people"]["a"]["reviews"][-1]["ranked"]
    app = open_app(folder.fresh())
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "alignment")
        assert "1. Family · 2. wild swimming" in shown(app, "#align-values")
        await pilot.press("v")  # the dialog starts from the list the command saved
        await pilot.pause()
        assert isinstance(app.screen, ValuesDialog)
        assert app.screen.ranked == ["family", "own:wild swimming"]
        await pilot.press("escape")
        await go_to(pilot, "vision")
        assert any(f"5 years {SEA}" in row for row in table_texts(app, "#vision-table"))
        await go_to(pilot, "priorities")
        assert order_shown(app) == ranked and ranked[:2] == ["rest", "work"]
        assert "Reviewed every 3 months" in shown(app, "#prio-status")


# -- in the app, read by the command line ----------------------------------------------


async def test_a_goal_made_and_ticked_in_the_app_is_what_goals_json_says(
    folder: Folder, open_app: OpenApp
) -> None:
    couple = folder.fresh()
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        for key, fields in (("a", ("Trip to Lisbon", "We met there", "2027-02-28")),
                            ("m", ("Book flights", "2026-12-01"))):  # fmt: skip
            await pilot.press(key)
            for text in fields:
                await type_text(pilot, text)
                await pilot.press("tab")
            await pilot.press("ctrl+s")
            await pilot.pause()
        await put_cursor(pilot, "#shared-table", "milestone", "Book flights")
        await pilot.press("space")
        await put_cursor(pilot, "#shared-table", "goal", "Trip to Lisbon")
        await pilot.press("space")
        await pilot.pause()
    couple.store.close()
    goal = goal_in(folder, "Trip to Lisbon")
    assert (goal["owner"], goal["why"], goal["target"], goal["reached"]) == (
        "us",
        "We met there",
        "2027-02-28",
        True,
    )
    [step] = goal["milestones"]
    assert (step["title"], step["due"], step["owner"]) == ("Book flights", "2026-12-01", "us")
    assert (step["done"], step["done_by"], step["done_on"]) == (True, "a", TODAY.isoformat())
    # …and the command line carries on where the app left off.
    folder.ok("goal", "milestone", "undone", "lisbon", "book flights")
    assert goal_in(folder, "Trip to Lisbon")["milestones"][0]["done"] is False


async def test_an_own_goal_a_way_to_help_and_a_delete_in_the_app_read_by_the_cli(
    folder: Folder, open_app: OpenApp
) -> None:
    couple = folder.fresh()
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "mine")
        await pilot.press("a")
        await type_text(pilot, "Run a half marathon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await put_cursor(pilot, "#mine-table", "goal", "Run a half marathon")
        await pilot.press("s")
        await type_text(pilot, "Come to the finish line")
        await pilot.press("ctrl+s")
        await go_to(pilot, "shared")
        await pilot.press("a")
        await type_text(pilot, "Paint the hall")
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("x", "y")
        await pilot.pause()
    couple.store.close()
    [goal] = read(folder, "goals")["goals"]
    assert (goal["title"], goal["owner"]) == ("Run a half marathon", "a")
    assert [s["text"] for s in goal["support"]] == ["Come to the finish line"]
    assert "Brought back “Paint the hall”" in folder.ok("goal", "restore", "paint")


async def test_values_vision_and_priorities_from_the_app_read_by_the_cli(
    folder: Folder, open_app: OpenApp
) -> None:
    couple = folder.fresh()
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "alignment")
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("enter")  # the first value on offer
        app.screen.query_one("#own", Input).focus()
        await type_text(pilot, "wild swimming")
        await pilot.press("enter", "ctrl+s")
        await go_to(pilot, "vision")
        await pilot.press("e")  # Home
        await pilot.pause()
        app.screen.query_one("#y10", Input).focus()
        await type_text(pilot, SEA)
        await pilot.press("ctrl+s")
        await go_to(pilot, "priorities")
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("shift+down", "ctrl+s")
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        shown_order = order_shown(app)
    couple.store.close()
    values = read(folder, "values")["people"]["a"]["values"]
    assert [(v["label"], v["own"]) for v in values] == [("Family", False), ("wild swimming", True)]
    assert read(folder, "vision")["people"]["a"]["vision"] == [
        {"area": "home", "years": 10, "text": SEA}
    ]
    data = read(folder, "priorities")
    [review] = data["people"]["a"]["reviews"]
    assert review == {"month": "2026-11", "ranked": shown_order}
    assert shown_order[:2] == ["work", "our relationship"]
    assert data["review_every_months"] == 2
