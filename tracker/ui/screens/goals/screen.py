"""Goals: values and vision side by side, where you align, shared and personal goals,
and the priorities review. Six tabs; ] and [ move between them."""

from __future__ import annotations

from typing import Any, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, OptionList, TabbedContent, TabPane

from tracker.domain.goals.alignment import METHOD
from tracker.domain.goals.model import Goal, Milestone, change_refusal
from tracker.domain.models import US
from tracker.store import goals as store
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.screens.dialogs import ConfirmDialog
from tracker.ui.screens.goals import flows
from tracker.ui.screens.goals.dialogs import InfoDialog, TalkDialog
from tracker.ui.screens.goals.lists import MinePane, PrioritiesPane, SharedPane
from tracker.ui.screens.goals.panes import (
    AlignmentPane,
    OverviewPane,
    RowTable,
    View,
    VisionPane,
    load_view,
)
from tracker.ui.screens.ordered_keys import tab_row_settled
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import one_line
from tracker.ui.widgets.nav import NavBar

# Every pane shows the one View; the union lets the checker see each has show().
Pane = OverviewPane | AlignmentPane | VisionPane | SharedPane | MinePane | PrioritiesPane
PANES: tuple[type[Pane], ...] = (
    OverviewPane,
    AlignmentPane,
    VisionPane,
    SharedPane,
    MinePane,
    PrioritiesPane,
)

TABS = (
    ("overview", "Overview"),
    ("alignment", "Alignment"),
    ("vision", "Vision"),
    ("shared", "Shared goals"),
    ("mine", "Each of us"),
    ("priorities", "Priorities"),
)
# Where each action makes sense; anywhere else its key is quiet and out of the footer.
WHERE = {
    "values": {"overview", "alignment"},
    "talk": {"alignment"},
    "method": {"overview", "alignment"},
    "vision": {"vision"},
    "add_shared": {"shared", "overview"},  # the overview lists the shared goals too
    "add_mine": {"mine"},
    "milestone": {"shared"},
    "tick": {"shared", "mine"},
    "edit": {"shared", "mine"},
    "delete": {"shared", "mine"},
    "habit": {"shared"},
    "date": {"shared"},
    "support": {"mine"},
    "take_on": {"mine"},
    "review": {"overview", "priorities"},
    "often": {"priorities"},
}
FOCUS = {
    "overview": "OverviewPane",
    "alignment": "#align-items",
    "vision": "#vision-table",
    "shared": "#shared-table",
    "mine": "#mine-table",
    "priorities": "#prio-table",
}


