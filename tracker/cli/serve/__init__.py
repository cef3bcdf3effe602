"""`rekindle serve`: the same app in a browser, for a partner without a terminal.

textual-serve (the Textual team's own) draws the app in a web page; this package
decides who the page is (a person of the couple on a browser device of its own), who
may open it (this computer only, or the home network with a secret token), and that
stopping the command ends every app it started. Nothing is sent beyond the local
network: the page's script and font come from this computer.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, say

HELP = "open the app in a web browser: on this computer, or on a phone at home with --lan"
DEFAULT_PORT = 8642


def register(commands: Any) -> None:
    serve = commands.add_parser("serve", parents=[DATA_OPTION], help=HELP, description=HELP)
    serve.add_argument(
        "--as",
        dest="who",
        metavar="NAME",
        help="who the browser is: a name, or a / b (default: your partner)",
    )
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the port (default: {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--lan",
        action="store_true",
        help="also on your home network, for a phone; the address carries a secret token",
    )
    serve.add_argument(
        "--new-token",
        action="store_true",
        help="with --lan: make a new token, so the old address stops working",
    )
    serve.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace, context: Context) -> int:
    from tracker.cli.serve.identity import browser_config, lan_token
    from tracker.cli.serve.server import LOOPBACK, Plan, app_command, lan_address, serve
    from tracker.domain.models import PARTNERS
    from tracker.store.identity import SetupError
    from tracker.store.setup import pick_partner

    if not 0 <= args.port <= 65535:
        raise CLIError("A port is a number from 1 to 65535, like --port 8642.")
    if args.new_token and not args.lan:
        raise CLIError("--new-token goes with --lan: only the home-network address has a token.")
    host = context.require_config()
    couple = context.couple(set())  # who is who: the core files are enough
    if not couple.is_set_up():
        raise CLIError("This folder has no couple yet. Run `rekindle init` first.")
    people = couple.people()
    partner = next(key for key in PARTNERS if key != host.partner)
    try:
        key = pick_partner(args.who, people) if args.who else partner
    except SetupError:
        names = " or ".join(f"“{person.name}”" for person in people.values())
        raise CLIError(f"Say who the browser is for with --as {names}.") from None
    data_dir = context.data_dir().resolve()
    folder = browser_config(host, key, people[key].name, data_dir)
    addresses: tuple[str, ...] = (LOOPBACK,)
    token = None
    if args.lan:
        found = lan_address()
        if found is None:
            raise CLIError(
                "This computer has no address on a local network (no Wi-Fi or cable "
                "connection?), so a phone could not reach it. Connect it, or leave out --lan "
                "to use Rekindle in a browser on this computer."
            )
        addresses = (LOOPBACK, found)
        token = lan_token(renew=args.new_token)
    plan = Plan(app_command(folder, data_dir), addresses, args.port, token)
    name = people[key].name

    def ready(port: int) -> None:
        url = f"http://{addresses[-1]}:{port}/" + (f"?token={token}" if token else "")
        if token is None:
            say(f"Rekindle is open in a browser as {name}, at:\n\n  {url}\n")
            say("Only this computer can open it. For a phone at home: rekindle serve --lan")
        else:
            # The code, the address and three lines fit a terminal of 24 rows, the code
            # whole above them.
            _print_qr(url)
            say(f"Rekindle is open as {name}. Scan the code with a phone at home, or open")
            say(f"  {url}")
            say("The token in it is the key: keep it between the two of you.")
        say("Ctrl+C stops serving and closes every browser tab.")
        sys.stdout.flush()

    def said(line: str) -> None:
        say(line)
        sys.stdout.flush()

    serve(plan, said, ready)
    return 0


def _print_qr(url: str) -> None:
    import segno  # only for --lan: a maintained QR library, drawn in half blocks

    segno.make(url, error="m").terminal(out=sys.stdout, compact=True, border=2)
