"""Daily questions. Trust and transparency: keeping each other in the loop, and keeping your word.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from tracker.domain.content.daily.shape import D, DailyQuestion, L, M, questions
from tracker.domain.content.prompts import Theme

QUESTIONS: tuple[DailyQuestion, ...] = questions(
    Theme.TRUST,
    (222, L, "Did you do anything today that I'd be surprised to hear about?"),
    (223, L, "What's one thing about your day you'd like to tell me that you haven't yet?"),
    (224, L, "How do you like to hear about plans I've made with friends?"),
    (225, L, "Is there a small secret from your past you'd be happy to share now?"),
    (226, L, "What's a small promise you'd like us both to keep this week?"),
    (227, L, "Who do you trust most with good news?"),
    (228, L, "What's something you find easy to be honest about?"),
    (229, L, "How quickly would you like me to reply when you message?"),
    (230, L, "When did someone keep their word to you in a way that stuck with you?"),
    (231, L, "What's one thing about your week you'd like me to ask about?"),
    (232, L, "How do you like to be told about a mistake I've made?"),
    (233, L, "Who was the first person you trusted with a secret?"),
    (234, L, "What helps you feel relaxed when we're apart for a while?"),
    (235, L, "What's a little thing I could do to show I'm reliable?"),
    (236, L, "What's a fib you told when you were young that still makes you laugh?"),
    (237, L, "What's your favourite way to share news with me?"),
    (238, L, "How do you feel when I ask lots of questions about your day?"),
    (239, M, "What makes someone trustworthy in your eyes?"),
    (240, M, "When is it hardest for you to tell me how you really feel?"),
    (241, M, "What's something you'd like us to be more open about?"),
    (242, M, "How can I show you I'm listening when you tell me something difficult?"),
    (243, M, "Is there anything you've wanted to ask me but felt unsure about?"),
    (244, M, "What's a small thing that chips away at trust for you?"),
    (245, M, "How comfortable are you talking with me about past relationships?"),
    (246, M, "What would you like to know about how I spend my time when we're apart?"),
    (247, M, "How would you like us to handle it when one of us forgets a promise?"),
    (248, M, "What does privacy mean to you within a relationship?"),
    (249, M, "Which of my promises matters most to you right now?"),
    (250, M, "When has telling the truth been hard for you, and what helped?"),
    (251, M, "What would make it easier to admit when you've slipped up?"),
    (252, M, "How can you tell when someone is being straight with you?"),
    (253, M, "What helps you feel secure when I'm busy or distracted?"),
    (254, M, "Is there something you'd like me to be clearer about?"),
    (255, D, "What did trust look like in the home you grew up in?"),
    (256, D, "Which past hurt makes it harder to trust, even now?"),
    (257, D, "What would you like to feel safe telling me one day?"),
    (258, D, "When did you first feel you could really rely on me?"),
    (259, D, "If one of us ever let the other down badly, what would help us find our way back?"),
    (260, D, "What's something you've never told anyone that you might one day tell me?"),
    (261, D, "How has your idea of trust changed over your life?"),
    (262, D, "Which of my actions over time have made you trust me more?"),
    (263, D, "What would being fully known by me feel like for you?"),
    (402, M, "How would you like to hear about it if I were worried about us?"),
    (403, D, "When have you felt most at ease telling me something awkward?"),
)
