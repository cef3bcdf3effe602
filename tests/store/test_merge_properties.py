"""The merge is a join: commutative, associative, idempotent, and equal to a naive oracle.

Edit histories are generated for 2–4 replicas whose fake wall clocks are skewed,
stall, jump back and often agree to the millisecond, so stamps tie on millis and
the counter and the replica id have to break the ties.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tracker.store.merge import merge, merge_into
from tracker.store.records import (
    HybridClock,
    Record,
    format_stamp,
    parse_stamp,
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
IDS = ("habit:1", "habit:2", "check:h:a:2026-11-01", "person:a")
# Replica ids in no particular order relative to who edits first.
REPLICA_NAMES = ("b7", "a1", "zz", "c3", "0f")


@dataclass
class Replica:
    name: str
    wall: int
    clock: HybridClock = field(init=False)
    file: dict[str, Record] = field(default_factory=dict)  # what its main file holds
    snapshots: list[list[Record]] = field(default_factory=list)  # stale conflict copies
    seen: dict[str, list[Record]] = field(default_factory=dict)  # versions it has observed

    def __post_init__(self) -> None:
        self.clock = HybridClock(lambda: self.wall)


@dataclass
class History:
    replicas: list[Replica]
    writes: list[tuple[Record, list[Record]]]  # each write and the versions its writer had seen

    def sources(self) -> list[list[Record]]:
        found: list[list[Record]] = []
        for replica in self.replicas:
            found.append(list(replica.file.values()))
            found.extend(replica.snapshots)
        return found


op = st.tuples(
    st.sampled_from(["put", "put", "delete", "observe", "observe", "snapshot", "jump"]),
    st.integers(0, 3),  # which replica acts
    st.sampled_from(IDS),
    st.integers(0, 3),  # whom it observes
    st.sampled_from([0, 0, 0, 1, 2]),  # how far real time moves first
)


@st.composite
def histories(draw: st.DrawFn) -> History:
    count = draw(st.integers(2, 4))
    names = draw(st.permutations(REPLICA_NAMES))[:count]
    base = 1_764_000_000_000
    # Mostly equal or a few ms apart (ties on millis); sometimes far apart.
    skews = draw(
        st.lists(st.sampled_from([0, 0, 1, -1, 3, 90_000, -90_000]), min_size=count, max_size=count)
    )
    replicas = [Replica(name, base + skew) for name, skew in zip(names, skews, strict=True)]
    writes: list[tuple[Record, list[Record]]] = []
    for kind, who, record_id, other, tick in draw(st.lists(op, min_size=6, max_size=50)):
        for replica in replicas:  # real time passes for everyone alike
            replica.wall += tick
        me = replicas[who % count]
        if kind == "jump":  # someone's clock is set back
            me.wall -= draw(st.sampled_from([1, 50, 120_000]))
            continue
        if kind == "observe":
            peer = replicas[other % count]
            if peer is me or not peer.file:
                continue
            me.clock.observe(max(r.stamp for r in peer.file.values()))
            for record in peer.file.values():
                me.seen.setdefault(record.id, []).append(record)
        elif kind == "snapshot":
            me.snapshots.append(list(me.file.values()))
        else:
            deleted = kind == "delete"
            # As the store does: a new version is stamped after the one it replaces.
            floor = max((r.stamp for r in me.seen.get(record_id, [])), default=None)
            record = Record(
                record_id,
                record_id.split(":")[0],
                me.clock.after(floor),
                me.name,
                deleted,
                {"by": me.name, "n": len(writes), "deleted": deleted},
            )
            writes.append((record, list(me.seen.get(record_id, []))))
            me.file[record_id] = record
            me.seen.setdefault(record_id, []).append(record)
    return History(replicas, writes)


def oracle(sources: list[list[Record]]) -> dict[str, Record]:
    """For each id: every version, sorted by (stamp, replica); the last one."""
    versions: dict[str, list[Record]] = {}
    for source in sources:
        for record in source:
            versions.setdefault(record.id, []).append(record)
    return {
        rid: sorted(found, key=lambda r: (r.stamp, r.replica))[-1]
        for rid, found in versions.items()
    }


@SETTINGS
@given(histories())
def test_merge_equals_the_oracle(history: History) -> None:
    sources = history.sources()
    merged = merge(*sources)
    assert merged == oracle(sources)
    # Nothing is lost: every id ever written is in the state, tombstones included.
    assert set(merged) == {record.id for record, _ in history.writes}


@SETTINGS
@given(histories(), st.data())
def test_merge_is_commutative(history: History, data: st.DataObject) -> None:
    sources = history.sources()
    shuffled = data.draw(st.permutations(sources))
    assert merge(*shuffled) == merge(*sources)
    # Order inside one file does not matter either.
    flat = [record for source in sources for record in source]
    assert merge(data.draw(st.permutations(flat))) == merge(flat)


@SETTINGS
@given(histories(), st.data())
def test_merge_is_associative(history: History, data: st.DataObject) -> None:
    sources = history.sources()
    everything = merge(*sources)
    # Any grouping: merge the groups, then merge the merged states.
    labels = data.draw(st.lists(st.integers(0, 3), min_size=len(sources), max_size=len(sources)))
    groups: dict[int, list[list[Record]]] = {}
    for label, source in zip(labels, sources, strict=True):
        groups.setdefault(label, []).append(source)
    partials = [list(merge(*group).values()) for group in groups.values()]
    assert merge(*partials) == everything
    # ((a ∪ b) ∪ c) == (a ∪ (b ∪ c)) with a, b, c the first, middle and last thirds.
    third = max(1, len(sources) // 3)
    a, b, c = sources[:third], sources[third : 2 * third], sources[2 * third :]
    left = merge(list(merge(*a, *b).values()), *c)
    right = merge(*a, list(merge(*b, *c).values()))
    assert left == right == everything


@SETTINGS
@given(histories(), st.data())
def test_merge_is_idempotent(history: History, data: st.DataObject) -> None:
    sources = history.sources()
    merged = merge(*sources)
    again = data.draw(st.sampled_from(sources))
    assert merge(*sources, again) == merged
    assert merge(*sources, *sources) == merged
    assert merge(merged.values(), merged.values()) == merged
    # Folding in what is already there changes nothing and reports no winners.
    state = dict(merged)
    assert merge_into(state, again) == []
    assert state == merged


@SETTINGS
@given(histories())
def test_merge_into_reports_exactly_the_changes(history: History) -> None:
    state: dict[str, Record] = {}
    for source in history.sources():
        before = dict(state)
        won = merge_into(state, source)
        changed = {rid for rid in state if before.get(rid) != state[rid]}
        assert {r.id for r in won} >= changed
        for record in won:
            assert before.get(record.id) is None or record.version > before[record.id].version


@SETTINGS
@given(histories())
def test_an_edit_made_after_seeing_a_version_beats_it(history: History) -> None:
    """The HLC promise: what a person saw and then changed stays changed, whatever the clocks."""
    merged = merge(*history.sources())
    for record, seen in history.writes:
        for earlier in seen:
            assert earlier.version < record.version, (earlier, record)
    # So no version a replica had seen before its last edit of an id can win that id.
    finals = {id(r) for replica in history.replicas for r in replica.file.values()}
    for record, seen in history.writes:
        if id(record) in finals:
            assert all(merged[record.id] is not earlier for earlier in seen)


@SETTINGS
@given(
    ahead=st.integers(0, 10**8),
    their_counter=st.integers(0, 500),
    names=st.permutations(["aaaa", "zzzz"]),
    local_steps=st.lists(st.integers(-1000, 1000), max_size=5),
)
def test_a_later_edit_wins_although_its_wall_clock_is_behind(
    ahead: int, their_counter: int, names: list[str], local_steps: list[int]
) -> None:
    ours, theirs = names
    now = 1_764_000_000_000
    their_stamp = format_stamp(now + ahead, their_counter)
    their_edit = Record("habit:1", "habit", their_stamp, theirs, False, {"title": "theirs"})

    wall = now
    clock = HybridClock(lambda: wall)
    for step in local_steps:
        wall += step
        clock.next()
    clock.observe(their_stamp)
    our_stamp = clock.after(their_stamp)
    our_edit = Record("habit:1", "habit", our_stamp, ours, True, {"title": "theirs"})

    assert parse_stamp(our_stamp) > parse_stamp(their_stamp)
    assert merge([their_edit], [our_edit])["habit:1"] is our_edit
    assert merge([our_edit], [their_edit])["habit:1"] is our_edit


@SETTINGS
@given(st.lists(st.tuples(st.integers(-5, 5), st.booleans(), st.integers(0, 10**4)), max_size=60))
def test_stamps_of_one_replica_strictly_increase(steps: list[tuple[int, bool, int]]) -> None:
    """Two versions from one replica never share a stamp, so (stamp, replica) is a total order."""
    wall = 1_764_000_000_000
    clock = HybridClock(lambda: wall)
    last = clock.next()
    for step, observe, offset in steps:
        wall += step
        if observe:
            clock.observe(format_stamp(wall + offset - 5000, offset % 7))
        stamp = clock.next()
        assert stamp > last  # as text: the order the merge uses
        assert parse_stamp(stamp) > parse_stamp(last)
        last = stamp


def test_ties_on_the_millisecond_are_broken_by_counter_then_replica() -> None:
    same = format_stamp(1_764_000_000_000, 0)
    a = Record("x", "habit", same, "aaaa", False, {"v": "a"})
    z = Record("x", "habit", same, "zzzz", False, {"v": "z"})
    assert merge([a], [z])["x"] is z
    assert merge([z], [a])["x"] is z
    later = Record("x", "habit", format_stamp(1_764_000_000_000, 1), "aaaa", True, {})
    assert merge([z], [later], [a])["x"] is later
    # Wider millis compare right as text: 999 ms before 1000 ms.
    assert format_stamp(999, 5) < format_stamp(1000, 0)


def test_a_far_future_stamp_is_beaten_by_a_later_edit_but_does_not_drag_the_clock() -> None:
    """A laptop 30 days fast: its edit is merged and a later edit of it still wins, but our
    other edits keep true time (so the month does not belong to whoever writes most)."""
    now = 1_764_000_000_000
    month = 30 * 24 * 3600 * 1000
    clock = HybridClock(lambda: now)
    future = format_stamp(now + month, 7)
    clock.observe(future)
    assert parse_stamp(clock.next())[0] == now  # not dragged
    assert parse_stamp(clock.after(future)) == (now + month, 8)  # but this edit wins
    # A little ahead (within the bound) is still followed, as any HLC does.
    near = format_stamp(now + 30_000, 0)
    clock.observe(near)
    assert clock.next() > near
    # Our own stamps are always followed: one replica's stamps never go backwards.
    own_clock = HybridClock(lambda: now)
    own_clock.observe(future, own=True)
    assert own_clock.next() > future


def test_a_full_counter_rolls_into_the_next_millisecond() -> None:
    """A counter of 999999 must not become 1000000, which sorts below it as text."""
    full = format_stamp(1_764_000_000_000, 999_999)
    clock = HybridClock(lambda: 0)
    clock.observe(full, own=True)
    after = clock.next()
    assert after > full and parse_stamp(after) == (1_764_000_000_001, 0)
    assert HybridClock(lambda: 0).after(full) == after
