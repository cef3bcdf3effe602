"""Every `--json` prints what docs/cli-json.md says it prints, on a made-up couple with
months behind it; and every command that takes `--json` is on that page."""

from __future__ import annotations

import argparse
import copy
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.json_shapes import Check, Section, lists_in, sections
from tests.conftest import RunHere
from tests.rekindle_cli import use_config
from tracker.cli.commands import build_parser
from tracker.store.sample import write_sample
from tracker.store.setup import join_couple

SECTIONS = sections()
RUNS = [(section, run) for section in SECTIONS for run in section.runs]

# Lists the made-up couple leaves empty: their items' shape is checked by the unit tests
# of the checker below and by the tests of each feature, not here.
EMPTY_ON_THE_SAMPLE = {
    "$.findings",
    "$.clock_skew",
    "$.overrides",
    "$.skipped_records",
    "$.goals[].started",
    "$.goals[].milestones[]",
    "$.help",
}


@dataclass
class Sample:
    alex: Path  # Alex's config on a device that joined the made-up couple's folder
    sam: Path


@pytest.fixture
def sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rekindle_here: RunHere) -> Sample:
    """Alex and Sam's made-up half year, joined from a device each, with one habit
    archived, one deleted, a promise open, this week's check-in done by both,
    yesterday's question answered by both and a love-map round begun (so no list is
    empty)."""
    data = tmp_path / "data"
    # Ending a few days ago, so nothing is stamped in this machine's future.
    write_sample(data, 0.5, 1, date.today() - timedelta(days=5))
    people = Sample(tmp_path / "alex", tmp_path / "sam")
    for config, who in ((people.alex, "a"), (people.sam, "b")):
        use_config(monkeypatch, config)
        join_couple(data, who).store.close()
    for args in (
        ("habit", "archive", "Keep one small promise"),
        ("habit", "delete", "Phone"),
        ("promise", "add", "Fix the wobbly shelf", "--due", "in 3 days"),
    ):
        rekindle_here(people.alex, *args).ok()
    for config, rating in ((people.alex, "5"), (people.sam, "2")):
        areas = ("communication", "conflict", "quality-time", "priorities", "trust", "closeness")
        ratings = [word for area in areas for word in (f"--{area}", rating)]
        rekindle_here(config, "checkin", *ratings, "--note-trust", "Better this week").ok()
        # Yesterday's question answered by both, so the history has a day with both answers.
        rekindle_here(config, "question", "--date", "yesterday", "--answer", "A long walk").ok()
    # A love-map round with its first pair revealed, marked one way, so no list is empty.
    rekindle_here(people.alex, "lovemap", "start").ok()
    for config in (people.alex, people.sam):
        rekindle_here(config, "lovemap", "answer", "1", "Lisbon").ok()
        rekindle_here(config, "lovemap", "guess", "1", "Porto").ok()
    rekindle_here(people.sam, "lovemap", "mark", "1", "close").ok()
    return people


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every command path (`("talk", "list")`) whose parser takes --json."""
    for action in parser._actions:
        if "--json" in action.option_strings:
            yield path
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*path, name))


def command_of(argv: tuple[str, ...]) -> tuple[str, ...]:
    """The command path a run names: its words that pick a subparser."""
    path: list[str] = []
    parser = build_parser(everything=True)
    for word in argv:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs or word not in subs[0].choices:
            break
        path.append(word)
        parser = subs[0].choices[word]
    return tuple(path)


def test_every_command_with_json_is_on_the_page() -> None:
    takes_json = set(_commands(build_parser(everything=True), ()))
    documented = {command_of(run) for _, run in RUNS}
    assert takes_json - documented == set(), "add a section to docs/cli-json.md"
    assert documented - takes_json == set(), "the page shows --json where there is none"
    assert all("--json" in run for _, run in RUNS)


@pytest.mark.parametrize(
    ("section", "run"), RUNS, ids=[" ".join(run).replace("--json", "") for _, run in RUNS]
)
def test_what_it_prints_is_the_shape_on_the_page(
    sample: Sample, rekindle_here: RunHere, section: Section, run: tuple[str, ...]
) -> None:
    printed = json.loads(rekindle_here(sample.alex, *run).ok())
    check = Check()
    check.value(printed, section.shape)
    assert check.problems == [], f"docs/cli-json.md, “{section.heading}”"
    never_filled = lists_in(section.shape) - check.filled - EMPTY_ON_THE_SAMPLE
    assert never_filled == set(), "the sample should give these lists an item each"


# -- the checker itself: were it to pass anything, the tests above would prove nothing --


def _habits_section() -> Section:
    return next(s for s in SECTIONS if ("habits", "--json") in s.runs)


def test_a_renamed_a_dropped_or_an_unknown_key_is_caught(
    sample: Sample, rekindle_here: RunHere
) -> None:
    printed = json.loads(rekindle_here(sample.alex, "habits", "--json").ok())
    shape = _habits_section().shape
    renamed = copy.deepcopy(printed)
    renamed[0]["name"] = renamed[0].pop("title")
    dropped = copy.deepcopy(printed)
    del dropped[1]["schedule"]["every"]
    retyped = copy.deepcopy(printed)
    retyped[0]["start"] = "last Tuesday"
    for broken, expected in (
        (renamed, ["$[]: no key “title”", "$[]: key “name” is not on the page"]),
        (dropped, ["$[].schedule: no key “every”"]),
        (retyped, ["$[].start: 'last Tuesday' is not date"]),
    ):
        check = Check()
        check.value(broken, shape)
        assert check.problems == expected


@pytest.mark.parametrize(
    ("value", "shape", "fits"),
    [
        (True, "int", False),  # JSON's true is no number
        (3, "number", True),
        (2.5, "int", False),
        (None, "str|null", True),
        (None, {"month": "str", "$nullable": True}, True),
        (None, {"month": "str"}, False),
        ({"a": 1, "b": "x"}, {"*": "int"}, False),
        ({"text": "x", "closed": "2026-01-02"}, {"text": "str", "closed?": "date"}, True),
        ({"text": "x"}, {"text": "str", "closed?": "date"}, True),
        ({"text": "x", "new": 1}, {"text": "str", "...": "any"}, True),
        ("2026-12-06T20:00:00+00:00", "datetime", True),
        ("2026-12-06", "datetime", True),  # a whole-day event
        ("tomorrow", "datetime", False),
    ],
)
def test_the_notation_means_what_the_page_says(value: object, shape: object, fits: bool) -> None:
    check = Check()
    check.value(value, shape)
    assert (check.problems == []) is fits, check.problems


def test_a_refusal_prints_nothing_on_stdout_and_exits_1(
    sample: Sample, rekindle_here: RunHere
) -> None:
    refused = rekindle_here(sample.alex, "status", "--json", "--date", "1850-01-01")
    assert refused.out == ""
    refused.refused()
    usage = rekindle_here(sample.alex, "status", "--json", "--colour")
    assert (usage.code, usage.out) == (2, "")


# -- what the lists that gained --json are for ---------------------------------------


def test_a_followups_number_is_the_one_talk_followup_takes(
    sample: Sample, rekindle_here: RunHere
) -> None:
    waiting = json.loads(rekindle_here(sample.alex, "talk", "followup", "--json").ok())
    assert [f["number"] for f in waiting] == list(range(1, len(waiting) + 1))
    last = waiting[-1]
    rekindle_here(sample.alex, "talk", "followup", str(last["number"]), "--habit").ok()
    habits = json.loads(rekindle_here(sample.alex, "habits", "--json").ok())
    assert last["text"] in [h["title"] for h in habits]
    still = json.loads(rekindle_here(sample.alex, "talk", "followup", "--json").ok())
    assert still == waiting[:-1]


def test_the_starters_keys_are_what_init_takes(tmp_path: Path, rekindle_here: RunHere) -> None:
    never_set_up = tmp_path / "config"
    starters = json.loads(rekindle_here(never_set_up, "habits", "--starters", "--json").ok())
    chosen = starters[-1]
    data = tmp_path / "data"
    argv = ["init", "--data", str(data), "--name", "Alex", "--partner-name", "Sam"]
    rekindle_here(never_set_up, *argv, "--starter", chosen["key"]).ok()
    [habit] = json.loads(rekindle_here(never_set_up, "habits", "--json").ok())
    shared = {k: v for k, v in chosen.items() if k != "key"}
    assert {k: habit[k] for k in shared} == shared
