"""The bin: deleted habits, dates, ideas and goals, kept restorable.

A delete writes a tombstone that keeps the record's last data, and nothing
done to the record is ever removed with it (a habit's ticks stay in the
folder). So the bin needs no files of its own: it is the tombstones of the
kinds people delete by hand, read with who deleted them, when, and how much
was ticked on them since. Restoring writes the kept data again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tracker.domain.dates.kinds import DATE, IDEA
from tracker.domain.goals.kinds import GOAL, GOAL_PARTS
from tracker.domain.kinds import CHECK, HABIT
from tracker.store.couple import Change, Couple
from tracker.store.devices import replicas
from tracker.store.records import DELETED, Record, Version, stamp_millis
from tracker.store.settings import get_setting, put_setting

# Deleted things stay listed at least this long; older ones are listed on request.
BIN_DAYS = 30
DAY_MS = 86_400_000
# The kinds someone deletes by hand, and what to call one of them.
BIN_KINDS: Mapping[str, str] = {HABIT: "habit", DATE: "date", IDEA: "idea", GOAL: "goal"}
# A goal's parts are deleted right after it, by the same device: within this, they belong.
PARTS_WINDOW_MS = 60_000
TOLD = "bin-told"


@dataclass(frozen=True, slots=True)
class Binned:
    """One deleted thing: its tombstone, and what happened around the delete."""

    record: Record  # the tombstone, holding the data the delete kept
    deleted_by: str  # person key ("a" or "b"); "" if the deleting device is unknown
    ticks_by: Mapping[str, int] = field(default_factory=dict)  # person → ticks since the delete

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def what(self) -> str:
        return BIN_KINDS.get(self.kind, self.kind)

    @property
    def title(self) -> str:
        title = self.record.data.get("title")
        return title if isinstance(title, str) and title.strip() else f"(untitled {self.what})"

    @property
    def deleted_ms(self) -> int:
        return stamp_millis(deleted_by_version(self.record)[0])

    @property
    def ticks_since(self) -> int:
        return sum(self.ticks_by.values())

    @property
    def token(self) -> str:
        """This delete, and no later one of the same thing (for "told once")."""
        return f"{self.record.id}@{deleted_by_version(self.record)[0]}"


def deleted_by_version(record: Record) -> Version:
    """(stamp, replica) of the delete itself: with the merge working field by field, a
    rename made after the delete moves the record's own stamp, not the delete's."""
    return record.version_of(DELETED)


def replica_people(couple: Couple) -> dict[str, str]:
    """Which person writes from each device, as the devices' own files say."""
    people = {
        replica: info.partner
        for replica, info in replicas(couple.store).items()
        if info.partner in ("a", "b")
    }
    people[couple.store.replica_id] = couple.me
    return people


def in_bin(couple: Couple, now_ms: int, everything: bool = False) -> list[Binned]:
    """What is in the bin, newest delete first: the last 30 days, or `everything`."""
    oldest = 0 if everything else now_ms - BIN_DAYS * DAY_MS
    tombstones = [
        r
        for r in couple.deleted(BIN_KINDS.keys())
        if stamp_millis(deleted_by_version(r)[0]) >= oldest
    ]
    if not tombstones:
        return []
    people = replica_people(couple)
    ticks = _ticks_since(couple, [r for r in tombstones if r.kind == HABIT], people)
    found = [
        Binned(r, people.get(deleted_by_version(r)[1], ""), ticks.get(r.id, {})) for r in tombstones
    ]
    return sorted(found, key=lambda b: b.record.version, reverse=True)


def _ticks_since(
    couple: Couple, habits: Sequence[Record], people: Mapping[str, str]
) -> dict[str, dict[str, int]]:
    """habit id → person → check-offs stamped after the habit's delete.

    A check-off stamped later was made after the delete, or on a device that
    had not seen it yet: either way the delete hid it, and it is kept.
    """
    deleted_at = {r.id: deleted_by_version(r)[0] for r in habits}
    counts: dict[str, dict[str, int]] = {}
    if not deleted_at:
        return counts
    for check in couple.store.live(CHECK):
        habit_id = check.data.get("habit")
        stamp = deleted_at.get(habit_id) if isinstance(habit_id, str) else None
        if stamp is None or check.stamp <= stamp:
            continue
        who = people.get(check.replica, "")
        per_person = counts.setdefault(str(habit_id), {})
        per_person[who] = per_person.get(who, 0) + 1
    return counts


def find_in_bin(couple: Couple, record_id: str) -> Binned | None:
    return next((b for b in in_bin(couple, 0, everything=True) if b.id == record_id), None)


def restore(couple: Couple, record_id: str) -> list[Change]:
    """Bring a deleted thing back, with everything done to it since; undo deletes it again.

    A date brought back is in the returned Changes, so the caller's feed refresh (the
    app's, after any write of a date) puts it back in the calendar too."""
    record = couple.store.state.get(record_id)
    if record is None or not record.deleted or record.kind not in BIN_KINDS:
        raise ValueError("That is not in the bin any more; perhaps it was brought back already.")
    title = Binned(record, "").title
    changes = [couple.restore(record_id, f"Brought back “{title}”")]
    if record.kind == GOAL:
        changes += [couple.restore(part.id, "") for part in _goal_parts(couple, record)]
    return [c for c in changes if c is not None]


def _goal_parts(couple: Couple, goal: Record) -> list[Record]:
    """The milestones and links deleted together with this goal (not ones deleted before)."""
    goal_stamp, goal_replica = deleted_by_version(goal)
    start = stamp_millis(goal_stamp)
    return [
        part
        for part in couple.deleted(GOAL_PARTS)
        if part.id.startswith(f"{part.kind}:{goal.id}:")
        and deleted_by_version(part)[1] == goal_replica
        and deleted_by_version(part)[0] >= goal_stamp
        and stamp_millis(deleted_by_version(part)[0]) - start <= PARTS_WINDOW_MS
    ]


def last_deleted_here(couple: Couple, now_ms: int) -> Binned | None:
    """What this device deleted last and is still in the bin: undo's memory across restarts.

    The bin already knows which device deleted what, so nothing more needs
    keeping, and what the partner has brought back meanwhile is not offered.
    """
    here = couple.store.replica_id
    mine = [b for b in in_bin(couple, now_ms) if deleted_by_version(b.record)[1] == here]
    return mine[0] if mine else None


def _told(couple: Couple) -> list[str]:
    # Read from the shared folder: anything but a list of strings means "told nothing".
    told = get_setting(couple, TOLD, {}).get("told")
    return [t for t in told if isinstance(t, str)] if isinstance(told, list) else []


def untold(couple: Couple, now_ms: int) -> list[Binned]:
    """The partner's deletes this person has not been told about yet."""
    told = set(_told(couple))
    return [
        b
        for b in in_bin(couple, now_ms)
        if deleted_by_version(b.record)[1] != couple.store.replica_id
        and b.deleted_by != couple.me
        and b.token not in told
    ]


def mark_told(couple: Couple, entries: Sequence[Binned]) -> None:
    """Remember, in this person's own settings (so all their devices agree), who was told."""
    if not entries:
        return
    still = {b.token for b in in_bin(couple, 0, everything=True)}
    told = [t for t in _told(couple) if t in still]
    put_setting(couple, TOLD, {"told": sorted({*told, *(b.token for b in entries)})})
