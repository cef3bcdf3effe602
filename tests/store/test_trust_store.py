"""The path after a betrayal is kept on this device only: round trip, written whole,
never in the shared folder, and a damaged or foreign file read as no path."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import Couples
from tracker.domain.content.trust_path import Role
from tracker.domain.trust.path import TrustPath
from tracker.store.trust import UNREADABLE, forget_path, read_path, save_path, trust_file

STARTED = date(2028, 2, 29)


def test_a_path_comes_back_as_it_was_saved(couples: Couples) -> None:
    alex = couples.create(config="alex-config")
    path = TrustPath(STARTED, Role.BROKE, frozenset({1, 3}))
    save_path(alex, path)
    assert read_path(alex).path == path
    assert read_path(alex).problem is None
    # Saved again whole: one file, no temp file left beside it.
    save_path(alex, path.with_role(Role.HURT))
    found = trust_file(alex.store.data_dir, alex.store.replica_id)
    assert [p.name for p in found.parent.iterdir()] == [found.name]
    assert read_path(alex).path == TrustPath(STARTED, Role.HURT, frozenset({1, 3}))


def test_it_is_kept_outside_the_shared_folder_and_the_partner_sees_nothing(
    couples: Couples,
) -> None:
    alex = couples.create(config="alex-config")
    save_path(alex, TrustPath(STARTED, Role.HURT))
    kept = trust_file(alex.store.data_dir, alex.store.replica_id)
    assert kept.is_file()
    assert not kept.is_relative_to(alex.store.data_dir)
    shared = alex.store.data_dir
    for file in shared.rglob("*"):
        if file.is_file():
            text = file.read_bytes()
            assert b"trust-path" not in text and b"hurt" not in text, file
    sam = couples.join(config="sam-config")
    assert read_path(sam).path is None and read_path(sam).problem is None


def test_nothing_there_is_no_path_and_no_complaint(couples: Couples) -> None:
    alex = couples.create()
    assert read_path(alex).path is None and read_path(alex).problem is None
    forget_path(alex)  # leaving when there is nothing to leave is fine


def test_leaving_deletes_the_file(couples: Couples) -> None:
    alex = couples.create()
    save_path(alex, TrustPath(STARTED, Role.UNSAID))
    forget_path(alex)
    assert not trust_file(alex.store.data_dir, alex.store.replica_id).exists()
    assert read_path(alex).path is None


@pytest.mark.parametrize(
    "content",
    [
        b"\x00\xff not json",
        b"",
        b"{",
        b"[]",
        b'{"started": "2026-11-25", "role": "hurt", "done": []}',  # no format: not ours
        b'{"format": "something-else", "started": "2026-11-25", "role": "hurt"}',
        b'{"format": "rekindle-trust-path", "started": "yesterday", "role": "hurt"}',
        b'{"format": "rekindle-trust-path", "started": "2026-11-25", "role": "judge"}',
        b'{"format": "rekindle-trust-path", "started": "2026-11-25", "role": "hurt", '
        b'"done": ["[bold]1"]}',
        b'{"format": "rekindle-trust-path", "started": "2026-11-25", "role": "hurt", '
        b'"done": 1e999}',
    ],
)
def test_a_damaged_or_foreign_file_is_no_path_with_a_sentence(
    couples: Couples, content: bytes
) -> None:
    alex = couples.create()
    file = trust_file(alex.store.data_dir, alex.store.replica_id)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(content)
    loaded = read_path(alex)
    assert loaded.path is None and loaded.problem == UNREADABLE
    # Starting again replaces it.
    save_path(alex, TrustPath(STARTED, Role.HURT))
    assert read_path(alex).path == TrustPath(STARTED, Role.HURT)


def test_a_folder_where_the_file_should_be_is_no_crash(couples: Couples) -> None:
    alex = couples.create()
    trust_file(alex.store.data_dir, alex.store.replica_id).mkdir(parents=True)
    assert read_path(alex).problem == UNREADABLE


def test_steps_the_path_does_not_have_are_dropped_on_reading(couples: Couples) -> None:
    alex = couples.create()
    file = trust_file(alex.store.data_dir, alex.store.replica_id)
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_bytes(
        b'{"format": "rekindle-trust-path", "started": "2026-11-25", "role": "broke", '
        b'"done": [0, 2, 99, -1]}'
    )
    assert read_path(alex).path == TrustPath(date(2026, 11, 25), Role.BROKE, frozenset({2}))
