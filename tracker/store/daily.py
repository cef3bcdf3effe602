"""The daily question in the couple's folder: the question each day was given, answers,
and hides (records in tracker/domain/daily/model.py).

Each record is written by the person it belongs to, under an id that names them, so two
devices never edit one record at once. A record whose id does not match what it says
(a hand-edited or hostile file claiming to be someone else's answer) is left out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tracker.domain.content.daily import DAILY_QUESTIONS, find_daily
from tracker.domain.daily import rules
from tracker.domain.daily.kinds import ANSWER, ASKED, HIDDEN
from tracker.domain.daily.model import Answer, Asked, Hide, answer_id, clean_answer
from tracker.domain.daily.rules import DayView
from tracker.domain.kinds import PERSON
from tracker.domain.reminders.due import question_waiting
from tracker.store.couple import Change, Couple
from tracker.store.records import Record


def seed(couple: Couple) -> str:
    """What makes this couple's order of questions their own: the first device's replica
    id as both devices see it in the shared people records. Should it ever change (a new
    device rewriting the people), days already asked keep their questions."""
    return min((r.replica for r in couple.records(PERSON)), default="")


def _own(couple: Couple, kind: str) -> list[tuple[Record, Asked | Answer | Hide]]:
    found: list[tuple[Record, Asked | Answer | Hide]] = couple.with_objects(couple.records(kind))
    return [(record, item) for record, item in found if record.id == item.id]


def asked_days(couple: Couple) -> dict[date, str]:
    """Each day's question, as every device settles it: the first written for the day."""
    found = sorted(_own(couple, ASKED), key=lambda pair: (pair[0].stamp, pair[0].replica))
    return rules.settled(item for _, item in found if isinstance(item, Asked))


def hidden(couple: Couple) -> set[str]:
    """The questions either of you hid: never asked again."""
    return {item.key for _, item in _own(couple, HIDDEN) if isinstance(item, Hide)}


def answers(couple: Couple) -> list[Answer]:
    return [item for _, item in _own(couple, ANSWER) if isinstance(item, Answer)]


def question_for(couple: Couple, day: date) -> str | None:
    """The day's question key, writing it down if this is the first look at the day
    (None when every question is hidden)."""
    days = asked_days(couple)
    if day in days:
        return days[day]
    key = _pick(couple, day, days)
    if key is not None:
        asked = Asked(day, couple.me, key, couple.store.replica_id)
        couple.put_record(ASKED, asked.id, asked.to_data(), "The day's question")
    return key


def peek(couple: Couple, day: date) -> str | None:
    """The day's question as question_for gives it, without writing anything (for a
    folder we may not write to)."""
    days = asked_days(couple)
    return days[day] if day in days else _pick(couple, day, days)


def _pick(couple: Couple, day: date, days: dict[date, str]) -> str | None:
    pool = [question.key for question in DAILY_QUESTIONS]
    return rules.pick(seed(couple), day, pool, days, hidden(couple))


def answer(couple: Couple, day: date, text: str, today: date) -> Change:
    """Write (or rewrite) my answer for `day`; ValueError says why not (a future day, too
    far back, empty, too long, or no question to answer)."""
    problem = rules.answer_problem(day, today)
    if problem:
        raise ValueError(problem)
    cleaned = clean_answer(text)
    key = question_for(couple, day)
    if key is None:
        raise ValueError("Every question is hidden, so there is nothing to answer.")
    mine = Answer(day, couple.me, key, cleaned)
    return couple.put_record(ANSWER, mine.id, mine.to_data(), "Answered the day's question")


def hide(couple: Couple, key: str) -> Change:
    """Never ask me (or us) this question again. The day it was asked keeps it."""
    found = Hide(couple.me, key)
    return couple.put_record(HIDDEN, found.id, found.to_data(), "Hid a question")


def day_view(couple: Couple, day: date) -> DayView:
    """`day` as I may see it; the day must have been opened (question_for) already."""
    by_day = {(a.day, a.person): a for a in answers(couple)}
    return rules.view(day, asked_days(couple).get(day), by_day, couple.me, couple.partner_key)


def open_view(couple: Couple, day: date) -> DayView:
    """A day still open for answers as I may see it, with the question it will have even
    if nobody has looked at it yet (nothing is written)."""
    view = day_view(couple, day)
    return view if view.key is not None else replace(view, key=peek(couple, day))


def past(couple: Couple, today: date) -> list[DayView]:
    """Days before `today` with their question and the answers I may see, newest first."""
    return rules.history(asked_days(couple), answers(couple), couple.me, couple.partner_key, today)


def streak(couple: Couple, today: date) -> int:
    """Days in a row we both answered, up to my `today`."""
    found = answers(couple)
    mine = {a.day for a in found if a.person == couple.me}
    theirs = {a.day for a in found if a.person == couple.partner_key}
    return rules.streak(mine, theirs, today)


def who_answered(couple: Couple, day: date) -> tuple[bool, bool]:
    """Whether I, then my partner, answered `day`: the answers' ids name the day and the
    person, so this reads two records and nothing of the question pool (Today's line)."""
    mine = couple.record(answer_id(day, couple.me)) is not None
    theirs = couple.record(answer_id(day, couple.partner_key)) is not None
    return mine, theirs


def today_line(couple: Couple, day: date) -> str:
    """Today screen's one line on the day's question: a reminder's words while mine is
    still open, then where the two of us are."""
    mine, theirs = who_answered(couple, day)
    partner = couple.name_of(couple.partner_key)
    if not mine:
        return question_waiting(partner, theirs)
    if theirs:
        return f"You've both answered today's question; {partner}'s answer is in"
    return f"You've answered today's question; {partner} hasn't yet"


def as_talk_prompt(couple: Couple, key: str, day: date) -> list[Change]:
    """The question as the conversation prompt of the week `day` falls in, so a talk
    planned about it opens on it (Talks' "Talk now" shows the week's prompt). It joins
    your own prompts once; talking about it again reuses that prompt."""
    from tracker.store import talks  # here: `rekindle question` never needs the talks

    question = find_daily(key)
    if question is None:
        raise ValueError("This version of Rekindle doesn't know that question.")
    own = next((p.key for p in talks.own_prompts(couple) if p.text == question.text), None)
    changes: list[Change] = []
    if own is None:
        added = talks.add_own_prompt(couple, question.text, question.theme, question.depth)
        own = added.record_id
        changes.append(added)
    return changes + talks.use_prompt(couple, own, day)
