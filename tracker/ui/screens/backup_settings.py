"""The Backups part of Settings: a backup now, how to restore one, and how many automatic
backups this computer keeps. Also the app's daily automatic backup, made after the first
frame, off the main thread.

Restoring is never done from here: the app has the folder open and would go on writing
into a folder being replaced under it. The part says how, with the app closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from tracker.store.backup.archive import BackupError, manual_backup
from tracker.store.backup.automatic import backup_if_due, check_keep, read_state, set_keep
from tracker.store.couple import Couple
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.widgets.literal import TextInput, literal

RESTORE_HOW = (
    "To restore a backup, close Rekindle and run: rekindle restore FILE. It goes into an "
    "empty folder, or with --force moves this one aside (kept, never deleted)."
)


def automatic_backup(couple: Couple, today: date) -> str | None:
    """Today's automatic backup, if due (in a worker thread): None when made or not due,
    else the sentence to say. Tried again at the next start."""
    try:
        backup_if_due(couple.store.data_dir, couple.store.replica_id, today)
    except (BackupError, OSError) as problem:
        return f"Today's automatic backup could not be made. {problem}"
    return None


class BackupFields(Vertical):
    DEFAULT_CSS = """
    BackupFields {
        height: auto;
    }
    BackupFields #backup-said {
        margin-top: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(id="backups")
        self.shown_keep = 0  # what the field was last drawn from

    def compose(self) -> ComposeResult:
        yield Label("Backups", classes="section")
        yield Static(
            "Just this computer's: a copy of the whole shared folder in one zip file, kept "
            "in “Rekindle backups” in your Documents folder. Automatic ones are made once a "
            "day when Rekindle starts.",
            classes="hint",
        )
        with Horizontal(classes="row"):
            with Vertical():
                yield Label("Automatic backups to keep (0: none)")
                yield TextInput(id="backup-keep", type="integer")
            yield Vertical()
        with Horizontal(classes="buttons"):
            yield Button("Back up now", id="backup-now")
            yield Button("Restore…", id="restore")
        yield Static(id="backup-said", classes="hint")

    def show(self, couple: Couple) -> None:
        self.shown_keep = read_state(couple.store.data_dir, couple.store.replica_id).keep
        self.query_one("#backup-keep", TextInput).value = str(self.shown_keep)

    def chosen_keep(self) -> int:
        """How many to keep, or ValueError with the sentence."""
        return check_keep(self.query_one("#backup-keep", TextInput).value)

    @staticmethod
    def save_keep(couple: Couple, keep: int) -> None:
        set_keep(couple.store.data_dir, couple.store.replica_id, keep)

    @on(Button.Pressed, "#restore")
    def _how_to_restore(self) -> None:
        self._say(RESTORE_HOW)

    @on(Button.Pressed, "#backup-now")
    def _back_up_now(self) -> None:
        screen = self.screen
        assert isinstance(screen, RekindleScreen)
        self._say("Backing up…")
        self._write_backup(screen.couple.store.data_dir, screen.rekindle.today())

    @work(thread=True, exclusive=True, group="backup-now")
    def _write_backup(self, data_dir: Path, today: date) -> None:
        try:
            saved = manual_backup(data_dir, None, today)
            said = " ".join([saved.said() + ".", *saved.warnings()])
        except (BackupError, OSError) as problem:
            said = f"No backup was made. {problem}"
        self.app.call_from_thread(self._say, said)

    def _say(self, text: str) -> None:
        self.query_one("#backup-said", Static).update(literal(text))
