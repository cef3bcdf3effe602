"""The made-up couple's goals, values, visions and monthly priorities, built with the goals
feature's own models (``Goal``, ``Milestone``, ``clean_ranking``…) under its kinds.
Pure: see ``tracker.domain.sample.couple``; ``story`` runs it after talks and dates.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, time, timedelta
from typing import Any

from tracker.domain.goals import kinds as goal_kinds
from tracker.domain.goals.model import Goal, Milestone, milestone_id
from tracker.domain.goals.priorities import clean_priorities, month_key
from tracker.domain.goals.values import clean_ranking, clean_vision, own_value
from tracker.domain.models import US
from tracker.domain.sample.couple import Life, SampleRecord

Steps = tuple[tuple[str, int, str], ...]  # each milestone's title, days in, and who owns it
SHARED_GOALS = (
    ("Save for a home", "So we have a place that is ours.", 1100,
     (("Open a joint savings pot", 20, US), ("Agree a monthly amount", 45, "b"),
      ("Save the first thousand", 150, US), ("Meet a mortgage adviser", 420, "a"),
      ("Reach half the deposit", 800, US))),
    ("Walk the coast path together", "Time outside, just us, with nothing to fix.", 540,
     (("Buy proper boots", 25, "a"), ("A first day's walk", 80, US),
      ("A weekend of walking", 230, US), ("Plan the last stretch", 420, "b"))),
    ("Learn Spanish before the big trip", "So we can talk to people, not just point.", 330,
     (("Pick a course", 14, "b"), ("First lesson together", 35, US),
      ("Ten phrases each", 70, US), ("Order dinner in Spanish", 240, US))),
)  # fmt: skip
OWN_GOALS = (
    ("a", "Run a half marathon", "To feel strong again.", 300,
     (("Run 5 km without stopping", 60, "a"), ("Run 10 km", 150, "a"),
      ("Sign up for the race", 200, "a")),
     ("Come to the finish line", "Keep Sunday mornings free for long runs")),
    ("b", "Finish the pottery course", "To make something with my own hands.", 200,
     (("Throw a first bowl", 40, "b"), ("Glaze a set of mugs", 150, "b")),
     ("Ask about the class each week", "Clear a shelf for the pots")),
)  # fmt: skip
VALUES = {
    "a": ("honesty", "family", "humour", "adventure", "growth", "kindness"),
    "b": ("family", "kindness", "honesty", "stability", "creativity", "time outdoors"),
}
VISION = (
    ("a", "home", 5, "A small house with a garden and room for friends to stay."),
    ("a", "travel", 1, "A week somewhere warm, and a few weekends by the sea."),
    ("a", "work", 5, "Work four days a week, with time for the things we love."),
    ("a", "family", 10, "Close to both our families, with Sunday lunches most months."),
    ("b", "home", 5, "A house with a garden, a dog and a spare room for friends."),
    ("b", "travel", 1, "A trip to the sea and one city break together."),
    ("b", "money", 5, "Savings for a rainy day and no debts."),
    ("b", "family", 10, "Sunday lunches with family and friends round the table."),
)
PRIORITIES = {
    "a": ("our relationship", "work", "health", "friends", "family", "hobbies", "rest"),
    "b": ("our relationship", "family", "rest", "work", "friends", "health", "money"),
}


def goals(life: Life) -> Iterator[SampleRecord]:
    """Values and vision early on, goals along the way, a priorities review most months."""
    rng, span = life.rng, (life.end - life.start).days
    for n, person in enumerate(("a", "b")):
        ranked = [own_value(v) for v in VALUES[person]]
        data: dict[str, Any] = {"person": person, "ranked": clean_ranking(ranked)}
        day = min(life.end, life.start + timedelta(days=10 + 2 * n))
        yield life.put(
            person,
            goal_kinds.VALUES,
            f"{goal_kinds.VALUES}:{person}",
            data,
            life.at(day, person, time(20)),
        )
        for who, area, years, text in VISION:
            if who == person:
                data = {"person": who, "area": area, "years": years}
                data["text"] = clean_vision(text, area, years)
                millis = life.at(day, who, time(21), 90)
                yield life.put(
                    who,
                    goal_kinds.VISION,
                    f"{goal_kinds.VISION}:{who}:{area}:{years}",
                    data,
                    millis,
                )
    made = (15, span // 2, max(20, span - 150))
    for (title, why, target, steps), after in zip(SHARED_GOALS, made, strict=True):
        goal = Goal(life.new_id(goal_kinds.GOAL), title, US, why)
        yield from _goal(life, goal, life.start + timedelta(days=after), target, steps, ())
    for n, (owner, title, why, target, steps, helps) in enumerate(OWN_GOALS):
        goal = Goal(life.new_id(goal_kinds.GOAL), title, owner, why)
        after = max(30 * n + 30, span - 260 + 100 * n)  # each started one lately
        yield from _goal(life, goal, life.start + timedelta(days=after), target, steps, helps)
    ranks = {person: list(PRIORITIES[person]) for person in PRIORITIES}
    month = life.start.replace(day=1)
    while month <= life.end:
        for person, ranked in ranks.items():
            if rng.random() < 0.35:  # something moved up a place this month
                at = rng.randrange(1, len(ranked))
                ranked[at - 1], ranked[at] = ranked[at], ranked[at - 1]
            day = month + timedelta(days=rng.randrange(0, 10))
            if life.start <= day <= life.end and rng.random() < 0.8:
                data = {"person": person, "month": month_key(day)}
                data["ranked"] = clean_priorities(ranked)
                record_id = f"{goal_kinds.PRIORITIES}:{person}:{month_key(day)}"
                yield life.put(
                    person, goal_kinds.PRIORITIES, record_id, data, life.at(day, person, time(20))
                )
        month = (month + timedelta(days=32)).replace(day=1)


def _goal(
    life: Life, goal: Goal, made: date, target: int, steps: Steps, helps: tuple[str, ...]
) -> Iterator[SampleRecord]:
    """A goal, its milestones ticked as their days come, and reached once all are done."""
    if made > life.end:
        return
    rng, by = life.rng, goal.owner if goal.owner in ("a", "b") else life.rng.choice("ab")
    goal = replace(goal, created=made, target=made + timedelta(days=target))
    for text in helps:
        goal = goal.with_action(life.new_id("x")[2:], text)
    millis = life.at(made, by, time(20), 120)
    yield life.put(by, goal_kinds.GOAL, goal.id, goal.to_data(), millis)
    ticks: list[int] = []
    for title, after, owner in steps:
        due = made + timedelta(days=after)
        step = Milestone(milestone_id(goal.id, life.new_id("x")[2:]), goal.id, title, due, owner)
        yield life.put(by, goal_kinds.MILESTONE, step.id, step.to_data(), millis + 1 + len(ticks))
        done = due + timedelta(days=rng.randrange(-6, 4))
        if rng.random() < 0.2:  # it slipped: done weeks late, if it's done yet
            done += timedelta(days=rng.randrange(20, 110))
        if made < done <= life.end:
            who = owner if owner in ("a", "b") else rng.choice("ab")
            step = step.ticked(who, done)
            ticks.append(life.at(done, who, time(19), 180))
            yield life.put(who, goal_kinds.MILESTONE, step.id, step.to_data(), ticks[-1])
    if len(ticks) == len(steps):
        reached = replace(goal, reached=True)
        yield life.put(by, goal_kinds.GOAL, goal.id, reached.to_data(), max(ticks) + 60_000)
