"""The local caches never trust a file that changed too recently to be told apart from
its next version: a second write of the same size within one mtime tick (a second, or
two, on some file systems) must still be read."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tests.store.store_helpers import ME, ME_META, THEM, THEM_META, Clock, device
from tracker.domain.models import Check, CheckStatus
from tracker.store.couple import Couple
from tracker.store.store import Store

DAY = date(2026, 11, 3)


# Compares this process's clock with the times the file system stamps: a faked day
# moves only the first.
@pytest.mark.kernel_clock
def test_the_state_cache_reads_again_a_file_it_saw_just_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REKINDLE_CONFIG", str(tmp_path / "config"))
    clock = Clock(1_790_000_000_000)
    sam = device(tmp_path / "data", THEM, THEM_META, clock)
    path = tmp_path / "data" / "replicas" / THEM / "log" / "2026-11.json"
    for note in ("aaaa", "cccc"):  # the record now carries its fields' versions
        clock.millis += 1000
        sam.set_check(Check("habit:h", "b", DAY, CheckStatus.DONE, note=note))
    mine = Store(tmp_path / "data", ME, ME_META)
    mine.load()
    assert mine.save_cache(force=True)
    # Sam edits the note again, within the same mtime tick: same size, same mtime.
    before = path.stat()
    clock.millis += 1000
    sam.set_check(Check("habit:h", "b", DAY, CheckStatus.DONE, note="bbbb"))
    assert path.stat().st_size == before.st_size  # the case the rule is for
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = Store(tmp_path / "data", ME, ME_META)
    again.load()  # from the cache, and the files that look changed
    assert Couple(again, "a").check("habit:h", "b", DAY).note == "bbbb"  # type: ignore[union-attr]
