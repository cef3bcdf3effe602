"""What every Rekindle screen needs: the app, the couple, and one way to write."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from tracker.store.couple import Change, Couple
from tracker.store.replica import ReadOnlyFile, why_not_saved

if TYPE_CHECKING:
    from tracker.ui.app import RekindleApp


class RekindleScreen(Screen[None]):
    @property
    def rekindle(self) -> RekindleApp:
        return cast("RekindleApp", self.app)

    @property
    def couple(self) -> Couple:
        couple = self.rekindle.couple
        assert couple is not None, "screens open only once there is a couple"
        return couple

    def refresh_data(self) -> None:
        """Redraw from the store (after undo, or when the partner's data arrives)."""

    def write(self, action: Callable[[], Change | list[Change] | None], done: str = "") -> bool:
        """Run one change through the store; remember it for undo; say so; redraw.

        A ValueError carries a sentence for the person (what was wrong with
        what they typed); a file that cannot be written says why. Either
        way nothing is half-saved.
        """
        try:
            result = action()
        except ValueError as error:
            self.notify(str(error), severity="warning", timeout=8)
            return False
        except (ReadOnlyFile, OSError) as error:
            self.notify(why_not_saved(error), severity="error", timeout=10)
            return False
        changes = result if isinstance(result, list) else [result]
        self.rekindle.remember(*changes)
        if done:
            self.notify(done)
        self.refresh_data()
        return True
