"""`rekindle completion SHELL`: tab completion, generated from the parser itself.

shtab writes a static script from the argparse parser (bash, zsh and fish alike), so
completing costs the shell nothing: `rekindle` is not started at every <TAB>, and a
new command or option is in the script as soon as it is in the parser.
"""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import Context

SHELLS = ("bash", "zsh", "fish")


def register(commands: Any) -> None:
    completion = commands.add_parser(
        "completion", help="print the tab-completion script for bash, zsh or fish"
    )
    completion.add_argument("shell", choices=SHELLS, help="the shell the script is for")
    completion.set_defaults(run=run_completion)


def run_completion(args: argparse.Namespace, context: Context) -> int:
    import shtab

    from tracker.cli.commands import build_parser

    print(shtab.complete(build_parser(everything=True), shell=args.shell), end="")
    return 0
