"""The couple's merged state as tables for a spreadsheet: one per kind of thing they keep.

Each table is read through the store's feature functions and the domain objects, never
from a file, so it holds exactly what the app shows: a record that does not fit its kind
is left out (and named by `rekindle doctor`), and what a partner may not see yet in the
app (their check-in for this week, their answer to a question you have not answered) is
not in your export either.

Cells are plain strings; `csv_export` makes typed text inert and writes the files.
"""

from __future__ import annotations

from datetime import date, datetime

import msgspec

from tracker.domain.checkin.model import KEYS, LABELS
from tracker.domain.content.daily import find_daily
from tracker.domain.dates.model import DateNight, Occurrence
from tracker.domain.dates.records import DateStatus
from tracker.domain.models import PARTNERS, CheckStatus, Habit, Owner
from tracker.store import checkins, daily, dates, talks
from tracker.store.couple import Couple


class Text(str):
    """A cell holding what someone typed: the formula guard applies to it alone, so a
    number or a day Rekindle wrote (a value of -2, say) is never prefixed."""

    __slots__ = ()


Cell = str  # a Text or a plain string Rekindle made
Row = list[Cell]


class Table(msgspec.Struct, frozen=True):
    file: str
    what: str  # the plural noun the command counts it by: "ticks"
    header: tuple[Cell, ...]
    rows: list[Row]


STATUS_WORDS = {CheckStatus.DONE: "done", CheckStatus.SKIP: "skipped"}
OWNER_WORDS = {Owner.EACH: "each of us", Owner.TOGETHER: "together"}


def number(value: float | None) -> str:
    """A value as a spreadsheet reads it: 3, not 3.0; nothing for no value."""
    if value is None:
        return ""
    value = float(value)  # an int from a hand-written file reads the same
    return str(int(value)) if value.is_integer() else repr(value)


def yes_no(flag: bool) -> str:
    return "yes" if flag else "no"


def local_time(moment: datetime | date) -> str:
    """A wall time as the app shows it, to the minute; a whole day as its day."""
    if isinstance(moment, datetime):
        return moment.isoformat(timespec="minutes")
    return moment.isoformat()


def _names(couple: Couple) -> dict[str, Text]:
    return {key: Text(couple.name_of(key)) for key in (*PARTNERS, "us")}


def _by_partner(names: dict[str, Text], *columns: str) -> tuple[Cell, ...]:
    """ "Alex stars", "Alex memory", "Sam stars", …: one set of columns per partner."""
    return tuple(Text(f"{names[key]} {column}") for key in PARTNERS for column in columns)


def ticks(couple: Couple) -> Table:
    names = _names(couple)
    # Archived habits' ticks are part of the years too; a deleted habit's wait in the bin.
    habits = {h.id: h for h in couple.habits(include_archived=True)}
    rows = [
        [
            check.day.isoformat(),
            Text(habits[habit_id].title),
            names.get(person, Text(person)),
            STATUS_WORDS[check.status],
            number(check.value),
            Text(habits[habit_id].unit) if check.value is not None else "",
            Text(check.note),
        ]
        for person, by_habit in couple.checks_by().items()
        for habit_id, days in by_habit.items()
        if habit_id in habits
        for check in days.values()
    ]
    rows.sort(key=lambda row: (row[0], row[1].casefold(), row[2].casefold()))
    header = ("day", "habit", "person", "status", "value", "unit", "note")
    return Table("ticks.csv", "ticks", header, rows)


def _habit_row(habit: Habit, names: dict[str, Text]) -> Row:
    owner = OWNER_WORDS.get(habit.owner) or names[habit.owner.value]
    return [
        Text(habit.title),
        owner,
        habit.area.value,
        habit.schedule.describe(),
        habit.kind.value,
        habit.direction.value if habit.measurable else "",
        number(habit.target) if habit.measurable else "",
        Text(habit.unit),
        habit.start.isoformat(),
        yes_no(habit.archived),
        Text(habit.description),
    ]


def habits(couple: Couple) -> Table:
    names = _names(couple)
    rows = [_habit_row(h, names) for h in couple.habits(include_archived=True)]
    rows.sort(key=lambda row: (row[0].casefold(), row[1].casefold()))
    header = (
        "habit", "owner", "area", "schedule", "kind", "direction", "target", "unit",
        "started", "archived", "description",
    )  # fmt: skip
    return Table("habits.csv", "habits", header, rows)


def _evening(dn: DateNight, day: date, marked: DateStatus | None) -> Occurrence:
    """The evening of `dn` on `day`, even one the series' rule no longer falls on (it was
    edited after being marked or rated): what happened then is kept, not dropped."""
    status = DateStatus.CANCELLED if dn.cancelled else (marked or DateStatus.PLANNED)
    return Occurrence(dn, day, status)


