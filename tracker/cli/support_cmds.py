"""`rekindle support`: the card about talking to a couples therapist, and the safety line.

The same words as the app's ctrl+g, whoever asks and whenever: it needs no data
folder and reads nothing, so it works before `rekindle init` and with the
check-in's automatic suggestions switched off.
"""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import Context, say

WIDTH = 78
HELP = "talk to someone: couples therapy and how to find a therapist"


def register(commands: Any) -> None:
    support = commands.add_parser("support", help=HELP, description=HELP)
    support.set_defaults(run=run_support)


def run_support(args: argparse.Namespace, context: Context) -> int:
    import textwrap

    from tracker.domain.content.support import support_text

    # Each line of the card wrapped to a comfortable width; the blank lines between stay.
    lines = support_text().split("\n")
    say("\n".join(textwrap.fill(line, WIDTH) if line else "" for line in lines))
    return 0
