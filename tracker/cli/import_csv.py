"""`rekindle import csv FILE`: a `date,habit,value` CSV from any other tracker."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import Context
from tracker.cli.import_habits import add_format, run_import


def register_format(formats: Any) -> None:
    add_format(formats, "csv", "habit ticks from a date,habit,value CSV", run_csv)


def run_csv(args: argparse.Namespace, context: Context) -> int:
    from tracker.store.imports import read_csv

    return run_import(args, context, read_csv)
