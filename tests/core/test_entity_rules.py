"""The entity stage's evidence rules, each on a small article of its own (new sentences, new names).

The raw mentions stand for what a small model says (often wrongly); the rule under test must correct it.
"""

from __future__ import annotations

from entity_helpers import entities_from, labels

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


# ---------------------------------------------------------------------------------------------
# Organisations, people and places from the article's own evidence


def test_a_company_word_ending_a_name_makes_it_an_organisation() -> None:
    text = ("Quillon Therapeutics will cut 200 jobs, Dovetail Mutual said. Staff at Brisk Harbour Water and "
            "the Tamsworth Gazette were told on Friday.")
    found = entities_from(text, [("Quillon Therapeutics", "PERSON"), ("Dovetail Mutual", "PERSON"),
                                 ("Brisk Harbour Water", "FAC"), ("Tamsworth Gazette", "PERSON")])
    assert set(labels(found).values()) == {"ORG"}


def test_what_a_name_owns_or_is_called_makes_it_an_organisation() -> None:
    text = ("Shares in Zentrica fell 9%. Brolly's chief executive, Ines Marrow, resigned. Pell, a Dutch "
            "start-up, was bought by the regulator Quorsa.")
    found = entities_from(text, [("Zentrica", "PERSON"), ("Brolly", "PERSON"), ("Ines Marrow", "PERSON"),
                                 ("Pell", "PERSON"), ("Quorsa", "GPE")])
    assert labels(found) == {"Zentrica": "ORG", "Brolly": "ORG", "Ines Marrow": "PERSON", "Pell": "ORG",
                             "Dutch": "NORP", "Quorsa": "ORG"}


def test_a_person_shaped_name_with_a_role_or_an_age_is_a_person() -> None:
    text = ("The home secretary, Tobias Wrenfield, met Greta Olsberg, 61, in Dunmere. Mr Halloway, whose "
            "cousin Edmund Halloway farms in Ravelstoke, did not attend.")
    found = entities_from(text, [("Tobias Wrenfield", "ORG"), ("Greta Olsberg", "ORG"), ("Dunmere", "ORG"),
                                 ("Edmund Halloway", "ORG"), ("Ravelstoke", "ORG")])
    assert labels(found) == {"Tobias Wrenfield": "PERSON", "Greta Olsberg": "PERSON", "Dunmere": "GPE",
                             "Edmund Halloway": "PERSON", "Halloway": "PERSON", "Ravelstoke": "GPE"}


def test_a_name_that_speaks_is_no_product() -> None:
    text = "“We are ready,” Harlow Vance said. Tellmark said the update was late."
    found = entities_from(text, [("Harlow Vance", "WORK_OF_ART"), ("Tellmark", "PRODUCT")])
    assert labels(found) == {"Harlow Vance": "PERSON", "Tellmark": "ORG"}


# ---------------------------------------------------------------------------------------------
# Boundaries


def test_a_role_a_nationality_or_letters_around_a_name_are_not_part_of_it() -> None:
    text = ("Campaigner Odile Brennock thanked MEP Rasmus van Holt and Kenyan Wanjiru Oduya. Later Tamsin "
            "Fairlie KC spoke.")
    found = entities_from(text, [("Campaigner Odile Brennock", "ORG"), ("MEP Rasmus van Holt", "ORG"),
                                 ("Kenyan Wanjiru Oduya", "ORG"), ("Tamsin Fairlie KC", "ORG")])
    assert labels(found) == {"Odile Brennock": "PERSON", "Rasmus van Holt": "PERSON", "Wanjiru Oduya": "PERSON",
                             "Kenyan": "NORP", "Tamsin Fairlie": "PERSON"}


def test_a_name_ends_at_a_verb_a_comma_and_takes_in_a_hyphenated_particle() -> None:
    text = "Critics say Ligue Atlantique rewards Bastien. They met at Mill Lane, Ashcombe, with Karim el-Masri."
    found = entities_from(text, [("Ligue Atlantique rewards Bastien", "ORG"), ("Mill Lane, Ashcombe", "FAC"),
                                 ("Karim", "PERSON")])
    assert labels(found) == {"Ligue Atlantique": "ORG", "Mill Lane": "FAC", "Karim el-Masri": "PERSON"}


