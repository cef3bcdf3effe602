"""The Goals screen, driven with keys; every assertion reads the store or the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TabbedContent

from tests.ui.conftest import TODAY
from tracker.domain.goals.model import Goal, Milestone
from tracker.domain.models import US, Owner, Person, ScheduleKind
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.store.store import Store
from tracker.ui.app import RekindleApp
from tracker.ui.screens.dialog_base import FieldsDialog
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.goals.dialogs import (
    InfoDialog,
    OrderDialog,
    TalkDialog,
    ValuesDialog,
)
from tracker.ui.screens.goals.panes import RowTable
from tracker.ui.screens.habits.form import HabitForm

OpenApp = Callable[[Couple | None], RekindleApp]
SIZE = (120, 40)


async def go_to(pilot: Pilot[int], tab: str) -> None:
    """Open Goals (6), then press ] until the tab is showing."""
    await pilot.press("6")
    await pilot.pause()
    for _ in range(6):
        if pilot.app.screen.query_one("#goal-tabs", TabbedContent).active == tab:
            return
        await pilot.press("right_square_bracket")
        await pilot.pause()
    raise AssertionError(f"never reached the {tab} tab")


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*(_character_to_key(ch) for ch in text))


def shown(app: RekindleApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def table_texts(app: RekindleApp, selector: str) -> list[str]:
    table = app.screen.query_one(selector, RowTable)
    return [" ".join(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)]


async def put_cursor(pilot: Pilot[int], selector: str, kind: str, title: str) -> None:
    table = pilot.app.screen.query_one(selector, RowTable)
    for index, (found, thing) in enumerate(table.rows_shown):
        label = getattr(thing, "title", None) or getattr(thing[1], "text", "")
        if found == kind and label == title:
            table.move_cursor(row=index)
            await pilot.pause()
            return
    raise AssertionError(f"no {kind} row “{title}”")


def seed_house(couple: Couple) -> Goal:
    goal = Goal("goal:house", "Save for a house", US, "Our own place", date(2028, 1, 1))
    store.save_goal(couple, goal)
    store.save_milestone(
        couple, Milestone("milestone:goal:house:1", goal.id, "Open an account", TODAY, "b")
    )
    return goal


async def test_before_anyone_fills_anything_in_there_is_no_score_and_it_says_why(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "overview")
        text = shown(app, "#overview-text")
        assert "Alignment: no score yet" in text
        assert "Alex and Sam have not filled anything in" in text
        assert "Where to start" in text
        await go_to(pilot, "alignment")
        assert "No score yet" in shown(app, "#align-score")
        assert "(none picked yet)" in shown(app, "#align-values")


async def test_values_are_picked_written_ranked_saved_and_undone(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "alignment")
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ValuesDialog)
        await pilot.press("enter", "down", "enter")  # Family, then Security
        app.screen.query_one("#own", Input).focus()
        await type_text(pilot, "wild swimming")
        await pilot.press("enter")
        await type_text(pilot, "family")  # already there: said, and not added twice
        await pilot.press("enter")
        assert "already in your list" in shown(app, ".error")
        assert app.screen.query_one("#own", Input).value == "family"  # nothing typed is lost
        app.screen.query_one("#ranked", OptionList).focus()
        await pilot.press("end", "shift+up")  # own value up to second place
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.values_of(couple, "a") == ["family", "own:wild swimming", "security"]
        assert "1. Family · 2. wild swimming · 3. Security" in shown(app, "#align-values")
        await pilot.press("u")
        await pilot.pause()
        assert store.values_of(couple, "a") == []
        assert "(none picked yet)" in shown(app, "#align-values")


async def test_vision_is_written_beside_the_partners_and_long_text_is_kept(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_vision(couple, "b", "home", {5: "A cottage by the sea"})
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "vision")
        await pilot.press("e")  # the cursor starts on Home, 1 year
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FieldsDialog)
        assert "Sam wrote: A cottage by the sea" in " ".join(
            str(s.render()) for s in dialog.query(Static)
        )
        dialog.query_one("#y5", Input).focus()
        await type_text(pilot, "a garden ")
        dialog.query_one("#y5", Input).value += "x" * 400  # pasted, far too long
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Home in 5 years: keep it to 400 characters" in shown(app, ".error")
        assert store.vision_of(couple, "a") == {}
        assert dialog.query_one("#y5", Input).value.startswith("a garden xxx")  # kept
        dialog.query_one("#y5", Input).value = ""
        await type_text(pilot, "A [bold]cottage[/bold] with a garden")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.vision_of(couple, "a") == {("home", 5): "A [bold]cottage[/bold] with a garden"}
        rows = table_texts(app, "#vision-table")
        assert "5 years A [bold]cottage[/bold] with a garden A cottage by the sea" in rows[1]


async def test_a_difference_opens_a_question_to_talk_about(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_values(couple, "a", ["family", "adventure"])
    store.save_values(couple, "b", ["family", "security"])
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "alignment")
        assert "Alignment 78%" in shown(app, "#align-score")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TalkDialog)
        assert "Adventure: in Alex's list, not in Sam's" in shown(app, "#summary")
        assert "what does Adventure mean to you" in shown(app, "#question")
        first = shown(app, "#deck")
        assert first.startswith("Or, from Long-term vision and dreams:")
        for _ in range(5):
            await pilot.press("n")
            if shown(app, "#deck") != first:
                break
        assert shown(app, "#deck") != first
        await pilot.press("escape")
        await pilot.press("down", "enter")  # enter works too, on the next difference
        await pilot.pause()
        assert "Security" in shown(app, "#summary")


async def test_a_shared_goal_with_a_bad_date_then_a_milestone_ticked_and_undone(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        assert "No shared goals yet" in shown(app, "#shared-detail")
        await pilot.press("a")
        await type_text(pilot, "Trip to Lisbon")
        await pilot.press("tab")
        await type_text(pilot, "We met there")
        await pilot.press("tab")
        await type_text(pilot, "2027-02-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "isn't a day on the calendar" in shown(app, ".error")
        assert store.goals(couple) == []
        app.screen.query_one("#target", Input).value = "2027-02-28"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [goal] = store.goals(couple)
        assert (goal.title, goal.why, goal.target) == (
            "Trip to Lisbon",
            "We met there",
            date(2027, 2, 28),
        )
        await pilot.press("m")
        await type_text(pilot, "Book flights")
        await pilot.press("tab")
        await type_text(pilot, "2026-12-01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [step] = store.milestones(couple)
        assert (step.title, step.due, step.goal_id, step.owner) == (
            "Book flights",
            date(2026, 12, 1),
            goal.id,
            US,
        )
        await put_cursor(pilot, "#shared-table", "milestone", "Book flights")
        await pilot.press("space")
        await pilot.pause()
        [step] = store.milestones(couple)
        assert (step.done, step.done_by, step.done_on) == (True, "a", TODAY)
        assert "▰▰▰▰▰▰ 1/1" in table_texts(app, "#shared-table")[0]
        await pilot.press("u")
        await pilot.pause()
        assert not store.milestones(couple)[0].done
        assert "0/1" in table_texts(app, "#shared-table")[0]


async def test_a_goal_starts_a_monthly_habit_and_undo_takes_both_back(
    couple: Couple, open_app: OpenApp
) -> None:
    goal = seed_house(couple)
    before = {h.id for h in couple.habits()}
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HabitForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [habit] = [h for h in couple.habits() if h.id not in before]
        assert habit.title == "Save for a house"
        assert habit.schedule.kind is ScheduleKind.PER_MONTH
        assert habit.owner is Owner.TOGETHER and habit.start == TODAY
        assert store.links(couple, goal.id) == [("habit", "Save for a house")]
        assert "Started: habit “Save for a house”" in shown(app, "#shared-detail")
        await pilot.press("u")
        await pilot.pause()
        assert couple.habit(habit.id) is None
        assert store.links(couple, goal.id) == []


async def test_a_goal_plans_a_date_and_refuses_a_time_the_clocks_skip(
    couple: Couple, open_app: OpenApp
) -> None:
    goal = seed_house(couple)
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        await pilot.press("d")
        await pilot.pause()
        dialog = app.screen
        assert dialog.query_one("#day", Input).value == "2026-11-28"  # the coming Saturday
        dialog.query_one("#day", Input).value = "2027-03-28"
        dialog.query_one("#time", Input).value = "01:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "clocks go forward" in shown(app, ".error")
        assert couple.records("date") == []
        dialog.query_one("#time", Input).value = "19:30"
        await pilot.press("ctrl+s")
        await pilot.pause()
        [planned] = couple.records("date")
        assert planned.data["start"] == "2027-03-28T19:30"
        assert planned.data["status"] == "planned" and planned.data["tz"] == "Europe/London"
        assert store.links(couple, goal.id) == [("date", "Date night: Save for a house")]


async def test_deleting_a_goal_asks_first_and_undo_brings_it_back(
    couple: Couple, open_app: OpenApp
) -> None:
    seed_house(couple)
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(store.goals(couple)) == 1
        await pilot.press("x", "y")
        await pilot.pause()
        assert store.goals(couple) == [] and store.milestones(couple) == []
        await pilot.press("u")
        await pilot.pause()
        assert [g.title for g in store.goals(couple)] == ["Save for a house"]
        assert [m.title for m in store.milestones(couple)] == ["Open an account"]


async def test_own_goals_ways_to_help_and_taking_one_on(couple: Couple, open_app: OpenApp) -> None:
    sams = Goal("goal:spanish", "Learn Spanish", "b").with_action("k1", "Practise at dinner")
    store.save_goal(couple, sams)
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "mine")
        await pilot.press("a")
        await type_text(pilot, "Run a half marathon")
        await pilot.press("ctrl+s")
        await pilot.pause()
        mine = next(g for g in store.goals(couple) if g.owner == "a")
        await put_cursor(pilot, "#mine-table", "goal", "Run a half marathon")
        await pilot.press("s")
        await type_text(pilot, "Come to the finish line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.text for s in store.goal(couple, mine.id).support] == [  # type: ignore[union-attr]
            "Come to the finish line"
        ]
        # Sam's goal is Sam's to change.
        await put_cursor(pilot, "#mine-table", "goal", "Learn Spanish")
        await pilot.press("e")
        await pilot.pause()
        assert not isinstance(app.screen, FieldsDialog)
        assert store.goal(couple, sams.id) == sams
        # ...but Alex can take on a way to help, as a habit of Alex's own.
        await put_cursor(pilot, "#mine-table", "action", "Practise at dinner")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, HabitForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
        habit = next(h for h in couple.habits() if h.title == "Practise at dinner")
        assert habit.owner is Owner.A and habit.schedule.kind is ScheduleKind.PER_WEEK
        assert store.taken_on(couple) == {(sams.id, "k1"): ("a", "Practise at dinner")}
        assert any("Alex took it on" in row for row in table_texts(app, "#mine-table"))


async def test_priorities_are_ranked_for_this_month_and_the_rhythm_changes(
    couple: Couple, open_app: OpenApp
) -> None:
    store.save_review(couple, "b", date(2026, 11, 2), ["work", "our relationship"])
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "priorities")
        assert "Your review for November 2026 is open" in shown(app, "#prio-status")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, OrderDialog)
        await pilot.press("shift+down")  # "our relationship" down to second
        await pilot.press("ctrl+s")
        await pilot.pause()
        [review] = store.reviews(couple, "a")
        assert review.month == "2026-11"
        assert review.ranked[:2] == ("work", "our relationship")
        assert "How alike, month by month: Nov 2026 100%" in shown(app, "#prio-history")
        await pilot.press("f")
        await pilot.pause()
        assert store.review_every(couple) == 2
        assert "Reviewed every 2 months" in shown(app, "#prio-status")


async def test_typed_markup_is_shown_as_typed(couple: Couple, open_app: OpenApp) -> None:
    store.save_goal(couple, Goal("goal:x", "[bold]Big[/bold] [link=http://x]plan[/link]"))
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "shared")
        assert "[bold]Big[/bold] [link=http://x]plan[/link]" in table_texts(app, "#shared-table")[0]


async def test_today_lists_milestones_due(couple: Couple, open_app: OpenApp) -> None:
    seed_house(couple)
    app = open_app(couple)
    async with app.run_test(size=SIZE):
        agenda = shown(app, "#agenda")
        assert "Milestone for Sam due today: Open an account (goal: Save for a house)" in agenda


async def test_the_partners_answers_arriving_redraw_the_screen(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "alignment")
        sam_store = Store(couple.store.data_dir, "sam-laptop", {"partner": "b"})
        sam_store.load()
        store.save_values(Couple(sam_store, "b"), "b", ["humour"])
        app.check_for_changes()
        await pilot.pause()
        assert "Sam: 1. Humour" in shown(app, "#align-values")


async def test_names_that_look_like_markup_stay_literal_everywhere(
    couple: Couple, open_app: OpenApp
) -> None:
    couple.save_person(Person("b", "[red]Sam[/red]", "Europe/London", 4))
    store.save_goal(couple, Goal("goal:b", "Paint again", "b").with_action("k", "Sit for me"))
    store.save_vision(couple, "b", "home", {1: "[link=http://x]a boat[/link]"})
    app = open_app(couple)
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, "vision")
        table = app.screen.query_one("#vision-table", RowTable)
        headings = [str(column.label) for column in table.columns.values()]
        assert "[red]Sam[/red]" in headings
        assert "[link=http://x]a boat[/link]" in table_texts(app, "#vision-table")[0]
        await go_to(pilot, "mine")
        await put_cursor(pilot, "#mine-table", "goal", "Paint again")
        await pilot.press("e")  # theirs: a notice naming them, read literally
        await pilot.pause()
        assert store.goal(couple, "goal:b").title == "Paint again"  # type: ignore[union-attr]
        assert any("[red]Sam[/red]" in row for row in table_texts(app, "#mine-table"))


async def test_tab_keys_wrap_around_and_the_method_is_one_key_away(
    couple: Couple, open_app: OpenApp
) -> None:
    app = open_app(couple)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_to(pilot, "overview")
        await pilot.press("left_square_bracket")
        assert app.screen.query_one("#goal-tabs", TabbedContent).active == "priorities"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert app.screen.query_one("#goal-tabs", TabbedContent).active == "alignment"
        # On a short terminal the tab shows the method in brief; w opens all of it.
        assert "w: the whole method" in shown(app, "#align-method")
        assert app.screen.query_one("#align-method-full").display is False
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, InfoDialog)
        body = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "the same hope in different words counts as different" in body
        await pilot.press("escape")
        # Keys that belong to other tabs do nothing here.
        await pilot.press("space", "x", "m")
        assert store.goals(couple) == []
