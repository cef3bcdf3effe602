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
from tracker.store.couple import Couple
from tracker.store.identity import CONFIG_ENV
from tracker.store.sample import write_sample
from tracker.store.setup import has_couple, join_couple

# The made-up couple the demo opens: about four months of Alex and Sam, up to this moment.
DEMO_YEARS = 0.35
DEMO_SEED = 1


def register(commands: Any) -> None:
    demo = commands.add_parser(
        "demo", help="open a copy of a made-up couple (Alex and Sam) to look around"
    )
    demo.add_argument(
        "--from",
        dest="source",
        metavar="DIR",
        help="a couple's folder to copy (default: Alex and Sam, made afresh up to today)",
    )
    demo.set_defaults(run=run_demo)


def run_demo(args: argparse.Namespace, context: Context) -> int:
    source = Path(args.source).expanduser() if args.source else None
    if source is not None and not has_couple(source):
        raise CLIError(
            f"No couple's data in {source}; make one with "
            "`rekindle sample --out DIR`, then `rekindle demo --from DIR`."
        )
    problem = terminal_problem(os.environ, sys.stdin.isatty() and sys.stdout.isatty())
    if problem:
        raise CLIError(problem)
    from tracker.ui.app import make_app

    with tempfile.TemporaryDirectory(prefix="rekindle-demo-") as scratch:
        couple = open_demo(Path(scratch), source)
        app = make_app(couple)
        app.title = "Rekindle · demo (a copy: nothing is kept)"
        app.run()
        couple.store.close()
    return app.return_code or 0


def open_demo(scratch: Path, source: Path | None = None) -> Couple:
    """The demo's couple in `scratch`, opened as Alex: a copy of `source`, or Alex and Sam
    written now, so their history runs up to this moment whenever the demo is opened
    (streaks alive, promises not yet due, the next date still ahead)."""
    folder = scratch / "couple"
    if source is None:
        write_sample(folder, DEMO_YEARS, DEMO_SEED)
    else:
        shutil.copytree(source, folder)
    # Settings for this look-around only: your own device's settings stay as they are.
    os.environ[CONFIG_ENV] = str(scratch / "config")
    return join_couple(folder, "a")
