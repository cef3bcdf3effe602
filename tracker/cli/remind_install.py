"""`rekindle remind install|uninstall`: a scheduled `rekindle remind --notify` for this user.

Without root: a systemd user timer where a user manager answers; elsewhere nothing is
installed, and the crontab line (or, on macOS, the launchd agent) is printed with what to do.

`rekindle remind --oneline` runs on every shell prompt and builds this module's parsers,
so only what the parsers need is imported at the top; the rest waits in the functions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tracker.cli.common import DATA_OPTION, CLIError, Context, checked, say
from tracker.store.identity import CONFIG_ENV, DATA_ENV

TYPE_CHECKING = False  # as in tracker/cli/__init__.py: typing is not imported to run
if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping, Sequence
    from typing import Any

SERVICE = "rekindle-remind.service"
TIMER = "rekindle-remind.timer"
LAUNCHD_LABEL = "rekindle.remind"
LAUNCHD_PLIST = f"~/Library/LaunchAgents/{LAUNCHD_LABEL}.plist"
EVERY_MINUTES = 5
# The one seam the tests replace: the systemctl that is started (a test machine has no
# user manager, so there it is a small script that records its words). All else is real.
SYSTEMCTL_ENV = "REKINDLE_SYSTEMCTL"
WRITTEN_BY = "# Written by `rekindle remind install`; `rekindle remind uninstall` removes it.\n"
ENABLE = ("enable", "--now", TIMER)
DISABLE = ("disable", "--now", TIMER)
RELOAD = ("daemon-reload",)


def register_install(actions: Any) -> None:
    """Add `install` and `uninstall` to `rekindle remind`."""
    for name, helptext, run in (
        ("install", "check every few minutes what is due, and tell you", run_install),
        ("uninstall", "stop the scheduled reminders and remove their files", run_uninstall),
    ):
        action = actions.add_parser(name, parents=[DATA_OPTION], help=helptext)
        action.add_argument(
            "--dry-run",
            action="store_true",
            help="show what would be written and run; change nothing",
        )
        action.set_defaults(run=run)


# --- the text of each kind of schedule: pure, so the tests can compare it word for word ---


def remind_command(python: str, data_dir: str | None = None) -> list[str]:
    """The command a schedule runs: this Python, this Rekindle, and the data folder when
    the person chose one for this run (the timer does not see their shell's settings)."""
    return [
        python,
        "-m",
        "tracker",
        "remind",
        "--notify",
        *(["--data", data_dir] if data_dir else []),
    ]


def _unit_word(word: str, *, expands_variables: bool = True) -> str:
    """One word of a unit file's line, read back by systemd exactly as given."""
    escaped = word.replace("%", "%%")  # %h, %u…: systemd's specifiers
    if expands_variables:
        escaped = escaped.replace("$", "$$")  # ExecStart= expands $NAME
    if word and not any(c.isspace() or c in "\"'\\;" for c in word):
        return escaped
    return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'


def service_text(command: Sequence[str], environment: Mapping[str, str] | None = None) -> str:
    """The service unit; ValueError for a program path systemd refuses to run."""
    program, *arguments = command
    if any(c in program for c in "\"'\\"):
        raise ValueError(
            f"systemd cannot run a program whose path holds quotes or backslashes ({program}); "
            "a Rekindle installed under another path can set up reminders."
        )
    settings = [
        f"Environment={_unit_word(f'{name}={value}', expands_variables=False)}"
        for name, value in (environment or {}).items()
    ]
    # systemd expands $NAME in the arguments only, never in the program's path.
    words = [_unit_word(program, expands_variables=False), *map(_unit_word, arguments)]
    return (
        WRITTEN_BY
        + "[Unit]\nDescription=Rekindle: what is due for you now, as a notification\n\n"
        + "[Service]\nType=oneshot\n"
        + "".join(f"{line}\n" for line in settings)
        + f"ExecStart={' '.join(words)}\n"
    )


def timer_text() -> str:
    return (
        WRITTEN_BY
        + f"[Unit]\nDescription=Rekindle: a look at what is due, every {EVERY_MINUTES} minutes\n\n"
        + f"[Timer]\nOnCalendar=*:0/{EVERY_MINUTES}\nAccuracySec=1min\n\n"
        + "[Install]\nWantedBy=timers.target\n"
    )


def crontab_line(command: Sequence[str], environment: Mapping[str, str] | None = None) -> str:
    import shlex

    settings = [f"{name}={shlex.quote(value)}" for name, value in (environment or {}).items()]
    words = " ".join([*settings, *(shlex.quote(word) for word in command)])
    # cron turns an unescaped % into a line break.
    return f"*/{EVERY_MINUTES} * * * * " + words.replace("%", "\\%")


def launchd_plist(command: Sequence[str], environment: Mapping[str, str] | None = None) -> str:
    import plistlib
    import re

    agent: dict[str, Any] = {
        "Label": LAUNCHD_LABEL,
        "ProgramArguments": list(command),
        "StartInterval": EVERY_MINUTES * 60,
    }
    if environment:
        agent["EnvironmentVariables"] = dict(environment)
    # Indented with spaces, not plistlib's tabs: it is printed through `say`, which shows a
    # tab as a symbol, and XML reads the spaces between its elements just the same.
    text = plistlib.dumps(agent).decode()
    return re.sub(r"(?m)^\t+", lambda tabs: "  " * len(tabs.group()), text)


# --- where things are, and who answers ---------------------------------------------------


def unit_folder() -> Path:
    """The user's own unit folder, where the user manager looks (no root needed)."""
    configured = os.environ.get("XDG_CONFIG_HOME", "")
    # The XDG rule: a relative XDG_CONFIG_HOME is to be ignored.
    base = Path(configured) if os.path.isabs(configured) else Path.home() / ".config"
    return base / "systemd" / "user"


def _systemctl() -> str:
    return os.environ.get(SYSTEMCTL_ENV) or "systemctl"


def _systemctl_words(*words: str) -> list[str]:
    return [_systemctl(), "--user", *words]


def _systemctl_fails(*words: str, timeout: float = 60) -> str | None:
    """Run `systemctl --user WORDS`: None when it worked, else its first line of why not."""
    import subprocess

    try:
        done = subprocess.run(
            _systemctl_words(*words),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"it did not answer within {timeout:g} seconds"
    except OSError as error:  # no systemctl at all, or one that cannot be started
        return error.strerror or str(error)
    if done.returncode == 0:
        return None
    said = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    return said[0] if said else f"exit code {done.returncode}"


def _user_manager_answers() -> bool:
    """A systemd user manager is running for this user (not just systemd installed):
    asking it for its environment is cheap and needs it to answer."""
    return _systemctl_fails("show-environment", timeout=5) is None


def _scheduled(context: Context) -> tuple[list[str], dict[str, str]]:
    """The command and settings a schedule needs to be this person on this device."""
    import re

    if not os.path.isabs(sys.executable or ""):
        raise CLIError(
            "Rekindle cannot tell which Python runs it, so it cannot schedule itself; "
            "run `rekindle remind --notify` every few minutes from your own scheduler."
        )
    chosen = context.data_flag or os.environ.get(DATA_ENV)
    data_dir = os.path.abspath(context.data_dir()) if chosen else None
    config = os.environ.get(CONFIG_ENV)
    environment = {CONFIG_ENV: os.path.abspath(config)} if config else {}
    command = remind_command(sys.executable, data_dir)
    for word in (*command, *environment.values()):
        if re.search(r"[\x00-\x1f\x7f]", word):
            raise CLIError(
                f"The path {word!r} holds a line break or another control character, "
                "which a schedule cannot hold; move or rename it and try again."
            )
    return command, environment


# --- install -----------------------------------------------------------------------------


def run_install(args: argparse.Namespace, context: Context) -> int:
    context.require_config()  # a schedule for a device not set up would only complain
    command, environment = _scheduled(context)
    if sys.platform == "darwin":
        _print_launchd(command, environment)
    elif not _user_manager_answers():
        _print_crontab(command, environment)
    else:
        service = checked(service_text, command, environment)
        _install_units({SERVICE: service, TIMER: timer_text()}, args)
    return 0


def _print_crontab(command: Sequence[str], environment: Mapping[str, str]) -> None:
    say(
        "This computer has no systemd user timers, so nothing was installed. To have "
        f"Rekindle look every {EVERY_MINUTES} minutes for what is due, add this line "
        "with `crontab -e`:\n\n"
        f"{crontab_line(command, environment)}\n\n"
        "To stop, remove that line again with `crontab -e`."
    )


def _print_launchd(command: Sequence[str], environment: Mapping[str, str]) -> None:
    say(
        "Nothing was installed. To have Rekindle look every "
        f"{EVERY_MINUTES} minutes for what is due, save this as {LAUNCHD_PLIST}:\n\n"
        f"{launchd_plist(command, environment)}\n"
        f"then run:  launchctl load {LAUNCHD_PLIST}\n"
        f"To stop:   launchctl unload {LAUNCHD_PLIST}, then delete the file."
    )


def _say_dry_run(*steps: str) -> None:
    """What would be done, in the order it would be done."""
    for step in steps:
        say(f"Would {step}")
    say("Nothing was changed: this was a dry run.")


def _run_step(*words: str) -> str:
    import shlex

    return f"run `{shlex.join(_systemctl_words(*words))}`"


def _install_units(texts: Mapping[str, str], args: argparse.Namespace) -> None:
    folder = unit_folder()
    units = {folder / name: text for name, text in texts.items()}
    if args.dry_run:
        writes = [f"write {path}:\n\n{text}" for path, text in units.items()]
        _say_dry_run(*writes, _run_step(*RELOAD), _run_step(*ENABLE))
        return
    already = any(path.is_file() for path in units)
    _write_all(units, folder)
    for words in (RELOAD, ENABLE):
        why = _systemctl_fails(*words)
        if why is not None:
            _take_away(units)
            raise CLIError(
                f"systemctl could not turn the reminder timer on ({why}); "
                "nothing is left installed."
            )
    if already:
        say("Reminders were already on here; their files are rewritten and the timer is running.")
    else:
        say(
            f"Reminders are on: every {EVERY_MINUTES} minutes this computer looks at "
            "what is due for you, and tells you when something is."
        )
    say(f"The timer is in {folder}; `rekindle remind uninstall` takes it away again.")


def _write_all(units: Mapping[Path, str], folder: Path) -> None:
    """Each file whole or not at all; if one cannot be written, those this run created
    are removed again (files that were there before still hold the working timer)."""
    from tracker.store.files import atomic_write, make_private_dir

    created: list[Path] = []
    try:
        make_private_dir(folder)
        for path, text in units.items():
            new = not path.exists()
            atomic_write(path, text.encode())
            if new:
                created.append(path)
    except OSError as error:
        for path in created:
            path.unlink(missing_ok=True)
        raise CLIError(
            f"Could not write the reminder timer into {folder} "
            f"({error.strerror or error}); nothing was changed."
        ) from None


def _take_away(units: Mapping[Path, str]) -> None:
    """After systemctl refused: the timer off, if it got that far, and our files gone."""
    import contextlib

    _systemctl_fails(*DISABLE)
    for path in units:
        # A folder where our file should be is not ours to remove.
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    _systemctl_fails(*RELOAD)


# --- uninstall ---------------------------------------------------------------------------


def run_uninstall(args: argparse.Namespace, context: Context) -> int:
    units = [unit_folder() / name for name in (SERVICE, TIMER)]
    present = [path for path in units if path.is_file()]
    if sys.platform == "darwin":
        say(
            f"Rekindle installs nothing on macOS. If you added its launchd agent, run "
            f"`launchctl unload {LAUNCHD_PLIST}` and delete that file."
        )
    elif not present:
        say("There were no reminders set up here, so there is nothing to remove.")
        if not _user_manager_answers():
            say("If you added Rekindle's line to your crontab, `crontab -e` takes it out.")
    else:
        _remove_units(present, dry_run=args.dry_run)
    return 0


def _remove_units(present: Sequence[Path], *, dry_run: bool) -> None:
    # The timer off first, so it never fires at a service that is gone. Without a user
    # manager (a login over ssh, say) nothing is running to stop; what `enable` linked
    # into timers.target.wants goes with the files, as `disable` would take it.
    manager = _user_manager_answers()
    if not manager:
        link = present[0].parent / "timers.target.wants" / TIMER
        present = [*present, *([link] if link.is_symlink() else [])]
    if dry_run:
        removals = [f"remove {path}" for path in present]
        if manager:
            removals = [_run_step(*DISABLE), *removals, _run_step(*RELOAD)]
        _say_dry_run(*removals)
        return
    stopped = _systemctl_fails(*DISABLE) if manager else None
    for path in present:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise CLIError(f"Could not remove {path} ({error.strerror or error}).") from None
    reloaded = _systemctl_fails(*RELOAD) if manager else None
    why = stopped or reloaded
    if why is not None:
        raise CLIError(
            f"The reminder files are removed, but systemctl could not stop the timer ({why}); "
            "it stops for good when this computer restarts."
        )
    say(
        "Reminders are off: their timer's files are gone. "
        "`rekindle remind install` brings them back."
    )
