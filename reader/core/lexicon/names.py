"""Words about people: titles written before a name, roles that head a speaker's noun phrase,
and the lower-case particles inside names ("Hayat Tahrir al Sham", "Ursula von der Leyen")."""

from __future__ import annotations

# Forms of address, honorifics and their abbreviations, religious ones included: "Mr", "Dame", "Sheikh",
# "Father", "Gen", "Sen".
HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof sir dame lord lady sheikh sheik saint st reverend rev father brother sister
    sen rep gov gen lt col maj capt sgt adm cmdr cpl pvt supt insp det pres hon fr messrs mme mlle""".split())
# Offices and ranks, and the words that qualify them ("Foreign Minister", "Vice President").
OFFICES = frozenset(
    """president vice prime minister premier chancellor secretary senator representative congressman congresswoman
    governor mayor general lieutenant colonel major captain commander admiral sergeant judge justice king queen
    prince princess emperor emir imam ayatollah pope cardinal archbishop bishop rabbi ambassador envoy chairman
    chairwoman chair chairperson ceo director chief leader commissioner inspector detective officer agent deputy
    speaker foreign defence defense interior finance health councillor councilor dean director-general
    secretary-general president-elect commander-in-chief sheriff superintendent prosecutor professor rector
    provost principal mp lawmaker legislator whip""".split())
# What people are in a news story: jobs, callings and parts they play ("analyst", "spokesman", "witness").
OCCUPATIONS = frozenset(
    """activist actor actress administrator adviser advisor analyst attorney author boss campaigner candidate
    cleric co-founder coach cofounder coordinator correspondent diplomat doctor economist editor employee
    executive expert farmer fighter figure founder founder-director head historian investigator journalist lawyer
    manager member militant negotiator novelist nurse official officials organiser organizer owner partner
    pastor physician player poet pollster priest producer reporter researcher resident scientist singer spokesman
    spokesmen spokesperson spokeswoman star strategist student surgeon survivor teacher veteran victim witness
    worker writer""".split())

# Words written before a person's name that are not part of it: "President Bashar Al Assad" is Bashar Al
# Assad, "Mr Assad" the same man. In a speaker's noun phrase they belong to the speaker: "Hezbollah leader
# Naim Qassem", "the prime minister", "some analysts".
PERSON_TITLES = HONORIFICS | OFFICES | OCCUPATIONS

# The titles that make the rules recogniser call the capitalised run after them a person (it compares them
# Title Cased: see ``lexicon.title_case``). A subset of PERSON_TITLES: which others would help it is untested.
RULES_PERSON_CUES = frozenset(
    """mr mrs ms dr president minister senator governor general judge prince princess king queen
    sheikh pope chancellor professor prof rev sir dame lord lady colonel captain""".split()
)

# Lower-case words inside a name ("Hayat Tahrir al Sham", "Ludwig van Beethoven", "Ursula von der Leyen").
NAME_PARTICLES = frozenset(
    "al el bin ibn bint abu abd de del della der di da dos das du la le van von den ter ten op zu y".split())
# Lower-case words that may join two capitalised words into one run ("Bashar al Assad", "Bank of England").
CAPITALISED_RUN_CONNECTORS = NAME_PARTICLES | {"of", "the"}
# The rules recogniser's joining words, in regex order.
RULES_RUN_CONNECTORS = ("of", "the", "al", "bin", "de", "del", "van", "von", "der", "la", "le", "du")

# Titles that say a person's sex: "Mrs Patel said ... she", "Sir Keir ... he". Compared in lower case.
FEMALE_TITLES = frozenset("""mrs ms miss dame lady madam madame mme mlle queen princess duchess countess baroness
sister mother congresswoman chairwoman spokeswoman businesswoman sportswoman actress""".split())
MALE_TITLES = frozenset("""mr sir lord king prince duke count baron earl brother father congressman chairman
spokesman businessman sportsman actor""".split())

# Heads of a speaker's noun phrase that speak for an organisation: "a Swiftbox spokeswoman" is Swiftbox.
SPOKESPEOPLE = frozenset("""spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople
representative representatives""".split())
# Family and relations: "his brother, Winston", "her daughter Grace" (a name after them is a person's).
KINSHIP_NOUNS = frozenset(
    """wife husband son daughter sons daughters brother brothers sister sisters mother father parents grandson
    granddaughter grandmother grandfather niece nephew cousin uncle aunt widow widower partner fiancee fiance
    stepson stepdaughter""".split())
