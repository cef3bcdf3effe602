"""A habit's own reminder time against its owner's quiet hours: refused when someone picks
one that could never reach them, and named when quiet hours they choose swallow one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Protocol

from tracker.domain.clock import parse_clock
from tracker.domain.models import Habit, Owner
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.domain.text import cut, visible

THIS_HABIT: Final = "this habit's reminder"
# Named in one line at most: the rest are counted.
_NAMED = 3
_SHOWN_TITLE = 40


class Reminded(Protocol):
    """A habit or the form's draft of one: whose it is and its own time ("" for none)."""

    @property
    def owner(self) -> Owner: ...

    @property
    def remind_at(self) -> str: ...


def reminder_words(habit: Reminded) -> str:
    """ "reminder at 20:30" for a habit with a time of its own, else "" (the usual time)."""
    return f"reminder at {habit.remind_at}" if habit.remind_at else ""


def own_time(habit: Reminded, person: str) -> str:
    """The habit's own reminder time for ``person`` ("20:30"), or "" when it has none or
    does not remind them (a habit only their partner keeps)."""
    if habit.owner in (Owner.A, Owner.B) and habit.owner.value != person:
        return ""
    return habit.remind_at


def quiet_refusal(
    habit: Habit, person: str, prefs: ReminderPrefs, before: Reminded | None = None
) -> str | None:
    """A sentence if ``habit`` would remind ``person`` only inside their quiet hours, with
    a time chosen now: one it already had for them (``before``, as it was) stands, so an
    edit of its name never trips over a time set on another day, or by a partner."""
    at = own_time(habit, person)
    if not at or (before is not None and own_time(before, person) == at):
        return None
    return prefs.quiet_problem(parse_clock(at), THIS_HABIT)


def kept_quiet(habits: Iterable[Habit], person: str, prefs: ReminderPrefs) -> list[Habit]:
    """``person``'s habits in use whose own reminder time falls inside their quiet hours."""
    return [
        habit
        for habit in habits
        if not habit.archived
        and (at := own_time(habit, person))
        and prefs.is_quiet(parse_clock(at))
    ]


def kept_quiet_text(habits: list[Habit]) -> str:
    """One line naming the habits quiet hours keep quiet, or "" for none."""
    if not habits:
        return ""
    named = [f"“{_title(h.title)}” ({h.remind_at})" for h in habits[:_NAMED]]
    if len(habits) > _NAMED:
        named.append(f"{len(habits) - _NAMED} more")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    one = len(habits) == 1
    return (
        f"{listed} {'falls' if one else 'fall'} inside your quiet hours, so "
        f"{'it stays' if one else 'they stay'} quiet until you give "
        f"{'it' if one else 'them'} another time."
    )


def _title(title: str) -> str:
    return cut(visible(title, newlines=False), _SHOWN_TITLE)
