"""`rekindle import csv FILE`: `date,habit,value` rows from any tracker or spreadsheet."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import Couples, RunHere
from tests.features.test_import_loop import reopened, snapshot
from tests.voice import banned_words_in
from tracker.domain.habits.import_csv import csv_source
from tracker.domain.habits.imports import ImportRefused, SourceTick
from tracker.domain.models import CheckStatus, HabitKind
from tracker.domain.text import single_line

DONE, SKIP = ("", "yes", "1", "YES"), ("skip", "Skip")


def as_csv(rows: list[tuple[str, str, str]], header: str = "date,habit,value") -> str:
    out = io.StringIO(newline="")
    out.write(header + "\r\n")
    csv.writer(out).writerows(rows)
    return out.getvalue()


# Names as people type them, commas, quotes, line breaks and emoji included (not NUL, which
# no spreadsheet writes; surrogates cannot be UTF-8).
names = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30
).filter(lambda name: bool(single_line(name)))
values = st.one_of(
    st.sampled_from(DONE + SKIP),
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(repr),
)
rows = st.lists(
    st.tuples(st.integers(0, 2000), names, values),
    min_size=1,
    max_size=25,
    unique_by=lambda row: (row[0], single_line(row[1]).casefold()),
)


@settings(max_examples=150, deadline=None)
@given(rows)
def test_any_names_and_values_come_back_as_written(found: list[tuple[int, str, str]]) -> None:
    first = date(2020, 1, 1)
    written = [((first + timedelta(n)).isoformat(), name, value) for n, name, value in found]
    source = csv_source(as_csv(written))
    # The oracle: one habit per name (as one line, any case), spelt as first written;
    # measurable when any value is a number other than 1.
    spelling: dict[str, str] = {}
    for _day, name, _value in written:
        spelling.setdefault(single_line(name).casefold(), single_line(name))
    plain = {w.casefold() for w in DONE + SKIP}
    measurable = {single_line(n).casefold() for _d, n, v in written if v.casefold() not in plain}
    assert {h.key: h.title for h in source.habits} == spelling
    assert {h.key for h in source.habits if h.kind is HabitKind.MEASURABLE} == measurable
    expected = set()
    for day_text, name, value in written:
        key = single_line(name).casefold()
        if value.casefold() == "skip":
            tick = SourceTick(key, date.fromisoformat(day_text), CheckStatus.SKIP)
        elif key in measurable and value.casefold() not in ("", "yes"):
            tick = SourceTick(key, date.fromisoformat(day_text), value=float(value))
        else:
            tick = SourceTick(key, date.fromisoformat(day_text))
        expected.add(tick)
    assert set(source.ticks) == expected


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("day,name,value\n2024-01-01,Walk,\n", "Rekindle reads a CSV whose first line is"),
        ("", "Rekindle reads a CSV whose first line is"),
        ("date,habit,value\n", "The file has no rows under its header"),
        ("date,habit,value\n01/02/2024,Walk,\n", "Line 2: “01/02/2024” isn't a day"),
        ("date,habit,value\n2024-01-01,Walk,lots\n", "Line 2: “lots” isn't a value"),
        ("date,habit,value\n2024-01-01,Walk,-3\n", "Line 2: “-3” isn't a value"),
        ("date,habit,value\n2024-01-01,Walk,nan\n", "Line 2: “nan” isn't a value"),
        ("date,habit,value\n2024-01-01\n", "Line 2 has 1 fields"),
        ("date,habit,value\n2024-01-01, ,\n", "Line 2 has no habit name."),
        ('date,habit,value\n2024-01-01,"Walk\n', "isn't proper CSV"),
        ("date,habit\n2024-01-01,Walk\n2024-01-01,walk\n", "is in the file twice"),
    ],
)
def test_a_bad_line_is_named_in_one_sentence(text: str, sentence: str) -> None:
    with pytest.raises(ImportRefused, match=sentence) as refused:
        csv_source(text)
    assert banned_words_in(str(refused.value)) == []


@pytest.fixture
def alex(couples: Couples) -> Path:
    couples.create(config="alex").store.close()
    return couples.tmp_path / "alex"


def test_a_spreadsheet_comes_in_once(alex: Path, rekindle_here: RunHere) -> None:
    sheet = alex.parent / "from-streaks.csv"
    sheet.write_text(
        "\ufeffDate,Habit,Value\n"  # as Excel saves "CSV UTF-8": a BOM and its own case
        '2024-05-01,"Tea, in bed",\n2024-05-02,"Tea, in bed",skip\n'
        "2024-05-01,Minutes outside 🌳,25\n2024-05-03,Minutes outside 🌳,1\n",
        encoding="utf-8",
    )
    said = rekindle_here(alex, "import", "csv", str(sheet), "--as", "b", "--yes").ok()
    assert "Done: 2 new habits and 4 ticks brought in for Sam." in said
    couple = reopened(alex)
    habits = {h.title: h for h in couple.habits()}
    tea, outside = habits["Tea, in bed"], habits["Minutes outside 🌳"]
    assert tea.kind is HabitKind.YES_NO and outside.kind is HabitKind.MEASURABLE
    ticks = couple.checks_by()["b"]
    assert [c.status for c in ticks[tea.id].values()] == [CheckStatus.DONE, CheckStatus.SKIP]
    assert {c.day: c.value for c in ticks[outside.id].values()} == {
        date(2024, 5, 1): 25.0,
        date(2024, 5, 3): 1.0,
    }
    couple.store.close()
    files = snapshot(alex.parent / "data")
    again = rekindle_here(alex, "import", "csv", str(sheet), "--as", "b", "--yes").ok()
    assert "All of it is here already" in again
    assert snapshot(alex.parent / "data") == files


def test_a_wrong_header_leaves_the_folder_as_it_was(alex: Path, rekindle_here: RunHere) -> None:
    sheet = alex.parent / "export.csv"
    sheet.write_text("when,what\n2024-05-01,Walk\n", encoding="utf-8")
    files = snapshot(alex.parent / "data")
    ran = rekindle_here(alex, "import", "csv", str(sheet), "--yes")
    assert ran.refused() == (
        "rekindle: Rekindle reads a CSV whose first line is “date,habit,value”; this file starts "
        "with “when,what”."
    )
    assert snapshot(alex.parent / "data") == files


def test_a_file_that_is_not_utf8_is_refused(alex: Path, rekindle_here: RunHere) -> None:
    sheet = alex.parent / "latin.csv"
    sheet.write_bytes("date,habit,value\n2024-05-01,Café,\n".encode("latin-1"))
    ran = rekindle_here(alex, "import", "csv", str(sheet), "--yes")
    assert ran.refused() == "rekindle: latin.csv isn't UTF-8 text; save it as UTF-8 CSV."
