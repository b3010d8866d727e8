"""How names are written: letters after a person's name, lower-case words inside longer names."""

from __future__ import annotations

# Letters after a name, and the few also written before it ("MEP Anna Berg"): a person's, not part of the
# name. "Sophie Lindqvist KC" is Sophie Lindqvist.
POST_NOMINALS = frozenset("kc qc mp mep msp ms am mla mhk td obe mbe cbe kbe dbe frs phd jr sr".split())
POST_NOMINALS_BEFORE_NAMES = frozenset("mp mep msp mla td".split())
# Lower-case words that may sit inside an organisation's or a place's name ("Devon and Cornwall Police",
# "Council on Foreign Relations", "Newcastle upon Tyne"); any other lower-case word ends the name
# ("Premier League deserves ...").
NAME_INNER_WORDS = frozenset("of the and for on in at upon under de du des da di del della la le van von & y".split())
# Surname prefixes after which a capital is normal ("McDonald", "DiCaprio", "LeBron", "O'Neill"): such a name
# is not written as a brand ("SpaceX", "PayPal").
SURNAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "O'", "O’")
# The sex an honorific says: "Ms Calloway" is the woman of two Calloways.
HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f"}
# Capital letters of the Latin, Greek and Cyrillic alphabets, for regex character classes: "Świątek", "Țiriac",
# "Ødegaard", "Ólafsdóttir" start names as "Smith" does.
CAPITAL_LETTERS = "A-Z" + "".join(sorted(
    {char for block in ((0xC0, 0x250), (0x370, 0x530), (0x1E00, 0x1F00)) for char in map(chr, range(*block))
     if char.isupper()}))
