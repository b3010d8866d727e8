"""Days and months, in calendar order (regexes are built from them)."""

from __future__ import annotations

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
# Abbreviations written with a full stop ("Sept.", "Thurs."): not a sentence's end.
WEEKDAY_ABBREVIATIONS = frozenset("mon tue tues wed thu thur thurs fri sat sun".split())
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Units of time: "billions of years" is a span, not an amount of money; "months" alone is no date.
TIME_UNITS = frozenset("second seconds minute minutes hour hours day days week weeks month months year years "
                       "decade decades century centuries millennium millennia".split())
# Words ending in -ing that do make a date of the unit after them ("the coming months"); any other -ing word
# before a unit is a verb ("ending months of uncertainty").
DATE_ING_ADJECTIVES = frozenset("coming following preceding remaining upcoming opening closing".split())

# Prepositions before a bare year that make it a date ("since 2019", "in 1998"); the rules recogniser drops them.
YEAR_PREPOSITIONS = ("in", "since", "until", "by", "from", "of", "before", "after")
