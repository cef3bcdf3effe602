"""The mark on a screen's name in the row of screens while something there is due now."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest

from tests.ui.conftest import NOW, TODAY
from tracker.domain.checkin.model import KEYS, make_checkin
from tracker.domain.models import US, Check
from tracker.domain.reminders.due import Situation
from tracker.domain.reminders.prefs import ReminderPrefs
from tracker.store.checkins import save_checkin
from tracker.store.couple import Couple
from tracker.store.reminder_prefs import put_reminder_prefs
from tracker.ui.app import RekindleApp, make_app
from tracker.ui.widgets.nav import DUE_MARK, NavBar


def at(couple: Couple, moment: datetime) -> RekindleApp:
    return make_app(couple, clock=lambda: moment, poll=False)


def nav_text(app: RekindleApp) -> str:
    nav = app.screen.query_one(NavBar)
    nav.look()
    return str(nav.render())


def open_today(couple: Couple) -> list[tuple[str, str]]:
    """(habit id, person) of every habit still open today for Alex, and for the two of them."""
    from tracker.domain.habits.progress import DayState
    from tracker.domain.habits.today import rows_for

    habits, checks = couple.habits(), couple.checks_by()
    return [
        (row.habit.id, row.person)
        for who in ("a", US)
        for row in rows_for(habits, checks, who, TODAY, history=False)
        if row.state is DayState.PENDING
    ]


async def test_today_is_marked_from_the_habits_time_until_all_is_done(couple: Couple) -> None:
    put_reminder_prefs(couple, ReminderPrefs(habits_at=time(20, 0)))
    assert open_today(couple)
    async with at(couple, NOW - timedelta(minutes=1)).run_test(size=(80, 24)) as pilot:
        assert f"Today{DUE_MARK}" not in nav_text(pilot.app)  # 19:59: not yet
    async with at(couple, NOW).run_test(size=(80, 24)) as pilot:
        assert f"Today{DUE_MARK}" in nav_text(pilot.app)
        for habit_id, person in open_today(couple):
            habit = next(h for h in couple.habits() if h.id == habit_id)
            value = habit.target if habit.measurable else None
            couple.set_check(Check(habit_id, person, TODAY, value=value))
        await pilot.pause()
        assert f"Today{DUE_MARK}" not in nav_text(pilot.app)
        # The row keeps its width with or without the mark.
        assert len(nav_text(pilot.app)) == len(str(NavBar.line("today")))


async def test_check_in_is_marked_from_my_check_in_time_until_i_answer(couple: Couple) -> None:
    put_reminder_prefs(couple, ReminderPrefs(checkin_day=TODAY.weekday(), checkin_at=time(19)))
    async with at(couple, NOW).run_test(size=(80, 24)) as pilot:
        assert f"Check-in{DUE_MARK}" in nav_text(pilot.app)
        answer = make_checkin(couple.me, TODAY, dict.fromkeys(KEYS, 4))
        save_checkin(couple, answer)
        await pilot.pause()
        assert f"Check-in{DUE_MARK}" not in nav_text(pilot.app)


async def test_outside_tests_the_first_look_waits_for_the_first_frame(
    couple: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Long enough that a busy machine still reaches the first assert before the look
    # (at 0.3 s, a full parallel run once got there too late).
    monkeypatch.setattr(NavBar, "first_look_seconds", 2.0)
    put_reminder_prefs(couple, ReminderPrefs(habits_at=time(20, 0)))
    async with at(couple, NOW).run_test(size=(80, 24)) as pilot:
        nav = pilot.app.screen.query_one(NavBar)
        assert nav.due == frozenset()  # the first frame is drawn without working it out
        await pilot.pause(2.5)
        assert "habit" in nav.due
        assert f"Today{DUE_MARK}" in str(nav.render())


async def test_one_change_is_worked_out_once_for_every_screens_row(
    couple: Couple, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.store import reminders

    calls: list[datetime] = []
    real = reminders.situation

    def counted(found: Couple, now: datetime) -> Situation:
        calls.append(now)
        return real(found, now)

    monkeypatch.setattr(reminders, "situation", counted)
    async with at(couple, NOW).run_test(size=(80, 24)) as pilot:
        for key in ("2", "3", "4", "5", "1"):  # each screen's row mounted, each looking
            await pilot.press(key)
        rows = [nav for screen in pilot.app.screen_stack for nav in screen.query(NavBar)]
        rows += [
            nav
            for mode in ("habits", "talks", "dates", "checkin")
            for nav in pilot.app.get_screen_stack(mode)[-1].query(NavBar)
        ]
        assert len({id(nav) for nav in rows}) >= 5
        calls.clear()
        habit_id, person = open_today(couple)[0]
        couple.set_check(Check(habit_id, person, TODAY))
        for nav in rows:
            nav.look()
        assert len(calls) == 1
        assert len({nav.due for nav in rows}) == 1  # every row marks the same
