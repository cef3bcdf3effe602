"""Love maps: "how well do you know me" questions, written in our own words.

One of you answers a question about yourself in a few words; the other guesses. So each
question has two phrasings of the same words, with only the person changed: `about_me`
for the one answering ("What's your favourite...?") and `guess` for the one guessing
("What's their favourite...?"). Answers are meant to be short enough to check a guess
against: a place, a food, a name, a time of day.

Below, each question is written once with its pronouns as pairs, "your/their": the left
word makes the `about_me` phrasing and the right word the `guess` phrasing.

Keys are history: a round's answers and guesses refer to them, so once a question ships
its key is never reused or renumbered. Rewording keeps its key; retiring one deletes the
line and leaves its number unused.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Topic(StrEnum):
    """What a question is about. The value is stored; the label is shown."""

    FAVOURITES = "favourites"
    WORRIES = "worries"
    HOPES = "hopes"
    HISTORY = "history"
    EVERYDAY = "everyday"  # everyday life
    PEOPLE = "people"
    WORK = "work"  # work and learning, paid or not
    COMFORT = "comfort"  # how they like to be looked after

    @property
    def label(self) -> str:
        return TOPIC_LABELS[self]


TOPIC_LABELS: dict[Topic, str] = {
    Topic.FAVOURITES: "Favourites",
    Topic.WORRIES: "Worries",
    Topic.HOPES: "Hopes",
    Topic.HISTORY: "History",
    Topic.EVERYDAY: "Everyday life",
    Topic.PEOPLE: "People",
    Topic.WORK: "Work and learning",
    Topic.COMFORT: "Being looked after",
}


@dataclass(frozen=True, slots=True)
class LoveMapQuestion:
    key: str  # "lovemap-001": stable; a round's answers and guesses refer to it
    topic: Topic
    about_me: str  # to the one answering about themself: "What's your ...?"
    guess: str  # to the one guessing: "What's their ...?"


# "your/their": a pronoun pair; nothing else in the texts has a slash.
_PAIR = re.compile(r"([A-Za-z']+)/([A-Za-z']+)")


def _questions(topic: Topic, *entries: tuple[int, str]) -> tuple[LoveMapQuestion, ...]:
    """One topic's questions; each number is written out so keys never shift."""
    return tuple(
        LoveMapQuestion(
            f"lovemap-{n:03d}",
            topic,
            _PAIR.sub(r"\1", text),
            _PAIR.sub(r"\2", text),
        )
        for n, text in entries
    )


