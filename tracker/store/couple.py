"""The one object screens and commands talk to: the couple's data as domain objects."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from tracker.domain.kinds import CHECK, HABIT, PERSON, parse, parsed
from tracker.domain.models import PARTNERS, Check, Habit, Person, check_id
from tracker.domain.validation import Invalid
from tracker.store.identity import LocalConfig
from tracker.store.merge import undone
from tracker.store.records import Record
from tracker.store.store import Store

ChecksBy = dict[str, dict[str, dict[date, Check]]]
T = TypeVar("T")


def recent_months(today: date) -> set[str]:
    """Last month, this month and next: every partner's "today" in any time zone, and the
    week so far, fall inside them."""
    first = today.replace(day=1)
    before = (first - timedelta(days=1)).replace(day=1)
    after = (first + timedelta(days=32)).replace(day=1)
    return {f"{d:%Y-%m}" for d in (before, first, after)}


def new_key() -> str:
    """Twelve random hex digits, for a new record's id (as uuid4().hex[:12] would give)."""
    return os.urandom(6).hex()


class NotSetUp(Exception):
    """The data folder has no couple in it yet."""


class Change(msgspec.Struct, frozen=True):
    """Enough to undo one write: the id and the version it replaced (None if new)."""

    record_id: str
    kind: str
    before: Record | None
    description: str
    after: Record | None = None  # the version the change wrote: undo takes back only that


