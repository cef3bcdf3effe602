"""A made-up couple who have used Rekindle for years: for demos and benchmarks.

Deterministic for a seed. People drift in and out of good spells, take
holidays, skip on purpose, add a note now and then and fix a tick later on
another device, so the history looks like real use, not a grid of ticks.
The same moods and holidays run through their check-ins, promises and thanks
(here) and their talks, dates and goals (``features``); ``story`` joins them.
Pure: this yields versioned records; the store decides where they go.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from tracker.domain.checkin.kinds import APPRECIATION, CHECKIN, PROMISE, REPAIR
from tracker.domain.checkin.model import KEYS, make_checkin
from tracker.domain.checkin.promises import (
    make_appreciation,
    make_promise,
    make_repair,
    renegotiate,
    settle,
)
from tracker.domain.content.starter import STARTER_HABITS, find_starter
from tracker.domain.habits.schedule import due_days, is_period_habit, period_of
from tracker.domain.kinds import CHECK, HABIT, PERSON
from tracker.domain.models import US, Area, Check, CheckStatus, Habit, Person, ScheduleKind

RECENT = timedelta(days=21)  # no holiday this close to the end
GOOD_SPELL = timedelta(days=14)  # the weeks before the end are good ones
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


def lines(*parts: str) -> tuple[str, ...]:
    """A pool of short texts written as "one|two|three" (keeps the word lists compact)."""
    return tuple("".join(parts).split("|"))


APPRECIATIONS = lines(
    "You made coffee before I woke up.|Thank you for listening last night.|The note in my bag "
    "made my day.|You took the bins out without being asked.|Thanks for picking me up in the "
    "rain.|You remembered my meeting and asked how it went.|Dinner was lovely.|You were patient "
    "when I was grumpy.|Thanks for calling my mum.|You fixed the wobbly chair.|You made me laugh "
    "when I needed it.|Thank you for planning Friday.|You gave me space this morning.|You did "
    "the big shop on your own.|The flowers.|You tidied the kitchen after a long day.|You said "
    "sorry first.|You stayed off your phone all evening.|You were kind to my friends.|You "
    "backed me up at dinner.|You noticed I was tired and ran me a bath.|Thanks for the early "
    "night.|You warmed the car up for me.|You asked about my day and really listened."
)
PROMISES = lines(
    "Book the dentist for both of us|Call the plumber about the tap|Plan a day out for us|Be "
    "home by seven on Thursday|Sort the photos from the holiday|Cook on Wednesday|Phone away "
    "after ten all week|Clear the spare room|Ring your sister back|Fix the bike light|Look at "
    "flights for the summer|Take the car in for its service|Write the thank-you cards|Sort out "
    "the recycling rota"
)
REPAIRS = (
    ("I snapped at you about the dishes when I was really stressed about work.",
     "I'll say when I'm stressed instead of taking it out on you."),
    ("I was on my phone all through dinner.", "Phones stay in the other room at dinner."),
    ("I forgot our plans on Friday.", "Our plans go in my calendar the moment we make them."),
    ("I went quiet for two days instead of talking.",
     "When I need time I'll say so, and say when we'll talk."),
    ("I made fun of your idea in front of friends.", "I'll ask about your ideas, and be kind."),
)  # fmt: skip
CHECKIN_NOTES = lines(
    "Busy week, little time for us.|Good talk on Sunday.|Still sore about the weekend.|Felt "
    "like a team this week.|Need more evenings together.|Money worries again.|We keep "
    "circling the same argument.|Lovely week, honestly."
)
AREAS = tuple(area.value for area in Area)


@dataclass(frozen=True, slots=True)
class SampleRecord:
    replica: str
    kind: str
    id: str
    data: dict[str, Any]
    millis: int  # when it was written, for its stamp
    deleted: bool = False


def _habit_keys(count: int) -> list[str]:
    """Every schedule kind (but one, below), weighted to everyday habits: they carry most
    of a history."""
    by_kind: dict[str, list[str]] = {}
    for starter in STARTER_HABITS:
        # The sample's year was drawn before "X in N days" existed: a habit of it in the
        # mix would change every tick's dice after it, and with them the year's moods.
        if starter.schedule.kind is not ScheduleKind.TIMES_IN_DAYS:
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


# When in the day each habit is usually ticked, by its place in the list: spread from
# breakfast to bedtime, so whenever the demo is opened today is partly done, as it would be.
TICK_HOURS = (7, 19, 8, 21, 12, 18, 20, 9, 13, 17)


def _tick_millis(day: date, person: Person, rng: random.Random, hour: int = 19) -> int:
    moment = datetime.combine(day, time(hour, 0), ZoneInfo(person.tz))
    return int(moment.timestamp() * 1000) + rng.randrange(0, 2 * 3600 * 1000)


def day_end(day: date) -> datetime:
    """The last moment of `day` where the couple live: "now" for a history ending that day."""
    return datetime.combine(day + timedelta(days=1), time(), ZoneInfo(PEOPLE[0].tz)) - timedelta(
        milliseconds=1
    )


def _device(person: str, rng: random.Random) -> str:
    base = "alex" if person in ("a", US) else "sam"
    return f"{base}-{'laptop' if rng.random() < 0.7 else 'phone'}"


def lived(
    start: date, end: date, seed: int, parts: Sequence[Callable[[Life], Iterator[SampleRecord]]]
) -> Iterator[SampleRecord]:
    """Their habits, check-ins, promises and thanks from `start` to `end`, then what each of
    `parts` makes of the same life (talks, dates, goals: see ``story.generate``)."""
    rng = random.Random(seed)
    start_ms = _tick_millis(start, PEOPLE[0], rng)
    for person in PEOPLE:
        device = "alex-laptop" if person.key == "a" else "sam-laptop"
        yield SampleRecord(device, PERSON, f"person:{person.key}", person.to_data(), start_ms)
    habits = sample_habits(start)
    for habit in habits:
        yield SampleRecord("alex-laptop", HABIT, habit.id, habit.to_data(), start_ms)
    people = {p.key: p for p in PEOPLE}
    # Each person's (and the couple's) willingness, drifting week by week.
    mood = {key: 0.85 for key in ("a", "b", US)}
    # Home for the last three weeks: the demo opens on a couple in the middle of things.
    holidays = {d for d in _holidays(start, end, rng) if not end - RECENT <= d <= end}
    due = {h.id: set(due_days(h, start, end)) for h in habits}
    day = start
    weeks: dict[tuple[str, str, date], int] = {}
    moods: dict[date, dict[str, float]] = {}
    while day <= end:
        if day.weekday() == 0:
            for key in mood:
                mood[key] = min(0.98, max(0.45, mood[key] + rng.uniform(-0.08, 0.08)))
                if end - day < GOOD_SPELL:  # bad weeks behind them, a good one now
                    mood[key] = max(mood[key], 0.9)
        if day.weekday() == 0 or day == start:
            moods[day - timedelta(days=day.weekday())] = dict(mood)
        away = day in holidays
        for habit in habits:
            for key in habit.people():
                if day in due[habit.id]:
                    yield from _day_of(habit, key, day, mood[key], away, people, weeks, rng)
        day += timedelta(days=1)
    # Everything else the couple wrote, drawn from the same moods and holidays but with
    # its own dice, so the habits above stay exactly what they were for a seed.
    life = Life(start, end, moods, frozenset(holidays), random.Random(f"rekindle-life-{seed}"))
    for part in (bonds, *parts):
        yield from part(life)


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
    person, hour = people["a" if key == US else key], TICK_HOURS[habit.order % len(TICK_HOURS)]
    if is_period_habit(habit.schedule):
        period = (habit.id, key, period_of(habit, day)[0])
        done = weeks.get(period, 0)
        if done >= habit.schedule.times or rng.random() > 0.45 * mood:
            return
        weeks[period] = done + 1
    if away:
        if rng.random() < 0.3:  # some people mark a holiday as a planned skip
            check = Check(habit.id, key, day, CheckStatus.SKIP, note="Away")
            yield _record(check, person, day, rng, hour)
        return
    if rng.random() > mood:
        return
    value = None
    if habit.measurable:
        spread = habit.target * rng.uniform(0.4, 1.6)
        value = float(round(spread))
    note = rng.choice(NOTES) if rng.random() < 0.05 else ""
    check = Check(habit.id, key, day, CheckStatus.DONE, value, note)
    first = _record(check, person, day, rng, hour)
    yield first
    if rng.random() < 0.3:
        # A slip of the thumb on the phone: ticked the wrong day, took it back, ticked again.
        yield SampleRecord(
            first.replica, CHECK, first.id, first.data, first.millis + 1000, deleted=True
        )
        yield SampleRecord(first.replica, CHECK, first.id, first.data, first.millis + 2000)
    if rng.random() < 0.7:
        # Later that week, on the other device: a note added or an amount fixed.
        fixed = Check(check.habit_id, key, day, check.status, value, note or rng.choice(NOTES))
        owner, device = first.replica.rsplit("-", 1)
        other = f"{owner}-{'phone' if device == 'laptop' else 'laptop'}"
        yield SampleRecord(
            other,
            CHECK,
            fixed.id,
            fixed.to_data(),
            first.millis + rng.randrange(1, 3) * 86_400_000,
        )


def _record(check: Check, person: Person, day: date, rng: random.Random, hour: int) -> SampleRecord:
    millis = _tick_millis(day, person, rng, hour)
    return SampleRecord(_device(check.person, rng), CHECK, check.id, check.to_data(), millis)


def _holidays(start: date, end: date, rng: random.Random) -> set[date]:
    away: set[date] = set()
    year = start.year
    while date(year, 1, 1) <= end:
        first = date(year, 1, 1) + timedelta(days=rng.randrange(120, 300))
        away |= {first + timedelta(days=i) for i in range(rng.randrange(5, 15))}
        year += 1
    return away


# --- the rest of their life together: shared by every feature's records ---------------


@dataclass(frozen=True, slots=True)
class Rough:
    """A few hard weeks: one person rates one area 2 and the evenings get fewer."""

    person: str
    area: str
    first: date
    last: date


@dataclass
class Life:
    start: date
    end: date
    moods: dict[date, dict[str, float]]  # by Monday: "a", "b" and US, as the habits used
    holidays: frozenset[date]
    rng: random.Random
    rough: tuple[Rough, ...] = ()

    def __post_init__(self) -> None:
        patches, span = [], (self.end - self.start).days
        count = max(1, round(span / 1100))  # one every three years or so
        for part in range(count):
            first = self.start + timedelta(days=round(span * (part + 0.45) / count))
            while any(first + timedelta(days=d) in self.holidays for d in range(50)):
                first += timedelta(days=60)
            last = first + timedelta(weeks=self.rng.randrange(4, 7))
            if last < self.end - timedelta(days=28):  # long past: the card has come and gone
                area = self.rng.choice((Area.QUALITY_TIME, Area.CONFLICT, Area.COMMUNICATION))
                patches.append(Rough(self.rng.choice("ab"), area.value, first, last))
        self.rough = tuple(patches)

    def mood(self, key: str, day: date) -> float:
        return self.moods.get(day - timedelta(days=day.weekday()), {}).get(key, 0.85)

    def rough_on(self, day: date) -> Rough | None:
        return next((r for r in self.rough if r.first <= day <= r.last), None)

    def new_id(self, kind: str) -> str:
        """ "kind:" and twelve hex digits, as ``Couple.new_id`` makes them, from the seed."""
        return f"{kind}:{self.rng.getrandbits(48):012x}"

    def at(self, day: date, person: str, clock: time, spread_minutes: int = 60) -> int:
        """A moment on ``day`` in ``person``'s zone, ``clock`` plus up to the spread."""
        moment = datetime.combine(day, clock, ZoneInfo(PEOPLE[person == "b"].tz))
        return int(moment.timestamp() * 1000) + self.rng.randrange(spread_minutes * 60_000 + 1)

    def put(
        self, person: str, kind: str, record_id: str, data: dict[str, Any], millis: int
    ) -> SampleRecord:
        return SampleRecord(_device(person, self.rng), kind, record_id, data, millis)


