"""Every kind reads through its declared shape: a record of it that does not fit is left
out of the listing its screen reads, without a crash, and doctor names file, record,
field and reason (issue 15, second pass)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.store.store_helpers import Folder
from tests.store.unfit_cases import Bad, later_ms, plant
from tests.store.unfit_kind_cases import BAD_KINDS, CASES
from tracker.domain.kinds import KINDS
from tracker.store.couple import Couple
from tracker.store.doctor import health

IDS = [f"{kind} {name}" for kind, name, *_ in BAD_KINDS]


def opened(folder: Folder) -> Couple:
    return Couple(folder.open(), "a")


def test_every_kind_with_a_domain_type_has_a_case() -> None:
    first_pass = {"person", "habit", "check"}
    assert {n for n, k in KINDS.items() if k.reads_as} - first_pass == set(CASES)
    # A goal reads every odd value as its nearest sense (tests/features pins that), so
    # it has no bad version: only its good one is listed here.
    assert {kind for kind, *_ in BAD_KINDS} == set(CASES) - {"goal"}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_good_record_of_each_case_is_listed(folder: Folder, kind: str) -> None:
    case = CASES[kind]
    plant(folder.data_dir, Bad("good", kind, case.record_id, case.good, "", ""))
    couple = opened(folder)
    assert case.key in case.listed(couple)
    assert couple.skipped == {}
    assert health(couple).unfit == []


@pytest.mark.parametrize(("kind", "name", "changes", "field", "reason"), BAD_KINDS, ids=IDS)
def test_a_bad_version_is_skipped_by_its_listing_and_named_by_doctor(
    folder: Folder, kind: str, name: str, changes: dict[str, Any], field: str, reason: str
) -> None:
    case = CASES[kind]
    plant(folder.data_dir, Bad("good", kind, case.record_id, case.good, "", ""))
    bad = Bad(name, kind, case.record_id, {**case.good, **changes}, field, reason)
    path = plant(folder.data_dir, bad, ms=later_ms() + 1000)
    couple = opened(folder)
    assert case.key not in case.listed(couple)  # skipped, and no crash
    why = couple.skipped[case.record_id]
    assert (why.field, why.reason) == (field, reason)
    report = health(couple)
    (found,) = [u for u in report.unfit if u.record_id == case.record_id]
    assert (found.path, found.kind, found.field, found.reason) == (path, kind, field, reason)
    text = "\n".join(f.text for f in report.findings if f.level == "warn")
    assert all(part in text for part in (str(path), case.record_id, field, reason))
