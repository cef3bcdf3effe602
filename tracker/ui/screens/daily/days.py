"""What the Question screen shows of a day, as text: the heading, each side's answer and
a line in the list of days. Answers come from a partner's file too, so every one of them
is drawn literally (never markup), wrapped at word boundaries, whatever its length."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text

from tracker.domain.content.daily import daily_text, find_daily
from tracker.domain.daily.rules import DayView, answer_problem
from tracker.domain.days import short_date
from tracker.ui.widgets.literal import one_line, wrapped

NAME_WIDTH = 20  # a partner's name, as long as they made it, cut to fit a heading


@dataclass(frozen=True, slots=True)
class Shown:
    """One day on the screen: what may be seen of it, and whether it still takes answers."""

    view: DayView
    today: date
    partner: str  # their name, as they wrote it

    @property
    def open(self) -> bool:
        return answer_problem(self.view.day, self.today) is None

    @property
    def when(self) -> str:
        if self.view.day == self.today:
            return "Today"
        if (self.today - self.view.day).days == 1:
            return "Yesterday"
        return short_date(self.view.day, self.today)


def heading(shown: Shown) -> Text:
    """The day, the question's theme and depth, then the question itself."""
    found = find_daily(shown.view.key) if shown.view.key else None
    about = f" · {found.theme.label} · {found.depth.label}" if found else ""
    text = Text(f"{shown.when}{about}\n", style="dim")
    text.append_text(Text(daily_text(shown.view.key), style="bold"))
    return text


def name(shown: Shown) -> str:
    return one_line(shown.partner, NAME_WIDTH)


def their_side(shown: Shown) -> Text:
    """The partner's answer once mine is in; until then only whether theirs is."""
    view, partner = shown.view, name(shown)
    if view.theirs is not None:
        return wrapped(view.theirs.text)
    if view.they_answered and shown.open:
        return Text(f"{partner} has answered — write yours and you'll see theirs.")
    if view.they_answered:
        return Text(f"{partner} answered that day.")
    if shown.open:
        return Text(f"{partner} hasn't answered yet.")
    return Text(f"{partner} didn't answer that day.")


def my_closed_side(shown: Shown) -> Text:
    """My answer on a day too far back to change."""
    if shown.view.mine is not None:
        return wrapped(shown.view.mine.text)
    return Text("You didn't answer that day.")


def state(shown: Shown) -> str:
    view, partner = shown.view, name(shown)
    if view.mine is not None and view.they_answered:
        return "both answered"
    if view.mine is not None:
        return "you answered"
    if view.they_answered:
        return f"{partner} answered"
    return "open" if shown.open else "no answers"


def day_line(shown: Shown) -> Text:
    """One day in the list: when, who answered, and the question in full (it wraps)."""
    text = Text(shown.when, style="bold")
    text.append(f" · {state(shown)}", style="dim")
    text.append(f"\n{daily_text(shown.view.key)}")
    return text


def streak_words(days: int) -> str:
    """The CLI's words for a run of days you both answered; none at all at zero (no
    nagging about a gap)."""
    return f"Days in a row you've both answered: {days}" if days else ""
