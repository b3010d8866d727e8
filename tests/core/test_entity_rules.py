"""The entity stage's evidence rules, each on a small article of its own (new sentences, new names).

The raw mentions stand for what a small model says (often wrongly); the rule under test must correct it.
"""

from __future__ import annotations

from reader.core.entities import build_entities
from reader.core.model import Entity, RawMention
from reader.core.sentences import split_sentences


def entities_from(text: str, raw: list[tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each (surface, label) pair is a raw mention."""
    mentions = []
    for surface, label in raw:
        start = text.find(surface)
        while start != -1:
            mentions.append(RawMention(start, start + len(surface), label, "model"))
            start = text.find(surface, start + len(surface))
    return build_entities(text, mentions, split_sentences(text))


def labels(entities: list[Entity]) -> dict[str, str]:
    return {mention.text: entity.label for entity in entities for mention in entity.mentions}


# ---------------------------------------------------------------------------------------------
# Quantities


def test_ages_scores_temperatures_and_vague_spans_are_no_dates() -> None:
    text = ("Harriet Vole, 63, a retired nurse, watched the 19-year-old win 3-1 in 41C heat. The rocks have "
            "sat there for billions of years, ending months of guesswork; in the coming months, on 4 March "
            "2031, a 77-year-old aged 77 will return.")
    found = entities_from(text, [("63", "DATE"), ("19-year-old", "DATE"), ("3-1", "DATE"), ("41C", "DATE"),
                                 ("billions of years", "DATE"), ("ending months", "DATE"),
                                 ("the coming months", "DATE"), ("4 March 2031", "DATE"),
                                 ("77-year-old", "DATE"), ("aged 77", "DATE")])
    assert {m.text for e in found if e.label == "DATE" for m in e.mentions} == {"the coming months", "4 March 2031"}


def test_a_share_is_no_money_and_a_span_of_years_is_no_money() -> None:
    text = "Sales rose 14 per cent to £9.5m; the ice is about 2.4 billion years old and billions of years away."
    found = entities_from(text, [("14 per cent", "MONEY"), ("£9.5m", "MONEY"),
                                 ("about 2.4 billion years", "MONEY"), ("billions of years", "MONEY")])
    assert labels(found) == {"14 per cent": "PERCENT", "£9.5m": "MONEY", "about 2.4 billion years": "DATE"}


def test_equal_amounts_of_money_are_one_entity() -> None:
    text = "The trust will borrow £12m. The £12 million loan, and a further $12m, were approved."
    found = entities_from(text, [("£12m", "MONEY"), ("£12 million", "MONEY"), ("$12m", "MONEY")])
    money = [e for e in found if e.label == "MONEY"]
    assert sorted(len(e.mentions) for e in money) == [1, 2]
