"""Daily questions. Intimacy and affection: feeling close, near or far.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.INTIMACY,
    (264, L, "What's your favourite way for me to say goodnight?"),
    (265, L, "Which of my messages makes you feel most loved?"),
    (266, L, "Which song makes you think of us?"),
    (267, L, "What's a small sign of love you'd like to see more of this week?"),
    (268, L, "Do you have a favourite memory of us holding hands?"),
    (269, L, "Which photo of me do you like best?"),
    (270, L, "What's your favourite thing about my voice?"),
    (271, L, "Where's a place you felt especially close to me?"),
    (272, L, "What's a cosy habit you'd like us to start, near or far?"),
    (273, L, "Which scent reminds you of me?"),
    (274, L, "What's your favourite way to spend a lazy morning together, or on a call?"),
    (275, L, "What's a look or gesture from me that says 'I love you' to you?"),
    (276, L, "What little thing makes you feel fancied?"),
    (277, L, "Is there something sweet I said once that you still remember?"),
    (278, L, "Which hug from me do you remember best?"),
    (279, L, "How do you like to be woken up?"),
    (280, L, "Which of my jumpers, hoodies or scarves do you like to borrow?"),
    (281, M, "What helps you feel close to me when we're apart?"),
    (282, M, "How do you like me to show affection in front of other people?"),
    (283, M, "What's something new you'd like us to try to feel closer?"),
    (284, M, "When do you feel most relaxed with me?"),
    (285, M, "What kind of touch helps when you're sad?"),
    (286, M, "How can I let you know I'd like to be close without it feeling like pressure?"),
    (287, M, "When did you last feel really seen by me?"),
    (288, M, "Was there a moment this week when you wanted to be close but didn't say?"),
    (289, M, "What's the difference for you between comfort and romance?"),
    (290, M, "How has the way we show affection changed since we first met?"),
    (291, M, "What's one romantic thing you'd love me to do, small or big?"),
    (292, M, "What do you like about the quiet times we share?"),
    (293, M, "How do you like to reconnect after a few busy days?"),
    (294, M, "What's a way of flirting with me that still works on you?"),
    (295, M, "What helps you say what you'd like when it comes to closeness?"),
    (296, M, "Which of our little rituals feels most intimate to you?"),
    (297, D, "When have you let me see a softer side of you, and how did it feel?"),
    (298, D, "When do you feel most loved, and when least?"),
    (299, D, "What do you long for in our closeness that we haven't talked about?"),
    (300, D, "Is there a part of you that you'd like me to hold more gently?"),
    (301, D, "How does the way you feel about your body affect how close you feel, if at all?"),
    (302, D, "What does feeling safe with me mean to you?"),
    (303, D, "What did you learn about love growing up that you'd like to unlearn?"),
    (304, D, "What part of our closeness do you treasure most?"),
    (305, D, "What would you like us to keep alive between us, however busy life gets?"),
    (404, L, "Which pet name, joke or look of ours feels most like us?"),
    (405, M, "How do you feel about our goodbyes, and could they be warmer?"),
)
