"""The weekly check-in's rules, on hand-made series and against simple oracles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.checkin.analysis import gaps, series, trend, weakest_area
from tracker.domain.checkin.model import (
    CLOSENESS,
    KEYS,
    LOW,
    LOW_RUN,
    SHARP_DROP,
    CheckIn,
    HelpSetting,
    check_rating,
    check_week,
    clean_checkin_note,
    help_card,
    help_triggers,
    iso_week,
    make_checkin,
    recent_weeks,
    shift_week,
    visible_to_me,
    week_label,
    week_monday,
    week_view,
)
from tracker.domain.models import Area

WED = date(2026, 11, 25)  # ISO week 2026-W48
TRUST = Area.TRUST.value


def rated(person: str, week: str, value: int = 3, **overrides: int) -> CheckIn:
    ratings = {key: value for key in KEYS}
    for name, rating in overrides.items():
        ratings[name.replace("_", " ")] = rating
    return CheckIn(person, week, ratings, {}, week_monday(week))


def weeks_from(first: str, count: int) -> list[str]:
    return [shift_week(first, n) for n in range(count)]


# -- weeks ------------------------------------------------------------------------


def test_iso_weeks_cross_the_new_year_as_iso_says() -> None:
    assert iso_week(WED) == "2026-W48"
    assert iso_week(date(2026, 12, 31)) == "2026-W53"  # 2026 has 53 ISO weeks
    assert iso_week(date(2027, 1, 3)) == "2026-W53"  # a Sunday still in last year's week
    assert iso_week(date(2027, 1, 4)) == "2027-W01"
    assert shift_week("2026-W53", 1) == "2027-W01"
    assert recent_weeks("2027-W01", 3) == ["2026-W52", "2026-W53", "2027-W01"]
    assert week_label("2026-W48") == "Week 48 · 23–29 Nov 2026"
    assert week_label("2026-W49") == "Week 49 · 30 Nov – 6 Dec 2026"
    assert week_label("2026-W53") == "Week 53 · 28 Dec 2026 – 3 Jan 2027"


@pytest.mark.parametrize("bad", ["2027-W53", "2026-W00", "W48", "2026-48", "", "[bold]"])
def test_impossible_weeks_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match=r"is not a week"):
        week_monday(bad)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)))
def test_every_day_belongs_to_the_week_starting_on_its_monday(day: date) -> None:
    week = iso_week(day)
    assert week_monday(week) == day - timedelta(days=day.weekday())
    assert shift_week(week, -1) < week < shift_week(week, 1)  # text order is time order


# -- what people type ------------------------------------------------------------


@pytest.mark.parametrize("good, expected", [(1, 1), ("5", 5), (" 3 ", 3), ("+4", 4)])
def test_ratings_from_one_to_five_are_taken(good: object, expected: int) -> None:
    assert check_rating(good, TRUST) == expected


@pytest.mark.parametrize(
    "bad, says",
    [
        (0, "0 is outside that"),
        ("6", "6 is outside that"),
        (-2, "-2 is outside that"),
        ("99999999999", "not “99999999999”"),
        ("three", "not “three”"),
        ("3.5", "not “3.5”"),
        ("", "not “nothing”"),
        (None, "not “None”"),
        (True, "not “nothing”"),
        ("[bold]4", "not “[bold]4”"),
    ],
)
def test_ratings_out_of_range_say_what_is_wrong(bad: object, says: str) -> None:
    with pytest.raises(ValueError, match=r"^Trust needs ") as caught:
        check_rating(bad, TRUST)
    assert str(caught.value).startswith("Trust needs")
    assert says in str(caught.value)


def test_notes_keep_what_was_typed_on_one_line_without_controls() -> None:
    typed = "  a [bold]long[/bold]\nweek\x1b[31m "
    assert clean_checkin_note(typed) == "a [bold]long[/bold] week[31m"
    assert clean_checkin_note("💑 ça va") == "💑 ça va"
    with pytest.raises(ValueError, match="keep it to 300"):
        clean_checkin_note("x" * 301, TRUST)


def test_a_check_in_needs_all_six_ratings_and_names_the_blank_ones() -> None:
    ratings: dict[str, object] = {key: 3 for key in KEYS}
    ratings[TRUST] = None
    ratings[CLOSENESS] = ""
    with pytest.raises(ValueError, match="still blank: trust, overall closeness"):
        make_checkin("a", WED, ratings)
    with pytest.raises(ValueError, match="no check-in area called “joy”"):
        make_checkin("a", WED, {**{k: 3 for k in KEYS}, "joy": 4})
    made = make_checkin("a", WED, {k: "4" for k in KEYS}, {TRUST: " fine ", CLOSENESS: "  "})
    assert made.week == "2026-W48" and made.day == WED and made.id == "checkin:a:2026-W48"
    assert made.notes == {TRUST: "fine"}
    assert CheckIn.from_data(made.to_data()) == made


def test_a_record_with_a_broken_rating_is_not_a_check_in() -> None:
    data = rated("a", "2026-W48").to_data()
    data["ratings"][TRUST] = 9
    with pytest.raises(ValueError, match=r"ratings\.trust: Expected `int` <= 5"):
        CheckIn.from_data(data)
    with pytest.raises(ValueError, match=r"week: 2026-W99 is not a week of that year\."):
        CheckIn.from_data({**rated("a", "2026-W48").to_data(), "week": "2026-W99"})


def test_only_the_week_you_are_in_can_be_answered() -> None:
    check_week("2026-W48", "2026-W48")
    with pytest.raises(ValueError, match="hasn't started yet"):
        check_week("2026-W49", "2026-W48")
    with pytest.raises(ValueError, match="is over"):
        check_week("2026-W47", "2026-W48")


# -- who sees what ------------------------------------------------------------------


@given(
    mine=st.booleans(),
    theirs=st.booleans(),
    offset=st.integers(min_value=-3, max_value=0),
)
def test_the_partner_shows_once_both_answered_or_the_week_is_over(
    mine: bool, theirs: bool, offset: int
) -> None:
    current = "2026-W48"
    week = shift_week(current, offset)
    my = rated("a", week, 2) if mine else None
    their = rated("b", week, 4) if theirs else None
    view = week_view(week, my, their, current, "Sam")
    over = week < current
    # The oracle: shown if it exists and (I answered, or the week is over).
    assert (view.theirs is not None) == (theirs and (mine or over))
    assert view.theirs_hidden == (theirs and not mine and not over)
    assert view.mine == my  # my own always shows
    shown = visible_to_me([their] if their else [], [my] if my else [], current)
    assert (shown != []) == (view.theirs is not None)


def test_the_notes_say_plainly_what_is_missing() -> None:
    current, last = "2026-W48", "2026-W47"
    mine, theirs = rated("a", current), rated("b", current)
    assert "Waiting for Sam" in week_view(current, mine, None, current, "Sam").note
    assert "Sam has checked in" in week_view(current, None, theirs, current, "Sam").note
    gone = week_view(last, rated("a", last), None, current, "Sam")
    assert gone.note == "Sam hasn't checked in for that week." and gone.mine is not None
    late = week_view(last, None, rated("b", last), current, "Sam")
    assert late.note == "You didn't check in that week." and late.theirs is not None


# -- trends, gaps, the weakest area ----------------------------------------------------


def test_trend_compares_the_last_four_check_ins_present() -> None:
    assert trend([None, 2, None, 3, 4, 4, 5]) is not None
    found = trend([None, 2, None, 3, 4, 4, 5])
    assert found is not None and (found.first, found.last, found.count) == (3, 5, 4)
    assert found.describe() == "up from 3 to 5"
    falling = trend([5, 4])
    assert falling is not None and falling.direction == -1
    steady = trend([3, 1, 5, 3])
    assert steady is not None and steady.direction == 0 and steady.describe() == "steady at 3"
    assert trend([None, 4, None]) is None and trend([]) is None


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=20))
def test_trend_matches_a_plain_reading(values: list[int | None]) -> None:
    present = [v for v in values if v is not None]
    found = trend(values)
    if len(present) < 2:
        assert found is None
        return
    window = present[-4:]
    assert found is not None
    assert (found.first, found.last, found.count) == (window[0], window[-1], len(window))
    expected = 1 if window[-1] > window[0] else -1 if window[-1] < window[0] else 0
    assert found.direction == expected


def test_series_lines_ratings_up_with_weeks() -> None:
    weeks = weeks_from("2026-W45", 4)
    checks = [rated("a", weeks[0], 2), rated("a", weeks[2], 4)]
    assert series(checks, TRUST, weeks) == [2, None, 4, None]


def test_gaps_of_two_or_more_are_worth_a_talk_widest_first() -> None:
    mine = rated("a", "2026-W48", 3, trust=4, communication=1)
    theirs = rated("b", "2026-W48", 3, trust=2, communication=4, priorities=4)
    found = gaps(mine, theirs)
    assert [(g.key, g.size) for g in found] == [("communication", 3), ("trust", 2)]
    assert found[1].describe("Sam") == ("You see trust differently (you 4, Sam 2) — worth a talk.")
    assert gaps(mine, mine) == []


@given(
    st.lists(st.integers(1, 5), min_size=6, max_size=6),
    st.lists(st.integers(1, 5), min_size=6, max_size=6),
)
def test_gaps_are_exactly_the_keys_two_apart(mine: list[int], theirs: list[int]) -> None:
    a = CheckIn("a", "2026-W48", dict(zip(KEYS, mine, strict=True)))
    b = CheckIn("b", "2026-W48", dict(zip(KEYS, theirs, strict=True)))
    expected = {k for k, x, y in zip(KEYS, mine, theirs, strict=True) if abs(x - y) >= 2}
    assert {g.key for g in gaps(a, b)} == expected


def test_the_weakest_area_is_the_lowest_sum_then_the_lowest_single_rating() -> None:
    week = "2026-W48"
    assert weakest_area([rated("a", week, 4, trust=2)]) is Area.TRUST
    # Sums tie at 6 (quality time 3+3, trust 5+1): the lower single rating wins.
    both = [
        rated("a", week, 4, quality_time=3, trust=5),
        rated("b", week, 4, quality_time=3, trust=1),
    ]
    assert weakest_area(both) is Area.TRUST
    # A full tie goes to the guide's order; closeness never counts as an area.
    assert weakest_area([rated("a", week, 3, closeness=1)]) is Area.COMMUNICATION
    assert weakest_area([]) is None


# -- the card suggesting professional help -------------------------------------------


def run_of(person: str, rows: list[dict[str, int]], first: str = "2026-W40") -> list[CheckIn]:
    weeks = weeks_from(first, len(rows))
    return [rated(person, week, 3, **row) for week, row in zip(weeks, rows, strict=True)]


def rules(checks: list[CheckIn]) -> set[tuple[str, str]]:
    return {(t.rule, t.key) for t in help_triggers(checks)}


def test_three_low_check_ins_in_a_row_raise_the_card() -> None:
    assert rules(run_of("a", [{"trust": 2}, {"trust": 2}, {"trust": 2}])) == {("low", TRUST)}
    assert rules(run_of("a", [{"trust": 2}, {"trust": 2}])) == set()
    assert rules(run_of("a", [{"trust": 2}, {"trust": 3}, {"trust": 2}])) == set()
    # Only the latest three count: an old low run that has since lifted is not a trigger.
    assert rules(run_of("a", [{"closeness": 1}] * 3 + [{}])) == set()
    # "In a row" means check-ins in a row: weeks skipped in between don't break the run.
    spaced = [rated("a", w, 3, quality_time=2) for w in ("2026-W30", "2026-W35", "2026-W44")]
    assert rules(spaced) == {("low", "quality time")}


def test_a_drop_of_two_points_from_one_check_in_to_the_next_raises_it() -> None:
    assert rules(run_of("a", [{"communication": 4}, {"communication": 2}])) == {
        ("drop", "communication")
    }
    assert rules(run_of("a", [{"communication": 5}, {"communication": 3}])) == {
        ("drop", "communication")
    }
    assert rules(run_of("a", [{"communication": 4}, {"communication": 3}])) == set()
    assert rules(run_of("a", [{"communication": 2}, {"communication": 4}])) == set()
    # An earlier drop is history once a later check-in holds steady.
    assert rules(run_of("a", [{"priorities": 5}, {"priorities": 3}, {"priorities": 3}])) == set()


def test_trust_at_one_raises_it_on_its_own() -> None:
    assert rules(run_of("a", [{"trust": 1}])) == {("trust", TRUST)}
    assert rules(run_of("a", [{"trust": 3}, {"trust": 1}])) == {("trust", TRUST), ("drop", TRUST)}
    assert rules([]) == set()


def test_dismissed_stays_dismissed_until_a_new_check_in_brings_it_back() -> None:
    checks = run_of("a", [{"trust": 1}])
    setting = HelpSetting()
    shown = help_card({"a": checks}, setting)
    assert [t.id for t in shown] == ["trust:a:trust:2026-W40"]
    setting = setting.dismiss(shown)
    assert help_card({"a": checks}, setting) == []
    assert HelpSetting.read(setting.enabled_data(), setting.dismissed_data()) == setting
    # Editing the same week keeps it dismissed; a new week's check-in brings it back.
    edited = [rated("a", "2026-W40", 2, trust=1)]
    assert help_card({"a": edited}, setting) == []
    later = [*checks, rated("a", "2026-W41", 3, trust=1)]
    assert [t.week for t in help_card({"a": later}, setting)] == ["2026-W41"]
    # Turned off, nothing shows whatever the ratings say.
    assert help_card({"a": later}, HelpSetting(enabled=False)) == []


def test_the_partners_check_ins_count_too_and_say_whose() -> None:
    mine = run_of("a", [{}])
    theirs = run_of("b", [{"trust": 1}])
    (found,) = help_card({"a": mine, "b": theirs}, HelpSetting())
    assert found.person == "b"
    assert found.reason("Sam", me=False) == "Sam rated trust 1 in their latest check-in."


def test_a_damaged_setting_falls_back_to_showing_the_card() -> None:
    assert HelpSetting.read({"enabled": "no"}, {"dismissed": "x"}) == HelpSetting()
    assert HelpSetting.read(None, None) == HelpSetting()
    assert HelpSetting.read({"enabled": False}, None).enabled is False


ratings_row = st.fixed_dictionaries({key: st.integers(1, 5) for key in KEYS})


@given(st.lists(ratings_row, min_size=0, max_size=8), st.permutations(range(8)))
def test_help_triggers_match_a_plain_reading_of_the_rules(
    rows: list[dict[str, int]], order: list[int]
) -> None:
    weeks = weeks_from("2026-W01", len(rows))
    checks = [CheckIn("a", w, r) for w, r in zip(weeks, rows, strict=True)]
    shuffled = [checks[i] for i in order if i < len(checks)]  # any order in, same answer
    expected: set[tuple[str, str]] = set()
    if rows:
        last = rows[-1]
        for key in KEYS:
            if len(rows) >= LOW_RUN and all(r[key] <= LOW for r in rows[-LOW_RUN:]):
                expected.add(("low", key))
            if len(rows) >= 2 and rows[-2][key] - last[key] >= SHARP_DROP:
                expected.add(("drop", key))
        if last[TRUST] == 1:
            expected.add(("trust", TRUST))
    assert rules(shuffled) == expected
    assert all(t.week == (weeks[-1] if weeks else "") for t in help_triggers(shuffled))
