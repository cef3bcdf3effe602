"""`rekindle serve` on the generated couple: how long a browser tab waits for Today, next
to the terminal's own first Today frame measured in turn with it, and what one tab's app
process holds in memory."""

from __future__ import annotations

import asyncio
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp

from tracker.store.identity import save_config
from tracker.store.sample import sample_config

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07]*\x07")
FirstFrame = Callable[[list[str]], dict[str, float]]


def _apps_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def _peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _tab(port: int, server: int) -> tuple[float, float]:
    """Seconds from opening the websocket (as the page does) to Today's last list on
    screen, and the tab's app's peak memory once its history is in."""
    start = time.perf_counter()
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://127.0.0.1:{port}/ws?width=120&height=40") as ws,
    ):
        screen = b""
        while b"Together" not in ANSI.sub(b"", screen):
            message = await asyncio.wait_for(ws.receive(), 60)
            if message.type == aiohttp.WSMsgType.BINARY:
                screen += message.data
        shown = time.perf_counter() - start
        await asyncio.sleep(3.0)  # the rest of the history loads after the first frame
        peak = max((_peak_mb(app) for app in _apps_of(server)), default=0.0)
    while _apps_of(server):  # closed before the next tab, so tabs never overlap
        await asyncio.sleep(0.05)
    return shown, peak


def bench_served(folder: Path, repeat: int, first_frame: FirstFrame) -> dict[str, float]:
    config = folder.parent / "serve-config"
    save_config(sample_config(folder), config)
    script = str(Path(sys.executable).with_name("rekindle"))
    env = {**os.environ, "REKINDLE_CONFIG": str(config)}
    server = subprocess.Popen(
        [script, "serve", "--port", "0"], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert server.stdout is not None
        port = 0
        for line in server.stdout:
            if "http://127.0.0.1:" in line:
                port = int(line.split(":")[2].split("/")[0])
                break
        served: list[float] = []
        terminal: list[float] = []
        peaks: list[float] = []
        for _ in range(repeat):  # in turn, so a noisy moment hits both alike
            terminal.append(first_frame(["--data", str(folder)])["first_frame_s"])
            shown, peak = asyncio.run(_tab(port, server.pid))
            served.append(shown)
            peaks.append(peak)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {
        "served_today_ms": round(statistics.median(served) * 1000, 1),
        "served_terminal_ms": round(statistics.median(terminal) * 1000, 1),
        "served_ratio": round(statistics.median(served) / statistics.median(terminal), 2),
        "served_peak_mb": round(statistics.median(peaks), 1),
    }
