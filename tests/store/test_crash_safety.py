"""kill -9 in the middle of writing never loses a returned write nor leaves a torn file."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tracker.store.files import FileRole, classify
from tracker.store.store import Store

REPLICA = "crash0000001"
KILLS = 100

# Kept to the store's own imports: a child starts in ~100 ms.
CHILD_CODE = r"""
import random, sys
from pathlib import Path
from tracker.store.store import Store

data_dir, replica, seed, frozen = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(seed)
# Some runs have a wall clock stuck in the past: only the stamps read back from
# the files can then keep new stamps above the ones already written.
now = (lambda: frozen) if frozen else None
store = Store(Path(data_dir), replica, {"partner": "a", "device": "crash"}, now_millis=now)
store.load()
out = sys.stdout
out.write("ready\n")
out.flush()
sizes = [0, 3, 40, 500, 4000, 20000, 60000]
i = 0
while True:
    month = "2026-11" if rng.random() < 0.8 else "2026-12"
    rid = f"check:h:a:{month}-0{rng.randint(1, 6)}"
    if i % 7 == 3:
        record = store.put("habit", "habit:h", {"title": "h", "blob": "y" * rng.choice(sizes)})
        op = "put"
    elif i % 2 == 0 or store.get(rid) is None:
        data = {"habit": "h", "person": "a", "day": rid[-10:], "status": "done",
                "value": None, "note": "x" * rng.choice(sizes)}
        record = store.put("check", rid, data)
        op = "put"
    else:
        record = store.delete(rid)
        op = "del"
    out.write(f"done {record.id} {record.stamp} {op}\n")
    out.flush()
    i += 1
"""


def non_temp_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and classify(p.name)[0] is FileRole.MAIN]


@pytest.mark.slow
def test_kill_9_mid_write_loses_nothing_that_was_reported(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    replica_folder = data_dir / "replicas" / REPLICA
    rng = random.Random(20261125)
    last: dict[str, tuple[str, str]] = {}  # id → (stamp, op) of its last reported write
    reported = 0
    previous_stamp = ""
    hit_mid_save = 0
    started = time.monotonic()

    for round_no in range(KILLS):
        frozen = 1_700_000_000_000 if round_no % 3 == 0 else 0
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_CODE, str(data_dir), REPLICA, str(round_no), str(frozen)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        ready = child.stdout.readline()
        assert ready == b"ready\n", child.communicate()[1].decode()
        time.sleep(rng.uniform(0.005, 0.06))
        child.send_signal(signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err.decode()
        # A half-written temp file proves the kill landed in the middle of a save.
        hit_mid_save += any(p.is_file() for p in replica_folder.rglob(".*.tmp"))

        for line in out.decode().splitlines():
            word, rid, stamp, op = line.split()
            assert word == "done"
            # One replica's stamps only ever grow, across restarts too.
            assert stamp > previous_stamp, (line, previous_stamp)
            previous_stamp = stamp
            last[rid] = (stamp, op)
            reported += 1

        for path in non_temp_files(replica_folder):
            json.loads(path.read_bytes())  # never a torn file, whatever the moment of the kill

        store = Store(data_dir, "reader000001")
        store.load()
        assert store.problems() == [], [p.explain() for p in store.problems()]
        for rid, (stamp, op) in last.items():
            found = store.state.get(rid)
            assert found is not None, f"round {round_no}: {rid} was reported written, is gone"
            assert found.stamp >= stamp, (round_no, rid, found.stamp, stamp)
            if found.stamp == stamp:
                assert found.deleted is (op == "del")
                assert found.replica == REPLICA

    elapsed = time.monotonic() - started
    assert reported >= KILLS, f"the child hardly wrote anything ({reported} writes)"
    assert hit_mid_save, "no kill hit a save in progress: the test proved nothing"
    # The owner's next open clears what the kills left behind.
    Store(data_dir, REPLICA).load()
    assert not [p for p in replica_folder.rglob("*.tmp") if p.is_file()]
    assert len(last) >= 8  # checks in both months and the habit in core.json
    assert (replica_folder / "core.json").exists()
    assert {p.name for p in (replica_folder / "log").iterdir() if not p.name.startswith(".")} == {
        "2026-11.json",
        "2026-12.json",
    }
    assert elapsed < 60, f"{KILLS} kills took {elapsed:.0f} s"
