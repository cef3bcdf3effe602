"""A starter library of small connection habits, written in our own words.

Each entry is something an ordinary couple can do in an ordinary week: a
phone-free dinner, a specific thank-you, a twenty-minute break when a row
heats up. They are suggestions to pick from, not a programme; ``to_habit``
turns one into a real :class:`~tracker.domain.models.Habit` once the couple
chooses it.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tracker.domain.models import (
    Area,
    Direction,
    Fulfilment,
    Habit,
    HabitKind,
    Owner,
    Schedule,
    ScheduleKind,
)

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
WORKDAYS = (MON, TUE, WED, THU, FRI)
WEEKEND = (SAT, SUN)


@dataclass(frozen=True, slots=True)
class StarterHabit:
    """A ready-made habit the couple can adopt as it is or tweak first."""

    key: str  # short stable slug, e.g. "phone-free-dinner"
    title: str  # at most 40 characters
    description: str  # one or two sentences, at most 200 characters
    area: Area
    owner: Owner
    schedule: Schedule
    kind: HabitKind = HabitKind.YES_NO
    target: float = 1.0  # MEASURABLE only
    unit: str = ""  # MEASURABLE only
    direction: Direction = Direction.AT_LEAST
    done_by: Fulfilment | None = None  # what else ticks it: a date night, a talk

    @property
    def measurable(self) -> bool:
        return self.kind is HabitKind.MEASURABLE

    def to_habit(self, habit_id: str, start: date, order: int = 0) -> Habit:
        """A real habit with this starter's wording, schedule and target."""
        return Habit(
            id=habit_id,
            title=self.title,
            area=self.area,
            owner=self.owner,
            schedule=self.schedule,
            start=start,
            description=self.description,
            kind=self.kind,
            target=float(self.target),
            unit=self.unit,
            direction=self.direction,
            order=order,
            done_by=self.done_by.value if self.done_by else "",
        )


def _daily() -> Schedule:
    return Schedule(ScheduleKind.DAILY)


def _on(*weekdays: int) -> Schedule:
    return Schedule(ScheduleKind.WEEKDAYS, weekdays=tuple(sorted(set(weekdays))))


def _per_week(times: int) -> Schedule:
    return Schedule(ScheduleKind.PER_WEEK, times=times)


def _per_month(times: int) -> Schedule:
    return Schedule(ScheduleKind.PER_MONTH, times=times)


def _every(days: int) -> Schedule:
    return Schedule(ScheduleKind.EVERY_N_DAYS, every=days)


def _in_days(times: int, days: int) -> Schedule:
    return Schedule(ScheduleKind.TIMES_IN_DAYS, times=times, every=days)


_C = Area.COMMUNICATION
_F = Area.CONFLICT
_Q = Area.QUALITY_TIME
_P = Area.PRIORITIES
_T = Area.TRUST
_EACH = Owner.EACH
_US = Owner.TOGETHER
_MEASURE = HabitKind.MEASURABLE

