"""The UI's own shape: one write path (import cycles are found by test_architecture)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "tracker" / "ui"
WRITE_PATH = UI / "writing.py"


def _ui_sources() -> dict[str, str]:
    return {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted(UI.rglob("*.py"))
        if path != WRITE_PATH
    }


def test_only_the_write_path_remembers_changes_or_says_why_a_save_failed() -> None:
    # Remembering for undo and saying why a save was refused happen in writing.py only,
    # so a ninth way to write (half-saving, or crashing on a read-only folder) cannot
    # come back unnoticed: screens call self.write, flows writing.write.
    outside = {
        name: found
        for name, text in _ui_sources().items()
        if (found := re.findall(r"\.remember\(|why_not_saved\(|\.together\(", text))
    }
    assert not outside, f"write through tracker/ui/writing.py instead: {outside}"


def test_every_table_acts_on_one_tap() -> None:
    # In a browser a tap is a click and a phone has no enter key: every list is a TapTable
    # (widgets/tap_table.py), so a new one opens or ticks on one tap like the others.
    tables = UI / "widgets" / "tap_table.py"
    outside = {
        name: found
        for name, text in _ui_sources().items()
        if name != str(tables.relative_to(ROOT))
        if (found := re.findall(r"\bDataTable\(|\(DataTable\[", text))
    }
    assert not outside, f"make it a TapTable: {outside}"
