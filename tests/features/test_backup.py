"""`rekindle backup` and `rekindle restore`, run as a person runs them, on real folders."""

from __future__ import annotations

import io
import json
import stat
import threading
import tomllib
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import RunHere
from tests.rekindle_cli import run_command, use_config
from tracker.store.backup.archive import write_backup
from tracker.store.backup.automatic import backup_if_due, read_state, set_keep
from tracker.store.files import atomic_write

SYNC_CONFLICT = "core.sync-conflict-20261125-101500-ABCDEFG.json"


class Folder:
    """The sample couple's folder, joined by Alex's computer, as the backups see it."""

    def __init__(self, tmp_path: Path, rekindle: RunHere) -> None:
        self.tmp_path, self.rekindle = tmp_path, rekindle
        self.config = tmp_path / "alex"
        self.data = tmp_path / "data"
        rekindle(self.config, "sample", "--out", str(self.data)).ok()
        rekindle(self.config, "join", "--data", str(self.data), "--as", "Alex").ok()
        phone = self.data / "replicas" / "alex-phone"
        # A sync tool's conflict copy holds a version too; a lock and a temp file do not.
        (phone / SYNC_CONFLICT).write_bytes((phone / "core.json").read_bytes()[:-1] + b" }")
        (phone / ".rekindle.lock").write_bytes(b"")
        (phone / ".core.json.0a1b2c3d4e5f.tmp").write_bytes(b"half a wri")

    def run(self, *args: str) -> str:
        return self.rekindle(self.config, *args).ok()

    def refused(self, *args: str) -> str:
        return self.rekindle(self.config, *args).refused()

    def backup(self, *args: str) -> Path:
        said = self.run("backup", *args)
        return Path(said.strip().split(", checked, to ", 1)[1])


@pytest.fixture
def folder(tmp_path: Path, rekindle_here: RunHere) -> Folder:
    return Folder(tmp_path, rekindle_here)


def replica_of(folder: Folder) -> str:
    """The replica of Alex's computer, as its own config names it."""
    return str(tomllib.loads((folder.config / "config.toml").read_text())["replica_id"])


