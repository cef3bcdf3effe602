"""The Check-in screen, driven with keys: every assertion reads the store or the screen."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from rich.console import Console
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import Input, Label, Static

from tests.ui.conftest import NOW, TODAY
from tracker.domain.checkin.model import KEYS, CheckIn, make_checkin
from tracker.domain.checkin.promises import PromiseStatus, make_promise
from tracker.domain.content.prompts import Theme
from tracker.domain.content.starter import find_starter
from tracker.domain.content.strategies import PROFESSIONAL_HELP, SAFETY_LINE, strategies_for
from tracker.domain.models import Area, Person
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp, make_app
from tracker.ui.screens.checkin.dialogs import PromptDialog
from tracker.ui.screens.checkin.form import CheckinForm
from tracker.ui.screens.checkin.promises import PromisesScreen
from tracker.ui.screens.checkin.screen import CheckinScreen
from tracker.ui.screens.dialog_base import FieldsDialog

OpenApp = Callable[[Couple | None], RekindleApp]
WEEK = "2026-W48"
TRUST = Area.TRUST.value


def sam_of(couple: Couple) -> Couple:
    """Sam's own device on the same folder."""
    sam = Couple(Store(couple.store.data_dir, "sam-laptop", {"partner": "b"}), "b")
    sam.store.load()
    return sam


def rating(person: str, day: date = TODAY, value: int = 3, **overrides: int) -> CheckIn:
    ratings: dict[str, object] = {key: value for key in KEYS}
    ratings.update({k.replace("_", " "): v for k, v in overrides.items()})
    return make_checkin(person, day, ratings)


def plain(content: object) -> str:
    """The words a Static holds, whatever kind of renderable it was given."""
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    console = Console(width=200, file=io.StringIO(), color_system=None)
    with console.capture() as capture:
        console.print(content)
    return capture.get()


def shown(app: RekindleApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return plain(widget.content) if widget.display else ""


def screen_text(app: RekindleApp) -> str:
    return "\n".join(plain(w.content) for w in app.screen.query(Static) if w.display)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])


