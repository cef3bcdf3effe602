"""The made-up couple's daily questions over their last weeks: most days both answered,
some days one, a few neither, and the days just before the end both, so the demo opens
on a run of days and a history to browse.

Each day's question is the one the store would pick for this couple (their seed is the
first device's replica id, as `tracker.store.daily.seed` finds it), written as the
store writes it: an `Asked` from the laptop of whoever looked first, then each
`Answer`. Pure: see ``tracker.domain.sample.couple``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta

from tracker.domain.content.daily import DAILY_QUESTIONS, find_daily
from tracker.domain.content.prompts import Theme
from tracker.domain.daily.kinds import ANSWER, ASKED
from tracker.domain.daily.model import Answer, Asked, clean_answer
from tracker.domain.daily.rules import pick
from tracker.domain.sample.couple import REPLICAS, Life, SampleRecord, lines

WEEKS = 6  # how far back the couple has had the question
RUN = 6  # days before the end that both answered, so the streak is alive

# A few words each, by theme: the couple's voice, short as answers on a weeknight are.
SAID: dict[str, dict[Theme, tuple[str, ...]]] = {
    "a": {
        Theme.LOVE_MAPS: lines("Honestly, the quiet bit after work.|Still the sea, every time."),
        Theme.APPRECIATION: lines("You made tea without asking.|The way you listened on Sunday."),
        Theme.VISION: lines("A garden, and you in it.|Somewhere warm, slower than now."),
        Theme.PRIORITIES: lines("Sleep, if I'm honest.|More evenings that are just ours."),
        Theme.REPAIR: lines("A hand on my arm helps.|Saying sorry sooner."),
        Theme.TRUST: lines("Telling you when I'm worried.|That you keep the small promises."),
        Theme.INTIMACY: lines("When you kiss me goodbye properly.|Lazy Saturday mornings."),
        Theme.FUN: lines("The pub quiz, obviously.|Dancing in the kitchen."),
        Theme.STRESS: lines("A walk and no phones.|You asking, and then just listening."),
    },
    "b": {
        Theme.LOVE_MAPS: lines("The pottery class, weirdly.|Mum's Sunday lunches."),
        Theme.APPRECIATION: lines("You cooked when I was late.|You noticed I was tired."),
        Theme.VISION: lines("A dog. You know this.|Us, still laughing at the same things."),
        Theme.PRIORITIES: lines("Seeing friends more.|Fewer late nights at work."),
        Theme.REPAIR: lines("Time to cool off, then a hug.|Hearing you say you get it."),
        Theme.TRUST: lines("You told me the hard thing.|Being asked before plans are made."),
        Theme.INTIMACY: lines("Holding hands on the sofa.|When you leave me notes."),
        Theme.FUN: lines("That terrible film night.|A day at the coast."),
        Theme.STRESS: lines("Cooking together helps me.|A bath and an early night."),
    },
}


def _seed() -> str:
    """The couple's order of questions: the first device's replica id, as the store sees
    it (both laptops write a person record; the smaller id is Alex's)."""
    return min(replica for replica in REPLICAS if replica.endswith("laptop"))


def daily(life: Life) -> Iterator[SampleRecord]:
    """Their last WEEKS weeks of daily questions, up to the end's evening."""
    rng, seed = life.rng, _seed()
    pool = [question.key for question in DAILY_QUESTIONS]
    asked: dict[date, str] = {}
    day = max(life.start, life.end - timedelta(weeks=WEEKS))
    while day <= life.end:
        key = pick(seed, day, pool, asked, set())
        assert key is not None  # nothing is hidden
        asked[day] = key
        first = rng.choice("ab")
        laptop = "alex-laptop" if first == "a" else "sam-laptop"
        opened = Asked(day, first, key, laptop)
        yield SampleRecord(
            laptop, ASKED, opened.id, opened.to_data(), life.at(day, first, time(7, 30))
        )
        for person in ("a", "b"):
            if day == life.end and person == "a":
                continue  # Sam has answered today: the demo's question is waiting for Alex
            recent = (life.end - day).days <= RUN
            if recent or rng.random() < life.mood(person, day) - 0.05:
                yield _answer(life, day, person, key)
        day += timedelta(days=1)


def _answer(life: Life, day: date, person: str, key: str) -> SampleRecord:
    question = find_daily(key)
    assert question is not None
    text = clean_answer(life.rng.choice(SAID[person][question.theme]))
    answer = Answer(day, person, key, text)
    return life.put(person, ANSWER, answer.id, answer.to_data(), life.at(day, person, time(20)))
