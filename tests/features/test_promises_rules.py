"""Promises, repairs and appreciations: due dates, settling, renegotiating, reliability."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.domain.checkin.promises import (
    Appreciation,
    Promise,
    PromiseStatus,
    due_by,
    make_appreciation,
    make_promise,
    make_repair,
    parse_due,
    reliability,
    renegotiate,
    settle,
    weekly_counts,
)

WED = date(2026, 11, 25)


@pytest.mark.parametrize(
    "said, expected",
    [
        ("today", WED),
        ("Tomorrow", WED + timedelta(days=1)),
        ("friday", date(2026, 11, 27)),
        ("FRI", date(2026, 11, 27)),
        ("wednesday", date(2026, 12, 2)),  # the next one after today
        ("in 3 days", WED + timedelta(days=3)),
        ("2 weeks", WED + timedelta(days=14)),
        ("2026-12-01", date(2026, 12, 1)),
        ("2028-02-29", date(2028, 2, 29)),
        (" 2026-12-1 ", date(2026, 12, 1)),
    ],
)
def test_due_dates_people_say(said: str, expected: date) -> None:
    assert parse_due(said, WED) == expected


@pytest.mark.parametrize(
    "said, says",
    [
        ("", "Say by when"),
        ("   ", "Say by when"),
        ("2026-02-30", "February 2026 has 28 days"),
        ("2027-02-29", "February 2027 has 28 days"),
        ("2026-13-01", "no month 13"),
        ("2026-11-24", "has already passed"),
        ("yesterday", "has already passed"),
        ("2029-01-01", "more than two years away"),
        ("in 9999 days", "more than two years away"),
        ("next blue moon", "is not a date"),
        ("[bold]soon[/bold]", "is not a date"),
        ("x" * 5000, "is not a date"),
    ],
)
def test_impossible_or_past_due_dates_say_why(said: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        parse_due(said, WED)


def promise(**changes: object) -> Promise:
    made = make_promise("promise:abc", "Book the table for Saturday", "a", "b", "friday", WED)
    return replace(made, **changes)  # type: ignore[arg-type]


def test_a_promise_is_made_with_its_words_kept_as_typed_on_one_line() -> None:
    made = make_promise("promise:1", "  fix the\n[link=x]bike[/link]\x07 ", "a", "b", "today", WED)
    assert made.text == "fix the [link=x]bike[/link]"
    assert (made.by, made.to, made.due, made.made) == ("a", "b", WED, WED)
    assert made.status is PromiseStatus.OPEN and made.active
    with pytest.raises(ValueError, match="in a few words"):
        make_promise("promise:1", " \x1b ", "a", "b", "today", WED)
    with pytest.raises(ValueError, match="200 characters"):
        make_promise("promise:1", "é" * 201, "a", "b", "today", WED)


def test_settled_promises_stay_settled() -> None:
    kept = settle(promise(), True, WED)
    assert kept.status is PromiseStatus.KEPT and kept.closed == WED and not kept.active
    assert [h["event"] for h in kept.history] == ["made", "kept"]
    with pytest.raises(ValueError, match="already marked kept"):
        settle(kept, False, WED)
    with pytest.raises(ValueError, match="already marked kept"):
        renegotiate(kept, "tomorrow", WED)


def test_renegotiating_moves_the_date_and_keeps_the_old_one() -> None:
    first = promise()
    moved = renegotiate(first, "2026-12-05", WED + timedelta(days=1))
    assert moved.due == date(2026, 12, 5)
    assert moved.status is PromiseStatus.RENEGOTIATED and moved.active
    assert moved.history[-1] == {
        "on": "2026-11-26",
        "event": "renegotiated",
        "from": "2026-11-27",
        "to": "2026-12-05",
    }
    with pytest.raises(ValueError, match="already due on 2026-12-05"):
        renegotiate(moved, "2026-12-05", WED)
    with pytest.raises(ValueError, match="already passed"):
        renegotiate(moved, "2026-11-01", WED)
    done = settle(moved, True, date(2026, 12, 5))
    assert done.status is PromiseStatus.KEPT and len(done.history) == 3


def test_fields_from_other_features_travel_through_untouched() -> None:
    data = {
        "text": "Call your mum on Sunday",
        "by": "b",
        "to": "a",
        "due": "2026-11-29",
        "status": "open",
        "made": "2026-11-20",
        "talk": "talk:123abc",
        "follow_up": 2,
    }
    read = Promise.from_data("promise:xyz", data)
    assert read.history == () and read.closed is None
    written = settle(read, False, WED).to_data()
    assert written["talk"] == "talk:123abc" and written["follow_up"] == 2
    assert written["status"] == "broken" and written["closed"] == "2026-11-25"
    assert Promise.from_data("promise:xyz", written).extra == {
        "talk": "talk:123abc",
        "follow_up": 2,
    }
    with pytest.raises(ValueError, match=r"status: Invalid enum value 'forgotten'"):
        Promise.from_data("promise:bad", {**data, "status": "forgotten"})
    with pytest.raises(KeyError, match=r"'by'"):
        Promise.from_data("promise:bad", {"text": "no dates"})


def test_due_by_lists_open_promises_due_or_overdue_soonest_first() -> None:
    soon = promise(id="promise:1", due=WED)
    late = promise(id="promise:2", due=WED - timedelta(days=3))
    later = promise(id="promise:3", due=WED + timedelta(days=1))
    kept = settle(promise(id="promise:4", due=WED), True, WED)
    assert [p.id for p in due_by([soon, later, late, kept], WED)] == ["promise:2", "promise:1"]
    assert late.overdue(WED) and not soon.overdue(WED) and not kept.overdue(WED + timedelta(9))


def test_reliability_counts_promises_settled_in_the_window() -> None:
    def closed(by: str, status: PromiseStatus, days_ago: int) -> Promise:
        return promise(by=by, status=status, closed=WED - timedelta(days=days_ago))

    found = [
        closed("a", PromiseStatus.KEPT, 0),
        closed("a", PromiseStatus.KEPT, 29),  # the 30th day counting today: inside
        closed("a", PromiseStatus.BROKEN, 30),  # the 31st: outside 30, inside 90
        closed("a", PromiseStatus.BROKEN, 90),  # outside both
        closed("a", PromiseStatus.KEPT, -1),  # tomorrow, from a clock running ahead: not yet
        closed("b", PromiseStatus.BROKEN, 1),  # Sam's: not Alex's rate
        promise(by="a"),  # still open: neither
        promise(by="a", status=PromiseStatus.RENEGOTIATED),  # moved, honestly: neither
    ]
    month = reliability(found, "a", WED, 30)
    assert (month.kept, month.broken, month.rate) == (2, 0, 1.0)
    quarter = reliability(found, "a", WED, 90)
    assert (quarter.kept, quarter.broken) == (2, 1)
    assert quarter.rate == pytest.approx(2 / 3)
    assert quarter.describe() == "67% (2 of 3 kept)"
    nothing = reliability(found, "b", WED, 30)
    assert nothing.rate == 0.0 and reliability([], "a", WED, 30).rate is None
    assert reliability([], "a", WED, 30).describe() == "nothing settled yet"


settled_promise = st.tuples(
    st.sampled_from(["a", "b"]),
    st.sampled_from(list(PromiseStatus)),
    st.one_of(st.none(), st.integers(min_value=-5, max_value=200)),
)


@given(st.lists(settled_promise, max_size=30), st.sampled_from([30, 90]))
def test_reliability_matches_counting_by_hand(
    rows: list[tuple[str, PromiseStatus, int | None]], days: int
) -> None:
    found = [
        promise(
            id=f"promise:{n}",
            by=by,
            status=status,
            closed=None if ago is None else WED - timedelta(days=ago),
        )
        for n, (by, status, ago) in enumerate(rows)
    ]
    inside = [(s, ago) for by, s, ago in rows if by == "a" and ago is not None and 0 <= ago < days]
    kept = sum(1 for s, _ in inside if s is PromiseStatus.KEPT)
    broken = sum(1 for s, _ in inside if s is PromiseStatus.BROKEN)
    rate = reliability(found, "a", WED, days)
    assert (rate.kept, rate.broken) == (kept, broken)
    assert rate.rate == (kept / (kept + broken) if kept + broken else None)


def test_repairs_need_both_the_apology_and_what_will_change() -> None:
    repair = make_repair("repair:1", "a", "b", WED, "Sorry I snapped", " I'll say when I'm tired ")
    assert repair.change == "I'll say when I'm tired"
    with pytest.raises(ValueError, match="what will change"):
        make_repair("repair:1", "a", "b", WED, "Sorry", "   ")


def test_appreciations_count_by_the_week_they_were_written() -> None:
    items = [
        make_appreciation("appreciation:1", "a", "b", WED, "the tea"),
        make_appreciation("appreciation:2", "a", "b", date(2026, 11, 29), "the walk"),
        make_appreciation("appreciation:3", "a", "b", date(2026, 11, 30), "next week"),
        make_appreciation("appreciation:4", "b", "a", date(2026, 11, 23), "the call"),
    ]
    assert weekly_counts(items, "2026-W48") == {"a": 2, "b": 1}
    assert Appreciation.from_data("appreciation:1", items[0].to_data()) == items[0]
    with pytest.raises(ValueError, match="300 characters"):
        make_appreciation("appreciation:5", "a", "b", WED, "x" * 301)