def other(person: str) -> str:
    return "b" if person == "a" else "a"


def bonds(life: Life) -> Iterator[SampleRecord]:
    """Weekly check-ins, promises, appreciations and repairs."""
    yield from _checkins(life)
    rng, day = life.rng, life.start
    while day <= life.end:
        for person in ("a", "b"):
            mood, rough = life.mood(person, day), life.rough_on(day)
            if rng.random() < 0.13 * (0.4 + mood) * (0.5 if rough else 1):
                item = make_appreciation(
                    life.new_id(APPRECIATION),
                    person,
                    other(person),
                    day,
                    rng.choice(APPRECIATIONS),
                )
                millis = life.at(day, person, time(8), 14 * 60)
                yield life.put(person, APPRECIATION, item.id, item.to_data(), millis)
            if rng.random() < 0.027 * (0.4 + mood):
                yield from _promise(life, person, day)
        if day.weekday() == 6 and rng.random() < (0.5 if life.rough_on(day) else 0.03):
            by = rng.choice("ab")
            apology, change = rng.choice(REPAIRS)
            repair = make_repair(life.new_id(REPAIR), by, other(by), day, apology, change)
            yield life.put(by, REPAIR, repair.id, repair.to_data(), life.at(day, by, time(21)))
        day += timedelta(days=1)


