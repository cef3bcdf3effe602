"""`rekindle --version | init | join | doctor` as a person would run them."""

from __future__ import annotations

import json
import re
import shutil
import time
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import RunHere
from tests.store.store_helpers import shard_bytes, tree_bytes
from tracker.domain.content.starter import find_starter
from tracker.store.files import read_file
from tracker.store.records import Record, format_stamp
from tracker.store.setup import read_people
from tracker.store.store import Store

# In this process, through the installed command's own `main` (tests/conftest.py): nothing
# here needs a process of its own.


def ok(rekindle: RunHere, config: Path, *args: str, **env: str) -> str:
    return rekindle(config, *args, **env).ok()


def refused(rekindle: RunHere, config: Path, *args: str, **env: str) -> str:
    """A refusal: exit 1, one line on stderr, no traceback."""
    return rekindle(config, *args, **env).refused()


def config_values(config: Path) -> dict[str, str]:
    values = {}
    for line in (config / "config.toml").read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            values[key.strip()] = json.loads(value)
    return values


INIT = ("--name", "Alex", "--partner-name", "Sam", "--tz", "Europe/London")


@pytest.fixture
def alex(rekindle_here: RunHere, tmp_path: Path) -> tuple[Path, Path]:
    """Alex's config dir and the data folder Alex set up."""
    config, data = tmp_path / "conf-alex", tmp_path / "Rekindle"
    ok(rekindle_here, config, "init", "--data", str(data), *INIT, "--starter", "phone-free-dinner")
    return config, data


def own_core(config: Path, data: Path) -> Path:
    return data / "replicas" / config_values(config)["replica_id"] / "core.json"


def test_version(rekindle_here: RunHere, tmp_path: Path) -> None:
    out = ok(rekindle_here, tmp_path / "conf", "--version")
    assert out.strip() == f"rekindle {version('rekindle-tracker')}"
    assert not (tmp_path / "conf").exists()


def test_init_sets_up_the_folder_and_keeps_identity_out_of_it(alex: tuple[Path, Path]) -> None:
    config, data = alex
    values = config_values(config)
    assert values["partner"] == "a"
    assert Path(values["data_dir"]) == data
    assert list(data.rglob("*.toml")) == []  # identity never travels with the shared folder
    core = data / "replicas" / values["replica_id"] / "core.json"
    read = read_file(core)
    assert read.writable and read.meta["partner"] == "a"
    assert ".syncthing" in (data / ".stignore").read_text()

    store = Store(data, "observer0000")
    store.load()
    people = {r.data["key"]: r.data for r in store.live("person")}
    assert (people["a"]["name"], people["b"]["name"]) == ("Alex", "Sam")
    assert people["a"]["tz"] == "Europe/London"
    starter = find_starter("phone-free-dinner")
    assert starter is not None
    assert [r.data["title"] for r in store.live("habit")] == [starter.title]


