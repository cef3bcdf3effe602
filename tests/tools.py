"""Real tools the tests drive (tmux, Syncthing, khal, faketime...): found one way, and
missing one way — skipped on a developer's machine, a failure where REKINDLE_REQUIRE_TOOLS
is set (CI), so a run that quietly tested less never passes there."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import NoReturn

import pytest


def cannot(why: str) -> NoReturn:
    """This machine cannot do what the test needs: skip, or fail where tools are required."""
    if os.environ.get("REKINDLE_REQUIRE_TOOLS"):
        pytest.fail(f"{why} (REKINDLE_REQUIRE_TOOLS is set)")
    pytest.skip(why)


def find_tool(name: str, install_hint: str = "") -> str:
    """The tool's path: on PATH, or beside this interpreter (a test extra in a venv run by
    path, like khal)."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        cannot(f"{name} is not installed{install_hint}")
    return found
