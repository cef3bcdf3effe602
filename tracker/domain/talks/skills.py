"""Small helpers for the conversations themselves.

* ``draw_prompt`` picks tonight's question: random, but not one you hid and
  not one you talked about recently.
* ``i_statement`` turns four short answers (feeling, situation, need,
  request) into one kind sentence and a gentle question.
* ``flag_blame`` points out phrases that tend to start a defence rather than
  a conversation, each with a short reason and something to try instead.

Pure functions: no I/O, no clock, no global randomness (the caller passes
``today`` and a seeded ``random.Random``).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from tracker.domain.content.prompts import Depth, Prompt, Theme

# --- drawing a prompt -------------------------------------------------------------


def draw_prompt(
    prompts: Iterable[Prompt],
    used: Mapping[str, date],
    hidden: AbstractSet[str],
    today: date,
    window_weeks: int,
    rng: random.Random,
    theme: Theme | None = None,
    depth: Depth | None = None,
) -> Prompt | None:
    """A random prompt matching the filters that wasn't hidden or used lately.

    ``used`` maps a prompt key to the last day it was used. A prompt used on
    day ``d`` is "recent" until ``d + window_weeks`` weeks, when it can come
    round again (a date in the future, from a clock that ran ahead, counts as
    recent). When every match is recent, the least recently used one comes
    back instead, picked at random among ties, so the couple is never left
    with nothing. None means nothing matches the filters at all, for
    instance because every match is hidden.

    The same prompts, arguments and rng state always give the same answer.
    """
    if window_weeks < 0:
        raise ValueError("The repeat window can't be negative.")
    matches = [
        prompt
        for prompt in prompts
        if prompt.key not in hidden
        and (theme is None or prompt.theme is theme)
        and (depth is None or prompt.depth is depth)
    ]
    if not matches:
        return None
    cutoff = today - timedelta(weeks=window_weeks)
    fresh = [p for p in matches if p.key not in used or used[p.key] <= cutoff]
    if fresh:
        return rng.choice(fresh)
    oldest = min(used[p.key] for p in matches)
    return rng.choice([p for p in matches if used[p.key] == oldest])


# --- "I" statements ---------------------------------------------------------------

# Trailing punctuation and dashes we tidy away from each part.
_TAIL = re.compile(r"[\s.,;:!?…\-–—]*$")
# "I", "I'm", "I’ve"…: the person already wrote their own opening.
_FIRST_PERSON = re.compile(r"^i(?=['’]|\s|$)", re.IGNORECASE)
_FEEL_VERB = re.compile(r"^(feel|feeling|felt)\s", re.IGNORECASE)
# Their own connective for the situation: "after work", "on Sundays", "every time…".
_CONNECTIVE = re.compile(
    r"^(when|whenever|if|after|before|while|during|since|about|that|at|on|in|"
    r"every\s+time|each\s+time)\s",
    re.IGNORECASE,
)
_BECAUSE = re.compile(r"^because\b[\s,]*", re.IGNORECASE)
_NEED_VERB = re.compile(r"^(?:need|needed)\s", re.IGNORECASE)
# A need that already has its own subject: "we both rest", "it matters to me".
_OWN_SUBJECT = re.compile(r"^(?:i|we|it)(?:['’]\w+)?\s", re.IGNORECASE)
# Already a question, just missing its "?": "could you…", "do we…", "how about…".
_QUESTION_OPENER = re.compile(
    r"^(?:(?:would|could|can|will|shall|do|does|did|is|are|may|might|"
    r"wouldn['’]t|couldn['’]t|can['’]t|won['’]t|don['’]t)\s+(?:you|we|i|it|that|this|there)\b"
    r"|(?:how|what|why)\b)",
    re.IGNORECASE,
)
_PLEASE = re.compile(r"^please,?\s+", re.IGNORECASE)
_DONT = re.compile(r"^(?:don['’]?t|do\s+not)\s+", re.IGNORECASE)
_LETS = re.compile(r"^let['’]?s\s+", re.IGNORECASE)
_WE = re.compile(r"^we\s+", re.IGNORECASE)
_YOU = re.compile(r"^you\s+", re.IGNORECASE)


def _tidy(part: str) -> tuple[str, str]:
    """Whitespace collapsed and trailing punctuation removed: (words, what was cut)."""
    text = " ".join(part.split())
    tail = _TAIL.search(text)
    cut = tail.start() if tail else len(text)
    return text[:cut], text[cut:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    """Lower-case the first letter of a sentence-start word, leaving "I" and acronyms."""
    first = text.split(" ", 1)[0]
    if _FIRST_PERSON.match(first) or (len(first) > 1 and first.isupper()):
        return text
    return text[:1].lower() + text[1:]


def _own_opening(text: str) -> str:
    """Their clause with a lone leading "i" capitalised ("i'm tired" → "I'm tired")."""
    return "I" + text[1:] if _FIRST_PERSON.match(text) else text


def _feeling_clause(feeling: str) -> str:
    if _FIRST_PERSON.match(feeling):
        return _own_opening(feeling)
    verb = _FEEL_VERB.match(feeling)
    if verb:
        opener = "I'm " if verb.group(1).casefold() == "feeling" else "I "
        return opener + _lower_first(feeling)
    return "I feel " + feeling


def _situation_clause(situation: str) -> str:
    connective = _CONNECTIVE.match(situation)
    if connective:
        word = connective.group(1)
        return " ".join(word.lower().split()) + situation[len(word) :]
    return "when " + situation


def _need_clause(need: str) -> str:
    need = _BECAUSE.sub("", need)
    if _OWN_SUBJECT.match(need) or _FIRST_PERSON.match(need):
        return _own_opening(need)
    if _NEED_VERB.match(need):
        return "I " + _lower_first(need)
    return "I need " + need


def _request_sentence(request: str, tail: str) -> str:
    please = _PLEASE.match(request)
    if please and _QUESTION_OPENER.match(request[please.end() :]):
        return _upper_first(request) + "?"  # "Please could you call me?"
    if "?" in tail or _QUESTION_OPENER.match(request):
        return _upper_first(request) + "?"
    if _FIRST_PERSON.match(request):
        # "I'd love a hug" can't be turned round without losing their words.
        return _own_opening(request) + ". Would that be okay?"
    dont = _DONT.match(request)
    if dont:
        return "Could you try not to " + request[dont.end() :] + "?"
    lets = _LETS.match(request) or _WE.match(request)
    if lets:
        return "Could we " + request[lets.end() :] + "?"
    you = _YOU.match(request)
    if you:
        return "Would you " + request[you.end() :] + "?"
    return "Would you " + _lower_first(request) + "?"


def i_statement(feeling: str, situation: str, need: str, request: str) -> str:
    """One kind sentence from four short answers, plus a gentle question.

    ("left out", "plans change without a word", "to feel included", "tell me
    earlier next time") gives "I feel left out when plans change without a
    word, because I need to feel included. Would you tell me earlier next time?"

    Each part is trimmed of spare whitespace and trailing punctuation; an empty
    part drops its clause. Words the person already wrote ("I feel…",
    "when…", "because…", "Could you…?") are kept rather than doubled, and a
    request that isn't already a question becomes one. Raises ValueError when
    there's neither a feeling nor a need, because then there's nothing to say.
    """
    feeling, _ = _tidy(feeling)
    situation, _ = _tidy(situation)
    need, _ = _tidy(need)
    request, request_tail = _tidy(request)
    if not feeling and not need:
        raise ValueError("Start with how you feel or what you need; the rest can follow.")
    if feeling:
        sentence = _feeling_clause(feeling)
        if situation:
            sentence += " " + _situation_clause(situation)
        if need:
            sentence += ", because " + _need_clause(need)
    elif situation:
        sentence = _upper_first(_situation_clause(situation)) + ", " + _need_clause(need)
    else:
        sentence = _need_clause(need)
    sentence = _upper_first(sentence) + "."
    if request:
        sentence += " " + _request_sentence(request, request_tail)
    return sentence


# --- gentle flags for blaming phrases ---------------------------------------------


@dataclass(frozen=True, slots=True)
class Flag:
    """A phrase worth a second look, where it is, and a kinder way to say it."""

    phrase: str  # exactly as typed: text[start:end]
    start: int
    end: int
    why: str
    instead: str


_A = "['’]"  # straight or curly apostrophe
_YOURE = rf"you(?:{_A}re|\s+are|re)"  # you're, you’re, you are, youre
_END = r"(?=\s*(?:[.,;:!?…—–]|$))"  # followed only by punctuation or the end

_INSULTS = (
    "lazy|selfish|useless|pathetic|stupid|hopeless|childish|ridiculous|clueless|careless|"
    "thoughtless|heartless|inconsiderate|immature|irresponsible|crazy|insane|impossible|"
    "unbearable|mean|cruel|rude|ungrateful|spoiled|spoilt|needy|dramatic|paranoid|"
    "idiot|jerk|moron|loser|liar|nightmare|joke|mess|disaster"
)
_INSULT_FILLER = r"(?:(?:always|so|such|being|just|really|very|a|an|quite|totally|kind\s+of)\s+)*"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Words after a phrase that make it kind, not blaming: "you always make me laugh".
_KIND_WORDS = _wordset(
    "laugh laughing smile smiling happy happier safe good great kind sweet thoughtful lovely "
    "loved special patient funny generous gentle caring brave strong wonderful beautiful "
    "gorgeous clever smart proud better welcome warm supportive helpful fun there calm "
    "interesting amazing brilliant loving"
)
_NEGATIONS = _wordset("not no never nothing hardly")
_YOU_WORDS = _wordset("you you're youre your yours you've you'd you'll yourself")
_SELF_WORDS = _wordset(
    "i i'm im i've i'd i'll me my mine myself we we're we've we'd we'll us our ours let's"
)
_WORD = re.compile(r"[\w'’]+")


def _words(text: str) -> list[str]:
    return [word.replace("’", "'") for word in _WORD.findall(text.casefold())]


def _negated(word: str) -> bool:
    return word in _NEGATIONS or word.endswith("n't")


def _kind_follows(text: str, end: int) -> bool:
    """Do the next few words (same clause) say something kind, without a "not"?"""
    clause = re.split(r"[.,;:!?…\n]", text[end:], maxsplit=1)[0]
    words = _words(clause)[:3]
    if any(_negated(word) for word in words):
        return False
    return any(word in _KIND_WORDS for word in words)


def _negated_before(text: str, start: int) -> bool:
    """Is there a "not" just before, in the same clause? ("It's not your fault.")"""
    clause = re.split(r"[.,;:!?…\n]", text[:start])[-1]
    return any(_negated(word) for word in _words(clause)[-3:])


def _about_self(text: str, start: int, end: int, scope: Literal["clause", "sentence"]) -> bool:
    """Is the speaker talking about themselves (I, we), with no "you" in sight?

    ``clause`` looks from the start of the clause up to the end of the phrase
    ("I need to calm down"); ``sentence`` looks at the whole sentence
    ("I burnt the toast, as usual.").
    """
    if scope == "clause":
        piece = re.split(r"[.,;:!?…\n]", text[:start])[-1] + text[start:end]
    else:
        before = re.split(r"[.!?…\n]", text[:start])[-1]
        after = re.split(r"[.!?…\n]", text[end:], maxsplit=1)[0]
        piece = before + text[start:end] + after
    words = set(_words(piece))
    return bool(words & _SELF_WORDS) and not words & _YOU_WORDS


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    why: str
    instead: str
    kind_ok: bool = False  # no flag when kind words follow ("you're so thoughtful")
    negation_ok: bool = False  # no flag when negated just before ("not your fault")
    self_ok: Literal["clause", "sentence", None] = None  # no flag when it's about "I"/"we"


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# fmt: off
_ABSOLUTE = ("Absolutes tend to start a defence, not a conversation.",
             "Try naming this one time and how it felt.")
_PATTERN = ("It turns one moment into a pattern they're being blamed for.",
            "Try keeping to this one time and how it felt.")
_LABEL = ("Labels describe a person, not a moment, and they're hard to take back.",
          "Try describing what happened and how it left you feeling.")

# Order only breaks ties: where matches overlap, the longer one wins.
_RULES: tuple[_Rule, ...] = (
    _Rule(_re(rf"\b{_YOURE}\s+{_INSULT_FILLER}(?:{_INSULTS})\b"), *_LABEL),
    _Rule(_re(r"\byou\s+(?:(?:lazy|selfish|stupid|useless|pathetic|little)\s+)?"
              r"(?:idiot|jerk|moron|loser|liar|brat)\b"), *_LABEL),
    _Rule(_re(rf"\byou(?:{_A}re|\s+are|re)?\s+always\b"), *_ABSOLUTE, kind_ok=True),
    _Rule(_re(rf"\byou(?:{_A}re|\s+are|re)?\s+never\b"), *_ABSOLUTE),
    _Rule(_re(r"\byou\s+(?:make|made)\s+me\b"),
          "It makes them responsible for how you feel, which is hard to hear.",
          "Try 'I feel … when …', so the feeling stays yours.", kind_ok=True),
    _Rule(_re(rf"\b(?:your|you{_A}re|youre)\s+fault\b"),
          "Blame tends to get blame back.",
          "Try describing what happened and what you'd like next time.", negation_ok=True),
    _Rule(_re(r"\byou\s+should\b"),
          "It can sound like a telling-off, even when it's meant kindly.",
          "Try asking for what you'd like: 'Would you …?'"),
    _Rule(_re(rf"\bwhy\s+(?:can{_A}?t|cannot|can\s+not|won{_A}?t|will\s+not|couldn{_A}?t)\s+you\b"),
          "It sounds like a question but usually lands as a criticism.",
          "Try saying what you'd like, as a simple request."),
    _Rule(_re(rf"\b{_YOURE}\s+so\b"),
          "It sounds like a verdict on who they are, not on one moment.",
          "Try describing the moment rather than their character.", kind_ok=True),
    _Rule(_re(rf"\bwhatever(?:\s+you\s+say)?{_END}"),
          "It can close the conversation and leave them feeling brushed off.",
          "If you need a pause, try 'Can we come back to this in a bit?'"),
    _Rule(_re(r"\bas\s+usual\b"), *_PATTERN, self_ok="sentence"),
    _Rule(_re(rf"\btypical(?:\s+of\s+you\b|\s+you\b|{_END})"), *_PATTERN),
    _Rule(_re(r"\bevery\s+single\s+time\b"), *_PATTERN, self_ok="sentence"),
    _Rule(_re(rf"\byou\s+(?:don{_A}?t|do\s+not|didn{_A}?t|did\s+not|can{_A}?t|won{_A}?t)\s+even\b"),
          "The word 'even' adds a sting on top of the point you're making.",
          "Try saying what you'd like them to notice."),
    _Rule(_re(r"\bcalm\s+down\b"),
          "Being told to calm down rarely helps anyone calm down.",
          "Try 'Shall we take a break and come back to this?'", self_ok="clause"),
    _Rule(_re(rf"\b(?:(?:{_YOURE}|you)\s+(?:just\s+|being\s+|so\s+|totally\s+)*)?"
              r"over-?react(?:ing|ed|s|ion)?\b"),
          "It tells them their feelings are wrong, which tends to turn the volume up.",
          "Try asking what's making this feel so big for them.", self_ok="clause"),
)
# fmt: on


def _applies(rule: _Rule, text: str, start: int, end: int) -> bool:
    if rule.kind_ok and _kind_follows(text, end):
        return False
    if rule.negation_ok and _negated_before(text, start):
        return False
    return not (rule.self_ok and _about_self(text, start, end, rule.self_ok))


def flag_blame(text: str) -> list[Flag]:
    """Phrases in ``text`` that tend to sound like blame, in order, never overlapping.

    Case-insensitive, whole words only, straight or curly apostrophes. Some
    phrases are let off when the context is plainly kind or about the speaker:
    "you always make me laugh", "you're so thoughtful", "it's not your fault",
    "I need to calm down", "we're eating at six as usual". Questions are not
    let off: "Why do you always…" is the commonest way "you always" is said,
    so "Do you never get tired?" is flagged too. Where two phrases overlap,
    the longer wins ("you're so selfish" rather than "you're so").
    """
    candidates: list[tuple[int, int, int]] = []
    for index, rule in enumerate(_RULES):
        for match in rule.pattern.finditer(text):
            start, end = match.span()
            if _applies(rule, text, start, end):
                candidates.append((start, -(end - start), index))
    flags: list[Flag] = []
    taken_until = 0
    for start, negative_length, index in sorted(candidates):
        end = start - negative_length
        if start < taken_until:
            continue
        rule = _RULES[index]
        flags.append(Flag(text[start:end], start, end, rule.why, rule.instead))
        taken_until = end
    return flags
