"""Daily questions. Stress and support: tired days, worries, and what helps.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.STRESS,
    (348, L, "What was the most tiring part of your day?"),
    (349, L, "What's one thing I could do tonight that would help you rest?"),
    (350, L, "On a hard day, which comfort food do you reach for?"),
    (351, L, "Which song helps you breathe out after a long day?"),
    (352, L, "What's a small win you had today despite everything?"),
    (353, L, "How's your energy today, from flat to buzzing?"),
    (354, L, "What's something that helped you through a tricky moment today?"),
    (355, L, "What would you like to hear from me when you're running late and flustered?"),
    (356, L, "Which five-minute break always helps you?"),
    (357, L, "Would a walk, a call or some quiet help you most right now?"),
    (358, L, "Who's made your week a bit easier?"),
    (359, L, "What's one thing you're glad is over for today?"),
    (360, L, "What's a tiny treat you'd like to give yourself this week?"),
    (361, L, "Where do you like to go when you want some calm?"),
    (362, L, "Which part of tomorrow are you most looking forward to?"),
    (363, L, "Which film or show do you turn to when you're low?"),
    (364, L, "If you were kind to yourself today, what would you say?"),
    (365, M, "What does stress feel like in your body?"),
    (366, M, "What's the best thing I can say when you're overwhelmed?"),
    (367, M, "How do you like to be supported when you've had bad news?"),
    (368, M, "What's a worry you'd like to hand over to me for a day?"),
    (369, M, "What stresses you that you think I don't notice?"),
    (370, M, "How can we tell each other we're struggling without a long explanation?"),
    (371, M, "Where in your life do you feel most stretched at the moment?"),
    (372, M, "What helps you stop worrying at night?"),
    (373, M, "How do you recharge when you've been around people all day?"),
    (374, M, "What's something from work, study or daily life that's been niggling at you?"),
    (375, M, "What do I do under stress that you'd like to understand better?"),
    (376, M, "What kind of help feels like too much when you're stressed?"),
    (377, M, "What's a coping habit of yours that works, and one that doesn't?"),
    (378, M, "Which worry is taking up more room than it deserves?"),
    (379, M, "How can I help you rest without feeling guilty about it?"),
    (380, M, "What's a signal we could use for 'I've got nothing left today'?"),
    (381, M, "How do you look after yourself on days when I'm not around?"),
    (382, D, "What's a fear you carry that you don't often say out loud?"),
    (383, D, "When has stress pulled us apart, and what brought us back?"),
    (384, D, "Growing up, how did the grown-ups around you deal with stress?"),
    (385, D, "What helps you feel less alone when life is hard?"),
    (386, D, "Is there something you're struggling with that someone beyond me could help with?"),
    (387, D, "What would you like me to remember about you when you're at your lowest?"),
    (388, D, "How would you like us to face a really hard time together?"),
    (389, D, "Which of your duties feels heaviest, and does anyone else know?"),
    (390, D, "What do you wish you could say no to, but find hard?"),
    (408, L, "Who or what has been a bright spot in a tough week?"),
    (409, D, "How has a hard time in your past shaped the way you deal with worry now?"),
)
