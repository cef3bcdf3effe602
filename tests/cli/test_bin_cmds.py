"""`rekindle habits --deleted` and `rekindle habit restore`: the bin from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_habit_cmds import STARTERS, Setup, london_today
from tests.conftest import RunHere
from tests.rekindle_cli import use_config
from tracker.domain.models import Check
from tracker.store.couple import Couple
from tracker.store.setup import create_couple
from tracker.store.store import Store

SAM = "sam0000device"
DAY_MS = 86_400_000


def sam(setup: Setup, now_millis: int | None = None) -> Couple:
    """Sam's own device on the same folder, writing only its own files."""
    store = Store(setup.data, SAM, {"partner": "b", "device": "sam-laptop"}, now_millis)
    store.load()
    store.ensure_replica()
    return Couple(store, "b")


def delete(setup: Setup, title: str) -> str:
    couple = setup.couple()
    habit_id = setup.habit(title).id
    couple.delete_habit(habit_id)
    couple.store.close()
    return habit_id


def test_a_deleted_habit_is_listed_with_who_when_and_the_ticks_since(alex: Setup) -> None:
    habit_id = delete(alex, "Phone-free dinner")
    device = sam(alex)  # Sam's tick lands after the delete, as from a device still offline
    device.set_check(Check(habit_id, "us", alex.today))
    device.store.close()
    assert "Phone-free dinner" not in alex.ok("habits")
    out = alex.ok("habits", "--deleted")
    (line,) = out.splitlines()
    assert line.startswith("Phone-free dinner  ·  deleted by Alex on ")
    assert "1 tick since" in line
    listed = json.loads(alex.ok("habits", "--deleted", "--json"))
    assert [(d["id"], d["title"], d["deleted_by"]) for d in listed] == [
        (habit_id, "Phone-free dinner", "a")
    ]
    assert listed[0]["ticks_since"] == 1
    assert listed[0]["ticks_by"] == {"b": 1}
    assert listed[0]["data"]["owner"] == "together"


def test_restore_brings_the_habit_back_with_the_partners_tick(alex: Setup) -> None:
    habit_id = delete(alex, "Phone-free dinner")
    device = sam(alex)
    device.set_check(Check(habit_id, "us", alex.today))
    device.store.close()
    out = alex.ok("habit", "restore", "phone-free")
    assert out.strip() == "Brought back “Phone-free dinner”, with 1 tick made since it was deleted."
    assert alex.check("Phone-free dinner", "us", alex.today) is not None
    assert "Phone-free dinner" in alex.ok("habits")
    assert alex.ok("habits", "--deleted").strip() == "Nothing deleted in the last 30 days."


def test_restore_of_an_ambiguous_name_names_each(alex: Setup) -> None:
    delete(alex, "Phone-free dinner")
    delete(alex, "Phone time in bed")
    message = alex.refused("habit", "restore", "phone")
    assert "“Phone-free dinner”" in message and "“Phone time in bed”" in message
    listed = alex.ok("habits")  # nothing was restored
    assert "Phone-free dinner" not in listed and "Phone time in bed" not in listed


def test_restore_prefers_an_exact_name_over_a_longer_one(alex: Setup) -> None:
    delete(alex, "Phone-free dinner")
    out = alex.ok("habit", "restore", "phone-free dinner")
    assert "Phone-free dinner" in out


def test_restore_of_something_not_in_the_bin_says_where_to_look(alex: Setup) -> None:
    message = alex.refused("habit", "restore", "phone-free")
    assert "rekindle habits --deleted" in message


def test_older_deletes_are_listed_with_all_and_can_still_be_restored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rekindle_here: RunHere
) -> None:
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    use_config(monkeypatch, config)
    then = 1_700_000_000_000  # November 2023: everything here happened long ago
    couple = create_couple(
        data, "Alex", "Sam", "Europe/London", 4, STARTERS, now_millis=lambda: then
    )
    couple.store.close()
    old = Setup(config, data, london_today(), london_today(), rekindle_here)
    habit_id = old.habit("Phone-free dinner").id
    device = sam(old, now_millis=lambda: then + 5 * DAY_MS)
    device.delete_habit(habit_id)
    device.store.close()
    assert old.ok("habits", "--deleted").strip() == "Nothing deleted in the last 30 days."
    out = old.ok("habits", "--deleted", "--all")
    assert out.startswith("Phone-free dinner  ·  deleted by Sam on Sun 19 Nov 2023, 22:13")
    old.ok("habit", "restore", "Phone-free dinner")
    assert old.habit("Phone-free dinner").id == habit_id


def test_habit_with_no_subcommand_shows_what_it_can_do(alex: Setup) -> None:
    result = alex.run("habit")
    assert result.code != 0
    assert "restore" in result.err + result.out
