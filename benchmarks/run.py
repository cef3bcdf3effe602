"""Rekindle's benchmarks on generated couples (0, 1 and 10 years of history).

    python benchmarks/run.py            # the full run (a few minutes)
    python benchmarks/run.py --quick    # 0, 1 and 3 years, fewer repeats

Every figure is measured next to its baseline in the same run, because this
machine is shared and noisy: read the ratios. Writes benchmarks/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from tinydb import TinyDB  # noqa: E402

from benchmarks.served import bench_served  # noqa: E402
from tracker.domain.habits.history import year_grid  # noqa: E402
from tracker.domain.habits.progress import habit_checks  # noqa: E402
from tracker.domain.models import Check  # noqa: E402
from tracker.store.couple import Couple  # noqa: E402
from tracker.store.files import atomic_write  # noqa: E402
from tracker.store.sample import sample_config, write_sample  # noqa: E402
from tracker.store.store import Store  # noqa: E402
from tracker.ui.widgets.heatmap import render_grid  # noqa: E402

TODAY = date(2026, 11, 25)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Seconds per run of `action`."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return times


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def bench_ticks(folder: Path, repeat: int) -> dict[str, float]:
    """A tick, durable on disk when it returns, next to the bare floor and the naive design."""
    couple = Couple.open(sample_config(folder))
    habit = next(h for h in couple.habits() if h.schedule.kind.value == "daily")
    check = Check(habit.id, "a", TODAY)
    flip = [True]

    def tick() -> None:
        if flip[0]:
            couple.set_check(check)
        else:
            couple.clear_check(habit.id, "a", TODAY)
        flip[0] = not flip[0]

    ticks = timed(tick, repeat)
    shard = couple.store.writer.path(f"{TODAY:%Y-%m}")
    payload = shard.read_bytes()
    floor_file = shard.with_name("floor.bench")
    floor = timed(lambda: atomic_write(floor_file, payload), repeat)
    floor_file.unlink()
    # The naive design: one TinyDB file with everything, default storage.
    naive_path = folder.parent / f"naive-{folder.name}.json"
    naive = TinyDB(naive_path)
    docs = [r.to_doc() for r in couple.store.state.values()]
    naive.storage.write({"_default": {str(i + 1): d for i, d in enumerate(docs)}})
    naive_times = timed(lambda: naive.insert(check.to_data()), max(3, repeat // 50))
    naive.close()
    naive_path.unlink()
    couple.store.close()
    versions = sum(
        len(json.loads(p.read_bytes()).get("records", {}))
        for p in folder.glob("replicas/*/**/*.json")
    )
    return {
        "records": len(docs),
        "record_versions": versions,
        "tick_median_ms": ms(statistics.median(ticks)),
        "tick_p99_ms": ms(p99(ticks)),
        "floor_median_ms": ms(statistics.median(floor)),
        "naive_insert_median_ms": ms(statistics.median(naive_times)),
    }


def bench_loads(folder: Path, config_dir: Path, repeat: int) -> dict[str, float]:
    """Opening years of history: from the files, from the cache, and a refresh."""
    config = sample_config(folder)

    def naive() -> None:
        state: dict[str, dict[str, object]] = {}
        for path in folder.glob("replicas/*/**/*.json"):
            for doc in json.loads(path.read_bytes()).get("records", {}).values():
                held = state.get(doc["id"])
                if held is None or (doc["stamp"], doc["replica"]) > (
                    held["stamp"],
                    held["replica"],
                ):
                    state[doc["id"]] = doc

    def from_files() -> None:
        Store(folder, config.replica_id, config.replica_meta()).load(use_cache=False)

    def from_cache() -> None:
        Store(folder, config.replica_id, config.replica_meta()).load()

    warm_store = Store(folder, config.replica_id, config.replica_meta())
    warm_store.load()
    warm_store.save_cache(force=True)
    partner = Couple.open(sample_config(folder, "sam-laptop"))
    habit = partner.habits()[0]
    day = [TODAY]

    def refresh_after_partner_tick() -> None:
        day[0] -= timedelta(days=1)
        partner.set_check(Check(habit.id, "b", day[0]))
        began = time.perf_counter()
        warm_store.refresh()
        refresh_times.append(time.perf_counter() - began)

    refresh_times: list[float] = []
    for _ in range(repeat):
        refresh_after_partner_tick()
    return {
        "naive_json_merge_ms": ms(statistics.median(timed(naive, 3))),
        "cold_from_files_ms": ms(statistics.median(timed(from_files, 3))),
        "cold_with_cache_ms": ms(statistics.median(timed(from_cache, 5))),
        "warm_refresh_ms": ms(statistics.median(refresh_times)),
    }


def bench_heatmap(folder: Path) -> dict[str, float]:
    couple = Couple.open(sample_config(folder))
    habit = next(h for h in couple.habits() if h.schedule.kind.value == "daily")
    checks = habit_checks(couple.checks_by(), habit, "a")

    def render() -> None:
        render_grid(year_grid(habit, checks, TODAY), TODAY)

    return {"heatmap_ms": ms(statistics.median(timed(render, 20))), "checks": len(checks)}


def bench_ics(folder: Path) -> dict[str, float]:
    """The .ics export of every date and talk (recurring ones stay one event each)."""
    from tracker.export import ics

    couple = Couple.open(sample_config(folder))
    size = len(ics.export(couple, include=["conversations"]))
    times = timed(lambda: ics.export(couple, include=["conversations"]), 5)
    return {"ics_export_ms": ms(statistics.median(times)), "ics_bytes": size}


def first_frame(args: list[str]) -> dict[str, float]:
    child = [sys.executable, str(HERE / "first_frame.py"), repr(time.time()), *args]
    done = subprocess.run(child, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def bench_start(empty: Path, big: Path, repeat: int) -> dict[str, float]:
    """Process start to the first Today frame, headless; peak memory once all is loaded."""
    runs: dict[str, list[dict[str, float]]] = {"minimal": [], "empty": [], "big": []}
    for _ in range(repeat):  # interleaved, so a noisy moment hits all three alike
        runs["minimal"].append(first_frame(["--minimal"]))
        runs["empty"].append(first_frame(["--data", str(empty)]))
        runs["big"].append(first_frame(["--data", str(big), "--wait-history"]))

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[name])

    return {
        "first_frame_minimal_ms": ms(median("minimal", "first_frame_s")),
        "first_frame_empty_ms": ms(median("empty", "first_frame_s")),
        "first_frame_big_ms": ms(median("big", "first_frame_s")),
        "history_loaded_big_ms": ms(median("big", "history_loaded_s")),
        "rss_minimal_mb": round(median("minimal", "peak_rss_mb"), 1),
        "rss_big_mb": round(median("big", "peak_rss_mb"), 1),
    }


def bench_cli_start(repeat: int) -> dict[str, float]:
    """`rekindle --version` and `--help`, process start to exit, each paired in turn with
    `python -c pass` (the floor no Python command can go under)."""
    script = Path(sys.executable).with_name("rekindle")
    commands = {
        "floor": [sys.executable, "-c", "pass"],
        "version": [str(script), "--version"],
        "help": [str(script), "--help"],
    }
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):  # interleaved, so a noisy moment hits all three alike
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=True)
            runs[name].append(time.perf_counter() - start)
    floor = statistics.median(runs["floor"])
    return {
        "cli_floor_ms": ms(floor),
        "cli_version_ratio": round(statistics.median(runs["version"]) / floor, 2),
        "cli_help_ratio": round(statistics.median(runs["help"]) / floor, 2),
    }


def bench_cli_commands(folder: Path, repeat: int) -> dict[str, float]:
    """`rekindle tick`, `status` and `remind --oneline` on the couple, as a script (or a
    shell prompt) calls them, each paired in turn with the import floor
    (`python -c "import tinydb, dateutil.rrule, json"`: no Python tool reading these files
    starts faster). "after a partner's change": the partner's device has just ticked (this
    month, then a day two years back) when it runs."""
    script = str(Path(sys.executable).with_name("rekindle"))
    env = dict(os.environ, REKINDLE_CONFIG=str(folder.parent / "cli-config"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: compiled once, then cached
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from tracker.store.identity import save_config;"
            "from tracker.store.sample import sample_config; from pathlib import Path;"
            f"save_config(sample_config(Path({str(folder)!r})))",
        ],
        env=env,
        check=True,
    )
    partner = Couple.open(sample_config(folder, "sam-laptop"))
    habit = next(h for h in partner.habits() if h.owner.value == "each")
    today = date.today()
    runs: dict[str, list[float]] = {
        name: []
        for name in (
            "floor",
            "tick",
            "after_tick",
            "partner_tick",
            "partner_old",
            "status",
            "remind",
        )
    }

    def run(name: str, *args: str) -> None:
        start = time.perf_counter()
        subprocess.run([script, *args], env=env, capture_output=True, check=True)
        runs[name].append(time.perf_counter() - start)

    def floor() -> None:
        start = time.perf_counter()
        subprocess.run(FLOOR, env=env, capture_output=True, check=True)
        runs["floor"].append(time.perf_counter() - start)

    run("status", "status")  # builds the local index once, as the first call of all does
    for turn in range(repeat):  # interleaved, so a noisy moment hits them all alike
        floor()
        run("tick", "tick", habit.title, *(["--undo"] if turn % 2 else []))
        run("after_tick", "status")
        partner.set_check(Check(habit.id, "b", today - timedelta(days=1 + turn % 5)))
        run("partner_tick", "status")
        partner.set_check(Check(habit.id, "b", today - timedelta(days=730 + turn)))
        run("partner_old", "status")
    partner.store.close()
    # Nothing written for a few seconds: files changed this recently are read again
    # (cache.settled), so a status right after a write is counted above.
    time.sleep(3.5)
    runs["status"].clear()
    run("remind", "remind", "--oneline")  # what a shell prompt runs before every prompt
    runs["remind"].clear()
    for _ in range(repeat):
        floor()
        run("status", "status")
        run("remind", "remind", "--oneline")
    base = statistics.median(runs["floor"])

    def median(name: str) -> float:
        return statistics.median(runs[name])

    return {
        "cli_import_floor_ms": ms(base),
        "cli_tick_ms": ms(median("tick")),
        "cli_tick_ratio": round(median("tick") / base, 2),
        "cli_status_ms": ms(median("status")),
        "cli_status_ratio": round(median("status") / base, 2),
        "cli_remind_ms": ms(median("remind")),
        "cli_remind_ratio": round(median("remind") / base, 2),
        "cli_status_after_tick_ratio": round(median("after_tick") / median("status"), 2),
        "cli_status_partner_ratio": round(median("partner_tick") / median("status"), 2),
        "cli_status_partner_old_ratio": round(median("partner_old") / median("status"), 2),
    }


FLOOR = [sys.executable, "-c", "import tinydb, dateutil.rrule, json"]


def report(results: dict[str, dict[str, float]], big: str) -> list[tuple[str, str, str]]:
    """(figure, measured, target) rows, each figure next to its baseline."""
    b = results[big]
    one = results.get("1", b)
    rows = [
        (
            "history at " + big + " years",
            f"{b['record_versions']:,} record versions in files, {b['records']:,} merged",
            "≈150k",
        ),
        (
            "tick → on disk, median",
            f"{b['tick_median_ms']} ms "
            f"({b['tick_median_ms'] / b['floor_median_ms']:.2f}× the bare write)",
            "≤ 3 ms, ≤ 2×",
        ),
        ("tick → on disk, p99", f"{b['tick_p99_ms']} ms", "≤ 15 ms"),
        ("naive single-file TinyDB insert", f"{b['naive_insert_median_ms']} ms", "(baseline)"),
        (
            "tick growth 1 → " + big + " years",
            f"{b['tick_median_ms'] / one['tick_median_ms']:.2f}×",
            "flat",
        ),
        (
            "first Today frame vs empty data",
            f"{b['first_frame_big_ms']} ms "
            f"({b['first_frame_big_ms'] / b['first_frame_empty_ms']:.2f}×)",
            "≤ 1.15×",
        ),
        (
            "first Today frame vs minimal app",
            f"{b['first_frame_big_ms'] / b['first_frame_minimal_ms']:.2f}× "
            f"(minimal {b['first_frame_minimal_ms']} ms)",
            "≤ 1.5×",
        ),
        ("whole history on screen", f"{b['history_loaded_big_ms']} ms after start", ""),
        (
            "cold load + merge (local cache)",
            f"{b['cold_with_cache_ms']} ms "
            f"(from the files {b['cold_from_files_ms']} ms; naive json+dict "
            f"{b['naive_json_merge_ms']} ms)",
            "≤ 300 ms",
        ),
        (
            "cold load growth 1 → " + big + " years",
            f"{b['cold_from_files_ms'] / one['cold_from_files_ms']:.1f}× from files",
            "≤ linear",
        ),
        ("warm refresh after a partner tick", f"{b['warm_refresh_ms']} ms", "≤ 50 ms"),
        ("heatmap, " + f"{b['checks']:,} checks", f"{b['heatmap_ms']} ms", "≤ 50 ms"),
        (
            "peak memory, app with all history",
            f"{b['rss_big_mb']} MB (minimal Textual app {b['rss_minimal_mb']} MB)",
            "≤ 100 MB",
        ),
    ]
    if "cli_version_ratio" in b:
        rows.append(
            (
                "rekindle --version / --help",
                f"{b['cli_version_ratio']}× / {b['cli_help_ratio']}× "
                f"python -c pass ({b['cli_floor_ms']} ms)",
                "≤ 3×",
            )
        )
    if "cli_tick_ratio" in b:
        floor = f"the import floor ({b['cli_import_floor_ms']} ms)"
        rows += [
            ("rekindle tick", f"{b['cli_tick_ms']} ms, {b['cli_tick_ratio']}× {floor}", "≤ 3×"),
            (
                "rekindle status",
                f"{b['cli_status_ms']} ms, {b['cli_status_ratio']}× {floor}",
                "≤ 5×",
            ),
            (
                "rekindle remind --oneline (a shell prompt)",
                f"{b['cli_remind_ms']} ms, {b['cli_remind_ratio']}× {floor}",
                "≤ 5×",
            ),
            (
                "rekindle status right after a change",
                f"{b['cli_status_after_tick_ratio']}× after my tick; partner ticked: "
                f"{b['cli_status_partner_ratio']}× this month, "
                f"{b['cli_status_partner_old_ratio']}× two years back (× status)",
                "≤ 2×",
            ),
        ]
    if "served_ratio" in b:
        rows.append(
            (
                "Today in a browser tab (rekindle serve)",
                f"{b['served_today_ms']} ms, {b['served_ratio']}× the terminal's first "
                f"frame ({b['served_terminal_ms']} ms); {b['served_peak_mb']} MB a tab",
                "≤ 2×",
            )
        )
    if "ics_export_ms" in b:
        rows.append(
            (
                ".ics export, every date and talk",
                f"{b['ics_export_ms']} ms ({b['ics_bytes']:,} bytes)",
                "≤ 200 ms",
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    years = [0, 1, 3] if args.quick else [0, 1, 10]
    repeat = 60 if args.quick else 200
    root = Path(tempfile.mkdtemp(prefix="rekindle-bench-"))
    os.environ["REKINDLE_CONFIG"] = str(root / "config")
    results: dict[str, dict[str, float]] = {}
    try:
        folders = {}
        for span in years:
            folders[span] = root / f"couple-{span}y"
            write_sample(folders[span], span, seed=1, today=TODAY)
            print(f"… {span} years generated", file=sys.stderr)
            results[str(span)] = bench_ticks(folders[span], repeat)
            results[str(span)] |= bench_loads(folders[span], root / "config", 10)
            results[str(span)] |= bench_heatmap(folders[span])
            results[str(span)] |= bench_ics(folders[span])
        big = str(years[-1])
        results[big] |= bench_cli_start(10 if args.quick else 30)
        results[big] |= bench_cli_commands(folders[years[-1]], 6 if args.quick else 20)
        results[big] |= bench_start(folders[0], folders[years[-1]], 3 if args.quick else 7)
        results[big] |= bench_served(folders[years[-1]], 3 if args.quick else 7, first_frame)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    machine = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()}",
    }
    rows = report(results, big)
    width = max(len(r[0]) for r in rows)
    print(f"Rekindle benchmarks · {machine['machine']} · Python {machine['python']}")
    for figure, measured, target in rows:
        print(f"  {figure:<{width}}  {measured:<58} {target}")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(
        json.dumps({"machine": machine, "results": results, "table": rows}, indent=2)
    )


if __name__ == "__main__":
    main()
