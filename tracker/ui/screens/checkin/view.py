"""Drawing the check-in: the side-by-side table with small trend plots, the notes,
and the help card's words. Rules come from tracker.domain.checkin.model*; this only draws."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tracker.domain.checkin.analysis import series, trend
from tracker.domain.checkin.model import KEYS, LABELS, CheckIn, HelpTrigger, WeekView
from tracker.domain.content.strategies import PROFESSIONAL_HELP, SAFETY_LINE
from tracker.ui.widgets.literal import literal, one_line

TREND_WEEKS = 8
BLOCKS = {1: "▁", 2: "▃", 3: "▄", 4: "▆", 5: "█"}
ARROWS = {1: "↑", 0: "→", -1: "↓"}


def spark(values: Sequence[int | None]) -> str:
    """A small plot of ratings, one character a week ("·" for a week without one),
    with an arrow for the trend over the last few check-ins."""
    line = "".join("·" if v is None else BLOCKS[v] for v in values)
    found = trend(values)
    return f"{line} {ARROWS[found.direction]}" if found else f"{line}  "


def number(rating: int) -> Text:
    """The rating itself: plain digits line up in every terminal; low ones stand out."""
    return Text(str(rating), style="bold yellow" if rating <= 2 else "")


def ratings_table(
    view: WeekView,
    history: dict[str, list[CheckIn]],
    weeks: list[str],
    me: str,
    partner: str,
    partner_name: str,
) -> Table:
    name = one_line(partner_name, 12)
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold", expand=False)
    table.add_column("This week", no_wrap=True)
    table.add_column("You", no_wrap=True, justify="center")
    table.add_column(Text(name), no_wrap=True, justify="center")
    table.add_column("Your weeks", no_wrap=True, style="cyan")
    table.add_column(Text(f"{name}'s weeks"), no_wrap=True, style="magenta")
    for key in KEYS:
        mine = number(view.mine.rating(key)) if view.mine else Text("—", style="dim")
        if view.theirs is not None:
            theirs = number(view.theirs.rating(key))
        else:
            theirs = Text("hidden" if view.theirs_hidden else "—", style="dim")
        table.add_row(
            LABELS[key],
            mine,
            theirs,
            spark(series(history.get(me, []), key, weeks)),
            spark(series(history.get(partner, []), key, weeks)),
        )
    return table


def notes_text(view: WeekView, partner_name: str) -> Text | None:
    """Each sentence written with this week's ratings, wrapped, shown exactly as typed."""
    lines: list[Text] = []
    for who, checkin in (("You", view.mine), (one_line(partner_name, 20), view.theirs)):
        if checkin is None:
            continue
        for key in KEYS:
            note = checkin.notes.get(key)
            if note:
                line = Text(f"{who} on {LABELS[key].lower()}: ", style="dim")
                line.append_text(literal(note))
                lines.append(line)
    if not lines:
        return None
    text = Text("\n").join(lines)
    text.no_wrap = False
    return text


def help_card(triggers: Sequence[HelpTrigger], me: str, names: dict[str, str]) -> RenderableType:
    """The calm card: why it appeared, the words about therapy, and the safety line apart."""
    why = Text()
    for trigger in triggers:
        reason = trigger.reason(one_line(names.get(trigger.person, "?"), 20), trigger.person == me)
        why.append(f"· {reason}\n", style="dim")
    body = Text("\n\n".join(PROFESSIONAL_HELP))
    safety = Text(SAFETY_LINE, style="bold")
    keys = Text("h hides this until a new check-in · H turns these cards off", style="dim")
    return Group(
        Text("It might help to talk with someone", style="bold"),
        why,
        body,
        Text(""),
        safety,
        Text(""),
        keys,
    )
