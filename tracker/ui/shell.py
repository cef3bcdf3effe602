"""What screens and flows may ask of the app, as a Protocol the app satisfies.

Screens type their app as this, never as RekindleApp, so the imports point one way
only: app.py opens the screens, and no screen imports app.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Protocol, TypeVar, runtime_checkable

from textual.notifications import SeverityLevel
from textual.screen import Screen, ScreenResultCallbackType

from tracker.store.couple import Change, Couple

Result = TypeVar("Result")


@runtime_checkable
class Shell(Protocol):
    couple: Couple | None
    clock: Callable[[], datetime]
    # What is due now, as the row of screens marks it, and what it was worked out from.
    due_marks: tuple[object, frozenset[str]] | None

    def today(self) -> date:
        """Today as this person counts it (their zone, their day start)."""
        ...

    def remember(self, *changes: Change | None) -> None:
        """One undo step: u takes back every change of it at once."""
        ...

    def check_for_changes(self) -> None:
        """Read what the partner's device wrote, now rather than at the next poll."""
        ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None: ...

    def push_screen(
        self,
        screen: Screen[Result],
        callback: ScreenResultCallbackType[Result] | None = None,
    ) -> object: ...
