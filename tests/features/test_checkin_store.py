"""Check-ins, promises and thanks in a real folder, written by two partners' devices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import Couples
from tracker.domain.checkin.model import KEYS, CheckIn, HelpSetting, iso_week, make_checkin
from tracker.domain.checkin.promises import make_appreciation, make_promise, settle
from tracker.domain.models import Area, Person
from tracker.store import checkins as store
from tracker.store.couple import Couple
from tracker.store.settings import get_setting, put_setting
from tracker.store.store import Store

WED = date(2026, 11, 25)
WEEK = "2026-W48"
TRUST = Area.TRUST.value


@pytest.fixture
def pair(couples: Couples) -> tuple[Couple, Couple]:
    """Alex's computer and Sam's, set up the way people do it: init, then join."""
    alex = couples.create(config="alex-config")
    sam = couples.join(config="sam-config")
    assert (alex.me, sam.me) == ("a", "b")
    assert alex.store.replica_id != sam.store.replica_id
    return alex, sam


def rate(person: str, day: date, value: int = 3, **overrides: int) -> CheckIn:
    ratings: dict[str, object] = {key: value for key in KEYS}
    ratings.update({k.replace("_", " "): v for k, v in overrides.items()})
    return make_checkin(person, day, ratings)


def synced(*couples: Couple) -> None:
    for couple in couples:
        couple.store.refresh()


def test_ratings_stay_hidden_until_both_partners_have_checked_in(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.save_checkin(alex, rate("a", WED, 4, trust=2))
    synced(sam)
    # Sam's device has Alex's record (the folder is shared) but does not show it.
    assert sam.record("checkin:a:2026-W48") is not None
    view = store.view_of_week(sam, WEEK, WEEK)
    assert view.theirs is None and view.theirs_hidden
    assert "Alex has checked in" in view.note
    assert store.visible_history(sam, WEEK)["a"] == []
    # Nor does the help card leak it: Alex's low trust raises nothing on Sam's side yet.
    store.save_checkin(alex, rate("a", WED + timedelta(days=1), 4, trust=1))
    synced(sam)
    assert store.active_help(sam, WEEK) == []

    store.save_checkin(sam, rate("b", WED, 3))
    synced(alex)
    for couple, partner_trust in ((alex, 3), (sam, 1)):
        view = store.view_of_week(couple, WEEK, WEEK)
        assert view.both and not view.theirs_hidden
        assert view.theirs is not None and view.theirs.rating(TRUST) == partner_trust
    assert [t.person for t in store.active_help(sam, WEEK)] == ["a"]


def test_a_second_check_in_in_the_same_week_edits_it(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    first = store.save_checkin(alex, rate("a", WED, 3))
    assert first.before is None and first.description == "Checked in for Week 48 · 23–29 Nov 2026"
    again = store.save_checkin(alex, rate("a", WED + timedelta(days=2), 5))
    assert again.before is not None and again.description.startswith("Updated the check-in")
    assert len(alex.records("checkin")) == 1
    # Durable, and what a fresh reader of the folder sees is the edit.
    reader = Store(alex.store.data_dir, "reader")
    reader.load()
    assert Couple(reader, "a").record("checkin:a:2026-W48") is not None
    assert store.checkin_for(Couple(reader, "a"), "a", WEEK) == rate("a", WED + timedelta(2), 5)
    # Undo puts the first version back.
    alex.undo(again)
    found = store.checkin_for(alex, "a", WEEK)
    assert found is not None and found.rating(TRUST) == 3


def test_one_person_on_two_devices_converges_on_one_check_in(
    pair: tuple[Couple, Couple], tmp_path: Path
) -> None:
    alex, _ = pair
    laptop = Couple(Store(tmp_path / "data", "alex-laptop", {"partner": "a"}), "a")
    laptop.store.load()
    store.save_checkin(alex, rate("a", WED, 2))
    store.save_checkin(laptop, rate("a", WED, 4))
    synced(alex, laptop)
    for device in (alex, laptop):
        (only,) = store.all_checkins(device)
        assert only.rating(TRUST) == 4  # the later edit, on both


def test_the_week_is_each_persons_own(pair: tuple[Couple, Couple]) -> None:
    alex, sam = pair
    sam.save_person(Person("b", "Sam", "Pacific/Auckland", 4))
    synced(alex)
    # Sunday 20:00 in London is already Monday 09:00 in Auckland: a new week for Sam.
    sunday_evening = datetime(2026, 11, 29, 20, 0, tzinfo=UTC)
    assert store.current_week(alex, "a", sunday_evening) == "2026-W48"
    assert store.current_week(alex, "b", sunday_evening) == "2026-W49"
    # 01:30 on Monday in London still belongs to Sunday (the day starts at 04:00).
    small_hours = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)
    assert store.current_week(alex, "a", small_hours) == "2026-W48"
    # The Monday after the clocks go forward: 03:30 BST is still Sunday, 04:30 is Monday.
    assert store.current_week(alex, "a", datetime(2026, 3, 30, 2, 30, tzinfo=UTC)) == "2026-W13"
    assert store.current_week(alex, "a", datetime(2026, 3, 30, 3, 30, tzinfo=UTC)) == "2026-W14"


def test_my_check_in_dated_ahead_of_my_week_waits_its_turn(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    ahead = rate("a", WED + timedelta(days=7), 3, trust=1)  # written under a clock a week fast
    store.save_checkin(alex, ahead)
    assert store.visible_history(alex, WEEK)["a"] == []
    assert store.active_help(alex, WEEK) == []
    assert [t.week for t in store.active_help(alex, "2026-W49")] == ["2026-W49"]


def test_a_partner_who_never_checks_in_leaves_mine_shown_once_the_week_is_over(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    store.save_checkin(alex, rate("a", WED, 4))
    store.save_checkin(sam, rate("b", WED - timedelta(days=7), 2))
    synced(alex, sam)
    later = "2026-W49"
    mine = store.view_of_week(alex, WEEK, later)
    assert mine.mine is not None and mine.note == "Sam hasn't checked in for that week."
    # And the other way round: a week I missed shows Sam's once it is over.
    theirs = store.view_of_week(alex, "2026-W47", WEEK)
    assert theirs.theirs is not None and theirs.note == "You didn't check in that week."
    assert [c.week for c in store.visible_history(alex, WEEK)["b"]] == ["2026-W47"]


def test_records_this_version_cannot_read_are_skipped_not_fatal(
    pair: tuple[Couple, Couple],
) -> None:
    alex, _ = pair
    good = rate("a", WED)
    broken = {**good.to_data(), "ratings": {**good.to_data()["ratings"], "trust": 9}}
    alex.put_record("checkin", "checkin:a:2026-W47", broken, "hand-edited")
    alex.put_record("checkin", "checkin:a:2026-W46", {"ratings": "lots"}, "junk")
    # A record claiming to be someone else's week under my id is not trusted either.
    alex.put_record("checkin", "checkin:a:2026-W45", rate("b", WED).to_data(), "mislabelled")
    alex.put_record("promise", "promise:bad", {"text": "no due date"}, "junk")
    alex.put_record("setting", "setting:a:help-card", {"enabled": []}, "junk")
    alex.put_record("setting", "setting:a:help-card-dismissed", {"dismissed": {}}, "junk")
    store.save_checkin(alex, good)
    assert store.all_checkins(alex) == [good]
    assert store.checkin_for(alex, "a", "2026-W47") is None
    assert store.promises(alex) == []
    assert store.help_setting(alex, "a") == HelpSetting(enabled=True)


def test_the_help_card_stays_dismissed_across_restarts_until_a_new_check_in(
    pair: tuple[Couple, Couple], tmp_path: Path
) -> None:
    alex, _ = pair
    store.save_checkin(alex, rate("a", WED, 3, trust=1))
    shown = store.active_help(alex, WEEK)
    assert [t.rule for t in shown] == ["trust"]
    store.dismiss_help(alex, shown)
    reopened = Couple(Store(tmp_path / "data", alex.store.replica_id, {"partner": "a"}), "a")
    reopened.store.load()
    assert store.active_help(reopened, WEEK) == []
    store.save_checkin(reopened, rate("a", WED + timedelta(days=7), 3, trust=1))
    assert [t.week for t in store.active_help(reopened, "2026-W49")] == ["2026-W49"]


def test_promises_from_either_partner_and_other_features_are_listed_and_kept(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    mine = make_promise(Couple.new_id("promise"), "Book the table", "a", "b", "friday", WED)
    store.save_promise(alex, mine, "Made a promise")
    # Written the way the conversations feature writes one from a talk's follow-up.
    sam.put_record(
        "promise",
        "promise:fromtalk01",
        {
            "text": "Call your mum",
            "by": "b",
            "to": "a",
            "due": "2026-11-20",
            "status": "open",
            "made": "2026-11-18",
            "talk": "talk:abc",
        },
        "From a talk",
    )
    synced(alex)
    found = store.promises(alex)
    assert [p.text for p in found] == ["Call your mum", "Book the table"]  # overdue first
    store.save_promise(alex, settle(found[0], True, WED), "Kept")
    synced(sam)
    record = sam.record("promise:fromtalk01")
    assert record is not None and record.data["talk"] == "talk:abc"
    assert record.data["status"] == "kept" and record.data["closed"] == "2026-11-25"
    rates = store.reliabilities(sam, WED)
    assert rates["b"][30].rate == 1.0 and rates["a"][30].rate is None


def test_the_today_agenda_lists_promises_a_waiting_check_in_and_thanks(
    pair: tuple[Couple, Couple],
) -> None:
    alex, sam = pair
    assert store.agenda(alex, WED) == []
    for n, due in enumerate(("today", "2026-11-26")):
        text = f"Promise [bold]{n}[/bold]"
        store.save_promise(
            alex, make_promise(f"promise:{n}", text, "a", "b", due, WED), "Made a promise"
        )
    late = make_promise("promise:late", "Fix the bike " * 10, "b", "a", "today", WED - timedelta(3))
    store.save_promise(sam, late, "Made a promise")
    store.save_checkin(sam, rate("b", WED))
    thanks = make_appreciation("appreciation:1", "b", "a", WED, "the tea you made")
    store.save_appreciation(sam, thanks)
    synced(alex)
    lines = store.agenda(alex, WED)
    assert lines[0].startswith("Overdue since Sun 22 Nov: Sam's promise to you, “Fix the bike")
    assert lines[0].endswith("…”") and len(lines[0]) < 120
    assert lines[1] == "Due today: your promise to Sam, “Promise [bold]0[/bold]”"
    assert lines[2] == "Sam has checked in for week 48; yours isn't in yet (5 Check-in)"
    assert lines[3] == "Sam noticed and appreciated: “the tea you made”"
    assert len(lines) == 4  # tomorrow's promise is not on today's list
    # Once Alex has checked in too, that line goes.
    store.save_checkin(alex, rate("a", WED))
    assert not any("checked in" in line for line in store.agenda(alex, WED))
    # Sam's own device tells Sam about promises to Alex in Sam's words.
    synced(sam)
    assert store.agenda(sam, WED)[1] == "Due today: Alex's promise to you, “Promise [bold]0[/bold]”"


def test_appreciations_and_repairs_come_back_newest_first(pair: tuple[Couple, Couple]) -> None:
    alex, _ = pair
    for n, day in enumerate((WED - timedelta(days=1), WED, WED)):
        store.save_appreciation(
            alex, make_appreciation(f"appreciation:{9 - n}", "a", "b", day, f"thing {n}")
        )
    assert [a.text for a in store.appreciations(alex)] == ["thing 2", "thing 1", "thing 0"]
    assert iso_week(WED) == WEEK


def test_the_settings_switch_and_a_dismissal_never_overwrite_each_other(
    pair: tuple[Couple, Couple],
) -> None:
    alex, _ = pair
    store.save_checkin(alex, rate("a", WED, 3, trust=1))
    store.dismiss_help(alex, store.active_help(alex, WEEK))
    # The Settings screen saves its switch as {"enabled": ...} under the same name.
    put_setting(alex, "help-card", {"enabled": True})
    assert store.active_help(alex, WEEK) == []  # still dismissed
    put_setting(alex, "help-card", {"enabled": False})
    store.save_checkin(alex, rate("a", WED + timedelta(days=7), 3, trust=1))
    assert store.active_help(alex, "2026-W49") == []  # off, whatever the ratings say
    store.set_help_enabled(alex, True)
    assert [t.week for t in store.active_help(alex, "2026-W49")] == ["2026-W49"]
    assert get_setting(alex, "help-card", {}) == {"enabled": True}
