"""Who a browser tab is: a person of the couple, on a device of its own.

Each served tab runs the app with a config of its own, kept beside this install's
(never in the shared folder), so its ticks carry its own replica id and sync like any
device's, and the Sync screen and `rekindle doctor` list it by name: "Sam (browser on
alex-laptop)". Kept, not made per run: the same browser device every time, not one
more in the list each evening.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from tracker.domain.text import cut, visible
from tracker.store.files import atomic_write, make_private_dir
from tracker.store.identity import (
    LocalConfig,
    config_dir,
    load_config,
    new_replica_id,
    save_config,
)

BROWSERS = "browsers"
TOKEN_FILE = "token"
NAME_WIDTH = 40  # of the person's name inside the device's name


def browser_dir(key: str) -> Path:
    return config_dir() / BROWSERS / key


def browser_config(host: LocalConfig, key: str, name: str, data_dir: Path) -> Path:
    """The config folder the app runs with as `key` in a browser; made the first time."""
    folder = browser_dir(key)
    shown = cut(visible(name, newlines=False), NAME_WIDTH)
    device = f"{shown} (browser on {host.device})"
    known = load_config(folder)
    replica = known.replica_id if known is not None else new_replica_id()
    wanted = LocalConfig(data_dir, replica, key, device)
    if known != wanted:
        make_private_dir(folder)
        save_config(wanted, folder)
    return folder


def lan_token(renew: bool) -> str:
    """The secret a phone's address carries: remembered on this computer (a bookmark on
    the phone keeps working), a new one when asked."""
    path = config_dir() / BROWSERS / TOKEN_FILE
    if not renew:
        try:
            token = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError):
            token = ""
        if len(token) >= 20:
            return token
    # 128 random bits: more than enough, and short enough for a small QR code.
    token = secrets.token_urlsafe(16)
    make_private_dir(path.parent)
    atomic_write(path, token.encode("utf-8"))
    return token
