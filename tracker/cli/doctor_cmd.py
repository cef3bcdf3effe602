"""`rekindle doctor` and `rekindle sync status`: what is in the folder, what needs care."""

from __future__ import annotations

import argparse
from typing import Any

from tracker.cli.common import DATA_OPTION, CLIError, Context, as_json, flat, say
from tracker.export.feed import feed_path
from tracker.store.doctor import HealthReport, health, iso


def register(commands: Any) -> None:
    doctor = commands.add_parser(
        "doctor", parents=[DATA_OPTION], help="check the data folder and explain any problem"
    )
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    doctor.set_defaults(run=run_doctor)

    sync = commands.add_parser("sync", help="how the shared folder is syncing")
    sync_commands = sync.add_subparsers(dest="sync_command", metavar="COMMAND", required=True)
    status = sync_commands.add_parser(
        "status",
        parents=[DATA_OPTION],
        help="every device's data, what arrived, and anything odd (same checks as doctor)",
    )
    status.add_argument("--json", action="store_true", help="machine-readable output")
    status.set_defaults(run=run_doctor)
    for name, helptext in (
        ("take", "use the value a concurrent edit overrode (listed by `sync status`)"),
        ("keep", "keep the value that won and stop listing the other one"),
    ):
        choice = sync_commands.add_parser(name, parents=[DATA_OPTION], help=helptext)
        choice.add_argument("record", help="the record id `sync status` names")
        choice.add_argument("field", help="the field `sync status` names")
        choice.set_defaults(run=run_resolve, take=name == "take")


def render(report: HealthReport, names: dict[str, str]) -> str:
    # Folder, device and file names come from the partner's side: each on one line.
    lines = [f"Data folder: {flat(report.data_dir)}", "", "Replicas (one per device):"]
    for info in report.replicas:
        whose = flat(names.get(info.partner, "unknown"))
        here = "  ← this device" if info.replica_id == report.replica_id else ""
        last = iso(info.last_write_ms) or "never"
        lines.append(
            f"  {flat(info.replica_id)}  {whose:<12} {flat(info.device or '?'):<16} "
            f"{info.records:>7} records  last write {last}{here}"
        )
    if not report.replicas:
        lines.append("  (none yet)")
    lines.append("")
    if not report.findings:
        lines.append("All good: every file reads cleanly.")
    for finding in report.findings:
        mark = "!" if finding.level == "warn" else "·"
        lines.append(f"{mark} {flat(finding.text)}")
        if finding.fix:
            lines.append(f"  → {flat(finding.fix)}")
    return "\n".join(lines)


def run_doctor(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    report = health(couple)
    # Where this device's calendar app subscribes: asked for often, and not in the shared folder.
    calendar = feed_path(couple.store.data_dir)
    if args.json:
        print(as_json({**report.to_json(), "calendar_feed": str(calendar)}))
    else:
        say(render(report, {key: couple.name_of(key) for key in ("a", "b")}))
        say(f"\nCalendar feed on this device (subscribe to it): {flat(calendar)}")
    return 0


def run_resolve(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()
    try:
        couple.store.resolve(args.record, args.field, take_other=args.take)
    except KeyError as error:
        raise CLIError(
            f"Nothing overridden at {args.record} {args.field}; `rekindle sync status` lists "
            "what is."
        ) from error
    say("Done: the other value is back." if args.take else "Done: kept as it is.")
    return 0
