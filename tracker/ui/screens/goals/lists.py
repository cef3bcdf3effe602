"""The Goals screen's list tabs: shared goals, each of us, and the priorities review."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tracker.domain.content.values import LIFE_PRIORITIES
from tracker.domain.goals.alignment import percent
from tracker.domain.goals.model import (
    Goal,
    Milestone,
    SupportAction,
    due_text,
    ordered,
    progress,
    progress_bar,
)
from tracker.domain.goals.priorities import (
    Review,
    drift,
    latest,
    month_label,
    move_text,
    moves,
    review_due,
)
from tracker.store import goals as store
from tracker.ui.screens.goals.panes import RowTable, View, every_text, width_of
from tracker.ui.widgets.literal import literal, one_line

# -- shared goals ---------------------------------------------------------------


_DUE_WIDTH = 14  # "overdue 12 Oct"


def _milestone_due(m: Milestone, today: date) -> str:
    """The Due cell: the date, or "overdue 1 Oct" once it has passed undone (just
    "overdue" when the date with its year would not fit the column)."""
    if m.due is None or m.done or m.due >= today:
        return due_text(m.due, today)
    late = f"overdue {due_text(m.due, today)}"
    return late if len(late) <= _DUE_WIDTH else "overdue"


def _goal_cells(view: View, goal: Goal, room: int) -> list[Text]:
    done = progress(goal, view.milestones)
    mark = "★" if goal.reached else "◆"
    bar = "reached" if goal.reached else f"{progress_bar(done.share, 6)} {done.text()}"
    return [
        Text(mark, style="bold"),
        literal(one_line(goal.title, room), style="bold"),
        Text(due_text(goal.target, view.today)),
        Text(""),
        Text(bar),
    ]


class SharedPane(Vertical):
    def compose(self) -> ComposeResult:
        yield RowTable(id="shared-table")
        yield Static(id="shared-detail")

    def show(self, view: View) -> None:
        table = self.query_one("#shared-table", RowTable)
        room = max(12, width_of(self) - 1 - _DUE_WIDTH - 10 - 12 - 2 * 5 - 2)
        columns = [("", 1), ("Goal", room), ("Due", _DUE_WIDTH), ("Who", 10), ("Done", 12)]
        rows: list[tuple[tuple[str, Any], list[Text]]] = []
        for goal in (g for g in view.goals if g.shared):
            rows.append((("goal", goal), _goal_cells(view, goal, room)))
            for m in ordered(m for m in view.milestones if m.goal_id == goal.id):
                style = "dim" if m.done else ""
                rows.append(
                    (
                        ("milestone", m),
                        [
                            Text("✓" if m.done else "·"),
                            literal("  " + one_line(m.title, room - 2), style=style),
                            Text(_milestone_due(m, view.today), style=style),
                            literal(one_line(view.name(m.owner), 10), style=style),
                            Text(""),
                        ],
                    )
                )
        table.fill(columns, rows)
        self.show_detail(view)

    def show_detail(self, view: View) -> None:
        detail = self.query_one("#shared-detail", Static)
        kind, thing = self.query_one("#shared-table", RowTable).current()
        if kind == "":
            detail.update(
                Text(
                    "No shared goals yet. Press a to add one: a title, why it matters to "
                    "you both, and a date if you like. Then m adds milestones.",
                    style="dim",
                )
            )
            return
        goal = thing if kind == "goal" else next(g for g in view.goals if g.id == thing.goal_id)
        text = Text()
        if goal.why:
            text.append("Why: ", style="bold")
            text.append_text(literal(one_line(goal.why, 300)))
            text.append("\n")
        if goal.target:
            text.append(f"By {goal.target:%d %B %Y}\n")
        started = store.links(view.couple, goal.id)
        if started:
            text.append("Started: ", style="bold")
            text.append_text(literal("; ".join(f"{w} “{t}”" for w, t in started)))
            text.append("\n")
        text.append("m: milestone · space: tick · h: a habit for it · d: plan a date", style="dim")
        detail.update(text)


# -- each of us -----------------------------------------------------------------


class MinePane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(
            "Your own goals, and how the other can help. s adds a way to help to your "
            "goal; t on your partner's takes it on as a habit of yours.",
            classes="hint",
        )
        yield RowTable(id="mine-table")

    def show(self, view: View) -> None:
        table = self.query_one("#mine-table", RowTable)
        room = max(12, width_of(self) - 1 - 11 - 22 - 2 * 4 - 2)
        columns = [("", 1), ("Goal", room), ("By", 11), ("", 22)]
        rows: list[tuple[tuple[str, Any], list[Text]]] = []
        for key in (view.me, view.partner):
            rows.append(
                (("head", key), [Text(""), literal(view.you(key), "bold"), Text(""), Text("")])
            )
            own = [g for g in view.goals if g.owner == key]
            if not own:
                hint = "a adds one" if key == view.me else "nothing yet"
                rows.append(
                    (("none", key), [Text(""), Text(f"  {hint}", "dim"), Text(""), Text("")])
                )
            for goal in own:
                rows.append(
                    (
                        ("goal", goal),
                        [
                            Text("★" if goal.reached else "◆"),
                            literal("  " + one_line(goal.title, room - 2)),
                            Text(due_text(goal.target, view.today)),
                            Text("reached" if goal.reached else "", "italic"),
                        ],
                    )
                )
                for action in goal.support:
                    rows.append(self._action_row(view, goal, action, room))
        table.fill(columns, rows)

    @staticmethod
    def _action_row(
        view: View, goal: Goal, action: SupportAction, room: int
    ) -> tuple[tuple[str, Any], list[Text]]:
        taken = view.taken.get((goal.id, action.key))
        if taken:
            state = f"{view.names.get(taken[0], '')} took it on"
        elif goal.owner == view.partner:
            state = "t: take it on"
        else:
            state = f"{view.names[view.partner]} can take it on"
        return (
            ("action", (goal, action)),
            [
                Text("→", "dim"),
                literal("    " + one_line(action.text, room - 4)),
                Text(""),
                literal(one_line(state, 22), "dim"),
            ],
        )


# -- priorities -----------------------------------------------------------------


class PrioritiesPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="prio-status")
        yield RowTable(id="prio-table")
        yield Static(id="prio-history")
        yield Static(id="prio-people")

    def show(self, view: View) -> None:
        me, partner = view.me, view.partner
        mine, theirs = view.reviews[me], view.reviews[partner]
        status = Text(f"Reviewed {every_text(view.every)} (f changes it). ", "dim")
        this_month = f"{view.today:%B %Y}"
        if review_due(mine, view.today, view.every):
            status.append(f"Your review for {this_month} is open: r to rank.", style="bold")
        else:
            status.append("r to change your latest ranking.")
        self.query_one("#prio-status", Static).update(status)
        last = {k: latest(view.reviews[k]) for k in (me, partner)}
        before = {k: view.reviews[k][-2] if len(view.reviews[k]) > 1 else None for k in last}
        order = mine_last.ranked if (mine_last := last[me]) else LIFE_PRIORITIES
        rows = []
        for item in order:
            cells = [Text(item)]
            places = []
            for key in (me, partner):
                now, then = last[key], before[key]
                if now is None:
                    cells.append(Text(" –", "dim"))
                    continue
                places.append(now.place(item))
                change = moves(then.ranked, now.ranked).get(item) if then else None
                cells.append(Text.assemble(f"{now.place(item):>2} ", (move_text(change), "dim")))
            cells.append(Text(str(abs(places[0] - places[1])) if len(places) == 2 else ""))
            rows.append((("priority", item), cells))
        columns = [
            ("Priority", 17),
            (one_line(view.you(me), 14), 14),
            (one_line(view.names[partner], 14), 14),
            ("Places apart", 12),
        ]
        self.query_one("#prio-table", RowTable).fill(columns, rows)
        self.query_one("#prio-history", Static).update(self._history(view, mine, theirs))
        people = Text()
        for key in (me, partner):
            months = view.reviews[key][-4:]
            if months:
                people.append(f"\n{view.names[key]}'s top three: ", style="bold")
                people.append_text(
                    literal(
                        " · ".join(
                            f"{month_label(r.month)} {', '.join(r.ranked[:3])}" for r in months
                        )
                    )
                )
        self.query_one("#prio-people", Static).update(people)

    @staticmethod
    def _history(view: View, mine: list[Review], theirs: list[Review]) -> Text:
        found = drift(mine, theirs)
        text = Text()
        if not found.months:
            waiting = [view.names[k] for k, r in ((view.me, mine), (view.partner, theirs)) if not r]
            who = " and ".join(waiting) if waiting else "you both"
            text.append(
                f"Once you have both ranked in the same month ({who} still to go), this "
                "shows how alike your rankings are and what moved.",
                style="dim",
            )
            return text
        text.append("How alike, month by month: ", style="bold")
        text.append(" · ".join(f"{month_label(m)} {percent(s)}" for m, s in found.months[-6:]))
        for title, shifts in (("Further apart", found.apart), ("Closer", found.closer)):
            if shifts:
                text.append(f"\n{title} since {month_label(found.since or '')}: ", style="bold")
                text.append(
                    ", ".join(f"{s.item} ({s.gap_then} → {s.gap_now} places)" for s in shifts[:4])
                )
        return text
