"""`rekindle`: the TUI by default, plus scriptable commands on the same store."""

from __future__ import annotations

import os
import sys

from tracker import __version__
from tracker.cli.commands import COMMANDS, build_parser, command_word, unknown_command

# Not `typing.TYPE_CHECKING`: importing typing (or traceback, or pathlib) costs `--version` a few
# milliseconds, and these names are only for the type checker.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from pathlib import Path

    from tracker.cli.common import Context

# Commands after which this device's calendar feed is brought up to date (a no-op
# when nothing in it changed), as is any other command that wrote a date or a talk
# (a goal's planned date). The app does the same after its own writes and when
# the partner's dates arrive.
FEED_COMMANDS = frozenset({"date", "talk", "export", "doctor"})


def _log_crash() -> Path | None:
    # A traceback can quote what someone wrote in a note: for this user's eyes only.
    import traceback
    from pathlib import Path

    import platformdirs

    from tracker.store.files import FILE_MODE, make_private_dir

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
    if not context.opened.store.complete:
        # The command read only what it needed; the feed holds every date and talk.
        context.opened.store.load()
    from tracker.domain.text import visible
    from tracker.export.feed import refresh_feed  # only the date and talk commands need it

    problem = refresh_feed(context.opened)
    if problem:
        print(f"rekindle: {visible(problem)}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Exit codes: 0 done, 1 refused with one sentence on stderr, 2 a usage mistake."""
    words = list(sys.argv[1:] if argv is None else argv)
    if words == ["--version"]:  # what argparse would say, without building a parser
        print(f"rekindle {__version__}")
        return 0
    command = command_word(words)
    if command is not None and command not in COMMANDS:
        print(unknown_command(command), file=sys.stderr)
        return 2
    # --version and --help end here, before anything but argparse is imported.
    args = build_parser(command).parse_args(words)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    from tracker.cli.common import DAY_OUT_OF_RANGE, CLIError, Context
    from tracker.domain.kinds import touches_feed
    from tracker.domain.text import visible
    from tracker.store.couple import NotSetUp
    from tracker.store.guards import permission_message
    from tracker.store.identity import ConfigError, SetupError
    from tracker.store.replica import ReadOnlyFile

    context = Context(data_flag=args.data)
    try:
        if args.command is None:
            from tracker.cli.tui import run_tui

            return run_tui(context)
        code = int(args.run(args, context) or 0)
        if args.command in FEED_COMMANDS or touches_feed(context.changed_kinds()):
            _refresh_feed(context)
        if context.opened is not None:
            # Years of files read: keep the merged result, as the app does, so the next
            # command starts from it (a no-op after a partial read or when little was read).
            context.opened.store.save_cache()
        return code
    except (CLIError, SetupError, ConfigError, ReadOnlyFile, NotSetUp) as error:
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