def test_init_again_is_refused_and_changes_nothing(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, data = alex
    before = tree_bytes(data)
    line = refused(rekindle_here, config, "init", "--data", str(data), *INIT)
    assert "already set up" in line
    # A second device must join, not init over the couple's folder.
    other = tmp_path / "conf-other"
    line = refused(rekindle_here, other, "init", "--data", str(data), *INIT)
    assert "rekindle join" in line
    assert tree_bytes(data) == before
    assert not (other / "config.toml").exists()


def test_init_with_an_unknown_time_zone_creates_nothing(
    rekindle_here: RunHere, tmp_path: Path
) -> None:
    config, data = tmp_path / "conf", tmp_path / "Rekindle"
    line = refused(rekindle_here,
        config, "init", "--data", str(data), "--name", "A", "--partner-name", "B",
        "--tz", "Mars/Olympus",
    )  # fmt: skip
    assert "Mars/Olympus" in line
    assert not data.exists()
    assert not (config / "config.toml").exists()


def test_join_as_the_partner(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, data = alex
    nobody = tmp_path / "conf-nobody"
    line = refused(rekindle_here, nobody, "join", "--data", str(data), "--as", "Nobody")
    assert "--as" in line and "Alex" in line and "Sam" in line
    assert len(list((data / "replicas").iterdir())) == 1
    assert not (nobody / "config.toml").exists()

    sam = tmp_path / "conf-sam"
    out = ok(rekindle_here, sam, "join", "--data", str(data), "--as", "Sam")
    values = config_values(sam)
    assert values["partner"] == "b"
    assert values["replica_id"] != config_values(config)["replica_id"]
    assert values["replica_id"] in out
    assert read_file(own_core(sam, data)).meta["partner"] == "b"


def test_join_without_as_and_no_terminal_names_the_flag(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    """A script (stdin not a terminal) cannot be asked who it is: the refusal says how."""
    _, data = alex
    sam = tmp_path / "conf-sam"
    line = refused(rekindle_here, sam, "join", "--data", str(data))
    assert line == "rekindle: Say who you are with --as NAME (Alex or Sam)."
    assert not (sam / "config.toml").exists()


def test_time_zones_are_taken_in_any_case(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    _, data = alex
    sam = tmp_path / "conf-sam"
    ok(rekindle_here, sam, "join", "--data", str(data), "--as", "Sam", "--tz", "australia/SYDNEY")
    assert read_people(data)["b"].tz == "Australia/Sydney"
    line = refused(
        rekindle_here, sam, "join", "--data", str(data), "--as", "Sam", "--tz", "Europe/Berln"
    )
    assert line.endswith("Did you mean Europe/Berlin?")


def test_doctor_before_and_after_the_partner_joins(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, data = alex
    alex_id = config_values(config)["replica_id"]
    before = ok(rekindle_here, config, "doctor")
    assert alex_id in before
    assert "Nothing from Sam has arrived yet. Is the folder shared?" in before

    sam = tmp_path / "conf-sam"
    ok(rekindle_here, sam, "join", "--data", str(data), "--as", "Sam")
    sam_id = config_values(sam)["replica_id"]
    after = ok(rekindle_here, config, "doctor")
    assert alex_id in after and sam_id in after
    assert "Is the folder shared?" not in after
    assert "All good" in after

    report = json.loads(ok(rekindle_here, config, "doctor", "--json"))
    assert report["replica_id"] == alex_id and report["me"] == "a"
    assert report["healthy"] is True
    partners = {r["replica_id"]: (r["partner"], r["this_device"]) for r in report["replicas"]}
    assert partners == {alex_id: ("a", True), sam_id: ("b", False)}
    from_sam = json.loads(ok(rekindle_here, sam, "doctor", "--json"))
    assert from_sam["me"] == "b" and from_sam["replica_id"] == sam_id


def test_a_data_folder_that_is_gone(rekindle_here: RunHere, alex: tuple[Path, Path]) -> None:
    config, data = alex
    shutil.rmtree(data)
    line = refused(rekindle_here, config, "doctor")
    assert "not there" in line and str(data) in line
    assert not data.exists()  # not quietly re-created empty


def test_rekindle_data_overrides_the_configured_folder(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, data = alex
    moved = tmp_path / "Moved"
    shutil.move(data, moved)
    refused(rekindle_here, config, "doctor")
    report = json.loads(ok(rekindle_here, config, "doctor", "--json", REKINDLE_DATA=str(moved)))
    assert Path(report["data_dir"]) == moved
    assert report["replicas"][0]["records"] > 0
    # --data beats REKINDLE_DATA.
    line = refused(rekindle_here, config, "--data", str(data), "doctor", REKINDLE_DATA=str(moved))
    assert "not there" in line


def test_two_devices_writing_as_one_replica(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, data = alex
    assert "Two devices" not in ok(rekindle_here, config, "doctor")
    core = own_core(config, data)
    content = json.loads(core.read_bytes())
    content["meta"]["1"].update(machine="0123456789abcdef", device="Sam's old laptop")
    core.write_text(json.dumps(content))
    out = ok(rekindle_here, config, "doctor")
    assert "Two devices are writing as this same replica" in out
    assert "Sam's old laptop" in out
    assert "run `rekindle join` to give it a replica of its own" in out
    assert json.loads(ok(rekindle_here, config, "doctor", "--json"))["healthy"] is False


def test_a_copied_config_is_told_it_clashes(
    rekindle_here: RunHere, alex: tuple[Path, Path], tmp_path: Path
) -> None:
    config, _ = alex
    copied = tmp_path / "elsewhere" / "conf-copy"
    shutil.copytree(config, copied)
    assert "Two devices" not in ok(rekindle_here, config, "doctor")
    assert "Two devices are writing as this same replica" in ok(rekindle_here, copied, "doctor")


def test_clock_skew_of_the_partner_is_reported(
    rekindle_here: RunHere, alex: tuple[Path, Path]
) -> None:
    config, data = alex
    ahead = int(time.time() * 1000) + 2 * 60 * 60 * 1000
    partner = "skewed000001"
    record = Record("habit:x", "habit", format_stamp(ahead, 0), partner, False, {"title": "x"})
    folder = data / "replicas" / partner
    folder.mkdir()
    (folder / "core.json").write_bytes(shard_bytes([record], {"partner": "b"}, partner))
    out = ok(rekindle_here, config, "doctor")
    # Named by person and device; files from before clocks were noted judge by stamps.
    found = re.search(r"The clock of Sam's device is about (\d+) hours ahead of this", out)
    assert found, out
    assert int(found[1]) == 2
    assert "take their time from the network" in out
    assert "This computer's clock" not in out  # not this device
