"""Love maps on screen: m on Today opens a round; Alex answers about himself and guesses
Sam's answers; Sam's side stays out of view until both are in, then both show side by
side, and each marks the guess about themself. Two devices over one folder: Sam writes
on Sam's own computer, and Alex's open app picks it up as the poll would."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.conftest import Couples
from tests.rekindle_cli import use_config
from tests.ui.conftest import TODAY
from tests.ui.screen_text import screen_lines, words
from tests.ui.test_footer_fit import assert_fits
from tests.ui.test_onboarding_and_help import plain
from tests.voice import banned_words_in
from tracker.domain.lovemap.kinds import ANSWER, GUESS, ROUND
from tracker.domain.lovemap.model import MAX_TEXT, Answer, Guess, RoundStart, Verdict
from tracker.store import lovemap as store
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialog_base import ConfirmDialog, FieldsDialog
from tracker.ui.screens.lovemap import view
from tracker.ui.screens.lovemap.dialog import NOTHING_TYPED
from tracker.ui.screens.lovemap.screen import LoveMapScreen

OpenApp = Callable[[Couple | None], RekindleApp]
SIZE = (120, 40)


@pytest.fixture
def sam(couple: Couple, couples: Couples, monkeypatch: pytest.MonkeyPatch) -> Couple:
    """Sam's own computer on the couple's folder; the tests then go on as Alex."""
    joined = couples.join(config="sam-config")
    use_config(monkeypatch, couples.tmp_path / "config")
    return joined


def text_of(app: RekindleApp) -> str:
    """The screen as drawn, its lines joined: what a person would read."""
    return words(" ".join(screen_lines(app)))


def first_key(couple: Couple) -> str:
    found = store.current_round(couple)
    assert found is not None
    return found.items[0].key


def item(couple: Couple, key: str) -> store.ItemView:
    found = store.current_round(couple)
    assert found is not None
    return next(one for one in found.items if one.key == key)


async def open_round(pilot: Pilot[None]) -> LoveMapScreen:
    """Open love maps from Today and start the first round, as a person would."""
    await pilot.press("m")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LoveMapScreen)
    await pilot.press("s")
    await pilot.pause()
    return screen


async def write_first(pilot: Pilot[None], answer: str, guess: str) -> None:
    """Enter on the first question, the answer, enter, the guess, enter."""
    await pilot.press("home", "enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, FieldsDialog)
    await pilot.press(*answer, "enter", *guess, "enter")
    await pilot.pause()


def sam_writes(sam: Couple, key: str, *, answer: str = "", guess: str = "") -> None:
    sam.store.refresh()  # Alex's round, as it arrives on Sam's computer
    n = store.current_round(sam)
    assert n is not None
    if answer:
        store.answer(sam, n.n, key, answer)
    if guess:
        store.guess(sam, n.n, key, guess)


async def arrives(app: RekindleApp, pilot: Pilot[None]) -> None:
    app.check_for_changes()  # what the app's poll does every two seconds
    await pilot.pause()


async def test_the_first_visit_says_what_the_game_is(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, LoveMapScreen)
        intro = plain(app.screen.query_one("#intro", Static).content)
        assert "a game of curiosity, not a test" in " ".join(intro.split())
        assert "side by side once both are in" in " ".join(intro.split())
        assert "Press s to start your first round." in intro
        privacy = " ".join(plain(app.screen.query_one("#privacy", Static).content).split())
        assert "files in your shared folder can be read by either of you" in privacy
        assert not app.screen.query_one("#questions", OptionList).display
        assert "esc" in assert_fits(app.screen, 80)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "today"


def test_the_screens_own_words_keep_our_voice() -> None:
    said = " ".join(
        (view.INTRO, view.HOW_IT_SHOWS, view.START, view.PRIVACY, view.KEYS_HINT, NOTHING_TYPED)
    ).lower()
    assert banned_words_in(said) == []


async def test_sams_side_stays_hidden_until_both_are_in_then_shows_side_by_side(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        shown = text_of(app)
        assert "You: not answered yet · Sam hasn't guessed yet" in shown
        assert "Your guess about Sam: not yet · Sam hasn't answered yet" in shown

        sam_writes(sam, key, answer="Winter by the fire", guess="Autumn, surely")
        await arrives(app, pilot)
        shown = text_of(app)
        assert "You: not answered yet · Sam has guessed" in shown
        assert "Your guess about Sam: not yet · Sam has answered" in shown
        # Alex sees that Sam answered and guessed, never what, until Alex is in too.
        assert "Winter by the fire" not in shown and "Autumn, surely" not in shown

        await write_first(pilot, "Autumn", "")  # the answer now, the guess later
        assert item(couple, key).my_answer == "Autumn"
        assert app._notifications and list(app._notifications)[-1].message == (
            "Saved: side by side now."
        )
        shown = text_of(app)
        assert "You said “Autumn” · Sam guessed “Autumn, surely”" in shown
        assert "Winter by the fire" not in shown  # Alex's guess isn't in yet

        await write_first(pilot, "", "Spring")
        mine = item(couple, key)
        assert (mine.my_answer, mine.my_guess) == ("Autumn", "Spring")
        shown = text_of(app)
        assert "Sam said “Winter by the fire” · you guessed “Spring”" in shown
        assert "Sam hasn't marked it yet" in shown
        assert "2 of 10 answers side by side" in shown


async def test_what_alex_wrote_shows_before_sam_is_in(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        await write_first(pilot, "Autumn", "Spring")
        said = list(app._notifications)[-1].message
        assert said == "Saved. Sam sees it once you've both answered."
        shown = text_of(app)
        assert "You said “Autumn” · Sam hasn't guessed yet" in shown
        assert "You guessed Sam would say “Spring” · Sam hasn't answered yet" in shown


async def test_the_verdict_keys_mark_sams_guess_and_the_score_is_for_both(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(pilot)
        key = first_key(couple)
        await pilot.press("r")  # nothing to mark yet: a sentence, nothing saved
        await pilot.pause()
        assert item(couple, key).my_verdict is None
        assert any("Answer this one about yourself first" in n.message for n in app._notifications)
        await write_first(pilot, "Autumn", "Spring")
        sam_writes(sam, key, answer="Winter", guess="Autumn")
        await arrives(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert item(couple, key).my_verdict is Verdict.CLOSE
        await pilot.press("r")  # changed its mind: right after all
        await pilot.pause()
        assert item(couple, key).my_verdict is Verdict.RIGHT
        assert "you marked it right" in text_of(app)

        sam.store.refresh()
        assert item(sam, key).their_verdict is Verdict.RIGHT  # Sam sees Alex's mark
        store.mark(sam, 1, key, Verdict.WRONG)
        await arrives(app, pilot)
        assert "Sam marked it wrong" in text_of(app)
        score = plain(screen.query_one("#score", Static).content).strip()
        assert score == "You've known each other's answers 1 time out of 2: 1 right, 0 close."
        assert "Alex" not in score and "Sam" not in score  # the couple's, never a ranking
        await pilot.press("u")  # the last mark on this computer, taken back
        await pilot.pause()
        assert item(couple, key).my_verdict is Verdict.CLOSE


@pytest.mark.parametrize(
    ("typed", "sentence"),
    [
        ("", NOTHING_TYPED),
        ("x" * (MAX_TEXT + 1), f"Keep the answer to {MAX_TEXT} characters or fewer"),
    ],
    ids=["empty", "over-the-limit"],
)
async def test_bad_input_says_why_and_keeps_what_was_typed(
    couple: Couple, open_app: OpenApp, typed: str, sentence: str
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FieldsDialog)
        dialog.query_one("#answer", Input).value = typed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # still open
        error = dialog.query_one(".error", Static)
        assert error.display and sentence in plain(error.content)
        assert dialog.query_one("#answer", Input).value == typed
    found = store.current_round(couple)
    assert found is not None and all(one.my_answer is None for one in found.items)


async def test_markup_typed_is_kept_and_shown_as_typed(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        await write_first(pilot, "[b]tea[/b]", "[red]coffee")
        assert item(couple, key).my_answer == "[b]tea[/b]"
        shown = text_of(app)
        assert "You said “[b]tea[/b]”" in shown
        assert "You guessed Sam would say “[red]coffee”" in shown


async def test_a_hostile_partner_entry_shows_literally(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    """Sam's file written by hand, past the app's cleaning: markup, an escape, a long line."""
    started = store.start_round(couple, TODAY)
    assert started
    key = first_key(couple)
    store.answer(couple, 1, key, "Tea")
    store.guess(couple, 1, key, "Rain")
    evil = "[b]Rain[/b]\x1b]0;pwned\x07" + "and so on " * 18
    theirs = Answer(1, "b", key, evil[:MAX_TEXT])
    sam.put_record(ANSWER, theirs.id, theirs.to_data(), "Answered")
    guessed = Guess(1, "b", key, "[link=http://x]Tea[/link]")
    sam.put_record(GUESS, guessed.id, guessed.to_data(), "Guessed")
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        lines = screen_lines(app)
        shown = words(" ".join(lines))
        assert "Sam said “[b]Rain[/b]␛]0;pwned␇and so on" in shown
        assert "Sam guessed “[link=http://x]Tea[/link]”" in shown
        assert not any("\x1b" in line or "\x07" in line for line in lines)
        assert all(len(line) <= SIZE[0] for line in lines)


async def test_a_new_round_waits_for_the_open_one_and_says_why(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        await pilot.press("s")
        await pilot.pause()
        assert any("Round 1 is still open" in n.message for n in app._notifications)
        assert len(store.rounds(couple)) == 1


async def test_earlier_rounds_are_a_key_away(couple: Couple, open_app: OpenApp) -> None:
    from datetime import timedelta

    store.start_round(couple, TODAY - timedelta(days=20))  # open, but old enough to move on
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_round(pilot)
        line = screen.query_one("#round-line", Static)
        assert plain(line.content).startswith("Round 2 · started Wednesday 25 November")
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Round 1 · started Thursday 5 November" in plain(line.content)
        assert "an earlier round" in plain(line.content)
        await pilot.press("left_square_bracket")  # there is none before it
        await pilot.pause()
        assert any("This is the first round." in n.message for n in app._notifications)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert plain(line.content).startswith("Round 2")


async def test_hiding_a_question_asks_first(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert key not in store.hidden(couple)
        await pilot.press("h", "y")
        await pilot.pause()
        assert key in store.hidden(couple)
        found = store.current_round(couple)
        assert found is not None and key not in [one.key for one in found.items]


async def test_the_palette_opens_it_from_another_screen(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        commands["Love maps: how well do you know me"].callback()
        await pilot.pause()
        assert isinstance(app.screen, LoveMapScreen)
        assert app.current_mode == "today"
        commands["Love maps: how well do you know me"].callback()  # again: still one
        await pilot.pause()
        assert sum(isinstance(s, LoveMapScreen) for s in app.screen_stack) == 1


async def test_the_help_page_lists_its_keys_under_today(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 60)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = "\n".join(plain(s.content) for s in app.screen.query(Static))
        today = shown[shown.index("\nToday\n") : shown.index("\nHabits\n")]
        assert "Love maps" in today
        section = shown.split("\nLove maps: how well do you know me\n")[1].split("\n\n")[0]
        for words_there in ("New round", "Hide question", "Guess right", "Earlier round"):
            assert words_there in section


async def test_emoji_are_kept_whole(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FieldsDialog)
        dialog.query_one("#answer", Input).value = "Rain 🌧️ and tea ☕"  # as pasted
        dialog.query_one("#guess", Input).value = "👨‍👩‍👧 time"
        await pilot.press("ctrl+s")
        await pilot.pause()
        mine = item(couple, key)
        assert (mine.my_answer, mine.my_guess) == ("Rain 🌧️ and tea ☕", "👨‍👩‍👧 time")
        assert "You said “Rain 🌧️ and tea ☕”" in text_of(app)


async def test_escape_on_a_typed_answer_asks_before_losing_it(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        await pilot.press("enter", *"Rainy Sundays")
        await pilot.pause()
        dialog = app.screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is dialog
        assert dialog.query_one("#answer", Input).value == "Rainy Sundays"


async def test_once_both_ways_are_in_the_words_stay_and_enter_says_so(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        await write_first(pilot, "Autumn", "")
        sam_writes(sam, key, answer="Winter", guess="Autumn")
        await arrives(app, pilot)
        # Alex's answer is side by side now: only the guess is left to write.
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FieldsDialog)
        assert not dialog.query("#answer") and dialog.query("#guess")
        await pilot.press(*"Snow", "enter")
        await pilot.pause()
        assert item(couple, key).my_guess == "Snow"
        await pilot.press("enter")  # both ways in: nothing left to write
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        assert any("they stay as they were said" in n.message for n in app._notifications)
    assert item(couple, key).my_answer == "Autumn"


async def test_a_question_from_a_newer_version_is_named_plainly(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    """Sam's newer Rekindle started a round with a question this one doesn't know."""
    start = RoundStart(1, TODAY, "b", ("lovemap-999", "lovemap-001"), "sam-newer")
    sam.put_record(ROUND, start.id, start.to_data(), "Started love-map round 1")
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("m")
        await pilot.pause()
        shown = text_of(app)
        assert "1. A question this version of Rekindle doesn't know yet" in shown
        await pilot.press("home", "h", "y")  # it can't be hidden here: a sentence says so
        await pilot.pause()
        assert any("no such question" in n.message for n in app._notifications)


async def test_what_arrives_while_away_shows_on_coming_back(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await open_round(pilot)
        key = first_key(couple)
        await pilot.press("2")  # off to Habits
        await pilot.pause()
        sam_writes(sam, key, answer="Winter")
        app.check_for_changes()  # the poll, while Habits is open
        await pilot.press("1")  # back: Today's stack still has love maps on top
        await pilot.pause()
        assert isinstance(app.screen, LoveMapScreen)
        assert "Your guess about Sam: not yet · Sam has answered" in text_of(app)
