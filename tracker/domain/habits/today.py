"""What the Today screen shows, worked out without a terminal.

Rows for one person on one day, the couple's figures, and the checks on
what people type (amounts, notes, titles) with the sentences we show back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from tracker.domain.days import MONDAY
from tracker.domain.habits.progress import (
    ChecksBy,
    DayState,
    Streaks,
    carried,
    day_state,
    habit_checks,
    period_progress,
)
from tracker.domain.habits.schedule import is_period_habit, period_of, streak_unit
from tracker.domain.habits.together import together_streak
from tracker.domain.habits.typed import format_amount
from tracker.domain.habits.week import week_completion
from tracker.domain.models import US, Check, CheckStatus, Habit, Owner, ScheduleKind
from tracker.domain.text import count


@dataclass(frozen=True, slots=True)
class HabitRow:
    habit: Habit
    person: str  # "a", "b" or US
    day: date
    state: DayState
    check: Check | None
    streaks: Streaks
    strength: float
    progress: tuple[int, int]  # met / needed in the current period

    @property
    def key(self) -> str:
        return f"{self.habit.id}|{self.person}"

    @property
    def done(self) -> bool:
        return self.state is DayState.MET

    @property
    def mark(self) -> str:
        if self.check is not None:
            if self.check.status is CheckStatus.SKIP:
                return "–"
            # Judged by the check itself: a tick on a day it isn't due still counts as done.
            return "✓" if self.habit.met_by(self.check.value) else "◐"  # ◐: short of the goal
        return " " if self.state is DayState.NOT_DUE else "·"

    def streak_text(self) -> str:
        """Compact: 12d, 3w, 2m, and 4× for four kept stretches in a row."""
        unit = {"days": "d", "weeks": "w", "months": "m", "stretches": "×"}[self.streaks.unit]
        return f"{self.streaks.current}{unit}"

    def _period_text(self) -> str:
        """ "1/3 this week", or for a stretch "1/3 · 4 days left" (today counted)."""
        met, needed = self.progress
        kind = self.habit.schedule.kind
        if kind is not ScheduleKind.TIMES_IN_DAYS:
            return f"{met}/{needed} this {'week' if kind is ScheduleKind.PER_WEEK else 'month'}"
        left = (period_of(self.habit, self.day)[1] - self.day).days
        return f"{met}/{needed} · " + ("last day" if left == 1 else f"{count(left, 'day')} left")

    def detail_text(self) -> str:
        """The short line under a title: period progress, value, note."""
        parts = []
        if is_period_habit(self.habit.schedule):
            parts.append(self._period_text())
        if self.check is not None and self.check.value is not None:
            parts.append(f"{format_amount(self.check.value)} {self.habit.unit}".strip())
        if self.check is not None and self.check.note:
            parts.append("✎")
        return " · ".join(parts)


def habits_of(habits: Sequence[Habit], person: str) -> list[Habit]:
    """A person's own habits (theirs alone, and "each of us"); US gets the together ones."""
    if person == US:
        return [h for h in habits if h.owner is Owner.TOGETHER and not h.archived]
    return [
        h for h in habits if not h.archived and (h.owner is Owner.EACH or h.owner.value == person)
    ]


# A habit's streaks and strength for one person (key: HabitRow.key), already worked out:
# years of history that need not be walked again.
Known = Mapping[str, tuple[Streaks, float]]


def row_for(
    habit: Habit,
    person: str,
    checks_by: ChecksBy,
    day: date,
    history: bool = True,
    known: Known | None = None,
    first_weekday: int = MONDAY,
) -> HabitRow:
    """One row; without `history` (older months not loaded yet) streak and strength are
    left at zero rather than computed from part of the past. A weekly habit's week
    begins on `first_weekday` (and so must the weeks behind `known`)."""
    checks = habit_checks(checks_by, habit, person)
    key = US if habit.owner is Owner.TOGETHER else person
    figures = known.get(f"{habit.id}|{key}") if known is not None else None
    if figures is None:
        figures = (
            carried(habit, checks, day, first_weekday=first_weekday)[:2]
            if history
            else (Streaks(0, 0, streak_unit(habit.schedule)), 0.0)
        )
    return HabitRow(
        habit=habit,
        person=key,
        day=day,
        state=day_state(habit, checks, day, day, first_weekday),
        check=checks.get(day),
        streaks=figures[0],
        strength=figures[1],
        progress=period_progress(habit, checks, day, first_weekday),
    )


def rows_for(
    habits: Sequence[Habit],
    checks_by: ChecksBy,
    person: str,
    day: date,
    history: bool = True,
    known: Known | None = None,
    first_weekday: int = MONDAY,
) -> list[HabitRow]:
    """Due (or still open) habits first, then the ones not due that day."""
    rows = [
        row_for(h, person, checks_by, day, history, known, first_weekday)
        for h in habits_of(habits, person)
        if h.start <= day
    ]
    return sorted(rows, key=lambda r: r.state is DayState.NOT_DUE)


@dataclass(frozen=True, slots=True)
class CoupleFigures:
    together_streak: int
    week: dict[str, float | None]  # person → share of this week done


def couple_figures(
    habits: Sequence[Habit],
    checks_by: ChecksBy,
    day: date,
    together: int | None = None,
    first_weekday: int = MONDAY,
) -> CoupleFigures:
    """`together`: the together streak, if already worked out."""
    return CoupleFigures(
        together_streak=together_streak(habits, checks_by, day) if together is None else together,
        week={p: week_completion(habits, checks_by, p, day, first_weekday) for p in ("a", "b")},
    )
