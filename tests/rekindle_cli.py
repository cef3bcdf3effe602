"""`rekindle` run the way a person runs it, two ways: as a real command in a child process
(exit codes, crash handling and the installed entry point, exactly as a person meets
them), or in this process (fast, for the many small checks of what a command says).

Both give a `Ran`. The fixtures that hand these out live in tests/conftest.py."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class Ran:
    """What one `rekindle …` did: its exit code and the exact bytes it printed."""

    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode()

    @property
    def err(self) -> str:
        return self.stderr.decode()

    def ok(self, *, warnings: bool = False) -> str:
        """Exit 0 and nothing on stderr (or, with ``warnings``, only plain warnings there);
        returns what it printed."""
        assert self.code == 0, self.err
        if warnings:
            assert "Traceback" not in self.err and "unexpected" not in self.err, self.err
        else:
            assert self.err == "", self.err
        return self.out

    def refused(self) -> str:
        """Exit 1 and one sentence on stderr, never a traceback; returns that sentence."""
        assert self.code == 1, self.out + self.err
        assert "Traceback" not in self.err + self.out, self.err
        assert "unexpected" not in self.err, self.err
        lines = self.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("rekindle: "), self.err
        return lines[0]


def use_config(monkeypatch: pytest.MonkeyPatch, config: Path) -> Path:
    """Be the person whose config folder is ``config`` (switching device, in effect), with
    no data folder inherited from the machine running the tests."""
    monkeypatch.setenv("REKINDLE_CONFIG", str(config))
    monkeypatch.delenv("REKINDLE_DATA", raising=False)
    return config


def command_env(config: Path, **extra: str) -> dict[str, str]:
    """The environment of a person whose config folder is ``config``: no REKINDLE_* setting
    from the machine running the tests, and crash logs and caches beside the config, never
    in the real home directory."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REKINDLE_")}
    env["REKINDLE_CONFIG"] = str(config)
    env["XDG_STATE_HOME"] = str(config / "state")
    env["XDG_CACHE_HOME"] = str(config / "cache")
    env.update(extra)
    return env


def run_command(
    config: Path,
    *args: str,
    stdin: str = "",
    wrapper: Sequence[str] = (),
    timeout: float = 60,
    **extra_env: str,
) -> Ran:
    """`python -m tracker ARGS` in a child process, as the person whose config is ``config``.

    Standard input is always given (empty unless ``stdin``): an inherited one could be a
    terminal, or the pipe pytest-xdist talks to its workers over. ``wrapper`` goes in front
    of the command (setpriv, unshare, …)."""
    done = subprocess.run(
        [*wrapper, sys.executable, "-m", "tracker", *args],
        env=command_env(config, **extra_env),
        input=stdin.encode(),
        capture_output=True,
        timeout=timeout,
    )
    return Ran(done.returncode, done.stdout, done.stderr)
