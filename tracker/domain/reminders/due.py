"""What is due for one person at one instant, and which of it a notification may bring up.

Pure: the store gathers what is open (habits still to tick today, tonight's date, the next
talk, this week's check-in, promises due) as plain values; this module orders it, words
it, and decides what a scheduled `rekindle remind --notify` may say now. It never says
anything inside the person's quiet hours, and never the same thing twice in one of their
days (the caller keeps the keys already sent).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import IntEnum
from zoneinfo import ZoneInfo

from tracker.domain.days import day_moment, local_day
from tracker.domain.models import US
from tracker.domain.reminders.prefs import ReminderPrefs

# A talk is listed (not yet notified) this long before it starts: "within the next few
# hours". Its notification waits for the person's own minutes-before.
TALK_HORIZON = timedelta(hours=3)


class DueKind(IntEnum):
    """What a reminder is about; the order is the order they are listed in: what is bound
    to a time comes first, habits (open all day) last."""

    TALK = 0
    DATE = 1
    CHECKIN = 2
    PROMISE = 3
    QUESTION = 4
    HABIT = 5

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class OpenHabit:
    """A habit of this person's (or the two of them together) not yet done today."""

    id: str
    title: str
    remind_at: time | None  # its own time; None for the person's usual time
    together: bool = False


@dataclass(frozen=True, slots=True)
class Planned:
    """Tonight's date or a coming talk: something with a start time."""

    key: str  # the record and the day it is on: stable from run to run
    title: str
    start: datetime  # aware
    before: int  # minutes before the start a notification may go out


@dataclass(frozen=True, slots=True)
class CheckinState:
    week: str  # ISO week, "2026-W49"
    mine_in: bool
    partner_in: bool


@dataclass(frozen=True, slots=True)
class QuestionState:
    """Today's daily question, from this person's side."""

    mine_in: bool
    partner_in: bool


def question_waiting(partner_name: str, partner_in: bool) -> str:
    """Today's question, not yet answered by this person: the words a reminder says and
    Today's line shows."""
    if partner_in:
        return f"{partner_name} has answered today's question; yours is waiting"
    return "Today's question is waiting for you"


@dataclass(frozen=True, slots=True)
class PromiseDue:
    id: str
    text: str
    due: date


@dataclass(frozen=True, slots=True)
class Situation:
    """Everything due that the store found for one person, as plain values."""

    now: datetime  # aware
    person: str  # "a" or "b"
    tz: str  # a zone this computer knows
    day_start: int
    partner_name: str
    prefs: ReminderPrefs
    habits: Sequence[OpenHabit] = ()
    dates: Sequence[Planned] = ()
    talks: Sequence[Planned] = ()
    checkin: CheckinState | None = None
    promises: Sequence[PromiseDue] = ()
    question: QuestionState | None = None

    @property
    def day(self) -> date:
        return local_day(self.now, self.tz, self.day_start)

    def at(self, clock: time) -> datetime:
        """The instant ``clock`` o'clock falls on in this person's day."""
        return day_moment(self.day, clock, self.tz, self.day_start)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(ZoneInfo(self.tz))


@dataclass(frozen=True, slots=True)
class Due:
    key: str  # names the thing itself: the same from run to run
    kind: DueKind
    text: str
    at: datetime  # aware: from when a notification may bring it up
    start: datetime | None = None  # a talk's or a date's start, in the person's zone


def due_items(situation: Situation) -> list[Due]:
    """Everything due now, most important first."""
    s = situation
    items: list[Due] = []
    for talk in s.talks:
        if s.now < talk.start and talk.start - s.now <= max(
            TALK_HORIZON, timedelta(minutes=talk.before)
        ):
            when = f"{s.local(talk.start):%H:%M}"
            items.append(
                Due(
                    talk.key,
                    DueKind.TALK,
                    f"Talk at {when}: {talk.title}",
                    _before(talk),
                    s.local(talk.start),
                )
            )
    for planned in s.dates:
        start = s.local(planned.start)
        if (
            s.now < planned.start + timedelta(hours=1)
            and local_day(planned.start, s.tz, s.day_start) == s.day
        ):
            word = "Tonight" if start.hour >= 17 else "Today"
            text = f"{word} at {start:%H:%M}: {planned.title}"
            items.append(Due(planned.key, DueKind.DATE, text, _before(planned), start))
    if s.checkin is not None and not s.checkin.mine_in:
        from_at = _checkin_moment(s)
        if s.now >= from_at or s.checkin.partner_in:
            text = (
                f"{s.partner_name} has answered this week's check-in; yours is the last"
                if s.checkin.partner_in
                else "This week's check-in is waiting for you"
            )
            items.append(Due(f"checkin:{s.checkin.week}", DueKind.CHECKIN, text, from_at))
    for promise in sorted(s.promises, key=lambda p: (p.due, p.id)):
        if promise.due <= s.day:
            when = "due today" if promise.due == s.day else f"due since {promise.due:%a %d %b}"
            text = f"A promise {when}: “{promise.text}”"
            items.append(
                Due(f"promise:{promise.id}", DueKind.PROMISE, text, s.at(s.prefs.habits_at))
            )
    if s.question is not None and not s.question.mine_in:
        text = question_waiting(s.partner_name, s.question.partner_in)
        key = f"question:{s.day.isoformat()}"
        items.append(Due(key, DueKind.QUESTION, text, s.at(s.prefs.habits_at)))
    for habit in s.habits:
        clock = habit.remind_at or s.prefs.habits_at
        text = f"Still open today{', together' if habit.together else ''}: {habit.title}"
        key = f"{habit.id}|{US if habit.together else s.person}|{s.day.isoformat()}"
        items.append(Due(key, DueKind.HABIT, text, s.at(clock)))
    # Stable: habits at the same time keep the order Today shows them in.
    return sorted(items, key=lambda item: (item.kind, item.at))


def _before(planned: Planned) -> datetime:
    return planned.start - timedelta(minutes=planned.before)


def _checkin_moment(s: Situation) -> datetime:
    """This week's check-in time: the chosen weekday of the person's week. Check-ins are
    kept by ISO week, Monday to Sunday, whatever day the couple's other weeks begin on."""
    monday = s.day - timedelta(days=s.day.weekday())
    on = monday + timedelta(days=s.prefs.checkin_day)
    return day_moment(on, s.prefs.checkin_at, s.tz, s.day_start)


def due_now(situation: Situation) -> list[Due]:
    """What is due whose time has come: what the app marks (quiet hours or not, sent or
    not: the person is looking)."""
    return [item for item in due_items(situation) if item.at <= situation.now]


def in_quiet_hours(situation: Situation) -> bool:
    return situation.prefs.is_quiet(situation.local(situation.now).time())


def to_notify(items: Sequence[Due], situation: Situation, sent_today: Collection[str]) -> list[Due]:
    """What a notification may bring up now: its time has come, it was not sent today,
    and the person is not in their quiet hours (then nothing, until they end)."""
    if in_quiet_hours(situation):
        return []
    return [item for item in items if item.at <= situation.now and item.key not in sent_today]
