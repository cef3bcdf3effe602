"""The day weeks begin on before the couple chooses: from the locale, as glibc has it."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.tools import cannot, find_tool
from tracker.domain.days import MONDAY, SUNDAY
from tracker.domain.weeks import (
    chosen_first_weekday,
    first_weekday_of_locale,
    locale_first_weekday,
    time_locale,
)

GLIBC_SOURCES = Path("/usr/share/i18n/locales")


@pytest.mark.parametrize(
    ("name", "first"),
    [
        ("en_US.UTF-8", SUNDAY),
        ("en_US", SUNDAY),
        ("en-US", SUNDAY),
        ("pt_BR.utf8", SUNDAY),
        ("en_IN.UTF-8", SUNDAY),
        ("en_GB.UTF-8", MONDAY),
        ("de_DE@euro", MONDAY),
        ("fr_FR.ISO-8859-1", MONDAY),
        ("bo_IN.UTF-8", MONDAY),  # Tibetan in India: Monday, unlike India's other locales
        ("ar_EG.UTF-8", MONDAY),  # Saturday there: only Monday and Sunday are offered
        ("C", MONDAY),
        ("C.UTF-8", MONDAY),
        ("POSIX", MONDAY),
        ("", MONDAY),
        ("english", MONDAY),
    ],
)
def test_the_locale_names_the_first_weekday(name: str, first: int) -> None:
    assert first_weekday_of_locale(name) == first


def test_the_locale_for_dates_is_chosen_as_posix_says() -> None:
    everything = {"LC_ALL": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"}
    assert time_locale(everything) == "en_US.UTF-8"
    assert time_locale({**everything, "LC_ALL": ""}) == "en_GB.UTF-8"
    assert time_locale({"LANG": "en_US.UTF-8"}) == "en_US.UTF-8"
    assert time_locale({}) == ""
    assert locale_first_weekday({"LC_TIME": "en_GB.UTF-8", "LANG": "en_US.UTF-8"}) == MONDAY
    assert locale_first_weekday({"LANG": "en_US.UTF-8"}) == SUNDAY


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(), st.lists))
def test_a_stored_choice_names_monday_or_sunday_or_nothing(value: object) -> None:
    """A partner's file may hold anything under "first": never a crash, never a third day."""
    assert chosen_first_weekday({"first": value}) in (None, MONDAY, SUNDAY)


def test_a_stored_choice_is_read_back() -> None:
    assert chosen_first_weekday({"first": "sunday"}) == SUNDAY
    assert chosen_first_weekday({"first": "monday"}) == MONDAY
    assert chosen_first_weekday({"first": "Sunday "}) is None  # written only by us, exactly
    assert chosen_first_weekday({}) is None


# Locales on both sides, and the ones where a territory's languages disagree.
REAL_LOCALES = ["en_US", "en_GB", "de_DE", "pt_BR", "ja_JP", "en_IN", "bo_IN", "niu_NZ"]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The locales above, compiled from this machine's glibc sources into a folder of
    their own (LOCPATH), so no system locale needs installing."""
    localedef = shutil.which("localedef")
    if localedef is None or not GLIBC_SOURCES.is_dir():
        cannot("glibc's localedef and its locale sources are not installed")
    folder = tmp_path_factory.mktemp("locales")
    for name in REAL_LOCALES:
        subprocess.run(
            [localedef, "-i", name, "-f", "UTF-8", str(folder / f"{name}.UTF-8")],
            check=True,
            capture_output=True,
        )
    return folder


@pytest.mark.parametrize("name", REAL_LOCALES)
def test_the_rule_agrees_with_glibc(name: str, compiled: Path) -> None:
    """glibc's own answer: week-1stday is a date whose weekday is day 1, and first_weekday
    counts from it."""
    answer = subprocess.run(
        [find_tool("locale"), "week-1stday", "first_weekday"],
        env={**os.environ, "LOCPATH": str(compiled), "LC_ALL": f"{name}.UTF-8"},
        check=True,
        capture_output=True,
        text=True,
    )
    day_one, first = answer.stdout.split()
    assert "Cannot set" not in answer.stderr, answer.stderr  # the locale really loaded
    weekday = date(int(day_one[:4]), int(day_one[4:6]), int(day_one[6:])).weekday()
    glibc = (weekday + int(first) - 1) % 7
    assert glibc in (MONDAY, SUNDAY)
    assert first_weekday_of_locale(f"{name}.UTF-8") == glibc
