"""The "since you were last here" line on Today: what Sam did on Sam's own computer while
Alex was away, told once when Alex opens the app, hidden with x."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

import msgspec
import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import Couples
from tests.hostile_partner import CASES, IDS, Case
from tests.rekindle_cli import use_config
from tests.ui.conftest import NOW, TODAY, habit_id
from tests.ui.hostile import EVIL_NAME, EVIL_TITLE, capture
from tests.ui.screen_text import drawn_words, screen_lines
from tests.ui.test_escapes import assert_inert
from tests.ui.test_hostile_partner_ui import sweep
from tracker.domain.checkin.promises import make_appreciation
from tracker.domain.dates.model import DateNight
from tracker.domain.models import Check, Habit
from tracker.store.checkins import save_appreciation
from tracker.store.couple import Couple
from tracker.store.dates import save_date
from tracker.store.since import mark_here
from tracker.ui.app import RekindleApp

OpenApp = Callable[[Couple | None], RekindleApp]


@pytest.fixture
def sam(couple: Couple, couples: Couples, monkeypatch: pytest.MonkeyPatch) -> Couple:
    """Sam's own computer on the couple's folder; the tests then go on as Alex."""
    joined = couples.join(config="sam-config")
    use_config(monkeypatch, couples.tmp_path / "config")
    return joined


def since_box(app: RekindleApp) -> Static:
    return app.screen.query_one("#since", Static)


def shown_line(app: RekindleApp) -> str | None:
    box = since_box(app)
    return str(box.render()) if box.display else None


def agenda_text(app: RekindleApp) -> str:
    box = app.screen.query_one("#agenda", Static)
    return str(box.render()) if box.display else ""


async def opened(app: RekindleApp, size: tuple[int, int] = (120, 40)) -> str | None:
    """Open the app, let the line come, and close it again: what the line said."""
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        return shown_line(app)


def sam_ticks(sam: Couple, alex: Couple, *titles: str) -> None:
    for title in titles:
        sam.set_check(Check(habit_id(sam, title), "b", TODAY))
    alex.store.refresh()  # as the app's look at the folder would bring them


async def test_the_first_opening_says_nothing(couple: Couple, sam: Couple, open_app: OpenApp):
    sam_ticks(sam, couple, "One specific")
    assert await opened(open_app(couple)) is None


async def test_sams_ticks_are_told_once_and_x_hides_them(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    assert await opened(open_app(couple)) is None  # Alex was here: from now on, news
    sam_ticks(sam, couple, "One specific", "Ask about")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        line = shown_line(app)
        assert line is not None
        assert line.startswith("Since earlier this evening: Sam ticked 2 habits.")
        assert "x hides this" in line
        # The day's question waits while the line shows (room at 80×24), and x brings it.
        assert "today's question" not in agenda_text(app)
        await pilot.press("x")
        assert shown_line(app) is None
        assert "Today's question is waiting for you  · d" in agenda_text(app)
        await pilot.press("2", "1")  # to Habits and back: still gone
        assert shown_line(app) is None
    # Nothing new since: the next opening says nothing.
    assert await opened(open_app(couple)) is None


async def test_alex_own_ticks_from_this_computer_are_not_news(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    assert await opened(open_app(couple)) is None
    couple.set_check(Check(habit_id(couple, "One specific"), "b", TODAY))  # Alex, for Sam
    assert await opened(open_app(couple)) is None


async def test_a_name_like_markup_is_shown_as_typed(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    me = sam.person("b")
    sam.save_person(msgspec.structs.replace(me, name="[b]Sam[/b]"))
    assert await opened(open_app(couple)) is None
    sam_ticks(sam, couple, "One specific")
    line = await opened(open_app(couple))
    assert line is not None
    assert "[b]Sam[/b] ticked “One specific thank-you”." in line


async def test_closing_marks_alex_as_here_for_what_arrived_meanwhile(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    """A tick that arrives while the app is open is told as it arrives (the sync line),
    so it is not news at the next opening."""
    assert await opened(open_app(couple)) is None
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        sam_ticks(sam, couple, "One specific")
    assert await opened(open_app(couple)) is None


def news_while_away(alex: Couple, sam: Couple) -> None:
    """Alex was last here yesterday evening; since, Sam ticked, said thanks and planned."""
    mark_here(alex, NOW - timedelta(days=1))
    sam_ticks(sam, alex, "One specific", "Ask about")
    sam.set_check(Check(habit_id(sam, "One specific"), "b", TODAY - timedelta(days=1)))
    save_appreciation(sam, make_appreciation("appreciation:1", "b", "a", TODAY, "the soup"))
    saturday = datetime.combine(TODAY + timedelta(days=3), time(18))
    save_date(sam, DateNight("date:1", "Walk by the river", "Europe/London", saturday))
    alex.store.refresh()


SAID = (
    "Since yesterday evening: Sam ticked 2 habits 3 times, thanked you for “the soup” and "
    "planned “Walk by the river” for Saturday."
)


async def test_the_whole_line_fits_an_80_column_today(
    lived_in: Couple, sam: Couple, open_app: OpenApp
) -> None:
    news_while_away(lived_in, sam)
    app = open_app(lived_in)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert drawn_words(app, since_box(app)) == f"{SAID} x hides this"
        lines = screen_lines(app)
        # Every habit still shows, down to the last together one, above the footer, and
        # nothing had to scroll for it (today's agenda, with Sam's thanks, is there too).
        assert any("Look at the week ahead on Sunday" in line for line in lines[:-1])
        assert any("Sam noticed and appreciated" in line for line in lines)
        assert app.screen.max_scroll_y == 0


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_today_with_the_line(
    snap_compare: Callable[..., bool],
    lived_in: Couple,
    sam: Couple,
    open_app: OpenApp,
    size: tuple[int, int],
) -> None:
    news_while_away(lived_in, sam)

    async def line_drawn(pilot: Pilot[None]) -> None:
        await pilot.pause()

    assert snap_compare(open_app(lived_in), run_before=line_drawn, terminal_size=size)


async def test_escapes_in_sams_words_are_drawn_never_obeyed(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    sam.save_person(msgspec.structs.replace(sam.person("b"), name=EVIL_NAME))
    mark_here(couple, NOW - timedelta(days=1))
    evil = Habit(Couple.new_habit_id(), EVIL_TITLE, start=TODAY - timedelta(days=3))
    sam.save_habit(evil)
    sam.set_check(Check(evil.id, "b", TODAY))
    save_appreciation(sam, make_appreciation("appreciation:evil", "b", "a", TODAY, EVIL_TITLE))
    couple.store.refresh()
    app = open_app(couple)
    written = capture(app)
    async with app.run_test(headless=False, size=(120, 40)) as pilot:
        await pilot.pause()
        line = shown_line(app)
        assert line is not None and "ticked “" in line and "thanked you for “" in line
        assert_inert(app, written)


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=IDS)
async def test_a_hostile_partners_files_leave_the_line_inert(
    couple: Couple, sam: Couple, open_app: OpenApp, case: Case
) -> None:
    """Each of issue 15's hostile partners, arrived since Alex was last here beside a tick
    of Sam's: Today opens with the line drawn inertly, x hides it, nothing crashes."""
    mark_here(couple, NOW - timedelta(days=1))
    sam.set_check(Check(habit_id(sam, "One specific"), "b", TODAY))
    sam.store.close()
    await sweep(couple, open_app, case, [("1", "x")])
