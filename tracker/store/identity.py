"""Who this installation is: kept in the local config dir, never in the synced folder.

If identity lived in the data folder, the sync tool would copy it and both
devices would believe they are the same person.
"""

from __future__ import annotations

import contextlib
import json
import os
import tomllib
from pathlib import Path

import msgspec

from tracker.store.files import atomic_write, make_private_dir, sha256_hex

APP_NAME = "rekindle"
CONFIG_ENV = "REKINDLE_CONFIG"
DATA_ENV = "REKINDLE_DATA"


class ConfigError(Exception):
    """The local config cannot be used; the message says why and what to do."""


class SetupError(Exception):
    """Setting up cannot go on; the message is one sentence with the fix. (Here, beside
    ConfigError, so every command can catch it without loading what setting up needs.)"""


def config_dir() -> Path:
    override = os.environ.get(CONFIG_ENV)
    if override:
        return Path(override)
    import platformdirs  # here, not at the top: only needed without the override

    return Path(platformdirs.user_config_dir(APP_NAME))


def config_path(directory: Path | None = None) -> Path:
    """The config file of this install, or of the one kept in `directory` (a browser
    session's, which `rekindle serve` keeps beside this install's own)."""
    return (directory or config_dir()) / "config.toml"


def default_data_dir() -> Path:
    """A visible folder in the home directory: the one to share with the partner."""
    return Path.home() / "Rekindle"


def new_replica_id() -> str:
    import uuid  # only when a device joins: not for every command

    return uuid.uuid4().hex[:12]


def device_name() -> str:
    # os.uname is what socket.gethostname reads on Unix, without importing socket.
    if hasattr(os, "uname"):
        return os.uname().nodename or "this computer"
    import socket

    return socket.gethostname() or "this computer"


def machine_fingerprint(directory: Path | None = None) -> str:
    """Tells this install apart from a copy of its config on another device.

    Made of the machine id (or host name) and where the config lives, so a
    config copied to a second computer, or a second folder, gets a new one.
    """
    machine = ""
    for candidate in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            machine = Path(candidate).read_text().strip()
            break
        except OSError:
            continue
    where = str((directory or config_dir()).resolve())
    return sha256_hex(f"{machine}|{device_name()}|{where}")[:16]


class LocalConfig(msgspec.Struct, frozen=True):
    data_dir: Path
    replica_id: str
    partner: str  # "a" or "b": which of the couple uses this install
    device: str

    @property
    def machine(self) -> str:
        return machine_fingerprint()

    def replica_meta(self) -> dict[str, str]:
        return {"partner": self.partner, "device": self.device, "machine": self.machine}


def _toml_string(value: str) -> str:
    # JSON's escaped ASCII string is also a valid TOML basic string.
    return json.dumps(value, ensure_ascii=True)


def load_config(directory: Path | None = None) -> LocalConfig | None:
    path = config_path(directory)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ConfigError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        data = tomllib.loads(raw.decode("utf-8"))
        partner = str(data["partner"])
        if partner not in ("a", "b"):
            raise ValueError(partner)
        return LocalConfig(
            data_dir=Path(str(data["data_dir"])).expanduser(),
            replica_id=str(data["replica_id"]),
            partner=partner,
            device=str(data.get("device") or device_name()),
        )
    except (ValueError, KeyError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(
            f"The local settings in {path} are damaged ({error}). "
            "Move the file aside and run `rekindle join` to reconnect to your folder."
        ) from error


def save_config(config: LocalConfig, directory: Path | None = None) -> Path:
    path = config_path(directory)
    make_private_dir(path.parent)
    lines = [
        "# Rekindle's local settings for this device. Do not share or sync this file.",
        f"data_dir = {_toml_string(str(config.data_dir))}",
        f"replica_id = {_toml_string(config.replica_id)}",
        f"partner = {_toml_string(config.partner)}",
        f"device = {_toml_string(config.device)}",
        "",
    ]
    atomic_write(path, "\n".join(lines).encode("utf-8"))
    return path


def resolve_data_dir(flag: str | None, config: LocalConfig | None) -> Path:
    """--data beats REKINDLE_DATA beats the config beats the default."""
    if flag:
        return Path(flag).expanduser()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser()
    if config is not None:
        return config.data_dir
    return default_data_dir()


def guess_time_zone() -> str:
    """This computer's IANA zone name, or UTC when it cannot be told."""
    from zoneinfo import available_timezones

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    with contextlib.suppress(OSError):
        candidates.append(os.readlink("/etc/localtime").split("zoneinfo/", 1)[-1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    known = available_timezones()
    return next((name for name in candidates if name in known), "UTC")
