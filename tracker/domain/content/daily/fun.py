"""Daily questions. Fun and new shared interests: play, silliness and small adventures.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.FUN,
    (5, L, "If we had a free Saturday with no plans, how would you spend it?"),
    (306, L, "What's the silliest thing you did when you were young?"),
    (307, L, "If you could have any animal as a pet for a day, which would it be?"),
    (308, L, "Which song gets you dancing every time?"),
    (309, L, "Sweet or salty: which snack makes a film night for you?"),
    (310, L, "If we swapped lives for a day, what would you do first?"),
    (311, L, "Which fictional world would you like to live in for a week?"),
    (312, L, "Which playground game were you best at?"),
    (313, L, "If you had a theme tune, what would it be?"),
    (314, L, "What's the funniest thing you've seen online lately?"),
    (315, L, "Which silly dare would you happily take on?"),
    (316, L, "Which famous person would you most like to have dinner with?"),
    (317, L, "What's your go-to karaoke song, or the one you'd pick?"),
    (318, L, "If you could show off one random skill, which would it be?"),
    (319, L, "If we started a tiny club for two, what would it be about?"),
    (320, L, "What's the best day out you've had this year?"),
    (321, L, "Which quiz round would you win?"),
    (322, L, "Is there a food you've never tried but are curious about?"),
    (323, L, "If today had a title like a film, what would it be?"),
    (324, L, "What's a smell, sound or sight that puts you in a playful mood?"),
    (325, M, "What's a challenge we could set ourselves just for fun this month?"),
    (326, M, "Which of our in-jokes is your favourite?"),
    (327, M, "What's a thing you'd love to be good at, just for the joy of it?"),
    (328, M, "What's a game we could play over messages on a busy day?"),
    (329, M, "What did fun look like in your family when you were young?"),
    (330, M, "Which of our past outings would you repeat tomorrow?"),
    (331, M, "If you could plan me a surprise, what would it be?"),
    (332, M, "How could we make an ordinary evening feel a bit special?"),
    (333, M, "What's a local event you'd like us to go to, or watch together online?"),
    (334, M, "What's a creative project we could do together, even from a distance?"),
    (335, M, "Who's the most fun person you know, and what makes them so?"),
    (336, M, "What's a hobby of yours I could join in with for an afternoon?"),
    (337, M, "What kind of fun feels best to you these days: lively or quiet?"),
    (338, M, "What's the most spontaneous thing you've ever done?"),
    (339, M, "Which of your talents do I still not know about?"),
    (340, D, "What stops you from being playful, and what helps?"),
    (341, D, "When did you last laugh until it hurt, and who were you with?"),
    (342, D, "What does fun mean to you now compared with when you were younger?"),
    (343, D, "What would you like to feel free enough to be silly about?"),
    (344, D, "How do you think having fun keeps us close?"),
    (345, D, "What adventure would you regret never having?"),
    (346, D, "Which part of your sense of humour do you think I understand best?"),
    (347, D, "What's a joyful memory of ours you'd like to relive, step by step?"),
    (406, L, "Which silly voice or impression could you do on request?"),
    (407, M, "If we each picked a hobby for the other to try, what would you pick for me?"),
)