def _checkins(life: Life) -> Iterator[SampleRecord]:
    rng = life.rng
    bias = {(p, key): rng.uniform(-0.5, 0.4) for p in "ab" for key in AREAS}
    monday = life.start - timedelta(days=life.start.weekday())
    while monday <= life.end:
        for person in ("a", "b"):
            day = monday + timedelta(days=rng.choice((3, 4, 5, 6, 6, 6)))
            rough = life.rough_on(day)
            if person == "b" and monday < life.end < day:
                day = life.end  # this week Sam was early; Alex's isn't in yet
            hard = rough is not None and rough.person == person
            if not life.start <= day <= life.end or (
                not hard and (day in life.holidays or rng.random() < 0.08)
            ):
                continue
            mood = 0.7 * life.mood(person, day) + 0.3 * life.mood(US, day)
            ratings = {
                key: 1 + 4 * mood + bias[(person, key)] - 0.6 * hard + rng.gauss(0, 0.45)
                for key in AREAS
            }
            if hard and rough:
                ratings[rough.area] = 2
            ratings["closeness"] = sum(ratings.values()) / len(AREAS) + rng.gauss(0, 0.3)
            scores = {key: min(5, max(1, round(ratings[key]))) for key in KEYS}
            notes = {}
            if rng.random() < 0.2 or hard:
                low = min(AREAS, key=lambda key: scores[key])
                notes[low] = rng.choice(CHECKIN_NOTES[:3] if hard else CHECKIN_NOTES)
            checkin = make_checkin(person, day, scores, notes)
            millis = life.at(day, person, time(19), 180)
            yield life.put(person, CHECKIN, checkin.id, checkin.to_data(), millis)
            later = day + timedelta(days=1)
            if rng.random() < 0.1 and later.weekday() and later <= life.end:
                # Thought better of one answer the next day, on the other device.
                key = rng.choice(KEYS)
                scores[key] = min(5, max(1, scores[key] + rng.choice((-1, 1))))
                fixed = make_checkin(person, later, scores, notes)
                millis = life.at(later, person, time(8), 12 * 60)
                yield life.put(person, CHECKIN, fixed.id, fixed.to_data(), millis)
        monday += timedelta(weeks=1)


