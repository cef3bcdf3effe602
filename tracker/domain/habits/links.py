"""Habits a date night or a talk does for you: ticked along with it, so nothing is
entered twice.

Plain inputs (the habits, the day, who was there, which check-offs exist already), so
the store's dates and talks ask the same rules without knowing what a habit is.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import Final

from tracker.domain.habits.schedule import is_due
from tracker.domain.models import PARTNERS, US, Check, Fulfilment, Habit
from tracker.domain.text import cut, visible

# When a linked habit is ticked, in the words of the habit form, its detail and the CLI.
LINK_WORDS: Final = {
    Fulfilment.DATE: "when a date night is marked done",
    Fulfilment.TALK: "when a talk is logged",
}
# Room for a habit's name in a one-line confirmation.
_SHOWN_TITLE = 40


def link_words(habit: Habit) -> str:
    """ "also ticked when a talk is logged", or "" for a habit only ticked by hand (or
    linked to something only a newer version knows)."""
    link = habit.fulfilled_by
    return f"also ticked {LINK_WORDS[link]}" if link else ""


def fulfilled_ticks(
    habits: Iterable[Habit],
    event: Fulfilment,
    day: date,
    has_check: Callable[[str, str], bool],
    present: Collection[str] = PARTNERS,
) -> list[Check]:
    """The check-offs `event` on `day` makes.

    Each habit linked to it that is not archived and is due that day (begun by then,
    and on one of its days) is ticked for each of its people who was there; a together
    habit once, when both of us were. Whoever already has a check-off that day (a tick,
    or a skip they chose) keeps it. A measurable habit is ticked at its goal: the date
    or the talk is what it asks for.
    """
    ticks: list[Check] = []
    for habit in habits:
        if habit.fulfilled_by is not event or not is_due(habit, day):
            continue
        for person in habit.people():
            there = set(PARTNERS) <= set(present) if person == US else person in present
            if there and not has_check(habit.id, person):
                value = habit.target if habit.measurable else None
                ticks.append(Check(habit.id, person, day, value=value))
    return ticks


def ticked_words(ticks: Sequence[Check], titles: Mapping[str, str], me: str, partner: str) -> str:
    """ " — and ticked “Date night” for you both", to end a confirmation with; "" when
    nothing was ticked. `titles` by habit id; `partner` is the other one's name."""
    people: dict[str, set[str]] = {}
    for tick in ticks:
        people.setdefault(tick.habit_id, set()).add(tick.person)
    by_whom: dict[str, list[str]] = {}
    for habit_id, who in people.items():
        title = f"“{_shown(titles.get(habit_id, 'a habit'))}”"
        by_whom.setdefault(_for_whom(who, me, partner), []).append(title)
    groups = [f"{_joined(shown, ' and ')} {whom}" for whom, shown in by_whom.items()]
    return f" — and ticked {_joined(groups, ', and ')}" if groups else ""


def _for_whom(people: set[str], me: str, partner: str) -> str:
    if US in people or set(PARTNERS) <= people:
        return "for you both"
    return "for you" if me in people else f"for {_shown(partner)}"


def _shown(text: str) -> str:
    """Someone's words on one line, inert, cut short enough for a one-line message."""
    return cut(visible(text, newlines=False), _SHOWN_TITLE)


def _joined(parts: Sequence[str], last: str) -> str:
    """ "A", "A and B", "A, B and C": `last` (" and ", ", and ") joins the last two."""
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])}{last}{parts[-1]}"
