"""Words about people: titles written before a name, roles that head a speaker's noun phrase,
and the lower-case particles inside names ("Hayat Tahrir al Sham", "Ursula von der Leyen")."""

from __future__ import annotations

# Titles and honorifics written before a person's name and not part of it: "President Bashar
# Al Assad" is Bashar Al Assad, "Mr Assad" is the same man.
ENTITY_TITLES = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady president vice prime minister premier chancellor
    senator sen rep representative congressman congresswoman governor gov mayor secretary general gen
    lieutenant lt colonel col major maj captain capt commander admiral sergeant sgt judge justice king queen
    prince princess emperor sheikh sheik emir imam ayatollah pope cardinal archbishop bishop rabbi reverend rev
    father brother sister saint st spokesman spokeswoman spokesperson ambassador envoy chairman chairwoman
    chair ceo director chief leader commissioner inspector detective officer agent deputy speaker""".split()
)

# Role and title words that may stand before a name and still belong to the speaker's noun phrase:
# "Hezbollah leader Naim Qassem", "Foreign Minister X", "opposition figure Y".
SPEAKER_ROLES = frozenset("""leader spokesman spokeswoman spokesperson minister president secretary chief head commander
director official chairman chairwoman chair ceo founder cofounder co-founder governor mayor senator
representative rep ambassador envoy adviser advisor analyst expert professor researcher economist lawyer
attorney judge general colonel lieutenant major officer captain sergeant correspondent reporter editor
journalist author activist coordinator negotiator diplomat deputy member mp lawmaker legislator candidate
prime foreign defence defense interior finance justice health king queen prince princess emir sheikh
cleric imam pope bishop archbishop cardinal rabbi pastor priest manager executive partner strategist pollster
scientist doctor nurse witness resident victim survivor fighter militant commander-in-chief owner coach
player chancellor premier vice speaker whip councillor councilor inspector commissioner superintendent sheriff
prosecutor investigator agent administrator dean rector provost principal teacher student worker employee
farmer boss figure veteran campaigner organiser organizer chairperson secretary-general director-general
president-elect spokesmen officials physician surgeon historian novelist writer poet singer actor actress
star producer founder-director""".split())

# The rules recogniser's person cues (it compares them Title Cased: see ``title_case``).
RULES_PERSON_CUES = frozenset(
    """mr mrs ms dr president minister senator governor general judge prince princess king queen
    sheikh pope chancellor professor prof rev sir dame lord lady colonel captain""".split()
)

# Abbreviated titles the quotation tokenizer keeps with their full stop ("Mr.", "Gen."), in regex order.
TOKEN_TITLE_ABBREVIATIONS = ("mr", "mrs", "ms", "mx", "dr", "gen", "lt", "col", "sen", "rep", "gov", "prof", "sgt",
                             "capt", "maj", "adm", "cmdr", "rev", "hon", "st", "jr", "sr", "supt", "insp", "det")

# Lower-case words inside a name ("Hayat Tahrir al Sham", "Ludwig van Beethoven").
ENTITY_NAME_PARTICLES = frozenset(
    "al el bin ibn bint abu abd de del della der di da dos du la le van von den ter ten op zu y".split())
# "Ursula" + " von der Leyen": the particles through which a person's name continues, in regex order.
PARTICLE_TAIL_PARTICLES = ("von", "van", "der", "den", "de", "del", "della", "da", "di", "du", "dos", "la", "le", "al",
                           "el", "bin", "ibn", "ter", "ten", "op", "zu")
# Lower-case words that may join two capitalised words into one run ("Bashar al Assad", "Bank of England").
CAPITALISED_RUN_CONNECTORS = ("al", "el", "de", "of", "the", "bin")
# Particles the quotation stage allows inside a speaker's name.
SPEAKER_NAME_PARTICLES = frozenset(
    "al al- el bin ibn bint abu de da del della di du van von der den la le ter dos das y".split())
# The rules recogniser's joining words, in regex order.
RULES_RUN_CONNECTORS = ("of", "the", "al", "bin", "de", "del", "van", "von", "der", "la", "le", "du")


def title_case(words: frozenset[str]) -> frozenset[str]:
    """The words as written at the start of a name ("mr" -> "Mr"), for lists compared case-sensitively."""
    return frozenset(word.title() for word in words)
