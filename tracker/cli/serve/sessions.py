"""The app processes behind the browser tabs: one per tab, a few at most, all ended
when serving stops.

textual-serve's AppService runs one app process and relays its screen; its own
server has no limit on how many it starts and no way to end them all, so the
websocket is handled here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

from tracker.cli.serve.guard import notice_page

# Each tab is a whole app process (95 MB at its peak on the ten-year benchmark couple,
# benchmarks/served.py): a handful covers a couple's devices, and a flood of
# connections cannot start a hundred.
MAX_SESSIONS = 4
# How long an app may take to close when asked before it is stopped outright. Every
# tick is on disk before the app says it is done, so this only waits out the drawing.
CLOSE_SECONDS = 5.0
BUSY = (
    f"Rekindle is already open in {MAX_SESSIONS} browser tabs. Close one of them, then "
    "reload this page."
)

log = logging.getLogger("rekindle.serve")


def _size(request: web.Request, name: str, default: int) -> int:
    try:
        return max(1, min(1000, int(request.query.get(name, default))))
    except ValueError:
        return default


async def _close(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


class Sessions:
    def __init__(self, command: str, said: Callable[[str], None]) -> None:
        self.command = command
        self.said = said  # one line to the serving terminal
        self.open = 0
        self.services: set[AppService] = set()
        self.downloads = DownloadManager()

    def full(self) -> bool:
        return self.open >= MAX_SESSIONS

    async def handle(self, request: web.Request) -> web.StreamResponse:
        """One tab's websocket: start its app, relay keys, taps and sizes, end it."""
        if self.full():
            return notice_page(503, BUSY)
        self.open += 1  # before any await: two tabs at once cannot both take the last place
        websocket = web.WebSocketResponse(heartbeat=15)
        service: AppService | None = None
        try:
            await websocket.prepare(request)
            service = AppService(
                self.command,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=lambda: _close(websocket),
                download_manager=self.downloads,
            )
            self.services.add(service)
            await service.start(_size(request, "width", 80), _size(request, "height", 24))
            self.said(f"A browser tab opened Rekindle ({self.open} open).")
            await self._relay(websocket, service)
        except (asyncio.CancelledError, ConnectionError):
            pass
        except Exception:
            log.exception("A browser session ended with an error")
        finally:
            self.open -= 1
            if service is not None:
                await self.end(service)
                self.said(f"A browser tab closed ({self.open} open).")
            with contextlib.suppress(Exception):
                await websocket.close()
        return websocket

    async def _relay(self, websocket: web.WebSocketResponse, service: AppService) -> None:
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                kind, *rest = message.json()
            except (ValueError, TypeError):
                continue  # not what the page sends: ignored, never a crash
            data = rest[0] if rest else None
            if kind == "stdin" and isinstance(data, str):
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                width, height = data.get("width"), data.get("height")
                if isinstance(width, int) and isinstance(height, int):
                    await service.set_terminal_size(width, height)
            elif kind == "ping":
                await websocket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()

    async def end(self, service: AppService) -> None:
        """Ask the app to close (it finishes what it was writing), and stop it if it
        does not within CLOSE_SECONDS."""
        try:
            await asyncio.wait_for(service.stop(), CLOSE_SECONDS)
        except Exception:  # a timeout, or a pipe already closed
            process = service._process  # textual-serve keeps it private; it has no kill
            if process is not None and process.returncode is None:
                process.kill()
                await process.wait()
        finally:
            self.services.discard(service)

    async def end_all(self) -> int:
        ending = list(self.services)
        await asyncio.gather(*(self.end(service) for service in ending))
        return len(ending)
