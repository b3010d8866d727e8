"""The sample article against its hand-checked gold (tests/data/hama.gold.json)."""

import pytest
from gold import gold_mentions, match_mentions


def predicted(analysis):
    return [(m.start, m.end, m.label) for e in analysis.entities for m in e.mentions]


@pytest.fixture(scope="module")
def rules_analysis(data_dir):
    from reader.core import Analyzer, load_path

    return Analyzer(model="rules").analyze(load_path(data_dir / "hama.html"))


def test_at_least_95_percent_of_gold_mentions_found_with_an_accepted_label(sample_analysis, gold):
    mentions = gold_mentions(gold, sample_analysis.text)
    found, missed = match_mentions(mentions, predicted(sample_analysis))
    assert len(found) / len(mentions) >= 0.95, [item["text"] for item, _ in missed]
    exact = sum(1 for _, how in found if how == "exact")
    assert exact / len(mentions) >= 0.9


def test_no_listed_non_entity_is_a_mention(sample_analysis, gold):
    texts = {m.text for e in sample_analysis.entities for m in e.mentions}
    assert texts.isdisjoint(gold["not_entities"])


def test_no_mention_keeps_an_article_title_or_possessive(sample_analysis):
    for entity in sample_analysis.entities:
        for mention in entity.mentions:
            if entity.label not in {"DATE", "TIME"}:  # OntoNotes dates keep "the": "the past few hours"
                assert not mention.text.lower().startswith(("the ", "mr ", "president ")), mention
            assert not mention.text.endswith(("'s", "’s")), mention
            assert mention.text == sample_analysis.text[mention.start:mention.end]


def _entity_with(analysis, surface):
    matches = [e for e in analysis.entities if any(m.text == surface for m in e.mentions)]
    assert len(matches) == 1, (surface, [e.name for e in matches])
    return matches[0]


def test_bashar_al_assad_holds_his_six_mentions_and_not_his_relatives(sample_analysis, gold):
    bashar = _entity_with(sample_analysis, "Bashar Al Assad")
    assert bashar.label == "PERSON"
    expected = next(e for e in gold["entities"] if e["id"] == "bashar-al-assad")
    from gold import locate

    spans = {locate(sample_analysis.text, m["text"], m["occurrence"]) for m in expected["mentions"]}
    assert spans <= {(m.start, m.end) for m in bashar.mentions}
    assert len(bashar.mentions) == 6
    names = {m.text for m in bashar.mentions}
    assert "Hafez Al Assad" not in names and "Rifaat Al Assad" not in names
    assert {"Mr Assad", "President Al Assad", "Bashar Al Assad"} <= set(bashar.aliases)
    hafez = _entity_with(sample_analysis, "Hafez Al Assad")
    rifaat = _entity_with(sample_analysis, "Rifaat Al Assad")
    assert len({bashar.id, hafez.id, rifaat.id}) == 3


def test_places_and_nationalities_get_their_labels(sample_analysis):
    for surface, label in [("Hama", "GPE"), ("Homs", "GPE"), ("Aleppo", "GPE"), ("Alawite", "NORP"),
                           ("Sunni", "NORP"), ("Al Qaeda", "ORG")]:
        assert _entity_with(sample_analysis, surface).label == label, surface
    assert len(_entity_with(sample_analysis, "Hama").mentions) == 12


def test_rules_fallback_still_finds_most_of_the_gold(rules_analysis, gold):
    mentions = gold_mentions(gold, rules_analysis.text)
    found, _ = match_mentions(mentions, predicted(rules_analysis))
    assert len(found) / len(mentions) >= 0.85
    assert rules_analysis.recogniser.startswith("rules")
