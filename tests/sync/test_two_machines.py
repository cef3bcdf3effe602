"""Two partners, two folders, real Syncthing between them: nothing is ever lost."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.rekindle_cli import run_command, use_config
from tests.sync.syncthing import Pair, start_pair, wait_until
from tracker.domain.days import person_today
from tracker.domain.models import US, Check
from tracker.store.couple import Couple
from tracker.store.identity import LocalConfig, load_config
from tracker.store.merge import merge
from tracker.store.records import Record
from tracker.store.store import Store
from tracker.ui.app import make_app
from tracker.ui.widgets.habit_table import HabitTable

pytestmark = [pytest.mark.syncthing, pytest.mark.slow]

STARTERS = ["specific-thank-you", "phone-free-dinner", "ask-about-their-day"]


@dataclass
class Side:
    name: str
    config_dir: Path
    folder: Path

    def cli(self, *args: str) -> str:
        # A real process per command, as on two real machines: this end-to-end run with
        # Syncthing between them is the one place every layer meets as a person meets it.
        return run_command(self.config_dir, *args).ok(warnings=True)

    def config(self, monkeypatch: pytest.MonkeyPatch) -> LocalConfig:
        use_config(monkeypatch, self.config_dir)
        config = load_config()
        assert config is not None
        return config

    def couple(self, monkeypatch: pytest.MonkeyPatch) -> Couple:
        return Couple.open(self.config(monkeypatch))

    def state(self) -> dict[str, tuple[object, ...]]:
        """Everything this side's folder merges to, as a reader would see it."""
        reader = Store(self.folder, "reader")
        reader.load()
        return {i: (r.stamp, r.replica, r.deleted, dict(r.data)) for i, r in reader.state.items()}

    def replica_ids(self) -> set[str]:
        root = self.folder / "replicas"
        return {p.name for p in root.iterdir()} if root.exists() else set()


@pytest.fixture
def two_machines(tmp_path: Path) -> Iterator[tuple[Side, Side, Pair]]:
    alex = Side("alex", tmp_path / "alex-config", tmp_path / "alex-folder")
    sam = Side("sam", tmp_path / "sam-config", tmp_path / "sam-folder")
    starters = [arg for key in STARTERS for arg in ("--starter", key)]
    alex.cli(
        "init",
        "--data",
        str(alex.folder),
        "--name",
        "Alex",
        "--partner-name",
        "Sam",
        "--tz",
        "Europe/London",
        *starters,
    )
    pair = start_pair(tmp_path, alex.folder, sam.folder)
    try:
        wait_until(
            lambda: alex.replica_ids() and alex.replica_ids() <= sam.replica_ids(),
            90,
            "Alex's files to reach Sam's folder",
        )
        sam.cli("join", "--data", str(sam.folder), "--as", "Sam", "--tz", "Australia/Sydney")
        wait_until(lambda: len(alex.replica_ids()) == 2, 90, "Sam's files to reach Alex")
        yield alex, sam, pair
    finally:
        pair.stop()


def status(side: Side) -> dict[str, object]:
    return json.loads(side.cli("status", "--json"))


def test_a_tick_on_one_machine_shows_on_the_other(two_machines: tuple[Side, Side, Pair]) -> None:
    alex, sam, _ = two_machines

    # Sam's status shows Sam's own day; Sydney may already be on tomorrow (from 17:00 UTC),
    # so Sam is asked about the very day Alex ticked, whatever the hour.
    sam_day = json.loads(sam.cli("status", "--json"))["day"]
    day = min(sam_day, status(alex)["day"])  # type: ignore[type-var]

    def sam_sees_it() -> bool:
        shown = json.loads(sam.cli("status", "--json", "--date", day))
        rows = shown["people"]["a"]["habits"]
        return any(r["habit"] == "One specific thank-you" and r["state"] == "met" for r in rows)

    alex.cli("tick", "thank-you", "--date", day)
    wait_until(sam_sees_it, 60, "Alex's tick to show in Sam's status")


