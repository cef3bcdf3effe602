"""`rekindle remind install|uninstall`: the systemd user timer written, verified by systemd's
own checker, run, and taken away again; the crontab line and launchd agent printed instead
where there is no user manager; and nothing half-installed when something refuses.

This machine has no systemd user manager running, so `systemctl` is the one thing replaced:
REKINDLE_SYSTEMCTL names a small script that records its words and answers as told. The
unit folder, the files, the parser and the command the timer runs are all real."""

from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import Ran, command_env, run_command
from tests.tools import find_tool
from tracker.cli.remind_install import (
    SERVICE,
    TIMER,
    crontab_line,
    launchd_plist,
    remind_command,
    service_text,
    timer_text,
)

EXPECTED = Path(__file__).parent / "expected"
# A fixed interpreter and odd folders (a space, cron's and systemd's special characters)
# for the snapshots: the text must carry each path through whole.
PYTHON = "/opt/rekindle venv/bin/python3"
ODD_DATA = "/home/alex/Our 100% $shared folder"
ODD_ENV = {"REKINDLE_CONFIG": "/home/alex/.rekindle conf"}

SYSTEMCTL_SCRIPT = """#!/bin/sh
printf '%s\\n' "$*" >> {log}
case "$*" in
  *{refuse}*) echo "Failed to {refuse}: Access denied" >&2; exit 1 ;;
esac
exit 0
"""


@dataclass
class Machine:
    """Alex's computer: a set-up couple whose data folder has a space in its name, a home
    and config folder of the test's own, and systemctl as a script."""

    tmp: Path
    config: Path
    data: Path
    rekindle: RunHere

    @property
    def units(self) -> Path:
        return self.tmp / "xdg config" / "systemd" / "user"

    @property
    def log(self) -> Path:
        return self.tmp / "systemctl.log"

    def systemctl(self, refuse: str = "never-refused") -> Path:
        """A systemctl that records its words and refuses any call holding ``refuse``."""
        script = self.tmp / "systemctl"
        script.write_text(SYSTEMCTL_SCRIPT.format(log=shlex.quote(str(self.log)), refuse=refuse))
        script.chmod(0o755)
        return script

    def env(self) -> dict[str, str]:
        return {
            "HOME": str(self.tmp / "home"),
            "XDG_CONFIG_HOME": str(self.tmp / "xdg config"),
            "REKINDLE_SYSTEMCTL": str(self.tmp / "systemctl"),
        }

    def remind(self, *args: str) -> Ran:
        return self.rekindle(self.config, "--data", str(self.data), "remind", *args, **self.env())

    def calls(self) -> list[str]:
        return self.log.read_text().splitlines() if self.log.exists() else []

    def written(self) -> dict[str, str]:
        """Our unit files in the unit folder, by name."""
        names = (SERVICE, TIMER)
        return {
            name: (self.units / name).read_text() for name in names if (self.units / name).exists()
        }


@pytest.fixture
def machine(couples: Couples, rekindle_here: RunHere) -> Machine:
    couples.create(config="conf", data="our data").store.close()
    made = Machine(
        couples.tmp_path, couples.tmp_path / "conf", couples.tmp_path / "our data", rekindle_here
    )
    made.systemctl()
    return made


def settings(unit: str) -> dict[str, str]:
    """A unit file's `Key=value` lines (ours hold each key once)."""
    lines = (line for line in unit.splitlines() if "=" in line and not line.startswith("#"))
    return dict(line.split("=", 1) for line in lines)


def expected(machine: Machine) -> dict[str, str]:
    """The units for this machine, as the pure text functions make them."""
    command = remind_command(sys.executable, str(machine.data))
    return {
        SERVICE: service_text(command, {"REKINDLE_CONFIG": str(machine.config)}),
        TIMER: timer_text(),
    }


# --- with a systemd user manager ---------------------------------------------------------


