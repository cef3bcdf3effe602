"""`rekindle export csv --out DIR`: one spreadsheet file per kind of thing you keep."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, now, say


def register_format(formats: Any) -> None:
    found = formats.add_parser(
        "csv",
        parents=[DATA_OPTION],
        help="ticks, habits, dates, talks, check-ins, promises and questions as CSV files",
    )
    found.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="a new or empty folder, or one an earlier CSV export wrote (its files are replaced)",
    )
    found.set_defaults(run=run_csv)


def run_csv(args: argparse.Namespace, context: Context) -> int:
    # Imported here: csv and the tables' feature modules are paid for by this command only.
    from tracker.export.csv_export import write_csv

    couple = context.couple()
    out = Path(args.out).expanduser()
    try:
        written = write_csv(couple, out, now())
    except ValueError as error:
        raise CLIError(str(error)) from None
    except OSError as error:
        raise CLIError(f"Could not write to {out} ({error.strerror or error}).") from None
    counts = ", ".join(f"{len(t.rows):,} {t.what}" for t in written)
    say(f"Wrote {len(written)} CSV files to {out}: {counts}.")
    return 0
