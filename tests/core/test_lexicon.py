"""The lexicon: every English word list of the analysis lives in reader/core/lexicon, once.

An AST scan keeps the lists from scattering again: outside the lexicon, no module of
reader/core may spell out more than ``MAX_INLINE_WORDS`` English words in one collection
(a set, frozenset, tuple, list or dict literal, or ``"...".split()``) or in one regex
alternation (``"al|el|bin|..."``). Lists that are not English vocabulary are named below with
the reason; lists still waiting for their module to read the lexicon are named too (PENDING_SWITCH).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

from reader.core.lexicon import (
    abbreviations,
    alternation,
    function_words,
    names,
    organisations,
    reporting,
    time,
    title_case,
)
from reader.core.lexicon.gazetteers import load_gazetteer

CORE = Path(__file__).resolve().parents[2] / "reader" / "core"
LEXICON = CORE / "lexicon"
MAX_INLINE_WORDS = 6  # a handful of words at the point of use reads better than a name; more is a list

# A word as lists write them: lower case or Title Case, hyphens and apostrophes inside (not LABELS, not
# identifiers); it is English when the lexicon knows it (its dictionary of common and function words, or
# one of its own lists: so a copy of the particles or the titles is found however rare its words).
_WORD = re.compile(r"[A-Za-z][a-z]*(?:[-'’][a-z]+)*$")
_ALTERNATION = re.compile(r"[A-Za-z][a-z]*(?:\|[A-Za-z][a-z]*)+")

# Lists of dictionary words that are not the analysis' English vocabulary: (area, owner) -> why. The area
# is the module or package directly under reader/core ("links" for links.py or links/inspect.py); the
# owner is the name a list is assigned to, or "in <function>" for one written inline; "*" is any owner, for
# an area whose words are not prose at all.
NOT_VOCABULARY = {
    ("__init__", "_EXPORTS"): "the package's public names",
    ("__init__", "__all__"): "the package's public names",
    ("export", "*"): "field and column names",
    ("extract", "_BOILERPLATE_TOKEN"): "CSS class and id tokens of page furniture",
    ("extract", "in to_html"): "HTML element names",
    ("html", "*"): "HTML element names",
    ("load", "_HTML_TAG"): "HTML element names",
    ("language", "_STOPWORDS"): "language identification: stop words of many languages, English one of them",
    ("language", "NAMES"): "language names",
    ("links", "*"): "URLs: schemes, parameter names, path steps, domains",
}
# English lists still spelled out where they are used, each waiting for its module to read the lexicon.
# Remove an entry when its list goes; the test fails while an entry names no list.
PENDING_SWITCH: set[tuple[str, str]] = set()
# Bylines and site names, from the HTML front end still being written: for the lead to move (see page.py).
# Not checked for staleness while that work goes on.
PENDING_FRONT_END = {("page", "BYLINE_JOB_WORDS"), ("page", "_JOB_NOUNS"), ("page", "_GENERIC_NAME_WORDS")}


def _area(path: Path) -> str:
    return path.relative_to(CORE).parts[0].removesuffix(".py").removesuffix("_pkg")


def _core_modules() -> Iterator[Path]:
    for path in sorted(CORE.rglob("*.py")):
        if LEXICON not in path.parents:
            yield path


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    """The dictionary's common and function words, and every word the lexicon lists (titles, particles)."""
    gazetteer = load_gazetteer()
    words = set(gazetteer.common_words | gazetteer.function_words)
    for module in (abbreviations, function_words, names, organisations, reporting, time):
        for value in vars(module).values():
            if isinstance(value, frozenset | tuple | dict):
                words.update(item for item in value if isinstance(item, str))
    return frozenset(word.lower() for word in words)


def _is_english(word: str) -> bool:
    return _WORD.match(word) is not None and not word.isupper() and word.lower() in _english()


