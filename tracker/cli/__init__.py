"""`rekindle`: the TUI by default, plus scriptable commands on the same store."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import platformdirs

from tracker import __version__
from tracker.cli.common import DAY_OUT_OF_RANGE, CLIError, Context
from tracker.domain.kinds import touches_feed
from tracker.domain.text import visible
from tracker.store.couple import NotSetUp
from tracker.store.files import FILE_MODE, make_private_dir
from tracker.store.guards import permission_message
from tracker.store.identity import ConfigError
from tracker.store.replica import ReadOnlyFile
from tracker.store.setup import SetupError

EXPECTED = (CLIError, SetupError, ConfigError, ReadOnlyFile, NotSetUp)
# Commands after which this device's calendar feed is brought up to date (a no-op
# when nothing in it changed), as is any other command that wrote a date or a talk
# (a goal's planned date). The app does the same after its own writes and when
# the partner's dates arrive.
FEED_COMMANDS = frozenset({"date", "talk", "export", "doctor"})


def build_parser() -> argparse.ArgumentParser:
    from tracker.cli import (
        checkin_cmds,
        date_cmds,
        demo_cmds,
        doctor_cmd,
        export_cmds,
        goal_cmds,
        habit_cmds,
        habit_form_cmds,
        sample_cmds,
        setup_cmds,
        talk_cmds,
    )

    parser = argparse.ArgumentParser(
        prog="rekindle",
        description="Small daily habits for two. With no command, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"rekindle {__version__}")
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="the shared data folder to use (default: the one chosen at set-up; or $REKINDLE_DATA)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in (
        setup_cmds,
        habit_cmds,
        habit_form_cmds,
        talk_cmds,
        date_cmds,
        export_cmds,
        checkin_cmds,
        goal_cmds,
        doctor_cmd,
        sample_cmds,
        demo_cmds,
    ):
        module.register(commands)
    return parser


def _log_crash() -> Path | None:
    # A traceback can quote what someone wrote in a note: for this user's eyes only.
    try:
        log_dir = Path(platformdirs.user_log_dir("rekindle"))
        make_private_dir(log_dir)
        path = log_dir / "crash.log"
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
        os.chmod(path, FILE_MODE)  # one made by an older version was readable by everyone
        with os.fdopen(fd, "a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc() + "\n")
        return path
    except OSError:
        return None


def _refresh_feed(context: Context) -> None:
    """The calendar feed after a command: a warning if it cannot be written, never a failure
    (what the command saved is saved)."""
    if context.opened is None:
        return
    from tracker.export.feed import refresh_feed  # only the date and talk commands need it

    problem = refresh_feed(context.opened)
    if problem:
        print(f"rekindle: {visible(problem)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    context = Context(data_flag=args.data)
    try:
        if args.command is None:
            from tracker.cli.tui import run_tui

            return run_tui(context)
        code = int(args.run(args, context) or 0)
        if args.command in FEED_COMMANDS or touches_feed(context.changed_kinds()):
            _refresh_feed(context)
        return code
    except EXPECTED as error:
        print(f"rekindle: {visible(str(error))}", file=sys.stderr)
        return 1
    except PermissionError as error:  # a folder or file this user may not use: not a bug
        print(f"rekindle: {visible(permission_message(error))}", file=sys.stderr)
        return 1
    except OverflowError:  # a day so far off the calendar arithmetic runs out of years
        print(f"rekindle: {DAY_OUT_OF_RANGE}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `rekindle status | head`: the reader left; not an error worth a word.
        sys.stderr.close()
        return 0
    except Exception as error:  # a bug: one sentence here, the traceback in the log
        where = _log_crash()
        detail = f" Details are in {where}." if where else ""
        print(
            # The error may quote a file name or a value from the partner's side.
            f"rekindle: something unexpected went wrong "
            f"({type(error).__name__}: {visible(str(error), newlines=False)}). "
            f"Nothing you saved before this is lost.{detail}",
            file=sys.stderr,
        )
        return 1
