"""`rekindle export csv`: the couple's years as spreadsheet files, one per kind of thing.

Written by Python's csv module in its "excel" dialect, which is RFC 4180: a comma between
cells, CRLF between rows, a cell with a comma, quote or line break in double quotes and
a quote inside doubled. UTF-8 with a byte order mark, because Excel reads a CSV without
one in the computer's old code page (é as Ã©); LibreOffice, Numbers, Google Sheets and
Python's "utf-8-sig" all take the mark in their stride.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from tracker.export.csv_tables import FILES, Table, Text, tables
from tracker.store.couple import Couple
from tracker.store.files import atomic_write, make_private_dir

BOM = "\ufeff"
# What a spreadsheet takes for the start of a formula (OWASP's list: = + - @, and a tab
# or carriage return before them). A partner's note like =HYPERLINK("http://…") would
# otherwise run when the file is opened; a leading ' makes it text, and the spreadsheet
# hides the ' itself.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(cell: str) -> str:
    """A cell as written: typed text that would start a formula gets a leading '."""
    if isinstance(cell, Text) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return str(cell)


def csv_bytes(table: Table) -> bytes:
    text = io.StringIO(newline="")
    writer = csv.writer(text, dialect="excel")
    writer.writerow([inert(cell) for cell in table.header])
    writer.writerows([inert(cell) for cell in row] for row in table.rows)
    # A lone surrogate (possible only in a damaged file) has no UTF-8 form: it becomes
    # U+FFFD rather than stopping the whole export.
    return (BOM + text.getvalue()).encode("utf-8", errors="replace")


def prepare_folder(out: Path) -> None:
    """Make `out` ready: created if missing; an earlier export (only our file names in it)
    is written over; anything else is refused, so a file of someone's is never replaced
    or mixed in with ours. ValueError says why; OSError if the disk says no."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out} is a file; give a folder for the CSV files.")
    if out.is_dir():
        others = sorted(p.name for p in out.iterdir() if p.name not in FILES)
        if others:
            raise ValueError(
                f"{out} already holds other files ({others[0]}…); pick an empty folder, "
                "or one an earlier CSV export wrote."
            )
        return
    make_private_dir(out)


def write_csv(couple: Couple, out: Path, now: datetime) -> list[Table]:
    """Every table written into `out`, each file whole or not at all (atomic_write)."""
    prepare_folder(out)
    written = tables(couple, now)
    for table in written:
        atomic_write(out / table.file, csv_bytes(table))
    return written
