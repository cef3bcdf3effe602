"""What every Rekindle screen needs: the app, the couple, and the one way to write."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from textual.screen import Screen

from tracker.store.couple import Couple
from tracker.ui import writing
from tracker.ui.shell import Shell


class RekindleScreen(Screen[None]):
    @property
    def rekindle(self) -> Shell:
        return cast(Shell, self.app)

    @property
    def couple(self) -> Couple:
        couple = self.rekindle.couple
        assert couple is not None, "screens open only once there is a couple"
        return couple

    def refresh_data(self) -> None:
        """Redraw from the store (after undo, or when the partner's data arrives)."""

    def write(
        self, action: writing.Action, done: str = "", redraw: Callable[[], None] | None = None
    ) -> bool:
        """Save one user action through the one write path (writing.py); then redraw the
        screen, or only what `redraw` draws (Today's one row)."""
        return writing.write(self.rekindle, action, done, redraw or self.refresh_data)
