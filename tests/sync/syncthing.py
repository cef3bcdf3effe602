"""Two real Syncthing instances on loopback, sharing one folder, for end-to-end tests.

Discovery, relays, NAT and usage reporting are off; each instance has its own
home, ports and API key, and knows the other only at 127.0.0.1. They are
stopped by their own pids.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from tests.tools import find_tool

FOLDER_ID = "rekindle"


def syncthing_binary() -> str:
    return find_tool("syncthing", " (Debian: apt-get install syncthing)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition, timeout: float, what: str, every: float = 0.3):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        try:
            result = condition()
            if result:
                return result
        except Exception as error:  # the instance may still be starting
            last_error = error
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what} ({last_error})")


@dataclass
class Instance:
    name: str
    home: Path
    folder: Path
    binary: str
    listen_port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: secrets.token_hex(16))
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def generate(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            [self.binary, "generate", f"--home={self.home}", "--no-default-folder"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        for line in (out.stdout + out.stderr).splitlines():
            if "Device ID:" in line:
                self.device_id = line.split("Device ID:", 1)[1].strip()
        assert self.device_id, out.stdout + out.stderr

    def write_config(self, peer: Instance) -> None:
        devices = "".join(
            f'<device id="{d.device_id}" name="{d.name}" compression="metadata" '
            f'introducer="false"><address>tcp://127.0.0.1:{d.listen_port}</address>'
            "<autoAcceptFolders>false</autoAcceptFolders></device>"
            for d in (self, peer)
        )
        folder_devices = "".join(f'<device id="{d.device_id}"></device>' for d in (self, peer))
        config = f"""<configuration version="36">
  <folder id="{FOLDER_ID}" label="Rekindle" path="{escape(str(self.folder))}" type="sendreceive"
          rescanIntervalS="2" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false">
    {folder_devices}
    <maxConflicts>10</maxConflicts>
  </folder>
  {devices}
  <gui enabled="true" tls="false"><address>127.0.0.1:{self.gui_port}</address>
    <apikey>{self.api_key}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{self.listen_port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <startBrowser>false</startBrowser>
    <crashReportingEnabled>false</crashReportingEnabled>
    <reconnectionIntervalS>1</reconnectionIntervalS>
  </options>
</configuration>
"""
        (self.home / "config.xml").write_text(config)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stfolder").mkdir(exist_ok=True)

    def start(self) -> None:
        env = {
            **os.environ,
            "STNODEFAULTFOLDER": "1",
            "STNOUPGRADE": "1",
            "STNORESTART": "1",
            "STGUIAPIKEY": self.api_key,
        }
        log = (self.home / "syncthing.log").open("ab")
        self.process = subprocess.Popen(
            [
                self.binary,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                f"--gui-address=127.0.0.1:{self.gui_port}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
        )
        wait_until(
            lambda: self.api("/rest/system/ping").get("ping") == "pong",
            60,
            f"{self.name}'s Syncthing to answer",
        )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def api(self, path: str) -> dict[str, object]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", headers={"X-API-Key": self.api_key}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.loads(response.read())

    def connected_to(self, peer: Instance) -> bool:
        connections = self.api("/rest/system/connections").get("connections", {})
        return bool(connections.get(peer.device_id, {}).get("connected"))  # type: ignore[union-attr]

    def idle(self) -> bool:
        status = self.api(f"/rest/db/status?folder={FOLDER_ID}")
        return status.get("state") == "idle" and status.get("needTotalItems") == 0

    def log_tail(self) -> str:
        path = self.home / "syncthing.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


@dataclass
class Pair:
    a: Instance
    b: Instance

    def connect(self, timeout: float = 60) -> None:
        wait_until(
            lambda: self.a.connected_to(self.b) and self.b.connected_to(self.a),
            timeout,
            "the two Syncthing instances to connect",
        )

    def settle(self, timeout: float = 60) -> None:
        """Both connected and idle with nothing left to pull, twice in a row."""

        def calm() -> bool:
            return all(i.idle() for i in (self.a, self.b))

        wait_until(
            lambda: calm() and (time.sleep(1.5) is None) and calm(),
            timeout,
            "both folders to finish syncing",
        )

    def stop(self) -> None:
        for instance in (self.a, self.b):
            instance.stop()


def start_pair(root: Path, folder_a: Path, folder_b: Path) -> Pair:
    binary = syncthing_binary()
    a = Instance("alex-laptop", root / "st-a", folder_a, binary)
    b = Instance("sam-laptop", root / "st-b", folder_b, binary)
    for instance in (a, b):
        instance.generate()
    a.write_config(b)
    b.write_config(a)
    pair = Pair(a, b)
    try:
        a.start()
        b.start()
        pair.connect()
    except BaseException:
        print(a.log_tail(), b.log_tail())
        pair.stop()
        raise
    return pair
