"""Daily questions. Conflict repair: cooling off, making up, and what helps next time.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.REPAIR,
    (180, L, "What's a joke or silly word that could help us pause when things get tense?"),
    (181, L, "After a small squabble, how do you most like to make up?"),
    (182, L, "What do you do when you'd like a few minutes to yourself during a disagreement?"),
    (183, L, "What helps you let go of a small annoyance?"),
    (184, L, "How do you like to hear 'sorry': in words, a hug, or something else?"),
    (185, L, "How can I tell you're starting to feel frustrated?"),
    (186, L, "Which word or look from me helps you feel less defensive?"),
    (187, L, "What's a snack, walk or drink that helps you reset after a tense moment?"),
    (188, L, "How long does a small grumble usually stay with you?"),
    (189, L, "What's a way we could say 'let's take a break' that feels kind?"),
    (190, L, "Which of our small disagreements do we laugh about now?"),
    (191, L, "What helps you come back to a tricky conversation after stepping away?"),
    (192, L, "Text, call or face to face: how do you prefer to sort out a small upset?"),
    (193, L, "What do you notice in your body when a talk starts getting heated?"),
    (194, L, "Which is easier for you to say: 'I'm sorry' or 'I was wrong'?"),
    (195, L, "What's a gentle way I could tell you I'm upset?"),
    (196, L, "When you're grumpy, what helps most: space, a cuppa or a chat?"),
    (197, M, "What's something we argue about that isn't really about what it seems?"),
    (198, M, "How did the people around you handle disagreements when you were growing up?"),
    (199, M, "What helps you listen when you feel criticised?"),
    (200, M, "What do you wish I'd say first when I've upset you?"),
    (201, M, "How can we tell the difference between taking a break and walking away?"),
    (202, M, "Can you think of a disagreement we handled well, and what helped?"),
    (203, M, "Which of your own habits in an argument would you like to change?"),
    (204, M, "What makes it hard for you to say sorry?"),
    (205, M, "How do you know when a quarrel is truly over for you?"),
    (206, M, "What would make it easier to raise a worry before it grows?"),
    (207, M, "What's one thing you'd like us to agree on before our next disagreement?"),
    (208, M, "How could we end a hard talk so it feels finished?"),
    (209, M, "What's something I did during a disagreement that actually helped?"),
    (210, M, "Which topics feel hardest for us to talk about calmly?"),
    (211, M, "What do you wish you'd said in our last disagreement?"),
    (212, M, "How do you like to be reassured after a tense day between us?"),
    (213, D, "What's an old habit from past relationships that shows up when we argue?"),
    (214, D, "What do you most fear will happen when we disagree?"),
    (215, D, "Is there an apology you're still hoping for, from me or anyone?"),
    (216, D, "What's something you'd like to forgive but haven't quite managed yet?"),
    (217, D, "When did making up with me feel the most healing?"),
    (218, D, "What do our arguments usually leave you feeling underneath?"),
    (219, D, "How has the way you handle conflict changed since we met?"),
    (220, D, "What would help you trust that we can get through a big disagreement?"),
    (221, D, "Which hurt between us do you think has healed, and how can you tell?"),
    (400, L, "Would a note, a message or a hug help more after we've had words?"),
    (401, M, "How can I show I've understood your side, even when I still see it differently?"),
)
