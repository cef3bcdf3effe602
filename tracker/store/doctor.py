"""What is in the data folder and what, if anything, needs a person's attention.

Shared by `rekindle doctor`, `rekindle sync status` and the sync screen.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracker.domain.text import count
from tracker.domain.validation import NEWER
from tracker.store.couple import Couple
from tracker.store.devices import ReplicaInfo, Skew, clock_skew, replica_clash, replicas
from tracker.store.files import REPLICAS_DIR, Problem
from tracker.store.guards import access_fix
from tracker.store.merge import overrides
from tracker.store.records import DELETED
from tracker.store.unfit import Unfit, unfit_records


@dataclass(frozen=True, slots=True)
class Finding:
    level: str  # "warn" needs a person; "note" is for information
    text: str
    fix: str = ""


@dataclass(slots=True)
class HealthReport:
    data_dir: str
    me: str
    replica_id: str
    replicas: list[ReplicaInfo] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skews: list[Skew] = field(default_factory=list)
    overrides: list[dict[str, Any]] = field(default_factory=list)
    unfit: list[Unfit] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return not any(f.level == "warn" for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        return {
            "data_dir": self.data_dir,
            "me": self.me,
            "replica_id": self.replica_id,
            "healthy": self.healthy,
            "replicas": [
                {
                    "replica_id": r.replica_id,
                    "partner": r.partner,
                    "device": r.device,
                    "files": r.files,
                    "records": r.records,
                    "last_write": iso(r.last_write_ms),
                    "this_device": r.replica_id == self.replica_id,
                }
                for r in self.replicas
            ],
            "findings": [{"level": f.level, "text": f.text, "fix": f.fix} for f in self.findings],
            "clock_skew": [
                {"replica": s.replica, "ahead_minutes": s.minutes, "noticed_by": s.noticed_by}
                for s in self.skews
            ],
            "overrides": self.overrides,
            "skipped_records": [u.to_json() for u in self.unfit],
        }


def iso(millis: int) -> str | None:
    if not millis:
        return None
    try:
        return datetime.fromtimestamp(millis / 1000, UTC).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):  # a stamp past year 9999 (or before 1)
        return "far in the future" if millis > 0 else "long ago"


_FIXES = {
    Problem.EMPTY: "Wait for the sync to finish; if it stays empty, delete it.",
    Problem.UNREADABLE: "If it is a partner's file, let their app write it again by syncing; "
    "if it is yours, move it aside (your other files are safe) and restore it from a backup.",
    Problem.NOT_OURS: "Move it out of the replicas folder.",
    Problem.NEWER: "Update Rekindle on this device to read and write it fully.",
    Problem.DAMAGED: "If it is yours, move it aside and restore it from a backup; the "
    "entries that could be read are already in use.",
    Problem.TOO_BIG: "Move it out of the replicas folder; a partner's real file is far smaller "
    "and their app writes it again.",
    Problem.TOO_DEEP: "Move it out of the replicas folder; a partner's real file is never "
    "nested like this and their app writes it again.",
    Problem.LINK: "Replace the link with the real folder or file, or remove it.",
}


def health(couple: Couple) -> HealthReport:
    store = couple.store
    report = HealthReport(str(store.data_dir), couple.me, store.replica_id)
    report.replicas = list(replicas(store).values())
    findings = report.findings
    names = {key: couple.name_of(key) for key in ("a", "b")}

    _folder_open_to_all(store.data_dir, findings)
    for read in store.problems():
        assert read.problem is not None
        fix = access_fix(read.path) if read.problem is Problem.NO_ACCESS else _FIXES[read.problem]
        findings.append(Finding("warn", f"{read.path}: {read.explain()}.", fix))

    report.unfit = unfit_records(store)
    for unfit in report.unfit:
        findings.append(Finding("warn", f"Skipped {unfit.describe()}.", _unfit_fix(unfit)))

    for path in store.folded:
        findings.append(
            Finding("note", f"Folded a sync conflict copy back in and removed it: {path.name}.")
        )
    for info in report.replicas:
        for path in info.conflict_copies:
            whose = names.get(info.partner, "the other device")
            findings.append(
                Finding(
                    "note",
                    f"Read the conflict copy {path.name} as part of "
                    f"{whose}'s data; their app will fold it in.",
                )
            )

    if store.temp_files:
        findings.append(
            Finding(
                "note",
                f"Ignored {count(len(store.temp_files), 'temporary file')} "
                "a sync tool or an interrupted save left behind.",
            )
        )

    clash = replica_clash(store)
    if clash:
        findings.append(
            Finding(
                "warn",
                f"Two devices are writing as this same replica ({store.replica_id}); the files say "
                f"“{clash}” wrote them. Their saves would overwrite each other.",
                "On one of the two devices, run `rekindle join` to give it a replica of its own.",
            )
        )

    devices = {info.replica_id: info for info in report.replicas}
    for skew in clock_skew(store):
        report.skews.append(skew)
        findings.append(_skew_finding(skew, store.replica_id, devices, names))

    for record, name, lost in overrides(store.state):
        kept_by = _who(devices.get(record.version_of(name)[1]), names)
        lost_by = _who(devices.get(lost.version[1]), names)
        what = record.data.get("title") or record.data.get("name") or record.id
        kept = record.data.get(name, "(nothing)") if name != DELETED else "deleted"
        other = (lost.value if lost.present else "(nothing)") if name != DELETED else "deleted"
        field_name = "whether it is deleted" if name == DELETED else f"the {name}"
        report.overrides.append(
            {
                "record": record.id,
                "kind": record.kind,
                "field": name,
                "kept": kept,
                "kept_by": kept_by,
                "other": other,
                "other_by": lost_by,
            }
        )
        findings.append(
            Finding(
                "warn",
                f"{lost_by} and {kept_by} both changed {field_name} of “{what}” while apart; "
                f"{kept_by}'s “{kept}” was kept; {lost_by}'s was “{other}”.",
                f"To use {lost_by}'s instead: `rekindle sync take {record.id} {name}`; "
                f"to keep it as it is: `rekindle sync keep {record.id} {name}`.",
            )
        )

    if not any(info.partner == couple.partner_key for info in report.replicas):
        partner = names[couple.partner_key]
        findings.append(
            Finding(
                "note",
                f"Nothing from {partner} has arrived yet. Is the folder shared?",
                f"Share {store.data_dir} with {partner}'s computer (Syncthing, Dropbox ...) and "
                "have them run `rekindle join` on it.",
            )
        )
    return report


def _folder_open_to_all(data_dir: Path, findings: list[Finding]) -> None:
    """Anyone on this computer may change a world-writable folder: a partner's file could
    be swapped by another user, so say so, with the fix."""
    for folder in (data_dir, data_dir / REPLICAS_DIR):
        try:
            mode = folder.stat().st_mode
        except OSError:
            continue
        if mode & stat.S_IWOTH:
            findings.append(
                Finding(
                    "warn",
                    f"Every user on this computer may change {folder}: anyone could alter or "
                    "replace your data in it.",
                    f"Make it yours alone with `chmod go-w {folder}` (or `chmod 700`).",
                )
            )
            return


def _unfit_fix(unfit: Unfit) -> str:
    if unfit.reason == NEWER:
        return (
            "Update Rekindle on this device to show it. The rest is in use, and the record "
            "is kept as it is."
        )
    return (
        "The rest is in use and the record is kept as it is; editing it again on the device "
        "that wrote it replaces it."
    )


def _who(info: ReplicaInfo | None, names: dict[str, str]) -> str:
    if info is None:
        return "another device"
    return names.get(info.partner, "another device")


def _device(info: ReplicaInfo | None, names: dict[str, str]) -> str:
    if info is None:
        return "another device"
    return f"{_who(info, names)}'s {info.device or 'device'}"


def _span(minutes: int) -> str:
    if minutes >= 2 * 24 * 60:
        return f"about {count(round(minutes / (24 * 60)), 'day')}"
    if minutes >= 90:
        return f"about {count(round(minutes / 60), 'hour')}"
    return f"about {count(minutes, 'minute')}"


def _skew_finding(
    skew: Skew, me: str, devices: dict[str, ReplicaInfo], names: dict[str, str]
) -> Finding:
    fix = (
        "Set both computers to take their time from the network. Nothing is lost meanwhile: "
        "an edit made after seeing another always wins, whatever the clocks say."
    )
    if skew.replica == me:
        other = _device(devices.get(skew.noticed_by), names)
        return Finding(
            "warn", f"This computer's clock is {_span(skew.minutes)} ahead of {other}.", fix
        )
    ahead = _device(devices.get(skew.replica), names)
    return Finding(
        "warn", f"The clock of {ahead} is {_span(skew.minutes)} ahead of this computer's.", fix
    )