def _promise(life: Life, by: str, day: date) -> Iterator[SampleRecord]:
    """One promise and what came of it: kept, broken, or a new date first."""
    rng = life.rng
    promise = make_promise(
        life.new_id(PROMISE), rng.choice(PROMISES), by, other(by),
        f"in {rng.randrange(1, 15)} days", day,
    )  # fmt: skip
    millis = life.at(day, by, time(19), 240)
    yield life.put(by, PROMISE, promise.id, promise.to_data(), millis)
    keep = 0.5 + 0.4 * life.mood(by, promise.due) - 0.25 * bool(life.rough_on(promise.due))
    if rng.random() < 0.15 and promise.due <= life.end:
        on = promise.due  # on the day, honestly: not today, but next week
        promise = renegotiate(promise, f"in {rng.randrange(3, 11)} days", on)
        millis = max(millis + 1, life.at(on, by, time(9), 10 * 60))
        yield life.put(by, PROMISE, promise.id, promise.to_data(), millis)
        keep += 0.1
    closed = promise.due + timedelta(days=rng.choice((0, 0, 0, 1, 2)))
    if promise.due < life.end:  # settled by yesterday: nothing is left overdue on opening
        closed = min(closed, life.end - timedelta(days=1))
    if closed > life.end:
        return  # still open
    promise = settle(promise, rng.random() < keep, closed)
    marker = by if rng.random() < 0.8 else other(by)
    millis = max(millis + 1, life.at(closed, marker, time(18), 300))
    yield life.put(marker, PROMISE, promise.id, promise.to_data(), millis)
