"""Daily questions. Getting to know each other as you are now: days, tastes, memories, hopes.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.LOVE_MAPS,
    (1, L, "What was the best part of your day today?"),
    (2, L, "What's a smell that takes you straight back to childhood?"),
    (3, M, "What's something you're looking forward to this month?"),
    (6, L, "Which song would you pick to sum up your week so far?"),
    (7, L, "What did you have for lunch today, and was it any good?"),
    (8, L, "Who made you laugh today?"),
    (9, L, "Which app on your phone do you open most, and why that one?"),
    (10, L, "Is there a word or phrase you've caught yourself saying a lot lately?"),
    (11, L, "Which season suits your mood best at the moment?"),
    (12, L, "If you could eat only one meal tomorrow, what would it be?"),
    (13, L, "Right now, as you answer this, what's on your mind?"),
    (14, L, "Which small task today went better than you expected?"),
    (15, L, "How are you sleeping these days, honestly?"),
    (16, L, "Where from your past would you like to visit again?"),
    (17, L, "Is there a shop, café or corner you've grown fond of lately?"),
    (18, L, "Out of pure curiosity, what did you last look up?"),
    (19, L, "Which colour have you been drawn to lately?"),
    (20, L, "What did you want to be when you grew up, back when you were small?"),
    (21, L, "Who was your favourite teacher, and what made them stand out?"),
    (22, L, "Which snack could you eat every day without tiring of it?"),
    (23, L, "Morning or evening: which part of the day feels more like yours right now?"),
    (24, L, "What's the first thing you noticed when you woke up today?"),
    (25, L, "Which film could you watch again and again?"),
    (26, M, "What's something you've changed your mind about recently?"),
    (27, M, "Which friend have you been thinking about, and why?"),
    (28, M, "What's a small goal you're working on that I could cheer on?"),
    (29, M, "What part of your week gave you the most energy?"),
    (30, M, "What's something that surprised you about yourself lately?"),
    (31, M, "Is there a conversation from this week that's still on your mind?"),
    (32, M, "What's one thing you'd like more of in your days right now?"),
    (33, M, "Which memory from the last year do you come back to most?"),
    (34, M, "What did you learn this week, big or small?"),
    (35, M, "How would your closest friend describe your mood lately?"),
    (36, M, "Have you picked up a habit lately without quite meaning to?"),
    (37, M, "Who's someone from your past you'd like to catch up with?"),
    (38, M, "What does a good evening look like for you at the moment?"),
    (39, M, "Which part of your day do you wish I could see more of?"),
    (40, M, "What's a question you'd like to ask me today?"),
    (41, M, "Which of your opinions would surprise people who only know you a little?"),
    (42, M, "These days, what are you most curious about?"),
    (43, D, "Is there a belief about yourself that you're starting to question?"),
    (44, D, "Which moment from your growing up shaped you more than people know?"),
    (45, D, "What does feeling at peace look like for you these days?"),
    (46, D, "What are you still learning to forgive yourself for?"),
    (47, D, "Which hope for this year do you keep mostly to yourself?"),
    (48, D, "When did you last feel truly understood by someone?"),
    (49, D, "What's a part of your story you'd like me to know better?"),
    (50, D, "Which of your fears has grown smaller over the years?"),
    (51, D, "What gives your life meaning at the moment?"),
)
