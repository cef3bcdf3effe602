""" "Since you were last here": when this person last had the app open on this device, and
what their partner did in between.

"Last here" is kept on this device (beside its settings, never in the synced folder: the
partner's devices have their own), one small file per data folder and replica. It holds
the moment, for the words ("Since Tuesday evening"), and the newest stamp seen from each
of the partner's devices, for what is new: a device's stamps only ever grow, so whatever
of theirs is stamped after it arrived since, however late the sync brought it and
whatever their clock says. A device of theirs not seen before is new from the moment on.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import msgspec

from tracker.domain.checkin.kinds import APPRECIATION, CHECKIN, PROMISE
from tracker.domain.checkin.promises import PromiseStatus
from tracker.domain.dates.kinds import DATE
from tracker.domain.days import moment_in, person_today
from tracker.domain.kinds import CHECK
from tracker.domain.models import US, CheckStatus
from tracker.domain.reminders.since import PartnerNews, Plan, PlanKind, since_line
from tracker.domain.talks.kinds import SLOT
from tracker.store.bin import replica_people
from tracker.store.cache import device_file
from tracker.store.checkins import current_week
from tracker.store.couple import Couple
from tracker.store.files import atomic_write, make_private_dir
from tracker.store.records import COUNTER_MAX, Record, Version, format_stamp

# Up to the last moment of the year 9999: a larger one, from a damaged file, is no time
# a datetime can hold, and is read as no file at all.
Millis = Annotated[int, msgspec.Meta(ge=0, le=253_402_300_799_999)]


class LastHere(msgspec.Struct, frozen=True):
    at_ms: Millis  # when this person was last here, by this device's clock
    seen: dict[str, str]  # each of the partner's devices → the newest stamp of it seen then


def last_here_file(data_dir: Path, replica_id: str) -> Path:
    """Beside this device's other local state; one per folder, like the cache."""
    return device_file(data_dir, replica_id, "state", "last-here").with_suffix(".json")


def _file_of(couple: Couple) -> Path:
    return last_here_file(couple.store.data_dir, couple.store.replica_id)


def read_last_here(couple: Couple) -> LastHere | None:
    """None the first time, and when the file cannot be read or is damaged: then the
    opening says nothing rather than guess, and the next mark starts it afresh."""
    try:
        return msgspec.json.decode(_file_of(couple).read_bytes(), type=LastHere)
    except (OSError, msgspec.DecodeError):
        return None


def partner_devices(couple: Couple) -> set[str]:
    """The replicas the partner writes from, as their own files say: only what they did
    counts, never this person's changes made on another device of theirs."""
    return {replica for replica, who in replica_people(couple).items() if who == couple.partner_key}


def _versions(record: Record) -> Iterable[Version]:
    yield record.version
    if record.older:
        yield from record.older.values()


def newest_seen(couple: Couple, devices: set[str]) -> dict[str, str]:
    """Each of these devices → the newest stamp of theirs in the folder as read, fields
    set before a later edit included (so an edit of theirs under one of ours is seen)."""
    newest: dict[str, str] = {}
    for record in couple.store.state.values():
        for stamp, replica in _versions(record):
            if replica in devices and stamp > newest.get(replica, ""):
                newest[replica] = stamp
    return newest


def mark_here(couple: Couple, now: datetime) -> None:
    """Remember that this person is here now and has seen all that is in the folder.

    Never in the way: a full disk or a read-only home only means the next opening may
    tell some of it again, so a failure to write is let go."""
    devices = partner_devices(couple)
    before = read_last_here(couple)
    seen = dict(before.seen) if before else {}
    for replica, stamp in newest_seen(couple, devices).items():
        seen[replica] = max(stamp, seen.get(replica, ""))
    path = _file_of(couple)
    with contextlib.suppress(OSError):
        make_private_dir(path.parent)
        atomic_write(path, msgspec.json.encode(LastHere(_millis(now), seen)))


