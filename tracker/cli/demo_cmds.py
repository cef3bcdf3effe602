"""`rekindle demo`: look around with a made-up couple; nothing of yours is touched."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from tracker.cli.common import CLIError, Context
from tracker.cli.tui import terminal_problem
from tracker.store.identity import CONFIG_ENV
from tracker.store.setup import has_couple, join_couple

_PACKAGED = Path(__file__).resolve().parent.parent / "sample_data"  # inside the wheel
_SOURCE = Path(__file__).resolve().parents[2] / "sample_data"  # a source checkout


def sample_folder() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo", help="open a copy of a made-up couple (Alex and Sam) to look around"
    )
    demo.add_argument(
        "--from",
        dest="source",
        metavar="DIR",
        help="a couple's folder to copy (default: the one that comes with Rekindle)",
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace, context: Context) -> int:
    source = Path(args.source).expanduser() if args.source else sample_folder()
    if not has_couple(source):
        raise CLIError(
            f"No couple's data in {source}; make one with "
            "`rekindle sample --out DIR`, then `rekindle demo --from DIR`."
        )
    problem = terminal_problem(os.environ, sys.stdin.isatty() and sys.stdout.isatty())
    if problem:
        raise CLIError(problem)
    from tracker.ui.app import make_app

    with tempfile.TemporaryDirectory(prefix="rekindle-demo-") as scratch:
        folder = Path(scratch) / "couple"
        shutil.copytree(source, folder)
        # Settings for this look-around only: your own device's settings stay as they are.
        os.environ[CONFIG_ENV] = str(Path(scratch) / "config")
        couple = join_couple(folder, "a")
        app = make_app(couple)
        app.title = "Rekindle · demo (a copy: nothing is kept)"
        app.run()
        couple.store.close()
    return app.return_code or 0
