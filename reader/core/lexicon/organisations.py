"""Words that say a phrase names an organisation, or refers back to one."""

from __future__ import annotations

# A state's institutions: after a nationality they make an organisation ("Syrian army", "Russian government").
INSTITUTION_NOUNS = (
    "armed forces", "security forces", "air force", "coast guard", "foreign ministry", "defence ministry",
    "defense ministry", "interior ministry", "army", "navy", "government", "police", "parliament", "regime",
    "cabinet", "ministry", "embassy", "authorities", "junta", "judiciary", "legislature",
)

# The last word of an organisation's name, which makes an unknown capitalised phrase an organisation:
# "Defence Companies", "Bank", "Corp". Not the words that end place names as often ("State", "Country",
# "Channel") or documents ("White Paper"): those only refer back to an organisation already named.
ORGANISATION_NAME_HEADS = frozenset(
    """party ministry council committee commission agency bank company companies corporation corp inc ltd
    university college school institute association union organisation organization army navy forces force
    police court judiciary legislature parliament congress senate assembly cabinet government administration
    regime junta military militia authorities authority department office embassy bureau service services
    group front movement foundation charity fund alliance coalition faction network campaign board body team
    firm news times post journal newspaper broadcaster outlet airlines club federation brigade brigades guards
    guard corps battalion regiment division hospital church mosque""".split()
)

# Heads of noun phrases that refer to an organisation without naming which: "the group", "the ministry",
# "the country" (a speaker then is the last organisation that spoke).
ORGANISATION_REFERENCES = ORGANISATION_NAME_HEADS | frozenset("state country paper channel".split())

# The rules recogniser's organisation words (compared Title Cased, anywhere in a capitalised run): the
# name heads it has always used. Whether the others would help it is for whoever changes it to measure.
RULES_ORG_WORDS = frozenset(
    """party ministry council committee commission agency bank company corporation corp inc ltd
    university college institute association union organisation organization army forces force
    police court parliament congress senate department office group front movement foundation
    news times post journal airlines club federation authority assembly companies brigades brigade
    guards corps battalion regiment division fund bureau service services network""".split()
)

# Last words that make a capitalised name a company's or another organisation's wherever it stands, even
# when the model calls it a person or a place: "Arvik Pharma", "Penhallow Mutual", "Anglia Fenland Water",
# "Ardent Racing", "Bay Area Legal Aid Society". Generic words only: they generalise to unseen names.
COMPANY_NAME_ENDINGS = frozenset(
    """ltd limited plc inc incorporated llc llp corp corporation co group holdings labs laboratories pharma
    pharmaceuticals therapeutics biotech biosciences capital partners ventures investments securities markets
    airlines airways motors automotive mutual insurance assurance water energy power utilities telecom
    communications networks technologies systems solutions software robotics dynamics industries enterprises
    logistics foods brewery brewing studios entertainment media records publishing retail stores brands trust
    society bank bancorp financial consulting associates racing motorsport aerospace semiconductors
    electronics chemicals mining petroleum oil gas steel bakery distillery""".split())
# Last words of newspapers, broadcasters and magazines: "Gorsley Gazette", "Daily Ledger", "Evening Courier".
MEDIA_NAME_ENDINGS = frozenset(
    """times post herald news radio tv television gazette courier echo ledger review journal tribune chronicle
    telegraph observer mirror express standard mail guardian independent examiner inquirer bulletin dispatch
    advertiser argus sentinel magazine weekly daily reporter recorder register echo-post""".split())
# Words that head a football, rugby or other club's name wherever they stand ("Leeds United", "Bristol
# Rovers"); CLUB_NAME_ENDINGS_IN_SPORT only in a sports story ("Bristol City", "Derby County", "Ipswich Town"
# are also a council, a county and a town elsewhere).
CLUB_NAME_ENDINGS = frozenset("fc afc united rovers athletic wanderers albion hotspur argyle".split())
CLUB_NAME_ENDINGS_IN_SPORT = frozenset("city town county rangers villa orient alexandra athletico".split())

