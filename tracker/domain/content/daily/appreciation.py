"""Daily questions. Appreciation: noticing each other, and saying so.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.APPRECIATION,
    (4, L, "What's one thing I did recently that made your day easier?"),
    (52, L, "Did I say anything this week that you liked hearing?"),
    (53, L, "Which of my faces or expressions do you find funniest?"),
    (54, L, "What's a meal or snack we've shared that you loved?"),
    (55, L, "Which of my jokes actually makes you laugh?"),
    (56, L, "What's a message from me you enjoyed getting lately?"),
    (57, L, "Which of my small routines do you find quietly lovely?"),
    (58, L, "What's one thing I'm good at that you'd brag about to a friend?"),
    (59, L, "Which photo of us do you really like, and why?"),
    (60, L, "Which of my outfits do you like best?"),
    (61, L, "Have I taught you anything, even by accident?"),
    (62, L, "What's a favour I did for you that you still think of?"),
    (63, L, "What do you like about how I get on with your friends?"),
    (64, L, "Who in your life do you feel grateful for today, besides me?"),
    (65, L, "What was the nicest moment we shared this week?"),
    (66, L, "In one word, how would you describe me today?"),
    (67, L, "Which of my laughs is your favourite?"),
    (68, L, "What's a small, unremarkable thing I do that you're glad of?"),
    (69, L, "Which of my texts or calls came at just the right time lately?"),
    (70, M, "What's something about me that grew on you slowly?"),
    (71, M, "When did I last impress you, even a little?"),
    (72, M, "How do I show care in ways that are easy to miss?"),
    (73, M, "What's something you've learned from watching me?"),
    (74, M, "Which of my strengths do you wish I'd notice in myself?"),
    (75, M, "What's one way I've made your life a bit lighter this month?"),
    (76, M, "When do you feel most appreciated by me?"),
    (77, M, "When did I last surprise you in a good way?"),
    (78, M, "How would you like me to say thank you when you've done something kind?"),
    (79, M, "What's something we do well as a pair?"),
    (80, M, "What's something you did this week that I might have missed?"),
    (81, M, "Is there a compliment someone paid you that you still remember?"),
    (82, M, "Who taught you most about kindness?"),
    (83, M, "What do you appreciate about the way we spend time apart?"),
    (84, M, "Which part of my personality brings out the best in you?"),
    (85, M, "What small thing could I thank you for today?"),
    (86, D, "What's something about me you'd want to tell a stranger?"),
    (87, D, "How has being with me changed you for the better?"),
    (88, D, "What's a hard thing I handled that made you see me differently?"),
    (89, D, "Which of your qualities do you think I see more clearly than you do?"),
    (90, D, "What do you think I'm too hard on myself about?"),
    (91, D, "Which of my choices over the years do you admire most?"),
    (92, D, "What's something I did for you long ago that still warms you?"),
    (93, D, "What part of me do you think of most when we're apart?"),
    (94, D, "What about me do you feel lucky to know?"),
    (394, L, "Which of my little sayings do you secretly enjoy?"),
    (395, M, "How could I show you more often that I notice your effort?"),
)
