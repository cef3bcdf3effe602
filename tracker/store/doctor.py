"""What is in the data folder and what, if anything, needs a person's attention.

Shared by `rekindle doctor`, `rekindle sync status` and the sync screen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tracker.store.couple import Couple
from tracker.store.files import Problem
from tracker.store.store import ReplicaInfo


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
        }


def iso(millis: int) -> str | None:
    if not millis:
        return None
    return datetime.fromtimestamp(millis / 1000, UTC).isoformat(timespec="seconds")


_FIXES = {
    Problem.EMPTY: "Wait for the sync to finish; if it stays empty, delete it.",
    Problem.UNREADABLE: "If it is a partner's file, let their app write it again by syncing; "
    "if it is yours, move it aside (your other files are safe) and restore it from a backup.",
    Problem.NOT_OURS: "Move it out of the replicas folder.",
    Problem.NEWER: "Update Rekindle on this device to read and write it fully.",
    Problem.DAMAGED: "If it is yours, move it aside and restore it from a backup; the "
    "entries that could be read are already in use.",
}


def health(couple: Couple) -> HealthReport:
    store = couple.store
    report = HealthReport(str(store.data_dir), couple.me, store.replica_id)
    report.replicas = list(store.replicas().values())
    findings = report.findings
    names = {key: couple.name_of(key) for key in ("a", "b")}

    for read in store.problems():
        assert read.problem is not None
        findings.append(Finding("warn", f"{read.path}: {read.explain()}.", _FIXES[read.problem]))

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
                f"Ignored {len(store.temp_files)} temporary file(s) "
                "a sync tool or an interrupted save left behind.",
            )
        )

    clash = store.replica_clash()
    if clash:
        findings.append(
            Finding(
                "warn",
                f"Two devices are writing as this same replica ({store.replica_id}); the files say "
                f"“{clash}” wrote them. Their saves would overwrite each other.",
                "On one of the two devices, run `rekindle join` to give it a replica of its own.",
            )
        )

    for replica, minutes in sorted(store.clock_skew().items()):
        findings.append(
            Finding(
                "warn",
                f"Replica {replica} has changes stamped {minutes} minutes in the future.",
                "Check that both computers set their clocks automatically. Nothing is lost; "
                "the newest-looking edit simply wins until the clocks agree.",
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
