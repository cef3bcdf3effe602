"""What is open for this device's person, gathered from every feature for the reminders
rules (domain/reminders/due.py), and which reminders this device has already sent today.

It reads only what it needs, as a shell prompt asks on every line it draws: the core
files, then the months that hold today's periods (a month, a week, an "X in N days"
stretch) and the days around now; and the features' records directly rather than through
their store modules, which bring prompt decks and idea jars a reminder never shows.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from tracker.domain.checkin.model import iso_week
from tracker.domain.checkin.promises import due_by
from tracker.domain.clock import parse_clock
from tracker.domain.daily.model import answer_id
from tracker.domain.dates.kinds import DATE
from tracker.domain.dates.kinds import OCCURRENCE as DATE_MARK
from tracker.domain.dates.model import DateNight, marks_by_date, occurrences
from tracker.domain.dates.records import DateStatus
from tracker.domain.days import local_day, tz_problem
from tracker.domain.habits.progress import DayState
from tracker.domain.habits.schedule import period_of
from tracker.domain.habits.today import habits_of, row_for
from tracker.domain.models import US, Habit, Person
from tracker.domain.reminders.due import (
    CheckinState,
    OpenHabit,
    Planned,
    PromiseDue,
    QuestionState,
    Situation,
)
from tracker.domain.talks.kinds import OCCURRENCE as TALK_MARK
from tracker.domain.talks.kinds import SLOT
from tracker.domain.talks.model import Occurrence as TalkOccurrence
from tracker.domain.talks.model import Slot, meetings
from tracker.domain.talks.records import Status
from tracker.domain.text import single_line
from tracker.store import checkins
from tracker.store.cache import device_file
from tracker.store.couple import Couple, recent_months
from tracker.store.files import atomic_write, make_private_dir
from tracker.store.reminder_prefs import reminder_prefs
from tracker.store.settings import first_weekday


def months_needed(habits: list[Habit], day: date, first: int) -> set[str]:
    """The months whose files say what is open on ``day``: the ones around it (a talk
    after midnight, this week's check-in), and every month today's habit periods reach
    back into."""
    months = recent_months(day)
    earliest = day
    for habit in habits:
        if not habit.archived and habit.start <= day:
            earliest = min(earliest, max(habit.start, period_of(habit, day, first)[0]))
    month = earliest.replace(day=1)
    while month <= day:
        months.add(f"{month:%Y-%m}")
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def situation(couple: Couple, now: datetime) -> Situation:
    """Everything open for this device's person at ``now``."""
    me = couple.person(couple.me)
    prefs = reminder_prefs(couple)
    tz = zone_of(me)
    day = local_day(now, tz, me.day_start)
    return Situation(
        now=now,
        person=me.key,
        tz=tz,
        day_start=me.day_start,
        partner_name=couple.name_of(couple.partner_key),
        prefs=prefs,
        habits=_open_habits(couple, day),
        dates=_tonight(couple, day, prefs.talk_before),
        talks=_talks(couple, now, prefs.talk_before),
        checkin=_checkin(couple, day),
        question=_question(couple, day),
        promises=[
            PromiseDue(p.id, p.text, p.due)
            for p in due_by(checkins.promises(couple), day)
            if p.by == couple.me
        ],
    )


def zone_of(person: Person) -> str:
    """The person's zone, or UTC when this computer does not know it (the caller says so):
    a reminder by the wrong clock is better than none, or than a crash."""
    return person.tz if tz_problem(person.tz) is None else "UTC"


def _open_habits(couple: Couple, day: date) -> list[OpenHabit]:
    habits, checks, first = couple.habits(), couple.checks_by(), first_weekday(couple)
    found = []
    for person in (couple.me, US):
        for habit in habits_of(habits, person):
            if habit.start > day:
                continue
            row = row_for(habit, person, checks, day, history=False, first_weekday=first)
            if row.state is DayState.PENDING:
                at = _clock(habit.remind_at)
                found.append(OpenHabit(habit.id, habit.title, at, together=person == US))
    return found


def _clock(text: str) -> time | None:
    return parse_clock(text) if text else None


def _tonight(couple: Couple, day: date, default_before: int) -> list[Planned]:
    marks = marks_by_date(couple.objects(DATE_MARK))
    found = []
    evenings: list[DateNight] = couple.objects(DATE)
    for dn in evenings:
        if dn.all_day:
            continue
        for occ in occurrences(
            dn, marks.get(dn.id, {}), day - timedelta(days=1), day + timedelta(days=1)
        ):
            if occ.status is DateStatus.PLANNED:
                before = default_before if dn.alarm_minutes is None else dn.alarm_minutes
                found.append(Planned(f"date:{dn.id}:{occ.day}", dn.title, occ.start_at, before))
    return found


def _talks(couple: Couple, now: datetime, before: int) -> list[Planned]:
    horizon = max(timedelta(hours=3), timedelta(minutes=before))
    slots: list[Slot] = [s for s in couple.objects(SLOT) if not s.cancelled]
    meetings_kept: list[TalkOccurrence] = couple.objects(TALK_MARK)
    occurrences_by_id = {o.id: o for o in meetings_kept}
    return [
        Planned(f"talk:{m.slot.id}:{m.day}", m.slot.title, m.start, before)
        for m in meetings(slots, occurrences_by_id, now - timedelta(hours=1), now + horizon)
        if m.status is Status.PLANNED
    ]


def _question(couple: Couple, day: date) -> QuestionState:
    """Whether each of us answered today's daily question (by my day): the answers' ids
    name the day and the person, so nothing of the question pool is read."""
    mine = couple.record(answer_id(day, couple.me)) is not None
    theirs = couple.record(answer_id(day, couple.partner_key)) is not None
    return QuestionState(mine, theirs)


def _checkin(couple: Couple, day: date) -> CheckinState:
    week = iso_week(day)
    mine = checkins.checkin_for(couple, couple.me, week) is not None
    theirs = checkins.checkin_for(couple, couple.partner_key, week) is not None
    return CheckinState(week, mine, theirs)


# -- what this device has already sent ------------------------------------------------


def sent_file(data_dir: Path, replica_id: str) -> Path:
    """What this device remembers, beside its "last here"."""
    return device_file(data_dir, replica_id, "state", "reminded").with_suffix(".json")


def sent_today(path: Path, day: date) -> set[str]:
    """The keys this device's notifications brought up on ``day`` (a day of the person's)."""
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    if not isinstance(stored, dict) or stored.get("day") != day.isoformat():
        return set()
    keys = stored.get("keys")
    return {single_line(k) for k in keys if isinstance(k, str)} if isinstance(keys, list) else set()


def note_sent(path: Path, day: date, keys: set[str]) -> None:
    """Remember what was sent today (replacing another day's list), written whole: two
    runs at once leave one list or the other, never a torn file."""
    make_private_dir(path.parent)
    payload = json.dumps({"day": day.isoformat(), "keys": sorted(keys)}).encode()
    atomic_write(path, payload, durable=False)
