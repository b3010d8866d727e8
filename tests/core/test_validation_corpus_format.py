"""The blind validation passages (tests/data/news_validation): fast checks that the gold is well-formed.

The set was written blind and is never tuned on (see its README): these tests check only the gold's
format, the same way tests/core/test_understanding_corpus.py checks tests/data/news, and guard no
scores. Never change the gold to make a test pass, and never change a rule to fit these passages.
"""

from __future__ import annotations

import json
from collections import Counter

from corpus_checks import (
    ROOT,
    check_keys_and_labels,
    check_names_are_capitalised,
    check_pairs,
    check_quotes_between_marks,
    scorer,
)

CORPUS = ROOT / "tests" / "data" / "news_validation"
PASSAGES = 20


def test_every_passage_has_gold_and_every_gold_a_passage():
    assert len(check_pairs(CORPUS)) == PASSAGES


def test_gold_ids_are_file_names():
    for path in sorted(CORPUS.glob("*.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["id"] == path.stem, path.name


def test_gold_loads_and_is_consistent():
    """Every quote text and entity surface occurs in its passage, labels and tags are known,
    speakers are gold entities (the loader raises GoldError otherwise)."""
    passages = scorer().load_corpus(CORPUS)
    assert len(passages) == PASSAGES
    for passage in passages:
        words = len(passage.text.split())
        assert 150 <= words <= 250, (passage.id, words)
        assert passage.mentions, passage.id
        assert passage.quotes, passage.id


def test_gold_files_use_only_known_keys_and_labels():
    check_keys_and_labels(CORPUS)


def test_gold_quotes_sit_between_quotation_marks():
    check_quotes_between_marks(scorer().load_corpus(CORPUS))


def test_gold_entities_are_names_not_lower_case_words():
    check_names_are_capitalised(scorer().load_corpus(CORPUS), first=r"[A-Z\d£$€]")


def test_corpus_is_varied():
    """Twenty passages from different kinds of story, exercising every phenomenon tag at least once."""
    passages = scorer().load_corpus(CORPUS)
    assert len({p.beat for p in passages}) >= 15, Counter(p.beat for p in passages)
    tags = Counter(tag for p in passages for q in p.quotes for tag in q.tags)
    assert set(tags) == scorer().QUOTE_TAGS, scorer().QUOTE_TAGS - set(tags)
    assert sum(q.speaker is None for p in passages for q in p.quotes) >= 10
    assert sum(len(p.non_quotes) for p in passages) >= 5
    assert sum(len(p.not_entities) for p in passages) >= 10
