"""One desktop notification through the desktop's own notification service, for
`rekindle remind --notify`: desktop-notifier speaks D-Bus on Linux and the notification
centres of macOS and Windows.

`notify()` never raises for a missing bus or service and never hangs: it says in one
sentence why nothing was shown, and the caller prints the reminder instead. Its imports
stay inside it, so no other command pays for them."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

APP_NAME: Final = "Rekindle"

# The whole attempt, from connecting to the bus to the service's answer. A reminder run
# from a timer must end even when a desktop's service is wedged.
WITHIN_SECONDS: Final = 5.0

NO_BUS: Final = "There is no desktop session here to show a notification in."
NO_SERVICE: Final = "No notification service is running on this desktop."
REFUSED: Final = "The desktop's notification service turned the notification away."
NO_ANSWER: Final = (
    f"The desktop's notification service did not answer within {WITHIN_SECONDS:g} seconds."
)
UNSUPPORTED: Final = "Rekindle cannot reach a notification service on this computer."

# org.freedesktop.Notifications, the freedesktop.org notification spec.
SERVICE: Final = "org.freedesktop.Notifications"
SERVICE_PATH: Final = "/org/freedesktop/Notifications"
# The bus answers these for a name nobody owns and no .service file can start.
NOBODY_THERE: Final = frozenset(
    {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
)


def notify(summary: str, body: str) -> str | None:
    """Show one notification from Rekindle: None once the desktop's service took it, else
    one sentence saying why not. ``summary`` and ``body`` are shown as the plain text they
    are. Call it where no event loop is running (a command, not the app)."""
    import asyncio

    with _library_quiet(), _session_bus_found():
        try:
            return asyncio.run(asyncio.wait_for(_send(summary, body), WITHIN_SECONDS))
        except TimeoutError:
            return NO_ANSWER


async def _send(summary: str, body: str) -> str | None:
    from desktop_notifier import DesktopNotifier, Notification
    from desktop_notifier.backends.dummy import DummyNotificationCenter
    from desktop_notifier.main import get_backend_class

    # desktop-notifier falls back to a backend that shows nothing (macOS outside an app
    # bundle, old Windows) and still calls it sent: say so rather than claim it was shown.
    if get_backend_class() is DummyNotificationCenter:
        return UNSUPPORTED
    if sys.platform == "linux":
        problem, body_is_markup = await _dbus_service()
        if problem is not None:
            return problem
        if body_is_markup:
            body = _markup_escaped(body)
    delivered: list[bool] = []
    notifier = DesktopNotifier(app_name=APP_NAME, app_icon=None)
    # send_notification() never raises: a refusal shows as on_dispatched never being called.
    await notifier.send_notification(
        Notification(summary, body, on_dispatched=lambda: delivered.append(True))
    )
    return None if delivered else REFUSED


async def _dbus_service() -> tuple[str | None, bool]:
    """Whether the session bus and a notification service on it can be reached (a sentence
    if not), and whether that service reads the body as markup. desktop-notifier folds
    every failure into one logged warning; asking first tells the person which it was."""
    from dbus_fast import Message, MessageType
    from dbus_fast.aio import MessageBus

    try:
        bus = await MessageBus().connect()
    except Exception:  # dbus-fast documents any exception here: no address, socket, auth
        return NO_BUS, False
    try:
        # A method call, not a look at who owns the name, so the bus starts a service that
        # is installed but not yet running, as desktops do for their notification daemon.
        reply = await bus.call(
            Message(
                destination=SERVICE,
                path=SERVICE_PATH,
                interface=SERVICE,
                member="GetCapabilities",
            )
        )
    finally:
        bus.disconnect()
    if reply.message_type is MessageType.ERROR:
        return (NO_SERVICE if reply.error_name in NOBODY_THERE else REFUSED), False
    capabilities = reply.body[0] if reply.body else []
    return None, "body-markup" in capabilities


def _markup_escaped(text: str) -> str:
    """The notification spec's body markup is a small XML subset: a service that reads it
    would draw "<b>" as bold and drop a bare "&", so both are written as entities."""
    from xml.sax.saxutils import escape

    return escape(text)


@contextmanager
def _session_bus_found() -> Iterator[None]:
    """The session bus where libdbus and sd-bus look when DBUS_SESSION_BUS_ADDRESS is unset
    ($XDG_RUNTIME_DIR/bus), as under cron or some systemd user timers; dbus-fast only
    reads the variable. Set for this attempt only, then put back as it was."""
    if sys.platform != "linux" or os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        yield
        return
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    socket = Path(runtime) / "bus"
    if not socket.is_socket():
        yield
        return
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={socket}"
    try:
        yield
    finally:
        os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)


@contextmanager
def _library_quiet() -> Iterator[None]:
    """desktop-notifier logs a failed send as a warning with a traceback, which Python
    prints to stderr when no handler takes it; the person gets our sentence instead. Its
    loggers sit under one name: a handler there that drops everything, kept from passing
    records further up, for this attempt only."""
    import logging

    library = logging.getLogger("desktop_notifier")
    drop = logging.NullHandler()
    propagated = library.propagate
    library.addHandler(drop)
    library.propagate = False
    try:
        yield
    finally:
        library.propagate = propagated
        library.removeHandler(drop)
