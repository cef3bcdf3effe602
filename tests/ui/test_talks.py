"""The Talks screen, driven with keys; every assertion reads the store or the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, OptionList, Static, TextArea

from tests.conftest import Couples, RunHere
from tests.ui.conftest import NOW, TODAY
from tracker.domain.content.coach import ACTIVE_LISTENING
from tracker.domain.content.prompts import find_prompt
from tracker.domain.talks.model import Slot, Status, plan_slot
from tracker.domain.talks.schedule import Freq, Repeat
from tracker.store import talks
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.talks.coach import IStatementForm, TalkNowScreen
from tracker.ui.screens.talks.forms import LogForm, MoveForm, SlotForm

OpenApp = Callable[[Couple | None], RekindleApp]
LONDON = "Europe/London"


def sunday_talk(couple: Couple, title: str = "Sunday talk") -> Slot:
    """Every Sunday at 20:00 since 1 November: two recent ones not logged yet."""
    slot = plan_slot(
        Couple.new_id(talks.SLOT),
        title,
        Repeat(Freq.WEEKLY),
        date(2026, 11, 1),
        time(20),
        45,
        LONDON,
        datetime(2026, 10, 30, tzinfo=UTC),
    )
    talks.save_slot(couple, slot, "Planned")
    return slot


def shown(app: RekindleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def rows(app: RekindleApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector, DataTable)
    return [" | ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def open_talks(pilot: Pilot[int]) -> None:
    await pilot.press("3")
    await pilot.pause()


def fill(app: RekindleApp, **values: str) -> None:
    for name, value in values.items():
        widget = app.screen.query_one(f"#{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            assert isinstance(widget, Input)
            widget.value = value


def reread(couple: Couple) -> Store:
    store = Store(couple.store.data_dir, "reader")
    store.load()
    return store


async def test_planning_a_sunday_talk_shows_the_countdown(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        assert "No time set aside to talk yet" in shown(app, "#next")
        await pilot.press("a")
        assert isinstance(app.screen, SlotForm)
        # The form starts on the coming Sunday at 20:00 for 45 minutes.
        assert app.screen.query_one("#day", Input).value == "2026-11-29"
        await pilot.press(*"Sunday", "ctrl+s")
        await pilot.pause()
        (slot,) = talks.slots(couple)
        assert (slot.title, slot.rule, slot.start) == (
            "Sunday",
            "FREQ=WEEKLY;BYDAY=SU",
            datetime(2026, 11, 29, 20),
        )
        assert reread(couple).get(slot.id) is not None
        assert "Next talk: Sunday · in 4 days, Sunday at 20:00" in shown(app, "#next")
        assert "Every Sunday at 20:00 for 45 min" in shown(app, "#next")
        assert rows(app, "#coming-table")[0] == "Sun 29 Nov 20:00 | Sunday | in 4 days"


async def test_an_impossible_day_is_explained_and_nothing_is_saved(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("a")
        fill(app, day="2027-02-30")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SlotForm)
        assert "February 2027 has no 30th" in shown(app, ".error")
        fill(app, day="2026-11-20")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # A repeat whose first day has gone starts at its next meeting instead.
        (slot,) = talks.slots(couple)
        assert slot.start == datetime(2026, 11, 27, 20)
        await pilot.press("a")
        fill(app, minutes="0")
        await pilot.press("ctrl+s")
        assert "5 to 480 minutes" in shown(app, ".error")
        await pilot.press("escape")
        assert len(talks.slots(couple)) == 1


async def test_logging_a_talk_writes_my_notes_and_follow_ups(
    couple: Couple, open_app: OpenApp
) -> None:
    slot = sunday_talk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        assert rows(app, "#coming-table")[:2] == [
            "Sun 15 Nov 20:00 | Sunday talk | not logged yet",
            "Sun 22 Nov 20:00 | Sunday talk | not logged yet",
        ]
        await pilot.press("down", "enter")
        assert isinstance(app.screen, LogForm)
        fill(
            app,
            topic="[bold]Money[/bold]",
            heard="Work has been heavy",
            agreed="A budget night",
            followups="Look at the budget\n\nBook a walk",
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        (entry,) = talks.log(couple)
        assert entry.day == date(2026, 11, 22) and entry.occurrence.status is Status.HELD
        note = entry.notes["a"]
        assert (note.topic, note.heard, note.agreed) == (
            "[bold]Money[/bold]",
            "Work has been heavy",
            "A budget night",
        )
        assert sorted(f.text for f in entry.followups) == ["Book a walk", "Look at the budget"]
        assert reread(couple).get(f"talknote:{slot.id}:2026-11-22:a") is not None
        # It left the list of what's coming, and the log shows it, markup as typed.
        assert all("22 Nov" not in row for row in rows(app, "#coming-table"))
        await pilot.press("right_square_bracket")
        assert rows(app, "#log-table") == ["Sun 22 Nov | Sunday talk | [bold]Money[/bold]"]
        detail = shown(app, "#log-detail")
        assert "Alex heard: Work has been heavy" in detail and "→ Book a walk" in detail
        # One undo takes the whole log back.
        await pilot.press("u")
        await pilot.pause()
        assert talks.log(couple) == [] and talks.followups(couple) == []


async def test_an_enormous_note_is_refused_in_the_form(couple: Couple, open_app: OpenApp) -> None:
    sunday_talk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("l")
        fill(app, heard="x" * 2001)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, LogForm)
        assert "2,000 characters" in shown(app, ".error")
        await pilot.press("escape")
        assert talks.log(couple) == []


async def test_r_draws_this_weeks_prompt_and_another_one_next_time(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        assert "none drawn yet" in shown(app, "#week-prompt")
        await pilot.press("r")
        first = talks.week_prompt(couple, TODAY)
        assert first is not None and first.text in shown(app, "#week-prompt")
        await pilot.press("r")
        second = talks.week_prompt(couple, TODAY)
        assert second is not None and second.key != first.key
        assert second.text in shown(app, "#week-prompt")
        assert set(talks.recently_used(couple)) == {first.key, second.key}


async def test_skipping_and_moving_one_talk(couple: Couple, open_app: OpenApp) -> None:
    slot = sunday_talk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("down", "down", "s")  # Sunday 29 November
        assert talks.occurrence(couple, slot.id, date(2026, 11, 29)).status is Status.SKIPPED
        assert rows(app, "#coming-table")[2].endswith("| skipped")
        assert "in 11 days" in shown(app, "#next")  # the next one now is 6 December
        await pilot.press("s")
        assert talks.occurrence(couple, slot.id, date(2026, 11, 29)).status is Status.PLANNED
        await pilot.press("m")
        assert isinstance(app.screen, MoveForm)
        fill(app, day="2026-11-25", at="19:00")  # an hour ago
        await pilot.press("ctrl+s")
        assert "has already gone" in shown(app, ".error")
        fill(app, day="2026-11-30", at="19:30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        moved = talks.occurrence(couple, slot.id, date(2026, 11, 29))
        assert moved.moved_to == datetime(2026, 11, 30, 19, 30)
        assert "moved from Sun 29 Nov" in rows(app, "#coming-table")[2]


async def test_favourite_and_hide_on_the_prompts_tab(couple: Couple, open_app: OpenApp) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        listing = app.screen.query_one("#prompt-list", OptionList)
        assert listing.has_focus
        key = app.screen.current_prompt_key()  # type: ignore[attr-defined]
        assert key is not None
        await pilot.press("f")
        assert talks.prefs(couple)["a"][key].favourite
        # The cursor stays on the same prompt though a favourites group appeared above it.
        assert app.screen.current_prompt_key() == key  # type: ignore[attr-defined]
        await pilot.press("h")
        assert talks.prefs(couple)["a"][key].hidden
        prompt = find_prompt(key)
        assert prompt is not None
        for _ in range(25):
            drawn, _changes = talks.draw(couple, TODAY, theme=prompt.theme)
            assert drawn is not None and drawn.key != key
        await pilot.press("down", "enter")  # use the next one as this week's
        chosen = app.screen.current_prompt_key()  # type: ignore[attr-defined]
        week = talks.week_prompt(couple, TODAY)
        assert week is not None and week.key == chosen


async def test_the_i_statement_helper_builds_a_sentence_and_flags_blame_gently(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        before = dict(couple.store.state)
        await pilot.press("i")
        assert isinstance(app.screen, IStatementForm)
        assert "Start with how you feel" in shown(app, "#i-sentence")
        await pilot.press(*"lonely")
        fill(
            app,
            situation="you always work late",
            need="time together",
            request="[red]eat with me[/red] on Fridays",
        )
        await pilot.pause()
        sentence = shown(app, "#i-sentence")
        assert sentence == (
            "I feel lonely when you always work late, because I need time together. "
            "Would you [red]eat with me[/red] on Fridays?"
        )
        flags = shown(app, "#i-flags")
        assert "“you always”" in flags and "Absolutes tend to start a defence" in flags
        fill(app, situation="work runs late")
        await pilot.pause()
        assert shown(app, "#i-flags") == ""
        await pilot.press("escape")
        assert not isinstance(app.screen, IStatementForm)
        assert couple.store.state == before  # a helper: nothing is saved


async def test_talk_now_shows_the_listening_guide_and_leads_to_the_log(
    couple: Couple, open_app: OpenApp
) -> None:
    sunday_talk(couple)
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("down", "down", "t")
        assert isinstance(app.screen, TalkNowScreen)
        guide = shown(app, "#now-guide")
        assert ACTIVE_LISTENING[0] in guide and "Appreciations first" in guide
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LogForm)
        assert "Sunday 29 November" in str(app.screen.query_one(".title", Static).render())


async def test_a_follow_up_becomes_a_promise_from_the_log(
    couple: Couple, open_app: OpenApp
) -> None:
    slot = sunday_talk(couple)
    talks.log_talk(couple, slot.id, date(2026, 11, 22), followups=["Cook on Friday"])
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("right_square_bracket", "o", "p")
        fill(app, due="2026-11-27")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (promise,) = couple.records("promise")
        assert dict(promise.data) == {
            "text": "Cook on Friday",
            "by": "a",
            "to": "b",
            "due": "2026-11-27",
            "status": "open",
            "made": "2026-11-25",
        }
        assert "(now a promise)" in shown(app, "#log-detail")


async def test_today_shows_a_talk_due_tonight(couple: Couple, open_app: OpenApp) -> None:
    tonight = plan_slot(
        Couple.new_id(talks.SLOT),
        "[i]Catch-up[/i]",
        Repeat(Freq.ONCE),
        TODAY,
        time(21),
        30,
        LONDON,
        NOW,
    )
    talks.save_slot(couple, tonight, "Planned")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "Talk at 21:00, 30 min: [i]Catch-up[/i]" in shown(app, "#agenda")
        await open_talks(pilot)
        assert "tonight at 21:00" in shown(app, "#next")
        assert "[i]Catch-up[/i]" in shown(app, "#next")


async def test_editing_the_time_keeps_the_past_and_ending_asks_first(
    couple: Couple, open_app: OpenApp
) -> None:
    slot = sunday_talk(couple)
    talks.log_talk(couple, slot.id, date(2026, 11, 22), topic="Kept")
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("e")
        assert isinstance(app.screen, SlotForm)
        # The form starts from the meeting under the cursor, the next one not logged.
        assert app.screen.query_one("#day", Input).value == "2026-11-15"
        fill(app, title="Saturday talk", day="2026-11-28", at="18:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        old, new = sorted(talks.slots(couple), key=lambda s: s.title != "Sunday talk")
        assert "UNTIL=" in old.rule and old.revision == 1
        assert (new.title, new.start) == ("Saturday talk", datetime(2026, 11, 28, 18))
        assert [e.first("topic", "a") for e in talks.log(couple)] == ["Kept"]
        assert "Next talk: Saturday talk · in 3 days" in shown(app, "#next")
        # x asks before stopping anything; n keeps it.
        table = app.screen.query_one("#coming-table", DataTable)
        table.move_cursor(
            row=[r.startswith("Sat 28") for r in rows(app, "#coming-table")].index(True)
        )
        await pilot.press("x", "n")
        assert not talks.slot(couple, new.id).cancelled  # type: ignore[union-attr]
        await pilot.press("x", "y")
        await pilot.pause()
        assert talks.slot(couple, new.id).cancelled  # type: ignore[union-attr]
        assert "No time set aside to talk yet" in shown(app, "#next")
        await pilot.press("u")
        await pilot.pause()
        assert not talks.slot(couple, new.id).cancelled  # type: ignore[union-attr]


async def test_writing_our_own_prompt_and_a_habit_from_a_follow_up(
    couple: Couple, open_app: OpenApp
) -> None:
    slot = sunday_talk(couple)
    talks.log_talk(couple, slot.id, date(2026, 11, 22), followups=["Walk on Saturdays"])
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "n")
        await pilot.press("ctrl+s")
        assert "The prompt is empty" in shown(app, ".error")
        fill(app, text="What made you laugh [b]today[/b]?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (own,) = talks.own_prompts(couple)
        assert own.text == "What made you laugh [b]today[/b]?"
        listing = app.screen.query_one("#prompt-list", OptionList)
        texts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any("What made you laugh [b]today[/b]?" in t and "yours" in t for t in texts)
        await pilot.press("left_square_bracket", "o", "b")
        await pilot.pause()
        assert app.screen.query_one("#title", Input).value == "Walk on Saturdays"
        await pilot.press("ctrl+s")
        await pilot.pause()
        (habit,) = [h for h in couple.habits() if h.title == "Walk on Saturdays"]
        assert habit.owner.value == "together"
        assert talks.followups(couple)[0].became == habit.id
        assert "(now a habit)" in shown(app, "#log-detail")


async def test_a_follow_up_made_a_habit_by_the_cli_shows_in_the_app(
    couple: Couple, couples: Couples, open_app: OpenApp, rekindle_here: RunHere
) -> None:
    """`rekindle talk followup N --habit` does what o, b does in the app's Talks log."""
    slot = sunday_talk(couple)
    talks.log_talk(couple, slot.id, date(2026, 11, 22), followups=["Walk [b]on[/b] Saturdays"])
    talks.log_talk(couple, slot.id, date(2026, 11, 15), followups=["Cook on Friday"])
    config = couples.tmp_path / "config"
    couple.store.close()
    listed = rekindle_here(config, "talk", "followup").ok()
    assert listed.splitlines() == [
        "1. Cook on Friday  (Sunday 15 November)",
        "2. Walk [b]on[/b] Saturdays  (Sunday 22 November)",
    ]
    missed = rekindle_here(config, "talk", "followup", "walk on saturday", "--habit").refused()
    assert missed.endswith("Did you mean “Walk [b]on[/b] Saturdays”?")
    said = rekindle_here(config, "talk", "followup", "2", "--habit").ok()
    assert said == "Made “Walk [b]on[/b] Saturdays” a habit the two of you do once a week.\n"
    assert "Walk" not in rekindle_here(config, "talk", "followup").ok()
    again = _reopened(config)
    (habit,) = [h for h in again.habits() if h.title == "Walk [b]on[/b] Saturdays"]
    assert habit.owner.value == "together" and habit.schedule.times == 1
    app = open_app(again)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert "(now a habit)" in shown(app, "#log-detail")
    again.store.close()


async def test_a_follow_up_made_a_habit_in_the_app_shows_in_the_cli(
    couple: Couple, couples: Couples, open_app: OpenApp, rekindle_here: RunHere
) -> None:
    slot = sunday_talk(couple)
    talks.log_talk(couple, slot.id, date(2026, 11, 22), followups=["Walk on Saturdays"])
    app = open_app(couple)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_talks(pilot)
        await pilot.press("right_square_bracket", "o", "b")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
    couple.store.close()
    config = couples.tmp_path / "config"
    assert rekindle_here(config, "talk", "followup").ok().startswith("No follow-ups waiting.")
    assert "Walk on Saturdays" in rekindle_here(config, "habits").ok()
    refused = rekindle_here(config, "talk", "followup", "walk", "--habit").refused()
    assert "No follow-up waiting called “walk”" in refused


def _reopened(config: Path) -> Couple:
    """The couple as the app would open it after the command ran: a fresh start."""
    loaded = load_config()
    assert loaded is not None and config.exists()
    return Couple.open(loaded)
