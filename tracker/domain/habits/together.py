"""The together streak: the days in a row on which both of us showed up."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tracker.domain.habits.progress import ChecksBy, _is_met, _is_skip
from tracker.domain.models import PARTNERS, US, Habit

_ONE_DAY = timedelta(days=1)


def together_streak(habits: Sequence[Habit], checks_by: ChecksBy, today: date) -> int:
    """Days in a row on which both partners met at least one habit.

    A day counts when partner A met (ticked, and within target for measurable
    habits) at least one of their non-archived habits (A's own, or an "each"
    habit) and partner B did the same; a met together habit counts for both
    of them. This is forgiving on purpose: it asks that each of us showed up
    for the relationship that day, not that every habit was done. The run
    ends today, or yesterday while today is not yet met by both.

    A day on which both partners planned a skip (a holiday, say; a skipped
    together habit is both of theirs) neither breaks the run nor adds to it,
    unless both showed up anyway, when it counts like any other day.
    """
    # Walked back from today, asking only the days the run covers: years of history before
    # the run began are never looked at (a status call on ten years answers at once).
    owned = [
        (habit, key, checks_by.get(key, {}).get(habit.id, {}))
        for habit in habits
        if not habit.archived
        for key in habit.people()
    ]

    def showed_up(person: str, day: date) -> bool:
        return any(
            key in (person, US) and habit.start <= day <= today and _is_met(habit, checks.get(day))
            for habit, key, checks in owned
        )

    def planned_skip(person: str, day: date) -> bool:
        return any(
            key in (person, US) and habit.start <= day <= today and _is_skip(checks.get(day))
            for habit, key, checks in owned
        )

    def both(day: date) -> bool:
        return all(showed_up(person, day) for person in PARTNERS)

    def both_away(day: date) -> bool:
        return all(planned_skip(person, day) for person in PARTNERS)

    # Today is still open: unmet, it waits rather than breaks.
    day = today if both(today) or both_away(today) else today - _ONE_DAY
    run = 0
    while True:
        if both(day):
            run += 1
        elif not both_away(day):
            return run
        day -= _ONE_DAY
