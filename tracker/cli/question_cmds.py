"""`rekindle question`: the day's question, your answer, and your partner's once you
have answered."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from typing import Any

from tracker.cli.common import (
    DATA_OPTION,
    CLIError,
    Context,
    as_json,
    checked,
    flat,
    in_range,
    my_today,
    say,
)
from tracker.domain.content.daily import daily_text, find_daily
from tracker.domain.daily.rules import LATE_DAYS, DayView, answer_problem
from tracker.domain.days import short_date
from tracker.store import daily as store
from tracker.store.couple import Couple

HELP = "the day's question: answer it, then see your partner's answer"


def register(commands: Any) -> None:
    question = commands.add_parser(
        "question",
        parents=[DATA_OPTION],
        help=HELP,
        description=(
            "One small question a day, the same for both of you. Your partner's answer "
            "shows once you have answered yours (the shared folder itself is readable by "
            f"both). Earlier days can be answered up to {LATE_DAYS} days late."
        ),
    )
    question.add_argument("--answer", metavar="TEXT", help="your answer (again to change it)")
    question.add_argument(
        "--date", metavar="DAY", help="the day: YYYY-MM-DD, today or yesterday (default today)"
    )
    question.add_argument("--hide", action="store_true", help="never ask this question again")
    question.add_argument(
        "--history", action="store_true", help="earlier days, with the answers you may see"
    )
    question.add_argument("--json", action="store_true", help="machine-readable output")
    question.set_defaults(run=run)


def _day(text: str | None, today: date) -> date:
    word = (text or "today").strip().casefold()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    try:
        return in_range(date.fromisoformat(word))
    except ValueError:
        raise CLIError(f"“{text}” is not a date; use YYYY-MM-DD, like 2026-02-28.") from None


def run(args: argparse.Namespace, context: Context) -> int:
    couple = context.couple()  # a year of days asked, to never repeat one
    today = my_today(couple)
    if args.history:
        if args.answer is not None or args.hide or args.date:
            raise CLIError("--history lists earlier days; run it on its own, or with --json.")
        return _history(couple, today, args.json)
    day = _day(args.date, today)
    problem = answer_problem(day, today)
    if problem and (args.answer is not None or day > today):
        raise CLIError(problem)
    if args.answer is not None:
        checked(store.answer, couple, day, args.answer, today)
    if problem is None:
        store.question_for(couple, day)  # the first look at a day writes its question down
    view = store.day_view(couple, day)
    if args.hide:
        if view.key is None:
            raise CLIError("No question was asked that day, so there is nothing to hide.")
        store.hide(couple, view.key)
    if args.json:
        print(as_json({**_day_data(view), "streak": store.streak(couple, today)}))
        return 0
    if args.hide:
        say(f"Hidden: neither of you will be asked “{flat(daily_text(view.key))}” again.")
        return 0
    _show(couple, view, today)
    count = store.streak(couple, today)
    if count:
        say(f"Days in a row you both answered: {count}")
    return 0


def _answer_data(view: DayView) -> dict[str, Any]:
    return {
        "mine": view.mine.text if view.mine else None,
        "theirs": view.theirs.text if view.theirs else None,
        "they_answered": view.they_answered,
    }


def _day_data(view: DayView) -> dict[str, Any]:
    found = find_daily(view.key) if view.key else None
    return {
        "day": view.day.isoformat(),
        "key": view.key,
        "question": found.text if found else None,
        "theme": found.theme.value if found else None,
        "depth": found.depth.value if found else None,
        **_answer_data(view),
    }


def _show(couple: Couple, view: DayView, today: date) -> None:
    when = "Today" if view.day == today else short_date(view.day, today)
    say(f"{when}: {flat(daily_text(view.key))}")
    if view.key is None:
        # Nobody was asked anything that day, so nobody answered: a day still open has
        # none only when every question is hidden.
        if answer_problem(view.day, today) is None:
            say("  Every question is hidden, so there is nothing to ask.")
        return
    partner = flat(couple.name_of(couple.partner_key))
    still_open = answer_problem(view.day, today) is None
    if view.mine is None and still_open:
        on = "" if view.day == today else f" --date {view.day.isoformat()}"
        say(f'  You: not answered yet. Answer with: rekindle question{on} --answer "…"')
    elif view.mine is None:
        say("  You didn't answer that day.")
    else:
        say(f"  You: {flat(view.mine.text)}")
        if view.mine.key != view.key:
            # Two devices gave the day different questions offline; this answer is to
            # the one shown there at the time.
            say(f"    (answering “{flat(daily_text(view.mine.key))}”)")
    if view.theirs is not None:
        say(f"  {partner}: {flat(view.theirs.text)}")
    elif view.they_answered:
        say(f"  {partner} has answered; theirs shows once you answer yours.")
    else:
        say(
            f"  {partner} hasn't answered yet."
            if still_open
            else f"  {partner} didn't answer that day."
        )


def _history(couple: Couple, today: date, as_data: bool) -> int:
    days = store.past(couple, today)
    if as_data:
        streak = store.streak(couple, today)
        print(as_json({"days": [_day_data(view) for view in days], "streak": streak}))
        return 0
    if not days:
        say("No earlier questions yet.")
    for view in days:
        _show(couple, view, today)
    return 0
