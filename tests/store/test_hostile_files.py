"""Files in the shared folder meant to hurt: huge, nested without end, links out of the
folder, stamps from year 33658. Each is reported by name, never followed, read past its
size or rewritten, and the rest of the folder works."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.store.store_helpers import THEM, Folder, check_data, shard_bytes
from tracker.store.couple import Couple
from tracker.store.doctor import health, iso
from tracker.store.files import Problem, read_file
from tracker.store.guards import MAX_DEPTH, MAX_FILE_BYTES, too_deep
from tracker.store.records import Record, format_stamp
from tracker.store.replica import ReadOnlyFile
from tracker.store.store import Store

TARGETS: dict[str, Callable[[Folder], Path]] = {
    "their core": lambda f: f.theirs(),
    "their log": lambda f: f.theirs("log/2026-11.json"),
    "own core": lambda f: f.own(),
    "own log": lambda f: f.own("log/2026-11.json"),
}
DEEP = b"[" * 100_000 + b"]" * 100_000


def warnings(store: Store) -> list[str]:
    return [f.text for f in health(Couple(store, "a")).findings if f.level == "warn"]


def _too_big(path: Path) -> bytes:
    with path.open("r+b") as handle:  # sparse: costs no disk, and must cost no reading
        handle.truncate(MAX_FILE_BYTES + 1)
    return b""


HOSTILE: dict[str, tuple[Callable[[Path], bytes], Problem]] = {
    "deep list": (lambda p: p.write_bytes(DEEP) and DEEP, Problem.TOO_DEEP),
    "deep inside a record": (
        lambda p: _write(p, b'{"records": {"1": {"data": ' + DEEP + b"}}}"),
        Problem.TOO_DEEP,
    ),
    "too big": (_too_big, Problem.TOO_BIG),
}


def _write(path: Path, content: bytes) -> bytes:
    path.write_bytes(content)
    return content


@pytest.mark.parametrize("target", list(TARGETS))
@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_file_is_named_kept_and_the_rest_works(
    folder: Folder, kind: str, target: str
) -> None:
    make, problem = HOSTILE[kind]
    path = TARGETS[target](folder)
    make(path)
    before = path.read_bytes()

    store = folder.open()
    assert store.problem_kinds() == {path: problem}
    for name, rid in folder.ids.items():
        assert (store.get(rid) is None) is (name == target)
    if target.startswith("own"):
        write = (
            (lambda: store.put("habit", "habit:new", {"title": "New"}))
            if target == "own core"
            else (lambda: store.put("check", "check:x:a:2026-11-20", check_data("2026-11-20")))
        )
        with pytest.raises(ReadOnlyFile, match=rf"^Not saved: {path.name}"):
            write()
    assert any(str(path) in text for text in warnings(store))
    assert path.read_bytes() == before


def test_depth_check_sees_structure_not_text() -> None:
    assert too_deep(DEEP)
    assert too_deep(b"{" + b'"a":{' * (MAX_DEPTH + 1) + b"}" * (MAX_DEPTH + 2))
    assert not too_deep(b"[" * MAX_DEPTH + b"]" * MAX_DEPTH)
    # Brackets in a note are words; a cut-short file is the decoder's to report.
    note = b'{"n": "' + b"[" * 500 + b'", "m": "' + b"]" * 500 + b'"}'
    assert not too_deep(note)
    assert not too_deep(b"[" * 100_000)
    assert not too_deep(b"[" + b"[1]," * 10_000 + b"[1]]")


def test_a_link_to_outside_the_folder_is_never_followed(folder: Folder, tmp_path: Path) -> None:
    # Somewhere outside: a folder that looks like a replica, and a secret file.
    outside = tmp_path / "outside"
    (outside / "log").mkdir(parents=True)
    lure = Record("habit:lure", "habit", format_stamp(10**12, 0), "lure", False, {"title": "L"})
    (outside / "core.json").write_bytes(shard_bytes([lure], replica="lure"))
    (outside / "log" / "2026-10.json").write_bytes(shard_bytes([lure], replica="lure"))
    secret = tmp_path / "secret.json"
    secret.write_bytes(shard_bytes([lure], replica="lure"))
    replicas = folder.data_dir / "replicas"
    links = [
        replicas / "lure0000cccc",  # a whole replica folder
        folder.theirs("log/2026-10.json"),  # one file
        folder.theirs("core.sync-conflict-20261125-101010-ABCDEFG.json"),  # a conflict copy
    ]
    links[0].symlink_to(outside, target_is_directory=True)
    links[1].symlink_to(secret)
    links[2].symlink_to(secret)
    (folder.theirs("log")).rename(folder.theirs("log-real"))
    folder.theirs("log").symlink_to(outside / "log", target_is_directory=True)
    links.append(folder.theirs("log"))
    links.remove(folder.theirs("log/2026-10.json"))  # now reached only through the link

    store = folder.open()
    assert store.get("habit:lure") is None
    assert store.problem_kinds() == {link: Problem.LINK for link in links}
    assert store.get(folder.ids["their core"]) is not None
    for link in links:
        assert any(str(link) in text and "link" in text for text in warnings(store))
    store.put("habit", "habit:new", {"title": "New"})
    assert secret.read_bytes() == shard_bytes([lure], replica="lure")
    assert (outside / "core.json").read_bytes() == shard_bytes([lure], replica="lure")


def test_a_pipe_named_like_a_shard_does_not_hang_the_read(folder: Folder) -> None:
    pipe = folder.theirs("log/2026-10.json")
    os.mkfifo(pipe)
    store = folder.open()  # a plain open() of a pipe waits for a writer forever
    assert store.get(folder.ids["their log"]) is not None
    assert read_file(pipe).problem is Problem.NOT_OURS


def test_a_stamp_in_year_33658_is_shown_not_a_crash(folder: Folder) -> None:
    far = Record("habit:far", "habit", format_stamp(999_999_999_999_999, 0), THEM, False, {})
    folder.theirs("log/2026-10.json").write_bytes(shard_bytes([far], replica=THEM))
    store = folder.open()
    report = health(Couple(store, "a"))
    [theirs] = [r for r in report.to_json()["replicas"] if r["replica_id"] == THEM]
    assert theirs["last_write"] == "far in the future"
    assert iso(-(10**16)) == "long ago"
    from tracker.ui.screens.sync import ago  # the Sync screen's words for the same stamp

    now = datetime(2026, 11, 30, tzinfo=UTC)
    assert ago(999_999_999_999_999, now) == "far in the future"
    assert ago(-(10**16), now) == "long ago"
    assert ago(int(now.timestamp() * 1000) + 3_600_000, now) == "in the future"


def test_a_folder_everyone_may_change_is_warned_about(folder: Folder) -> None:
    assert not any("Every user" in text for text in warnings(folder.open()))
    os.chmod(folder.data_dir, 0o777)
    [finding] = [f for f in health(Couple(folder.open(), "a")).findings if "Every user" in f.text]
    assert finding.level == "warn" and str(folder.data_dir) in finding.text
    assert f"chmod go-w {folder.data_dir}" in finding.fix


def test_an_own_file_made_read_only_later_is_fixed_by_mode_only(folder: Folder) -> None:
    """Our own write replaces the file by rename: a 0444 file in a folder we may write is
    no obstacle, and it comes back 0600 (this device's files are private)."""
    store = folder.open()
    os.chmod(folder.own(), 0o444)
    store.put("habit", "habit:new", {"title": "New"})
    assert stat.S_IMODE(folder.own().stat().st_mode) == 0o600
