"""Run many `rekindle` commands in one process, as the CLI's `main` runs them.

`python -m tests.hostile_driver` reads a JSON list of argument lists on stdin and prints,
as ASCII JSON, one result per command: its exit code, what it wrote to stdout and
stderr, and the traceback of any unexpected error (the CLI logs those instead of showing
them; here they are kept so a failing test can show where it broke). One interpreter
for the whole list keeps a full sweep of commands to about a second per case.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import traceback
from pathlib import Path


def run_all(commands: list[list[str]]) -> list[dict[str, object]]:
    import tracker.cli as cli

    crashes: list[str] = []

    def keep_traceback() -> Path | None:
        crashes.append(traceback.format_exc())
        return None

    cli._log_crash = keep_traceback  # type: ignore[assignment]
    results = []
    for argv in commands:
        crashes.clear()
        out, err = _stream(), _stream()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as leaving:  # argparse, on a usage error
                code = leaving.code if isinstance(leaving.code, int) else 2
            except BaseException:  # escaped main itself: the worst case, a traceback
                code, crashes[:] = -1, [traceback.format_exc()]
        results.append(
            {
                "argv": argv,
                "code": code,
                "out": _text(out),
                "err": _text(err),
                "crash": "".join(crashes),
            }
        )
    return results


def _stream() -> io.TextIOWrapper:
    """A text stream with a byte buffer beneath, as sys.stdout has (`export ics` writes bytes)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")


def _text(stream: io.TextIOWrapper) -> str:
    stream.flush()
    return stream.buffer.getvalue().decode("utf-8", errors="replace")  # type: ignore[attr-defined]


if __name__ == "__main__":
    found = run_all(json.loads(sys.stdin.read()))
    sys.stdout.write(json.dumps(found, ensure_ascii=True))