class _Since:
    """Which versions are the partner's and new since `last`."""

    def __init__(self, couple: Couple, last: LastHere) -> None:
        self.devices = partner_devices(couple)
        self.floor = dict(last.seen)
        # Anything stamped at or after the moment (the millisecond before, at its last count).
        self.unseen_floor = format_stamp(max(last.at_ms - 1, 0), COUNTER_MAX)

    def new(self, version: Version) -> bool:
        stamp, replica = version
        return replica in self.devices and stamp > self.floor.get(replica, self.unseen_floor)

    def created(self, record: Record) -> bool:
        """Made by them since: every field it has dates from then (a record edited since,
        but made before, keeps its older fields' versions)."""
        return all(self.new(v) for v in _versions(record))


def partner_news(couple: Couple, last: LastHere, now: datetime) -> PartnerNews:
    """What the partner did since `last`, as the line tells it: their ticks, their check-ins,
    their thanks to this person, the talks and dates they planned ahead, and the promises
    they made to this person or kept. Nothing of theirs that was undone since is told."""
    since = _Since(couple, last)
    me, partner = couple.me, couple.partner_key

    def theirs(kind: str, field: str | None = None) -> list[tuple[Record, Any]]:
        """Live records of a kind whose last change (or whose `field`) is the partner's
        and new."""
        fresh = (
            r
            for r in couple.store.live(kind)
            if since.new(r.version if field is None else r.version_of(field))
        )
        return couple.with_objects(fresh)

    ticked = tuple(
        habit.title
        for _, check in theirs(CHECK)
        if check.status is CheckStatus.DONE
        and check.person in (partner, US)
        and (habit := couple.habit(check.habit_id)) is not None
    )
    # The id is the truth about whose week it is (as on the Check-in screen).
    checkins = [c for record, c in theirs(CHECKIN) if c.person == partner and record.id == c.id]
    this_week = current_week(couple, partner, now)
    return PartnerNews(
        ticked=ticked,
        checkins=len(checkins),
        answered_this_week=any(c.week == this_week for c in checkins),
        thanks=tuple(
            a.text
            for record, a in theirs(APPRECIATION)
            if a.by == partner and a.to == me and since.created(record)
        ),
        plans=_plans(
            theirs(DATE, "start"), theirs(SLOT, "start"), person_today(couple.person(me), now)
        ),
        # A promise's "made" day is written once, when it is made.
        promised=sum(p.by == partner and p.to == me for _, p in theirs(PROMISE, "made")),
        kept=sum(
            p.by == partner and p.status is PromiseStatus.KEPT for _, p in theirs(PROMISE, "status")
        ),
    )


def _plans(
    dates: list[tuple[Record, Any]], talks: list[tuple[Record, Any]], today: date
) -> tuple[Plan, ...]:
    """The dates and talks they put on the calendar, or moved, for today or later."""
    found = [
        Plan(kind, item.title, _day_of(item.start))
        for kind, items in ((PlanKind.DATE, dates), (PlanKind.TALK, talks))
        for _, item in items
        if not item.cancelled
    ]
    return tuple(plan for plan in found if plan.day >= today)


def _day_of(start: datetime | date) -> date:
    """The day on the event's own calendar: a date for a getaway, else its wall time's."""
    return start.date() if isinstance(start, datetime) else start


def since_you_were_here(couple: Couple, now: datetime) -> str | None:
    """The line for the opening, or None: the first time here, or nothing new from the
    partner. Marks this person as here, so the same news is never told twice (and a crash
    before closing does not tell it again at every opening)."""
    last = read_last_here(couple)
    line = None
    if last is not None:
        me = couple.person(couple.me)
        line = since_line(
            couple.name_of(couple.partner_key),
            partner_news(couple, last, now),
            moment_in(last.at_ms, me.tz),
            moment_in(_millis(now), me.tz),
            me.day_start,
        )
    mark_here(couple, now)
    return line


def _millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)
