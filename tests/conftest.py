"""What tests in every folder share: a home of the test's own, couples made to order, and
`rekindle` run in this process, and a private D-Bus session bus with a notification
service on it (`session_bus`, `notification_service`: tests/dbus_session.py). (The real
command in a child process is tests.rekindle_cli.run_command; it needs no fixture.)

Folder-specific fixtures stay in each folder's conftest: the UI's fixed evening and app,
the store's two-replica folder, the CLI's couple with sixty days behind it."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Protocol

import pytest

from tests.dbus_session import notification_service, session_bus  # noqa: F401 (fixtures)
from tests.rekindle_cli import Ran, use_config
from tracker.store.couple import Couple
from tracker.store.setup import create_couple, join_couple


@pytest.fixture(autouse=True)
def weeks_from_monday(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until a couple chooses, their weeks begin where this computer's language settings
    say (en_US: Sunday); every test counts them from Monday whatever the machine's
    language, unless it sets the locale itself (child processes inherit it too)."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LC_TIME", "C.UTF-8")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own config folder; crash logs and caches under it, never in the real
    home directory. Returns the config folder."""
    config = use_config(monkeypatch, tmp_path / "config")
    monkeypatch.setenv("XDG_STATE_HOME", str(config / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(config / "cache"))
    return config


class Couples:
    """Couples made to order in the test's temporary folder, each device with its own
    config folder; every store opened here is closed when the test ends."""

    def __init__(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path = tmp_path
        self._monkeypatch = monkeypatch
        self._opened: list[Couple] = []

    def create(
        self,
        *,
        config: str = "config",
        data: str = "data",
        tz: str = "Europe/London",
        starters: Sequence[str] = (),
        today: date | None = None,
    ) -> Couple:
        """Alex sets up the couple with Sam (`rekindle init`) on the device ``config``."""
        use_config(self._monkeypatch, self.tmp_path / config)
        couple = create_couple(self.tmp_path / data, "Alex", "Sam", tz, 4, starters, today=today)
        self._opened.append(couple)
        return couple

    def join(self, *, config: str, data: str = "data", name: str = "Sam") -> Couple:
        """``name`` joins the couple's folder (`rekindle join`) from the device ``config``."""
        use_config(self._monkeypatch, self.tmp_path / config)
        couple = join_couple(self.tmp_path / data, name)
        self._opened.append(couple)
        return couple

    def close_all(self) -> None:
        for couple in self._opened:
            couple.store.close()


@pytest.fixture
def couples(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Couples]:
    made = Couples(tmp_path, monkeypatch)
    yield made
    made.close_all()


class RunHere(Protocol):
    def __call__(self, config: Path, *args: str, stdin: str = "", **env: str) -> Ran: ...


@pytest.fixture
def rekindle_here(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunHere:
    """`rekindle ARGS` in this process, as the person whose config is ``config`` (and with
    ``env`` set, e.g. REKINDLE_DATA): the same entry point as the real command, without
    starting a Python for every call."""
    from tracker.cli import main

    def run(config: Path, *args: str, stdin: str = "", **env: str) -> Ran:
        capsys.readouterr()  # only what this command prints
        with monkeypatch.context() as scoped:
            use_config(scoped, config)
            scoped.setenv("XDG_STATE_HOME", str(config / "state"))
            scoped.setenv("XDG_CACHE_HOME", str(config / "cache"))
            scoped.setattr(sys, "stdin", io.StringIO(stdin))
            for name, value in env.items():
                scoped.setenv(name, value)
            try:
                code = main(list(args))
            except SystemExit as exit:  # argparse: --help, or words it cannot parse
                code = exit.code if isinstance(exit.code, int) else int(exit.code is not None)
        out, err = capsys.readouterr()
        return Ran(code, out.encode(), err.encode())

    return run
