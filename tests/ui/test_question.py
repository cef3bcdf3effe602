"""The daily question in the app, over two devices sharing one folder: Sam's answer stays
out of sight until Alex has answered, the last week can still be answered, older days are
there to read, and whatever anyone typed (or a hostile file holds) is shown as typed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from textual.binding import Binding
from textual.widgets import OptionList, Static, TextArea

from tests.conftest import Couples
from tests.ui.conftest import TODAY
from tests.ui.test_writing import own_folder, read_only_after, said
from tracker.domain.content.daily import daily_text
from tracker.domain.daily.kinds import ANSWER
from tracker.domain.daily.model import MAX_ANSWER, answer_id
from tracker.store import daily as store
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.ui.app import RekindleApp
from tracker.ui.screens.daily.screen import QuestionScreen
from tracker.ui.screens.dialog_base import ConfirmDialog
from tracker.ui.screens.help import help_sections
from tracker.ui.screens.talks.forms import SlotForm

OpenApp = Callable[[Couple | None], RekindleApp]
SAMS = "The way you hum when you cook"
ALEXS = "Your laugh at breakfast"


@pytest.fixture
def sam(couple: Couple, couples: Couples) -> Couple:
    """Sam's own computer, joined to Alex's folder."""
    return couples.join(config="sam-config")


def shown(app: RekindleApp) -> str:
    """Everything the screen says, as plain text."""
    screen = app.screen
    return "\n".join(str(s.render()) for s in screen.query(Static) if s.display)


def answer_box(app: RekindleApp) -> TextArea:
    return app.screen.query_one("#answer", TextArea)


async def open_question(pilot: object, app: RekindleApp) -> QuestionScreen:
    await pilot.press("d")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, QuestionScreen)
    return app.screen


async def type_answer(pilot: object, app: RekindleApp, text: str) -> None:
    box = answer_box(app)
    box.focus()
    box.load_text(text)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_sams_answer_shows_only_once_alex_has_answered(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    key = store.question_for(sam, TODAY)
    store.answer(sam, TODAY, SAMS, TODAY)
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        today_text = shown(app)
        assert "Sam has answered today's question; yours is waiting" in today_text
        await open_question(pilot, app)
        before = shown(app)
        assert daily_text(key) in before  # the same question on both computers
        assert "Sam has answered — write yours and you'll see theirs." in before
        assert SAMS not in before
        assert app.screen.focused is answer_box(app)  # ready to type
        await pilot.press(*"Your laugh")
        await pilot.press("ctrl+s")
        await pilot.pause()
        after = shown(app)
        assert SAMS in after and answer_box(app).text == "Your laugh"
        assert store.day_view(couple, TODAY).mine is not None
        # Sam's computer sees Alex's answer too, once the folder has synced.
        sam.store.refresh()
        seen = store.day_view(sam, TODAY)
        assert seen.theirs is not None and seen.theirs.text == "Your laugh"
        await pilot.press("escape")  # saved: nothing to ask about
        await pilot.pause()
        assert "You've both answered today's question" in shown(app)


async def test_yesterday_can_be_answered_late_from_the_list_and_eight_days_back_cannot(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    yesterday, long_ago = TODAY - timedelta(days=1), TODAY - timedelta(days=8)
    store.question_for(sam, long_ago)
    store.answer(sam, long_ago, "Back then", long_ago)
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(80, 40)) as pilot:
        screen = await open_question(pilot, app)
        days = screen.query_one("#days", OptionList)
        ids = [days.get_option_at_index(i).id for i in range(days.option_count)]
        assert ids[:2] == [TODAY.isoformat(), yesterday.isoformat()]  # newest first
        days.focus()
        days.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert screen.day == yesterday and "Yesterday" in shown(app)
        await type_answer(pilot, app, "Late, but here")
        await pilot.press("ctrl+s")
        await pilot.pause()
        mine = store.day_view(couple, yesterday).mine
        assert mine is not None and mine.text == "Late, but here"
        days.focus()
        days.highlighted = ids.index(long_ago.isoformat())
        await pilot.press("enter")
        await pilot.pause()
        text = shown(app)
        assert "Answers can be added up to 7 days late" in text
        assert not answer_box(app).display  # there to read, not to write
        assert "Back then" not in text  # Alex never answered that day
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "8 days ago; answers can be added up to 7 days late" in shown(app)
        assert store.day_view(couple, long_ago).mine is None


async def test_empty_and_overlong_answers_are_refused_in_words_and_nothing_is_lost(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_question(pilot, app)
        await type_answer(pilot, app, "   \n  ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "The answer is empty; write a few words." in shown(app)
        long = "word " * 250  # 1,250 characters
        await type_answer(pilot, app, long)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert f"An answer can hold up to {MAX_ANSWER:,} characters" in shown(app)
        assert answer_box(app).text == long  # still there to shorten
        assert couple.records(ANSWER) == []
        await pilot.press("escape")  # something typed: asked first
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen) and answer_box(app).text == long


async def test_markup_and_controls_typed_are_kept_and_shown_as_typed(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    store.answer(sam, TODAY, "[b]bold?[/b] <b>tag</b> 💛", TODAY)
    couple.store.refresh()
    app = open_app(couple)
    async with app.run_test(size=(80, 30)) as pilot:
        await open_question(pilot, app)
        await type_answer(pilot, app, "[red]mine[/red] <i>x</i>\x1b[31m 🌙")
        await pilot.press("ctrl+s")
        await pilot.pause()
        mine = store.day_view(couple, TODAY).mine
        assert mine is not None and mine.text == "[red]mine[/red] <i>x</i>[31m 🌙"
        text = shown(app)
        assert "[b]bold?[/b] <b>tag</b> 💛" in text  # Sam's, literally


async def test_a_hostile_partner_answer_is_shown_literally_and_nothing_breaks(
    couple: Couple, sam: Couple, open_app: OpenApp
) -> None:
    hostile = ("[bold red]x[/] \x1b]0;owned\x07 \x00 " * 40)[:MAX_ANSWER]
    key = store.question_for(sam, TODAY)
    data = {"day": TODAY.isoformat(), "person": "b", "key": key, "text": hostile}
    sam.put_record(ANSWER, answer_id(TODAY, "b"), data, "hand-made")
    couple.store.refresh()
    store.answer(couple, TODAY, ALEXS, TODAY)
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_question(pilot, app)
        text = shown(app)
        assert "[bold red]x[/]" in text  # not restyled
        assert "\x1b" not in text and "\x07" not in text  # controls shown as symbols
        assert "␛" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "You've both answered" in shown(app)


async def test_hiding_asks_first_and_then_neither_of_you_gets_it_again(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app)
        key = screen.shown.view.key if screen.shown else None
        assert key is not None
        screen.query_one("#days").focus()
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Neither of you will be asked it again" in shown(app)
        await pilot.press("y")
        await pilot.pause()
        assert key in store.hidden(couple)
        assert store.asked_days(couple)[TODAY] == key  # the day keeps it


async def test_talk_about_this_plans_a_one_off_talk_with_the_question_as_its_prompt(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_question(pilot, app)
        key = screen.shown.view.key if screen.shown else None
        assert key is not None
        screen.query_one("#days").focus()
        await pilot.press("t")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SlotForm)
        assert form.fields.repeat == "once"
        assert form.fields.title.startswith("Talk: ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, QuestionScreen)
        planned = talks.slots(couple)
        assert len(planned) == 1 and not planned[0].repeats
        prompt = talks.week_prompt(couple, planned[0].start.date())
        assert prompt is not None and prompt.text == daily_text(key)
        # Talking about it again reuses the same prompt rather than adding a second.
        store.as_talk_prompt(couple, key, planned[0].start.date())
        assert len(talks.own_prompts(couple)) == 1


async def test_a_folder_that_refuses_writes_still_shows_the_question_and_keeps_the_answer(
    couple: Couple, open_app: OpenApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        with read_only_after(own_folder(couple), 0, monkeypatch):
            await open_question(pilot, app)
            asked = store.peek(couple, TODAY)
            assert asked is not None and daily_text(asked) in shown(app)
            await type_answer(pilot, app, ALEXS)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert any(m.startswith("Not saved:") for m in said(app)), said(app)
            assert answer_box(app).text == ALEXS  # still there for when it can be saved
        assert couple.records(ANSWER) == []


async def test_today_says_where_the_two_of_you_are_and_help_lists_the_screens_keys(
    couple: Couple, open_app: OpenApp
) -> None:
    store.answer(couple, TODAY, ALEXS, TODAY)
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "You've answered today's question; Sam hasn't yet  · d" in shown(app)
    titled = dict(help_sections(RekindleApp.BINDINGS))
    keys = {b.description for b in titled["Today's question"] if isinstance(b, Binding)}
    assert {"Save answer", "Talk about this", "Hide question"} <= keys


async def test_undo_takes_the_answer_back_and_the_box_follows(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_question(pilot, app)
        await type_answer(pilot, app, ALEXS)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.day_view(couple, TODAY).mine is not None
        screen.query_one("#days").focus()
        await pilot.press("u")
        await pilot.pause()
        assert store.day_view(couple, TODAY).mine is None
        assert answer_box(app).text == ""  # the box says what is saved: nothing
        await pilot.press("escape")  # nothing typed since: leaves without asking
        await pilot.pause()
        assert not isinstance(app.screen, (QuestionScreen, ConfirmDialog))
