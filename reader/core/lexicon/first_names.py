"""First names and the sex most people given them have: what "she" can refer to.

The list is built from the US Social Security Administration's baby-name counts (public domain)
by tools/build_first_names.py: a name is kept only when at least 90% of the babies given it were
of one sex, so a shared name (Jordan, Robin) tells nothing. Loaded once, lazily.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ... import resources

FILE = "first_names.tsv"


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    with resources.resource("names", FILE).open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            name, _, sex = line.rstrip("\n").partition("\t")
            if sex in ("f", "m"):
                table[name] = sex
    return table


def first_name_gender(name: str) -> str | None:
    """ "f", "m", or None when the first name is unknown or shared: first_name_gender("Siobhan") -> "f"."""
    plain = unicodedata.normalize("NFKD", name.lower())
    return _table().get("".join(char for char in plain if not unicodedata.combining(char)))  # André -> andre