# ---------------------------------------------------------------------------------------------
# Sports


SPORTS = ("Grimsworth Rovers beat Leicester 3-1 on Saturday. Leicester's manager blamed his defence after the "
          "match; the Magpies' striker scored twice and the goalkeeper saved a penalty. The Magpies are "
          "unbeaten in the league. Fans in Leicester celebrated, and the Cleveland Comets host the "
          "Comets' rivals next week.")
POLITICS = ("Ministers in Leicester met the Reform and Labour groups on Saturday. Leicester voted to cut the "
            "budget; the Greens said the cuts would hit the Midlands hardest.")


def test_a_sports_story_is_told_from_a_politics_story() -> None:
    from reader.core.entities.sports import is_sports_story

    assert is_sports_story(SPORTS)
    assert not is_sports_story(POLITICS)


def test_in_a_sports_story_a_city_in_a_fixture_is_its_club_and_a_plural_a_team() -> None:
    found = entities_from(SPORTS, [("Grimsworth Rovers", "PERSON"), ("Leicester", "GPE"), ("Magpies", "PERSON"),
                                   ("Cleveland", "GPE")])
    got = labels(found)
    assert got["Grimsworth Rovers"] == "ORG"
    assert got["Magpies"] == "ORG"
    assert got["Cleveland Comets"] == "ORG"
    leicester = [(e.label, len(e.mentions)) for e in found if any(m.text == "Leicester" for m in e.mentions)]
    assert sorted(leicester) == [("GPE", 1), ("ORG", 2)]  # "in Leicester" is the city


def test_club_rules_never_fire_in_a_politics_story() -> None:
    found = entities_from(POLITICS, [("Leicester", "GPE"), ("Greens", "ORG"), ("Midlands", "LOC")])
    assert labels(found)["Leicester"] == "GPE"


# ---------------------------------------------------------------------------------------------
# Coreference


def test_an_outlet_and_its_brand_a_company_and_its_short_name_are_one() -> None:
    text = ("Marlow Radio said the figures were wrong. Marlow disputed them. Tovix Pharma shares fell; Tovix "
            "said it would appeal. Tovix Biologics, a rival, declined to comment.")
    found = entities_from(text, [("Marlow Radio", "ORG"), ("Marlow", "ORG"), ("Tovix Pharma", "ORG"),
                                 ("Tovix", "ORG"), ("Tovix Biologics", "ORG")])
    names = sorted((e.name, len(e.mentions)) for e in found)
    assert names == [("Marlow Radio", 2), ("Tovix Biologics", 1), ("Tovix Pharma", 2)]


def test_the_council_is_the_only_council_named() -> None:
    text = ("Brackwater City Council approved the plan. The Council said work would start in May, and the "
            "council's leader welcomed it.")
    found = entities_from(text, [("Brackwater City Council", "ORG"), ("The Council", "ORG")])
    council = [e for e in found if e.label == "ORG"]
    assert len(council) == 1 and len(council[0].mentions) == 2
    assert "the council" in council[0].aliases


def test_two_councils_leave_the_council_unresolved() -> None:
    text = "Brackwater City Council and Fenmore District Council disagreed. The Council said nothing."
    found = entities_from(text, [("Brackwater City Council", "ORG"), ("Fenmore District Council", "ORG"),
                                 ("The Council", "ORG")])
    assert len([e for e in found if e.label == "ORG"]) == 3


