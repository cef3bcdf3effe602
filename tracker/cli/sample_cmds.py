"""`rekindle sample`: a made-up couple's folder, for trying the app and for benchmarks."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tracker.cli.common import CLIError, Context, say
from tracker.store.sample import write_sample
from tracker.store.setup import has_couple


def register(commands: Any) -> None:
    sample = commands.add_parser(
        "sample", help="write a made-up couple's folder (Alex and Sam) with years of history"
    )
    sample.add_argument("--out", required=True, metavar="DIR", help="a new, empty folder")
    sample.add_argument("--years", type=float, default=0.25, help="how much history (0.25)")
    sample.add_argument("--seed", type=int, default=1, help="same seed, same couple")
    sample.set_defaults(run=run_sample)


def run_sample(args: argparse.Namespace, context: Context) -> int:
    out = Path(args.out).expanduser()
    if not 0 <= args.years <= 30:
        raise CLIError("Pick between 0 and 30 years of history.")
    if has_couple(out) or (out.exists() and any(out.iterdir())):
        raise CLIError(f"{out} is not empty; give a new folder so nothing is mixed in.")
    count = write_sample(out, args.years, args.seed)
    say(f"Wrote {count:,} changes by Alex and Sam over {args.years:g} years to {out}.")
    say(f"Look around in a copy of it with: rekindle demo --from {out}")
    return 0