def date_nights(couple: Couple) -> Table:
    """Every date's first evening, and each evening of a series that was marked or rated:
    a weekly series never marked would otherwise fill years of rows with nothing in them
    (its evenings ahead are in `rekindle export ics`)."""
    names = _names(couple)
    marks, ratings = dates.marks(couple), dates.ratings(couple)
    rows = []
    for dn in dates.dates(couple):
        own_marks = marks.get(dn.id, {})
        rated = {day for date_id, day in ratings if date_id == dn.id}
        for day in sorted({dn.first_day, *own_marks, *rated}):
            mark = own_marks.get(day)
            evening = _evening(dn, day, mark.status if mark else None)
            stars = ratings.get((dn.id, day), {})
            rows.append([
                day.isoformat(),
                Text(dn.title),
                local_time(evening.start),
                dn.tz,
                dn.kind.value,
                Text(dn.place),
                dn.repeat.describe(dn.first_day),
                evening.status.value,
                *(
                    cell
                    for key in PARTNERS
                    for cell in (
                        str(stars[key].stars) if key in stars else "",
                        Text(stars[key].memory) if key in stars else "",
                    )
                ),
                Text(dn.notes),
            ])  # fmt: skip
    rows.sort(key=lambda row: (row[0], row[1].casefold()))
    header = (
        "day", "title", "starts", "zone", "kind", "place", "repeats", "status",
        *_by_partner(names, "stars", "memory"), "notes",
    )  # fmt: skip
    return Table("dates.csv", "dates", header, rows)


NOTE_FIELDS = ("topic", "heard", "agreed")


def talk_log(couple: Couple) -> Table:
    """Each talk held or skipped (or written about), with both partners' notes."""
    names = _names(couple)
    rows = []
    for entry in talks.log(couple):
        noted = [
            Text(getattr(entry.notes[key], field)) if key in entry.notes else ""
            for key in PARTNERS
            for field in NOTE_FIELDS
        ]
        followups = Text("\n".join(f.text for f in entry.followups))
        rows.append([
            entry.day.isoformat(),
            Text(entry.title),
            local_time(entry.when),
            entry.occurrence.status.value,
            *noted,
            followups,
        ])  # fmt: skip
    rows.sort(key=lambda row: (row[0], row[1].casefold()))
    header = ("day", "title", "when", "status", *_by_partner(names, *NOTE_FIELDS), "follow-ups")
    return Table("talks.csv", "talks", header, rows)


def checkin_weeks(couple: Couple, now: datetime) -> Table:
    """Your check-ins, and your partner's as the app lets you see them."""
    names = _names(couple)
    current = checkins.current_week(couple, couple.me, now)
    rows = [
        [
            found.week,
            names[person],
            found.day.isoformat(),
            *(
                cell
                for key in KEYS
                for cell in (str(found.ratings[key]), Text(found.notes.get(key, "")))
            ),
        ]
        for person, weeks in checkins.visible_history(couple, current).items()
        for found in weeks
    ]
    rows.sort(key=lambda row: (row[0], row[1].casefold()))
    areas = (cell for key in KEYS for cell in (LABELS[key], f"{LABELS[key]} note"))
    header = ("week", "person", "saved on", *areas)
    return Table("checkins.csv", "check-ins", header, rows)


def promise_list(couple: Couple) -> Table:
    names = _names(couple)
    rows = [
        [
            p.made.isoformat(),
            names.get(p.by, Text(p.by)),
            names.get(p.to, Text(p.to)),
            Text(p.text),
            p.due.isoformat(),
            p.status.value,
            p.closed.isoformat() if p.closed else "",
        ]
        for p in checkins.promises(couple)
    ]
    rows.sort(key=lambda row: (row[0], row[3].casefold(), row[4]))
    header = ("made", "by", "to", "promise", "due", "status", "closed")
    return Table("promises.csv", "promises", header, rows)


def question_days(couple: Couple) -> Table:
    """Each day with a question given or answered, and the answers as the app shows them
    to you: your partner's only on days you answered too."""
    names = _names(couple)
    days = set(daily.asked_days(couple)) | {a.day for a in daily.answers(couple)}
    rows = []
    for day in sorted(days):
        view = daily.day_view(couple, day)
        given = {a.person: a for a in (view.mine, view.theirs) if a is not None}
        key = view.key or next((a.key for a in given.values()), None)
        question = find_daily(key) if key else None
        rows.append([
            day.isoformat(),
            question.text if question else "",
            *(Text(given[k].text) if k in given else "" for k in PARTNERS),
        ])  # fmt: skip
    header = ("day", "question", *(Text(f"{names[key]}'s answer") for key in PARTNERS))
    return Table("daily-questions.csv", "daily questions", header, rows)


def tables(couple: Couple, now: datetime) -> list[Table]:
    """Every table, in the order the command names what it wrote (FILES' order)."""
    return [
        ticks(couple),
        habits(couple),
        date_nights(couple),
        talk_log(couple),
        checkin_weeks(couple, now),
        promise_list(couple),
        question_days(couple),
    ]


# The files an export writes: what tells an earlier export's folder from anyone else's.
FILES = ("ticks.csv", "habits.csv", "dates.csv", "talks.csv", "checkins.csv",
         "promises.csv", "daily-questions.csv")  # fmt: skip