# Nouns that say what kind of organisation a name is, in apposition or before it: "Lumora, a Finnish
# start-up", "the regulator Ofsted", "Soundcheck, the music website".
ORGANISATION_KIND_NOUNS = frozenset(
    """company firm startup start-up maker retailer manufacturer charity regulator watchdog developer supplier
    provider operator broadcaster newspaper agency chain lender insurer airline carrier publisher group
    consultancy bank brand label outlet website platform network conglomerate subsidiary utility club team
    side union party thinktank think-tank organisation organization body institute foundation trust
    campaign association federation league studio distributor producer magazine fund band orchestra choir
    duo trio quartet""".split())
# Kind nouns that, written right after a name, make it an organisation's: "Soundcheck magazine", "Zest bank".
# Not "team", "side" or "campaign", which follow people's names too ("the Biden campaign").
ORGANISATION_KIND_AFTER = frozenset(
    """company firm startup start-up maker retailer manufacturer charity regulator developer supplier provider
    operator broadcaster newspaper agency chain lender insurer airline carrier publisher group consultancy bank
    brand outlet website platform network magazine studio conglomerate""".split())
# Verbs of posting: "writing on X", "posted on X" make X a platform (an organisation).
POSTING_VERBS = frozenset(
    "wrote writing writes posted posting posts post tweeted tweeting shared sharing said added streamed streaming"
    .split())
# What an organisation has and a product or a person rarely does: "Lumora's co-founder", "shares in Corvane",
# "Penhallow Mutual's chief executive".
ORGANISATION_OWNED_NOUNS = (
    "chief executive", "chief executive officer", "chief technology officer", "chief financial officer",
    "chief operating officer", "managing director", "ceo", "cfo", "cto", "chairman", "chairwoman", "founder",
    "co-founder", "cofounder", "board", "shareholders", "shares", "share price", "stock", "staff", "employees",
    "workforce", "headquarters", "spokesperson", "spokesman", "spokeswoman", "revenue", "revenues", "profits",
    "profit", "sales", "customers", "subscribers", "subsidiary", "owners", "parent company", "annual report",
    "website", "app", "investors", "executives", "president", "director", "directors",
)
# Nouns before "in", "of", "at" or "for" and a name that make the name an organisation's: "shares in X",
# "an analyst at X", "the chief executive of X", "a spokeswoman for X".
ORGANISATION_MEMBER_NOUNS = (
    "shares", "stake", "shareholders", "investors", "chief executive", "ceo", "chairman", "chairwoman", "founder",
    "co-founder", "spokesperson", "spokesman", "spokeswoman", "analyst", "analysts", "economist", "economists",
    "employees", "staff", "engineers", "executives", "executive", "strategist", "researchers", "trader", "traders",
    "manager", "managers", "branch", "branches", "subsidiary", "division", "unit",
)
# Last words of an organisation's name that are never a family name: a name ending so is no person's even
# when the model says it is ("Govan Law Centre", "Amaury Sport Organisation"). Not "Court", "Church",
# "Post", "Hall" or "Bank", which end people's names too (Margaret Court, Emily Post).
ORGANISATION_HEADS_NOT_SURNAMES = frozenset(
    """ministry council committee commission agency company companies corporation university institute
    institution association organisation organization foundation federation authority department centre
    center conservatoire academy society party coalition alliance charity trust union observatory museum
    inc ltd plc llc hospital infirmary clinic school government exchange railway railways airways""".split())
# First words of an organisation's name that no person's name starts with: "Team Sky", "Team GB".
ORGANISATION_NAME_STARTS = frozenset("team".split())
# Words before a country's or a state's name that make the two a place's name, not an organisation's
# ("New England", "Northern Ireland", "mainland China"), where "Shelter Scotland", "Elections Ontario" and
# "Historic England" are organisations named after the place they serve.
PLACE_QUALIFIERS = frozenset(
    """north south east west northern southern eastern western central upper lower greater new great old
    modern rural urban coastal inner outer mainland little far middle deep metropolitan north-east north-west
    south-east south-west northeast northwest southeast southwest mid upstate downstate""".split())
# Verbs of a share price: "Travis Perkins slipped 3 per cent" is a company's stock, never a person.
SHARE_MOVES = frozenset(
    """rose fell slipped gained dropped lost climbed jumped slumped tumbled soared sank plunged surged edged
    rallied slid dipped advanced declined""".split())
