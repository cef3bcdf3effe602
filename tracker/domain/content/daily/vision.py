"""Daily questions. Long-term vision and dreams: the year ahead and the years after.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.VISION,
    (95, L, "Where would you like us to go on a day trip this year?"),
    (96, L, "What's a meal you'd love us to learn to cook one day?"),
    (97, L, "Which city would you love to live in for a month?"),
    (98, L, "Before the year is out, what would you like to try?"),
    (99, L, "If we could take a long weekend anywhere, where would it be?"),
    (100, L, "What would your ideal birthday look like in a few years?"),
    (101, L, "What's a small treat you'd like to make a habit of in future?"),
    (102, L, "Which season are you most looking forward to this year?"),
    (103, L, "Which view would you love to wake up to one day?"),
    (104, L, "What's a hobby you imagine yourself having at seventy?"),
    (105, L, "What would you like us to celebrate together next year?"),
    (106, L, "Which old friend would you like us both to see more of in the years ahead?"),
    (107, L, "Is there a simple pleasure you hope we never lose?"),
    (108, L, "What's something you'd like to make with your own hands one day?"),
    (109, L, "If we wrote a list of things to do together this year, what goes first?"),
    (110, L, "Which language would you love to speak one day?"),
    (
        111,
        L,
        "Beach, city, mountains or something else: which kind of holiday sounds best right now?",
    ),
    (112, M, "What does a happy year ahead look like to you?"),
    (113, M, "What would you like us to be better at a year from now?"),
    (114, M, "Which of your goals could I help you with this year?"),
    (115, M, "What kind of people would you like to have around us in the future?"),
    (116, M, "What's a change you'd love to make in how we spend our weekends?"),
    (117, M, "How would you like our everyday life to feel five years from now?"),
    (118, M, "What would you want to be proud of at the end of this year?"),
    (119, M, "What kind of place do you picture yourself living in one day?"),
    (120, M, "Is there a project you'd like us to start on together this year?"),
    (121, M, "Which of your plans feels most exciting to you right now?"),
    (122, M, "What kind of work would you love to be doing in a few years?"),
    (123, M, "Is there a tradition from your family you'd like to carry on?"),
    (124, M, "What would make next year better than this one for you?"),
    (125, M, "If we made one promise for the year ahead, what would you like it to be?"),
    (126, M, "What's a big decision coming up that you'd like us to think about early?"),
    (127, M, "Which dream of yours feels closest to coming true?"),
    (128, D, "What do you want your life to stand for?"),
    (129, D, "What would you like to leave behind you, in small ways or big ones?"),
    (130, D, "Which fear gets in the way of a dream of yours?"),
    (131, D, "What would you do if you knew you couldn't fail?"),
    (132, D, "How do you hope we'll handle the hard years, whenever they come?"),
    (133, D, "What does growing old together mean to you?"),
    (134, D, "What part of your future feels uncertain, and how does that sit with you?"),
    (135, D, "Which of your hopes would you like me to hold on to for you?"),
    (136, D, "What kind of person do you hope to be in ten years?"),
    (396, L, "Which small adventure would you like us to tick off next?"),
    (397, D, "Which part of who you are now do you hope never changes?"),
)
