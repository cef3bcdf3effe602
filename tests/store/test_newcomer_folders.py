"""Folders a newcomer may pick that cannot work: one sentence, with the fix, and no mess."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import RunHere
from tests.rekindle_cli import run_command
from tests.tools import cannot
from tracker.store.identity import SetupError
from tracker.store.setup import create_couple

INIT = ("--name", "Alex", "--partner-name", "Sam", "--tz", "Europe/London")


def test_a_folder_we_may_not_write_to(tmp_path: Path, rekindle_here: RunHere) -> None:
    # /sys refuses new folders even to root: a real "permission" refusal on any machine.
    with pytest.raises(
        SetupError, match=r"Cannot write to /sys/rekindle .*choose a folder you own"
    ):
        create_couple(Path("/sys/rekindle"), "Alex", "Sam", "Europe/London")
    done = rekindle_here(tmp_path / "config", "init", "--data", "/sys/rekindle", *INIT)
    assert done.code == 1
    assert "Cannot write to /sys/rekindle" in done.err and "Traceback" not in done.err
    assert not (tmp_path / "config" / "config.toml").exists()


def test_a_folder_on_a_read_only_disk(tmp_path: Path) -> None:
    unshare = shutil.which("unshare")
    source, mount = tmp_path / "disk", tmp_path / "mnt"
    source.mkdir()
    mount.mkdir()
    # A private mount namespace: a read-only bind mount that only this command sees.
    script = f'mount --bind {source} {mount} && mount -o remount,ro,bind {mount} && exec "$@"'
    wrapper = [unshare, "-rm", "sh", "-c", script, "sh"] if unshare else None
    if wrapper is None or subprocess.run([*wrapper, "true"], capture_output=True).returncode:
        cannot("cannot make a read-only mount here (unshare -rm)")
    # A real process: the read-only mount exists only inside the namespace it runs in.
    data = str(mount / "Rekindle")
    done = run_command(tmp_path / "config", "init", "--data", data, *INIT, wrapper=wrapper)
    assert done.code == 1
    assert "read-only disk" in done.err and "choose a folder you own" in done.err
    assert list(source.iterdir()) == []


def test_a_folder_that_is_a_file(tmp_path: Path, rekindle_here: RunHere) -> None:
    taken = tmp_path / "notes.txt"
    taken.write_text("mine")
    done = rekindle_here(tmp_path / "config", "init", "--data", str(taken), *INIT)
    assert done.code == 1 and "is a file, not a folder" in done.err
    assert taken.read_text() == "mine"
