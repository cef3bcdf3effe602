"""Sync: every device writing to the folder, what arrived, and anything that needs a hand."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from tracker.domain.text import count, visible
from tracker.store.doctor import health
from tracker.ui.screens.base import RekindleScreen
from tracker.ui.styles import sheet
from tracker.ui.widgets.literal import literal, one_line
from tracker.ui.widgets.nav import NavBar
from tracker.ui.widgets.tap_table import TapTable


def ago(millis: int, now: datetime) -> str:
    if not millis:
        return "never"
    try:
        seconds = (now - datetime.fromtimestamp(millis / 1000, UTC)).total_seconds()
    except (OverflowError, OSError, ValueError):  # a stamp past year 9999 (or before 1)
        return "far in the future" if millis > 0 else "long ago"
    if seconds < -60:  # a device whose clock runs ahead; doctor says whose
        return "in the future"
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            return f"{count(int(seconds // size), unit)} ago"
    return "just now"


class SyncScreen(RekindleScreen):
    CSS_PATH = sheet("sync.tcss")
    BINDINGS = [
        Binding("r", "rescan", "Look again", id="sync.rescan"),
        Binding("o", "resolve(True)", "Use the other", id="sync.take"),
        Binding("k", "resolve(False)", "Keep this", id="sync.keep"),
    ]

    def __init__(self) -> None:
        super().__init__(id="sync")
        self._overrides: list[dict[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield NavBar("sync")
        with VerticalScroll():
            yield Static(id="sync-folder", classes="hint")
            yield TapTable(id="replicas", cursor_type="row", zebra_stripes=True)
            yield Static(id="findings")
            yield Static(id="overrides-hint", classes="hint")
            yield TapTable(id="overrides", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Sync"
        self.refresh_data()

    def on_screen_resume(self) -> None:
        self.refresh_data()

    def refresh_data(self) -> None:
        couple = self.rekindle.couple
        assert couple is not None
        report = health(couple)
        now = self.rekindle.clock()
        self.query_one("#sync-folder", Static).update(
            literal(
                f"Shared folder: {report.data_dir}. Each device writes only its own files here; "
                "the sync tool carries them across."
            )
        )
        table = self.query_one("#replicas", DataTable)
        table.clear(columns=True)
        table.add_columns("Whose", "Device", "Records", "Last change", "")
        for info in report.replicas:
            table.add_row(
                Text(one_line(couple.name_of(info.partner) if info.partner else "?", 20)),
                Text(one_line(info.device or "?", 24)),
                Text(f"{info.records:,}", justify="right"),
                Text(ago(info.last_write_ms, now)),
                Text("this device" if info.replica_id == report.replica_id else "", style="italic"),
            )
        lines = Text()
        if not report.findings:
            lines.append("All good: every file reads cleanly.", style="green")
        for finding in report.findings:
            mark, style = ("!", "bold yellow") if finding.level == "warn" else ("·", "")
            # Findings quote file and folder names from the partner's side: made inert.
            lines.append(f"{mark} ", style=style).append(visible(finding.text) + "\n")
            if finding.fix:
                lines.append(f"  → {visible(finding.fix)}\n", style="dim")
        self.query_one("#findings", Static).update(lines)
        self._show_overrides(report.overrides)

    def _show_overrides(self, overrides: list[dict[str, Any]]) -> None:
        """Edits made while apart that overrode each other: both values, and a choice."""
        self._overrides = overrides
        hint = self.query_one("#overrides-hint", Static)
        table = self.query_one("#overrides", DataTable)
        table.clear(columns=True)
        table.display = hint.display = bool(overrides)
        if not overrides:
            return
        hint.update(
            "Changed on both sides while apart. o uses the other one; k keeps what is shown."
        )
        table.add_columns("What", "Kept", "The other one")
        for item in overrides:
            table.add_row(
                Text(one_line(f"{item['kind']} · {item['field']}", 24)),
                Text(one_line(f"{item['kept_by']}: {item['kept']}", 36)),
                Text(one_line(f"{item['other_by']}: {item['other']}", 36)),
            )

    def action_resolve(self, take_other: bool) -> None:
        table = self.query_one("#overrides", DataTable)
        if not self._overrides:
            self.notify("Nothing was overridden: there is nothing to choose.")
            return
        item = self._overrides[min(table.cursor_row, len(self._overrides) - 1)]
        said = "The other one is back." if take_other else "Kept as it is."
        self.write(
            lambda: self.couple.resolve_override(item["record"], item["field"], take_other), said
        )

    def action_rescan(self) -> None:
        self.rekindle.check_for_changes()
        self.refresh_data()
        self.notify("Looked at the folder again.")
