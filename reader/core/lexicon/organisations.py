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
