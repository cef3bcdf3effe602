"""Daily questions. Priorities and changes: where the time and energy go.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.PRIORITIES,
    (137, L, "What's the one thing you'd like to get done tomorrow?"),
    (138, L, "Which part of your week would you happily skip?"),
    (139, L, "What could we do this week that would take ten minutes and feel good?"),
    (140, L, "Is anything on your calendar making you quietly dread it?"),
    (141, L, "What's something you did today just for yourself?"),
    (142, L, "Which chore would you happily never do again?"),
    (143, L, "Which time of day would you like to keep just for us?"),
    (144, L, "Is there a plan this week we could make simpler?"),
    (145, L, "How much free time did you get today?"),
    (146, L, "What's a screen-free half hour you could see us enjoying?"),
    (147, L, "Which of your to-dos could wait until next week?"),
    (148, L, "What helped you focus today?"),
    (149, L, "Which small routine keeps your week on track?"),
    (150, L, "Which day this week could we catch up properly, in person or on a call?"),
    (151, L, "What's a message from me that would help on a busy day?"),
    (152, L, "How rested do you feel going into this week?"),
    (153, L, "What's something you said yes to lately that you wish you'd turned down?"),
    (154, M, "What's one thing you'd like to stop doing this month?"),
    (155, M, "Where does your time go that you'd rather it didn't?"),
    (156, M, "What helps you switch off from work or study at the end of a day?"),
    (157, M, "How do you feel about how much time we spend on our phones when we're together?"),
    (158, M, "What would a better balance between us and everything else look like this month?"),
    (159, M, "Which friendships would you like to make more room for?"),
    (160, M, "What's a commitment that feels heavier than it used to?"),
    (161, M, "How do you decide what gets your energy first?"),
    (162, M, "Is there something we keep putting off that deserves a date in the diary?"),
    (163, M, "When do you feel you get the best of me, and when the rest?"),
    (164, M, "What would make our time together feel less rushed?"),
    (165, M, "How do you feel about the balance between time with friends, family and just us?"),
    (166, M, "Is there a habit of ours you'd like to rethink?"),
    (167, M, "What matters more to you this year than it did last year?"),
    (168, M, "What's one thing you'd like me to make more room for?"),
    (169, M, "Which of your own needs have slipped down the list lately?"),
    (170, M, "How could we plan our week so both of us get some rest?"),
    (171, D, "What would you protect at all costs if life got very busy?"),
    (172, D, "What are you giving your time to that no longer fits who you are?"),
    (173, D, "When did you last feel that we were truly each other's priority?"),
    (174, D, "What have you been putting last that deserves to come first?"),
    (175, D, "What would you change about how we live if nothing stood in the way?"),
    (176, D, "Which of your commitments would you keep if you could only keep three?"),
    (177, D, "What's a season of life you'd like us to plan for together?"),
    (178, D, "How do you know when you're spreading yourself too thin?"),
    (179, D, "What does enough look like to you, in work, rest and time together?"),
    (398, L, "Which small job could we do together so it feels lighter?"),
    (399, M, "How do you feel about how often we get to see or speak to each other?"),
)
