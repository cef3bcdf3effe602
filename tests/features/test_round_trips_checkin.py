"""Round trips for the check-in, promises, thanks, repairs and talks: done by `rekindle`
then seen in the app (Pilot), and done with the app's keys then read back by `rekindle`.
(Ticks, habits, dates and the idea jar: test_round_trips.py.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from tests.conftest import Couples, RunHere
from tests.round_trip import Device, alex_device, plain, type_text
from tests.ui.test_talks import fill
from tracker.domain.checkin.promises import PromiseStatus
from tracker.ui.app import RekindleApp
from tracker.ui.screens.checkin.form import CheckinForm
from tracker.ui.screens.checkin.promises import PromisesScreen
from tracker.ui.screens.checkin.screen import CheckinScreen
from tracker.ui.screens.talks.forms import LogForm, SlotForm

SIZE = (120, 40)
# The six questions in the form's order, and a rating for each.
RATINGS = {
    "communication": 4,
    "conflict": 2,
    "quality time": 3,
    "priorities": 3,
    "trust": 5,
    "closeness": 4,
}


@pytest.fixture
def alex(couples: Couples, rekindle_here: RunHere) -> Iterator[Device]:
    yield from alex_device(couples, rekindle_here)


async def open_checkin(pilot: Pilot[int]) -> None:
    await pilot.press("5")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CheckinScreen)


async def open_promises(pilot: Pilot[int]) -> PromisesScreen:
    await open_checkin(pilot)
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PromisesScreen)
    return screen


def promises_shown(app: RekindleApp) -> dict[str, PromiseStatus]:
    screen = app.screen
    assert isinstance(screen, PromisesScreen)
    return {p.text: p.status for p in screen.shown}


def promises_listed(alex: Device) -> dict[str, str]:
    return {p["text"]: p["status"] for p in alex.json("promise", "list", "--all")["promises"]}


# -- the weekly check-in ----------------------------------------------------------------


async def test_a_check_in_by_the_cli_shows_in_the_app(alex: Device) -> None:
    flags = [w for key, n in RATINGS.items() for w in (f"--{key.replace(' ', '-')}", str(n))]
    alex.ok("checkin", *flags, "--note-conflict", "the dishes again")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checkin(pilot)
        assert "you've checked in" in plain(app, "#week-line")
        assert "You on unresolved conflicts: the dishes again" in plain(app, "#notes")
        assert "unresolved conflicts" in plain(app, "#weakest")  # the lowest, 2


async def test_a_check_in_in_the_app_is_what_checkin_show_says(alex: Device) -> None:
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checkin(pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CheckinForm)
        # A digit rates and moves on to that area's note; tab goes to the next area.
        await pilot.press(str(RATINGS["communication"]), "tab", str(RATINGS["conflict"]))
        await type_text(pilot, "the dishes again")
        for key in list(RATINGS)[2:]:
            await pilot.press("tab", str(RATINGS[key]))
        await pilot.press("ctrl+s")
        await pilot.pause()
    week = alex.json("checkin", "--show")
    assert week["mine"] == RATINGS
    assert week["my_notes"] == {"conflict": "the dishes again"}
    assert week["weakest"] == "conflict"


# -- promises ---------------------------------------------------------------------------


async def test_promises_made_kept_and_broken_by_the_cli_show_in_the_app(alex: Device) -> None:
    due = (alex.today + timedelta(days=3)).isoformat()
    for text in ("Book the table", "Fix the shelf", "Call the plumber"):
        alex.ok("promise", "add", text, "--due", due)
    alex.ok("promise", "kept", "shelf")
    alex.ok("promise", "broken", "plumber")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_promises(pilot)
        assert promises_shown(app) == {
            "Book the table": PromiseStatus.OPEN,
            "Fix the shelf": PromiseStatus.KEPT,
            "Call the plumber": PromiseStatus.BROKEN,
        }
        assert "You: 30 days: 50% (1 of 2 kept)" in plain(app, "#reliability")


async def test_promises_made_kept_and_broken_in_the_app_are_what_promise_list_says(
    alex: Device,
) -> None:
    due = (alex.today + timedelta(days=3)).isoformat()
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_promises(pilot)
        for text, key in (("Fix the shelf", "k"), ("Call the plumber", "b"), ("Book it", "")):
            await pilot.press("a")
            await type_text(pilot, text)
            await pilot.press("enter")
            await type_text(pilot, due)
            await pilot.press("enter")
            await pilot.pause()
            if key:
                row = [p.text for p in screen.shown].index(text)
                screen.query_one("#promise-list", DataTable).move_cursor(row=row)
                await pilot.press(key)
                await pilot.pause()
    assert promises_listed(alex) == {
        "Fix the shelf": "kept",
        "Call the plumber": "broken",
        "Book it": "open",
    }


# -- thanks and repairs -----------------------------------------------------------------


async def test_thanks_on_either_side_are_counted_on_the_other(alex: Device) -> None:
    alex.ok("appreciate", "the tea in bed")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_checkin(pilot)
        assert "This week: you 1, Sam 0" in plain(app, "#thanks")
        await pilot.press("t")
        await type_text(pilot, "fixing my bike")
        await pilot.press("enter")
        await pilot.pause()
    # The command says how many this week: the app's one counts too.
    said = alex.ok("appreciate", "the playlist")
    assert said.endswith("That's 3 this week.\n")


async def test_a_repair_logged_by_the_cli_shows_with_the_promises(alex: Device) -> None:
    alex.ok("repair", "Sorry I snapped at dinner", "--change", "I'll say when I'm tired")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await open_promises(pilot)
        shown = plain(app, "#repairs")
        assert "You: Sorry I snapped at dinner" in shown
        assert "What will change: I'll say when I'm tired" in shown


# -- talks ------------------------------------------------------------------------------


async def test_a_talk_planned_by_the_cli_is_next_in_the_app_and_its_log_reaches_the_cli(
    alex: Device,
) -> None:
    soon = alex.today + timedelta(days=2)
    weekday = f"{soon:%A}".lower()
    alex.ok("talk", "add", "--title", "Our talk", "--day", weekday, "--at", "20:00")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        assert "Next talk: Our talk" in plain(app, "#next")
        await pilot.press("l")  # the talk under the cursor: the next one
        assert isinstance(app.screen, LogForm)
        fill(app, topic="Money", followups="Look at the budget\n\nBook a walk")
        await pilot.press("ctrl+s")
        await pilot.pause()
    waiting = alex.json("talk", "followup")
    assert sorted(f["text"] for f in waiting) == ["Book a walk", "Look at the budget"]
    assert {f["day"] for f in waiting} == {soon.isoformat()}


async def test_a_talk_planned_in_the_app_is_what_talk_list_says_and_a_cli_log_shows(
    alex: Device,
) -> None:
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("a")
        assert isinstance(app.screen, SlotForm)
        await pilot.press(*"Sunday", "ctrl+s")  # the form's own day and time: Sundays, 20:00
        await pilot.pause()
    (slot,) = alex.json("talk", "list")["slots"]
    assert (slot["title"], slot["rrule"]) == ("Sunday", "FREQ=WEEKLY;BYDAY=SU")
    alex.ok("talk", "log", "--topic", "Holidays", "--agreed", "Cornwall in May")
    app = alex.app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await pilot.pause()
        await pilot.press("right_square_bracket")  # the log
        await pilot.pause()
        rows = app.screen.query_one("#log-table", DataTable)
        logged = [str(rows.get_row_at(i)[-1]) for i in range(rows.row_count)]
        assert logged == ["Holidays"]
