"""`rekindle import json FILE`: a Rekindle export brought into this couple's folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, flat, say


def register_format(formats: Any) -> None:
    found = formats.add_parser(
        "json", parents=[DATA_OPTION], help="a Rekindle export (`rekindle export json`)"
    )
    found.add_argument("file", metavar="FILE", help="the export to bring in")
    found.add_argument(
        "--merge",
        action="store_true",
        help="into a folder that already has your data: add only what it does not have yet",
    )
    found.set_defaults(run=run_import_json)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise CLIError(f"There is no file {flat(path)}.") from None
    except IsADirectoryError:
        raise CLIError(f"{flat(path)} is a folder; give the export file itself.") from None
    except OSError as error:
        raise CLIError(f"Could not read {flat(path)} ({error.strerror or error}).") from None


def run_import_json(args: argparse.Namespace, context: Context) -> int:
    from tracker.export.json_export import NotAnExport, read_document
    from tracker.export.json_import import FolderHasData, import_records

    path = Path(args.file).expanduser()
    payload = read_bytes(path)
    try:
        records = read_document(payload)
    except NotAnExport as why:
        raise CLIError(f"Nothing was imported: {flat(path)} {why}.") from None
    couple = context.couple()
    try:
        done = import_records(couple, records, args.merge)
    except FolderHasData:
        raise CLIError(
            "Nothing was imported: this folder already has your data; add --merge to bring "
            "in only what it does not have yet."
        ) from None
    if done.added + done.replaced == 0:
        say(f"Nothing new: this folder already had all {done.already:,} records.")
        return 0
    words = f"Imported {done.added + done.replaced:,} records from {flat(path)}"
    if done.already:
        words += f"; {done.already:,} were already here and stay as they are"
    say(words + ".")
    return 0
