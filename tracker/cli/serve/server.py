"""The web server: the page, the guard, the sessions, bound where it was asked, and
stopped with every app it started."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import shlex
import signal
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from string import Template

from aiohttp import web

from tracker.cli.common import CLIError
from tracker.cli.serve.guard import Access, guard, notice_page
from tracker.cli.serve.sessions import BUSY, Sessions
from tracker.store.identity import CONFIG_ENV, DATA_ENV

LOOPBACK = "127.0.0.1"
PAGE = Template((Path(__file__).parent / "page.html").read_text(encoding="utf-8"))


def static_folder() -> Path:
    """textual-serve's own page script, terminal styles and font: served from here."""
    import textual_serve

    return Path(textual_serve.__file__).parent / "static"


def lan_address() -> str | None:
    """This computer's address on the local network, or None when it has none.

    Connecting a UDP socket sends nothing: it only asks the kernel which address it
    would send from, towards a private network address.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 9))
            address = str(probe.getsockname()[0])
        except OSError:
            return None
    return None if address.startswith("127.") or address == "0.0.0.0" else address


def app_command(config_folder: Path, data_dir: Path) -> str:
    """The shell command textual-serve runs for each tab: the app, as the browser device."""
    return (
        f"exec env {CONFIG_ENV}={shlex.quote(str(config_folder))} "
        f"{DATA_ENV}={shlex.quote(str(data_dir))} {shlex.quote(sys.executable)} -m tracker"
    )


@dataclass(frozen=True, slots=True)
class Plan:
    command: str
    addresses: tuple[str, ...]  # where to listen: loopback, and the network's with --lan
    port: int  # 0: any free one
    token: str | None


def page(request: web.Request) -> web.Response:
    host = request.host
    html = PAGE.substitute(static=f"http://{host}/static", websocket=f"ws://{host}/ws")
    return web.Response(text=html, content_type="text/html")


def make_web_app(plan: Plan, port: int, sessions: Sessions) -> web.Application:
    hosts = {f"{address}:{port}" for address in plan.addresses}
    hosts |= {f"localhost:{port}", f"[::1]:{port}"}
    app = web.Application(middlewares=[guard(Access(frozenset(hosts), plan.token))])

    async def index(request: web.Request) -> web.Response:
        # Turned away here already, rather than by the websocket after the page drew.
        return notice_page(503, BUSY) if sessions.full() else page(request)

    app.add_routes(
        [
            web.get("/", index),
            web.get("/ws", sessions.handle),
            web.static("/static", static_folder()),
        ]
    )
    return app


async def _listen(plan: Plan, said: Callable[[str], None], ready: Callable[[int], None]) -> None:
    sessions = Sessions(plan.command, said)
    # The port is known only once bound (0 asks for any free one), and the app needs
    # it to check the Host of each request: bind first, then hand the sockets over.
    sockets = [_bind(plan.addresses[0], plan.port)]
    port = sockets[0].getsockname()[1]
    try:
        sockets += [_bind(address, port) for address in plan.addresses[1:]]
    except CLIError:
        sockets[0].close()
        raise
    runner = web.AppRunner(make_web_app(plan, port, sessions), handle_signals=False)
    await runner.setup()
    try:
        for bound in sockets:
            await web.SockSite(runner, bound).start()
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        ready(port)
        await stop.wait()
        ended = await sessions.end_all()
        said(f"Stopped serving; {ended} browser tab{'s' if ended != 1 else ''} closed.")
    finally:
        await runner.cleanup()


def _bind(address: str, port: int) -> socket.socket:
    bound = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    bound.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        bound.bind((address, port))
    except OSError as error:
        bound.close()
        if error.errno == errno.EADDRINUSE:
            raise CLIError(
                f"Port {port} is already in use on this computer (is Rekindle already being "
                f"served?). Pick another with --port, like --port {port + 1}."
            ) from None
        if error.errno == errno.EACCES:
            raise CLIError(
                f"Port {port} needs administrator rights here; pick one above 1023."
            ) from None
        raise CLIError(f"Cannot listen on {address}:{port} ({error.strerror}).") from None
    bound.listen(128)
    bound.setblocking(False)
    return bound


def serve(plan: Plan, said: Callable[[str], None], ready: Callable[[int], None]) -> None:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_listen(plan, said, ready))