def test_club_names_and_nicknames_from_the_gazetteer_are_one_club() -> None:
    text = ("Tottenham Hotspur beat Burnley 2-0 in the league. Spurs' striker scored twice and Tottenham "
            "fans sang; the goalkeeper saved a penalty in the match.")
    found = entities_from(text, [("Tottenham Hotspur", "ORG"), ("Spurs", "ORG"), ("Tottenham", "GPE"),
                                 ("Burnley", "GPE")])
    spurs = [e for e in found if e.name == "Tottenham Hotspur"]
    assert len(spurs) == 1 and {m.text for m in spurs[0].mentions} == {"Tottenham Hotspur", "Spurs", "Tottenham"}


def test_a_short_form_of_a_company_a_kind_noun_and_it_make_an_organisation() -> None:
    text = ("Shares of Dunlin Systems rose. Dunlin said its orders doubled. The ferry operator Skellig cut "
            "fares, Drover magazine reported, and Quillet said it would follow. Writing on Chatterly, he "
            "disagreed.")
    found = entities_from(text, [("Dunlin Systems", "ORG"), ("Dunlin", "PERSON"), ("Skellig", "GPE"),
                                 ("Drover", "PERSON"), ("Quillet", "PERSON"), ("Chatterly", "PERSON")])
    assert set(labels(found).values()) == {"ORG"}


# ---------------------------------------------------------------------------------------------
# Products


def test_a_product_is_told_by_its_noun_its_owner_or_its_brand() -> None:
    text = ("Tarnhelm said demand for its Osprey delivery drones had doubled. The research ship Kittiwake "
            "docked, a Sable 4 rocket was delayed and Glimmer Pro went on sale. Vapes branded “Ice Fog” "
            "were seized. Nvidia chips sold out.")
    found = entities_from(text, [("Tarnhelm", "ORG"), ("Osprey", "PERSON"), ("Kittiwake", "PERSON"),
                                 ("Sable 4", "ORG"), ("Glimmer Pro", "PERSON"), ("Ice Fog", "WORK_OF_ART"),
                                 ("Nvidia", "ORG")])
    assert labels(found) == {"Tarnhelm": "ORG", "Osprey": "PRODUCT", "Kittiwake": "PRODUCT", "Sable 4": "PRODUCT",
                             "Glimmer Pro": "PRODUCT", "Ice Fog": "PRODUCT", "Nvidia": "ORG"}


def test_a_known_first_name_makes_a_person_but_not_a_venue_or_an_ordinary_word() -> None:
    text = ("Eleanor Haddow opened the Harriet Museum. Velvet Static played and Gordon Blakey's novel "
            "was read aloud.")
    found = entities_from(text, [("Eleanor Haddow", "ORG"), ("Harriet Museum", "ORG"), ("Velvet Static", "ORG"),
                                 ("Gordon Blakey", "WORK_OF_ART")])
    assert labels(found) == {"Eleanor Haddow": "PERSON", "Harriet Museum": "ORG", "Velvet Static": "ORG",
                             "Gordon Blakey": "PERSON"}


def test_brand_spellings_are_no_people_and_a_programme_is_no_nationality() -> None:
    text = ("LunarWorks and Streamly+ signed deals with McAllister, whose Artemis rover flies next year; the "
            "Kenyan and Conservative delegates welcomed it.")
    found = entities_from(text, [("LunarWorks", "PERSON"), ("Streamly+", "PERSON"), ("McAllister", "PERSON"),
                                 ("Artemis", "NORP"), ("Kenyan", "NORP"), ("Conservative", "NORP")])
    got = labels(found)
    assert got["LunarWorks"] == got["Streamly+"] == "ORG" and got["McAllister"] == "PERSON"
    assert got["Artemis"] != "NORP" and got["Kenyan"] == got["Conservative"] == "NORP"


def test_streets_bridges_and_small_places_are_no_people_and_a_title_is_no_name() -> None:
    text = ("Traffic on Tallow Lane and Orrin Bridge was diverted in Upper Wexcombe. “Lovely,” said Sen. "
            "Dorothy Kell. Sen. Kell later left.")
    found = entities_from(text, [("Tallow Lane", "PERSON"), ("Orrin Bridge", "PERSON"),
                                 ("Upper Wexcombe", "PERSON"), ("Lovely", "ORG"), ("Sen", "ORG"),
                                 ("Dorothy Kell", "PERSON")])
    assert labels(found) == {"Tallow Lane": "FAC", "Orrin Bridge": "FAC", "Upper Wexcombe": "GPE",
                             "Dorothy Kell": "PERSON", "Kell": "PERSON"}


