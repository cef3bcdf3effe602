"""`rekindle date`, `rekindle idea` and `rekindle export ics`, run as a person would run them
(in this process, through the installed command's own `main`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import Ran
from tracker.domain.days import person_today
from tracker.domain.models import Person


@dataclass
class Cli:
    config: Path
    data: Path
    today: date
    rekindle: RunHere

    def run(self, *args: str) -> Ran:
        return self.rekindle(self.config, *args)

    def ok(self, *args: str) -> str:
        return self.run(*args).ok()

    def refused(self, *args: str) -> str:
        """Exit 1 and one sentence, never a traceback."""
        return self.run(*args).refused()

    def listing(self) -> dict[str, Any]:
        return json.loads(self.ok("date", "list", "--json"))


@pytest.fixture
def cli(couples: Couples, rekindle_here: RunHere) -> Cli:
    couples.create(config="conf").store.close()
    today = person_today(Person("a", "Alex", "Europe/London", 4), datetime.now(UTC))
    return Cli(couples.tmp_path / "conf", couples.tmp_path / "data", today, rekindle_here)


def test_plan_mark_done_rate_and_list(cli: Cli) -> None:
    last_week = (cli.today - timedelta(days=7)).isoformat()
    said = cli.ok("date", "add", "Dinner [bold]out[/bold]", "--on", last_week, "--at", "18:00")
    assert "Planned “Dinner [bold]out[/bold]”" in said
    cli.ok("date", "done", "dinner")
    cli.ok("date", "rate", "dinner", "--stars", "4", "--memory", "the heron\x1b[31m")
    (row,) = cli.listing()["past"]
    assert row["status"] == "done" and row["start"] == f"{last_week}T18:00:00"
    assert row["ratings"] == {"a": {"stars": 4, "memory": "the heron[31m"}}
    text = cli.ok("date", "list")
    assert "Dinner [bold]out[/bold] [done]  Alex ★★★★" in text
    assert "\x1b" not in text


def test_a_series_and_one_evening_called_off(cli: Cli) -> None:
    start = cli.today + timedelta(days=3)
    cli.ok(
        "date", "add", "Fridays", "--on", start.isoformat(), "--repeat", "weekly", "--every", "2"
    )
    second = (start + timedelta(weeks=2)).isoformat()
    cli.ok("date", "cancel", "fridays", "--on", second)
    days = {r["day"]: r["status"] for r in cli.listing()["upcoming"]}
    assert days[start.isoformat()] == "planned" and days[second] == "cancelled"
    assert cli.refused("date", "cancel", "fridays", "--on", (start + timedelta(days=1)).isoformat())
    cli.ok("date", "cancel", "fridays", "--all")
    assert {r["status"] for r in cli.listing()["upcoming"]} == {"cancelled"}
    cli.ok("date", "cancel", "fridays", "--undo")
    after = {r["day"]: r["status"] for r in cli.listing()["upcoming"]}
    assert after == days  # back on, and the one evening called off stays called off
    cli.ok("date", "cancel", "fridays", "--undo")  # now: the next evening called off
    assert {r["status"] for r in cli.listing()["upcoming"]} == {"planned"}
    assert "no evening called off ahead" in cli.refused("date", "cancel", "fridays", "--undo")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2026-02-30"], "There is no 30 February 2026"),
        (["--on", "2026-12-01", "--at", "25:00"], "“25:00” is not a time of day"),
        (["--on", "2026-12-01", "--at", "19:00", "--end", "18:00"], "before it starts"),
        (["--on", "2026-12-01", "--kind", "getaway", "--days", "0"], "at least one day"),
        (["--on", "2026-12-01", "--tz", "Mars/Olympus"], "“Mars/Olympus” isn't a time zone"),
        (["--on", "2027-03-28", "--at", "01:30"], "doesn't exist in Europe/London"),
        (["--on", "2026-12-01", "--hours", "0"], "quarter of an hour"),
        ([], "Say which day"),
    ],
)
def test_bad_dates_are_refused_and_nothing_is_saved(
    cli: Cli, args: list[str], message: str
) -> None:
    assert message in cli.refused("date", "add", "Dinner", *args)
    assert cli.listing()["upcoming"] == [] and cli.listing()["past"] == []


def test_titles_that_are_empty_or_huge(cli: Cli) -> None:
    assert "name" in cli.refused("date", "add", "  ", "--on", "2026-12-01")
    assert "80 characters" in cli.refused("date", "add", "x" * 5000, "--on", "2026-12-01")
    assert "No date called" in cli.refused("date", "done", "nothing like it")


def test_surprise_me_then_plan_it_with_the_printed_command(cli: Cli) -> None:
    said = cli.ok("idea", "--kind", "unplugged")
    plan_line = next(line for line in said.splitlines() if "Plan it:" in line)
    command = plan_line.split("Plan it: rekindle ", 1)[1].split()
    cli.ok(*command)
    (row,) = cli.listing()["upcoming"]
    assert row["kind"] == "unplugged evening"
    assert (
        json.loads(cli.ok("idea", "--list", "--json", "--kind", "getaway"))[0]["kind"] == "getaway"
    )


def test_own_idea(cli: Cli) -> None:
    cli.ok("idea", "--add", "Dance in the kitchen", "--kind", "home", "--length", "0.5")
    own = [i for i in json.loads(cli.ok("idea", "--list", "--json")) if i["own"]]
    assert [(i["title"], i["minutes"]) for i in own] == [("Dance in the kitchen", 30)]
    assert "quarter of an hour" in cli.refused("idea", "--add", "x", "--length", "0.1")


def test_export_to_a_file_twice_is_identical_and_filters_by_day(cli: Cli, tmp_path: Path) -> None:
    cli.ok("date", "add", "Soon", "--on", "2026-12-04", "--repeat", "weekly", "--remind", "30")
    cli.ok("date", "add", "Later", "--on", "2027-06-05", "--kind", "getaway", "--days", "2")
    out = tmp_path / "out.ics"
    assert cli.ok("export", "ics", "--out", str(out)) == f"Wrote 2 events to {out}.\n"
    first = out.read_bytes()
    cli.ok("export", "ics", "--out", str(out))
    assert out.read_bytes() == first
    assert cli.run("export", "ics").out.encode() == first  # to standard output
    early = Calendar.from_ical(
        cli.run("export", "ics", "--from", "2026-12-01", "--to", "2027-01-31").out
    )
    assert [str(e["SUMMARY"]) for e in early.walk("VEVENT")] == ["Soon"]
    both = cli.run("export", "ics", "--include", "conversations").out
    assert both.count("BEGIN:VEVENT") >= 2


def test_a_failed_export_leaves_the_old_file_whole(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "out.ics"
    out.write_bytes(b"the old export")
    assert "swap --from and --to" in cli.refused(
        "export", "ics", "--out", str(out), "--from", "2027-01-01", "--to", "2026-01-01"
    )
    assert "There is no 31 April" in cli.refused(
        "export", "ics", "--out", str(out), "--to", "2026-04-31"
    )
    # A damaged date (it ends before it starts) stops the export before anything is written.
    from tracker.store.couple import Couple
    from tracker.store.identity import load_config

    config = load_config()
    assert config is not None
    couple = Couple.open(config)
    data = {"title": "Odd", "start": "2026-12-01T19:00", "tz": "Europe/London", "minutes": -30}
    couple.put_record("date", "date:odd", data, "test")
    couple.store.close()
    assert "ends before it starts" in cli.refused("export", "ics", "--out", str(out))
    assert out.read_bytes() == b"the old export"
    assert list(tmp_path.glob(".out.ics*")) == []
    assert "is not there" in cli.refused("export", "ics", "--out", str(tmp_path / "no" / "x.ics"))
