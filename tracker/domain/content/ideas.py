"""The date idea jar: things to do together, written in our own words.

Each idea is small enough to do this week and specific enough to start on
without a search: cook a dish from a country neither of you has visited,
learn three chords, spend a night in a nearby town you've never stayed in.
Plenty are free, and none assume a car, a garden, children or a big budget.

Plain values only: no I/O, no UI.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class IdeaKind(StrEnum):
    """The shelf of the jar an idea sits on."""

    HOME = "home"  # an evening in
    OUT = "out"  # somewhere beyond the front door
    CHEAP = "cheap"  # free or nearly
    NEW_HOBBY = "new hobby"  # learning something side by side
    UNPLUGGED = "unplugged"  # screens off, attention on
    GETAWAY = "getaway"  # a night or more away, or a break at home


FREE, CHEAP, SOME, TREAT = range(4)
DAY = 24 * 60  # minutes; a getaway's length is a whole number of days


@dataclass(frozen=True, slots=True)
class Idea:
    """One slip of paper in the jar."""

    key: str  # short stable slug, e.g. "sunrise-walk"
    title: str  # at most 40 characters
    kind: IdeaKind
    description: str  # one or two sentences, at most 200 characters
    minutes: int  # a typical duration; getaways are days × 1440
    cost: int  # 0 free, 1 cheap, 2 some, 3 a treat


_HOME = IdeaKind.HOME
_OUT = IdeaKind.OUT
_CHEAP = IdeaKind.CHEAP
_HOBBY = IdeaKind.NEW_HOBBY
_UNPLUGGED = IdeaKind.UNPLUGGED
_AWAY = IdeaKind.GETAWAY

IDEAS: tuple[Idea, ...] = (
    # --- At home -------------------------------------------------------
    Idea(
        "dish-from-somewhere-new",
        "Cook from a country you haven't visited",
        _HOME,
        "Pick a country neither of you has been to and cook one dish from "
        "there together. Put on some music from the same place while you eat.",
        120,
        CHEAP,
    ),
    Idea(
        "living-room-picnic",
        "Picnic on the living room floor",
        _HOME,
        "Spread a blanket on the floor, bring out small plates of whatever "
        "is in the kitchen and eat as if you were in a park.",
        90,
        CHEAP,
    ),
    Idea(
        "two-film-festival",
        "A two-film festival at home",
        _HOME,
        "Each choose a film the other hasn't seen and make a snack to go "
        "with it. Talk about the first one in the interval.",
        240,
        CHEAP,
    ),
    Idea(
        "blanket-fort",
        "Build a blanket fort",
        _HOME,
        "Build a fort from cushions, sheets and chairs, then spend the "
        "evening inside it with snacks and a torch.",
        120,
        FREE,
    ),
    Idea(
        "breakfast-for-dinner",
        "Breakfast for dinner",
        _HOME,
        "Make your favourite breakfast, pancakes or eggs or whatever it is, "
        "and eat it at dinner time at a properly laid table.",
        60,
        CHEAP,
    ),
    Idea(
        "blind-tasting",
        "A blind tasting at home",
        _HOME,
        "Buy four or five kinds of one thing, like apples, crisps, chocolate "
        "or tea, and taste them blindfolded. Keep score and argue about the "
        "winner.",
        60,
        CHEAP,
    ),
    Idea(
        "jigsaw-on-the-table",
        "Start a jigsaw together",
        _HOME,
        "Start a jigsaw on the table and chip away at it through the evening. "
        "Leave it out so you can come back to it during the week.",
        120,
        CHEAP,
    ),
    Idea(
        "growing-up-favourites",
        "Share a favourite from growing up",
        _HOME,
        "Each bring a song, snack or film you loved when you were young, and "
        "tell the story that goes with it.",
        90,
        FREE,
    ),
    Idea(
        "pamper-evening",
        "A slow pamper evening",
        _HOME,
        "Run a bath or a warm shower, put on soft music and take turns with "
        "hand or foot rubs. The only plan is to feel looked after.",
        90,
        CHEAP,
    ),
    Idea(
        "rearrange-a-room",
        "Rearrange one room together",
        _HOME,
        "Move the furniture round in one room, or clear one corner and make "
        "it a nice place to sit. A fresh room can feel like a fresh start.",
        120,
        FREE,
    ),
    Idea(
        "bake-from-scratch",
        "Bake something from scratch",
        _HOME,
        "Bake bread, a cake or biscuits from a recipe neither of you has "
        "tried. Eat the results while they're still warm.",
        120,
        CHEAP,
    ),
    Idea(
        "kitchen-dance",
        "Dance in the kitchen",
        _HOME,
        "Make a playlist of ten songs you both love and dance round the "
        "kitchen to it. Badly counts.",
        30,
        FREE,
    ),
    Idea(
        "restaurant-for-one",
        "Run a restaurant for one",
        _HOME,
        "One of you cooks and serves three small courses from a handwritten "
        "menu while the other is the guest. Swap roles next time.",
        150,
        SOME,
    ),
    Idea(
        "big-questions-jar",
        "A night of big questions",
        _HOME,
        "Write questions on slips of paper, like where you'd love to live or "
        "a skill you wish you had, then take turns drawing one out.",
        60,
        FREE,
    ),
    # --- Out -----------------------------------------------------------
    Idea(
        "sunrise-walk",
        "A sunrise walk",
        _OUT,
        "Set an alarm, wrap up warm and head out to watch the sun come up "
        "somewhere with a view. Breakfast afterwards tastes better.",
        90,
        FREE,
    ),
    Idea(
        "unknown-neighbourhood",
        "Explore a neighbourhood you don't know",
        _OUT,
        "Pick a part of town neither of you knows well, wander with no plan, "
        "and stop wherever looks interesting.",
        180,
        CHEAP,
    ),
    Idea(
        "see-something-live",
        "See something live",
        _OUT,
        "Go to a play, a gig, a comedy night or a local choir. Small local "
        "venues are often cheap and surprisingly good.",
        180,
        SOME,
    ),
    Idea(
        "gallery-pick-one",
        "A gallery, one piece each",
        _OUT,
        "Visit a gallery or museum and each pick one thing to show the "
        "other. Say what made you stop in front of it.",
        150,
        CHEAP,
    ),
    Idea(
        "market-breakfast",
        "Breakfast at a market",
        _OUT,
        "Go to a morning market, buy one small thing each to share, and eat "
        "it sitting somewhere outside.",
        120,
        CHEAP,
    ),
    Idea(
        "untried-cafe",
        "A café you've never been into",
        _OUT,
        "Pick a café you've walked past a hundred times and never tried. "
        "Stay long enough for a second cup.",
        60,
        CHEAP,
    ),
    Idea(
        "silly-game-out",
        "Bowling, mini golf or an arcade",
        _OUT,
        "Go bowling, play mini golf or find an arcade, and agree beforehand "
        "what the winner gets. Something small and daft works best.",
        120,
        SOME,
    ),
    Idea(
        "sit-by-the-water",
        "Sit by the water",
        _OUT,
        "Find a river, lake, canal or the sea and sit by it for an hour with "
        "something to eat. Water is very good at slowing people down.",
        90,
        FREE,
    ),
    Idea(
        "cinema-no-veto",
        "Cinema, one chooser, no veto",
        _OUT,
        "Go to the cinema and let one of you choose the film with no veto. "
        "Take turns, and talk it over somewhere afterwards.",
        180,
        SOME,
    ),
    Idea(
        "where-it-started",
        "Go back to where it started",
        _OUT,
        "Visit a place from early on, where you met or first felt close, "
        "and tell each other what you remember about that time.",
        120,
        CHEAP,
    ),
    Idea(
        "garden-in-bloom",
        "A garden or park in bloom",
        _OUT,
        "Find a public garden, park or woodland that's at its best this "
        "month and take it slowly. Each choose a favourite spot.",
        120,
        CHEAP,
    ),
    Idea(
        "after-dark-stroll",
        "A stroll after dark",
        _OUT,
        "Head out after dinner through streets you know well and notice how "
        "different they look lit up at night.",
        45,
        FREE,
    ),
    Idea(
        "board-game-cafe",
        "A board game café",
        _OUT,
        "Spend an afternoon at a board game café and ask the staff to "
        "recommend a game for two that you've never played.",
        150,
        SOME,
    ),
    # --- Cheap or free -------------------------------------------------
    Idea(
        "packed-lunch-picnic",
        "A packed-lunch picnic",
        _CHEAP,
        "Make sandwiches, fill a flask and eat somewhere with a view. A bench in a park counts.",
        90,
        CHEAP,
    ),
    Idea(
        "something-free-this-week",
        "Find one free thing on this week",
        _CHEAP,
        "Look up what's free nearby this week, like a talk, an open "
        "rehearsal, a street festival or a library event, and go to one.",
        120,
        FREE,
    ),
    Idea(
        "second-hand-gift-swap",
        "Second-hand gift swap",
        _CHEAP,
        "Visit a second-hand shop with a tiny budget each and choose a "
        "present for the other. Unwrap them over a cup of tea.",
        90,
        CHEAP,
    ),
    Idea(
        "photo-walk",
        "A photo walk",
        _CHEAP,
        "Go somewhere familiar and each take ten photos of things the other "
        "might miss. Compare them when you get home.",
        90,
        FREE,
    ),
    Idea(
        "cupboard-cook-off",
        "Cook from what's in the cupboard",
        _CHEAP,
        "Make the best meal you can using only what's already in the "
        "cupboard and fridge. Give it a grand name.",
        60,
        FREE,
    ),
    Idea(
        "library-date",
        "A library date",
        _CHEAP,
        "Go to a library, take ten minutes each to choose a book for the "
        "other, then read the first chapter side by side.",
        90,
        FREE,
    ),
    Idea(
        "sunset-high-spot",
        "Watch the sunset from up high",
        _CHEAP,
        "Find the highest spot nearby that you can reach easily, bring "
        "something warm to drink and watch the sun go down.",
        60,
        FREE,
    ),
    Idea(
        "card-game-tournament",
        "A card game tournament",
        _CHEAP,
        "Learn a two-player card game neither of you knows and play best of "
        "five. Whoever loses makes the next pot of tea.",
        90,
        FREE,
    ),
    Idea(
        "end-of-the-line",
        "Ride to the end of the line",
        _CHEAP,
        "Take a bus or train to the last stop on a line you've never used, "
        "look around for an hour, and come back.",
        180,
        CHEAP,
    ),
    Idea(
        "volunteer-morning",
        "Volunteer for a morning",
        _CHEAP,
        "Give a morning to a community garden, a litter pick or a local "
        "food bank. Helping side by side is a quiet kind of closeness.",
        180,
        FREE,
    ),
    Idea(
        "playlist-swap",
        "Swap playlists",
        _CHEAP,
        "Each make a playlist of ten songs that say something about you "
        "right now, then play each other's while you cook or tidy.",
        60,
        FREE,
    ),
    Idea(
        "quiz-night",
        "Go to a quiz night",
        _CHEAP,
        "Find a quiz night nearby, make up a team name and find out how much "
        "you know between the two of you.",
        120,
        CHEAP,
    ),
    Idea(
        "tourists-at-home",
        "Be tourists in your own town",
        _CHEAP,
        "Follow a free walking tour or a visitor leaflet for your own town "
        "and learn something you didn't know about where you live.",
        120,
        FREE,
    ),
    # --- A new hobby ---------------------------------------------------
    Idea(
        "three-chords",
        "Learn three chords together",
        _HOBBY,
        "Borrow a guitar or ukulele and learn three chords from a free "
        "lesson online. A surprising number of songs need only three.",
        60,
        CHEAP,
    ),
    Idea(
        "pottery-taster",
        "A pottery taster class",
        _HOBBY,
        "Book a one-off pottery or clay class and make something lopsided "
        "each. Keep the results, however they turn out.",
        150,
        SOME,
    ),
    Idea(
        "ten-phrases",
        "Ten phrases in a new language",
        _HOBBY,
        "Pick a language neither of you speaks and learn ten useful phrases "
        "this week. Try them on each other at dinner.",
        30,
        FREE,
    ),
    Idea(
        "beginners-dance-class",
        "A beginners' dance class",
        _HOBBY,
        "Try a beginners' class in salsa, swing or whatever is on nearby. "
        "Nobody is good at the first one, which is half the fun.",
        60,
        SOME,
    ),
    Idea(
        "grow-from-seed",
        "Grow something from seed",
        _HOBBY,
        "Plant herbs, tomatoes or flowers in a pot and look after them "
        "together. A sunny windowsill is plenty.",
        30,
        CHEAP,
    ),
    Idea(
        "draw-the-same-thing",
        "Draw the same thing",
        _HOBBY,
        "Sit in front of the same view or object and each draw it for twenty "
        "minutes. Compare them, kindly.",
        45,
        FREE,
    ),
    Idea(
        "cooking-class",
        "Take a cooking class",
        _HOBBY,
        "Book a class in food you both like but never make, like dumplings, "
        "curry or fresh pasta. Cook it again at home the week after.",
        180,
        TREAT,
    ),
    Idea(
        "five-local-birds",
        "Learn five local birds",
        _HOBBY,
        "Learn to recognise five birds that live near you, by sight or by "
        "song, then go out and see how many you can find.",
        60,
        FREE,
    ),
    Idea(
        "craft-side-by-side",
        "A simple craft side by side",
        _HOBBY,
        "Get a beginner's kit for knitting, embroidery or model-making and "
        "work on it side by side over a few evenings.",
        60,
        CHEAP,
    ),
    Idea(
        "book-club-for-two",
        "A book club for two",
        _HOBBY,
        "Choose a book, on paper or audio, and read it at the same pace. "
        "Talk about the latest chapters over a weekend breakfast.",
        60,
        FREE,
    ),
    Idea(
        "gentle-stretching",
        "Gentle stretching together",
        _HOBBY,
        "Follow a free beginners' stretching or yoga video together, at "
        "whatever pace suits your bodies. Ten minutes is a fine start.",
        20,
        FREE,
    ),
    Idea(
        "new-board-game",
        "Learn a new board game",
        _HOBBY,
        "Pick a board game neither of you has played, learn the rules "
        "together, and play it three times this month.",
        90,
        CHEAP,
    ),
    Idea(
        "sourdough-starter",
        "Raise a sourdough starter",
        _HOBBY,
        "Make a sourdough starter and take turns feeding it. In a week or "
        "two you'll bake bread from little more than flour and water.",
        20,
        FREE,
    ),
    # --- Unplugged -----------------------------------------------------
    Idea(
        "candlelit-evening",
        "Candle-lit evening, phones in a drawer",
        _UNPLUGGED,
        "Put both phones in a drawer, light a few candles and spend the "
        "evening talking, reading aloud or doing nothing much.",
        120,
        FREE,
    ),
    Idea(
        "stargazing",
        "Go stargazing",
        _UNPLUGGED,
        "On a clear night, find a spot away from streetlights, bring a "
        "blanket and something warm, and see how many stars you can name.",
        120,
        FREE,
    ),
    Idea(
        "screen-free-morning",
        "A screen-free morning",
        _UNPLUGGED,
        "On a day off, keep every screen off until lunch. Have a slow "
        "breakfast, read, get some fresh air, talk.",
        240,
        FREE,
    ),
    Idea(
        "letters-to-each-other",
        "Write each other a letter",
        _UNPLUGGED,
        "Each write a short letter by hand about a memory you treasure or "
        "something you love about the other, then swap and read them.",
        45,
        FREE,
    ),
    Idea(
        "phones-at-home-afternoon",
        "An afternoon out, phones left home",
        _UNPLUGGED,
        "Leave both phones at home and spend an afternoon out with no fixed "
        "plan. Notice how much more you talk.",
        180,
        FREE,
    ),
    Idea(
        "read-aloud",
        "Read aloud to each other",
        _UNPLUGGED,
        "Take turns reading a chapter of a book aloud, one reading while the "
        "other listens with their eyes closed.",
        45,
        FREE,
    ),
    Idea(
        "pretend-power-cut",
        "Pretend the power's out",
        _UNPLUGGED,
        "Turn off the lights and the wifi for an evening as if there were a "
        "power cut. Candles, torches, cold food and stories.",
        150,
        FREE,
    ),
    Idea(
        "cloud-watching",
        "Watch the clouds go by",
        _UNPLUGGED,
        "Find a patch of grass or a bench, lean back and watch the clouds or "
        "the trees move. Say what shapes you see.",
        30,
        FREE,
    ),
    Idea(
        "slow-pot-of-tea",
        "A slow pot of tea",
        _UNPLUGGED,
        "Make a proper pot of tea or coffee, sit facing each other and drink "
        "it slowly with nothing else to do.",
        30,
        FREE,
    ),
    Idea(
        "story-of-us",
        "Tell the story of us",
        _UNPLUGGED,
        "With phones away, tell the story of how you met, each adding the "
        "bits the other has forgotten or tells differently.",
        45,
        FREE,
    ),
    Idea(
        "wish-lists",
        "Two wish lists on paper",
        _UNPLUGGED,
        "Each write ten small things you'd like to do together this year, "
        "then compare lists and circle the overlaps.",
        45,
        FREE,
    ),
    Idea(
        "whole-album",
        "Listen to a whole album",
        _UNPLUGGED,
        "Put on an album from start to finish, get comfortable and just "
        "listen. No phones, and no talking until it ends.",
        45,
        FREE,
    ),
    # --- A getaway -----------------------------------------------------
    Idea(
        "night-in-a-nearby-town",
        "A night in a nearby town",
        _AWAY,
        "Book one night in a town nearby that you've never stayed in. "
        "Arrive early, wander, and eat somewhere you'd never find at home.",
        1 * DAY,
        SOME,
    ),
    Idea(
        "holiday-at-home",
        "A holiday weekend at home",
        _AWAY,
        "Treat a weekend at home as a holiday: no chores, no work, simple "
        "meals, and a visit somewhere local the way a tourist would.",
        2 * DAY,
        CHEAP,
    ),
    Idea(
        "night-under-canvas",
        "A night under canvas",
        _AWAY,
        "Borrow a tent and camp for a night at a simple campsite. Cook "
        "something easy outside and watch it get dark.",
        1 * DAY,
        CHEAP,
    ),
    Idea(
        "home-swap-with-friends",
        "Swap homes with friends",
        _AWAY,
        "Swap homes with friends in another town for a weekend. A different "
        "kitchen and different streets feel surprisingly like a holiday.",
        2 * DAY,
        CHEAP,
    ),
    Idea(
        "cabin-without-wifi",
        "A cabin without wifi",
        _AWAY,
        "Find a cabin or cottage with no wifi and little signal for two "
        "nights. Bring books, cards and food you like to cook.",
        2 * DAY,
        TREAT,
    ),
    Idea(
        "seaside-out-of-season",
        "The seaside out of season",
        _AWAY,
        "Go to the coast out of season, when it's cheaper and quieter. Walk "
        "the front in a big coat and eat something warm by the sea.",
        1 * DAY,
        SOME,
    ),
    Idea(
        "city-break",
        "A city neither of you knows",
        _AWAY,
        "Pick a city neither of you has been to and go for two nights. Plan "
        "just one thing each and leave the rest to wandering.",
        2 * DAY,
        TREAT,
    ),
    Idea(
        "countryside-weekend",
        "A slow weekend in the country",
        _AWAY,
        "Stay somewhere in the hills or the countryside for two nights and "
        "spend the days outside, at whatever pace suits you both.",
        2 * DAY,
        SOME,
    ),
    Idea(
        "festival-weekend",
        "A weekend at a festival",
        _AWAY,
        "Go to a music, food or book festival for a weekend. Each choose one "
        "thing you'd like to see and try one the other chose.",
        2 * DAY,
        SOME,
    ),
    Idea(
        "surprise-night-away",
        "A surprise night away",
        _AWAY,
        "One of you plans a night away and keeps where you're going secret "
        "until you set off. Swap roles next time.",
        1 * DAY,
        SOME,
    ),
    Idea(
        "return-to-a-favourite",
        "Go back to a place you loved",
        _AWAY,
        "Return for a couple of nights to somewhere you were happy together "
        "before, and see what's changed and what hasn't.",
        2 * DAY,
        SOME,
    ),
    Idea(
        "hotel-in-your-own-town",
        "A hotel night in your own town",
        _AWAY,
        "Book one night at a hotel in your own town or city. No travel, no "
        "chores, and still a real sense of being away.",
        1 * DAY,
        TREAT,
    ),
)

_BY_KEY: dict[str, Idea] = {idea.key: idea for idea in IDEAS}


def find_idea(key: str) -> Idea | None:
    """The idea with this key, or None."""
    return _BY_KEY.get(key)


def ideas_by_kind() -> dict[IdeaKind, list[Idea]]:
    """Ideas grouped by kind, every kind present, in jar order."""
    grouped: dict[IdeaKind, list[Idea]] = {kind: [] for kind in IdeaKind}
    for idea in IDEAS:
        grouped[idea.kind].append(idea)
    return grouped
