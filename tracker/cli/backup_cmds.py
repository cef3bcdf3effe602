"""`rekindle backup` and `rekindle restore`: the couple's folder to one checked zip, and back."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, my_today, say, warn

BACKUP_HELP = "save a checked copy of your shared folder in one zip file"
RESTORE_HELP = "put a backup back into an empty folder (or, with --force, move the old aside)"


def register(commands: Any) -> None:
    backup = commands.add_parser("backup", parents=[DATA_OPTION], help=BACKUP_HELP)
    backup.add_argument(
        "--out",
        metavar="FILE",
        help="the zip to write, or a folder to write it in (default: “Rekindle backups” "
        "in your Documents); never over a file already there",
    )
    backup.add_argument(
        "--auto",
        action="store_true",
        help="today's automatic backup, if it is not made yet (for cron); the oldest beyond "
        "the number Settings keeps are removed",
    )
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser("restore", parents=[DATA_OPTION], help=RESTORE_HELP)
    restore.add_argument("file", metavar="FILE", help="the backup's .zip file")
    restore.add_argument(
        "--force",
        action="store_true",
        help="restore even if the folder holds data: that folder is moved aside beside it, "
        "with the date in its name, and kept",
    )
    restore.set_defaults(run=run_restore)


def run_backup(args: argparse.Namespace, context: Context) -> int:
    from tracker.store.backup.archive import BackupError, manual_backup
    from tracker.store.backup.automatic import backup_if_due

    data_dir = context.data_dir()
    if not data_dir.is_dir():
        raise CLIError(f"The data folder {data_dir} is not there, so there is nothing to back up.")
    try:
        if args.auto:
            if args.out:
                raise CLIError("--auto backups go to their own folder; leave out --out.")
            # The day as the app counts it (this person's zone and day start), so cron
            # and the app never make two in one day between them.
            couple = context.couple(months=())
            saved = backup_if_due(data_dir, couple.store.replica_id, my_today(couple))
            if saved is None:
                return 0  # made already today, or turned off: nothing to say to cron
        else:
            out = Path(args.out).expanduser() if args.out else None
            saved = manual_backup(data_dir, out, date.today())
    except BackupError as problem:
        raise CLIError(str(problem)) from None
    say(saved.said())
    for warning in saved.warnings():
        warn(warning)
    return 0


def run_restore(args: argparse.Namespace, context: Context) -> int:
    from tracker.store.backup.archive import BackupError
    from tracker.store.backup.restore import restore

    data_dir = context.data_dir()
    try:
        done = restore(Path(args.file).expanduser(), data_dir, force=args.force, today=date.today())
    except BackupError as problem:
        raise CLIError(str(problem)) from None
    devices = len(done.replicas)
    say(
        f"Restored {done.files} file{'s' * (done.files != 1)} from "
        f"{devices} device{'s' * (devices != 1)} into {data_dir}."
    )
    if done.moved_aside is not None:
        say(f"What was in that folder before is kept, untouched, in {done.moved_aside}")
    say(joining_words(context, data_dir, done.replicas))
    return 0


def joining_words(context: Context, data_dir: Path, replicas: list[str]) -> str:
    """How this computer goes on with the restored folder. It never takes over another
    device's files: only its own replica (new if the backup has none of it) is written."""
    config = context.config()
    if config is None or config.data_dir.resolve() != data_dir.resolve():
        return f"To use it on this computer, run: rekindle join --data {data_dir}"
    if config.replica_id in replicas:
        return "This computer carries on as itself, from the day of the backup."
    return "This computer joins it as a new device the first time it saves something."
