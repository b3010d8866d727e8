"""What the tests of the hand-checked news corpora share (tests/data/news*: one NAME.txt + NAME.json per passage).

The scorer (tools/score_understanding.py) loaded as a module for the format checks, run as a user runs it
for the floors, and the format checks every corpus's gold must pass. Each corpus's test file keeps its own
sizes, coverage and floors.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OPENING = "“‘\"'"
CLOSING = "”’\"'"
GOLD_KEYS = {"id", "beat", "quotes", "entities", "ignore", "not_entities", "non_quotes"}
QUOTE_KEYS = {"text", "speaker", "speaker_also", "tags", "occurrence"}


def scorer() -> Any:
    """tools/score_understanding.py as a module (it is a script, not a package)."""
    name = "score_understanding"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "score_understanding.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_scorer(tmp_path: Path, corpus: Path, *args: str) -> dict[str, Any]:
    """The scorer as a user runs it, in a fresh interpreter: inside pytest a test folder named like a library
    (tests/packaging once) can shadow what spaCy imports, and the default model would silently fall back to rules."""
    out = tmp_path / "figures.json"
    subprocess.run([sys.executable, str(ROOT / "tools" / "score_understanding.py"), "--corpus", str(corpus),
                    "--json", str(out), *args], cwd=ROOT, check=True, capture_output=True, timeout=600)
    figures: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return figures


def check_pairs(corpus: Path) -> set[str]:
    """Every passage has its gold and every gold a passage; the passages' names."""
    texts = {path.stem for path in corpus.glob("*.txt")}
    assert texts == {path.stem for path in corpus.glob("*.json")}
    return texts


def check_keys_and_labels(corpus: Path) -> None:
    """Only the format's keys, phenomenon tags, labels and non-quote kinds."""
    known = scorer()
    for path in sorted(corpus.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert set(gold) <= GOLD_KEYS, path.name
        for quote in gold["quotes"]:
            assert set(quote) <= QUOTE_KEYS, (path.name, quote)
            assert quote["tags"] and set(quote["tags"]) <= known.QUOTE_TAGS, (path.name, quote)
        for entry in gold["entities"]:
            assert 2 <= len(entry) <= 3 and entry[1] in known.SCORED_LABELS, (path.name, entry)
            if len(entry) == 3:
                assert set(entry[2]) <= {"also", "occurrences"}, (path.name, entry)
        for surface, labels in gold.get("not_entities", []):
            assert labels and all(label == "*" or label in known.ALL_LABELS for label in labels), (path.name, surface)
        for surface, kind in gold.get("non_quotes", []):
            assert kind in known.NON_QUOTE_KINDS, (path.name, surface)


def check_quotes_between_marks(passages: list[Any]) -> None:
    """A gold quote starts right after an opening mark and ends at a closing mark, or at the end of its
    paragraph (a quotation that runs on into the next paragraph is one quote per paragraph)."""
    for passage in passages:
        text = passage.text
        for quote in passage.quotes:
            assert quote.start > 0 and text[quote.start - 1] in OPENING, (passage.id, quote.text)
            after = text[quote.end:quote.end + 1]
            assert after in CLOSING or after in ("\n", ""), (passage.id, quote.text)


def check_names_are_capitalised(passages: list[Any], first: str = r"[A-Z\d]") -> None:
    """Gold entities are names, not lower-case words (amounts of money may start otherwise)."""
    for passage in passages:
        for mention in passage.mentions:
            if mention.label != "MONEY":
                assert re.match(first, mention.text), (passage.id, mention.text)
