"""A number and its noun agree everywhere: "1 day", never "1 days"; "2 days", never "2 day"."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.dates.views import QualityTime
from tracker.domain.goals.values import horizon_label
from tracker.domain.habits.schedule import streak_words
from tracker.domain.text import count
from tracker.ui.screens.sync import ago

NOUNS = st.sampled_from(["day", "week", "tick", "promise", "stretch", "box", "unplugged evening"])


@given(n=st.integers(0, 10**7), word=NOUNS)
def test_one_thing_is_singular_and_any_other_number_plural(n: int, word: str) -> None:
    said = count(n, word)
    number, _, noun = said.partition(" ")
    assert int(number.replace(",", "")) == n
    if n == 1:
        assert noun == word
    else:
        assert noun.startswith(word) and noun != word
        assert noun.endswith("es" if word[-1] in "hx" else "s")


def test_a_plural_of_its_own_is_used_as_given() -> None:
    assert count(1, "person", "people") == "1 person"
    assert count(3, "person", "people") == "3 people"


@pytest.mark.parametrize(
    ("length", "unit", "said"),
    [
        (1, "days", "1 day"),
        (2, "days", "2 days"),
        (0, "weeks", "0 weeks"),
        (1, "weeks", "1 week"),
        (1, "stretches", "1 stretch"),
        (4, "stretches", "4 stretches"),
    ],
)
def test_streaks_read_naturally(length: int, unit: str, said: str) -> None:
    assert streak_words(length, unit) == said


def test_places_that_count_say_one_thing_in_the_singular() -> None:
    one = QualityTime(date(2026, 3, 1), 120, evenings=1, unplugged=1, days_away=1, planned=0)
    assert one.text() == "March: 2 h together on 1 date · 1 unplugged evening · 1 day away"
    two = QualityTime(date(2026, 3, 1), 240, evenings=2, unplugged=0, days_away=2, planned=0)
    assert two.text() == "March: 4 h together on 2 dates · 0 unplugged evenings · 2 days away"
    assert horizon_label(1) == "1 year"
    assert horizon_label(5) == "5 years"
    now = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    stamp = int((now - timedelta(hours=1, minutes=5)).timestamp() * 1000)
    assert ago(stamp, now) == "1 hour ago"
    stamp = int((now - timedelta(days=3)).timestamp() * 1000)
    assert ago(stamp, now) == "3 days ago"