async def open_checkin(pilot: Pilot[int]) -> CheckinScreen:
    await pilot.press("5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CheckinScreen)
    return screen


async def test_checking_in_with_the_keyboard_saves_one_record_and_waits_for_sam(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "c to check in" in shown(app, "#week-line")
        await pilot.press("c")
        assert isinstance(app.screen, CheckinForm)
        # A digit rates and moves to the note; tab goes on to the next area.
        await pilot.press("4", "tab", "2")
        await type_text(pilot, "same row again")
        await pilot.press("tab", "3", "tab", "3", "tab", "5", "tab", "4", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        saved = store.checkin_for(couple, "a", WEEK)
        assert saved is not None
        assert [saved.rating(k) for k in KEYS] == [4, 2, 3, 3, 5, 4]
        assert saved.notes == {"conflict": "same row again"}
        assert "Waiting for Sam" in shown(app, "#reveal")
        assert "you've checked in" in shown(app, "#week-line")
        assert "You on unresolved conflicts: same row again" in shown(app, "#notes")
        # Weakest for now is conflict, with the library's own strategies for it.
        assert "unresolved conflicts" in shown(app, "#weakest")
        first = strategies_for(Area.CONFLICT)[0]
        assert first.text in shown(app, "#strategy-text")


async def test_the_form_refuses_blanks_and_escape_saves_nothing(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        await pilot.press("c", "3", "tab", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, CheckinForm)
        error = app.screen.query_one(".error", Static)
        assert error.display and "still blank: unresolved conflicts" in str(error.render())
        assert store.checkin_for(couple, "a", WEEK) is None
        await pilot.press("escape", "y")  # a rating was given: "Discard your changes?" Yes
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert couple.records("checkin") == []


async def test_a_second_check_in_edits_the_first_and_undo_puts_it_back(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_checkin(couple, rating("a", value=3))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        await pilot.press("c")
        form = app.screen
        assert isinstance(form, CheckinForm) and "changing what you said" in screen_text(app)
        # The form starts from what was said; change trust only.
        for _ in range(4):
            await pilot.press("tab", "tab")
        await pilot.press("right", "right", "ctrl+s")
        await pilot.pause()
        edited = store.checkin_for(couple, "a", WEEK)
        assert edited is not None and edited.rating(TRUST) == 5 and edited.rating("conflict") == 3
        assert len(couple.records("checkin")) == 1
        await pilot.press("u")
        await pilot.pause()
        back = store.checkin_for(couple, "a", WEEK)
        assert back is not None and back.rating(TRUST) == 3


async def test_sams_ratings_stay_hidden_until_alex_checks_in_then_show_with_the_gap(
    couple: Couple, open_app: OpenApp
) -> None:
    sam = sam_of(couple)
    theirs = rating("b", value=4, trust=2)
    store.save_checkin(sam, CheckIn("b", WEEK, theirs.ratings, {TRUST: "[bold]unsure[/bold]"}))
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "Sam has checked in. Theirs shows once yours is in" in shown(app, "#reveal")
        assert "hidden" in shown(app, "#ratings")
        assert "unsure" not in screen_text(app)
        await pilot.press("c", *[k for _ in KEYS for k in ("4", "tab")], "ctrl+s")
        await pilot.pause()
        assert "both checked in" in shown(app, "#reveal")
        assert "hidden" not in shown(app, "#ratings")
        assert "You see trust differently (you 4, Sam 2) — worth a talk." in shown(app, "#gaps")
        # What Sam typed is shown exactly, never as markup.
        assert "Sam on trust: [bold]unsure[/bold]" in shown(app, "#notes")


async def test_sams_check_in_arriving_by_sync_redraws_the_open_screen(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_checkin(couple, rating("a", value=4))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "Waiting for Sam" in shown(app, "#reveal")
        store.save_checkin(sam_of(couple), rating("b", value=4, quality_time=1))
        app.check_for_changes()  # what the app's poll does every two seconds
        await pilot.pause()
        assert "both checked in" in shown(app, "#reveal")
        assert "You see quality time together differently (you 4, Sam 1)" in shown(app, "#gaps")
        assert "Feeling weakest: quality time together" in shown(app, "#weakest")


async def test_the_help_card_appears_dismisses_and_stays_dismissed(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_checkin(couple, rating("a", trust=1))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_checkin(pilot)
        card = shown(app, "#help-card")
        assert "You rated trust 1 in your latest check-in." in card
        words = " ".join(card.split())  # wrapped where the card is narrower than a line
        assert PROFESSIONAL_HELP[0] in words and SAFETY_LINE in words
        # It never blocks: the rest of the screen still works underneath.
        await pilot.press("t")
        assert isinstance(app.screen, FieldsDialog)
        await pilot.press("escape", "h")
        await pilot.pause()
        assert shown(app, "#help-card") == "" and screen.triggers == []
        assert store.help_setting(couple, "a").dismissed == ("trust:a:trust:2026-W48",)
    # Opened again the same week: still dismissed.
    again = open_app(couple)
    async with again.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert shown(again, "#help-card") == ""
    # A week later, a new check-in with trust at 1 brings it back.
    next_week = make_app(couple, clock=lambda: NOW + timedelta(days=7), poll=False)
    async with next_week.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        await pilot.press("c", *[k for _ in KEYS[:4] for k in ("3", "tab")], "1", "tab", "3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "You rated trust 1" in shown(next_week, "#help-card")


async def test_help_cards_can_be_turned_off_and_on(couple: Couple, open_app: OpenApp) -> None:
    for back, value in ((14, 2), (7, 2), (0, 2)):
        store.save_checkin(couple, rating("a", TODAY - timedelta(days=back), 3, closeness=value))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "You rated overall closeness 2 or lower in your last 3" in shown(app, "#help-card")
        await pilot.press("H")
        await pilot.pause()
        assert shown(app, "#help-card") == ""
        assert store.help_setting(couple, "a").enabled is False
        await pilot.press("H")
        await pilot.pause()
        assert "overall closeness" in shown(app, "#help-card")


async def test_a_strategy_becomes_a_habit_with_one_key_and_undo_removes_it(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_checkin(couple, rating("a", value=4, quality_time=2))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        strategies = strategies_for(Area.QUALITY_TIME)
        await pilot.press("down")
        assert strategies[1].text in shown(app, "#strategy-text")
        starter = find_starter(strategies[1].starter_habit or "")
        assert starter is not None
        before = len(couple.habits())
        await pilot.press("a")
        await pilot.pause()
        added = [h for h in couple.habits() if h.title == starter.title]
        assert len(added) == 1 and added[0].start == TODAY
        assert len(couple.habits()) == before + 1
        await pilot.press("a")  # not twice
        await pilot.pause()
        assert len(couple.habits()) == before + 1
        await pilot.press("u")
        await pilot.pause()
        assert [h for h in couple.habits() if h.title == starter.title] == []


async def test_draw_a_prompt_on_the_strategys_theme(couple: Couple, open_app: OpenApp) -> None:
    store.save_checkin(couple, rating("a", value=4, conflict=1))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_checkin(pilot)
        strategy = screen.strategy()
        assert strategy is not None and strategy.prompt_theme == "repair"
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PromptDialog)
        first = dialog.prompt
        assert first is not None and first.theme is Theme.REPAIR
        assert first.text in shown(app, "#prompt-text")
        await pilot.press("n")
        assert dialog.prompt is not None and dialog.prompt.theme is Theme.REPAIR
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)


async def test_appreciations_are_noted_counted_and_shown_to_the_partner(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        await pilot.press("t", "enter")
        assert "Write the appreciation" in shown(app, ".error")
        await type_text(pilot, "the [b]tea[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert "This week: you 1, Sam 0" in shown(app, "#thanks")
    (item,) = store.appreciations(sam_of(couple))
    assert (item.by, item.to, item.text, item.day) == ("a", "b", "the [b]tea[/b]", TODAY)
    # On Sam's side, it shows as typed.
    sam_app = make_app(sam_of(couple), clock=lambda: NOW, poll=False)
    async with sam_app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "Alex, Wed 25 Nov: the [b]tea[/b]" in shown(sam_app, "#thanks")


async def test_promises_are_made_kept_and_moved_from_their_own_view(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PromisesScreen)
        await pilot.press("a")
        await type_text(pilot, "book the table")
        await pilot.press("enter")
        await type_text(pilot, "2026-02-30")
        await pilot.press("enter")
        assert "February 2026 has 28 days" in shown(app, ".error")
        assert couple.records("promise") == []
        field = app.screen.query_one("#due", Input)
        field.value = ""
        await type_text(pilot, "friday")
        await pilot.press("enter")
        await pilot.pause()
        (made,) = store.promises(couple)
        assert (made.text, made.by, made.to, made.due) == (
            "book the table",
            "a",
            "b",
            date(2026, 11, 27),
        )
        await pilot.press("r")
        await type_text(pilot, "in 7 days")
        await pilot.press("enter")
        await pilot.pause()
        (moved,) = store.promises(couple)
        assert moved.due == TODAY + timedelta(days=7)
        assert moved.status is PromiseStatus.RENEGOTIATED
        await pilot.press("k")
        await pilot.pause()
        (kept,) = store.promises(couple)
        assert kept.status is PromiseStatus.KEPT and kept.closed == TODAY
        assert "100% (1 of 1 kept)" in shown(app, "#reliability")
        await pilot.press("b")  # already settled: a note, no change
        await pilot.pause()
        assert store.promises(couple)[0].status is PromiseStatus.KEPT
        await pilot.press("u")
        await pilot.pause()
        assert store.promises(couple)[0].status is PromiseStatus.RENEGOTIATED
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert "1 open" in shown(app, "#trust")


async def test_a_repair_is_logged_with_what_will_change(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        await pilot.press("p", "l")
        await type_text(pilot, "sorry I snapped")
        await pilot.press("enter", "enter")
        assert "what will change" in shown(app, ".error")
        await type_text(pilot, "I will say when I am tired")
        await pilot.press("enter")
        await pilot.pause()
        (repair,) = store.repairs(couple)
        assert (repair.apology, repair.change) == ("sorry I snapped", "I will say when I am tired")
        assert "sorry I snapped" in shown(app, "#repairs")


async def test_earlier_weeks_show_what_was_said_and_the_future_stays_shut(
    couple: Couple, open_app: OpenApp
) -> None:
    last_week = TODAY - timedelta(days=7)
    store.save_checkin(couple, rating("a", last_week, 2))
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_checkin(pilot)
        assert "Neither of you has checked in" in shown(app, "#reveal")
        await pilot.press("left_square_bracket")
        assert "Week 47" in shown(app, "#week-line")
        assert shown(app, "#reveal") == "Sam hasn't checked in for that week."
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert "Week 48" in shown(app, "#week-line")
        # c always answers the week you are in, even from an earlier one.
        await pilot.press("left_square_bracket", "c")
        assert isinstance(app.screen, CheckinForm)
        assert "Week 48" in screen_text(app)


@pytest.mark.parametrize("who", ["a", "b"])
async def test_todays_agenda_shows_promises_due(
    couple: Couple, open_app: OpenApp, who: str
) -> None:
    writer = couple if who == "a" else sam_of(couple)
    other = "b" if who == "a" else "a"
    promise = make_promise("promise:1", "bring [red]flowers[/red]", who, other, "today", TODAY)
    store.save_promise(writer, promise, "Made a promise")
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        agenda = shown(app, "#agenda")
        whose = "your promise to Sam" if who == "a" else "Sam's promise to you"
        assert f"Due today: {whose}, “bring [red]flowers[/red]”" in agenda


async def test_a_markup_like_name_is_shown_as_typed(couple: Couple, open_app: OpenApp) -> None:
    couple.save_person(Person("b", "[b]Sam[/b]", "Europe/London", 4))
    store.save_checkin(sam_of(couple), rating("b"))
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checkin(pilot)
        assert shown(app, "#reveal").startswith("[b]Sam[/b] has checked in.")
        await pilot.press("t")
        title = app.screen.query_one(".title", Label)
        assert "([b]Sam[/b] sees it)" in plain(title.content)
