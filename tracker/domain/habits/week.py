"""This week: how much of each person's week so far is done, and what that figure counts.

The week begins on the couple's chosen day (Monday unless they chose Sunday), so Today's
percentages and `rekindle status` agree with the week their X-a-week habits count in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from tracker.domain.days import MONDAY, week_start
from tracker.domain.habits.progress import ChecksBy, _is_met, _is_skip, habit_checks
from tracker.domain.habits.schedule import due_days
from tracker.domain.models import Habit, Owner, ScheduleKind
from tracker.domain.weeks import weekday_name

_ONE_DAY = timedelta(days=1)


def week_share_means(first_weekday: int = MONDAY) -> str:
    """Said on a hover over "This week" and on the help page (the README says it too):
    what the share counts, and from which day."""
    return (
        f"This week, from {weekday_name(first_weekday)}: how much of what was due since then "
        "is done. Each due day of a habit counts once; a few-times-a-week habit counts only "
        "once the week can no longer wait for it; planned skips are left out, and a together "
        "habit counts for both of you."
    )


def _belongs_to(habit: Habit, person: str) -> bool:
    return habit.owner in (Owner.EACH, Owner.TOGETHER) or habit.owner.value == person


def week_completion(
    habits: Sequence[Habit],
    checks_by: ChecksBy,
    person: str,
    today: date,
    first_weekday: int = MONDAY,
) -> float | None:
    """Share (0..1) of ``person``'s week so far that is done, or None if
    nothing was due.

    Counts this week (begun on ``first_weekday``) from its first day to today.
    Each due day of a day habit is one unit. A per-week habit owes only what the
    week can no longer wait for: on the first day a 3-a-week habit owes nothing
    yet (a tick there is one done of one owed), with two days left it owes one,
    on the last day all three; its met days (up to ``times``) are done. Planned
    skips are taken out of what is owed rather than counted as misses. Per-month
    and "X in N days" habits don't fit a week and are left out.
    """
    first = week_start(today, first_weekday)
    days_left = 6 - (today - first).days  # after today, this week
    done = owed = 0
    for habit in habits:
        if habit.archived or habit.start > today or not _belongs_to(habit, person):
            continue
        kind = habit.schedule.kind
        if kind in (ScheduleKind.PER_MONTH, ScheduleKind.TIMES_IN_DAYS):
            continue
        checks = habit_checks(checks_by, habit, person)
        if kind is ScheduleKind.PER_WEEK:
            met = skipped = 0
            day = max(first, habit.start)
            while day <= today:
                met += _is_met(habit, checks.get(day))
                skipped += _is_skip(checks.get(day))
                day += _ONE_DAY
            times = habit.schedule.times
            got = min(met, times)
            needed = times - min(skipped, times - got)
            done += got
            owed += max(got, needed - days_left)
            continue
        for day in due_days(habit, first, today):
            check = checks.get(day)
            if _is_met(habit, check):
                done += 1
                owed += 1
            elif not _is_skip(check):
                owed += 1
    return done / owed if owed else None
