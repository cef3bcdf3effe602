"""A private D-Bus session bus for one test, and a desktop notification service on it.

Two fixtures, offered to every test folder by tests/conftest.py; mark the tests that use
them ``@pytest.mark.dbus``. They need dbus-daemon (Debian package dbus): skipped where it
is missing, a failure where REKINDLE_REQUIRE_TOOLS is set (CI).

``notification_service``: a bus of the test's own with a minimal
org.freedesktop.Notifications on it (tests/notification_service.py) that keeps every
notification instead of drawing it. Run the sender in a child process with the bus's
variables, then read what arrived; a sender that was answered has been recorded::

    @pytest.mark.dbus
    def test_remind_notifies(notification_service: NotificationService) -> None:
        run_command(config, "remind", "--notify", **notification_service.variables).ok()
        [shown] = notification_service.received()
        assert shown.app_name == "Rekindle"
        assert shown.summary == "…"
        assert shown.seen_body == "…"  # the body as the person reads it

``session_bus``: the bus alone, nobody serving notifications on it (what a bare window
manager or a server session has); ``session_bus.serve_notifications(...)`` starts a
service with other capabilities, or one that refuses everything.

Nothing on the bus is started on demand (the bus reads no .service files), so a
notification daemon installed on the machine never answers in the test's place. Each bus
listens on a socket in a folder of its own under the temporary folder, so tests on
parallel workers never meet; the daemon is stopped by its own pid when the test ends."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.tools import find_tool

if TYPE_CHECKING:
    from tests.notification_service import ServiceThread

# What dunst, GNOME Shell and Plasma all offer: among them, a body read as markup.
DESKTOP_CAPABILITIES = ("actions", "body", "body-markup")

# Only what a session bus needs to carry our messages: the stock session.conf would also
# start services from the machine's .service files.
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass(frozen=True)
class Shown:
    """One notification as the service received it."""

    app_name: str
    summary: str
    body: str
    hints: dict[str, Any]
    body_is_markup: bool

    @property
    def seen_body(self) -> str:
        """The body as the person reads it: a service that reads markup draws the text
        between the tags and turns entities back into characters, and fails on text that
        is not well-formed (a bare "&"), as real ones do."""
        if not self.body_is_markup:
            return self.body
        return "".join(ElementTree.fromstring(f"<markup>{self.body}</markup>").itertext())


class NotificationService:
    """org.freedesktop.Notifications on a test's bus, until the test ends."""

    def __init__(self, bus: SessionBus, thread: ServiceThread) -> None:
        self.bus = bus
        self._thread = thread

    @property
    def variables(self) -> dict[str, str]:
        return self.bus.variables

    @property
    def env(self) -> dict[str, str]:
        return self.bus.env

    def received(self) -> list[Shown]:
        """Every notification so far, oldest first."""
        markup = "body-markup" in self._thread.service.capabilities
        return [
            Shown(got.app_name, got.summary, got.body, got.hints, markup)
            for got in self._thread.received()
        ]


class SessionBus:
    """dbus-daemon on a socket of its own: ``variables`` point a child process at it,
    ``env`` is this process's environment with them (and no X display to look on)."""

    def __init__(self, daemon: str) -> None:
        # Short: a unix socket's path must fit in 108 bytes, and pytest's tmp_path may not.
        self.folder = Path(tempfile.mkdtemp(prefix="rekindle-dbus-"))
        self.socket = self.folder / "bus"
        self._services: list[ServiceThread] = []
        config = self.folder / "bus.conf"
        config.write_text(CONFIG.format(socket=self.socket))
        self._log = (self.folder / "daemon.log").open("wb")
        self._process = subprocess.Popen(
            [daemon, f"--config-file={config}", "--nofork", "--nosyslog", "--print-address=1"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self.address = self._first_line(timeout=10)

    @property
    def variables(self) -> dict[str, str]:
        return {"DBUS_SESSION_BUS_ADDRESS": self.address}

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
        env.update(self.variables)
        return env

    def serve_notifications(
        self, capabilities: Sequence[str] = DESKTOP_CAPABILITIES, *, refuse: bool = False
    ) -> NotificationService:
        """A notification service on this bus, answering until the bus stops; with
        ``refuse``, every Notify gets an error back."""
        from tests.notification_service import ServiceThread

        thread = ServiceThread(self.address, capabilities, refuse)
        self._services.append(thread)
        thread.start()
        return NotificationService(self, thread)

    def stop(self) -> None:
        for service in self._services:
            service.stop()
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _first_line(self, timeout: float) -> str:
        """The address dbus-daemon prints once it listens."""
        assert self._process.stdout is not None
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._process.stdout], [], [], max(left, 0))
            if not ready:
                self.stop()
                raise AssertionError(f"dbus-daemon printed no address within {timeout}s")
            got = os.read(self._process.stdout.fileno(), 1)
            if not got:
                log = (self.folder / "daemon.log").read_text(errors="replace")
                self.stop()
                raise AssertionError(f"dbus-daemon stopped before listening: {log}")
            line += got
        return line.decode().strip()


@pytest.fixture
def session_bus() -> Iterator[SessionBus]:
    """A private session bus with nothing on it, stopped when the test ends."""
    bus = SessionBus(find_tool("dbus-daemon", " (Debian: apt-get install dbus)"))
    try:
        yield bus
    finally:
        bus.stop()


@pytest.fixture
def notification_service(session_bus: SessionBus) -> NotificationService:
    """A private session bus with a notification service on it that reads body markup,
    as desktops' services do."""
    return session_bus.serve_notifications()