def replica_files(data: Path) -> dict[str, bytes]:
    return {
        path.relative_to(data).as_posix(): path.read_bytes()
        for path in sorted((data / "replicas").rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def test_restore_gives_back_every_replica_file_byte_for_byte(folder: Folder) -> None:
    archive = folder.backup()
    assert archive.parent == folder.config / "backups"  # Documents, outside the tests
    assert archive.name == f"rekindle-backup-{date.today().isoformat()}.zip"
    restored = folder.tmp_path / "restored"
    said = folder.run("restore", str(archive), "--data", str(restored))
    original = replica_files(folder.data)
    assert f"Restored {len(original)} files from 5 devices" in said
    assert replica_files(restored) == original
    conflict = f"replicas/alex-phone/{SYNC_CONFLICT}"
    assert conflict in original
    assert not (restored / "replicas/alex-phone/.rekindle.lock").exists()
    assert not (restored / "replicas/alex-phone/.core.json.0a1b2c3d4e5f.tmp").exists()
    # Each file keeps its time, so a sync tool sees the older version it is.
    for name in original:
        assert (restored / name).stat().st_mtime_ns == (folder.data / name).stat().st_mtime_ns
    # A folder elsewhere is joined as a new device, never written as another's replica.
    assert f"To use it on this computer, run: rekindle join --data {restored}" in said
    status = [folder.run("--data", str(d), "status", "--json") for d in (folder.data, restored)]
    assert json.loads(status[0]) == json.loads(status[1])


def test_a_second_backup_the_same_day_never_replaces_the_first(folder: Folder) -> None:
    out = folder.tmp_path / "mine"
    out.mkdir()
    first, second = folder.backup("--out", str(out)), folder.backup("--out", str(out))
    assert second == first.with_name(first.stem + "-2.zip")
    named = folder.backup("--out", str(out / "keep.zip"))
    assert named == out / "keep.zip"
    assert folder.backup("--out", str(out / "keep.zip")) == out / "keep-2.zip"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [first.name, second.name, "keep.zip", "keep-2.zip"]
    )


def rezipped(archive: Path, change: dict[str, bytes | None], links: tuple[str, ...] = ()) -> bytes:
    """The archive written again with some members' bytes changed (None: left out) and
    extra members added, as a damaged or crafted archive would be."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(buffer, "w") as target:
        root = source.namelist()[0].split("/")[0]
        for info in source.infolist():
            name = info.filename.split("/", 1)[1]
            raw = change.pop(name, source.read(info))
            if raw is not None:
                target.writestr(info, raw)
        for name, raw in change.items():
            assert raw is not None
            target.writestr(name if name.startswith("/") else f"{root}/{name}", raw)
        for name in links:
            link = zipfile.ZipInfo(f"{root}/{name}")
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            target.writestr(link, "/etc/passwd")
    return buffer.getvalue()


def refused_restore(folder: Folder, payload: bytes) -> str:
    bad = folder.tmp_path / "bad.zip"
    bad.write_bytes(payload)
    target = folder.tmp_path / "target"
    said = folder.refused("restore", str(bad), "--data", str(target))
    assert not target.exists()  # nothing written
    assert not list(folder.tmp_path.glob(".target.restoring-*"))
    return said


def test_a_member_that_does_not_match_its_checksum_is_refused(folder: Folder) -> None:
    archive = folder.backup()
    name = "replicas/alex-phone/core.json"
    raw = (folder.data / name).read_bytes()
    flipped = raw.replace(
        b'"partner":"a"', b'"partner":"b"', 1
    )  # the same size: only its sum tells
    assert flipped != raw and len(flipped) == len(raw)
    damaged = rezipped(archive, {name: flipped})
    said = refused_restore(folder, damaged)
    assert "damaged: replicas/alex-phone/core.json does not match its checksum" in said


def test_a_file_missing_from_the_backup_is_refused(folder: Folder) -> None:
    archive = folder.backup()
    said = refused_restore(folder, rezipped(archive, {"replicas/alex-phone/core.json": None}))
    assert "does not hold the files its list names" in said


@pytest.mark.parametrize(
    "member",
    [
        "replicas/../../../escaped/core.json",
        "/tmp/escaped/core.json",
        "replicas/alex-phone/../../core.json",
        "replicas/alex-phone/notes.txt",
        "replicas/alex-phone/log/core.json",
    ],
)
def test_a_path_outside_a_replica_is_refused(folder: Folder, member: str) -> None:
    archive = folder.backup()
    said = refused_restore(folder, rezipped(archive, {member: b'{"records": {}}'}))
    assert "rekindle: " in said and "nothing was changed" in said
    assert not (folder.tmp_path / "escaped").exists()


def test_a_link_in_the_backup_is_refused(folder: Folder) -> None:
    archive = folder.backup()
    said = refused_restore(folder, rezipped(archive, {}, links=("replicas/alex-phone/log",)))
    assert "holds a link" in said


def test_a_cut_short_or_foreign_file_is_refused_in_one_sentence(folder: Folder) -> None:
    raw = folder.backup().read_bytes()
    assert "not a whole Rekindle backup" in refused_restore(folder, raw[: len(raw) // 2])
    assert "not a whole Rekindle backup" in refused_restore(folder, b"just some text\n")
    holiday = io.BytesIO()
    with zipfile.ZipFile(holiday, "w") as photos:
        photos.writestr("holiday/beach.jpg", b"\xff\xd8 not really")
    assert "is not a Rekindle backup" in refused_restore(folder, holiday.getvalue())


def test_restore_never_writes_over_data_and_force_keeps_it_aside(folder: Folder) -> None:
    archive = folder.backup()
    target = folder.tmp_path / "target"
    (target / "replicas" / "somebody").mkdir(parents=True)
    (target / "replicas" / "somebody" / "core.json").write_bytes(b"what was here")
    said = folder.refused("restore", str(archive), "--data", str(target))
    assert "already holds data" in said and "--force" in said
    assert (target / "replicas" / "somebody" / "core.json").read_bytes() == b"what was here"
    done = folder.run("restore", str(archive), "--data", str(target), "--force")
    aside = folder.tmp_path / f"target before restore {date.today().isoformat()}"
    assert f"kept, untouched, in {aside}" in done
    assert (aside / "replicas" / "somebody" / "core.json").read_bytes() == b"what was here"
    assert replica_files(target) == replica_files(folder.data)


def test_restore_into_a_synced_folder_that_only_holds_its_marker(folder: Folder) -> None:
    archive = folder.backup()
    target = folder.tmp_path / "target"
    (target / ".stfolder").mkdir(parents=True)
    folder.run("restore", str(archive), "--data", str(target))
    assert (target / ".stfolder").is_dir()
    assert replica_files(target) == replica_files(folder.data)


def test_automatic_backups_keep_the_last_n_and_never_a_manual_one(
    folder: Folder, monkeypatch: pytest.MonkeyPatch
) -> None:
    manual = folder.backup()
    use_config(monkeypatch, folder.config)
    replica = replica_of(folder)
    set_keep(folder.data, replica, 2)
    day = date(2026, 3, 1)
    made = [backup_if_due(folder.data, replica, day + timedelta(days=n)) for n in range(4)]
    assert backup_if_due(folder.data, replica, day + timedelta(days=3)) is None  # once a day
    kept = sorted(p.name for p in (folder.config / "backups" / "automatic").iterdir())
    assert kept == ["rekindle-auto-backup-2026-03-03.zip", "rekindle-auto-backup-2026-03-04.zip"]
    assert all(saved is not None for saved in made)
    assert manual.exists()
    set_keep(folder.data, replica, 0)
    assert backup_if_due(folder.data, replica, day + timedelta(days=9)) is None
    assert read_state(folder.data, replica).keep == 0


def test_backup_auto_from_cron_says_nothing_once_made(folder: Folder) -> None:
    said = folder.run("--data", str(folder.data), "backup", "--auto")
    assert "rekindle-auto-backup-" in said and "checked" in said
    assert folder.run("--data", str(folder.data), "backup", "--auto") == ""


def test_backup_as_a_real_command(folder: Folder) -> None:
    ran = run_command(folder.config, "--data", str(folder.data), "backup")
    files = len(replica_files(folder.data))
    assert ran.ok().startswith(f"Saved a backup of {files} files (")
    empty = folder.tmp_path / "nothing"
    empty.mkdir()
    said = run_command(folder.config, "--data", str(empty), "backup").refused()
    assert said == f"rekindle: There is no couple's data in {empty} to back up."


def test_restored_over_its_own_folder_this_computer_carries_on_as_itself(folder: Folder) -> None:
    archive = folder.backup()
    said = folder.run("--data", str(folder.data), "restore", str(archive), "--force")
    assert "This computer carries on as itself, from the day of the backup." in said
    aside = folder.tmp_path / f"data before restore {date.today().isoformat()}"
    assert replica_files(folder.data) == replica_files(aside)
    before = replica_files(folder.data)
    folder.run("--data", str(folder.data), "tick", "thank-you")
    changed = {n for n, raw in replica_files(folder.data).items() if before.get(n) != raw}
    assert changed and all(n.startswith(f"replicas/{replica_of(folder)}/") for n in changed)


def with_manifest(archive: Path, change: Callable[[dict[str, Any]], None]) -> bytes:
    with zipfile.ZipFile(archive) as source:
        manifest = json.loads(source.read(f"{archive.stem}/manifest.json"))
    change(manifest)
    return rezipped(archive, {"manifest.json": json.dumps(manifest).encode()})


def test_a_backup_from_a_newer_rekindle_is_refused_with_what_to_do(folder: Folder) -> None:
    newer = with_manifest(folder.backup(), lambda manifest: manifest.update(version=99))
    assert "A newer Rekindle made bad.zip; update Rekindle" in refused_restore(folder, newer)


def test_a_backup_claiming_gigabytes_is_refused_before_reading(folder: Folder) -> None:
    def huge(manifest: dict[str, Any]) -> None:
        for entry in manifest["files"].values():
            entry["size"] = 2**28

    bomb = with_manifest(folder.backup(), huge)
    assert "bigger than any couple's folder could be" in refused_restore(folder, bomb)


def test_a_file_replaced_while_backing_up_is_in_it_whole(folder: Folder) -> None:
    """The app saving all the while: each file in the backup is one whole version."""
    month = sorted((folder.data / "replicas" / "alex-phone" / "log").iterdir())[-1]
    versions = [month.read_bytes() + b" " * n for n in range(200)]
    stop = threading.Event()

    def keep_saving() -> None:
        n = 0
        while not stop.is_set():
            atomic_write(month, versions[n % len(versions)], durable=False)
            n += 1

    saver = threading.Thread(target=keep_saving)
    saver.start()
    try:
        saved = write_backup(folder.data, folder.tmp_path / "busy.zip")
    finally:
        stop.set()
        saver.join()
    with zipfile.ZipFile(saved.path) as archive:
        kept = archive.read(f"busy/replicas/alex-phone/log/{month.name}")
    assert kept in versions


def test_a_link_in_the_folder_is_left_out_and_said(folder: Folder) -> None:
    link = folder.data / "replicas" / "alex-phone" / "log" / "2020-01.json"
    link.symlink_to("/etc/hostname")
    ran = folder.rekindle(folder.config, "--data", str(folder.data), "backup")
    assert ran.code == 0 and "checked, to" in ran.out
    assert ran.err.strip() == (
        "rekindle: Left out, as this user may not read them or they are links: "
        "replicas/alex-phone/log/2020-01.json."
    )
    archive = Path(ran.out.strip().split(", checked, to ", 1)[1])
    with zipfile.ZipFile(archive) as backup:
        assert not [name for name in backup.namelist() if "2020-01" in name]
