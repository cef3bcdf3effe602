"""The in-process runner says what the real command says, so fast tests can use it."""

from __future__ import annotations

import pytest

from tests.cli.test_habit_cmds import Setup
from tests.conftest import RunHere
from tests.rekindle_cli import run_command


@pytest.mark.parametrize(
    "args",
    [
        ("status",),
        ("habits", "--json"),
        ("tick", "no such habit"),  # a refusal: exit 1 and one sentence
        ("--help",),  # argparse leaves through SystemExit
        ("no-such-command",),  # argparse's own refusal: exit 2
    ],
    ids=["status", "habits-json", "refusal", "help", "unknown-command"],
)
def test_in_process_and_real_command_agree(
    alex: Setup, rekindle_here: RunHere, args: tuple[str, ...]
) -> None:
    here = rekindle_here(alex.config, *args)
    real = run_command(alex.config, *args)
    assert (here.code, here.out, here.err) == (real.code, real.out, real.err)
