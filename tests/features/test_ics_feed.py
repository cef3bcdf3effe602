"""The always-current calendar feed, with real processes: one writer per file in the shared
folder, one feed per device outside it, the same bytes in every process, old copies gone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import Ran, run_command, use_config
from tracker.cli.common import Context
from tracker.domain.dates.input import DateDraft
from tracker.domain.kinds import touches_feed
from tracker.domain.models import Habit
from tracker.export import feed
from tracker.store import dates as dates_store
from tracker.store.couple import Couple, recent_months
from tracker.store.identity import load_config
from tracker.store.setup import create_couple

# Besides the dates, every feed holds its own person's weekly check-in.
CHECKIN = "Weekly check-in"
EVERYTHING = ("--include", "conversations", "--include", "checkin")  # what the feed holds
# Names a sync tool gives its copies of the old shared feed (Syncthing, then Dropbox).
OLD_FEED = [
    "rekindle.ics",
    "rekindle.sync-conflict-20261130-101010-ABCDEFG.ics",
    "rekindle (Sam's conflicted copy 2026-11-30).ics",
]
# What the person saved, or the sync tool's copy of it: never ours to delete.
KEPT = [
    "rekindle-export.ics",
    "rekindle-export.sync-conflict-20261130-101010-ABCDEFG.ics",
    "rekindle-export (Sam's conflicted copy 2026-11-30).ics",
    "holidays.ics",
    "rekindle.txt",
]


@dataclass
class Device:
    config: Path
    replica_id: str
    rekindle: RunHere  # in this process, through the installed command's own `main`

    def run(self, *args: str) -> Ran:
        return self.rekindle(self.config, *args)

    def ok(self, *args: str) -> str:
        return self.run(*args).ok()

    def feed(self) -> Path:
        return Path(self.ok("export", "ics", "--feed").strip())


@pytest.fixture
def pair(couples: Couples, rekindle_here: RunHere) -> tuple[Device, Device]:
    """Alex and Sam, each on their own device (config), sharing one data folder."""
    made = {
        "alex": couples.create(config="alex", tz="UTC"),
        "sam": couples.join(config="sam"),
    }
    for couple in made.values():
        couple.store.close()
    alex, sam = (
        Device(couples.tmp_path / who, couple.store.replica_id, rekindle_here)
        for who, couple in made.items()
    )
    return alex, sam


def files_in(folder: Path) -> dict[Path, tuple[int, int]]:
    return {
        path.relative_to(folder): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in folder.rglob("*")
        if path.is_file()
    }


def written(before: dict[Path, tuple[int, int]], after: dict[Path, tuple[int, int]]) -> set[Path]:
    return {path for path in set(before) | set(after) if before.get(path) != after.get(path)}


def titles(path: Path) -> set[str]:
    return {str(e["SUMMARY"]) for e in Calendar.from_ical(path.read_bytes()).walk("VEVENT")}


def test_each_device_writes_only_its_own_replica_and_keeps_its_own_feed(
    pair: tuple[Device, Device], tmp_path: Path
) -> None:
    alex, sam = pair
    data = tmp_path / "data"
    for device, title in ((alex, "Dinner"), (sam, "Walk")):
        before = files_in(data)
        device.ok("date", "add", title, "--on", "2026-12-04")
        changed = written(before, files_in(data))
        assert changed, "the date itself is written"
        mine = Path("replicas") / device.replica_id
        assert all(mine in path.parents for path in changed), changed
    assert not (data / "exports").exists()
    alex_feed, sam_feed = alex.feed(), sam.feed()
    assert alex_feed == alex.config / "calendar" / "rekindle.ics"
    assert sam_feed == sam.config / "calendar" / "rekindle.ics"
    for path in (alex_feed, sam_feed):
        assert data not in path.parents and path.is_file()
    # Sam's date reached Alex's calendar with no Dates screen: Alex's next command saw it.
    assert titles(sam_feed) == titles(alex_feed) == {"Dinner", "Walk", CHECKIN}


def test_a_planned_talk_is_in_the_feed_too(pair: tuple[Device, Device]) -> None:
    alex, _ = pair
    alex.ok("talk", "add", "--title", "Sunday talk", "--day", "sunday", "--at", "10:00")
    assert titles(alex.feed()) == {"Sunday talk", CHECKIN}


def test_the_old_shared_feed_and_its_conflict_copies_go_and_exports_stay(
    pair: tuple[Device, Device], tmp_path: Path
) -> None:
    alex, _ = pair
    exports = tmp_path / "data" / "exports"
    exports.mkdir()
    for name in OLD_FEED + KEPT:
        (exports / name).write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    alex.ok("date", "list")
    assert sorted(p.name for p in exports.iterdir()) == sorted(KEPT)


@pytest.mark.parametrize("name", OLD_FEED)
def test_old_feed_names_are_recognised(name: str) -> None:
    assert feed.is_old_feed(name)


@pytest.mark.parametrize("name", KEPT)
def test_other_files_are_not_taken_for_the_old_feed(name: str) -> None:
    assert not feed.is_old_feed(name)


@pytest.mark.parametrize(
    "zones",
    [
        ["Europe/London", "America/New_York"],
        ["Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"],
    ],
    ids=["two-zones", "four-zones"],
)
def test_every_process_writes_the_same_bytes(pair: tuple[Device, Device], zones: list[str]) -> None:
    alex, _ = pair
    for n, zone in enumerate(zones):
        alex.ok("date", "add", f"Call {n}", "--on", "2026-12-04", "--tz", zone)
    found = set()
    # Real processes: each hashes strings with its own seed, fixed as it starts, and the
    # file must not depend on it.
    for seed in ("0", "1", "2", "3", "4"):
        done = run_command(alex.config, "export", "ics", *EVERYTHING, PYTHONHASHSEED=seed)
        assert done.code == 0, done.err
        found.add(done.out)
    (payload,) = found
    assert payload.count("BEGIN:VTIMEZONE") == len(zones)
    assert alex.feed().read_bytes() == payload.encode()  # the feed is the same bytes


def test_a_feed_that_cannot_be_written_warns_and_the_date_is_saved(
    pair: tuple[Device, Device],
) -> None:
    alex, _ = pair
    (alex.config / "calendar").write_text("not a folder")
    # A few days ahead of whatever today is: a date already past is not listed as upcoming.
    soon = date.today() + timedelta(days=4)
    done = alex.run("date", "add", "Dinner", "--on", soon.isoformat())
    assert done.code == 0
    (line,) = done.err.strip().splitlines()
    assert line.startswith("rekindle: The calendar feed") and "was not updated" in line
    assert "Dinner" in alex.run("date", "list").out


def test_doctor_says_where_to_subscribe(pair: tuple[Device, Device]) -> None:
    alex, _ = pair
    said = alex.ok("doctor")
    path = alex.feed()
    assert f"Calendar feed on this device (subscribe to it): {path}" in said


def test_a_half_read_store_leaves_the_feed_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only recent months read (the app's first screen): old evenings' marks are not known
    yet, so the feed waits rather than lose them."""
    use_config(monkeypatch, tmp_path / "config")
    couple = create_couple(tmp_path / "data", "Alex", "Sam", "UTC", 4)
    dates_store.save_date(
        couple, dates_store.new_date(couple, DateDraft(title="Dinner", day="2026-12-04"))
    )
    couple.store.close()
    config = load_config()
    assert config is not None
    partial = Couple.open(config, months=recent_months(datetime.now(UTC).date()))
    assert not partial.store.complete
    assert feed.refresh_feed(partial) is None
    assert not feed.feed_path(partial.store.data_dir).exists()
    partial.store.refresh()  # reads the rest
    assert feed.refresh_feed(partial) is None
    assert titles(feed.feed_path(partial.store.data_dir)) == {"Dinner", CHECKIN}
    partial.store.close()


