"""What each tab of the Goals screen shows, drawn from one snapshot of the store."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tracker.domain.content.values import LIFE_AREAS
from tracker.domain.goals.alignment import METHOD, Alignment, Divergence, percent
from tracker.domain.goals.model import (
    Goal,
    Milestone,
    due_milestones,
    due_words,
    ordered,
)
from tracker.domain.goals.priorities import (
    Review,
    latest,
    month_label,
    review_due,
)
from tracker.domain.goals.values import HORIZONS, area_label, horizon_label
from tracker.domain.models import US
from tracker.domain.text import count, visible
from tracker.store import goals as store
from tracker.store.couple import Couple
from tracker.ui.widgets.literal import literal, one_line
from tracker.ui.widgets.tap_table import TapTable

METHOD_SHORT = (
    "Values: how many top values you share, the top counting most. Vision: the share of "
    "words you both used, area by area. The score is their average. w: the whole method."
)


@dataclass(slots=True)
class View:
    """Everything the tabs draw, read from the store once per refresh."""

    couple: Couple
    today: date
    me: str
    partner: str
    names: dict[str, str]
    alignment: Alignment
    goals: list[Goal]
    milestones: list[Milestone]
    taken: dict[tuple[str, str], tuple[str, str]]
    reviews: dict[str, list[Review]]
    every: int

    def name(self, key: str) -> str:
        return "both" if key == US else self.names[key]

    def you(self, key: str) -> str:
        return f"{self.names[key]} (you)" if key == self.me else self.names[key]


def load_view(couple: Couple, today: date) -> View:
    return View(
        couple=couple,
        today=today,
        me=couple.me,
        partner=couple.partner_key,
        names={k: visible(couple.name_of(k)) for k in ("a", "b")},
        alignment=store.alignment(couple),
        goals=store.goals(couple),
        milestones=store.milestones(couple),
        taken=store.taken_on(couple),
        reviews={k: store.reviews(couple, k) for k in ("a", "b")},
        every=store.review_every(couple),
    )


def width_of(widget: Any, fallback: int = 80) -> int:
    return widget.size.width or widget.app.size.width or fallback


def every_text(months: int) -> str:
    return "every month" if months == 1 else f"every {months} months"


class RowTable(TapTable[Text]):
    """A table whose rows stand for things: ``rows[i]`` is (kind, object)."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.rows_shown: list[tuple[str, Any]] = []

    def current(self) -> tuple[str, Any]:
        if not self.rows_shown or not 0 <= self.cursor_row < len(self.rows_shown):
            return ("", None)
        return self.rows_shown[self.cursor_row]

    def fill(
        self, columns: list[tuple[str, int]], rows: list[tuple[tuple[str, Any], list[Text]]]
    ) -> None:
        keep = self.cursor_row
        self.clear(columns=True)
        for label, width in columns:
            # A name someone typed is a column heading here: never read as markup.
            self.add_column(literal(label), width=width)
        self.rows_shown = [what for what, _ in rows]
        for _, cells in rows:
            self.add_row(*cells)
        if self.rows_shown:
            self.move_cursor(row=min(keep, len(self.rows_shown) - 1), animate=False)


# -- overview -------------------------------------------------------------------


class OverviewPane(VerticalScroll):
    def compose(self) -> ComposeResult:
        yield Static(id="overview-text")

    def show(self, view: View) -> None:
        found, text = view.alignment, Text()
        me, partner = view.me, view.partner
        if found.score is None:
            text.append("Alignment: no score yet\n", style="bold")
        else:
            text.append(f"Alignment {percent(found.score)}", style="bold")
            text.append(
                f"  values {percent(found.values_part)} · vision {percent(found.vision_part)}\n"
            )
        text.append(f"{visible(found.why)}\n", style="dim")
        talk = len(found.divergences)
        if talk or found.agreements:
            text.append(
                f"{count(talk, 'thing')} to talk about, {len(found.agreements)} in common "
                "(Alignment tab)\n"
            )
        values = {k: len(store.values_of(view.couple, k)) for k in (me, partner)}
        vision = {k: len(store.vision_of(view.couple, k)) for k in (me, partner)}
        if values[me] == 0 and vision[me] == 0:
            text.append(
                "Where to start: pick your values on the Alignment tab (v), then write "
                "a line or two of where you see yourselves on the Vision tab. ] goes to "
                "the next tab.\n",
                style="italic",
            )
        text.append("\n")
        total = len(LIFE_AREAS) * len(HORIZONS)
        for label, counts, unit in (
            ("Values  ", values, "picked"),
            ("Vision  ", vision, f"of {total} written"),
        ):
            text.append(label, style="bold")
            text.append(
                " · ".join(f"{view.you(k)}: {counts[k]} {unit}" for k in (me, partner)) + "\n"
            )
        shared = [g for g in view.goals if g.shared]
        going = sum(1 for g in shared if not g.reached)
        text.append("\nShared goals  ", style="bold")
        text.append(f"{going} going, {len(shared) - going} reached\n")
        open_ids = {g.id: g for g in view.goals if not g.reached}
        upcoming = [m for m in ordered(view.milestones) if not m.done and m.goal_id in open_ids]
        overdue = due_milestones(upcoming, view.today)
        if upcoming:
            m = upcoming[0]
            when = f" · {due_words(m.due, view.today)}" if m.due else ""
            text.append("  Next milestone: ")
            text.append_text(literal(one_line(m.title, 40)))
            text.append(f" ({one_line(open_ids[m.goal_id].title, 30)}){when}\n")
        if overdue:
            text.append(f"  {count(len(overdue), 'milestone')} due by today\n")
        text.append("\nEach of us  ", style="bold")
        text.append(
            " · ".join(
                f"{view.you(k)}: {count(sum(1 for g in view.goals if g.owner == k), 'goal')}"
                for k in (me, partner)
            )
            + "\n"
        )
        text.append("\nPriorities  ", style="bold")
        text.append(f"reviewed {every_text(view.every)}\n")
        for k in (me, partner):
            last = latest(view.reviews[k])
            due = review_due(view.reviews[k], view.today, view.every)
            state = f"last in {month_label(last.month)}" if last else "not yet"
            ask = " · time for a new one" if due and last else ""
            text.append(f"  {view.you(k)}: {state}{ask}\n")
        self.query_one("#overview-text", Static).update(text)