STARTER_HABITS: tuple[StarterHabit, ...] = (
    # --- Communication -------------------------------------------------
    StarterHabit(
        "ask-about-their-day",
        "Ask about their day",
        "Ask one real question about their day and listen to the answer "
        "without trying to fix anything. Most evenings they want company, "
        "not a plan.",
        _C,
        _EACH,
        _on(*WORKDAYS),
    ),
    StarterHabit(
        "unhurried-talk",
        "Unhurried talk",
        "Sit down, phones away, and talk about anything except logistics. "
        "Fifteen minutes is enough to remember you like each other.",
        _C,
        _US,
        _per_week(3),
        kind=_MEASURE,
        target=15,
        unit="minutes",
        direction=Direction.AT_LEAST,
        done_by=Fulfilment.TALK,
    ),
    StarterHabit(
        "specific-thank-you",
        "One specific thank-you",
        "Thank them for one particular thing they did today. 'Thanks for "
        "sorting the bins' lands better than 'thanks for everything'.",
        _C,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "best-and-hardest",
        "Best and hardest bit of the day",
        "Over dinner or in bed, each say the best and the hardest part of "
        "your day. It takes two minutes and keeps you up to date with each "
        "other's life.",
        _C,
        _US,
        _daily(),
    ),
    StarterHabit(
        "share-one-worry",
        "Share one worry while it's small",
        "Mention one thing that's been on your mind before it has time to "
        "grow. Small worries are far easier to talk about than big ones.",
        _C,
        _EACH,
        _every(3),
    ),
    StarterHabit(
        "thinking-of-you",
        "A thinking-of-you message",
        "Send one message in the day that isn't about errands: a photo, a "
        "joke, a line saying you're looking forward to tonight.",
        _C,
        _EACH,
        _on(*WORKDAYS),
    ),
    StarterHabit(
        "say-back-what-you-heard",
        "Say back what you heard",
        "When they tell you something that matters, say back what you "
        "understood before you answer. It saves a lot of talking past each "
        "other.",
        _C,
        _EACH,
        _per_week(3),
    ),
    StarterHabit(
        "ask-something-new",
        "Ask something you don't know",
        "Ask a question you can't already answer: a childhood memory, a "
        "small hope, what they'd do with a free Saturday. People keep "
        "changing.",
        _C,
        _EACH,
        _per_week(2),
    ),
    StarterHabit(
        "ask-how-it-went",
        "Ask how it went",
        "If they mentioned a big meeting, a hard phone call or a doctor's "
        "visit, ask afterwards how it went. It shows you were listening.",
        _C,
        _EACH,
        _every(2),
    ),
    StarterHabit(
        "how-are-we-doing",
        "Ask how we're doing",
        "Every couple of weeks, ask each other how the two of you are doing, "
        "and name one thing that's going well and one that could be easier.",
        _C,
        _US,
        _per_month(2),
    ),
    # --- Conflict ------------------------------------------------------
    StarterHabit(
        "feeling-not-fault",
        "Name a feeling, not a fault",
        "When something stings, say how you feel ('I felt left out') rather "
        "than what they did wrong ('you ignored me'). It keeps the "
        "conversation open.",
        _F,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "twenty-minute-break",
        "Take twenty minutes when it heats up",
        "When a row gets heated, say so, step away for twenty minutes, then "
        "come back and finish it. The coming back is the part that counts.",
        _F,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "is-now-a-good-time",
        "Ask if now is a good time",
        "Before raising something hard, ask whether now works, and agree on "
        "a time if it doesn't. Late at night and hungry rarely is.",
        _F,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "one-thing-at-a-time",
        "One thing at a time",
        "Stick to the thing you're actually discussing. Last year's holiday "
        "can stay out of it, however tempting.",
        _F,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "reach-out-after-a-row",
        "Reach out after a row",
        "After a disagreement, make the first small move back: a cup of "
        "tea, a hand on the shoulder, 'sorry I snapped'. You can be on the "
        "same side before it's settled.",
        _F,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "own-your-part",
        "Own your part",
        "Name one thing you could have done better in a disagreement, "
        "without adding 'but'. It makes it much easier for them to do the "
        "same.",
        _F,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "ask-what-they-need",
        "Ask what they need right now",
        "Partway through a hard talk, ask 'what do you need from me right "
        "now?' Sometimes it's a solution; more often it's to be heard.",
        _F,
        _EACH,
        _per_week(2),
    ),
    StarterHabit(
        "kindest-reading",
        "Assume the kindest meaning",
        "When a text or a comment lands badly, assume the kindest reading "
        "and ask before reacting. Most prickly moments are tiredness, not "
        "malice.",
        _F,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "talk-through-a-sore-point",
        "Talk through one sore point",
        "Sit down with a cup of tea and talk calmly about one thing that's "
        "been niggling. Fifteen unhurried minutes does more than an hour of "
        "arguing.",
        _F,
        _US,
        _per_month(2),
        kind=_MEASURE,
        target=15,
        unit="minutes",
        direction=Direction.AT_LEAST,
    ),
    StarterHabit(
        "end-on-agreement",
        "End on something you agree on",
        "As a disagreement winds down, each say one thing you agree on, even "
        "if it's only that you both want this sorted.",
        _F,
        _US,
        _per_week(1),
    ),
    # --- Quality time --------------------------------------------------
    StarterHabit(
        "phone-free-dinner",
        "Phone-free dinner",
        "Eat together with both phones in another room. It's the easiest "
        "half hour of attention you can give each other.",
        _Q,
        _US,
        _per_week(4),
    ),
    StarterHabit(
        "weekly-walk",
        "A walk together",
        "Go for a walk with just the two of you. Side by side is an easy way "
        "to talk, and an easy way to be quiet together too.",
        _Q,
        _US,
        _per_week(1),
        kind=_MEASURE,
        target=30,
        unit="minutes",
        direction=Direction.AT_LEAST,
    ),
    StarterHabit(
        "tech-free-hour",
        "Tech-free hour",
        "An evening hour with every screen off: cook, play cards, read in "
        "the same room. Being a bit bored together counts.",
        _Q,
        _US,
        _every(3),
    ),
    StarterHabit(
        "try-something-new",
        "Try something new together",
        "Do something neither of you has done before: a new recipe, a "
        "different walk, a class, a film you'd never pick. It gives you "
        "something fresh to share.",
        _Q,
        _US,
        _per_month(1),
    ),
    StarterHabit(
        "proper-hello-and-goodbye",
        "A proper hello and goodbye",
        "When one of you leaves or comes home, kiss for six seconds or hug "
        "until you both relax. Long enough to actually notice each other.",
        _Q,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "date-night",
        "Date night",
        "Plan an evening in or out that's just for the two of you, taking "
        "turns to choose. Put it in the calendar like any other "
        "appointment.",
        _Q,
        _US,
        _per_month(2),
        done_by=Fulfilment.DATE,
    ),
    StarterHabit(
        "bed-at-the-same-time",
        "Go to bed at the same time",
        "A few nights a week, go up together instead of one of you staying "
        "up. The ten minutes of chat in the dark add up.",
        _Q,
        _US,
        _per_week(3),
    ),
    StarterHabit(
        "slow-weekend-breakfast",
        "Slow weekend breakfast",
        "Sit down to breakfast together with no rush and nowhere to be for a while. Toast counts.",
        _Q,
        _US,
        _on(*WEEKEND),
    ),
    StarterHabit(
        "phone-time-in-bed",
        "Phone time in bed",
        "Keep scrolling in bed to ten minutes or less, so there's room to "
        "talk, read side by side or fall asleep close.",
        _Q,
        _EACH,
        _daily(),
        kind=_MEASURE,
        target=10,
        unit="minutes",
        direction=Direction.AT_MOST,
    ),
    StarterHabit(
        "chore-side-by-side",
        "Do a chore side by side",
        "Cook, fold the washing or do the big shop together instead of "
        "splitting up. Ordinary jobs are nicer with company.",
        _Q,
        _US,
        _per_week(2),
    ),
    StarterHabit(
        "remember-a-good-day",
        "Remember a good day",
        "Look through old photos or retell the story of a day you both "
        "loved. It's a reminder of how much you've already shared.",
        _Q,
        _US,
        _per_month(1),
    ),
    StarterHabit(
        "cook-together",
        "Cook a meal together",
        "One of you chops, the other stirs, and the talk while it simmers is "
        "the point. Any meal counts, even beans on toast.",
        _Q,
        _US,
        _in_days(3, 10),
    ),
    # --- Priorities ----------------------------------------------------
    StarterHabit(
        "sunday-week-ahead",
        "Look at the week ahead on Sunday",
        "Go through the coming week's calendar together: who's where, who's "
        "late, what needs doing. Fewer surprises means fewer snappy "
        "moments.",
        _P,
        _US,
        _on(SUN),
    ),
    StarterHabit(
        "make-the-week-easier",
        "Ask what would make their week easier",
        "Ask 'what would make this week easier for you?' and do one thing "
        "from the answer, even a small one.",
        _P,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "monthly-money-chat",
        "Monthly money chat",
        "Go through spending and plans together, with no blame for what's "
        "already gone. Money talks go better as a routine than as a "
        "reaction to a shock.",
        _P,
        _US,
        _per_month(1),
    ),
    StarterHabit(
        "take-a-job-off-their-plate",
        "Take one job off their plate",
        "Pick something they usually handle, like the school run, the bins "
        "or dinner, and do it yourself without being asked.",
        _P,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "work-after-cut-off",
        "Work after the evening cut-off",
        "Agree a time when work email and work chat stop for the evening, "
        "and keep anything after it to a quarter of an hour at most.",
        _P,
        _EACH,
        _on(*WORKDAYS),
        kind=_MEASURE,
        target=15,
        unit="minutes",
        direction=Direction.AT_MOST,
    ),
    StarterHabit(
        "check-before-booking-us",
        "Check before booking you both in",
        "Before saying yes to something that involves you both, check with "
        "them first. A quick 'does Saturday work for you?' saves a lot of "
        "quiet resentment.",
        _P,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "say-no-to-one-thing",
        "Say no to one extra thing",
        "When the calendar is full, turn down one optional thing so there's "
        "time left for home. It's a quiet way of putting the two of you "
        "first.",
        _P,
        _EACH,
        _per_month(2),
    ),
    StarterHabit(
        "shared-plan",
        "Talk about a plan you share",
        "Talk about something you're working towards together: a trip, a "
        "move, a savings pot, a garden. It reminds you you're on the same "
        "team.",
        _P,
        _US,
        _per_month(1),
    ),
    StarterHabit(
        "evening-to-themselves",
        "Give them an evening off",
        "Take care of home for an evening so they get a few hours that are "
        "entirely their own. Rested people have more to give each other.",
        _P,
        _EACH,
        _per_month(1),
    ),
    StarterHabit(
        "something-to-look-forward-to",
        "Plan something to look forward to",
        "Put one small shared plan in the calendar: a walk, a film, breakfast "
        "out. A busy fortnight feels different with something good in it.",
        _P,
        _US,
        _in_days(1, 14),
    ),
    # --- Trust ---------------------------------------------------------
    StarterHabit(
        "keep-one-small-promise",
        "Keep one small promise",
        "Say you'll do one small thing today, then do it. Trust is mostly "
        "built from ordinary promises, kept without fuss.",
        _T,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "tell-changes-early",
        "Tell them about changes early",
        "If you'll be late, away or changing plans, say so before it "
        "happens rather than after. A two-line message is plenty.",
        _T,
        _EACH,
        _daily(),
    ),
    StarterHabit(
        "morning-plans",
        "Say your plans in the morning",
        "Before you go your separate ways, tell each other roughly where "
        "you'll be and when you'll be back. Knowing is its own kind of "
        "calm.",
        _T,
        _EACH,
        _on(*WORKDAYS),
    ),
    StarterHabit(
        "own-up-to-small-slips",
        "Own up to small slips",
        "Tell them about a small slip, like a forgotten errand or an "
        "overspend, before they find it. It makes the bigger things easier "
        "to share.",
        _T,
        _EACH,
        _per_month(2),
    ),
    StarterHabit(
        "speak-well-of-them",
        "Speak well of them to others",
        "Say something good about them when they're not there: to a friend, "
        "a parent, a colleague. Loyalty in small moments is what lets them "
        "relax.",
        _T,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "share-something-held-back",
        "Share something you've kept to yourself",
        "Tell them one thing you've been keeping quiet about, even something "
        "small: a hope, a fear, an embarrassing moment. Being known takes a "
        "little practice.",
        _T,
        _EACH,
        _per_week(1),
    ),
    StarterHabit(
        "reply-when-they-reach-out",
        "Reply when they reach out",
        "When they message or call in the day, answer within a reasonable "
        "time, even if it's only 'busy, will ring you at six'.",
        _T,
        _EACH,
        _on(*WORKDAYS),
    ),
    StarterHabit(
        "mention-bigger-spends",
        "Mention bigger spends first",
        "Before buying anything you'd both notice, mention it. A quick 'I'm "
        "thinking of getting a new bike' keeps money from turning into a "
        "surprise.",
        _T,
        _EACH,
        _per_month(1),
    ),
    StarterHabit(
        "have-their-back",
        "Have their back in company",
        "When you're out with others, take their side or stay kind and "
        "neutral, and keep any disagreement for later at home.",
        _T,
        _EACH,
        _per_week(1),
    ),
)

_BY_KEY: dict[str, StarterHabit] = {starter.key: starter for starter in STARTER_HABITS}

# Three gentle ones, offered ticked at set-up (the app's onboarding, and `rekindle init`
# without --starter), so a couple who skip the choosing still have something to do tonight.
DEFAULT_STARTERS = ("phone-free-dinner", "ask-about-their-day", "specific-thank-you")


def starters_by_area() -> dict[Area, list[StarterHabit]]:
    """Starters grouped by area, every area present, in library order."""
    grouped: dict[Area, list[StarterHabit]] = {area: [] for area in Area}
    for starter in STARTER_HABITS:
        grouped[starter.area].append(starter)
    return grouped


def find_starter(key: str) -> StarterHabit | None:
    """The starter with this key, or None."""
    return _BY_KEY.get(key)
