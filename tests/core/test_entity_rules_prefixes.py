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


def test_an_office_before_a_persons_name_is_the_persons_title() -> None:
    text = ("Borough Treasurer Imelda Rourke said the budget was balanced. Rourke said reserves were low. "
            "Assistant Chief Fire Officer Colm Brady agreed, and Interim Head Teacher Nadia Ferris disagreed.")
    found = entities_from(text, [("Treasurer Imelda Rourke", "PERSON"), ("Rourke", "PERSON"),
                                 ("Officer Colm Brady", "PERSON"), ("Interim Head Teacher Nadia Ferris", "PERSON")])
    people = {e.name: e for e in found if e.label == "PERSON"}
    assert set(people) == {"Imelda Rourke", "Colm Brady", "Nadia Ferris"}
    assert any("Head Teacher" in alias for alias in people["Nadia Ferris"].aliases)
    assert len(people["Imelda Rourke"].mentions) == 2


def test_a_first_name_is_no_office() -> None:
    text = "Mark Anthony Pell said the shop would close."
    found = labels(entities_from(text, [("Mark Anthony Pell", "PERSON")]))
    assert found == {"Mark Anthony Pell": "PERSON"}


def test_named_storms_are_events_and_so_are_their_short_names() -> None:
    text = ("Storm Orla brought flooding to the coast before Tropical Storm Ivette and Super Typhoon Mawar. "
            "Orla cut power to 8,000 homes.")
    found = labels(entities_from(text, [("Storm Orla", "PERSON"), ("Tropical Storm Ivette", "ORG"),
                                        ("Typhoon Mawar", "PERSON"), ("Orla", "PERSON")]))
    assert found["Storm Orla"] == "EVENT"
    assert found["Tropical Storm Ivette"] == "EVENT"
    assert found.get("Super Typhoon Mawar", found.get("Typhoon Mawar")) == "EVENT"
    assert found["Orla"] == "EVENT"


def test_a_first_name_alone_after_the_full_name_is_that_person() -> None:
    text = "Priyanka Venkatesan, a midwife, said the ward was full. Priyanka said staff were exhausted."
    found = entities_from(text, [("Priyanka Venkatesan", "PERSON"), ("Priyanka", "ORG")])
    people = [e for e in found if e.label == "PERSON"]
    assert len(people) == 1 and {m.text for m in people[0].mentions} == {"Priyanka Venkatesan", "Priyanka"}


def test_a_first_name_that_is_a_country_stays_the_country() -> None:
    text = "Jordan Pickersgill said the talks would go on. Officials in Jordan disagreed."
    found = labels(entities_from(text, [("Jordan Pickersgill", "PERSON"), ("Jordan", "GPE")]))
    assert found["Jordan"] == "GPE"


def test_a_town_used_as_a_place_is_no_person() -> None:
    text = "Residents in Pengarth said the river rose overnight. Pengarth council opened a shelter."
    found = labels(entities_from(text, [("Pengarth", "PERSON")]))
    assert found["Pengarth"] == "GPE"
