"""The idea jar: every idea becomes a date, "surprise me" is fair, own ideas are checked."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.content.ideas import IDEAS, IdeaKind
from tracker.domain.dates.input import date_from_draft
from tracker.domain.dates.jar import (
    JarIdea,
    coming_saturday,
    draft_from_idea,
    idea_from_text,
    jar,
    recently_used,
    surprise,
)
from tracker.domain.dates.model import DateKind, DateNight, DateStatus, Mark

WEDNESDAY = date(2026, 11, 25)


def test_the_jar_holds_our_ideas_on_every_shelf_and_own_ideas_first() -> None:
    own = idea_from_text("idea:1", "Dance in the kitchen", IdeaKind.HOME, "0.5")
    found = jar([own])
    assert found[0] == own and own.own
    counts = Counter(i.kind for i in found[1:])
    assert sum(counts.values()) >= 60 and set(counts) == set(IdeaKind)


@pytest.mark.parametrize("idea", IDEAS, ids=lambda i: i.key)
def test_every_idea_becomes_a_valid_date_this_coming_saturday(idea: object) -> None:
    item = JarIdea.of(idea)  # type: ignore[arg-type]
    dn = date_from_draft(draft_from_idea(item, WEDNESDAY, "Europe/London"), "date:x", "UTC", "a")
    assert dn.first_day == date(2026, 11, 28) and dn.idea == item.key
    assert dn.title == item.title
    if item.kind is IdeaKind.GETAWAY:
        assert dn.kind is DateKind.GETAWAY and dn.days == item.minutes // (24 * 60)
    else:
        assert dn.minutes == item.minutes and dn.tz == "Europe/London"


@given(st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_coming_saturday_is_the_next_one(today: date) -> None:
    saturday = coming_saturday(today)
    assert saturday.weekday() == 5 and 1 <= (saturday - today).days <= 7


def test_surprise_leaves_out_the_used_and_falls_back_when_all_are() -> None:
    ideas = jar([])
    shelf = [i for i in ideas if i.kind is IdeaKind.UNPLUGGED]
    used = {i.key for i in shelf[1:]}
    rng = random.Random(1)
    assert {surprise(ideas, used, rng, IdeaKind.UNPLUGGED) for _ in range(30)} == {shelf[0]}
    every = {i.key for i in shelf}
    drawn = {surprise(ideas, every, rng, IdeaKind.UNPLUGGED) for _ in range(300)}
    assert {i.key for i in drawn if i} == every
    assert surprise([], set(), rng) is None


def test_recently_used_means_done_lately_or_still_ahead() -> None:
    def dated(key: str, day: date) -> DateNight:
        return DateNight(
            f"date:{key}", key, "UTC", datetime(day.year, day.month, day.day, 19), idea=key
        )

    old, recent, ahead, off = (
        dated("old", date(2026, 5, 1)),
        dated("recent", date(2026, 10, 1)),
        dated("ahead", date(2027, 2, 1)),
        dated("off", date(2026, 11, 1)),
    )
    marks = {off.id: {off.first_day: Mark(off.id, off.first_day, DateStatus.CANCELLED)}}
    assert recently_used([old, recent, ahead, off], marks, WEDNESDAY) == {"recent", "ahead"}


@pytest.mark.parametrize(
    ("title", "kind", "length", "message"),
    [
        ("", IdeaKind.HOME, "2", "name"),
        ("x" * 61, IdeaKind.HOME, "2", "60 characters"),
        ("Walk", IdeaKind.OUT, "lots", "not a length"),
        ("Away", IdeaKind.GETAWAY, "0", "from 1 to 14"),
    ],
)
def test_own_ideas_are_checked(title: str, kind: IdeaKind, length: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        idea_from_text("idea:1", title, kind, length)


def test_own_getaway_counts_days_and_round_trips() -> None:
    idea = idea_from_text("idea:1", "Cabin [b]", IdeaKind.GETAWAY, "3", "Snow\x1b", "b")
    assert (
        idea.minutes == 3 * 24 * 60
        and idea.description == "Snow"
        and idea.length_text() == "3 days"
    )
    assert JarIdea.from_data(idea.key, idea.to_data()) == idea