class GoalsScreen(RekindleScreen):
    CSS_PATH = sheet("goals.tcss")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    BINDINGS = [
        # Tabs change as the key is read (priority), the cursor with them, so keys typed
        # straight after act on the new tab (screens/ordered_keys.py).
        Binding("right_square_bracket", "tab(1)", "Next tab", id="goals.next", priority=True),
        Binding(
            "left_square_bracket",
            "tab(-1)",
            "Previous tab",
            show=False,
            id="goals.prev",
            priority=True,
        ),
        Binding("v", "values", "My values", id="goals.values"),
        Binding("t", "talk", "Talk about it", id="goals.talk"),
        Binding("w", "method", "How it works", show=False, id="goals.method"),
        Binding("e", "vision", "Write mine", id="goals.vision"),
        Binding("a", "add_shared", "Add", id="goals.add"),
        Binding("a", "add_mine", "Add", id="goals.add_mine"),
        Binding("m", "milestone", "Milestone", id="goals.milestone"),
        Binding("space", "tick", "Mark done", id="goals.tick"),
        Binding("e", "edit", "Edit", show=False, id="goals.edit"),
        Binding("x,delete", "delete", "Delete", show=False, id="goals.delete"),
        Binding("h", "habit", "A habit for it", show=False, id="goals.habit"),
        Binding("d", "date", "Plan a date", show=False, id="goals.date"),
        Binding("s", "support", "Way to help", id="goals.support"),
        Binding("t", "take_on", "Take it on", show=False, id="goals.take"),
        Binding("r", "review", "Rank mine", id="goals.review"),
        Binding("f", "often", "How often", id="goals.often"),
    ]
    HELP_EXTRA = [
        Binding("enter", "", "Talk about it (Alignment), write or edit (other tabs)"),
        Binding("space", "", "Tick a milestone, or mark a goal reached"),
    ]

    def __init__(self) -> None:
        super().__init__(id="goals")
        self.view: View | None = None

    def compose(self) -> ComposeResult:
        panes: dict[str, Any] = {
            "overview": OverviewPane(),
            "alignment": AlignmentPane(),
            "vision": VisionPane(),
            "shared": SharedPane(),
            "mine": MinePane(),
            "priorities": PrioritiesPane(),
        }
        yield Header()
        yield NavBar("goals")
        with TabbedContent(id="goal-tabs"):
            for tab, title in TABS:
                with TabPane(title, id=tab):
                    yield panes[tab]
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Goals and values"
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def on_resize(self) -> None:
        self.refresh_data()

    @property
    def tab(self) -> str:
        return self.query_one("#goal-tabs", TabbedContent).active or "overview"

    def refresh_data(self) -> None:
        couple = self.rekindle.couple
        if couple is None:
            return
        self.view = view = load_view(couple, self.rekindle.today())
        for pane in PANES:
            self.query_one(pane).show(view)

    # -- tabs ------------------------------------------------------------------

    async def action_tab(self, step: int) -> None:
        tabs = [t for t, _ in TABS]
        index = (tabs.index(self.tab) + step) % len(tabs)
        tabbed = self.query_one("#goal-tabs", TabbedContent)
        tabbed.active = tabs[index]
        self._focus_tab()  # now, not behind keys already typed
        await tab_row_settled(tabbed)

    @on(TabbedContent.TabActivated)
    def tab_shown(self) -> None:
        self._focus_tab()
        self.refresh_bindings()

    def _focus_tab(self) -> None:
        target = FOCUS.get(self.tab)
        if target:
            self.set_focus(self.query_one(target))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        where = WHERE.get(action)
        return where is None or self.tab in where

    @on(DataTable.RowHighlighted, "#shared-table")
    def shared_moved(self) -> None:
        if self.view is not None:
            self.query_one(SharedPane).show_detail(self.view)

    # -- alignment, values, vision, priorities ---------------------------------------

    def action_values(self) -> None:
        flows.edit_values(self.rekindle, self.refresh_data)

    @on(OptionList.OptionSelected, "#align-items")
    def action_talk(self) -> None:
        if self.view is None:
            return
        item = self.query_one(AlignmentPane).current(self.view)
        if item is not None:
            self.app.push_screen(TalkDialog(item, self.rekindle.today()))

    def action_method(self) -> None:
        self.app.push_screen(InfoDialog("How the alignment score is worked out", METHOD))

    @on(DataTable.RowSelected, "#vision-table")
    def action_vision(self) -> None:
        kind, where = self.query_one("#vision-table", RowTable).current()
        if kind == "area":
            flows.edit_vision(self.rekindle, where[0], self.refresh_data)

    def action_review(self) -> None:
        flows.review_priorities(self.rekindle, self.rekindle.today(), self.refresh_data)

    def action_often(self) -> None:
        flows.cycle_review_every(self.rekindle, self.refresh_data)

    # -- goals -------------------------------------------------------------------------

    def _row(self) -> tuple[str, Any]:
        selector = "#shared-table" if self.tab == "shared" else "#mine-table"
        return self.query_one(selector, RowTable).current()

    def _goal_here(self) -> Goal | None:
        kind, thing = self._row()
        if kind == "goal":
            return cast(Goal, thing)
        if kind == "milestone" and self.view is not None:
            return next((g for g in self.view.goals if g.id == thing.goal_id), None)
        if kind == "action":
            return cast(Goal, thing[0])
        return None

    def _not_theirs(self, goal: Goal) -> bool:
        """A partner's own goal is theirs to change; say so instead of doing it."""
        couple = self.rekindle.couple
        if couple is None:
            return False
        refusal = change_refusal(goal, couple.me, one_line(couple.name_of(goal.owner), 20))
        if refusal is not None:
            self.notify(refusal, markup=False)
        return refusal is not None

    def action_add_shared(self) -> None:
        flows.edit_goal(self.rekindle, US, self.refresh_data)

    def action_add_mine(self) -> None:
        couple = self.rekindle.couple
        if couple is not None:
            flows.edit_goal(self.rekindle, couple.me, self.refresh_data)

    def action_milestone(self) -> None:
        goal = self._goal_here()
        if goal is None:
            self.notify("Add a shared goal first (a); milestones go under it.")
            return
        flows.edit_milestone(self.rekindle, goal, self.refresh_data)

    def action_tick(self) -> None:
        kind, thing = self._row()
        if kind == "milestone":
            flows.tick_milestone(self.rekindle, thing, self.refresh_data)
        elif kind == "goal" and not self._not_theirs(thing):
            flows.toggle_reached(self.rekindle, thing, self.refresh_data)

    @on(DataTable.RowSelected, "#shared-table")
    @on(DataTable.RowSelected, "#mine-table")
    def selected(self) -> None:
        kind, thing = self._row()
        couple = self.rekindle.couple
        if kind == "action" and couple is not None and thing[0].owner == couple.partner_key:
            self.action_take_on()
        else:
            self.action_edit()

    def action_edit(self) -> None:
        kind, thing = self._row()
        if kind == "goal" and not self._not_theirs(thing):
            flows.edit_goal(self.rekindle, thing.owner, self.refresh_data, thing)
        elif kind == "milestone":
            goal = self._goal_here()
            if goal is not None:
                flows.edit_milestone(self.rekindle, goal, self.refresh_data, thing)
        elif kind == "action" and not self._not_theirs(thing[0]):
            self.notify("To change a way to help, take it out with x and add it again with s.")

    def action_delete(self) -> None:
        kind, thing = self._row()
        couple = self.rekindle.couple
        if couple is None:
            return
        if kind == "milestone":
            milestone = cast(Milestone, thing)
            self.write(
                lambda: store.delete_milestone(couple, milestone),
                flows.undoable(f"Deleted “{one_line(milestone.title, 40)}”"),
            )
        elif kind == "action" and not self._not_theirs(thing[0]):
            goal, action = thing
            self.write(
                lambda: [store.save_goal(couple, goal.without_action(action.key))],
                flows.undoable("Took out that way to help"),
            )
        elif kind == "goal" and not self._not_theirs(thing):
            self._confirm_delete(thing)

    def _confirm_delete(self, goal: Goal) -> None:
        couple = self.rekindle.couple
        assert couple is not None

        def answered(yes: bool | None) -> None:
            if yes:
                self.write(
                    lambda: store.delete_goal(couple, goal.id),
                    flows.undoable(f"Deleted “{one_line(goal.title, 40)}”"),
                )

        question = (
            f"Delete “{one_line(goal.title, 50)}” and its milestones? Habits and dates it "
            "started stay, and u brings it all back."
        )
        self.app.push_screen(ConfirmDialog(question, "Delete"), answered)

    def action_habit(self) -> None:
        goal = self._goal_here()
        if goal is not None:
            flows.habit_from_goal(self.rekindle, goal, self.refresh_data)

    def action_date(self) -> None:
        goal = self._goal_here()
        if goal is not None:
            flows.date_from_goal(self.rekindle, goal, self.refresh_data)

    def action_support(self) -> None:
        goal = self._goal_here()
        couple = self.rekindle.couple
        if goal is None or couple is None or goal.owner != couple.me:
            self.notify("Put the cursor on one of your own goals, then s adds a way to help.")
            return
        flows.add_support(self.rekindle, goal, self.refresh_data)

    def action_take_on(self) -> None:
        kind, thing = self._row()
        couple = self.rekindle.couple
        if kind != "action" or couple is None or thing[0].owner != couple.partner_key:
            self.notify("Put the cursor on one of your partner's ways to help, then t takes it on.")
            return
        flows.take_on(self.rekindle, thing[0], thing[1], self.refresh_data)
