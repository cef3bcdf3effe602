""" "Since you were last here": how what the partner did becomes one short line.

Every moment here is fixed (a Wednesday evening in London), never today's date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.reminders.since import (
    MOST_PARTS,
    NAME_WIDTH,
    PartnerNews,
    Plan,
    PlanKind,
    day_words,
    news_parts,
    since_line,
    since_words,
)

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 25, 20, 0, tzinfo=LONDON)  # Wednesday evening
TODAY = date(2026, 11, 25)


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("last", "said"),
    [
        (at(25, 9), "earlier this morning"),
        (at(25, 13), "earlier this afternoon"),
        (at(25, 18), "earlier this evening"),
        (at(24, 19), "yesterday evening"),
        (at(24, 7), "yesterday morning"),
        (at(24, 23), "last night"),
        # 02:00 on Wednesday is still Tuesday's night: the day starts at 04:00.
        (at(25, 2), "last night"),
        (at(25, 4), "earlier this morning"),
        (at(22, 20), "Sunday evening"),
        (at(19, 15), "Thursday afternoon"),
        (at(23, 1), "Sunday night"),
        (at(18, 20), "18 November"),
        (at(3, 12), "3 November"),
        (at(20, 12, year=2025), "20 November 2025"),
    ],
)
def test_since_when_is_said_as_a_person_would(last: datetime, said: str) -> None:
    assert since_words(last, NOW, 4) == said


def test_late_at_night_the_same_night_is_earlier_tonight() -> None:
    assert since_words(at(25, 23), at(26, 1), 4) == "earlier tonight"


@pytest.mark.parametrize(
    ("day", "said"),
    [
        (TODAY, "today"),
        (TODAY + timedelta(days=1), "tomorrow"),
        (TODAY + timedelta(days=3), "Saturday"),
        (TODAY + timedelta(days=6), "Tuesday"),
        (TODAY + timedelta(days=7), "2 December"),
        (date(2027, 1, 9), "9 January 2027"),
    ],
)
def test_a_plans_day(day: date, said: str) -> None:
    assert day_words(day, TODAY) == said


WALK = Plan(PlanKind.DATE, "Walk by the river", TODAY + timedelta(days=3))
TALK = Plan(PlanKind.TALK, "Weekly talk", TODAY + timedelta(days=4))


@pytest.mark.parametrize(
    ("news", "said"),
    [
        (PartnerNews(ticked=("Hug",)), "Sam ticked “Hug”."),
        (PartnerNews(ticked=("Hug", "Hug", "Hug")), "Sam ticked “Hug” 3 times."),
        (PartnerNews(ticked=("Hug", "Walk", "Tea")), "Sam ticked 3 habits."),
        (PartnerNews(ticked=("Hug", "Walk", "Hug", "Hug")), "Sam ticked 2 habits 4 times."),
        (
            PartnerNews(checkins=1, answered_this_week=True),
            "Sam answered this week's check-in.",
        ),
        (PartnerNews(checkins=1), "Sam answered a check-in."),
        (PartnerNews(checkins=2, answered_this_week=True), "Sam answered 2 check-ins."),
        (PartnerNews(thanks=("the soup",)), "Sam thanked you for “the soup”."),
        (PartnerNews(thanks=("soup", "tea")), "Sam thanked you 2 times."),
        (PartnerNews(plans=(WALK,)), "Sam planned “Walk by the river” for Saturday."),
        (PartnerNews(plans=(WALK, TALK)), "Sam planned a date and a talk."),
        (PartnerNews(plans=(WALK, WALK, TALK, TALK)), "Sam planned 2 dates and 2 talks."),
        (PartnerNews(plans=(TALK, TALK)), "Sam planned 2 talks."),
        (PartnerNews(promised=1), "Sam made you a promise."),
        (PartnerNews(kept=2), "Sam kept 2 promises."),
        (
            PartnerNews(
                ticked=("a", "b", "c", "d", "e"), checkins=1, answered_this_week=True, plans=(WALK,)
            ),
            "Sam ticked 5 habits, answered this week's check-in and planned “Walk by the river” "
            "for Saturday.",
        ),
        # More than three kinds of news: two, and the rest summed up.
        (
            PartnerNews(ticked=("Hug",), checkins=1, thanks=("soup", "tea"), promised=1, kept=1),
            "Sam ticked “Hug”, answered a check-in and 4 more things.",
        ),
    ],
)
def test_what_sam_did_in_one_line(news: PartnerNews, said: str) -> None:
    assert since_line("Sam", news, at(24, 19), NOW, 4) == f"Since yesterday evening: {said}"


def test_nothing_to_tell_is_no_line() -> None:
    assert since_line("Sam", PartnerNews(), at(24, 19), NOW, 4) is None


def test_a_long_title_and_name_are_cut_not_wrapped_on() -> None:
    news = PartnerNews(thanks=("making the whole weekend about me, with the kids away",))
    line = since_line("Samantha Alexandra Hargreaves-Smith", news, at(24, 19), NOW, 4)
    assert line == (
        "Since yesterday evening: Samantha Alexandra… thanked you for “making the whole weeken…”."
    )


titles = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=90)
plans = st.builds(
    Plan,
    st.sampled_from(PlanKind),
    titles,
    st.dates(min_value=TODAY, max_value=TODAY + timedelta(days=800)),
)
all_news = st.builds(
    PartnerNews,
    ticked=st.lists(st.sampled_from(["Hug", "Walk", "Tea", "Thanks"]), max_size=30).map(tuple),
    checkins=st.integers(0, 3),
    answered_this_week=st.booleans(),
    thanks=st.lists(titles, max_size=5).map(tuple),
    plans=st.lists(plans, max_size=5).map(tuple),
    promised=st.integers(0, 4),
    kept=st.integers(0, 4),
)
names = st.sampled_from(["Sam", "[b]Sam[/b]", "[link=http://x]Sam[/]", "Zoë", "a" * 40])


@given(news=all_news, name=names)
def test_the_line_counts_what_happened_and_stays_short(news: PartnerNews, name: str) -> None:
    line = since_line(name, news, at(24, 19), NOW, 4)
    if news.total == 0:
        assert line is None
        return
    assert line is not None
    # The name as typed (cut if long), never changed into anything else.
    assert f": {name[: NAME_WIDTH - 1]}" in line
    # Every thing is counted once, told or summed up ("and N more things").
    parts = news_parts(news, TODAY)
    assert sum(part.things for part in parts) == news.total
    told = [p.words for p in parts] if len(parts) <= MOST_PARTS else [p.words for p in parts[:2]]
    assert all(words in line for words in told)
    if len(parts) > MOST_PARTS:
        summed = sum(p.things for p in parts[2:])
        assert re.search(rf"and {summed} more things?\.$", line)
    # Never a wall of text: within two rows of an 80-column screen.
    assert len(line) <= 160