def test_install_writes_the_timer_turns_it_on_and_uninstall_takes_it_away(machine: Machine) -> None:
    said = machine.remind("install").ok()
    assert "Reminders are on" in said and "rekindle remind uninstall" in said
    assert machine.written() == expected(machine)
    assert machine.calls() == [
        "--user show-environment",
        "--user daemon-reload",
        "--user enable --now rekindle-remind.timer",
    ]

    said = machine.remind("uninstall").ok()
    assert "Reminders are off" in said
    assert machine.written() == {}
    assert machine.calls()[-2:] == [
        "--user disable --now rekindle-remind.timer",
        "--user daemon-reload",
    ]


def test_systemd_finds_nothing_wrong_with_the_units(machine: Machine) -> None:
    analyze = find_tool("systemd-analyze", " (Debian: apt-get install systemd)")
    machine.remind("install").ok()
    # --user wants a runtime folder of this user's, which a test process has none of.
    runtime = machine.tmp / "runtime"
    runtime.mkdir(mode=0o700)
    done = subprocess.run(
        [
            analyze,
            "verify",
            "--user",
            "--man=no",
            *(str(machine.units / n) for n in (SERVICE, TIMER)),
        ],
        env={**os.environ, **machine.env(), "XDG_RUNTIME_DIR": str(runtime)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    complaints = [line for line in done.stderr.splitlines() if "rekindle-remind" in line]
    assert done.returncode == 0 and complaints == [], done.stderr


def test_the_timer_runs_a_command_that_works_with_only_what_the_unit_gives(
    machine: Machine,
) -> None:
    """ExecStart, read back as a shell would, run with the unit's Environment= and none of
    this shell's REKINDLE_ settings: it finds the couple and answers."""
    machine.remind("install").ok()
    service = settings(machine.written()[SERVICE])
    command = shlex.split(service["ExecStart"])
    assert command == [
        sys.executable,
        "-m",
        "tracker",
        "remind",
        "--notify",
        "--data",
        str(machine.data),
    ]
    name, _, value = shlex.split(service["Environment"])[0].partition("=")
    env = command_env(machine.tmp / "not-this-config", HOME=str(machine.tmp / "home"))
    env = {k: v for k, v in env.items() if not k.startswith(("REKINDLE_", "DBUS_"))}
    done = subprocess.run(
        command,
        env={**env, name: value},
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "not set up" not in done.stderr


def test_a_second_install_says_so_and_puts_the_files_right(machine: Machine) -> None:
    machine.remind("install").ok()
    (machine.units / TIMER).write_text("[Timer]\nOnCalendar=yearly\n")
    said = machine.remind("install").ok()
    assert "already on" in said
    assert machine.written() == expected(machine)


def test_dry_run_through_the_real_command_shows_all_and_writes_nothing(machine: Machine) -> None:
    ran = run_command(
        machine.config,
        "--data",
        str(machine.data),
        "remind",
        "install",
        "--dry-run",
        **machine.env(),
    )
    said = ran.ok()
    for name, text in expected(machine).items():
        assert f"Would write {machine.units / name}:\n\n{text}" in said
    assert (
        f"Would run `{machine.tmp / 'systemctl'} --user enable --now rekindle-remind.timer`" in said
    )
    assert not machine.units.exists()
    assert machine.calls() == ["--user show-environment"]  # asked, changed nothing


def test_uninstall_dry_run_leaves_the_timer_in_place(machine: Machine) -> None:
    machine.remind("install").ok()
    said = machine.remind("uninstall", "--dry-run").ok()
    assert f"Would remove {machine.units / SERVICE}" in said
    assert machine.written() == expected(machine)
    assert "--user disable --now rekindle-remind.timer" not in machine.calls()


def test_uninstall_without_a_user_manager_still_removes_the_timer(machine: Machine) -> None:
    """Installed from the desktop, removed over ssh: no manager to ask, files still go,
    and the link `enable` made too."""
    machine.remind("install").ok()
    wants = machine.units / "timers.target.wants"
    wants.mkdir()
    (wants / TIMER).symlink_to(machine.units / TIMER)
    machine.systemctl(refuse="show-environment")
    assert "Reminders are off" in machine.remind("uninstall").ok()
    assert machine.written() == {} and list(wants.iterdir()) == []
    assert machine.calls()[-1] == "--user show-environment"


def test_uninstall_with_nothing_installed_says_so(machine: Machine) -> None:
    assert "nothing to remove" in machine.remind("uninstall").ok()
    assert machine.calls() == ["--user show-environment"]


# --- refusals: one sentence, and nothing left half-installed ------------------------------


def test_a_unit_folder_that_cannot_be_made_leaves_nothing(machine: Machine) -> None:
    """A file where the folder should be refuses even root, as read-only bits would not."""
    machine.units.parent.mkdir(parents=True)
    machine.units.write_text("not a folder")
    said = machine.remind("install").refused()
    assert "Could not write the reminder timer" in said and "nothing was changed" in said
    assert machine.units.read_text() == "not a folder"
    assert machine.calls() == ["--user show-environment"]


def test_when_the_second_file_cannot_be_written_the_first_is_taken_back(machine: Machine) -> None:
    (machine.units / TIMER).mkdir(parents=True)  # a folder in the timer's place
    said = machine.remind("install").refused()
    assert "Could not write the reminder timer" in said
    assert not (machine.units / SERVICE).exists()
    assert sorted(p.name for p in machine.units.iterdir()) == [TIMER]  # no temporary files
    assert machine.calls() == ["--user show-environment"]


def test_when_systemctl_refuses_the_files_go_again(machine: Machine) -> None:
    machine.systemctl(refuse="enable")
    said = machine.remind("install").refused()
    assert "systemctl could not turn the reminder timer on" in said and "Access denied" in said
    assert machine.written() == {}
    assert list(machine.units.iterdir()) == []
    assert machine.calls()[-1] == "--user daemon-reload"


def test_a_path_with_a_line_break_is_refused(machine: Machine) -> None:
    said = machine.rekindle(
        machine.config, "--data", "/tmp/two\nlines", "remind", "install", **machine.env()
    ).refused()
    assert "line break" in said
    assert not machine.units.exists()


# --- without a user manager: printed, never installed -----------------------------------


def test_without_a_user_manager_the_crontab_line_is_printed(machine: Machine) -> None:
    machine.systemctl(refuse="show-environment")
    said = machine.remind("install").ok()
    line = crontab_line(
        remind_command(sys.executable, str(machine.data)), {"REKINDLE_CONFIG": str(machine.config)}
    )
    assert f"\n{line}\n" in said and "crontab -e" in said
    assert not machine.units.exists()
    assert machine.calls() == ["--user show-environment"]


def test_on_macos_the_launchd_agent_is_printed(
    machine: Machine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    said = machine.remind("install").ok()
    agent = launchd_plist(
        remind_command(sys.executable, str(machine.data)), {"REKINDLE_CONFIG": str(machine.config)}
    )
    assert agent in said
    assert "launchctl load ~/Library/LaunchAgents/rekindle.remind.plist" in said
    assert not machine.units.exists() and machine.calls() == []


# --- the text itself, word for word --------------------------------------------------------


def test_the_crontab_line() -> None:
    line = crontab_line(remind_command(PYTHON, ODD_DATA), ODD_ENV)
    assert line + "\n" == (EXPECTED / "remind-crontab.txt").read_text()


def test_the_launchd_agent() -> None:
    command = remind_command(PYTHON, ODD_DATA)
    agent = launchd_plist(command, ODD_ENV)
    assert agent == (EXPECTED / "remind-launchd.plist").read_text()
    assert plistlib.loads(agent.encode()) == {
        "Label": "rekindle.remind",
        "ProgramArguments": [PYTHON, "-m", "tracker", "remind", "--notify", "--data", ODD_DATA],
        "StartInterval": 300,
        "EnvironmentVariables": ODD_ENV,
    }


def test_the_units() -> None:
    service = service_text(remind_command(PYTHON, ODD_DATA), ODD_ENV)
    assert service == (EXPECTED / "rekindle-remind.service").read_text()
    assert timer_text() == (EXPECTED / "rekindle-remind.timer").read_text()


def test_a_program_path_systemd_cannot_run_is_refused() -> None:
    with pytest.raises(ValueError, match="quotes or backslashes"):
        service_text(remind_command('/opt/"odd"/python3'))
