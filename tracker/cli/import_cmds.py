"""`rekindle import FORMAT FILE`: bring data in from elsewhere.

Each format is a module under tracker/cli whose `register_format(formats)` adds its
subcommand here. Every import is all or nothing: it writes inside one
`couple.store.together()`, so a file that fails halfway leaves the couple's data as it was.
"""

from __future__ import annotations

import importlib
from typing import Any

from tracker.cli.common import DATA_OPTION

# The formats, each a module under tracker/cli with `register_format(formats)`.
FORMATS: tuple[str, ...] = ("import_json", "import_loop", "import_csv")


def register(commands: Any) -> None:
    found = commands.add_parser(
        "import",
        parents=[DATA_OPTION],
        help="bring data in: a Rekindle export, Loop Habit Tracker, or a CSV",
    )
    formats = found.add_subparsers(dest="format", metavar="FORMAT", required=True)
    for module in FORMATS:
        importlib.import_module(f"tracker.cli.{module}").register_format(formats)
