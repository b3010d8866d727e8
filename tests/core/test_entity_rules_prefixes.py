"""Live-blog times, datelines and titles before names, on new sentences: the prefix is not the name."""

from __future__ import annotations

from tests.core.test_entity_rules import entities_from, labels


def test_a_live_blog_time_is_not_part_of_the_name_after_it() -> None:
    text = "9:30 p.m. - Okonkwo said the polls had closed. Okonkwo later left the count."
    found = labels(entities_from(text, [("9:30 p.m. - Okonkwo", "TIME"), ("Okonkwo", "PERSON")]))
    assert found.get("Okonkwo") == "PERSON"
    assert "9:30 p.m. - Okonkwo" not in found


def test_a_time_read_into_a_persons_name_is_cut_off() -> None:
    text = "08:15 - Lindgren told reporters the ferry had sailed."
    found = labels(entities_from(text, [("08:15 - Lindgren", "PERSON")]))
    assert found == {"08:15": "TIME", "Lindgren": "PERSON"}


def test_a_time_before_an_organisations_name_leaves_its_label() -> None:
    text = "11:40 Brackwell Energy Networks said power was back in 3,000 homes."
    found = labels(entities_from(text, [("11:40 Brackwell Energy Networks", "ORG")]))
    assert found == {"11:40": "TIME", "Brackwell Energy Networks": "ORG"}


def test_a_datelines_place_in_capitals_is_a_place() -> None:
    text = "MADRID (AFP) - Lucía Ferrer Vidal said the strike would go on.\n\nBOGOTA, Colombia — Talks resumed."
    found = labels(entities_from(text, [("MADRID", "ORG"), ("Lucía Ferrer Vidal", "PERSON")]))
    assert found.get("MADRID") == "GPE"
    assert found.get("BOGOTA") == "GPE"
    assert found.get("Lucía Ferrer Vidal") == "PERSON"


def test_capitals_that_name_no_place_are_no_dateline() -> None:
    text = "BREAKING NEWS - Talks resumed."
    assert labels(entities_from(text, [])) == {}
