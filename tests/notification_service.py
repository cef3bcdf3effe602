"""A minimal org.freedesktop.Notifications service for tests, in dbus-fast (the library
desktop-notifier itself speaks D-Bus with): it keeps what it is sent instead of drawing
it. Run on a bus of the test's own by tests/dbus_session.py, in a thread with its own
event loop; this module is imported only there, so machines without dbus-fast (it is a
Linux-only dependency of desktop-notifier) can still collect the suite."""

import asyncio
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated, Any

from dbus_fast import DBusError
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusDict, DBusInt32, DBusSignature, DBusStr, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method, dbus_signal

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
Strings = Annotated[list[str], DBusSignature("as")]
ServerInformation = Annotated[list[str], DBusSignature("ssss")]
Closed = Annotated[list[int], DBusSignature("uu")]
Action = Annotated[list[Any], DBusSignature("us")]


@dataclass(frozen=True)
class Received:
    """One Notify call, as the service got it."""

    app_name: str
    summary: str
    body: str
    hints: dict[str, Any]
    expire_timeout: int


class Notifications(ServiceInterface):
    """The spec's methods and signals (version 1.2), enough for desktop-notifier: it
    introspects the object, asks for the server's information and capabilities, then
    calls Notify and listens for the two signals. The methods carry the spec's names,
    which dbus-fast exports as they are written."""

    def __init__(self, capabilities: Sequence[str], refuse: bool) -> None:
        super().__init__(NAME)
        self.capabilities = list(capabilities)
        self.refuse = refuse
        self.received: list[Received] = []
        self.lock = threading.Lock()

    @dbus_method()
    def Notify(
        self,
        app_name: DBusStr,
        replaces_id: DBusUInt32,
        app_icon: DBusStr,
        summary: DBusStr,
        body: DBusStr,
        actions: Strings,
        hints: DBusDict,
        expire_timeout: DBusInt32,
    ) -> DBusUInt32:
        if self.refuse:
            raise DBusError(f"{NAME}.Error.Refused", "this test's service refuses everything")
        plain_hints = {key: value.value for key, value in hints.items()}
        with self.lock:
            self.received.append(Received(app_name, summary, body, plain_hints, expire_timeout))
            return len(self.received)

    @dbus_method()
    def GetCapabilities(self) -> Strings:
        return self.capabilities

    @dbus_method()
    def GetServerInformation(self) -> ServerInformation:
        return ["Rekindle test notifications", "rekindle-tests", "1.0", "1.2"]

    @dbus_method()
    def CloseNotification(self, notification_id: DBusUInt32) -> None:
        self.NotificationClosed(notification_id, 3)  # 3: closed by CloseNotification

    @dbus_signal()
    def NotificationClosed(self, notification_id: int, reason: int) -> Closed:
        return [notification_id, reason]

    @dbus_signal()
    def ActionInvoked(self, notification_id: int, action_key: str) -> Action:
        return [notification_id, action_key]


class ServiceThread:
    """Notifications served on the bus at ``address`` from a thread of its own, until
    stop(). Started means the name is owned: a client sent off next finds it there."""

    def __init__(self, address: str, capabilities: Sequence[str], refuse: bool) -> None:
        self.service = Notifications(capabilities, refuse)
        self._address = address
        self._ready = threading.Event()
        self._failed: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="notifications", daemon=True)

    def start(self, timeout: float = 10) -> None:
        self._thread.start()
        if not self._ready.wait(timeout):
            raise AssertionError(f"the test's notification service did not start in {timeout}s")
        if self._failed is not None:
            raise AssertionError("the test's notification service failed") from self._failed

    def stop(self, timeout: float = 10) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)

    def received(self) -> list[Received]:
        with self.service.lock:
            return list(self.service.received)

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as error:  # told to start(), which is waiting for it
            self._failed = error
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        bus = await MessageBus(bus_address=self._address).connect()
        try:
            bus.export(PATH, self.service)
            await bus.request_name(NAME)
            self._ready.set()
            await self._stop.wait()
        finally:
            bus.disconnect()
