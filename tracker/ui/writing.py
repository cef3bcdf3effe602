"""The one way the UI writes: every key, form and dialog that changes data comes here.

One user action is saved whole or not at all (Store.together), is one undo step however
many records it touched, and a refusal is said in words, never a crash. Screens reach
it through RekindleScreen.write; flows and dialog callbacks that hold only the app call
`write` with it.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.store.couple import Change
from tracker.store.replica import ReadOnlyFile, why_not_saved
from tracker.ui.shell import Shell

Action = Callable[[], Change | list[Change] | None]


def write(shell: Shell, action: Action, done: str, redraw: Callable[[], None]) -> bool:
    """Save what `action` writes; remember it for undo; say `done` if anything was
    written; then `redraw` (the screen's refresh, or Today's one row). True if saved."""
    changes = _saved(shell, action)
    if changes is None:
        return False
    shell.remember(*changes)
    if done and changes:
        shell.notify(done)
    redraw()
    return True


def undo(shell: Shell, step: list[Change], redraw: Callable[[], None]) -> bool:
    """Take one remembered step back, as one save. False if it was refused: the step
    is then still the one u takes back, once the folder lets us."""
    couple = shell.couple
    assert couple is not None, "there is a step to undo only once there is a couple"

    def take_back() -> None:
        for change in reversed(step):
            couple.undo(change)

    if _saved(shell, take_back) is None:
        return False
    shell.notify(f"Undone: {step[0].description}.")
    redraw()
    return True


def _saved(shell: Shell, action: Action) -> list[Change] | None:
    """The action's changes, all saved; None if it was refused, and nothing is saved.

    A ValueError carries a sentence for the person (what was wrong with what they
    typed). A file we may not write, one a newer app wrote, or another Rekindle of this
    computer holding the lock too long (Busy, a ReadOnlyFile) says its own sentence;
    any other OS error says what the system said.
    """
    couple = shell.couple
    assert couple is not None, "writes come only once there is a couple"
    try:
        with couple.store.together():
            result = action()
    except ValueError as error:
        shell.notify(str(error), severity="warning", timeout=8)
        return None
    except (ReadOnlyFile, OSError) as error:
        shell.notify(why_not_saved(error), severity="error", timeout=10)
        return None
    found = result if isinstance(result, list) else [result]
    return [change for change in found if change is not None]


def keep_on_device(
    shell: Shell, action: Callable[[], None], done: str, redraw: Callable[[], None]
) -> bool:
    """Save something this device keeps for itself, never in the shared folder (the path
    after a betrayal): no lock on the folder and no undo step, as nothing is shared, but a
    refusal is said in words like any other. True if saved."""
    try:
        action()
    except OSError as error:
        shell.notify(why_not_saved(error), severity="error", timeout=10)
        return False
    if done:
        shell.notify(done)
    redraw()
    return True
