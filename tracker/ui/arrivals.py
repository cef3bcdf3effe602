"""One short line about what the partner just did, for the sync notification."""

from __future__ import annotations

from tracker.domain.kinds import HABIT
from tracker.domain.models import US, CheckStatus
from tracker.store.arrivals import Arrivals
from tracker.store.bin import Binned
from tracker.store.couple import Couple
from tracker.ui.widgets.literal import one_line


def describe_arrivals(couple: Couple, arrived: Arrivals) -> str:
    partner = couple.name_of(couple.partner_key)
    ticks = []
    for check in arrived.ticks:
        habit = couple.habit(check.habit_id)
        if habit is None or check.status is not CheckStatus.DONE:
            continue
        who = "You both" if check.person == US else couple.name_of(check.person)
        ticks.append(f"{who} ticked “{one_line(habit.title, 40)}”")
    if len(ticks) == 1:
        return ticks[0] + "."
    if ticks:
        return f"{ticks[0]}, and {len(ticks) - 1} more."
    return f"{partner}'s changes arrived." if arrived.changes else ""


def describe_deletion(couple: Couple, entry: Binned) -> str:
    """The partner deleted something: say what, what of ours it kept, and where it waits."""
    who = couple.name_of(entry.deleted_by) if entry.deleted_by else "Someone"
    what = "" if entry.kind == HABIT else f"the {entry.what} "
    said = f"{who} deleted {what}“{one_line(entry.title, 40)}”"
    mine = entry.ticks_by.get(couple.me, 0)
    if mine == 1:
        return f"{said}; your tick since is kept — restore it from Habits › Deleted."
    if mine:
        return f"{said}; your {mine} ticks since are kept — restore it from Habits › Deleted."
    return f"{said}. It waits in Habits › Deleted, if you'd like it back."