def test_another_folder_gets_a_feed_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--data` on a second folder must not overwrite the couple's feed, and the couple's
    feed keeps its one path (the one the calendar app was given)."""
    use_config(monkeypatch, tmp_path / "config")
    create_couple(tmp_path / "other", "Kim", "Lee", "UTC", 4).store.close()
    create_couple(tmp_path / "ours", "Alex", "Sam", "UTC", 4).store.close()  # set up last
    ours, other = feed.feed_path(tmp_path / "ours"), feed.feed_path(tmp_path / "other")
    assert ours == tmp_path / "config" / "calendar" / "rekindle.ics"
    assert other.parent == ours.parent and other != ours


def test_what_a_command_wrote_decides_whether_the_feed_is_refreshed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not only the `date` and `talk` commands: any command that wrote a date or a talk
    (a goal's planned date) brings the feed up to date; a habit tick does not."""
    monkeypatch.delenv("REKINDLE_DATA", raising=False)
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "config"))
    create_couple(tmp_path / "data", "Alex", "Sam", "UTC", 4).store.close()
    context = Context()
    couple = context.couple()
    assert context.changed_kinds() == set()
    couple.save_habit(Habit(Couple.new_habit_id(), "Walk", start=date(2026, 12, 1)))
    assert not touches_feed(context.changed_kinds())
    draft = DateDraft(title="Dinner", day="2026-12-04")
    dates_store.save_date(couple, dates_store.new_date(couple, draft))
    assert touches_feed(context.changed_kinds())
    couple.store.close()
