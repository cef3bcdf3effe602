"""A real calendar client: the export imported into khal, listed back, re-imported after edits.

khal writes one file per UID into its vdir; importing an event whose UID is
already there updates that file (khal asks "update it?" and --batch says yes).
What khal does on that update, exactly: the calendar keeps one event per UID
(no duplicate in `khal list`, one `<uid>.ics` file), and khal's own atomic
write leaves stray temporary copies named `<uid>.ics<random>` beside it,
which khal never reads. The tests below show both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import RunHere
from tests.rekindle_cli import use_config
from tests.tools import cannot
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.store.reminder_prefs import put_reminder_prefs
from tracker.store.setup import create_couple

# khal is a test extra: it sits beside this interpreter, on PATH or not (a venv run by path).
KHAL = shutil.which("khal") or shutil.which("khal", path=str(Path(sys.executable).parent))


@pytest.fixture(autouse=True)
def needs_khal() -> None:
    if KHAL is None:
        cannot("khal is not installed")


SEP = "|"
FORMAT = SEP.join(["{start}", "{end}", "{title}", "{cancelled}", "{location}", "{uid}"])


@dataclass
class World:
    tmp: Path
    config: Path
    rekindle_here: RunHere  # rekindle in this process; khal is the real process here

    def rekindle(self, *args: str) -> str:
        return self.rekindle_here(self.config, *args).ok(warnings=True)

    def date_id(self, title: str) -> str:
        config = load_config()
        assert config is not None
        from tracker.store import dates as store
        from tracker.store.couple import Couple

        couple = Couple.open(config)
        (found,) = [d.id for d in store.dates(couple) if d.title == title]
        couple.store.close()
        return found

    def export(self, name: str) -> Path:
        out = self.tmp / name
        self.rekindle("export", "ics", "--out", str(out))
        return out


@dataclass
class Khal:
    config: Path
    vdir: Path
    env: dict[str, str]

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [str(KHAL), "-c", str(self.config), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    def import_file(self, path: Path) -> None:
        self.run("import", "--batch", str(path))

    def rows(self, start: str, end: str) -> list[list[str]]:
        out = self.run("list", "--format", FORMAT, "--day-format", "", start, end)
        return [line.split(SEP) for line in out.splitlines() if SEP in line]


def make_khal(tmp: Path, name: str, zone: str) -> Khal:
    vdir = tmp / f"vdir-{name}"
    vdir.mkdir()
    config = tmp / f"khal-{name}.conf"
    config.write_text(
        f"""[calendars]
