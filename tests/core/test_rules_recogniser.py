"""The model-free recogniser's capitalised runs, on new sentences: letters of any Latin alphabet, brand
spellings ("AT&T", "Otter.ai", "Jet2"), model numbers, and known companies that read as people."""

from __future__ import annotations

from reader.core.model import Span
from reader.core.ner.rules import RulesRecogniser


def found(text: str) -> dict[str, str]:
    mentions = RulesRecogniser().recognise(text, [Span(0, len(text))])
    return {text[m.start:m.end]: m.label for m in mentions}


def test_names_with_accented_capitals_are_whole() -> None:
    names = found("Officials said Tomáš Ševčík met Åsa Øverby and Þóra Ísleifsdóttir in the capital.")
    assert names.get("Tomáš Ševčík") == "PERSON"
    assert names.get("Åsa Øverby") == "PERSON"
    assert names.get("Þóra Ísleifsdóttir") == "PERSON"


def test_brand_spellings_are_one_organisation() -> None:
    names = found("Reporters tried Grammarly.io and Notely.ai, while shares in P&G and Flybe2 fell sharply.")
    assert names.get("Grammarly.io") == "ORG"
    assert names.get("Notely.ai") == "ORG"
    assert names.get("P&G") == "ORG"
    assert names.get("Flybe2") == "ORG"


def test_inner_capitals_make_a_brand_not_a_person() -> None:
    assert found("The figures came from WindGrid Nordic, a trade body.").get("WindGrid Nordic") == "ORG"
    assert found("The talks were chaired by Aoife McCarthy on Friday.").get("Aoife McCarthy") == "PERSON"


def test_a_model_number_ends_a_name_but_not_a_level_or_an_amount() -> None:
    names = found("The satellite will fly on a Vantor 4 rocket. Schools stay in Level 3 and Kestrel 5 per cent.")
    assert names.get("Vantor 4") == "PRODUCT"
    assert "Level 3" not in names
    assert "Kestrel 5" not in names


def test_an_initial_that_ends_a_sentence_is_no_bridge() -> None:
    names = found("Ministers now favour Plan B. The Treasury disagrees, said Harold K. Imbert.")
    assert "Plan B. The Treasury" not in names
    assert names.get("Harold K. Imbert") == "PERSON"


def test_a_known_company_is_no_person() -> None:
    names = found("Analysts at Morgan Stanley and Wells Fargo cut their forecasts.")
    assert names.get("Morgan Stanley") == "ORG"
    assert names.get("Wells Fargo") == "ORG"


def test_a_code_in_capitals_is_no_name() -> None:
    names = found("Readers can use the code AUTUMN15 at checkout, on G20 summit tickets.")
    assert "AUTUMN15" not in names
    assert names.get("G20") == "ORG"
