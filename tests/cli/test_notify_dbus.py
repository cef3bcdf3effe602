"""`notify()` on a real D-Bus session bus: one notification arrives, as sent, at the
desktop's notification service; where there is no bus, no service, or a service that says
no, it says so in a sentence and returns, never hangs and never prints a traceback.

Each send runs in a child process, as `rekindle remind --notify` does: its own event loop,
the bus found from its environment as a timer's run would find it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.dbus_session import NotificationService, SessionBus
from tracker.cli import notify as sending

ROOT = Path(__file__).resolve().parents[2]

CHILD = (
    "import json, sys\n"
    "from tracker.cli.notify import notify\n"
    "print(json.dumps(notify(sys.argv[1], sys.argv[2])))\n"
)

SUMMARY = "Rekindle: 3 things for tonight 💛"
# Markup-like text, as someone could type it into a habit's name: it must be read as the
# characters typed, never drawn bold or dropped at the "&".
BODY = "Ask Sam about her day\nDate night at 19:30, Café Zoë\n<b>hi</b> & co"


def notify_in_child(env: dict[str, str], summary: str = SUMMARY, body: str = BODY) -> str | None:
    """What notify() returned in a child process with ``env``; it printed nothing else."""
    done = subprocess.run(
        [sys.executable, "-c", CHILD, summary, body],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,  # far above the cap notify() keeps to: only a hang gets near it
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""  # no library warning or traceback on the person's terminal
    said: str | None = json.loads(done.stdout)
    return said


def without_bus(runtime_dir: Path) -> dict[str, str]:
    """This environment with no session bus to find: no address, no X display to look it
    up by, and a runtime folder with no bus socket in it."""
    env = {k: v for k, v in os.environ.items() if k not in ("DBUS_SESSION_BUS_ADDRESS", "DISPLAY")}
    env["XDG_RUNTIME_DIR"] = str(runtime_dir)
    return env


@pytest.mark.dbus
def test_one_notification_arrives_with_the_words_sent(
    notification_service: NotificationService,
) -> None:
    assert notify_in_child(notification_service.env) is None
    [shown] = notification_service.received()
    assert shown.app_name == "Rekindle"
    assert shown.summary == SUMMARY
    # This service reads the body as markup, as desktops' services do: what it draws is
    # exactly what was typed.
    assert shown.seen_body == BODY


@pytest.mark.dbus
def test_a_service_that_reads_no_markup_gets_the_body_as_it_is(session_bus: SessionBus) -> None:
    plain = session_bus.serve_notifications(capabilities=("body",))
    assert notify_in_child(plain.env) is None
    [shown] = plain.received()
    assert (shown.summary, shown.body) == (SUMMARY, BODY)


@pytest.mark.dbus
def test_markup_is_escaped_only_where_it_would_be_read(
    notification_service: NotificationService,
) -> None:
    """The escaping is the service's language, not ours to invent: entities for the three
    characters markup gives meaning to, and nothing else touched."""
    assert notify_in_child(notification_service.env, "a & b", "<i>x</i> & 'y' \"z\"") is None
    [shown] = notification_service.received()
    assert shown.summary == "a & b"  # the spec gives the summary no markup
    assert shown.body == "&lt;i&gt;x&lt;/i&gt; &amp; 'y' \"z\""


@pytest.mark.dbus
def test_a_bus_with_no_notification_service_is_said_in_words(session_bus: SessionBus) -> None:
    assert notify_in_child(session_bus.env) == sending.NO_SERVICE


@pytest.mark.dbus
def test_a_service_that_refuses_is_said_in_words(session_bus: SessionBus) -> None:
    refusing = session_bus.serve_notifications(refuse=True)
    assert notify_in_child(refusing.env) == sending.REFUSED
    assert refusing.received() == []


def test_no_bus_address_and_none_where_one_would_be(tmp_path: Path) -> None:
    assert notify_in_child(without_bus(tmp_path)) == sending.NO_BUS


def test_a_bus_address_that_leads_nowhere(tmp_path: Path) -> None:
    env = without_bus(tmp_path) | {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={tmp_path}/gone"}
    assert notify_in_child(env) == sending.NO_BUS


@pytest.mark.dbus
def test_the_bus_is_found_in_the_runtime_folder_without_an_address(
    notification_service: NotificationService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under cron or a systemd user timer the address may be unset while the session's
    bus sits at $XDG_RUNTIME_DIR/bus, where libdbus and sd-bus look."""
    bus = notification_service.bus
    runtime = bus.socket.parent
    assert notify_in_child(without_bus(runtime)) is None
    # In this process too, and the environment is left as it was found.
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("DISPLAY", raising=False)
    assert sending.notify("Twice", "in this process") is None
    assert "DBUS_SESSION_BUS_ADDRESS" not in os.environ
    assert [shown.summary for shown in notification_service.received()] == [SUMMARY, "Twice"]


@pytest.fixture
def silent_socket() -> Iterator[Path]:
    """A socket that takes a connection and never says a word, like a wedged bus. In a
    short folder of its own: a socket's path must fit in 108 bytes."""
    with (
        tempfile.TemporaryDirectory(prefix="rekindle-silent-") as folder,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listening,
    ):
        path = Path(folder) / "bus"
        listening.bind(str(path))
        listening.listen(4)
        yield path


@pytest.mark.slow
def test_a_bus_that_never_answers_gives_up_with_a_sentence(
    silent_socket: Path, tmp_path: Path
) -> None:
    env = without_bus(tmp_path) | {"DBUS_SESSION_BUS_ADDRESS": f"unix:path={silent_socket}"}
    assert notify_in_child(env) == sending.NO_ANSWER