[[couple]]
path = {vdir}
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = {zone}
default_timezone = {zone}
[default]
default_calendar = couple
[sqlite]
path = {tmp / f"khal-{name}.db"}
""",
        encoding="utf-8",
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "xdg"), "XDG_DATA_HOME": str(tmp / "xdg")}
    return Khal(config, vdir, env)


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rekindle_here: RunHere) -> World:
    config = tmp_path / "conf"
    use_config(monkeypatch, config)
    couple = create_couple(tmp_path / "data", "Alex", "Sam", "Europe/London", 4, [])
    couple.store.close()
    found = World(tmp_path, config, rekindle_here)
    # Every Friday at 19:30 from 16 October to 13 November 2026: across 25 October.
    found.rekindle(
        "date", "add", "Dinner, just us", "--on", "2026-10-16", "--at", "19:30", "--hours", "2.5",
        "--repeat", "weekly", "--repeat-until", "2026-11-13", "--place", "Luigi’s; upstairs",
    )  # fmt: skip
    found.rekindle("date", "cancel", "Dinner", "--on", "2026-11-06")
    found.rekindle("date", "add", "Lakes", "--on", "2026-11-20", "--kind", "getaway", "--days", "3")
    return found


def test_khal_shows_every_evening_at_its_local_time_and_skips_the_cancelled_one(
    world: World,
) -> None:
    khal = make_khal(world.tmp, "london", "Europe/London")
    khal.import_file(world.export("dates.ics"))
    rows = khal.rows("2026-10-15", "2026-11-30")
    dinners = [(r[0], r[1]) for r in rows if r[2] == "Dinner, just us"]
    assert dinners == [
        ("2026-10-16 19:30", "2026-10-16 22:00"),
        ("2026-10-23 19:30", "2026-10-23 22:00"),  # last Friday of summer time
        ("2026-10-30 19:30", "2026-10-30 22:00"),  # first Friday after the clocks go back
        ("2026-11-13 19:30", "2026-11-13 22:00"),  # 6 November was called off
    ]
    assert {r[4] for r in rows if r[2] == "Dinner, just us"} == {"Luigi’s; upstairs"}
    lakes = [(r[0], r[1]) for r in rows if r[2] == "Lakes"]
    assert lakes == [("2026-11-20", "2026-11-22")] * 3  # all-day, listed on each of its 3 days


def test_khal_elsewhere_converts_the_london_evenings(world: World) -> None:
    khal = make_khal(world.tmp, "newyork", "America/New_York")
    khal.import_file(world.export("dates.ics"))
    starts = [r[0] for r in khal.rows("2026-10-15", "2026-11-15") if r[2] == "Dinner, just us"]
    # London and New York change clocks a week apart: 5 hours, then 4, then 5 again.
    assert starts == [
        "2026-10-16 14:30",
        "2026-10-23 14:30",
        "2026-10-30 15:30",
        "2026-11-13 14:30",
    ]


def test_a_reexport_after_an_edit_updates_the_event_instead_of_adding_one(world: World) -> None:
    khal = make_khal(world.tmp, "london", "Europe/London")
    first = world.export("first.ics")
    khal.import_file(first)
    date_id = world.date_id("Dinner, just us")
    uid = date_id.replace(":", "-") + "@rekindle"
    world.rekindle("date", "edit", date_id, "--at", "20:00", "--title", "Dinner at eight")
    second = world.export("second.ics")

    def sequence(path: Path) -> int:
        calendar = Calendar.from_ical(path.read_bytes())
        (event,) = [e for e in calendar.walk("VEVENT") if str(e["UID"]) == uid]
        return int(event["SEQUENCE"])

    assert sequence(second) > sequence(first)
    khal.import_file(second)
    rows = khal.rows("2026-10-15", "2026-11-15")
    dinners = [(r[0], r[2]) for r in rows if r[5] == uid]
    assert dinners == [
        ("2026-10-16 20:00", "Dinner at eight"),
        ("2026-10-23 20:00", "Dinner at eight"),
        ("2026-10-30 20:00", "Dinner at eight"),
        ("2026-11-13 20:00", "Dinner at eight"),
    ]
    # One file per event for khal; its stray temporary copies are not .ics files.
    files = sorted(p.name for p in khal.vdir.iterdir())
    calendar_files = [name for name in files if name.endswith(".ics")]
    assert len(calendar_files) == 2 and f"{uid}.ics" in calendar_files
    strays = [name for name in files if not name.endswith(".ics")]
    assert all(name.startswith(tuple(calendar_files)) for name in strays), strays
    kept = Calendar.from_ical((khal.vdir / f"{uid}.ics").read_bytes())
    (event,) = kept.walk("VEVENT")
    assert int(event["SEQUENCE"]) == sequence(second)


def test_calling_a_date_off_reaches_khal_as_cancelled(world: World) -> None:
    khal = make_khal(world.tmp, "london", "Europe/London")
    khal.import_file(world.export("first.ics"))
    world.rekindle("date", "cancel", "Lakes")
    khal.import_file(world.export("second.ics"))
    lakes = [r for r in khal.rows("2026-11-19", "2026-11-23") if r[2] == "Lakes"]
    assert len(lakes) == 3  # still one event, three days, now marked
    assert {r[3] for r in lakes} == {"CANCELLED "}


# -- reminders: the talk's alarm and the weekly check-in ---------------------------------


def khal_events(khal: Khal, start: date, end: date) -> list[dict[str, Any]]:
    """khal's own reading of the events between two days: one JSON list per day it prints."""
    fields = [arg for name in ("start", "title", "uid", "alarms-list") for arg in ("--json", name)]
    out = khal.run("list", *fields, start.isoformat(), end.isoformat())
    return [event for line in out.splitlines() if line.strip() for event in json.loads(line)]


def test_khal_lists_the_checkin_on_its_day_and_takes_the_talk_with_its_alarm(
    world: World,
) -> None:
    config = load_config()
    assert config is not None
    couple = Couple.open(config)
    chosen = ReminderPrefs(talk_before=30, checkin_day=2, checkin_at=time(20, 30))
    put_reminder_prefs(couple, chosen)  # Wednesdays at 20:30, talks half an hour ahead
    couple.store.close()
    world.rekindle("talk", "add", "--title", "Sunday talk", "--day", "sunday", "--at", "10:00")
    out = world.tmp / "everything.ics"
    world.rekindle(
        "export", "ics", "--out", str(out), "--include", "conversations", "--include", "checkin"
    )
    khal = make_khal(world.tmp, "london", "Europe/London")
    khal.import_file(out)
    # Three weeks from a week on, whatever today is: well past the first of each.
    first = date.today() + timedelta(days=8)
    found = khal_events(khal, first, first + timedelta(days=20))
    checkins = [e for e in found if e["title"] == "Weekly check-in"]
    days = [first + timedelta(days=n) for n in range(21)]
    expected = [f"{day} 20:30" for day in days if day.weekday() == 2]
    assert [e["start"] for e in checkins] == expected
    assert {delta for e in checkins for delta in alarm_deltas(e)} == {0.0}
    talks = [e for e in found if e["title"] == "Sunday talk"]
    assert [e["start"] for e in talks] == [f"{day} 10:00" for day in days if day.weekday() == 6]
    assert all(alarm_deltas(e) == [-30 * 60.0] for e in talks)  # exactly one, 30 min before
    # And khal's own copy of the file (named after the UID, made safe) keeps our one alarm.
    (uid,) = {e["uid"] for e in talks}
    copies = [Calendar.from_ical(p.read_bytes()) for p in khal.vdir.glob("*.ics")]
    (event,) = [e for c in copies for e in c.walk("VEVENT") if str(e["UID"]) == uid]
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(minutes=-30)


def alarm_deltas(event: dict[str, Any]) -> list[float]:
    return [alarm["delta"] for alarm in event["alarms-list"]]
