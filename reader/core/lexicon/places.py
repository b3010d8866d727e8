"""Words around a place's name: "the village of X", "in X", "X residents"."""

from __future__ import annotations

# "the town of Wenbury", "the district of X": the name after them is a place's.
PLACE_KIND_NOUNS = frozenset("town village city district county borough suburb parish hamlet port".split())
# Prepositions before a place, not an organisation ("in Wenbury", "near X").
PLACE_PREPOSITIONS = ("in", "near", "outside", "through", "around")
# People of a place: "Wenbury residents".
PLACE_PEOPLE_NOUNS = frozenset("residents villagers townspeople locals".split())
# Last words of venues and events, never of a person's name: "Van Doorn Museum", "Diamond League".
VENUE_NAME_ENDINGS = frozenset(
    """museum gallery theatre theater library festival orchestra choir league stadium arena hall centre center
    park bridge street road lane avenue square station airport hospital school cathedral abbey castle palace
    tower house court""".split())
# Last words of a building's, a street's or a structure's name: "Stoneyford Lane", "Marrick Bridge" (FAC).
FACILITY_NAME_ENDINGS = frozenset(
    """street road lane avenue drive crescent terrace close bridge viaduct tunnel station airport airfield
    stadium arena square cathedral abbey castle tower pier harbour harbor dock docks motorway bypass terminal
    crossing dam interchange""".split())
# First and last words of natural features' names (LOC): "River Alde", "Lake Geneva", "Mount Kenya",
# "Outer Hebrides" aside, "Cairngorm Mountains", "Menai Strait".
NATURAL_FEATURE_STARTS = frozenset("river lake loch lough mount mountains isle isles gulf cape".split())
NATURAL_FEATURE_ENDINGS = frozenset(
    """river lake loch sea ocean mountains mountain hills valley estuary bay peninsula island islands strait
    channel firth glacier forest desert plateau range""".split())
# The sun, the moon and the planets are locations (LOC), not people or organisations.
CELESTIAL_BODIES = frozenset("sun moon earth mercury venus mars jupiter saturn uranus neptune pluto".split())
# Last words of a building's name that a model takes for an event's or a work's ("Royal Festival Hall").
BUILDING_NAME_ENDINGS = frozenset("hall theatre theater arena stadium cathedral palace terminal".split())
# Lower-case nouns after a name that make it a facility's: "Manchester Piccadilly station", "the Lagdo dam".
FACILITY_NOUNS = frozenset("station airport stadium terminal viaduct tunnel motorway".split())
# Words that name a part of a facility with a number: "Terminal 2", "Gate 14", "Platform 9".
NUMBERED_FACILITIES = frozenset("terminal gate platform pier hangar runway berth dock wharf".split())
