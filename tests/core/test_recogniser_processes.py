"""The spaCy recogniser's helper processes: same mentions wherever the model runs, cancellation,
fallback to this process, and no spaCy import here. (Speed is measured by bench/run.py, not here.)"""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.core.model import Span
from reader.core.ner import SpacyRecogniser, choice, helpers, scheduler

PARAGRAPHS = [
    "Angela Merkel visited Paris on Monday and met Emmanuel Macron at the Elysee Palace.",
    "“We will rebuild the port,” said Maria Lopez, the mayor of Valencia, on Tuesday.",
    "The United Nations said 4,000 people had fled Aleppo since March 2016, according to Reuters.",
    "Hezbollah leader Naim Qassem spoke in Beirut; Israel and Iran were not mentioned.",
]


def _document(paragraphs: int = 60) -> tuple[str, list[Span]]:
    parts, regions, start = [], [], 0
    for i in range(paragraphs):
        part = PARAGRAPHS[i % len(PARAGRAPHS)]
        parts.append(part)
        regions.append(Span(start, start + len(part)))
        start += len(part) + 2
    return "\n\n".join(parts), regions


@pytest.fixture(scope="module")
def model() -> str:
    name = next((n for n in choice.PREFERRED_ORDER if choice.importlib.util.find_spec(n)), None)
    if name is None:
        pytest.skip("no spaCy model installed")
    return name


@pytest.fixture(scope="module")
def reference(model) -> list:
    text, regions = _document()
    here = SpacyRecogniser(model, in_process=True)
    assert not here.runs_in_helper
    return here.recognise(text, regions)


def test_a_helper_process_and_this_process_find_the_same_mentions(model, reference, monkeypatch):
    text, regions = _document()
    helper = SpacyRecogniser(model)
    assert helper.runs_in_helper
    assert helper.recognise(text, regions) == reference
    # A "long" document (thresholds lowered): sliced between the helper and a second, short-lived one.
    monkeypatch.setattr(scheduler, "PARALLEL_MIN_CHARS", 1_000)
    monkeypatch.setattr(scheduler, "PARALLEL_SLICE_CHARS", 600)
    helper.processes = 2
    fractions: list[float] = []
    assert helper.recognise(text, regions, progress=fractions.append) == reference
    assert fractions and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert helper.last_run["processes"] >= 1 and helper.last_run["model_s"] > 0


def test_cancelling_through_progress_stops_and_the_recogniser_still_works(model, reference, monkeypatch):
    text, regions = _document()
    monkeypatch.setattr(scheduler, "PARALLEL_SLICE_CHARS", 600)  # many slices: a chance to stop between
    helper = SpacyRecogniser(model)

    class StopError(Exception):
        pass

    def stop_early(fraction: float) -> None:
        if fraction > 0.2:
            raise StopError

    with pytest.raises(StopError):
        helper.recognise(text, regions, progress=stop_early)
    assert helper.recognise(text, regions) == reference


def test_when_no_helper_can_start_the_model_runs_in_this_process(model, reference, monkeypatch):
    text, regions = _document()
    monkeypatch.setattr(helpers, "_HELPER_BOOT", "import sys; sys.exit(3)")
    fallback = SpacyRecogniser(model)
    assert not fallback.runs_in_helper
    assert fallback.recognise(text, regions) == reference


def test_this_process_never_imports_spacy_when_a_helper_runs_the_model(model):
    code = ("import sys; from reader.core.ner import SpacyRecogniser; from reader.core.model import Span; "
            f"r = SpacyRecogniser({model!r}); found = r.recognise('Angela Merkel visited Paris.', [Span(0, 28)]); "
            "print(r.runs_in_helper, 'spacy' in sys.modules, sorted(m.label for m in found))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.stdout.split(maxsplit=2)[:2] == ["True", "False"], result.stderr[-2000:]
    assert "PERSON" in result.stdout and "GPE" in result.stdout


def test_the_helper_parses_quote_sentences_as_this_process_does_and_its_ner_is_unchanged(model, reference):
    sentences = ["The minister was quoted by the paper as saying the plan had “Q” the test.",
                 "“Q,” she said.", "Nobody spoke."]
    here = SpacyRecogniser(model, in_process=True)
    there = SpacyRecogniser(model)
    assert there.runs_in_helper and there.helper is not None and there.helper.parser
    parsed = there.parse(sentences)
    assert parsed == here.parse(sentences) and len(parsed) == 3
    she = next(t for t in parsed[1].tokens if sentences[1][t.start:t.end] == "she")
    assert she.dep == "nsubj" and she.gender == "f"
    assert parsed[1].tokens[she.head].pos == "VERB"
    assert there.parse([]) == []
    text, regions = _document()
    assert there.recognise(text, regions) == reference  # the parser loaded next to the NER changes no entity


def test_a_helper_that_cannot_parse_gives_no_parse_and_the_quotes_carry_on(model):
    helper = helpers.Helper(model, parser=False)
    try:
        helper.wait_ready()
        assert helper.parse(["“Q,” she said."]) == []
    finally:
        helper.close()
