"""Which commands there are, and the parser that reads them, built cheaply.

`rekindle --version`, `rekindle --help` and a mistyped command are answered from the
table below alone: no command's module (and so no store, TinyDB or icalendar) is
imported for them. A real command imports only its own module, to add its options.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from tracker import __version__

TYPE_CHECKING = False  # as in tracker/cli/__init__.py: typing is not imported to run
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

# Every command: the module (under tracker/cli) whose `register(commands)` adds it, and
# its one line in `rekindle --help` (the same words its module gives; a test compares).
# Listed in the order `--help` shows them, each module's commands side by side.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("setup_cmds", "start a new couple's folder on this device"),
    "join": ("setup_cmds", "add this device to a folder that already holds your couple's data"),
    "tick": ("habit_cmds", "tick off a habit"),
    "status": ("habit_cmds", "today for both of you, with streaks"),
    "habits": ("habit_cmds", "list the habits"),
    "habit": (
        "habit_form_cmds",
        "one habit: add, edit, archive, unarchive, delete, restore or move it",
    ),
    "prompt": ("talk_cmds", "a conversation prompt for the two of you"),
    "talk": ("talk_cmds", "your talks: plan, log, list"),
    "date": ("date_cmds", "date nights: add, list, done, cancel, rate"),
    "idea": ("date_cmds", "surprise me: an idea from the jar, or add your own"),
    "export": ("export_cmds", "export to other apps"),
    "import": ("import_cmds", "bring data in: a Rekindle export, Loop Habit Tracker, or a CSV"),
    "checkin": (
        "checkin_cmds",
        "this week's check-in: rate the five areas and how close you feel, 1 to 5",
    ),
    "promise": ("checkin_cmds", "promises to your partner: add, kept, broken, list"),
    "appreciate": ("checkin_cmds", "“I noticed and appreciated ...”"),
    "repair": ("checkin_cmds", "log an apology, and what will change"),
    "question": ("question_cmds", "the day's question: answer it, then see your partner's answer"),
    "lovemap": (
        "lovemap_cmds",
        "love maps: guess each other's answers, five questions a round",
    ),
    "goals": ("goal_cmds", "shared and personal goals, with milestones"),
    "align": ("goal_cmds", "where your values and visions meet, and differ"),
    "goal": (
        "goal_form_cmds",
        "one goal: add, edit, mark reached, delete, ways to help, milestones",
    ),
    "values": ("values_cmds", "your values, most important first: list or set"),
    "vision": ("values_cmds", "where you see yourselves in 1, 5 and 10 years"),
    "priorities": ("values_cmds", "what your time goes to, ranked each month"),
    "remind": (
        "remind_cmds",
        "what is due for you now: in words, for a prompt, or as a notification",
    ),
    "support": ("support_cmds", "talk to someone: couples therapy and how to find a therapist"),
    "settings": ("settings_cmds", "the settings you share, and your reminders"),
    "backup": ("backup_cmds", "save a checked copy of your shared folder in one zip file"),
    "restore": (
        "backup_cmds",
        "put a backup back into an empty folder (or, with --force, move the old aside)",
    ),
    "serve": (
        "serve",
        "open the app in a web browser: on this computer, or on a phone at home with --lan",
    ),
    "doctor": ("doctor_cmd", "check the data folder and explain any problem"),
    "sync": ("doctor_cmd", "how the shared folder is syncing"),
    "sample": (
        "sample_cmds",
        "write a made-up couple's folder (Alex and Sam) with years of history",
    ),
    "demo": ("demo_cmds", "open a copy of a made-up couple (Alex and Sam) to look around"),
    "completion": ("completion_cmd", "print the tab-completion script for bash, zsh or fish"),
}

EXIT_CODES = """\
exit codes:
  0  done
  1  refused: one sentence on stderr says why, and what to do instead
  2  usage: a command or option rekindle does not know, or a missing argument"""

# The top-level options that take a value: the word after one is not the command.
_VALUE_OPTIONS = ("--data",)


def command_word(argv: Sequence[str]) -> str | None:
    """The command `argv` names (its first word that is not an option), if any."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if not word.startswith("-") or word == "-":
            return word
        # argparse takes any unique start of an option (`--dat DIR`) and `--data=DIR`.
        if "=" not in word and len(word) > 2 and any(o.startswith(word) for o in _VALUE_OPTIONS):
            next(words, None)
    return None


def unknown_command(word: str) -> str:
    """What to say for a command there is none of: the nearest one, if one is near."""
    from tracker.domain.text import closest, visible

    shown = visible(word, newlines=False)
    close = closest(word, COMMANDS, 0.6)
    if close:
        return f"rekindle: no command '{shown}'. Did you mean '{close}'?"
    return f"rekindle: no command '{shown}'. `rekindle --help` lists them all."


def _terminal_width() -> int:
    """What shutil.get_terminal_size says, without importing shutil (and with it bz2 and
    lzma): argparse's own help formatter would, for every `--help`."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Every parser's formatter: argparse makes one for each option it adds, and its own
    imports shutil (with bz2 and lzma) to ask the terminal's width."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_width() - 2)


def new_parser(**options: Any) -> argparse.ArgumentParser:
    return argparse.ArgumentParser(formatter_class=HelpFormatter, **options)


class _Commands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """The subparsers, with a way to list a command without building its parser: each
    parser argparse builds costs a few gettext look-ups, and `--help` lists 22."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        kwargs.setdefault("formatter_class", HelpFormatter)
        parser: argparse.ArgumentParser = super().add_parser(name, **kwargs)
        return parser

    def list_only(self, name: str, helptext: str, unbuilt: argparse.ArgumentParser) -> None:
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), helptext))
        self._name_parser_map[name] = unbuilt


class _OnlyOne:
    """Stands in for the subparsers while a module registers: only `wanted` is added for
    real; the module's other commands go to a parser that is thrown away."""

    def __init__(self, commands: Any, wanted: str) -> None:
        self._commands = commands
        self._wanted = wanted
        self._discard: Any = new_parser().add_subparsers(action=_Commands)

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        target = self._commands if name == self._wanted else self._discard
        parser: argparse.ArgumentParser = target.add_parser(name, **kwargs)
        return parser


def _register(module: str, commands: Any) -> None:
    importlib.import_module(f"tracker.cli.{module}").register(commands)


def build_parser(
    command: str | None = None, *, everything: bool = False
) -> argparse.ArgumentParser:
    """The `rekindle` parser. Every command is listed; only `command` gets its options
    (all of them do with `everything`, for shell completion and the tests)."""
    parser = new_parser(
        prog="rekindle",
        description="Small daily habits for two. With no command, opens the app.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("--version", action="version", version=f"rekindle {__version__}")
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="the shared data folder to use (default: the one chosen at set-up; or $REKINDLE_DATA)",
    )
    commands: _Commands = parser.add_subparsers(  # type: ignore[assignment]
        dest="command", metavar="COMMAND", action=_Commands
    )
    if everything:
        for module in dict.fromkeys(module for module, _ in COMMANDS.values()):
            _register(module, commands)
        return parser
    # The others are only listed, never parsed: the command named is the one built.
    unbuilt = new_parser(add_help=False)
    for name, (module, helptext) in COMMANDS.items():
        if name == command:
            _register(module, _OnlyOne(commands, name))
        else:
            commands.list_only(name, helptext, unbuilt)
    return parser
