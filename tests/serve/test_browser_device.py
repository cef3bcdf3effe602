"""The browser device `rekindle serve` runs each tab as, kept beside this install's own
config and the same every time; and the token `--lan` asks for (tests/ui/test_sync_screen.py
shows the device listed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tracker.cli.serve.identity import browser_config, lan_token
from tracker.store.identity import LocalConfig, load_config


@pytest.fixture
def host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LocalConfig:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "alex-config"))
    return LocalConfig(tmp_path / "shared", "alexlaptop01", "a", "alex-laptop")


def test_one_device_per_person_kept_between_runs(host: LocalConfig, tmp_path: Path) -> None:
    first = browser_config(host, "b", "Sam", host.data_dir)
    again = browser_config(host, "b", "Sam", host.data_dir)
    alex = browser_config(host, "a", "Alex", host.data_dir)
    assert first == again and first != alex
    assert first.is_relative_to(tmp_path / "alex-config")
    sam = load_config(first)
    assert sam is not None and load_config(alex) is not None
    assert (sam.partner, sam.device, sam.data_dir) == (
        "b",
        "Sam (browser on alex-laptop)",
        host.data_dir,
    )
    assert sam.replica_id not in (host.replica_id, load_config(alex).replica_id)  # type: ignore[union-attr]
    # A new name (Sam renamed themselves) keeps the device, with its new name.
    renamed = load_config(browser_config(host, "b", "Samuel\n\x1b[2J", host.data_dir))
    assert renamed is not None and renamed.replica_id == sam.replica_id
    assert renamed.device == "Samuel⏎␛[2J (browser on alex-laptop)"


def test_the_token_is_kept_until_renewed(host: LocalConfig, tmp_path: Path) -> None:
    token = lan_token(renew=False)
    assert len(token) >= 20 and lan_token(renew=False) == token
    kept = tmp_path / "alex-config" / "browsers" / "token"
    assert kept.read_text() == token and kept.stat().st_mode & 0o077 == 0
    renewed = lan_token(renew=True)
    assert renewed != token and lan_token(renew=False) == renewed
    kept.write_text("short")  # damaged by hand: a new one, never a guessable one
    assert len(lan_token(renew=False)) >= 20
