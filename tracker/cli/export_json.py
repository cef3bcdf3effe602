"""`rekindle export json`: everything the two of you made, as one JSON file."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import DATA_OPTION, Context, deliver, out_file, say, warn


def register_format(formats: Any) -> None:
    found = formats.add_parser(
        "json",
        parents=[DATA_OPTION],
        help="everything, as one JSON file (docs/export-schema.json describes it)",
    )
    found.add_argument("--out", metavar="FILE", help="write here (default: print it)")
    found.set_defaults(run=run_export_json)


def run_export_json(args: argparse.Namespace, context: Context) -> int:
    from tracker.export.json_export import count_unfit, export_document

    out = out_file(args.out, "rekindle.json") if args.out else None
    couple = context.couple()
    payload = export_document(couple.store.live())
    unfit = count_unfit(couple.store.live())
    if unfit:  # written as they are (nothing is left out), but said now, not at import
        warn(
            f"{unfit} record{'s' * (unfit != 1)} in the export "
            f"{'do' if unfit != 1 else 'does'} not fit {'their' if unfit != 1 else 'its'} kind "
            "(`rekindle doctor` names them); importing the file will refuse them until "
            "they are mended or this Rekindle is updated."
        )
    if not deliver(payload, out):
        return 0
    count = sum(1 for record in couple.store.live())
    say(f"Wrote {count:,} record{'s' * (count != 1)} to {out}.")
    return 0
