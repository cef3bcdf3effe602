"""A made-up couple who have used Rekindle for years: for demos and benchmarks.

Deterministic for a seed. People drift in and out of good spells, take
holidays, skip on purpose, add a note now and then and fix a tick later on
another device, so the history looks like real use, not a grid of ticks.
Pure: this yields versioned records; the store decides where they go.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tracker.domain.content.starter import STARTER_HABITS, find_starter
from tracker.domain.days import period_bounds
from tracker.domain.models import US, Check, CheckStatus, Habit, Person
from tracker.domain.schedule import due_days, is_period_habit

# Two devices each: a laptop (most ticks) and a phone.
REPLICAS = ("alex-laptop", "alex-phone", "sam-laptop", "sam-phone")
PEOPLE = (
    Person("a", "Alex", "Europe/London", 4),
    Person("b", "Sam", "Europe/London", 4),
)
NOTES = (
    "Lovely evening.",
    "Short one, but we did it.",
    "Talked about the weekend plans.",
    "Tired, still glad we did.",
    "Laughed a lot 🙂",
    "Felt a bit forced tonight; tomorrow is another day.",
)


@dataclass(frozen=True, slots=True)
class SampleRecord:
    replica: str
    kind: str
    id: str
    data: dict[str, Any]
    millis: int  # when it was written, for its stamp
    deleted: bool = False


def _habit_keys(count: int) -> list[str]:
    """Every schedule kind, weighted to everyday habits: they carry most of a history."""
    by_kind: dict[str, list[str]] = {}
    for starter in STARTER_HABITS:
        by_kind.setdefault(starter.schedule.kind.value, []).append(starter.key)
    picked = by_kind.pop("daily") + by_kind.pop("weekdays")
    spread = [key for keys in zip(*by_kind.values(), strict=False) for key in keys]
    return (picked[: count - 5] + spread)[:count]


def sample_habits(start: date, count: int = 20) -> list[Habit]:
    habits = []
    for order, key in enumerate(_habit_keys(count)):
        starter = find_starter(key)
        assert starter is not None
        habits.append(starter.to_habit(f"habit:sample{order:03d}", start, order))
    return habits


def _evening_millis(day: date, person: Person, rng: random.Random) -> int:
    moment = datetime.combine(day, time(19, 0), ZoneInfo(person.tz))
    return int(moment.timestamp() * 1000) + rng.randrange(0, 4 * 3600 * 1000)


def _device(person: str, rng: random.Random) -> str:
    base = "alex" if person in ("a", US) else "sam"
    return f"{base}-{'laptop' if rng.random() < 0.7 else 'phone'}"


def generate(start: date, end: date, seed: int = 1) -> Iterator[SampleRecord]:
    """Everything the couple wrote from `start` to `end`, in no particular order."""
    rng = random.Random(seed)
    start_ms = _evening_millis(start, PEOPLE[0], rng)
    for person in PEOPLE:
        device = "alex-laptop" if person.key == "a" else "sam-laptop"
        yield SampleRecord(device, "person", f"person:{person.key}", person.to_data(), start_ms)
    habits = sample_habits(start)
    for habit in habits:
        yield SampleRecord("alex-laptop", "habit", habit.id, habit.to_data(), start_ms)
    people = {p.key: p for p in PEOPLE}
    # Each person's (and the couple's) willingness, drifting week by week.
    mood = {key: 0.85 for key in ("a", "b", US)}
    holidays = _holidays(start, end, rng)
    due = {h.id: set(due_days(h, start, end)) for h in habits}
    day = start
    weeks: dict[tuple[str, str, date], int] = {}
    while day <= end:
        if day.weekday() == 0:
            for key in mood:
                mood[key] = min(0.98, max(0.45, mood[key] + rng.uniform(-0.08, 0.08)))
        away = day in holidays
        for habit in habits:
            for key in habit.people():
                if day in due[habit.id]:
                    yield from _day_of(habit, key, day, mood[key], away, people, weeks, rng)
        day += timedelta(days=1)


def _day_of(
    habit: Habit,
    key: str,
    day: date,
    mood: float,
    away: bool,
    people: dict[str, Person],
    weeks: dict[tuple[str, str, date], int],
    rng: random.Random,
) -> Iterator[SampleRecord]:
    person = people["a" if key == US else key]
    if is_period_habit(habit.schedule):
        period = (habit.id, key, period_bounds(habit.schedule, day)[0])
        done = weeks.get(period, 0)
        if done >= habit.schedule.times or rng.random() > 0.45 * mood:
            return
        weeks[period] = done + 1
    if away:
        if rng.random() < 0.3:  # some people mark a holiday as a planned skip
            check = Check(habit.id, key, day, CheckStatus.SKIP, note="Away")
            yield _record(check, person, day, rng)
        return
    if rng.random() > mood:
        return
    value = None
    if habit.measurable:
        spread = habit.target * rng.uniform(0.4, 1.6)
        value = float(round(spread))
    note = rng.choice(NOTES) if rng.random() < 0.05 else ""
    check = Check(habit.id, key, day, CheckStatus.DONE, value, note)
    first = _record(check, person, day, rng)
    yield first
    if rng.random() < 0.3:
        # A slip of the thumb on the phone: ticked the wrong day, took it back, ticked again.
        yield SampleRecord(
            first.replica, "check", first.id, first.data, first.millis + 1000, deleted=True
        )
        yield SampleRecord(first.replica, "check", first.id, first.data, first.millis + 2000)
    if rng.random() < 0.7:
        # Later that week, on the other device: a note added or an amount fixed.
        fixed = Check(check.habit_id, key, day, check.status, value, note or rng.choice(NOTES))
        owner, device = first.replica.rsplit("-", 1)
        other = f"{owner}-{'phone' if device == 'laptop' else 'laptop'}"
        yield SampleRecord(
            other,
            "check",
            fixed.id,
            fixed.to_data(),
            first.millis + rng.randrange(1, 3) * 86_400_000,
        )


def _record(check: Check, person: Person, day: date, rng: random.Random) -> SampleRecord:
    return SampleRecord(
        _device(check.person, rng),
        "check",
        check.id,
        check.to_data(),
        _evening_millis(day, person, rng),
    )


def _holidays(start: date, end: date, rng: random.Random) -> set[date]:
    away: set[date] = set()
    year = start.year
    while date(year, 1, 1) <= end:
        first = date(year, 1, 1) + timedelta(days=rng.randrange(120, 300))
        away |= {first + timedelta(days=i) for i in range(rng.randrange(5, 15))}
        year += 1
    return away