class Couple:
    def __init__(self, store: Store, me: str) -> None:
        self.store = store
        self.me = me
        self._checks_epoch = -1
        self._checks_seen = 0
        self._checks: ChecksBy = {}
        # Records left out of what screens show because their data does not fit their kind
        # (a newer version's value, or damage): by id, the version that failed and why.
        self._skipped: dict[str, tuple[Record, Invalid]] = {}

    @classmethod
    def open(
        cls,
        config: LocalConfig,
        data_dir: Path | None = None,
        now_millis: Callable[[], int] | None = None,
        months: Collection[str] | None = None,
    ) -> Couple:
        """Open the folder; with `months`, just those months and the core files (a first
        screen reads `recent_months(today)`)."""
        store = Store(
            data_dir or config.data_dir,
            config.replica_id,
            config.replica_meta(),
            now_millis=now_millis,
        )
        store.load(months=months)
        return cls(store, config.partner)

    def adopt(self, helper: Couple) -> list[Record]:
        """Take over a full load (and its check index) made on another thread."""
        self._checks = helper.checks_by()
        self._skipped.update(helper._skipped)  # what its full load left out, for `skipped`
        caught_up = self.store.adopt(helper.store)
        self._checks_epoch = self.store.epoch
        self._checks_seen = 0  # adopt() started a new change list with what it caught up on
        return caught_up

    # -- people ------------------------------------------------------------

    @property
    def partner_key(self) -> str:
        return "b" if self.me == "a" else "a"

    def parsed(self, records: Iterable[Record], parse_one: Callable[[Record], T]) -> list[T]:
        """Records as domain objects, through the one parse-and-skip path: a record that
        does not fit its kind is left out and remembered in `skipped`, never a crash."""

        def parse_and_forget(record: Record) -> T:
            found = parse_one(record)
            self._skipped.pop(record.id, None)  # this version fits: no longer left out
            return found

        return parsed(records, parse_and_forget, self._skip)

    def _skip(self, record: Record, why: Invalid) -> None:
        self._skipped[record.id] = (record, why)

    @property
    def skipped(self) -> dict[str, Invalid]:
        """Records left out now, by id, with why: only while the version that failed is
        still the merged one, so a later valid version, or a delete, takes it off."""
        state = self.store.state
        return {
            record_id: why
            for record_id, (record, why) in self._skipped.items()
            if (now := state.get(record_id)) is not None
            and now.stamp == record.stamp
            and not now.deleted
        }

    def as_objects(self, records: Iterable[Record]) -> list[Any]:
        """Records as the domain objects their kinds declare (domain/kinds.py)."""
        return self.parsed(records, lambda r: parse(r.kind, r.id, r.data))

    def objects(self, kind: str) -> list[Any]:
        """Every live record of a kind, oldest id first, as the domain object its kind
        declares: how each store module reads its own kinds."""
        return self.as_objects(self.records(kind))

    def with_objects(self, records: Iterable[Record]) -> list[tuple[Record, Any]]:
        """Each record beside its domain object, for readers that need the record too (its
        id, its stamp); one that does not fit is left out and named, as everywhere."""
        return self.parsed(records, lambda r: (r, parse(r.kind, r.id, r.data)))

    def people(self) -> dict[str, Person]:
        found: dict[str, Person] = {}
        for key in PARTNERS:
            record = self.store.get(f"person:{key}")
            if record is None:
                continue
            read: list[Person] = self.as_objects([record])
            # Every screen needs both people: one whose record does not fit (a newer
            # version's day start, say) stands in with every field that does fit and the
            # defaults for the rest, and is still named by doctor.
            found[key] = read[0] if read else Person.salvaged(key, record.data)
        return found

    def person(self, key: str) -> Person:
        people = self.people()
        if key not in people:
            raise NotSetUp("This folder has no couple yet. Run `rekindle init` first.")
        return people[key]

    def is_set_up(self) -> bool:
        return len(self.people()) == len(PARTNERS)

    def name_of(self, key: str) -> str:
        if key == "us":
            return "Together"
        person = self.people().get(key)
        return person.name if person and person.name else ("Partner A" if key == "a" else "B")

    def save_person(self, person: Person) -> Change:
        return self._put(PERSON, f"person:{person.key}", person.to_data(), f"Saved {person.name}")

    # -- habits ------------------------------------------------------------

    @staticmethod
    def new_habit_id() -> str:
        return f"habit:{new_key()}"

    def habits(self, include_archived: bool = False) -> list[Habit]:
        found: list[Habit] = self.as_objects(self.store.live(HABIT))
        if not include_archived:
            found = [h for h in found if not h.archived]
        return sorted(found, key=lambda h: (h.order, h.title.casefold(), h.id))

    def habit(self, habit_id: str) -> Habit | None:
        record = self.store.get(habit_id)
        if record is None or record.kind != HABIT:
            return None
        found: list[Habit] = self.as_objects([record])
        return found[0] if found else None

    def save_habit(self, habit: Habit) -> Change:
        return self._put(HABIT, habit.id, habit.to_data(), f"Saved “{habit.title}”")

    def delete_habit(self, habit_id: str) -> Change | None:
        before = self.store.get(habit_id)
        if before is None:
            return None
        after = self.store.delete(habit_id)
        title = before.data.get("title", "")
        return Change(habit_id, HABIT, before, f"Deleted “{title}”", after)

    # -- check-offs --------------------------------------------------------

    def checks_by(self) -> ChecksBy:
        """person → habit id → day → check, kept up to date from the store's changes.

        Built once per load; after that each tick, sync or undo costs only the
        records it changed, however many years of history there are.
        """
        store = self.store
        if self._checks_epoch != store.epoch:
            index: ChecksBy = {}
            for check in self.parsed(store.live(CHECK), _check):
                index.setdefault(check.person, {}).setdefault(check.habit_id, {})[check.day] = check
            self._checks, self._checks_epoch = index, store.epoch
            self._checks_seen = len(store.changes)
        elif self._checks_seen < len(store.changes):
            for changed in store.changes[self._checks_seen :]:
                if changed.kind != CHECK:
                    continue
                current = store.state.get(changed.id, changed)
                found = parsed([current], _check)
                if not found:
                    # This version does not fit (or is a tombstone of one that did not), so
                    # the check-off it replaces, filed by data we no longer have, could stay
                    # on screen: build the index again. Rare: only damage or newer data.
                    self._checks_epoch = -1
                    return self.checks_by()
                self._skipped.pop(current.id, None)
                check = found[0]
                days = self._checks.setdefault(check.person, {}).setdefault(check.habit_id, {})
                if current.deleted:
                    days.pop(check.day, None)
                else:
                    days[check.day] = check
            self._checks_seen = len(store.changes)
        return self._checks

    def checks_among(self, records: Iterable[Record]) -> list[Check]:
        """The live check-offs among these records (say, what just arrived), as Checks: the
        UI is told what happened, and never reads a record's data itself."""
        return self.parsed((r for r in records if r.kind == CHECK and not r.deleted), _check)

    def check(self, habit_id: str, person: str, day: date) -> Check | None:
        return self.checks_by().get(person, {}).get(habit_id, {}).get(day)

    def set_check(self, check: Check, description: str = "") -> Change:
        return self._put(CHECK, check.id, check.to_data(), description or "Ticked")

    def clear_check(self, habit_id: str, person: str, day: date) -> Change | None:
        record_id = check_id(habit_id, person, day)
        before = self.store.get(record_id)
        if before is None:
            return None
        after = self.store.delete(record_id)
        return Change(record_id, CHECK, before, "Unticked", after)

    # -- any other record (features keep their own kinds) --------------------

    def records(self, kind: str) -> list[Record]:
        """Live records of one kind, oldest id first for a stable order."""
        return sorted(self.store.live(kind), key=lambda r: r.id)

    def record(self, record_id: str) -> Record | None:
        return self.store.get(record_id)

    def put_record(
        self, kind: str, record_id: str, data: dict[str, Any], description: str
    ) -> Change:
        """Write one record (durable on return); the Change undoes it."""
        return self._put(kind, record_id, data, description)

    def delete_record(self, record_id: str, description: str) -> Change | None:
        before = self.store.get(record_id)
        if before is None:
            return None
        after = self.store.delete(record_id)
        return Change(record_id, before.kind, before, description, after)

    def deleted(self, kinds: Collection[str]) -> list[Record]:
        """The tombstones of these kinds, each with the data its delete kept (the bin)."""
        return [r for r in self.store.state.values() if r.deleted and r.kind in kinds]

    def restore(self, record_id: str, description: str) -> Change | None:
        """Write a deleted record's kept data again, as a new version, so it syncs.

        Nothing done to it since (a partner's tick) was ever removed, so it all
        comes back with it. Undoing the Change deletes it again.
        """
        before = self.store.state.get(record_id)
        if before is None or not before.deleted:
            return None
        self.store.put(before.kind, record_id, before.data)
        return Change(record_id, before.kind, before, description)

    @staticmethod
    def new_id(kind: str) -> str:
        return f"{kind}:{new_key()}"

    def resolve_override(self, record_id: str, name: str, take_other: bool) -> Change:
        """Settle a field a concurrent edit overrode (doctor lists them): take the other
        value, or keep the one that won. A ValueError says so if nothing is overridden
        there any more (settled on another device, or a moment ago here)."""
        before = self.store.get(record_id) or self.store.state.get(record_id)
        try:
            record = self.store.resolve(record_id, name, take_other)
        except KeyError:
            raise ValueError("That one is settled already; nothing was changed.") from None
        said = "Took the other one" if take_other else "Kept as it is"
        return Change(record_id, record.kind, before, said, record)

    # -- undo --------------------------------------------------------------

    def undo(self, change: Change) -> None:
        """Put back the version a change replaced, as a new write (so it syncs too)."""
        if change.before is None or (change.before.deleted and change.after is None):
            self.store.delete(change.record_id)
            return
        data, deleted = dict(change.before.data), change.before.deleted
        current = self.store.state.get(change.record_id)
        if change.after is not None and current is not None:
            data, deleted = undone(change.before, change.after, current)
        if "revision" in data and current is not None:
            # Calendars ignore an event whose SEQUENCE goes down: undo is one more edit.
            data["revision"] = int(current.data.get("revision", 0)) + 1
        self.store.put(change.kind, change.record_id, data, deleted=deleted)

    def _put(self, kind: str, record_id: str, data: dict[str, Any], description: str) -> Change:
        before = self.store.get(record_id)
        after = self.store.put(kind, record_id, data)
        return Change(record_id, kind, before, description, after)


def _check(record: Record) -> Check:
    return Check.from_data(record.data)
