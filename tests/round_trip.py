"""What the round-trip tests share (tests/features/test_round_trips*.py): Alex's device,
where `rekindle` runs in this process and the app opens on what is on disk, both on
today's real clock (a command cannot be given another one), so the two agree on the day."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import Couples, RunHere
from tracker.domain.days import person_today
from tracker.domain.models import Person
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.ui.app import RekindleApp, make_app

LONDON = Person("a", "Alex", "Europe/London", 4)
STARTERS = ("specific-thank-you", "phone-free-dinner", "ask-about-their-day")


@dataclass
class Device:
    config: Path
    rekindle: RunHere
    moment: datetime  # the app's clock: the real one, read once
    opened: list[Couple] = field(default_factory=list)

    @property
    def today(self) -> date:
        return person_today(LONDON, self.moment)

    def ok(self, *args: str) -> str:
        return self.rekindle(self.config, *args).ok()

    def json(self, *args: str) -> Any:
        return json.loads(self.ok(*args, "--json"))

    def couple(self) -> Couple:
        """The folder as a fresh run of the app would open it."""
        config = load_config()
        assert config is not None
        couple = Couple.open(config)
        self.opened.append(couple)
        return couple

    def app(self) -> RekindleApp:
        return make_app(self.couple(), clock=lambda: self.moment, poll=False)

    def close(self) -> None:
        for couple in self.opened:
            couple.store.close()


def alex_device(couples: Couples, rekindle_here: RunHere) -> Iterator[Device]:
    """Alex and Sam in London, three habits begun a fortnight ago; Alex's device."""
    moment = datetime.now(UTC)
    started = person_today(LONDON, moment) - timedelta(days=14)
    couples.create(config="config", starters=STARTERS, today=started).store.close()
    device = Device(couples.tmp_path / "config", rekindle_here, moment)
    yield device
    device.close()


def plain(app: RekindleApp, selector: str) -> str:
    """A Static's text as the screen shows it, without styles."""
    widget = app.screen.query_one(selector, Static)
    console = Console(width=200, color_system=None)
    with console.capture() as capture:
        console.print(widget.content)
    return capture.get()


def screen_text(app: RekindleApp) -> str:
    return "\n".join(plain(app, f"#{w.id}") for w in app.screen.query(Static) if w.id and w.display)


async def type_text(pilot: Pilot[int], text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])
