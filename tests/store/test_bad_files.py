"""Files the store did not expect: read what can be read, report the rest, overwrite nothing."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.rekindle_cli import use_config
from tests.store.store_helpers import ME, THEM, Folder, check_data, shard_bytes
from tracker.store.couple import Couple
from tracker.store.devices import replicas
from tracker.store.doctor import health
from tracker.store.files import (
    AtomicJSONStorage,
    FileRole,
    Problem,
    atomic_write,
    classify,
    read_file,
)
from tracker.store.records import Record, format_stamp, parse_stamp
from tracker.store.replica import ReadOnlyFile
from tracker.store.setup import create_couple
from tracker.store.store import Store

SYNCTHING = "core.sync-conflict-20261125-101010-ABCDEFG.json"
DROPBOX = "core (Sam's conflicted copy 2026-11-25).json"
LOG_SYNCTHING = "log/2026-11.sync-conflict-20261125-101010-ABCDEFG.json"


def later(record: Record, ms: int = 5000) -> str:
    millis, _ = parse_stamp(record.stamp)
    return format_stamp(millis + ms, 0)


def couple_of(store: Store) -> Couple:
    return Couple(store, "a")


def finding_texts(store: Store) -> str:
    report = health(couple_of(store))
    return "\n".join(f"{f.level}: {f.text} {f.fix}" for f in report.findings)


# -- conflict copies --------------------------------------------------------------------


@pytest.mark.parametrize("name", [SYNCTHING, DROPBOX])
def test_partner_conflict_copy_is_read_and_left_alone(folder: Folder, name: str) -> None:
    before = folder.open()
    theirs = before.state["habit:theirs"]
    person_b = before.state["person:b"]
    copy = folder.theirs(name)
    newer = Record(theirs.id, "habit", later(theirs), THEM, False, {"title": "From the copy"})
    extra = Record("habit:only-in-copy", "habit", later(theirs), THEM, False, {"title": "Extra"})
    stale = Record("person:b", "person", format_stamp(1, 0), THEM, False, {"key": "b", "name": "X"})
    copy.write_bytes(shard_bytes([newer, extra, stale], {"partner": "b"}, THEM))
    copy_bytes, main_bytes = copy.read_bytes(), folder.theirs().read_bytes()

    store = folder.open()
    assert store.state["habit:theirs"] == newer
    assert store.state["habit:only-in-copy"] == extra
    assert store.state["person:b"] == person_b  # an older version in the copy does not win
    assert store.problems() == []
    assert store.folded == []
    assert replicas(store)[THEM].conflict_copies == [copy]
    text = finding_texts(store)
    assert name in text and "Sam" in text

    store.put("habit", "habit:new", {"title": "New"})
    store.put("check", "check:new", check_data("2026-11-09"))
    assert copy.read_bytes() == copy_bytes  # never ours to fold or delete
    assert folder.theirs().read_bytes() == main_bytes
    again = folder.open()
    assert again.state["habit:only-in-copy"] == extra
    assert copy.exists()


@pytest.mark.parametrize("name", [SYNCTHING, DROPBOX, LOG_SYNCTHING])
def test_own_conflict_copy_is_folded_into_the_main_file_and_removed(
    folder: Folder, name: str
) -> None:
    before = folder.open()
    in_log = name.startswith("log/")
    main_name = "log/2026-11.json" if in_log else "core.json"
    target_id = folder.ids["own log" if in_log else "own core"]
    target = before.state[target_id]
    newer = Record(target.id, target.kind, later(target), ME, False, {**target.data, "v": 2})
    new_id = "check:habit:mine:a:2026-11-08" if in_log else "habit:only-in-copy"
    new_data = check_data("2026-11-08") if in_log else {"title": "Only in the copy"}
    new_kind = "check" if in_log else "habit"
    extra = Record(new_id, new_kind, later(target), ME, False, new_data)
    # An older version of the record already in the main file: must not go back in time.
    stale = Record(target.id, target.kind, format_stamp(1, 0), ME, True, {})
    copy = folder.own(name)
    copy.write_bytes(shard_bytes([stale, extra], replica=ME))
    other_copy = folder.own(
        name.replace("101010", "111111")
        if "sync-conflict" in name
        else "core (x conflicted copy).json"
    )
    other_copy.write_bytes(shard_bytes([newer], replica=ME))

    store = folder.open()
    assert not copy.exists() and not other_copy.exists()
    assert sorted(store.folded) == sorted([copy, other_copy])
    assert store.state[target.id] == newer
    assert store.state[new_id] == extra
    main = read_file(folder.own(main_name))
    assert main.writable
    in_main = {r.id: r for r in main.records}
    assert in_main[target.id] == newer and in_main[new_id] == extra
    assert "Folded a sync conflict copy back in" in finding_texts(store)

    # The versions are now in the main file: a new load has them without the copy.
    again = folder.open()
    assert again.folded == []
    assert again.state[target.id] == newer and again.state[new_id] == extra
    for rid in folder.ids.values():
        assert again.get(rid) is not None


def test_own_conflict_copy_stays_while_the_main_file_cannot_be_written(folder: Folder) -> None:
    before = folder.open()
    target = before.state["habit:mine"]
    folder.own().write_bytes(b"\x00\xffnot json")
    copy = folder.own(SYNCTHING)
    newer = Record(target.id, "habit", later(target), ME, False, {"title": "Copy"})
    copy.write_bytes(shard_bytes([newer], replica=ME))
    copy_bytes = copy.read_bytes()

    store = folder.open()
    assert copy.read_bytes() == copy_bytes  # its records are nowhere else: keep it
    assert store.folded == []
    assert store.state[target.id] == newer
    assert folder.own().read_bytes() == b"\x00\xffnot json"


# -- temporary files --------------------------------------------------------------------

TEMP_NAMES = [".syncthing.core.json.tmp", "~syncthing~core.json.tmp", ".core.json.k2j4h5.tmp"]


def test_temp_files_are_ignored_and_only_our_own_leftovers_removed(folder: Folder) -> None:
    before = folder.open()
    theirs = before.state["habit:theirs"]
    tempting = Record(theirs.id, "habit", later(theirs), THEM, True, {"title": "half-written"})
    garbage = [b"", b"\x00\xffnot json", b'{"records": {"1": {"id"', b"[1, 2]"]
    made: dict[Path, bytes] = {}
    for n, name in enumerate(TEMP_NAMES):
        for where in (folder.own(name), folder.theirs(name), folder.own(f"log/{name}")):
            made[where] = garbage[(n + len(made)) % len(garbage)]
    # A complete, newer-looking file that is still a temp file is not read either.
    made[folder.theirs(".syncthing.2026-11.json.tmp")] = shard_bytes([tempting], replica=THEM)
    made[folder.own(".2026-11.json.zzzz.tmp")] = shard_bytes([tempting], replica=THEM)
    for path, content in made.items():
        path.write_bytes(content)
        assert classify(path.name)[0] is FileRole.TEMP

    store = folder.open()
    assert store.problems() == []
    # A write of ours killed midway leaves `.NAME.json.RANDOM.tmp` in our own folder: the
    # next open removes it (under the lock, so no live write of ours is touched).
    ours = {p for p in made if p.parent.name != THEM and p.name.startswith((".core", ".2026"))}
    assert ours and all(not p.exists() for p in ours)
    left = {p: c for p, c in made.items() if p not in ours}
    assert sorted(store.temp_files) == sorted(left)
    assert store.state["habit:theirs"] == theirs
    assert store.folded == []
    store.put("habit", "habit:new", {"title": "New"})
    store.put("check", "check:new", check_data("2026-11-09"))
    # The partner's and the sync tool's temp files are never touched.
    for path, content in left.items():
        assert path.read_bytes() == content, path
    assert len(left) > 1
    assert f"Ignored {len(left)} temporary files" in finding_texts(store)


# -- damaged, foreign and newer files -----------------------------------------------------


def _newer_schema(valid: bytes) -> bytes:
    content = json.loads(valid)
    content["meta"]["1"]["schema"] = 99
    content["future_table"] = {"1": {"something": "new"}}
    return json.dumps(content).encode()


BAD: dict[str, tuple[Callable[[bytes], bytes], Problem]] = {
    "empty": (lambda valid: b"", Problem.EMPTY),
    "truncated": (lambda valid: valid[: len(valid) // 2], Problem.UNREADABLE),
    "garbage": (lambda valid: b"\x00\xffnot json", Problem.UNREADABLE),
    "a list": (lambda valid: b'[{"id": "habit:x"}]', Problem.NOT_OURS),
    "newer schema": (_newer_schema, Problem.NEWER),
}
TARGETS = {
    "their core": lambda f: f.theirs(),
    "their log": lambda f: f.theirs("log/2026-11.json"),
    "own core": lambda f: f.own(),
    "own log": lambda f: f.own("log/2026-11.json"),
}


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_file_is_reported_kept_byte_for_byte_and_the_rest_works(
    folder: Folder, kind: str, target: str
) -> None:
    make, problem = BAD[kind]
    path: Path = TARGETS[target](folder)
    bad = make(path.read_bytes())
    path.write_bytes(bad)

    store = folder.open()
    assert store.problem_kinds() == {path: problem}
    assert path.read_bytes() == bad
    for name, rid in folder.ids.items():
        if name != target:
            assert store.get(rid) is not None, f"{name} lost because {target} is {kind}"
    lost = store.get(folder.ids[target])
    if problem is Problem.NEWER:
        assert lost is not None  # a newer file is still read
    else:
        assert lost is None

    writes = {
        "core": lambda: store.put("habit", "habit:new", {"title": "New"}),
        "log": lambda: store.put("check", "check:h:a:2026-11-20", check_data("2026-11-20")),
        "other month": lambda: store.put("check", "check:h:a:2026-12-01", check_data("2026-12-01")),
    }
    blocked = {"own core": "core", "own log": "log"}.get(target)
    for which, write in writes.items():
        if which == blocked:
            with pytest.raises(ReadOnlyFile, match=r"^Not saved: ") as refused:
                write()
            message = str(refused.value)
            assert message.startswith("Not saved:")
            assert path.name in message and "rekindle doctor" in message
        else:
            write()
    assert path.read_bytes() == bad

    again = folder.open()
    assert again.problem_kinds() == {path: problem}
    assert ("habit:new" in again.state) is (blocked != "core")
    assert ("check:h:a:2026-11-20" in again.state) is (blocked != "log")
    assert "check:h:a:2026-12-01" in again.state
    report = health(couple_of(again))
    assert not report.healthy
    assert any(str(path) in f.text and f.level == "warn" for f in report.findings)
    assert path.read_bytes() == bad


def test_own_file_damaged_while_open_is_not_overwritten_after_refresh(folder: Folder) -> None:
    store = folder.open()
    store.put("habit", "habit:new", {"title": "New"})  # core.json is now open for writing
    folder.own().write_bytes(b'{"records": {"1": {"id": "hab')
    store.refresh()
    with pytest.raises(ReadOnlyFile, match=r"Not saved: core\.json: it does not parse"):
        store.put("habit", "habit:newer", {"title": "Newer"})
    assert folder.own().read_bytes() == b'{"records": {"1": {"id": "hab'
    store.put("check", "check:h:a:2026-11-21", check_data("2026-11-21"))


def test_own_file_damaged_between_load_and_first_write_is_not_overwritten(
    folder: Folder,
) -> None:
    store = folder.open()  # read while still sound; not yet opened for writing
    damaged = b'{"meta": {"1": {"schema": 1}}, "records": {"1": {"id": "che'
    folder.own("log/2026-11.json").write_bytes(damaged)
    with pytest.raises(ReadOnlyFile, match=r"Not saved: 2026-11\.json: it does not parse"):
        store.put("check", "check:h:a:2026-11-22", check_data("2026-11-22"))
    assert folder.own("log/2026-11.json").read_bytes() == damaged
    store.put("habit", "habit:new", {"title": "New"})


def test_newer_schema_records_join_the_merged_state(folder: Folder) -> None:
    path = folder.theirs()
    content = json.loads(path.read_bytes())
    content["meta"]["1"]["schema"] = 99
    future = Record("habit:future", "habit", format_stamp(5, 0), THEM, False, {"title": "F"})
    content["records"]["77"] = {**future.to_doc(), "new_field": [1, 2]}
    path.write_bytes(json.dumps(content).encode())

    store = folder.open()
    assert store.get("habit:future") is not None
    assert store.get("person:b") is not None
    [read] = store.problems()
    assert read.problem is Problem.NEWER and "schema 99" in read.explain()


# -- permissions and atomic writes ----------------------------------------------------------


def test_new_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use_config(monkeypatch, tmp_path / "config")
    data_dir = tmp_path / "Rekindle"
    couple = create_couple(data_dir, "Alex", "Sam", "Europe/London", starters=["phone-free-dinner"])
    habit = couple.habits()[0]
    couple.store.put("check", f"check:{habit.id}:us:2026-11-02", check_data("2026-11-02"))

    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    names = {p.name for p in files}
    assert {"core.json", "2026-11.json", ".stignore"} <= names
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    own = data_dir / "replicas" / couple.store.replica_id
    for directory in (own, own / "log"):
        assert stat.S_IMODE(directory.stat().st_mode) == 0o700, directory
    config = tmp_path / "config" / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700


def test_private_even_with_a_permissive_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = Store(tmp_path / "data", ME)
        store.load()
        store.ensure_replica()
        store.put("check", "check:x", check_data("2026-11-02"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    for path in (tmp_path / "data").rglob("*.json"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_no_temp_file_lingers_after_successful_writes(tmp_path: Path) -> None:
    store = Store(tmp_path / "data", ME)
    store.load()
    for n in range(30):
        store.put("check", f"check:{n % 4}", check_data(f"2026-1{n % 2 + 1}-0{n % 9 + 1}"))
        store.put("habit", f"habit:{n % 3}", {"title": "t" * (n * 37 % 500)})
        if n % 5 == 0:
            store.delete(f"habit:{n % 3}")
    atomic_write(tmp_path / "plain.json", b"{}")
    leftovers = [p for p in tmp_path.rglob("*") if p.is_file() and p.name.endswith(".tmp")]
    assert leftovers == []
    assert store.temp_files == []


def test_failed_atomic_write_keeps_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "core.json"
    storage = AtomicJSONStorage(path)
    storage.write({"records": {"1": {"id": "old"}}})
    old = path.read_bytes()
    state = storage.read()
    assert state is not None
    # TinyDB edits what read() returned in place before it calls write().
    state["records"]["2"] = {"id": "never saved"}

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match=r"No space left on device"):
        storage.write(state)
    monkeypatch.undo()

    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["core.json"]
    assert storage.read() == {"records": {"1": {"id": "old"}}}  # memory follows the disk again


def test_failed_put_is_not_in_the_state_nor_saved_by_the_next_put(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = folder.open()
    store.put("habit", "habit:warm", {"title": "opens core.json"})
    core = folder.own().read_bytes()

    def refuse(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match=r"No space left on device"):
        store.put("habit", "habit:failed", {"title": "Failed"})
    monkeypatch.undo()
    assert folder.own().read_bytes() == core
    assert store.get("habit:failed") is None

    store.put("habit", "habit:after", {"title": "After"})
    on_disk = {r.id for r in read_file(folder.own()).records}
    assert "habit:after" in on_disk and "habit:failed" not in on_disk
    assert [p for p in folder.own().parent.iterdir() if p.name.endswith(".tmp")] == []
    again = folder.open()
    assert again.get("habit:failed") is None and again.get("habit:after") is not None
    assert again.get("habit:warm") is not None


# -- bugs found while writing these tests, now fixed -------------------------------------


def test_two_own_conflict_copies_fold_without_losing_the_newest_version(folder: Folder) -> None:
    v1 = folder.open().state["habit:mine"]
    v3 = Record(v1.id, "habit", later(v1, 10_000), ME, False, {"title": "newest"})
    v2 = Record(v1.id, "habit", later(v1, 5_000), ME, False, {"title": "middle"})
    # Sorted by name, the copy with the newest version is folded first.
    folder.own("core.sync-conflict-20261125-101010-AAAAAAA.json").write_bytes(
        shard_bytes([v3], replica=ME)
    )
    folder.own("core.sync-conflict-20261125-121212-BBBBBBB.json").write_bytes(
        shard_bytes([v2], replica=ME)
    )
    store = folder.open()
    assert store.state[v1.id] == v3
    assert len(store.folded) == 2
    assert {r.id: r for r in read_file(folder.own()).records}[v1.id] == v3
    assert folder.open().state[v1.id] == v3  # the newest edit survives the fold


def test_a_json_object_that_is_not_ours_is_reported_and_never_written(folder: Folder) -> None:
    foreign = b'{"settings": {"theme": "dark"}}'
    folder.own().write_bytes(foreign)
    store = folder.open()
    with pytest.raises(
        ReadOnlyFile, match=r"Not saved: core\.json: it is not laid out like a Rekindle file"
    ):
        store.put("habit", "habit:new", {"title": "New"})
    assert folder.own().read_bytes() == foreign
    assert store.problem_kinds() == {folder.own(): Problem.NOT_OURS}


def test_own_file_with_a_record_that_is_not_an_object_refuses_writes_cleanly(
    folder: Folder,
) -> None:
    content = json.loads(folder.own().read_bytes())
    content["records"]["99"] = "not a record"
    damaged = json.dumps(content).encode()
    folder.own().write_bytes(damaged)
    store = folder.open()
    assert store.get("habit:mine") is not None  # the good records are still read
    with pytest.raises(
        ReadOnlyFile, match=r"Not saved: core\.json: some entries in it are damaged"
    ):
        store.put("habit", "habit:new", {"title": "New"})
    assert folder.own().read_bytes() == damaged
    assert folder.own() in store.problem_kinds()


def test_storage_text_is_exactly_what_json_would_write(tmp_path: Path) -> None:
    """Other JSON readers (and older versions) see the very text json.dumps would write."""
    import json

    from tracker.store.files import AtomicJSONStorage

    storage = AtomicJSONStorage(tmp_path / "shard.json")
    data = {
        "meta": {"1": {"schema": 1, "replica": "r1"}},
        "records": {
            str(i): {
                "id": f"check:h:a:2026-11-{i:02d}",
                "kind": "check",
                "stamp": f"{i:015d}.000000",
                "replica": "r1",
                "deleted": False,
                "data": {"note": 'é 🙂 "quoted" \n\x1b', "day": f"2026-11-{i:02d}"},
            }
            for i in range(1, 8)
        },
    }
    expected = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert storage.dumps(data) == expected.encode()
    storage.write(data)
    # A new version of one record (new stamp, in place, as TinyDB updates) is re-serialised.
    data["records"]["3"].update(stamp="000000000000099.000000", deleted=True)
    data["records"]["9"] = {
        "id": "x",
        "kind": "check",
        "stamp": "1.0",
        "replica": "r1",
        "deleted": False,
        "data": {},
    }
    again = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    assert storage.dumps(data) == again.encode()
    storage.write(data)
    assert json.loads((tmp_path / "shard.json").read_text()) == data
