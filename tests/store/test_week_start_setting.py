"""The day weeks begin on is one choice for the couple, kept in the shared folder: either
partner's device reads it, a junk one falls back to the locale, and no tick moves."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import Couples
from tracker.domain.days import MONDAY, SUNDAY
from tracker.domain.kinds import SETTING
from tracker.domain.models import Check, CheckStatus
from tracker.store.couple import Couple
from tracker.store.settings import (
    WEEK_START_ID,
    chosen_week_start,
    first_weekday,
    put_week_start,
)

START = date(2026, 10, 1)


@pytest.fixture
def pair(couples: Couples) -> tuple[Couple, Couple]:
    alex = couples.create(config="alex-config", starters=["phone-free-dinner"], today=START)
    sam = couples.join(config="sam-config")
    return alex, sam


def ticks(couple: Couple) -> dict[str, tuple[str, dict[str, object]]]:
    return {r.id: (r.stamp, dict(r.data)) for r in couple.store.live("check")}


def test_one_choice_for_both_and_every_tick_kept(
    pair: tuple[Couple, Couple], monkeypatch: pytest.MonkeyPatch
) -> None:
    alex, sam = pair
    dinner = alex.habits()[0]
    for back in range(0, 40, 3):
        day = START + timedelta(days=back)
        status = CheckStatus.SKIP if back % 2 else CheckStatus.DONE
        alex.set_check(Check(dinner.id, "us", day, status))
    before = ticks(alex)
    assert (chosen_week_start(alex), first_weekday(alex)) == (None, MONDAY)

    put_week_start(alex, SUNDAY)

    assert ticks(alex) == before  # not one check-off rewritten, let alone moved
    sam.store.refresh()
    assert (chosen_week_start(sam), first_weekday(sam)) == (SUNDAY, SUNDAY)
    assert ticks(sam) == before
    # Chosen, it holds whatever either computer's language says.
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    assert first_weekday(sam) == SUNDAY


@pytest.mark.parametrize("junk", [{"first": "friday"}, {"first": 6}, {"first": None}, {}])
def test_a_choice_we_do_not_offer_leaves_it_to_the_locale(
    pair: tuple[Couple, Couple], monkeypatch: pytest.MonkeyPatch, junk: dict[str, object]
) -> None:
    alex, sam = pair
    sam.put_record(SETTING, WEEK_START_ID, junk, "Garbled")
    alex.store.refresh()
    assert chosen_week_start(alex) is None
    assert first_weekday(alex) == MONDAY
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    assert first_weekday(alex) == SUNDAY
