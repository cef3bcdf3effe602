"""A record whose value the app does not expect is skipped, kept, and named; never a crash."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.store.store_helpers import THEM, Folder, check_data
from tests.store.unfit_cases import BAD, Bad, later_ms, plant
from tracker.domain.kinds import KINDS, parser
from tracker.domain.models import Check, Person
from tracker.store.couple import Couple
from tracker.store.doctor import health
from tracker.store.records import Record, format_stamp


def opened(folder: Folder) -> Couple:
    return Couple(folder.open(), "a")


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_a_record_that_does_not_fit_is_skipped_for_display(folder: Folder, bad: Bad) -> None:
    plant(folder.data_dir, bad)
    couple = opened(folder)
    assert couple.store.state[bad.record_id].data == bad.data  # kept in the merged state
    habits = couple.habits(include_archived=True)
    people = couple.people()
    checks = couple.checks_by()
    assert bad.record_id not in {h.id for h in habits}
    assert "a" in people
    if bad.kind == "person":  # a stand-in, so every screen still has both people
        assert people["b"] == Person("b", "Sam")
    assert all(
        c.id != bad.record_id for days in checks.values() for d in days.values() for c in d.values()
    )
    assert couple.skipped[bad.record_id].field == bad.field
    assert couple.skipped[bad.record_id].reason == bad.reason


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_doctor_names_file_record_field_and_why(folder: Folder, bad: Bad) -> None:
    path = plant(folder.data_dir, bad)
    report = health(opened(folder))
    (found,) = [u for u in report.unfit if u.record_id == bad.record_id]
    assert (found.path, found.field, found.reason) == (path, bad.field, bad.reason)
    text = "\n".join(f.text for f in report.findings if f.level == "warn")
    assert str(path) in text and bad.record_id in text and bad.field in text and bad.reason in text
    assert report.to_json()["skipped_records"][0]["record"] == bad.record_id


@pytest.mark.parametrize("bad", BAD, ids=[b.name for b in BAD])
def test_the_file_is_never_rewritten_for_it(folder: Folder, bad: Bad) -> None:
    path = plant(folder.data_dir, bad)
    before = path.read_bytes()
    couple = opened(folder)
    couple.habits()
    couple.checks_by()
    couple.store.put("check", "check:new", check_data("2026-11-09"))
    couple.store.put("habit", "habit:new", {"title": "New"})
    assert path.read_bytes() == before
    again = opened(folder)
    assert again.store.state[bad.record_id].data == bad.data


def test_a_later_valid_version_still_merges_in(folder: Folder) -> None:
    bad = next(b for b in BAD if b.name == "habit area")
    plant(folder.data_dir, bad)
    fixed = Bad(bad.name, "habit", bad.record_id, {**bad.data, "area": "trust"}, "", "")
    plant(folder.data_dir, fixed, ms=later_ms() + 1000)
    couple = opened(folder)
    assert "habit:bad" in {h.id for h in couple.habits()}
    assert couple.skipped == {}
    assert health(couple).unfit == []


def test_a_tick_that_turns_unfit_after_the_index_was_built_is_skipped(folder: Folder) -> None:
    couple = opened(folder)
    before = couple.checks_by()
    bad = next(b for b in BAD if b.name == "check status")
    plant(folder.data_dir, bad)
    couple.store.refresh()
    assert couple.checks_by() == before
    assert bad.record_id in couple.skipped


def test_unknown_extra_fields_are_tolerated_and_kept(folder: Folder) -> None:
    data = {"title": "Walk", "owner": "each", "colour": {"hue": 3}, "added-later": [1, 2]}
    record = Record("habit:extra", "habit", format_stamp(later_ms(), 0), THEM, False, data)
    couple = opened(folder)
    couple.store.state["habit:extra"] = record
    (walk,) = [h for h in couple.habits() if h.id == "habit:extra"]
    assert walk.title == "Walk"
    assert couple.skipped == {}
    assert dict(couple.store.state["habit:extra"].data) == data


def test_a_check_from_the_domain_still_round_trips() -> None:
    check = Check("habit:x", "a", date(2026, 11, 3), value=2.5, note="n")
    assert Check.from_data(check.to_data()) == check


def test_every_declared_kind_names_a_domain_type_that_exists() -> None:
    for name, kind in KINDS.items():
        assert (parser(name) is not None) == (kind.reads_as is not None), name


def test_skipped_follows_the_merged_state_while_open(folder: Folder) -> None:
    bad = next(b for b in BAD if b.name == "habit area")
    plant(folder.data_dir, bad)
    couple = opened(folder)
    couple.habits()
    assert "habit:bad" in couple.skipped
    fixed = Bad(bad.name, "habit", bad.record_id, {**bad.data, "area": "trust"}, "", "")
    plant(folder.data_dir, fixed, ms=later_ms() + 1000)
    couple.store.refresh()
    assert couple.skipped == {}  # no screen has read it again yet: still not named
    assert "habit:bad" in {h.id for h in couple.habits()}
    plant(folder.data_dir, bad, ms=later_ms() + 2000)
    couple.store.refresh()
    couple.habits()
    assert couple.skipped["habit:bad"].reason == bad.reason
    couple.delete_habit("habit:bad")
    assert couple.skipped == {}  # a deleted record is not left out of anything


def test_a_shown_tick_whose_newer_version_is_unfit_leaves_the_screen(folder: Folder) -> None:
    record_id = "check:habit:bad:b:2026-11-04"
    good = Bad("good tick", "check", record_id, _check_data(), "", "")
    plant(folder.data_dir, good)
    couple = opened(folder)
    day = date(2026, 11, 4)
    assert couple.check("habit:bad", "b", day) is not None
    # Later than the good version even when both are made in the same millisecond.
    bogus = _check_data(status="bogus")
    plant(folder.data_dir, Bad("bad", "check", record_id, bogus, "", ""), ms=later_ms() + 500)
    couple.store.refresh()
    assert couple.check("habit:bad", "b", day) is None
    assert couple.skipped[record_id].field == "status"
    plant(folder.data_dir, good, ms=later_ms() + 1000)
    couple.store.refresh()
    assert couple.check("habit:bad", "b", day) == Check("habit:bad", "b", day)
    assert couple.skipped == {}


def test_the_partner_stand_in_keeps_every_field_that_fits(folder: Folder) -> None:
    data = {"key": "b", "name": "Sam", "tz": "Europe/Paris", "day_start": 99, "new": 1}
    plant(folder.data_dir, Bad("person", "person", "person:b", data, "day_start", ""))
    couple = opened(folder)
    sam = couple.people()["b"]
    assert sam == Person("b", "Sam", "Europe/Paris", 4)  # only the bad day start defaulted
    couple.save_person(sam)  # what Settings does on save
    assert Person.from_data(couple.store.state["person:b"].data) == sam
    assert opened(folder).person("b").tz == "Europe/Paris"


def _check_data(**changes: Any) -> dict[str, Any]:
    return {"habit": "habit:bad", "person": "b", "day": "2026-11-04", "status": "done", **changes}
