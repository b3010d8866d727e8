"""Words around the names of works, laws, events and languages: "her third novel, “The Salt Orchard”",
"the Online Safety Act 2023", "Roe v Wade", "the Edinburgh Festival", "translated into French"."""

from __future__ import annotations

# Nouns right before a title in quotation marks ("the album “Tidewater”", "her memoir, “Van Diaries”") or
# in apposition after it ("“The Quiet Orchard”, a drama about ..."): the title is a work of art's.
WORK_NOUNS = frozenset(
    """album albums single song songs track ep record novel novels book books memoir memoirs biography
    autobiography novella story stories poem poems collection anthology play plays musical opera operetta
    ballet film films movie movies documentary feature drama comedy thriller sitcom series serial show
    programme program episode podcast painting paintings portrait sculpture installation exhibition suite
    symphony concerto sonata cantata oratorio score soundtrack debut sequel prequel essay essays report
    column photograph photographs mural""".split())
# Small words written in lower case inside a title ("The Life of a Showgirl", "North of Helsinki").
TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but nor by with from as into over".split())

# Last words of a law's or a treaty's name: "Housing (Scotland) Act", "Online Safety Bill", "Kyoto Protocol".
LAW_NAME_ENDINGS = frozenset(
    "act acts bill treaty amendment constitution directive protocol accord accords agreement statute".split())
# Words that show an article is about the law, where "Macrae v Dunlop" is a case, not a fixture.
LEGAL_CONTEXT_WORDS = frozenset(
    """court courts judge judges justice justices judgment judgement ruling ruled appeal appeals tribunal
    lawsuit case claimant defendant plaintiff barrister solicitor prosecutors verdict""".split())
# The word between the parties of a case: "Roe v Wade", "Brown v. Board of Education", "X vs Y".
CASE_SEPARATORS = ("v", "v.", "vs", "vs.")

# Last words of an event's name: "Edinburgh Festival", "Dutch Grand Prix", "Paris Olympics".
EVENT_NAME_ENDINGS = frozenset(
    """festival olympics paralympics championship championships prix marathon regatta carnival biennale
    biennial expo summit open cup""".split())

# Languages whose name is also a nationality's adjective ("in French", "into German"), and those that are not.
LANGUAGE_NAMES = frozenset(
    """English French German Spanish Italian Portuguese Russian Arabic Chinese Mandarin Cantonese Japanese Korean
    Hindi Urdu Bengali Punjabi Tamil Welsh Gaelic Irish Dutch Flemish Swedish Norwegian Danish Finnish Icelandic
    Polish Czech Slovak Hungarian Romanian Bulgarian Greek Turkish Hebrew Persian Farsi Dari Pashto Kurdish
    Swahili Yoruba Igbo Hausa Amharic Somali Zulu Afrikaans Ukrainian Belarusian Serbian Croatian Bosnian
    Albanian Latvian Lithuanian Estonian Catalan Basque Galician Latin Vietnamese Thai Indonesian Malay Tagalog
    Filipino Yiddish Armenian Georgian Kazakh Uzbek Mongolian Tibetan Nepali Sinhala""".split())
# Words before a language's name: "in French", "into German", "speaks Welsh", "translated from Arabic".
LANGUAGE_CUES = frozenset(
    """in into from speak speaks spoke speaking spoken learn learns learnt learned learning teach teaches taught
    fluent""".split())
# Words after a language's name where it ends its phrase ("translated into French by ..."); before a noun it
# is a nationality's adjective ("in French politics").
LANGUAGE_FOLLOWERS = frozenset("by to for from with than as at on but is was".split())
# Words that join languages in a list: "into German and French".
LIST_CONJUNCTIONS = frozenset({"and", "or"})

# Named weather systems are events (OntoNotes): "Storm Adela", "Hurricane Milton", "Tropical Storm Alberto",
# "Super Typhoon Haiyan"; the words that name the system and the qualifiers that may come first.
WEATHER_SYSTEM_WORDS = frozenset("storm hurricane typhoon cyclone".split())
WEATHER_SYSTEM_QUALIFIERS = frozenset("tropical subtropical super severe winter post-tropical extratropical".split())
