"""`rekindle export csv --out DIR`: the made-up couple's half year as spreadsheet files,
read back by Python's csv module and by polars (an independent CSV parser, the kind a
spreadsheet is), and text that is hard to put in a CSV written and read back whole."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import polars
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import Couples, RunHere
from tests.rekindle_cli import run_command, use_config
from tests.store.test_hostile_cli import held, held_to_modes  # noqa: F401 (fixtures)
from tracker.domain.models import Check, CheckStatus, Habit, HabitKind
from tracker.export.csv_export import FORMULA_STARTS, csv_bytes, inert
from tracker.export.csv_tables import FILES, Text, tables, ticks
from tracker.store import checkins, daily, dates, talks
from tracker.store.couple import Couple
from tracker.store.identity import load_config
from tracker.store.sample import write_sample
from tracker.store.setup import join_couple


class Exported:
    def __init__(self, config: Path, data: Path, out: Path, said: str) -> None:
        self.config, self.data, self.out, self.said = config, data, out, said

    def rows(self, file: str) -> list[dict[str, str]]:
        """One file as Python's csv module reads it (utf-8-sig: the BOM is ours)."""
        with (self.out / file).open(encoding="utf-8-sig", newline="") as found:
            return list(csv.DictReader(found))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Exported]:
    """Alex's device on the made-up couple's folder, exported by a real `rekindle`."""
    root = tmp_path_factory.mktemp("csv")
    data, config, out = root / "data", root / "alex", root / "out" / "spreadsheets"
    # Ending a few days ago, so nothing is stamped in this machine's future.
    write_sample(data, 0.5, 1, date.today() - timedelta(days=5))
    with pytest.MonkeyPatch.context() as patch:
        use_config(patch, config)
        join_couple(data, "a").store.close()
    said = run_command(config, "export", "csv", "--out", str(out)).ok()
    yield Exported(config, data, out, said)


@pytest.fixture
def alex(exported: Exported, monkeypatch: pytest.MonkeyPatch) -> Iterator[Couple]:
    use_config(monkeypatch, exported.config)
    config = load_config()
    assert config is not None
    couple = Couple.open(config)
    yield couple
    couple.store.close()


@pytest.fixture
def fresh(couples: Couples) -> Couple:
    """A new couple, one for every example of a hypothesis test (each overwrites it)."""
    return couples.create()


def test_every_file_is_written_and_counted(exported: Exported) -> None:
    assert sorted(p.name for p in exported.out.iterdir()) == sorted(FILES)
    for file in FILES:
        assert (exported.out / file).read_bytes().startswith(b"\xef\xbb\xbf")  # Excel's BOM
    assert exported.said.startswith(f"Wrote 7 CSV files to {exported.out}: ")
    assert f"{len(exported.rows('ticks.csv')):,} ticks" in exported.said


def test_the_files_hold_what_the_store_holds(exported: Exported, alex: Couple) -> None:
    names = {"a": "Alex", "b": "Sam", "us": "Together"}
    live = {h.id for h in alex.habits(include_archived=True)}
    in_store = Counter(
        names[person]
        for person, by_habit in alex.checks_by().items()
        for habit_id, days in by_habit.items()
        if habit_id in live
        for _ in days
    )
    ticked = exported.rows("ticks.csv")
    assert Counter(row["person"] for row in ticked) == in_store
    assert min(in_store["Alex"], in_store["Sam"]) > 100  # a half year, not a stub
    assert [row["day"] for row in ticked] == sorted(row["day"] for row in ticked)
    assert {row["status"] for row in ticked} <= {"done", "skipped"}

    assert len(exported.rows("habits.csv")) == len(alex.habits(include_archived=True))
    assert len(exported.rows("talks.csv")) == len(talks.log(alex)) > 0
    assert len(exported.rows("promises.csv")) == len(checkins.promises(alex)) > 0
    assert len(exported.rows("daily-questions.csv")) == len(
        set(daily.asked_days(alex)) | {a.day for a in daily.answers(alex)}
    )
    rated = sum(len(by) for by in dates.ratings(alex).values())
    dated = exported.rows("dates.csv")
    assert sum(bool(row[f"{who} stars"]) for row in dated for who in ("Alex", "Sam")) == rated
    done = sum(m.status == "done" for by in dates.marks(alex).values() for m in by.values())
    assert sum(row["status"] == "done" for row in dated) == done > 0
    weeks = exported.rows("checkins.csv")
    assert {row["person"] for row in weeks} == {"Alex", "Sam"}
    assert len([r for r in weeks if r["person"] == "Alex"]) == len(checkins.checkins_of(alex, "a"))


def test_a_spreadsheet_style_parser_reads_the_same_cells(exported: Exported) -> None:
    for file in FILES:
        by_csv = exported.rows(file)
        frame = polars.read_csv(exported.out / file, infer_schema=False, encoding="utf8")
        header = next(csv.reader((exported.out / file).open(encoding="utf-8-sig")))
        assert frame.columns == header, file
        # polars reads an empty cell as null; the csv module as "".
        by_polars = [{k: v or "" for k, v in row.items()} for row in frame.iter_rows(named=True)]
        assert by_polars == by_csv, file


