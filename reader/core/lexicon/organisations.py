"""Words that say a phrase names an organisation, or refers back to one."""

from __future__ import annotations

# Words that make an unknown capitalised phrase an organisation when they end it ("Defence Companies").
ENTITY_ORG_HEADS = frozenset(
    """party ministry council committee commission agency bank company companies corporation inc ltd university
    college institute association union organisation organization army forces force police court parliament
    congress senate department office group front movement foundation news times post journal airlines club
    federation authority assembly brigade brigades guards corps battalion regiment division fund bureau service
    network school hospital church mosque""".split()
)
# The rules recogniser's organisation words (compared Title Cased, anywhere in a capitalised run).
RULES_ORG_WORDS = frozenset(
    """party ministry council committee commission agency bank company corporation corp inc ltd
    university college institute association union organisation organization army forces force
    police court parliament congress senate department office group front movement foundation
    news times post journal airlines club federation authority assembly companies brigades brigade
    guards corps battalion regiment division fund bureau service services network""".split()
)

# Heads of noun phrases that name an organisation without naming which ("the group", "the ministry").
GENERIC_ORG_HEADS = frozenset("""group organisation organization movement militia party company firm agency body
alliance coalition faction network outlet newspaper paper channel broadcaster union association federation
council committee commission ministry department office government administration regime army military
force forces police service court parliament assembly bank fund authority authorities board team club
campaign institute foundation charity bureau cabinet junta junta state country""".split())

# A state's institutions: after a nationality they make an organisation ("Syrian army"). Regex order:
# the two-word ones first.
INSTITUTION_NOUNS = (
    "armed forces", "security forces", "air force", "coast guard", "foreign ministry", "defence ministry",
    "defense ministry", "interior ministry", "army", "navy", "government", "police", "parliament", "regime",
    "cabinet", "ministry", "embassy", "authorities", "junta", "judiciary", "legislature",
)