def _strings(node: ast.AST) -> list[str]:
    """The strings a collection literal spells out (``"a b c".split()`` counts as its words)."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split" \
            and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str) and not node.args:
        return node.func.value.value.split()
    if isinstance(node, ast.Set | ast.List | ast.Tuple):
        return [element.value for element in node.elts
                if isinstance(element, ast.Constant) and isinstance(element.value, str)]
    if isinstance(node, ast.Dict):
        return [key.value for key in node.keys if isinstance(key, ast.Constant) and isinstance(key.value, str)]
    return []


def _owners(tree: ast.AST) -> dict[int, str]:
    """Node id -> the name its statement assigns to, else "in <the function around it>"."""
    owners: dict[int, str] = {}

    def visit(node: ast.AST, owner: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            owner = f"in {node.name}"
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            owner = next((target.id for target in targets if isinstance(target, ast.Name)), owner)
        owners[id(node)] = owner
        for child in ast.iter_child_nodes(node):
            visit(child, owner)

    visit(tree, "")
    return owners


def _word_lists(source: str) -> Iterator[tuple[str, int, int]]:
    """(owner, line, English words) of every collection or regex alternation of more than
    MAX_INLINE_WORDS English words in ``source``."""
    tree = ast.parse(source)
    owners = _owners(tree)
    for node in ast.walk(tree):
        count = sum(1 for word in _strings(node) if _is_english(word))
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            count = max([sum(1 for word in match.group().split("|") if _is_english(word))
                         for match in _ALTERNATION.finditer(node.value)] or [0])
        if count > MAX_INLINE_WORDS:
            yield owners[id(node)], getattr(node, "lineno", 0), count


def test_no_english_word_list_outside_the_lexicon() -> None:
    found = []
    pending_seen = set()
    for path in _core_modules():
        for owner, line, count in _word_lists(path.read_text(encoding="utf-8")):
            if (_area(path), owner) in NOT_VOCABULARY or (_area(path), "*") in NOT_VOCABULARY:
                continue
            if (_area(path), owner) in PENDING_FRONT_END:
                continue
            if (_area(path), owner) in PENDING_SWITCH:
                pending_seen.add((_area(path), owner))
                continue
            found.append(f"{path.relative_to(CORE)}:{line} {owner or '(module)'}: {count} English words")
    assert not found, "English word lists belong in reader/core/lexicon:\n" + "\n".join(found)
    # An entry whose list is gone would let a new list of that name in unseen.
    gone = PENDING_SWITCH - pending_seen
    assert not gone, f"no longer there, remove from PENDING_SWITCH: {gone}"


def test_the_scan_finds_a_list_added_outside_the_lexicon() -> None:
    source = '''
ROLES = frozenset("leader spokesman minister president secretary chief head".split())
def passive(word):
    return word in ("is", "are", "was", "were", "be", "been", "being")
PARTICLE = re.compile(r"(?:von|van|der|den|de|del|della|and|the|of)")
TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "President", "Minister", "Senator"})
SMALL = {"and", "or", "but", "nor"}
LABELS = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT".split())
IDENTIFIERS = ("load_bytes", "load_path", "load_text", "split_sentences", "find_quotes", "scan_quotes", "x_y")
'''
    found = [(owner, count) for owner, _, count in _word_lists(source)]
    assert sorted(found) == [("PARTICLE", 10), ("ROLES", 7), ("TITLES", 7), ("in passive", 7)]


def test_the_lexicon_imports_nothing_from_the_core_but_errors() -> None:
    """The lexicon is the lowest layer: every other stage may read it, it reads none of them."""
    allowed = {"reader.core.errors", "reader.resources"}
    for path in sorted(LEXICON.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level == 1:
                    continue  # another lexicon module
                package = {0: "", 2: "reader.core", 3: "reader"}[node.level]
                base = ".".join(part for part in (package, node.module or "") if part)
                # "from ... import resources" imports reader.resources; "from ..errors import X" reader.core.errors.
                imported = [f"{base}.{alias.name}" for alias in node.names] if node.module is None else [base]
            else:
                continue
            for name in imported:
                assert not name.startswith("reader") or name in allowed, f"{path.name} imports {name}"


# --------------------------------------------------------------------------------------------
# What the lists mean, and how they relate


def test_titles_are_honorifics_offices_and_occupations_each_listed_once() -> None:
    assert not names.HONORIFICS & names.OFFICES
    assert not names.HONORIFICS & names.OCCUPATIONS
    assert not names.OFFICES & names.OCCUPATIONS
    assert names.PERSON_TITLES == names.HONORIFICS | names.OFFICES | names.OCCUPATIONS
    assert {"mr", "president", "minister", "spokesman", "analyst", "councillor"} <= names.PERSON_TITLES
    assert names.RULES_PERSON_CUES <= names.PERSON_TITLES


def test_name_particles_join_capitalised_runs() -> None:
    assert {"al", "bin", "von", "van", "der", "de", "la"} <= names.NAME_PARTICLES
    assert names.CAPITALISED_RUN_CONNECTORS == names.NAME_PARTICLES | {"of", "the"}
    assert set(names.RULES_RUN_CONNECTORS) <= names.CAPITALISED_RUN_CONNECTORS


def test_organisation_heads_name_or_refer_back() -> None:
    assert organisations.RULES_ORG_WORDS <= organisations.ORGANISATION_NAME_HEADS
    assert organisations.ORGANISATION_NAME_HEADS <= organisations.ORGANISATION_REFERENCES
    # Place-like heads refer back ("the country said") but do not make a name an organisation ("Basque Country").
    assert not {"state", "country", "channel"} & organisations.ORGANISATION_NAME_HEADS
    institutions = {noun.split()[-1] for noun in organisations.INSTITUTION_NOUNS}
    assert institutions <= organisations.ORGANISATION_REFERENCES


def test_days_months_and_their_abbreviations() -> None:
    assert len(time.WEEKDAYS) == 7 and len(time.MONTHS) == 12
    assert all(any(day.startswith(short) for day in time.WEEKDAYS) for short in time.WEEKDAY_ABBREVIATIONS)
    assert all(any(month.startswith(short) for month in time.MONTHS) for short in time.MONTH_ABBREVIATIONS)
    assert time.MONTH_ABBREVIATIONS | time.WEEKDAY_ABBREVIATIONS <= abbreviations.SENTENCE_ABBREVIATIONS
    assert abbreviations.TITLE_ABBREVIATIONS - {"jr", "sr", "mt", "ft"} <= names.HONORIFICS


def test_reporting_verbs_map_every_form_to_its_lemma() -> None:
    assert reporting.REPORTING_FORMS["said"] == "say"
    assert reporting.REPORTING_FORMS["warned"] == reporting.REPORTING_FORMS["warns"] == "warn"
    assert reporting.REPORTING_FORMS["acknowledged"] == "acknowledge"
    assert "rules" not in reporting.REPORTING_FORMS  # far more often a noun
    assert reporting.NAMING_FORMS["dubbed"] == "dub"
    assert reporting.PHRASAL[("point", "out")] == "point out"
    assert reporting.NOUN_LIKE <= set(reporting.REPORTING_FORMS.values())


def test_alternation_puts_longer_words_first() -> None:
    pattern = alternation(["de", "della", "del"])
    assert pattern == "della|del|de"
    assert re.fullmatch(f"(?:{pattern})", "della")


def test_the_rules_recognisers_lists_are_in_the_lexicon() -> None:
    """Until the rules recogniser reads the lexicon, its lists must stay what the lexicon holds for it."""
    rules = pytest.importorskip("reader.core.ner.rules").RulesRecogniser
    assert rules._PERSON_CUES == title_case(names.RULES_PERSON_CUES)
    assert rules._ORG_WORDS == title_case(organisations.RULES_ORG_WORDS)
    assert rules._SENTENCE_WORDS == title_case(function_words.RULES_SENTENCE_WORDS)
    assert rules._MONTHS == "|".join(month.title() for month in time.MONTHS)
    assert rules._DAYS == "|".join(day.title() for day in time.WEEKDAYS)
    assert f"(?:{'|'.join(names.RULES_RUN_CONNECTORS)})" in rules._CAPITALISED.pattern