def test_an_earlier_export_is_written_over_and_another_folder_refused(
    exported: Exported, tmp_path: Path
) -> None:
    again = run_command(exported.config, "export", "csv", "--out", str(exported.out))
    assert again.ok() == exported.said
    theirs = tmp_path / "letters"
    theirs.mkdir()
    (theirs / "ticks.csv").write_text("mine", encoding="utf-8")
    (theirs / "love-letter.txt").write_text("keep me", encoding="utf-8")
    said = run_command(exported.config, "export", "csv", "--out", str(theirs)).refused()
    assert "love-letter.txt" in said and "empty folder" in said
    assert (theirs / "ticks.csv").read_text(encoding="utf-8") == "mine"
    file = tmp_path / "a-file"
    file.write_text("x", encoding="utf-8")
    assert (
        "is a file" in run_command(exported.config, "export", "csv", "--out", str(file)).refused()
    )


def test_a_folder_it_may_not_write_is_one_sentence(
    exported: Exported,
    tmp_path: Path,
    held: RunHere,  # noqa: F811
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    said = held(exported.config, "export", "csv", "--out", str(locked / "csv")).refused()
    assert said == f"rekindle: Could not write to {locked / 'csv'} (Permission denied)."
    assert not (locked / "csv").exists()


def test_a_partners_answer_waits_until_you_answered_as_in_the_app(
    couples: Couples, rekindle_here: RunHere
) -> None:
    couples.create()
    couples.join(config="sam")
    alex, sam = couples.tmp_path / "config", couples.tmp_path / "sam"
    rekindle_here(sam, "question", "--answer", "Lisbon, in the rain").ok()
    out = couples.tmp_path / "out"

    def answers() -> list[str]:
        rekindle_here(alex, "export", "csv", "--out", str(out)).ok()
        rows = read_back((out / "daily-questions.csv").read_bytes())
        assert rows[0] == ["day", "question", "Alex's answer", "Sam's answer"]
        return rows[1][2:]

    assert answers() == ["", ""]
    rekindle_here(alex, "question", "--answer", "Porto").ok()
    assert answers() == ["Porto", "Lisbon, in the rain"]


def test_a_new_couple_gets_every_file_with_its_header_alone(
    couples: Couples, rekindle_here: RunHere
) -> None:
    couples.create()
    out = couples.tmp_path / "new" / "export"
    said = rekindle_here(couples.tmp_path / "config", "export", "csv", "--out", str(out)).ok()
    assert said == (
        f"Wrote 7 CSV files to {out}: 0 ticks, 0 habits, 0 dates, 0 talks, 0 check-ins, "
        "0 promises, 0 daily questions.\n"
    )
    for file in FILES:
        assert len(read_back((out / file).read_bytes())) == 1, file


def read_back(payload: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def guarded(text: str) -> str:
    """The oracle for the formula guard: OWASP's rule, said once more plainly."""
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


def test_the_guard_is_owasps_rule_and_applies_to_typed_text_only() -> None:
    assert set(FORMULA_STARTS) == {"=", "+", "-", "@", "\t", "\r"}
    assert inert(Text('=HYPERLINK("http://x.example","click")')).startswith("'=HYPERLINK")
    assert inert("-2") == "-2"  # a number Rekindle wrote stays a number


# Hard text for a CSV: its separators and quotes, line breaks, emoji, formula starts.
HARD = st.text(
    alphabet=st.one_of(
        st.sampled_from(list(",\"'\n\r\t=+-@ ;é💛\u200b")),
        st.characters(blacklist_categories=("Cs",)),
    ),
    min_size=1,
    max_size=40,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=HARD, note=HARD, unit=HARD)
# A partner's hostile note, always tried: a formula, and every kind of quoting at once.
@example(title='=HYPERLINK("http://x.example","hi")', note='+1, "so"\r\nthen 💛', unit="@")
def test_hard_text_comes_back_as_the_store_holds_it(
    fresh: Couple, title: str, note: str, unit: str
) -> None:
    couple, day = fresh, date.today()
    habit = Habit("habit:hard", title, kind=HabitKind.MEASURABLE, unit=unit, target=2)
    couple.save_habit(habit)
    couple.set_check(Check(habit.id, "a", day, CheckStatus.DONE, 2.5, note))
    stored = couple.habit(habit.id)
    check = couple.check(habit.id, "a", day)
    assert stored is not None and check is not None
    assert (stored.title, stored.unit, check.note) == (title, unit, note)  # kept as typed
    header, *rows = read_back(csv_bytes(ticks(couple)))
    assert header == ["day", "habit", "person", "status", "value", "unit", "note"]
    assert rows == [
        [day.isoformat(), guarded(stored.title), "Alex", "done", "2.5", guarded(stored.unit),
         guarded(check.note)]
    ]  # fmt: skip
    every = {t.file: read_back(csv_bytes(t)) for t in tables(couple, datetime.now(UTC))}
    assert every["habits.csv"][1][0] == guarded(stored.title)
