"""The parser itself: cheap to build, kind to a typo, completable, and the README's
table of commands word for word what `rekindle --help` says."""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_habit_cmds import Setup
from tests.conftest import RunHere
from tests.rekindle_cli import command_env, run_command
from tracker.cli.commands import COMMANDS, EXIT_CODES, build_parser, command_word

ROOT = Path(__file__).resolve().parents[2]

# What `--version` and `--help` must not pay for: each costs tens of milliseconds.
HEAVY = ("textual", "tinydb", "icalendar", "tracker.store", "tracker.ui", "tracker.export")

IMPORTED_BY = """
import sys
from tracker.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("\\n".join(sorted(sys.modules)), file=sys.stderr)
"""


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("stauts",)])
def test_answers_without_importing_anything_heavy(tmp_path: Path, args: tuple[str, ...]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY, *args],
        env=command_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    modules = done.stderr.splitlines()
    heavy = [m for m in modules if m.split(".")[0] in HEAVY or m.startswith(HEAVY)]
    assert heavy == [], heavy


def test_a_command_imports_only_its_own_module(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY, "tick", "--help"],
        env=command_env(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(done.stderr.splitlines())
    assert "tracker.cli.habit_cmds" in modules
    assert not modules & {"icalendar", "textual", "tracker.cli.date_cmds", "tracker.ui"}


# What a tick or a status call from a script must not pay for.
NOT_FOR_A_TICK = {"textual", "icalendar", "tracker.ui", "tracker.export", "tempfile", "shutil"}


@pytest.mark.parametrize("args", [("tick", "Phone-free dinner"), ("status",)])
def test_tick_and_status_import_only_what_they_use(alex: Setup, args: tuple[str, ...]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED_BY, *args],
        env=command_env(alex.config),
        capture_output=True,
        text=True,
        check=True,
    )
    modules = set(done.stderr.splitlines())
    assert "tracker.store.store" in modules  # it did open the folder
    assert not modules & NOT_FOR_A_TICK, modules & NOT_FOR_A_TICK


@pytest.mark.parametrize(
    ("argv", "word"),
    [
        (["status"], "status"),
        (["--data", "d", "tick", "x"], "tick"),
        (["--dat", "d", "tick"], "tick"),  # argparse takes a unique start of an option
        (["--data=d", "habits"], "habits"),
        (["--version"], None),
        (["--", "status"], "status"),
        ([], None),
    ],
)
def test_the_command_word_is_found_past_the_options(argv: list[str], word: str | None) -> None:
    assert command_word(argv) == word


def test_a_mistyped_command_gets_the_nearest_one(home: Path, rekindle_here: RunHere) -> None:
    ran = rekindle_here(home, "stauts")
    assert (ran.code, ran.out) == (2, "")
    assert ran.err == "rekindle: no command 'stauts'. Did you mean 'status'?\n"
    far = rekindle_here(home, "xyzzy")
    assert far.code == 2
    assert far.err == "rekindle: no command 'xyzzy'. `rekindle --help` lists them all.\n"


def test_each_exit_code_means_what_help_says(tmp_path: Path) -> None:
    """0 done, 1 refused with one sentence, 2 usage: each from a real command."""
    # A real process: the exit code as a shell sees it is the point.
    assert run_command(tmp_path, "completion", "bash").code == 0
    assert "not set up" in run_command(tmp_path, "status").refused()
    usage = run_command(tmp_path, "tick")  # the habit is missing
    assert usage.code == 2 and "usage: rekindle tick" in usage.err
    shown = run_command(tmp_path, "--help").ok()
    assert EXIT_CODES in shown
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert all(f"`{code}`" in readme for code in ("0", "1", "2"))


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[str, argparse.ArgumentParser]]:
    """Each subcommand's name, its help line and its own parser."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[choice.dest] = (choice.help or "", action.choices[choice.dest])
    return found


def test_the_light_parser_lists_what_the_modules_register() -> None:
    """The table `--help` is built from says what each command's own module says."""
    registered = _subcommands(build_parser(everything=True))
    assert list(registered) == list(COMMANDS)
    assert {name: helptext for name, (helptext, _) in registered.items()} == {
        name: helptext for name, (_, helptext) in COMMANDS.items()
    }


def _readme_commands() -> dict[str, tuple[str, str]]:
    """The README's Commands table: command -> (its actions, as `a|b|c`, and its line)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        row = re.fullmatch(r"\| `rekindle (\w+)( [^`]*)?` \| (.*) \|", line)
        if row:
            rows[row[1]] = ((row[2] or "").strip().replace("\\|", "|"), row[3])
    return rows


def test_the_readme_table_is_what_help_says() -> None:
    parser = build_parser(everything=True)
    in_help = {}
    for name, (helptext, sub) in _subcommands(parser).items():
        actions = "|".join(_subcommands(sub))
        in_help[name] = (actions, helptext)
    assert _readme_commands() == in_help


def test_bash_completes_a_command_from_the_generated_script(
    home: Path, rekindle_here: RunHere, tmp_path: Path
) -> None:
    script = tmp_path / "rekindle.bash"
    script.write_text(rekindle_here(home, "completion", "bash").ok(), encoding="utf-8")
    complete = (
        f"source {script}\n"
        "complete -p rekindle >&2\n"
        'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}\n'
        '_shtab_rekindle rekindle "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"\n'
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )

    def completions(*words: str) -> list[str]:
        done = subprocess.run(
            ["bash", "--norc", "--noprofile", "-c", complete, "bash", *words],
            capture_output=True,
            text=True,
            check=True,
        )
        assert "-F _shtab_rekindle rekindle" in done.stderr
        return done.stdout.split()

    assert completions("rekindle", "sta") == ["status"]
    assert completions("rekindle", "tick", "--no") == ["--note"]
    assert "restore" in completions("rekindle", "habit", "")


@pytest.mark.parametrize("shell", ["zsh", "fish"])
def test_zsh_and_fish_scripts_name_every_command(
    home: Path, rekindle_here: RunHere, tmp_path: Path, shell: str
) -> None:
    script = rekindle_here(home, "completion", shell).ok()
    missing = [name for name in COMMANDS if not re.search(rf"\b{name}\b", script)]
    assert missing == []
    if shutil.which(shell):  # not on every machine; when it is, the script must load
        path = tmp_path / f"rekindle.{shell}"
        path.write_text(script, encoding="utf-8")
        load = (
            f"autoload -U compinit; compinit -u; source {path}"
            if shell == "zsh"
            else f"source {path}"
        )
        subprocess.run([shell, "-c", load], check=True, capture_output=True, timeout=30)


def test_a_shell_nobody_supports_is_a_usage_mistake(home: Path, rekindle_here: RunHere) -> None:
    ran = rekindle_here(home, "completion", "powershell")
    assert ran.code == 2 and "invalid choice" in ran.err
