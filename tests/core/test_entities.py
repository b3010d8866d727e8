"""Each entity rule on a small article of its own (model-free where the rule is the point)."""

from itertools import pairwise

import pytest

from reader.core import Analyzer, load_text
from reader.core.entities import build_entities
from reader.core.model import RawMention
from reader.core.sentences import split_sentences


def entities_from(text, raw):
    return build_entities(text, [RawMention(text.index(s, o), text.index(s, o) + len(s), label)
                                 for s, label, o in raw], split_sentences(text))


def by_name(entities):
    return {e.name: e for e in entities}


@pytest.fixture(scope="module")
def analyzer():
    return Analyzer()


def analyse(analyzer, text):
    return analyzer.analyze(load_text(text, source="t.txt", filename="t.txt"))


def test_titles_articles_possessives_and_trailing_nouns_are_trimmed():
    text = "President Joe Biden's plan reached the Kremlin. The Pentagon city office in Lagos city agreed."
    found = entities_from(text, [("President Joe Biden's", "PERSON", 0), ("the Kremlin", "ORG", 0),
                                 ("Lagos city", "GPE", 0)])
    assert [m.text for e in found for m in e.mentions] == ["Joe Biden", "Kremlin", "Pentagon", "Lagos"]
    assert "President Joe Biden" in found[0].aliases


def test_a_sentence_initial_ordinary_word_is_not_part_of_a_name():
    text = "Police said so. Losing Kharkiv would hurt. Armed men came."
    found = entities_from(text, [("Losing Kharkiv", "PERSON", 0), ("Armed", "ORG", 0)])
    assert [(m.text) for e in found for m in e.mentions] == ["Kharkiv"]
    assert found[0].label == "GPE"


def test_one_name_one_label_with_gazetteer_correcting_the_model():
    text = "Troops left Mosul. Mosul was quiet. In Mosul, Yazidi families returned."
    found = entities_from(text, [("Mosul", "ORG", 0), ("Mosul", "ORG", 15), ("Yazidi", "PERSON", 0)])
    names = by_name(found)
    assert names["Mosul"].label == "GPE" and len(names["Mosul"].mentions) == 3  # third found by propagation
    assert names["Yazidi"].label == "NORP"


def test_a_place_name_that_is_a_persons_family_name_stays_a_person():
    text = "Michael Jordan scored. Later Jordan said he was tired."
    found = entities_from(text, [("Michael Jordan", "PERSON", 0), ("Jordan", "GPE", 20)])
    assert len(found) == 1 and found[0].label == "PERSON" and len(found[0].mentions) == 2


def test_relatives_sharing_a_family_name_stay_apart_and_short_names_go_to_the_salient_one():
    text = ("Prime Minister Justin Trudeau spoke. Justin Trudeau's father Pierre Trudeau led before him. "
            "Mr Trudeau smiled. Trudeau left.")
    found = entities_from(text, [("Justin Trudeau", "PERSON", 0), ("Justin Trudeau", "PERSON", 30),
                                 ("Pierre Trudeau", "PERSON", 0), ("Trudeau", "PERSON", 100),
                                 ("Trudeau", "PERSON", 110)])
    names = by_name(found)
    assert len(names["Justin Trudeau"].mentions) == 4
    assert len(names["Pierre Trudeau"].mentions) == 1
    assert "Mr Trudeau" in names["Justin Trudeau"].aliases


def test_a_shared_title_decides_between_namesakes():
    text = ("Senator Ann Lee met Judge Tom Lee. Tom Lee ruled. Tom Lee wrote. Senator Lee disagreed.")
    found = entities_from(text, [("Ann Lee", "PERSON", 0), ("Tom Lee", "PERSON", 0), ("Tom Lee", "PERSON", 30),
                                 ("Tom Lee", "PERSON", 45), ("Lee", "PERSON", 70)])
    assert len(by_name(found)["Ann Lee"].mentions) == 2


def test_nationality_with_institution_noun_is_an_organisation():
    text = "The Egyptian army said it would act. Egyptian officials agreed."
    found = entities_from(text, [("Egyptian", "NORP", 0), ("Egyptian", "NORP", 30)])
    names = by_name(found)
    assert names["Egyptian army"].label == "ORG"
    assert names["Egyptian"].label == "NORP"


def test_acronym_joins_its_expansion_and_country_aliases_join():
    text = "The World Health Organization warned. The WHO said more. The US and the United States agree."
    found = entities_from(text, [("World Health Organization", "ORG", 0), ("WHO", "ORG", 0),
                                 ("US", "GPE", 0), ("United States", "GPE", 0)])
    names = by_name(found)
    assert {m.text for m in names["World Health Organization"].mentions} == {"World Health Organization", "WHO"}
    assert len([e for e in found if e.label == "GPE"]) == 1


