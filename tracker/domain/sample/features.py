"""The made-up couple's talks and dates, built with each feature's own models.

Every record comes from the feature's constructors and ``to_data()`` (``plan_slot``,
``Note``, ``date_from_draft``, ``Rating``, ``Goal``, ``Milestone``…), so it has
exactly the shape the feature writes, under the kinds each feature names
(tracker/domain/<feature>/kinds.py). Pure: see ``tracker.domain.sample.couple``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tracker.domain.checkin.kinds import PROMISE
from tracker.domain.checkin.promises import Promise, settle
from tracker.domain.content.ideas import DAY, IDEAS, IdeaKind
from tracker.domain.content.prompts import Depth, Prompt, Theme
from tracker.domain.dates import kinds as date_kinds
from tracker.domain.dates.input import DateDraft, date_from_draft
from tracker.domain.dates.jar import JarIdea, draft_from_idea, own_idea, surprise
from tracker.domain.dates.model import DateNight, Mark
from tracker.domain.dates.model import rule_days as date_days
from tracker.domain.dates.records import DateStatus, RepeatFreq
from tracker.domain.dates.views import Rating
from tracker.domain.models import US
from tracker.domain.sample.couple import PEOPLE, Life, SampleRecord, lines, other
from tracker.domain.talks import kinds as talk_kinds
from tracker.domain.talks import prompts as deck
from tracker.domain.talks.log import Followup, Note, promise_data
from tracker.domain.talks.model import Occurrence, plan_slot
from tracker.domain.talks.records import Status
from tracker.domain.talks.schedule import Freq
from tracker.domain.talks.schedule import Repeat as Every
from tracker.domain.talks.schedule import occurrences as talk_days
from tracker.domain.talks.skills import draw_prompt

TZ = PEOPLE[0].tz
TOPICS = lines(
    "The week ahead|Your mum's visit|Money for the holiday|How work is going|What we want from "
    "the summer|Sharing the chores|Feeling stretched thin|The garden|Your new role|Whether to "
    "move|Friends we miss|Sleep, and phones in bed|What made us laugh this month|Christmas "
    "plans|Saying no to more things|The kitchen, again"
)
HEARD = lines(
    "You're tired of carrying the planning.|Work has been heavy and you want quiet evenings.|"
    "You miss seeing your friends.|You'd like more time outside.|You felt unheard last "
    "weekend.|You're excited about the new project.|You want us to save for something big.|"
    "You'd like me to ask before inviting people round.|You felt looked after this week.|"
    "You'd like us to cook together more."
)
AGREED = lines(
    "Phones away at dinner.|One evening a week with no plans.|Book the tickets by Friday.|"
    "Look at the budget together on Sunday.|Take turns planning the weekend.|A walk after "
    "dinner on weekdays.|Ask before saying yes for both of us.|Bed by eleven on work nights.|"
    "Try again next week, no pressure."
)
FOLLOWUPS = lines(
    "Book the train for the weekend away|Look up evening classes|Sort the spare room|Set up "
    "a savings pot|Plan a dinner with friends|Fix the bikes together"
)
MEMORIES = lines(
    "The walk home in the rain|You ordered for me and got it right|We talked for hours|"
    "Laughing at a terrible film|That view from the hill|Best pasta in ages|Dancing in the "
    "kitchen|Quiet, easy and close|Too tired, but still nice|Found a new favourite place|The "
    "candle ran out before we did|We should do that again|Board game rematch, I won|Felt "
    "like the early days"
)
PLACES = lines("Luigi's|home|the Crown|the river café|the Italian on the corner")
OWN_PROMPTS = (
    ("a", "What would a perfect lazy Sunday look like this year?", Theme.FUN, Depth.LIGHT),
    ("b", "What's one thing you'd like us to stop doing?", Theme.PRIORITIES, Depth.DEEP),
)
OWN_IDEAS = (
    ("a", "Chips on the pier", IdeaKind.CHEAP, "Whatever the weather, with a flask of tea."),
    ("b", "Pub quiz with Jo and Max", IdeaKind.OUT, "First Thursday of the month."),
)
PREFS = (("a", "fun-01", True), ("b", "vision-03", True), ("b", "intimacy-05", False))
TIMES = ("19:30", "19:00", "20:00")
SHELVES = (IdeaKind.HOME, IdeaKind.OUT, IdeaKind.CHEAP, IdeaKind.NEW_HOBBY, IdeaKind.UNPLUGGED)


# --- talks --------------------------------------------------------------------------


def talks(life: Life) -> Iterator[SampleRecord]:
    """A Sunday-evening talk all along: mostly held, with a note from each of them."""
    rng, start = life.rng, life.start
    now = datetime.combine(start, time(12), ZoneInfo(TZ))
    sunday, weekly = start + timedelta(days=6 - start.weekday()), Every(Freq.WEEKLY)
    slot = plan_slot(
        life.new_id(talk_kinds.SLOT), "Sunday talk", weekly, sunday, time(20), 45, TZ, now
    )
    yield life.put("a", talk_kinds.SLOT, slot.id, slot.to_data(), life.at(start, "a", time(12), 50))
    library: list[tuple[date, Prompt]] = [(start, p) for p in deck.library(())]
    for n, (person, text, theme, depth) in enumerate(OWN_PROMPTS):
        day = min(life.end, start + timedelta(days=20 + 30 * n))
        data = deck.own_prompt_data(text, theme, depth, person)
        own = deck.own_prompt(life.new_id(talk_kinds.OWN), data)
        assert own is not None
        library.append((day, own))
        yield life.put(person, talk_kinds.OWN, own.key, data, life.at(day, person, time(21)))
    hidden = {key for _, key, liked in PREFS if not liked}
    for person, key, liked in PREFS:
        pref, millis = deck.PromptPref(liked, not liked), life.at(start, person, time(21))
        yield life.put(person, talk_kinds.PREF, deck.pref_id(person, key), pref.to_data(), millis)
    used: dict[str, date] = {}
    since, until = datetime.combine(start, time()), datetime.combine(life.end, time(23, 59))
    for moment in talk_days(slot.rule, slot.start, TZ, since, until + timedelta(days=6)):
        day, monday = moment.date(), moment.date() - timedelta(days=moment.weekday())
        prompt = None
        this_week = life.end < monday + timedelta(days=7)  # the demo opens on a prompt
        if start <= monday <= life.end and (rng.random() < 0.75 or this_week):
            drew = rng.choice("ab")
            shelf = [p for when, p in library if when <= monday]
            prompt = draw_prompt(shelf, used, hidden, monday, deck.DEFAULT_WINDOW_WEEKS, rng)
            if prompt is not None:
                used[prompt.key] = monday
                data = {"key": prompt.key, "day": monday.isoformat()}
                millis = life.at(monday, drew, time(18), 200)
                week = {**data, "by": drew}
                yield life.put(drew, talk_kinds.WEEK, deck.week_id(monday), week, millis)
                yield life.put(drew, talk_kinds.USED, deck.used_id(prompt.key), data, millis + 1)
        if day < life.end:
            yield from _meeting(life, slot.id, day, prompt.key if prompt else "")


def _meeting(life: Life, slot_id: str, day: date, prompt: str) -> Iterator[SampleRecord]:
    rng, occurrence = life.rng, Occurrence(slot_id, day)
    held = 0.45 + 0.45 * life.mood(US, day) - 0.3 * bool(life.rough_on(day))
    if day in life.holidays or rng.random() > held:
        if day in life.holidays or rng.random() < 0.6:
            by = rng.choice("ab")
            skipped = occurrence.changed(by, status=Status.SKIPPED)
            on = max(life.start, day - timedelta(days=day in life.holidays))
            millis = life.at(on, by, time(17), 120)
            yield life.put(by, talk_kinds.OCCURRENCE, skipped.id, skipped.to_data(), millis)
        return  # else never logged: it just didn't happen
    on = day
    if rng.random() < 0.06:  # moved to Monday or Tuesday, the day before
        by, on = rng.choice("ab"), day + timedelta(days=rng.choice((1, 2)))
        occurrence = occurrence.changed(by, moved_to=datetime.combine(on, time(20)))
        millis = life.at(max(life.start, day - timedelta(days=1)), by, time(10), 600)
        yield life.put(by, talk_kinds.OCCURRENCE, occurrence.id, occurrence.to_data(), millis)
        if on >= life.end:
            return
    logger = "a" if rng.random() < 0.6 else "b"
    done = occurrence.changed(logger, status=Status.HELD)
    millis = life.at(on, logger, time(20, 50), 70)
    yield life.put(logger, talk_kinds.OCCURRENCE, done.id, done.to_data(), millis)
    topic = rng.choice(TOPICS)
    for person in (logger, other(logger)):
        if person != logger and rng.random() < 0.25:
            continue  # the other one didn't get round to it
        heard, agreed = (rng.choice(pool) if rng.random() < 0.6 else "" for pool in (HEARD, AGREED))
        used = prompt if rng.random() < 0.8 else ""
        note = Note(slot_id, day, person, topic if person == logger else "", heard, agreed, used)
        millis += rng.randrange(60_000, 20 * 3_600_000 if person != logger else 600_000)
        yield life.put(person, talk_kinds.NOTE, note.id, note.to_data(), millis)
    if rng.random() < 0.08:
        yield from _followup(life, slot_id, on, day, logger, millis)


def _followup(
    life: Life, slot_id: str, on: date, day: date, by: str, millis: int
) -> Iterator[SampleRecord]:
    """Something to do after a talk; now and then it becomes a promise, later kept."""
    rng = life.rng
    item = Followup(life.new_id(talk_kinds.FOLLOWUP), slot_id, day, rng.choice(FOLLOWUPS), by)
    yield life.put(by, talk_kinds.FOLLOWUP, item.id, item.to_data(), millis + 60_000)
    due = on + timedelta(days=rng.randrange(3, 10))
    if rng.random() > 0.4 or due > life.end:
        return
    promise_id = life.new_id(PROMISE)
    data = promise_data(item.text, by, other(by), due, on)
    yield life.put(by, PROMISE, promise_id, data, millis + 120_000)
    became = replace(item, became=promise_id)
    yield life.put(by, talk_kinds.FOLLOWUP, item.id, became.to_data(), millis + 120_001)
    kept = settle(Promise.from_data(promise_id, data), rng.random() < 0.85, due)
    yield life.put(by, PROMISE, promise_id, kept.to_data(), life.at(due, by, time(19)))


# --- dates --------------------------------------------------------------------------

IdeaPicker = Callable[[date], JarIdea]  # what "surprise me" would have offered that day


def dates(life: Life) -> Iterator[SampleRecord]:
    """Every other Friday, in spells of a few years; swaps, getaways and own ideas between."""
    rng, own = life.rng, []
    for n, (person, title, kind, about) in enumerate(OWN_IDEAS):
        day = life.start + timedelta(days=25 + 110 * n)
        if day <= life.end:
            idea = own_idea(life.new_id(date_kinds.IDEA), title, kind, about, 2.5, person)
            own.append((day, idea))
            yield life.put(
                person, date_kinds.IDEA, idea.key, idea.to_data(), life.at(day, person, time(21))
            )
    last_used: dict[str, date] = {}

    def pick(day: date, kinds: tuple[IdeaKind, ...] = SHELVES) -> JarIdea:
        """What "surprise me" would have offered that day."""
        jar = [idea for made, idea in own if made < day] + [JarIdea.of(i) for i in IDEAS]
        used = {key for key, when in last_used.items() if (day - when).days < 90}
        idea = surprise(jar, used, rng, rng.choice(kinds))
        assert idea is not None
        last_used[idea.key] = day
        return idea

    spell = life.start
    while spell < life.end:
        stop = spell + timedelta(days=rng.randrange(700, 1300))
        pause = timedelta(days=rng.randrange(21, 70))  # before the next spell
        # The last spell goes on, so there is always a date night coming.
        ends = stop + pause < life.end
        yield from _series(life, spell, stop if ends else life.end, ends, pick)
        spell = stop + pause
    for first in sorted(d for d in life.holidays if d - timedelta(days=1) not in life.holidays):
        away = next(n for n in range(1, 99) if first + timedelta(days=n) not in life.holidays)
        plan = first - timedelta(days=rng.randrange(20, 40))  # booked weeks ahead
        if life.start < plan <= life.end:
            idea = pick(first, (IdeaKind.GETAWAY,))
            yield from _one_off(life, idea, first, plan, rng.choice("ab"), away)
    day = life.start + timedelta(days=rng.randrange(30, 90))
    while day < life.end:  # now and then, something new on a weeknight
        if day not in life.holidays:
            idea = pick(day, (IdeaKind.UNPLUGGED, IdeaKind.NEW_HOBBY))
            yield from _one_off(life, idea, day, day - timedelta(days=5), rng.choice("ab"))
        day += timedelta(days=rng.randrange(100, 200))


def _series(
    life: Life, first: date, last: date, ends: bool, pick: IdeaPicker
) -> Iterator[SampleRecord]:
    rng, by = life.rng, life.rng.choice("ab")
    friday = first + timedelta(days=(4 - first.weekday()) % 7)
    draft = DateDraft("Date night", day=friday.isoformat(), time=rng.choice(TIMES), hours="2.5")
    draft.place, draft.tz, draft.alarm = rng.choice(PLACES), TZ, "60"
    draft.repeat, draft.every = RepeatFreq.WEEKLY, "2"
    series = date_from_draft(draft, life.new_id(date_kinds.DATE), TZ, by)
    yield life.put(
        by, date_kinds.DATE, series.id, series.to_data(), life.at(first, by, time(9), 500)
    )
    for day in date_days(series, friday, min(last, life.end - timedelta(days=1))):
        yield from _evening(life, series, day, pick)
    if ends:  # they let this spell end; the past stays as it was
        ended = series.edited(repeat=replace(series.repeat, until=last))
        millis = life.at(last + timedelta(days=1), by, time(10))
        yield life.put(by, date_kinds.DATE, series.id, ended.to_data(), millis)


def _evening(life: Life, series: DateNight, day: date, pick: IdeaPicker) -> Iterator[SampleRecord]:
    rng, who = life.rng, life.rng.choice("ab")
    off = 0.05 + 0.3 * (1 - life.mood(US, day)) + 0.2 * bool(life.rough_on(day))
    chance = rng.random()
    if day in life.holidays:
        yield _mark(life, series, day, DateStatus.CANCELLED, series.by, day - timedelta(days=7))
    elif chance < 0.12 and day - timedelta(days=5) >= life.start:  # swapped for a jar idea
        plan = day - timedelta(days=5)
        yield _mark(life, series, day, DateStatus.CANCELLED, who, plan)
        yield from _one_off(life, pick(plan), day + timedelta(days=1), plan, who)
    elif chance < 0.12 + off:
        yield _mark(life, series, day, DateStatus.CANCELLED, who, day)
    elif chance < 0.15 + off:
        return  # never marked: it just slipped by
    else:
        yield from _done(life, series, day, day)


def _mark(
    life: Life, dn: DateNight, day: date, status: DateStatus, who: str, on: date
) -> SampleRecord:
    mark, on = Mark(dn.id, day, status, 1), max(on, life.start)
    return life.put(who, date_kinds.OCCURRENCE, mark.id, mark.to_data(), life.at(on, who, time(16)))


def _done(life: Life, dn: DateNight, day: date, last: date) -> Iterator[SampleRecord]:
    """Marked done that night, then rated by each of them, with a line to remember."""
    rng, who = life.rng, life.rng.choice("ab")
    mark = Mark(dn.id, day, DateStatus.DONE, 1)
    millis = life.at(last, who, time(22, 30), 90)
    yield life.put(who, date_kinds.OCCURRENCE, mark.id, mark.to_data(), millis)
    mood = life.mood(US, day) - 0.3 * bool(life.rough_on(day)) + 0.2 * dn.all_day
    for person in (who, other(who)):
        if rng.random() < 0.9:
            stars = min(5, max(1, round(2.4 + 2.4 * mood + rng.gauss(0, 0.7))))
            memory = rng.choice(MEMORIES) if rng.random() < 0.65 else ""
            rating = Rating(dn.id, day, person, stars, memory)
            millis += rng.randrange(60_000, 16 * 3_600_000)
            yield life.put(person, date_kinds.RATING, rating.id, rating.to_data(), millis)


def _one_off(
    life: Life, idea: JarIdea, day: date, plan: date, by: str, days: int = 1
) -> Iterator[SampleRecord]:
    """A date from the jar: planned a few days ahead, sometimes moved, then done or not."""
    rng, draft = life.rng, draft_from_idea(idea, plan, TZ)
    draft.day = day.isoformat()
    draft.days = str(min(days, max(1, idea.minutes // DAY)))
    dn = date_from_draft(draft, life.new_id(date_kinds.DATE), TZ, by)
    millis = life.at(plan, by, time(20), 120)
    yield life.put(by, date_kinds.DATE, dn.id, dn.to_data(), millis)
    if not dn.all_day and rng.random() < 0.15:  # half an hour later, after all
        assert isinstance(dn.start, datetime)
        dn = dn.edited(start=dn.start + timedelta(minutes=30))
        yield life.put(by, date_kinds.DATE, dn.id, dn.to_data(), millis + 86_400_000)
    last = day + timedelta(days=dn.days - 1 if dn.all_day else 0)
    if last >= life.end:
        return
    if rng.random() < 0.08:
        yield _mark(life, dn, day, DateStatus.CANCELLED, by, day - timedelta(days=1))
    else:
        yield from _done(life, dn, day, last)