def _offline_edits(couple: Couple, rng: random.Random, count: int) -> list[Record]:
    """Many edits to the same few records the other side is also editing."""
    habits = couple.habits()
    days = [date(2026, 11, 20) + timedelta(days=i) for i in range(4)]
    written: list[Record] = []
    store = couple.store
    for _ in range(count):
        habit = rng.choice(habits)
        person = US if habit.owner.value == "together" else rng.choice(["a", "b"])
        check = Check(habit.id, person, rng.choice(days), note=f"{couple.me}:{rng.random():.6f}")
        roll = rng.random()
        if roll < 0.6:
            written.append(store.put("check", check.id, check.to_data()))
        elif roll < 0.8:
            gone = store.delete(check.id)
            if gone is not None:
                written.append(gone)
        else:
            renamed = habit.with_changes(title=f"{habit.title.split(' #')[0]} #{couple.me}")
            written.append(store.put("habit", habit.id, renamed.to_data()))
    return written


def test_offline_conflicting_edits_converge_with_nothing_lost(
    two_machines: tuple[Side, Side, Pair], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam, pair = two_machines
    pair.settle()
    before = alex.state()
    assert before == sam.state()
    pair.b.stop()  # the connection is gone: both go on editing
    alex_couple = alex.couple(monkeypatch)
    sam_couple = sam.couple(monkeypatch)
    rng = random.Random(20261125)
    written = _offline_edits(alex_couple, rng, 60) + _offline_edits(sam_couple, rng, 60)
    # And the sharpest case: a delete on one side, an edit of the same habit on the other.
    habit = alex_couple.habits()[0]
    written.append(alex_couple.store.delete(habit.id))  # type: ignore[arg-type]
    written.append(
        sam_couple.store.put("habit", habit.id, habit.with_changes(title="Kept by Sam").to_data())
    )
    alex_couple.store.close()
    sam_couple.store.close()
    originals = [Record(i, "?", s, r, d, data) for i, (s, r, d, data) in before.items()]
    expected = {
        i: (r.stamp, r.replica, r.deleted, dict(r.data))
        for i, r in merge(originals, written).items()
    }
    pair.b.start()
    pair.connect()
    wait_until(
        lambda: alex.state() == sam.state() == expected,
        120,
        "both folders to merge to the same state",
    )
    merged = alex.state()
    assert merged[habit.id] == expected[habit.id]
    # The later of the delete and the edit won, on both machines.
    assert (
        merged[habit.id][1]
        == max((r for r in written if r.id == habit.id), key=lambda r: r.version).replica
    )


async def test_a_running_app_refreshes_when_the_partner_ticks(
    two_machines: tuple[Side, Side, Pair], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam, _ = two_machines
    couple = sam.couple(monkeypatch)
    app = make_app(couple, clock=lambda: datetime.now(UTC))
    said: list[str] = []
    app.notify = lambda message, **_: said.append(message)  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.screen
        partner = screen.query_one("#table-partner", HabitTable)
        # Sydney is usually a day ahead of London: look at a day that is past for both.
        alex_today = person_today(couple.person("a"), datetime.now(UTC))
        day = min(screen.day, alex_today)  # type: ignore[attr-defined]
        screen.day = day  # type: ignore[attr-defined]
        screen.refresh_data()  # type: ignore[attr-defined]
        assert all(r.mark != "✓" for r in partner.rows_shown)
        alex.cli("tick", "thank-you", "--date", day.isoformat())
        for _ in range(240):
            await pilot.pause(0.25)
            if any(r.mark == "✓" for r in partner.rows_shown):
                break
        assert any(r.mark == "✓" for r in partner.rows_shown), "Sam's screen never updated"
        assert any("Alex ticked “One specific thank-you”" in m for m in said)


def test_a_conflict_copy_made_by_hand_is_folded_in_everywhere(
    two_machines: tuple[Side, Side, Pair], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam, _ = two_machines
    couple = alex.couple(monkeypatch)
    habit = couple.habits()[0]
    couple.set_check(Check(habit.id, "a", date(2026, 11, 2)))
    replica = couple.store.replica_id
    couple.store.close()
    shard = alex.folder / "replicas" / replica / "log" / "2026-11.json"
    content = json.loads(shard.read_text())
    extra = Check(habit.id, "a", date(2026, 11, 3), note="from the copy")
    content["records"]["999"] = Record(
        extra.id, "check", "9" * 13 + "00.000000", replica, False, extra.to_data()
    ).to_doc()
    copy = shard.with_name("2026-11.sync-conflict-20261125-101010-ABCDEFG.json")
    copy.write_text(json.dumps(content))
    # Sam's app reads the copy as part of Alex's data even before Alex folds it...
    wait_until(lambda: extra.id in sam.state(), 60, "the conflict copy to reach Sam")
    # ...then Alex's app folds it into the main file and removes it.
    folded = alex.couple(monkeypatch)
    assert copy in folded.store.folded and not copy.exists()
    assert folded.check(habit.id, "a", date(2026, 11, 3)) is not None
    folded.store.close()
    sam_copy = sam.folder / copy.relative_to(alex.folder)
    wait_until(
        lambda: not sam_copy.exists() and extra.id in sam.state(), 60, "the fold to reach Sam"
    )


def test_offline_field_edits_a_delete_and_a_fast_clock_meet_again(
    two_machines: tuple[Side, Side, Pair], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alex's laptop runs 30 days fast. Offline, Alex edits a description while Sam renames
    the same habit, both rename another, and Alex deletes a habit Sam then ticks."""
    alex, sam, pair = two_machines
    pair.settle()
    pair.b.stop()
    month = 30 * 24 * 3600 * 1000

    def fast() -> int:
        return time.time_ns() // 1_000_000 + month

    alex_couple = Couple.open(alex.config(monkeypatch), now_millis=fast)
    walk, dinner, ask = (
        next(h for h in alex_couple.habits() if h.title.startswith(start))
        for start in ("One specific", "Phone-free", "Ask about")
    )
    alex_couple.save_habit(walk.with_changes(description="Name one thing, out loud"))
    alex_couple.save_habit(dinner.with_changes(title="Dinner, phones in the drawer"))
    alex_couple.delete_habit(ask.id)
    alex_couple.store.close()

    sam_couple = sam.couple(monkeypatch)
    sam_couple.save_habit(sam_couple.habit(walk.id).with_changes(title="A real thank-you"))  # type: ignore[union-attr]
    sam_couple.save_habit(sam_couple.habit(dinner.id).with_changes(title="Dinner, no screens"))  # type: ignore[union-attr]
    sam_tick = Check(ask.id, "b", date(2026, 11, 20), note="Sam, after the delete")
    sam_couple.set_check(sam_tick)
    sam_couple.store.close()

    pair.b.start()
    pair.connect()
    wait_until(lambda: alex.state() == sam.state(), 120, "both folders to merge")
    merged = alex.state()
    # Different fields: both edits survive.
    assert merged[walk.id][3]["title"] == "A real thank-you"
    assert merged[walk.id][3]["description"] == "Name one thing, out loud"
    # Delete vs a later tick: the habit is in the bin, Sam's tick is kept.
    assert merged[ask.id][2] is True
    assert merged[sam_tick.id][2] is False and merged[sam_tick.id][3]["note"] == sam_tick.note

    # Sam's device names Alex's clock, and lists the rename that lost.
    sam_view = sam.couple(monkeypatch)
    sam_view.set_check(Check(walk.id, "b", date(2026, 11, 21)))  # tells Alex what Sam sees
    sam_view.store.close()
    sam_report = json.loads(sam.cli("sync", "status", "--json"))
    assert any(
        "Alex's" in f["text"] and "about 30 days ahead of this computer's" in f["text"]
        for f in sam_report["findings"]
    ), sam_report["findings"]
    [override] = sam_report["overrides"]
    assert override["record"] == dinner.id and override["field"] == "title"
    assert {override["kept"], override["other"]} == {
        "Dinner, phones in the drawer",
        "Dinner, no screens",
    }
    # And the laptop that is wrong hears it from Sam's device.
    wait_until(
        lambda: any(
            "This computer's clock is about 30 days ahead of Sam's" in f["text"]
            for f in json.loads(alex.cli("sync", "status", "--json"))["findings"]
        ),
        60,
        "Alex's device to learn that its clock is fast",
    )
