"""How the Talks screen looks, at 80×24 and 120×40. Update with --snapshot-update after a
deliberate change, and look at the pictures before keeping them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from tracker.domain.content.prompts import Depth, Theme
from tracker.domain.talks.model import Status, plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp

SIZES = [(80, 24), (120, 40)]
OpenApp = Callable[[Couple | None], RekindleApp]
Snap = Callable[..., bool]


@pytest.fixture
def talking(couple: Couple) -> Couple:
    """A Sunday talk since November, one logged by both, one skipped, one moved; a prompt."""
    slot = plan_slot(
        "talk:sunday000001",
        "Sunday talk",
        Repeat(Freq.WEEKLY),
        date(2026, 11, 1),
        time(20),
        45,
        "Europe/London",
        datetime(2026, 10, 30, tzinfo=UTC),
    )
    talks.save_slot(couple, slot, "Planned")
    monthly = plan_slot(
        "talk:monthly00001",
        "State of us",
        Repeat(Freq.MONTHLY),
        date(2026, 11, 30),
        time(19, 30),
        60,
        "Europe/London",
        datetime(2026, 11, 20, tzinfo=UTC),
    )
    talks.save_slot(couple, monthly, "Planned")
    talks.log_talk(
        couple,
        slot.id,
        date(2026, 11, 8),
        topic="Christmas plans",
        heard="She'd like a quiet one this year",
        agreed="Two days with family, then home",
    )
    talks.log_talk(
        couple,
        slot.id,
        date(2026, 11, 22),
        topic="[bold]Money[/bold] worries",
        heard="Work has been heavy\nand evenings feel short",
        agreed="A budget night on the 1st",
        followups=["Look at the budget together"],
        prompt="appreciation-03",
    )
    couple.me = "b"
    talks.log_talk(couple, slot.id, date(2026, 11, 22), heard="He feels stretched thin")
    couple.me = "a"
    found = {m.day: m for m in talks.around(couple, datetime(2026, 11, 14, tzinfo=UTC))}
    talks.set_status(couple, found[date(2026, 11, 15)], Status.SKIPPED)
    talks.move(
        couple,
        found[date(2026, 12, 6)],
        datetime(2026, 12, 7, 19, 30),
        datetime(2026, 11, 14, tzinfo=UTC),
    )
    talks.use_prompt(couple, "love-maps-04", date(2026, 11, 25))
    talks.set_pref(couple, "love-maps-01", favourite=True)
    talks.add_own_prompt(
        couple, "What would make Sundays easier for you?", Theme.LOVE_MAPS, Depth.LIGHT
    )
    return couple


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_talks(
    snap_compare: Snap, talking: Couple, open_app: OpenApp, size: tuple[int, int]
) -> None:
    assert snap_compare(open_app(talking), press=["3"], terminal_size=size)


def test_talks_empty(snap_compare: Snap, couple: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(couple), press=["3"], terminal_size=(80, 24))


def test_talks_log(snap_compare: Snap, talking: Couple, open_app: OpenApp) -> None:
    assert snap_compare(
        open_app(talking), press=["3", "right_square_bracket"], terminal_size=(120, 40)
    )


def test_talks_prompts(snap_compare: Snap, talking: Couple, open_app: OpenApp) -> None:
    press = ["3", "right_square_bracket", "right_square_bracket"]
    assert snap_compare(open_app(talking), press=press, terminal_size=(120, 40))


def test_talks_guide(snap_compare: Snap, talking: Couple, open_app: OpenApp) -> None:
    assert snap_compare(
        open_app(talking), press=["3", "left_square_bracket"], terminal_size=(80, 24)
    )


def test_talk_now(snap_compare: Snap, talking: Couple, open_app: OpenApp) -> None:
    assert snap_compare(open_app(talking), press=["3", "t"], terminal_size=(80, 24))


def test_i_statement(snap_compare: Snap, talking: Couple, open_app: OpenApp) -> None:
    async def write(pilot: Pilot[None]) -> None:
        await pilot.press("3", "i")
        for name, value in (
            ("feeling", "left out"),
            ("situation", "you always make plans without me"),
            ("need", "to feel included"),
            ("request", "tell me earlier next time"),
        ):
            pilot.app.screen.query_one(f"#{name}", Input).value = value
        await pilot.pause()

    assert snap_compare(open_app(talking), run_before=write, terminal_size=(80, 24))
