"""The blind validation passages (tests/data/news_validation): fast checks that the gold is well-formed.

The set was written blind and is never tuned on (see its README): these tests check only the gold's
format, the same way tests/core/test_understanding_corpus.py checks tests/data/news, and guard no
scores. Never change the gold to make a test pass, and never change a rule to fit these passages.
"""

from __future__ import annotations

import json
import re
from collections import Counter

# The scorer loader and the quotation marks of the main corpus's format tests (tests/core is on sys.path).
from test_understanding_corpus import CLOSING, OPENING, ROOT, _scorer

CORPUS = ROOT / "tests" / "data" / "news_validation"
PASSAGES = 20


def test_every_passage_has_gold_and_every_gold_a_passage():
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    golds = {p.stem for p in CORPUS.glob("*.json")}
    assert texts == golds
    assert len(texts) == PASSAGES


def test_gold_ids_are_file_names():
    for path in sorted(CORPUS.glob("*.json")):
        assert json.loads(path.read_text(encoding="utf-8"))["id"] == path.stem, path.name


def test_gold_loads_and_is_consistent():
    """Every quote text and entity surface occurs in its passage, labels and tags are known,
    speakers are gold entities (the loader raises GoldError otherwise)."""
    passages = _scorer().load_corpus(CORPUS)
    assert len(passages) == PASSAGES
    for passage in passages:
        words = len(passage.text.split())
        assert 150 <= words <= 250, (passage.id, words)
        assert passage.mentions, passage.id
        assert passage.quotes, passage.id


def test_gold_files_use_only_known_keys_and_labels():
    scorer = _scorer()
    for path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) <= {"id", "beat", "quotes", "entities", "ignore", "not_entities", "non_quotes"}, path.name
        for quote in gold["quotes"]:
            assert set(quote) <= {"text", "speaker", "speaker_also", "tags", "occurrence"}, (path.name, quote)
            assert quote["tags"], (path.name, quote["text"])
            assert set(quote["tags"]) <= scorer.QUOTE_TAGS, (path.name, quote["tags"])
        for entry in gold["entities"]:
            assert 2 <= len(entry) <= 3 and entry[1] in scorer.SCORED_LABELS, (path.name, entry)
            if len(entry) == 3:
                assert set(entry[2]) <= {"also", "occurrences"}, (path.name, entry)
        for surface, labels in gold["not_entities"]:
            assert labels and all(label == "*" or label in scorer.ALL_LABELS for label in labels), (path.name, surface)
        for surface, kind in gold["non_quotes"]:
            assert kind in scorer.NON_QUOTE_KINDS, (path.name, surface)


def test_gold_quotes_sit_between_quotation_marks():
    """A gold quote starts right after an opening mark and ends at a closing mark, or at the end
    of its paragraph (a quote that runs on into the next paragraph)."""
    for passage in _scorer().load_corpus(CORPUS):
        text = passage.text
        for quote in passage.quotes:
            assert quote.start > 0 and text[quote.start - 1] in OPENING, (passage.id, quote.text)
            after = text[quote.end:quote.end + 1]
            assert after in CLOSING or after in ("\n", ""), (passage.id, quote.text)


def test_gold_entities_are_names_not_lower_case_words():
    for passage in _scorer().load_corpus(CORPUS):
        for mention in passage.mentions:
            if mention.label != "MONEY":
                assert re.match(r"[A-Z\d£$€]", mention.text), (passage.id, mention.text)


def test_corpus_is_varied():
    """Twenty passages from different kinds of story, exercising every phenomenon tag at least once."""
    passages = _scorer().load_corpus(CORPUS)
    assert len({p.beat for p in passages}) >= 15, Counter(p.beat for p in passages)
    tags = Counter(tag for p in passages for q in p.quotes for tag in q.tags)
    assert set(tags) == _scorer().QUOTE_TAGS, _scorer().QUOTE_TAGS - set(tags)
    assert sum(q.speaker is None for p in passages for q in p.quotes) >= 10
    assert sum(len(p.non_quotes) for p in passages) >= 5
    assert sum(len(p.not_entities) for p in passages) >= 10
