"""Score the link inspector on the hand-made corpora in tests/data/links (issue 12).

    .venv/bin/python tools/score_links.py [--misses] [--corpus NAME]

--corpus NAME scores NAME_evil.tsv and NAME_benign.tsv instead (e.g. "holdout": the held-out corpus
written apart from the inspector's rules, tests/data/links/holdout_*.tsv).

evil.tsv: an evil link is *caught* when Reader will not open it without asking (policy
"confirm" or "never") and says why with at least one "warning" or "danger" note. The
"reason" column counts the links caught with one of the codes the row names (the
technique was recognised as such, not only noticed).
benign.tsv: a *false alarm* is a "warning" or "danger" note on an ordinary link, or a
policy stricter than the row expects ("info" notes such as tracking parameters are fine).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.core.links import inspect_href
from reader.core.model import Link

CORPORA = Path(__file__).resolve().parent.parent / "tests" / "data" / "links"
BASE = "https://news.example.org/world/2026/06/story.html"
ALARMS = ("warning", "danger")
_STRICTNESS = {"open": 0, "confirm": 1, "never": 2}
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|t|n|\\)")
_REPEAT = re.compile(r"\{\{repeat (\d+)\|(.*?)\}\}")


@dataclass(frozen=True)
class Row:
    group: str
    text: str
    href: str
    expected: str  # evil: codes that name the technique (comma-separated); benign: the expected policy


def _unescape(field: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        return {"t": "\t", "n": "\n", "\\": "\\"}.get(code) or chr(int(code[1:], 16))

    field = _ESCAPE.sub(one, field)
    return _REPEAT.sub(lambda m: m.group(2) * int(m.group(1)), field)


def load(name: str) -> list[Row]:
    rows = []
    for line in (CORPORA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        group, text, href, expected = line.split("\t")
        rows.append(Row(group, _unescape(text), _unescape(href), expected))
    return rows


def inspect(row: Row) -> Link:
    return inspect_href(row.href, row.text, BASE)


def caught(link: Link) -> bool:
    return link.policy in ("confirm", "never") and any(w.severity in ALARMS for w in link.warnings)


def false_alarm(link: Link, expected_policy: str) -> bool:
    stricter = _STRICTNESS[link.policy] > _STRICTNESS[expected_policy]
    return stricter or any(w.severity in ALARMS for w in link.warnings)


@dataclass
class Score:
    total: Counter[str]
    hits: Counter[str]
    reasons: Counter[str]
    misses: list[tuple[Row, Link]]


def score_evil(rows: list[Row] | None = None) -> Score:
    result = Score(Counter(), Counter(), Counter(), [])
    for row in rows if rows is not None else load("evil.tsv"):
        link = inspect(row)
        result.total[row.group] += 1
        if caught(link):
            result.hits[row.group] += 1
            if {w.code for w in link.warnings} & set(row.expected.split(",")):
                result.reasons[row.group] += 1
        else:
            result.misses.append((row, link))
    return result


def score_benign(rows: list[Row] | None = None) -> Score:
    result = Score(Counter(), Counter(), Counter(), [])
    for row in rows if rows is not None else load("benign.tsv"):
        link = inspect(row)
        result.total[row.group] += 1
        if false_alarm(link, row.expected):
            result.hits[row.group] += 1
            result.misses.append((row, link))
    return result


def _describe(row: Row, link: Link) -> str:
    notes = ", ".join(f"{w.code}/{w.severity}" for w in link.warnings) or "no notes"
    text = row.text if len(row.text) < 60 else row.text[:57] + "..."
    return f"    [{row.group}] {text!r} -> {row.href[:80]!r}: {link.policy}; {notes}"


def corpus_files(argv: list[str]) -> tuple[str, str]:
    """The evil and benign file names that ``--corpus NAME`` picks (the hand-made pair without it)."""
    if "--corpus" in argv and argv.index("--corpus") + 1 < len(argv):
        name = argv[argv.index("--corpus") + 1]
        return f"{name}_evil.tsv", f"{name}_benign.tsv"
    return "evil.tsv", "benign.tsv"


def main(argv: list[str]) -> int:
    evil_file, benign_file = corpus_files(argv)
    evil, benign = score_evil(load(evil_file)), score_benign(load(benign_file))
    print(f"{'evil group':<22}{'caught':>10}{'reason':>10}")
    for group in evil.total:
        print(f"{group:<22}{evil.hits[group]:>5}/{evil.total[group]:<4}{evil.reasons[group]:>7}/{evil.total[group]}")
    total, hit = sum(evil.total.values()), sum(evil.hits.values())
    print(f"{'all evil':<22}{hit:>5}/{total:<4} ({100 * hit / total:.1f}%)")
    print(f"\n{'benign group':<22}{'false alarms':>14}")
    for group in benign.total:
        print(f"{group:<22}{benign.hits[group]:>8}/{benign.total[group]}")
    print(f"{'all benign':<22}{sum(benign.hits.values()):>8}/{sum(benign.total.values())}")
    if "--misses" in argv:
        print("\nevil links not caught:")
        for row, link in evil.misses:
            print(_describe(row, link))
        print("false alarms:")
        for row, link in benign.misses:
            print(_describe(row, link))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