def test_a_bare_family_name_goes_to_the_right_person_and_relatives_stay_apart() -> None:
    text = ("Dennis Calloway, the mayor, opened the hall. His sister Ruth Calloway objected. Dennis Calloway "
            "replied. Ms Calloway said she would appeal; Mr Calloway declined to comment.")
    found = entities_from(text, [("Dennis Calloway", "PERSON"), ("Ruth Calloway", "PERSON"),
                                 ("Calloway", "PERSON")])
    people = {e.name: {m.start for m in e.mentions} for e in found if e.label == "PERSON"}
    assert set(people) == {"Dennis Calloway", "Ruth Calloway"}
    assert text.index("Calloway said") in people["Ruth Calloway"]
    assert text.index("Calloway declined") in people["Dennis Calloway"]


def test_a_team_its_city_and_its_nickname_are_one_club_and_losers_are_clubs_too() -> None:
    text = ("Dunmore Otters beat Kelso Ravens 31-10 in the league on Sunday. Kelso coach Ian Brodie said his "
            "side were poor. The Otters, unbeaten this season, scored five tries. Leicester were beaten 20-6 by "
            "the Ravens' rivals, and the 23-year-old winger scored twice for Dunmore.")
    found = entities_from(text, [("Dunmore Otters", "PERSON"), ("Kelso Ravens", "PERSON"), ("Kelso", "PERSON"),
                                 ("Otters", "NORP"), ("Leicester", "PERSON"), ("Dunmore", "GPE")])
    clubs = {e.name: {m.text for m in e.mentions} for e in found if e.label == "ORG"}
    assert clubs["Dunmore Otters"] == {"Dunmore Otters", "Otters", "Dunmore"}
    assert clubs["Kelso Ravens"] >= {"Kelso Ravens", "Kelso"}
    assert "Leicester" in clubs


def test_an_outlet_and_its_local_station_are_one_brand() -> None:
    text = "BBC Radio Kent first reported the closure. The BBC said it had no further comment."
    found = entities_from(text, [("BBC Radio Kent", "ORG"), ("BBC", "ORG")])
    assert [(e.name, len(e.mentions)) for e in found if e.label == "ORG"] == [("BBC Radio Kent", 2)]


def test_an_institution_is_no_place_and_a_surname_opening_a_sentence_is_the_person() -> None:
    text = ("Officers from North Fenshire Police arrested Oliver Hope. Hope, of Mill Row, denies fraud. "
            "Hope said he was innocent. Hope faded as the trial went on.")
    found = entities_from(text, [("North Fenshire Police", "GPE"), ("Oliver Hope", "PERSON")])
    assert labels(found)["North Fenshire Police"] == "ORG"
    person = next(e for e in found if e.name == "Oliver Hope")
    assert len(person.mentions) == 3  # not "Hope faded"


# ---------------------------------------------------------------------------------------------
# Places


def test_rivers_mountains_and_the_moon_are_locations_and_a_papers_town_a_place() -> None:
    text = ("Marchers walked through Hexworth to the River Tamble, below the Brackley Mountains. The Moon rose. "
            "A school in Pellow was praised by the Pellow Herald.")
    found = entities_from(text, [("Hexworth", "ORG"), ("River Tamble", "ORG"), ("Brackley Mountains", "PERSON"),
                                 ("Moon", "PERSON"), ("Pellow", "ORG"), ("Pellow Herald", "ORG")])
    assert labels(found) == {"Hexworth": "GPE", "River Tamble": "LOC", "Brackley Mountains": "LOC", "Moon": "LOC",
                             "Pellow": "GPE", "Pellow Herald": "ORG"}
