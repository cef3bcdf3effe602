"""`rekindle serve` as a person runs it: a real process on a real couple's folder, its
children (one app per browser tab) found through /proc, and websocket tabs opened the
way the served page opens them. All of it on loopback."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import aiohttp

from tests.rekindle_cli import command_env

SET_UP = """
import sys
from datetime import date
from pathlib import Path
from tracker.store.setup import create_couple
create_couple(Path(sys.argv[1]), "Alex", sys.argv[2], "UTC", 4,
              ["specific-thank-you", "ask-about-their-day", "unhurried-talk"],
              today=date.fromisoformat(sys.argv[3]))
"""
ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b\][^\x07]*\x07")


def make_couple(tmp_path: Path, partner: str = "Sam") -> tuple[Path, Path]:
    """Alex's computer (its config) and the shared folder, Alex and `partner` in it."""
    config, data = tmp_path / "config", tmp_path / "shared"
    began = (date.today() - timedelta(days=10)).isoformat()
    made = subprocess.run(
        [sys.executable, "-c", SET_UP, str(data), partner, began],
        env=command_env(config),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    return config, data


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # as printed: the address to open, the token in it with --lan
    port: int
    lines: list[str]

    def children(self) -> list[int]:
        return children_of(self.process.pid)

    def stop(self, how: signal.Signals = signal.SIGTERM) -> str:
        """Stop serving; what it printed after, once it has exited."""
        self.process.send_signal(how)
        out, _ = self.process.communicate(timeout=30)
        return out


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError):
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def wait_until(condition: object, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.1)
    return bool(callable(condition) and condition())


@contextlib.contextmanager
def serving(config: Path, *args: str, **env: str) -> Iterator[Served]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--port", "0", *args],
        env=command_env(config, PYTHONUNBUFFERED="1", **env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: list[str] = []
    assert process.stdout is not None
    url = ""
    for line in process.stdout:
        lines.append(line)
        if line.strip().startswith("http://"):
            url = line.strip()
        if line.startswith("Ctrl+C"):
            break
    assert url, "".join(lines)
    port = int(url.split(":")[2].split("/")[0])
    served = Served(process, url, port, lines)
    try:
        yield served
    finally:
        if process.poll() is None:
            # As ctrl+c would: every tab's app is asked to close and saves first.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=30)
        # Whatever the test did, no app it started outlives it.
        assert wait_until(lambda: not children_of(process.pid) and not _orphans(config))


def _orphans(config: Path) -> list[int]:
    """App processes still running as one of this test's browser devices."""
    found = []
    for entry in Path("/proc").iterdir():
        with contextlib.suppress(OSError):
            if entry.name.isdigit() and str(config / "browsers") in (
                entry / "environ"
            ).read_bytes().decode("utf-8", "replace"):
                found.append(int(entry.name))
    return found


def listening(port: int) -> set[str]:
    """The IPv4 and IPv6 addresses something listens on at `port`, from the kernel."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for row in Path(table).read_text().splitlines()[1:]:
                local, state = row.split()[1], row.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(_address(address))
    return found


def _address(hex_address: str) -> str:
    raw = bytes.fromhex(hex_address)
    if len(raw) == 4:
        return ".".join(str(b) for b in raw[::-1])
    words = [raw[i : i + 4][::-1] for i in range(0, 16, 4)]
    return ":".join(b"".join(words)[i : i + 2].hex() for i in range(0, 16, 2))


class Tab:
    """One browser tab's websocket, as textual.js opens it: keys in, the screen out."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.screen = b""
        self.closed = False

    async def read(self, seconds: float) -> None:
        deadline = asyncio.get_running_loop().time() + seconds
        while not self.closed:
            left = deadline - asyncio.get_running_loop().time()
            if left <= 0:
                return
            try:
                message = await asyncio.wait_for(self.ws.receive(), left)
            except TimeoutError:
                return
            if message.type == aiohttp.WSMsgType.BINARY:
                self.screen += message.data
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                self.closed = True

    def text(self) -> str:
        return ANSI.sub(b"", self.screen).decode("utf-8", "replace")

    async def wait_for(self, words: str, seconds: float = 30.0) -> None:
        deadline = asyncio.get_running_loop().time() + seconds
        while words not in self.text():
            assert asyncio.get_running_loop().time() < deadline, f"no {words!r} on screen"
            assert not self.closed, self.text()[-400:]
            await self.read(0.2)

    async def keys(self, text: str) -> None:
        await self.ws.send_json(["stdin", text])


def session_pids(served: Served) -> list[int]:
    return [pid for pid in served.children() if os.path.exists(f"/proc/{pid}")]
