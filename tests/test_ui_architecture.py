"""The UI's own shape: one write path, and imports that point one way."""

from __future__ import annotations

import re
from pathlib import Path

import grimp

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


def test_the_ui_has_no_import_cycles() -> None:
    # Screens know the app only as the Shell protocol (tracker/ui/shell.py), so app.py
    # opens screens and no screen imports app.py, not even for type checking.
    graph = grimp.build_graph("tracker")
    ui = {module for module in graph.modules if module.startswith("tracker.ui")}
    cycles = {
        (importer, imported)
        for importer in ui
        for imported in graph.find_modules_directly_imported_by(importer) & ui
        if graph.chain_exists(importer=imported, imported=importer)
    }
    assert not cycles, sorted(cycles)