def test_well_known_places_and_groups_are_found_without_the_model():
    text = "Officials in Nairobi and Kurdish fighters met delegates from Brazil."
    found = entities_from(text, [])
    assert {(e.name, e.label) for e in found} == {("Nairobi", "GPE"), ("Kurdish", "NORP"), ("Brazil", "GPE")}


def test_ordinary_words_that_are_also_towns_are_not_places_on_sight():
    text = "Reading the report, Mobile users and Split decisions matter."
    assert entities_from(text, []) == []


def test_numbers_are_not_entities_but_dates_are(analyzer):
    analysis = analyse(analyzer, "Hundreds of people marched in Nairobi on 3 March 2024. Two were hurt.")
    labels = {e.name: e.label for e in analysis.entities}
    assert labels.get("Nairobi") == "GPE"
    assert "3 March 2024" in labels and labels["3 March 2024"] == "DATE"
    assert not any(label in {"CARDINAL", "ORDINAL"} for label in labels.values())


def test_mention_text_and_ids_are_consistent(analyzer, data_dir):
    from reader.core import load_path

    analysis = analyzer.analyze(load_path(data_dir / "hama.html"))
    ids = [e.id for e in analysis.entities]
    assert len(ids) == len(set(ids))
    spans = sorted((m.start, m.end) for e in analysis.entities for m in e.mentions)
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), "mentions overlap"
    for entity in analysis.entities:
        assert all(m.entity_id == entity.id and m.label == entity.label for m in entity.mentions)


def test_a_persons_name_continues_through_particles():
    text = "Commission President Ursula von der Leyen met Ludwig van Beethoven fans."
    found = entities_from(text, [("Ursula von", "PERSON", 0), ("Leyen", "GPE", 0),
                                 ("Ludwig van Beethoven", "PERSON", 0)])
    assert [(e.name, e.label) for e in found] == [("Ursula von der Leyen", "PERSON"),
                                                  ("Ludwig van Beethoven", "PERSON")]


def test_capitalised_names_the_model_missed_are_found_without_their_titles():
    text = "Officials said Prime Minister Keir Starmer met Mikel Arteta. The Minister of Defence declined."
    found = entities_from(text, [])
    assert [(e.name, e.label) for e in found] == [("Keir Starmer", "PERSON"), ("Mikel Arteta", "PERSON")]


def test_a_family_name_alone_joins_the_person_found_earlier():
    text = "Coach Mikel Arteta spoke. Later, Arteta smiled again."
    found = entities_from(text, [])
    assert len(found) == 1 and [m.text for m in found[0].mentions] == ["Mikel Arteta", "Arteta"]


def test_an_amount_keeps_its_currency_sign_and_magnitude():
    text = "The £28m deal and $86 million more were agreed, with 12 metres of road."
    found = entities_from(text, [("28", "MONEY", 0), ("86 million", "MONEY", 0), ("12 metres", "QUANTITY", 0)])
    assert [m.text for e in found for m in e.mentions] == ["£28m", "$86 million", "12 metres"]


def test_title_case_headings_do_not_make_names():
    from reader.core.model import Block

    text = "Coach Mikel Arteta Speaks\n\nHe spoke of Keir Starmer."
    blocks = (Block(0, 25, "h1"), Block(27, len(text), "p"))
    found = build_entities(text, [], split_sentences(text, blocks), blocks=blocks)
    assert [(m.text, m.start) for e in found for m in e.mentions] == [("Keir Starmer", 39)]


def test_a_role_before_a_name_is_a_title_not_part_of_the_name():
    # The quotation stage's role words are titles here too (one list: lexicon.names.PERSON_TITLES).
    text = "Councillor David Osei and US Attorney Rachel Dunn spoke."
    found = entities_from(text, [("Councillor David Osei", "PERSON", 0), ("Rachel Dunn", "PERSON", 0)])
    people = [e for e in found if e.label == "PERSON"]
    assert [e.name for e in people] == ["David Osei", "Rachel Dunn"]
    assert "Councillor David Osei" in people[0].aliases and "Attorney Rachel Dunn" in people[1].aliases


def test_an_unknown_name_ending_in_an_organisation_word_is_an_organisation():
    text = "Troops of the Kentucky National Guard arrived."
    assert [(e.name, e.label) for e in entities_from(text, [])] == [("Kentucky National Guard", "ORG")]
