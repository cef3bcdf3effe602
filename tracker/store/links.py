"""The habits a date night or a talk does for us, ticked in the same save as it.

The rules are the domain's (domain/habits/links.py); here they meet the folder. Dates
and talks call `tick_fulfilled` inside their own write, so one action is one save and
one undo step, and a confirmation ends with `ticked_also`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from tracker.domain.habits.links import fulfilled_ticks, ticked_words
from tracker.domain.kinds import CHECK
from tracker.domain.models import Fulfilment, check_id
from tracker.store.couple import Change, Couple


def tick_fulfilled(couple: Couple, event: Fulfilment, day: date) -> list[Change]:
    """Tick every habit `event` on `day` does for us; a check-off already there (even
    one whose data does not fit) stays as it is.

    Nothing is ticked on a day whose check-offs are not read yet (an old evening marked
    done in the app's first seconds, before its history is in): a tick written blind
    could override a skip or a note the partner left that day.
    """
    if not couple.store.complete and f"{day:%Y-%m}" not in couple.store.months_read:
        return []

    def has_check(habit_id: str, person: str) -> bool:
        return couple.record(check_id(habit_id, person, day)) is not None

    habits = couple.habits()
    titles = {habit.id: habit.title for habit in habits}
    return [
        couple.set_check(tick, f"Ticked “{titles[tick.habit_id]}”")
        for tick in fulfilled_ticks(habits, event, day, has_check)
    ]


def ticked_also(couple: Couple, changes: Iterable[Change]) -> str:
    """What these changes ticked besides, to end a confirmation with (" — and ticked
    “Date night” for you both"), or "" if they ticked nothing."""
    written = [c.after for c in changes if c.kind == CHECK and c.after and not c.after.deleted]
    ticks = couple.checks_among(written)
    titles = {habit.id: habit.title for habit in couple.habits(include_archived=True)}
    return ticked_words(ticks, titles, couple.me, couple.name_of(couple.partner_key))
