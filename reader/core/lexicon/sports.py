"""Words that make a story a sports story, and the words around a club's name in one."""

from __future__ import annotations

# Nouns and verbs of sport (lower case, whole words). A story with several of them, or with a score, is a
# sports story: only there may a city's name be its club ("Hull beat Stoke 2-0").
SPORTS_WORDS = frozenset(
    """match matches fixture fixtures league cup goal goals scored scorer striker midfielder defender goalkeeper
    keeper winger captain squad coach referee penalty penalties kick-off half-time full-time stoppage-time
    injury-time semi-final semi-finals quarter-final tournament championship premiership playoff play-off
    playoffs relegation relegated equaliser equalizer tries wicket wickets innings batting bowler bowled
    touchdown quarterback pitcher rebounds hat-trick unbeaten lap laps podium qualifying athlete athletes
    sprint marathon medal medals olympic olympics stadium fans dugout tackle header volley cricket football
    rugby tennis golf basketball baseball hockey athletics cycling boxing netball seeded""".split())
# Left out on purpose: words as common in politics ("race", "victory", "defeat", "draw", "final", "campaign",
# "season", "transfer", "promotion", "points").
# A story is a sports story when it holds at least this many sports words per thousand words, and at least
# SPORTS_MIN_WORDS of them (a politics story that mentions "the final vote" is not).
SPORTS_WORDS_PER_THOUSAND = 12
SPORTS_MIN_WORDS = 4
# Verbs and nouns around a club's name in a fixture: "beat Hull", "Hull drew with", "against Stoke",
# "Stoke's manager", "host Porto". In a sports story they make a place's name its club.
FIXTURE_VERBS = frozenset(
    """beat beats beaten beating drew draw draws lost lose loses losing won win wins winning host hosts hosted
    hosting visit visits visited face faces faced facing play plays played playing thrashed edged overcame
    defeated defeat hammered trounced stunned""".split())
FIXTURE_PREPOSITIONS = frozenset("against versus vs v".split())
CLUB_OWNED_NOUNS = frozenset(
    """manager boss coach captain striker midfielder defender goalkeeper keeper winger forward squad players
    player fans supporters side team academy chairman owner owners board defence attack lineup line-up
    bench dressing-room""".split())
# Plural names that are events, not clubs: "the Games", "the Olympics".
SPORTS_EVENT_PLURALS = frozenset("games olympics paralympics championships finals ashes masters open".split())
# Words before "for" and a club's name: "scored for Leeds", "signed for Porto", "a debut for Hull".
FOR_CLUB_WORDS = frozenset(
    "scored scores signed signs played plays playing debut goal goals appearances starts".split())
# Auxiliaries between a club's name and its fixture verb: "Castleford were beaten".
FIXTURE_AUXILIARIES = ("was", "were", "is", "are", "have", "has", "had", "have been", "had been")
