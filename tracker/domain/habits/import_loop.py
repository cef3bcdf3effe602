"""Loop Habit Tracker's full backup (its SQLite database), from rows to a `Source`.

The store reads the rows (store/imports.py); this says what they mean, after Loop's own
source (uhabits-core, resources/migrations/*.sql and models/Entry.kt). A repetition's value:
YES_MANUAL 2 is done, SKIP 3 skipped, NO 0 and UNKNOWN -1 nothing; YES_AUTO 1 is Loop's
own guess for the days between, never stored by it and ignored here. A numeric habit
stores its amount × 1000, and a skip as the same 3 (an amount of 0.003, which Loop's
number pad cannot enter: iSoron/uhabits pull request 1319). Days are milliseconds at UTC
midnight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from tracker.domain.habits.imports import (
    FIRST_DAY,
    ImportRefused,
    Source,
    SourceHabit,
    SourceTick,
)
from tracker.domain.models import CheckStatus, Direction, HabitKind, Schedule, ScheduleKind

# Version 18 gave habits their numeric target and unit; 25 is what Loop 2.1 to 2.3.1 write.
OLDEST_VERSION, NEWEST_VERSION = 18, 25
# The columns of Habits this import reads; `question` (version 23) is read when there.
HABIT_COLUMNS = (
    "id",
    "name",
    "description",
    "freq_num",
    "freq_den",
    "archived",
    "type",
    "target_type",
    "target_value",
    "unit",
)
YES_MANUAL, SKIP = 2, 3
_DAY_MS = 86_400_000
_LATEST_DAY = date(9999, 12, 31)

LEFT_BEHIND = (
    "colours",
    "reminders",
    "the order of habits on Loop's screen",
    "days marked “no” or left empty (Rekindle keeps only what was done or skipped)",
    "Loop's scores and streaks (Rekindle works them out again from the ticks)",
)


def version_problem(version: int) -> str | None:
    """Why a Loop database of this version cannot be read, in one sentence, or None."""
    if version > NEWEST_VERSION:
        return (
            f"This Loop backup is from a newer Loop (database version {version}); Rekindle "
            f"reads versions {OLDEST_VERSION} to {NEWEST_VERSION} (Loop 2.1 to 2.3.1)."
        )
    if version < OLDEST_VERSION:
        return (
            f"This Loop backup is from an old Loop (database version {version}); open it in "
            "a newer Loop once, make a new backup, and import that."
        )
    return None


def loop_source(
    habits: Iterable[Mapping[str, object]],
    repetitions: Iterable[tuple[object, object, object]],
    notes: int = 0,
) -> Source:
    """Loop's Habits rows (by column name) and Repetitions rows (habit, timestamp, value)
    as a Source; `notes` counts the days that carry a note, which stay behind."""
    found = {habit.key: habit for habit in (_habit(row) for row in habits)}
    ticks: list[SourceTick] = []
    for habit_key, stamp, value in repetitions:
        habit = found.get(str(habit_key))
        tick = None if habit is None else _tick(habit, stamp, value)
        if tick is not None:
            ticks.append(tick)
    left = LEFT_BEHIND + ((f"notes on {notes} days",) if notes else ())
    return Source("loop", tuple(found.values()), tuple(ticks), left)


def _habit(row: Mapping[str, object]) -> SourceHabit:
    name = _text(row.get("name"))
    if not isinstance(row.get("id"), int):
        raise ImportRefused(f"The habit “{name}” in this Loop backup has no proper id.")
    kind = {0: HabitKind.YES_NO, 1: HabitKind.MEASURABLE}.get(_whole(row.get("type")))
    if kind is None:
        raise ImportRefused(f"The habit “{name}” is of a kind Rekindle doesn't know.")
    schedule, caveats = loop_schedule(_whole(row.get("freq_num")), _whole(row.get("freq_den")))
    measurable = kind is HabitKind.MEASURABLE
    target = _amount(row.get("target_value")) if measurable else 1.0
    if measurable and schedule.kind is not ScheduleKind.DAILY:
        caveats += (
            f"Loop's target is {target:g} in each stretch of days; here each day's amount "
            "is measured against it",
        )
    parts = (_text(row.get("question")), _text(row.get("description")))
    return SourceHabit(
        key=str(row["id"]),
        title=name,
        description="\n\n".join(part for part in parts if part.strip()),
        kind=kind,
        target=target,
        unit=_text(row.get("unit")) if measurable else "",
        direction=Direction.AT_MOST if row.get("target_type") == 1 else Direction.AT_LEAST,
        schedule=schedule,
        archived=_whole(row.get("archived")) == 1,
        caveats=caveats,
    )


def loop_schedule(times: int, days: int) -> tuple[Schedule, tuple[str, ...]]:
    """Loop's "times in days" as the nearest Rekindle schedule, and what differs."""
    if times >= 1 and times == days:
        return Schedule(), ()
    if days == 7 and 1 <= times <= 7:
        return Schedule(ScheduleKind.PER_WEEK, times=times), (
            "Loop counts any 7 days in a row; here it is counted in calendar weeks",
        )
    if days == 30 and 1 <= times <= 28:
        return Schedule(ScheduleKind.PER_MONTH, times=times), (
            "Loop counts any 30 days in a row; here it is counted in calendar months",
        )
    if 2 <= days <= 365 and 1 <= times <= days:
        return Schedule(ScheduleKind.TIMES_IN_DAYS, times=times, every=days), (
            f"Loop counts any {days} days in a row; here they are counted in stretches of "
            f"{days} days from the first tick",
        )
    return Schedule(), (
        f"Loop's “{times} times in {days} days” has no match here: it comes in as every "
        "day; change it in Habits",
    )


def _tick(habit: SourceHabit, stamp: object, value: object) -> SourceTick | None:
    if not isinstance(stamp, int) or not isinstance(value, int):
        return None
    day = _day(stamp)
    if value == SKIP:
        return SourceTick(habit.key, day, CheckStatus.SKIP)
    if habit.kind is HabitKind.MEASURABLE:
        amount = value / 1000
        return SourceTick(habit.key, day, CheckStatus.DONE, amount) if 0 <= amount <= 1e12 else None
    return SourceTick(habit.key, day) if value == YES_MANUAL else None


def _day(stamp: int) -> date:
    days = stamp // _DAY_MS
    if days < 0:
        raise ImportRefused("The file has a tick before 1970; nothing was imported.")
    if days > (_LATEST_DAY - FIRST_DAY).days:
        raise ImportRefused("The file has a tick far in the future; nothing was imported.")
    return FIRST_DAY + timedelta(days=days)


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _whole(value: object) -> int:
    # A text or a blob in a number's column (SQLite keeps what it is given) is damage,
    # read as -1: no kind, no schedule Loop could have meant.
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


def _amount(value: object) -> float:
    """A target: a finite number of zero or more, else 0 (Loop's own default)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    amount = float(value)
    return amount if math.isfinite(amount) and 0 <= amount <= 1e12 else 0.0