# -- alignment ------------------------------------------------------------------


class AlignmentPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(id="align-score")
        yield Static(id="align-values")
        yield OptionList(id="align-items")
        yield Static(METHOD_SHORT, id="align-method", classes="hint")
        yield Static(METHOD, id="align-method-full", classes="hint")

    def show(self, view: View) -> None:
        found = view.alignment
        score = Text()
        if found.score is None:
            score.append("No score yet", style="bold")
        else:
            score.append(f"Alignment {percent(found.score)}", style="bold")
            score.append(
                f"  values {percent(found.values_part)} · vision {percent(found.vision_part)}"
            )
        score.append(f"\n{visible(found.why)}", style="dim")
        self.query_one("#align-score", Static).update(score)
        width = width_of(self) - 4
        lines = Text()
        for index, key in enumerate((view.me, view.partner)):
            ranks = sorted(
                ((r.rank_first, r.label) if index == 0 else (r.rank_second, r.label))
                for r in found.values
                if (r.rank_first if index == 0 else r.rank_second)
            )
            shown = " · ".join(f"{rank}. {label}" for rank, label in ranks) or "(none picked yet)"
            lines.append(f"{one_line(view.you(key), 16)}: ", style="bold")
            lines.append_text(literal(one_line(shown, max(10, width - 20))))
            if index == 0:
                lines.append("\n")
        self.query_one("#align-values", Static).update(lines)
        items = self.query_one("#align-items", OptionList)
        keep = items.highlighted
        items.clear_options()
        options: list[Option] = []
        if found.divergences:
            options.append(Option(Text("To talk about (enter or t)", style="bold"), disabled=True))
            options += [
                Option(literal("◇ " + one_line(d.summary, width - 4)), id=d.key)
                for d in found.divergences
            ]
        if found.agreements:
            options.append(Option(Text("In common", style="bold"), disabled=True))
            options += [
                Option(literal("✓ " + one_line(line, width - 4)), disabled=True)
                for line in found.agreements
            ]
        if not options:
            options.append(
                Option(
                    Text("Nothing to compare yet: v picks your values.", style="dim"),
                    disabled=True,
                )
            )
        items.add_options(options)
        first = next((i for i, o in enumerate(options) if not o.disabled), None)
        if keep is not None and keep < len(options) and not options[keep].disabled:
            items.highlighted = keep
        elif first is not None:
            items.highlighted = first

    def current(self, view: View) -> Divergence | None:
        items = self.query_one("#align-items", OptionList)
        if items.highlighted is None:
            return None
        option_id = items.get_option_at_index(items.highlighted).id
        return next((d for d in view.alignment.divergences if d.key == option_id), None)


# -- vision ---------------------------------------------------------------------


class VisionPane(Vertical):
    def compose(self) -> ComposeResult:
        yield Static(
            "Where do you see yourselves, and the two of you, in 1, 5 and 10 years? "
            "e or enter writes yours for the area under the cursor.",
            classes="hint",
        )
        yield RowTable(id="vision-table")

    def show(self, view: View) -> None:
        table = self.query_one("#vision-table", RowTable)
        texts = {k: store.vision_of(view.couple, k) for k in (view.me, view.partner)}
        room = max(10, (width_of(self) - 9 - 8 - 2 * 4 - 2) // 2)
        columns = [
            ("Area", 9),
            ("In", 8),
            (one_line(view.you(view.me), room), room),
            (one_line(view.names[view.partner], room), room),
        ]
        rows = []
        for area in LIFE_AREAS:
            for years in HORIZONS:
                cells = [
                    Text(area_label(area) if years == HORIZONS[0] else "", style="bold"),
                    Text(horizon_label(years), style="dim"),
                ]
                for key in (view.me, view.partner):
                    written = texts[key].get((area, years), "")
                    cells.append(literal(one_line(written, room)) if written else Text("·", "dim"))
                rows.append((("area", (area, years)), cells))
        table.fill(columns, rows)
