"""`rekindle import loop FILE`: Loop Habit Tracker's full backup (its .db file)."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import Context
from tracker.cli.import_habits import add_format, run_import


def register_format(formats: Any) -> None:
    add_format(formats, "loop", "Loop Habit Tracker's full backup (its .db file)", run_loop)


def run_loop(args: argparse.Namespace, context: Context) -> int:
    from tracker.store.imports import read_loop

    return run_import(args, context, read_loop)