LOVE_MAP_QUESTIONS: tuple[LoveMapQuestion, ...] = (
    *_questions(
        Topic.FAVOURITES,
        (1, "What's your/their favourite way to spend a rainy afternoon?"),
        (2, "What's your/their favourite breakfast when there's no rush?"),
        (3, "Which snack do you/they reach for when nobody's watching?"),
        (4, "What's your/their favourite season of the year?"),
        (5, "What's a film you/they could watch again and again?"),
        (6, "What's your/their go-to drink on a cold day?"),
        (7, "What's a smell you/they love that most people wouldn't guess?"),
        (8, "Which song do you/they turn up the moment it comes on?"),
        (9, "What's your/their favourite thing to eat on a lazy evening?"),
        (10, "What's your/their favourite colour to wear?"),
        (11, "Where's your/their favourite spot to sit when you/they want some quiet?"),
        (12, "What's your/their favourite kind of weather for a walk?"),
        (13, "What book, show or game have you/they loved more than most?"),
        (14, "Which sweet treat is hardest for you/them to say no to?"),
        (15, "What's your/their favourite time of day?"),
        (16, "What's your/their favourite way to celebrate a small win?"),
    ),
    *_questions(
        Topic.WORRIES,
        (17, "What's a small everyday thing that can make you/them nervous?"),
        (18, "What kind of day leaves you/them most drained?"),
        (19, "What kind of thought is most likely to keep you/them awake at night?"),
        (20, "What's something you/they worry about more than you/they let on?"),
        (21, "What kind of phone call do you/they least like making?"),
        (22, "Where do you/they tend to feel a bit out of place?"),
        (23, "What's a small thing that can throw your/their whole day off?"),
        (24, "Which kind of change takes you/them longest to get used to?"),
        (25, "What do you/they tend to worry about before a trip?"),
        (26, "What's something that makes you/them anxious that others seem to find easy?"),
        (27, "When you're/they're worried, what's the first sign someone would notice?"),
        (28, "What's a worry about the future that visits you/them now and then?"),
        (29, "Which part of a busy week do you/they dread the most?"),
        (30, "What's a small fear you/they have that might surprise people?"),
        (31, "What kind of news tends to stay with you/them for days?"),
        (32, "When you're/they're worried, what helps least, even when people mean well?"),
    ),
    *_questions(
        Topic.HOPES,
        (33, "What's one thing you're/they're hoping this year brings?"),
        (34, "Where in the world would you/they most like to go next?"),
        (35, "If you/they could be good at one new thing overnight, what would it be?"),
        (36, "What's a small dream you/they still carry from years ago?"),
        (37, "What would make next month feel like a good one for you/them?"),
        (38, "What's something you'd/they'd like to get better at this year?"),
        (39, "What kind of place do you/they picture living in one day?"),
        (40, "What's a hobby you'd/they'd try if you/they had the time?"),
        (41, "What would you/they do with a free week and nothing planned?"),
        (42, "What's one thing you'd/they'd like people to remember about you/them?"),
        (43, "What's an adventure you'd/they'd like to have at least once?"),
        (44, "What's a habit you're/they're hoping to build?"),
        (45, "What's a feeling you/they hope to have more of this year?"),
        (46, "What would a really good birthday look like for you/them?"),
        (47, "What's a place from your/their past you'd/they'd love to visit again?"),
    ),
    *_questions(
        Topic.HISTORY,
        (48, "What was your/their favourite subject at school?"),
        (49, "What was your/their favourite food growing up?"),
        (50, "What game did you/they love playing when you/they were little?"),
        (51, "Who was your/their best friend when you/they were young?"),
        (52, "What's the first film you/they remember seeing?"),
        (53, "What did you/they want to be when you/they grew up?"),
        (54, "What's a nickname you've/they've had that stuck for a while?"),
        (55, "What's a place from growing up that you/they still think about?"),
        (56, "Which teacher or grown-up made a difference to you/them growing up?"),
        (57, "What's a trip you've/they've taken that you/they still talk about?"),
        (58, "What's the bravest thing you've/they've done so far?"),
        (59, "What's a moment from years back that you're/they're still proud of?"),
        (60, "What was your/their first pet, or a pet you/they dreamed of having?"),
        (61, "What's a funny story from your/their past that you/they love telling?"),
        (62, "Which year of your/their life so far would you/they happily live again?"),
        (63, "What's a song that takes you/them straight back to being a teenager?"),
    ),
    *_questions(
        Topic.EVERYDAY,
        (64, "How do you/they take your/their tea or coffee, if at all?"),
        (65, "What's the first thing you/they do after waking up?"),
        (66, "Which chore do you/they put off the longest?"),
        (67, "Which chore do you/they secretly not mind?"),
        (68, "What time would you/they go to bed if nothing had to be done tomorrow?"),
        (69, "Which part of your/their morning matters most to you/them?"),
        (70, "What's your/their go-to meal when you're/they're too tired to cook?"),
        (71, "Which app or website do you/they open most, if any?"),
        (72, "What's a small daily ritual that keeps you/them going?"),
        (73, "Which day of the week do you/they like best?"),
        (74, "What do you/they usually do in the first ten minutes after getting in?"),
        (75, "What's a little trick you/they use to make a dull task bearable?"),
        (76, "How do you/they like to spend a slow morning?"),
        (77, "What's the one thing you/they won't leave the house without?"),
        (78, "What do you/they listen to while getting things done?"),
        (79, "Are you/they an early bird or a night owl, honestly?"),
    ),
    *_questions(
        Topic.PEOPLE,
        (80, "Who's the first person you/they tell when something good happens?"),
        (81, "Which friend can always make you/them laugh?"),
        (82, "Who's someone you/they admire but have never met?"),
        (83, "Who do you/they wish you/they saw more often?"),
        (84, "Who's someone from your/their past you'd/they'd love to catch up with?"),
        (85, "Who do people say you're/they're most like?"),
        (86, "Who do you/they turn to when you/they want honest advice?"),
        (87, "Which famous person would you/they most like to spend a day with?"),
        (88, "Who taught you/them something you/they still use every day?"),
        (89, "What kind of person do you/they click with straight away?"),
        (90, "Who's someone that always makes you/them feel welcome?"),
        (91, "What's the quality you/they look for most in a friend?"),
        (92, "Who's someone you'd/they'd like to thank but haven't yet?"),
        (93, "In a group, are you/they more often the talker or the listener?"),
        (
            94,
            "Who's a familiar face, like a neighbour or shopkeeper, who brightens your/their week?",
        ),
        (95, "How many people make a perfect get-together for you/them?"),
    ),
    *_questions(
        Topic.WORK,
        (96, "Which part of your/their days, paid or not, do you/they find most satisfying?"),
        (97, "What's something you've/they've taught yourself/themself?"),
        (98, "What's a subject you/they could happily read about for hours?"),
        (99, "What's a task you're/they're quietly very good at?"),
        (100, "What's the best advice you've/they've been given about work or learning?"),
        (101, "What's something you/they learned recently that surprised you/them?"),
        (102, "How do you/they learn best: reading, watching or having a go?"),
        (103, "What kind of task makes time fly for you/them?"),
        (104, "What's a task you'd/they'd gladly hand to someone else forever?"),
        (105, "Where do you/they do your/their best thinking?"),
        (106, "What would you/they study if you/they could go back to learning full time?"),
        (107, "What's a skill of yours/theirs that most people don't know about?"),
        (108, "What kind of thanks means the most to you/them after doing something well?"),
        (109, "What time of day do you/they get the most done?"),
        (110, "What's a mistake you/they once made that taught you/them a lot?"),
    ),
    *_questions(
        Topic.COMFORT,
        (111, "What do you/they most like to eat when you're/they're feeling low?"),
        (112, "When you're/they're unwell, what helps more: company or peace and quiet?"),
        (113, "What's the kindest thing someone can do for you/them after a long day?"),
        (114, "What's your/their favourite way to be cheered up?"),
        (115, "Which blanket, jumper or spot do you/they reach for to feel cosy?"),
        (116, "When you're/they're stressed, do you/they want advice or just a listening ear?"),
        (117, "What's a small gesture that makes you/them feel looked after?"),
        (118, "What film or show do you/they put on for comfort?"),
        (119, "What do you/they like to hear when things go wrong?"),
        (120, "What drink do you/they like brought over when you're/they're under the weather?"),
        (121, "What sound helps you/them relax?"),
        (122, "After a hard day, do you/they want to talk about it straight away or later?"),
        (123, "What's a little treat that always lifts your/their mood?"),
        (124, "What helps you/them fall asleep when your/their mind is busy?"),
    ),
)

_BY_KEY = {question.key: question for question in LOVE_MAP_QUESTIONS}


def find_love_map(key: str) -> LoveMapQuestion | None:
    """The question with this key, or None (it may have been retired)."""
    return _BY_KEY.get(key)
