"""The form of an entity's id ("person-bashar-al-assad", "org-hezbollah-2"), written once.

The entity builder makes these ids and the user's corrections make new ones in the same form, so an id
never says which of the two made it and never repeats within one analysis.
"""

from __future__ import annotations

import re
import unicodedata


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def new_entity_id(label: str, name: str, used: set[str]) -> str:
    """``label-name-slug``, numbered from 2 when taken; the id is added to ``used``."""
    base = f"{label.lower()}-{slug(name)}"
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate
