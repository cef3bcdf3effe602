""" "Since you were last here": what the partner did while this person was away, as one
short plain line.

Only counts and a few words of what the partner typed go in, gathered by the store
(store/since.py) from the partner's own devices; this module decides how to say it. The
line stays short whatever happened: a title is cut, and past three kinds of news the
rest are summed up as "N more things" instead of listed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from tracker.domain.text import count, cut

# Long enough to recognise a habit or a date by, short enough that the line stays within
# two rows of an 80-column Today.
TITLE_WIDTH = 24
NAME_WIDTH = 20
MOST_PARTS = 3  # more kinds of news than this: the first ones, then "N more things"
SHOWN_WITH_SUMMARY = MOST_PARTS - 1


class PlanKind(StrEnum):
    TALK = "talk"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Plan:
    """A talk or a date the partner put on the calendar."""

    kind: PlanKind
    title: str
    day: date  # when it is, on this person's calendar


@dataclass(frozen=True, slots=True)
class PartnerNews:
    """What the partner did since this person was last here; empty when nothing."""

    ticked: tuple[str, ...] = ()  # the habit's title, once per check-off
    checkins: int = 0  # weekly check-ins they answered
    answered_this_week: bool = False  # one of them is this week's
    thanks: tuple[str, ...] = ()  # what they thanked this person for
    plans: tuple[Plan, ...] = ()
    promised: int = 0  # promises they made to this person
    kept: int = 0  # promises of theirs they marked kept

    @property
    def total(self) -> int:
        """How many things they did, each check-off, thank-you and plan counted once."""
        return (
            len(self.ticked)
            + self.checkins
            + len(self.thanks)
            + len(self.plans)
            + self.promised
            + self.kept
        )


@dataclass(frozen=True, slots=True)
class Part:
    """One kind of news in words ("ticked 5 habits"), and how many things it stands for."""

    things: int
    words: str


def quoted(title: str) -> str:
    return f"“{cut(title, TITLE_WIDTH)}”"


def day_words(day: date, today: date) -> str:
    """ "today", "tomorrow", "Saturday" within the week ahead, else "12 December"."""
    ahead = (day - today).days
    if ahead == 0:
        return "today"
    if ahead == 1:
        return "tomorrow"
    if 1 < ahead < 7:
        return f"{day:%A}"
    return calendar_day(day, today)


def calendar_day(day: date, today: date) -> str:
    """ "12 December", with the year only when it is not this one."""
    shown = f"{day.day} {day:%B}"
    return shown if day.year == today.year else f"{shown} {day.year}"


def _time_of_day(hour: int) -> str:
    if 4 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def since_words(last: datetime, now: datetime, day_start: int) -> str:
    """When this person was last here, as they would say it: "earlier this evening",
    "yesterday morning", "last night", "Tuesday evening", "3 November".

    Both moments are on this person's wall clock; days begin at `day_start` o'clock, so
    01:00 after a Tuesday evening is still Tuesday night.
    """
    shift = timedelta(hours=day_start)
    then, today = (last - shift).date(), (now - shift).date()
    part = _time_of_day(last.hour)
    days = (today - then).days
    if days <= 0:
        return "earlier tonight" if part == "night" else f"earlier this {part}"
    if days == 1:
        return "last night" if part == "night" else f"yesterday {part}"
    if days < 7:
        return f"{then:%A} {part}"
    return calendar_day(then, today)


def _ticks(titles: tuple[str, ...]) -> Part:
    habits = Counter(titles)
    times = len(titles)
    if len(habits) == 1:
        title = quoted(titles[0])
        return Part(times, f"ticked {title}" if times == 1 else f"ticked {title} {times} times")
    if len(habits) == times:
        return Part(times, f"ticked {times} habits")
    return Part(times, f"ticked {len(habits)} habits {times} times")


def _checkins(news: PartnerNews) -> Part:
    if news.checkins == 1:
        said = "this week's check-in" if news.answered_this_week else "a check-in"
        return Part(1, f"answered {said}")
    return Part(news.checkins, f"answered {count(news.checkins, 'check-in')}")


def _thanks(thanks: tuple[str, ...]) -> Part:
    if len(thanks) == 1:
        return Part(1, f"thanked you for {quoted(thanks[0])}")
    return Part(len(thanks), f"thanked you {len(thanks)} times")


def _plans(plans: tuple[Plan, ...], today: date) -> Part:
    if len(plans) == 1:
        plan = plans[0]
        return Part(1, f"planned {quoted(plan.title)} for {day_words(plan.day, today)}")
    dates = sum(plan.kind is PlanKind.DATE for plan in plans)
    talks = len(plans) - dates
    named = [
        "a date" if dates == 1 else count(dates, "date"),
        "a talk" if talks == 1 else count(talks, "talk"),
    ]
    shown = [words for n, words in zip((dates, talks), named, strict=True) if n]
    return Part(len(plans), "planned " + " and ".join(shown))


def _promises(made: int, kept: int) -> list[Part]:
    parts = []
    if made:
        parts.append(Part(made, "made you a promise" if made == 1 else f"made you {made} promises"))
    if kept:
        parts.append(Part(kept, "kept a promise" if kept == 1 else f"kept {kept} promises"))
    return parts


def news_parts(news: PartnerNews, today: date) -> list[Part]:
    """Each kind of news in words, in the order the line tells them."""
    parts = [_ticks(news.ticked)] if news.ticked else []
    if news.checkins:
        parts.append(_checkins(news))
    if news.thanks:
        parts.append(_thanks(news.thanks))
    if news.plans:
        parts.append(_plans(news.plans, today))
    return parts + _promises(news.promised, news.kept)


def and_list(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def since_line(
    partner: str, news: PartnerNews, last: datetime, now: datetime, day_start: int
) -> str | None:
    """ "Since Tuesday evening: Sam ticked 5 habits, answered this week's check-in and
    planned “Walk” for Saturday." None when the partner did nothing to tell.

    `partner` is their name as they typed it: the caller shows the line literally.
    """
    today = (now - timedelta(hours=day_start)).date()
    parts = news_parts(news, today)
    if not parts:
        return None
    said = [part.words for part in parts]
    if len(parts) > MOST_PARTS:
        rest = sum(part.things for part in parts[SHOWN_WITH_SUMMARY:])
        said = [*said[:SHOWN_WITH_SUMMARY], count(rest, "more thing")]
    when = since_words(last, now, day_start)
    return f"Since {when}: {cut(partner, NAME_WIDTH)} {and_list(said)}."
