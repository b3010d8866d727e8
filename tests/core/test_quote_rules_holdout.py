"""Attribution rules added after scoring the held-out passages of tests/data/news_holdout_quotes: each on a
small article written for it, with names and sentences that are in neither corpus."""

from __future__ import annotations

from quote_helpers import entity, paragraphs

from reader.core.model import Entity
from reader.core.quotes import find_quotes
from reader.core.sentences import split_sentences


def people(text: str, *names: str) -> list[Entity]:
    """A PERSON entity per full name, with its surname as an alias; ids are the surnames, lower case."""
    return [entity(text, name.split()[-1].lower(), "PERSON", name, name.split()[-1]) for name in names]


def quotes(text: str, *entities: Entity):
    return find_quotes(text, split_sentences(text, paragraphs(text)), entities)


def speaker_ids(text: str, *entities: Entity) -> list[str | None]:
    return [q.speaker.entity_id if q.speaker else None for q in quotes(text, *entities)]


# --------------------------------------------------------------------------------------------
# roles: "the detective" is the person introduced with a title run holding that word


def test_a_role_is_any_word_of_the_titles_before_the_name():
    text = ("Detective Chief Superintendent Ola Brandvik spoke outside the station beside council leader Piers "
            "Hamwell. A reporter asked about the van. “It has been recovered,” the detective said.")
    assert speaker_ids(text, *people(text, "Ola Brandvik", "Piers Hamwell")) == ["brandvik"]


def test_a_role_holder_is_found_however_far_back_the_title_was():
    filler = " ".join(f"The search went on in field {n}." for n in range(9))
    text = (f"Inspector Tamsin Okoro led the search on Monday. {filler}\n\n"
            "“We will be here until we find him,” the inspector said.")
    assert speaker_ids(text, *people(text, "Tamsin Okoro")) == ["okoro"]


def test_the_company_is_never_a_person_a_clause_happens_to_follow():
    text = ("According to Ines Valcourt, the company will keep its two offices. "
            "A Dornick spokeswoman said the company would not comment on “idle gossip”.")
    entities = [*people(text, "Ines Valcourt"), entity(text, "dornick", "ORG", "Dornick")]
    assert speaker_ids(text, *entities) == ["dornick"]


# --------------------------------------------------------------------------------------------
# a headline or sub-heading repeats words the article attributes


def test_a_headline_quote_takes_the_speaker_of_the_same_words_in_the_article():
    text = ("Dock workers: ‘We are not for sale’\n\n"
            "Dockers at Penhallow walked out on Monday.\n\n"
            "“We are not for sale,” said Brannagh Teale, the union's branch secretary.")
    ids = speaker_ids(text, *people(text, "Brannagh Teale"))
    assert ids == ["teale", "teale"]


def test_a_sub_heading_is_not_the_last_speaker_s_but_the_one_who_says_it_below():
    text = ("“The pool stays open,” said Orrin Blackwood, the council leader.\n\n"
            "‘A death sentence’\n\n"
            "Swimming coach Della Marchetti said closing the diving bay would be “a death sentence” for the club.")
    ids = speaker_ids(text, *people(text, "Orrin Blackwood", "Della Marchetti"))
    assert ids == ["blackwood", "marchetti", "marchetti"]


def test_a_repeated_word_pair_with_a_cue_of_its_own_keeps_its_own_speaker():
    text = ("“No comment,” said Orrin Blackwood. Later Della Marchetti told reporters: “No comment.”")
    ids = speaker_ids(text, *people(text, "Orrin Blackwood", "Della Marchetti"))
    assert ids == ["blackwood", "marchetti"]


# --------------------------------------------------------------------------------------------
# a text's words: "It read: “…”"


def test_it_read_introduces_a_sign_s_words_not_the_last_speaker_s():
    text = ("“We were never consulted,” said Halvard Quist. A notice went up on the gate the next day. "
            "It read: “Closed until further notice”.")
    found = quotes(text, *people(text, "Halvard Quist"))
    assert [q.speaker.entity_id if q.speaker else None for q in found] == ["quist", None]
    assert found[1].cue == "read"


def test_it_read_is_the_letter_not_the_organisation_named_last():
    text = ("Parents wrote to Fenmoor Academy Trust on Monday. A second letter arrived on Friday. "
            "It read: “We have been ignored for a year.”")
    trust = entity(text, "trust", "ORG", "Fenmoor Academy Trust")
    assert speaker_ids(text, trust) == [None]


# --------------------------------------------------------------------------------------------
# pronouns: a first name that goes both ways across languages


def test_he_is_the_only_person_in_reach_when_only_a_first_name_said_otherwise():
    text = ("At his press conference, Corvale coach Andrea Sgarbossa was asked about the vacant job. "
            "“I have a contract here,” he said.")
    assert speaker_ids(text, *people(text, "Andrea Sgarbossa")) == ["sgarbossa"]


def test_a_title_that_says_the_other_sex_still_rules_the_pronoun_out():
    text = ("Mrs Andrea Sgarbossa was asked about the vacant job. “I have a contract here,” he said.")
    assert speaker_ids(text, *people(text, "Andrea Sgarbossa")) == [None]


def test_two_people_of_the_other_sex_leave_the_pronoun_unresolved():
    text = ("Coach Andrea Sgarbossa sat beside Maria Toller. “I have a contract here,” he said.")
    assert speaker_ids(text, *people(text, "Andrea Sgarbossa", "Maria Toller")) == [None]


# --------------------------------------------------------------------------------------------
# reported speech without quotes gives a voice: "the company said", "the letter said"


def test_the_company_is_the_one_that_just_spoke_in_reported_speech_not_the_last_quoted():
    text = ("Ormley Rivers Trust said in March that the weir was failing. “It will not last the winter,” the "
            "trust said.\n\n"
            "The mill's owner, Calder Yarns, said it had repaired the weir last year. “We regret any flooding,” "
            "the company said.")
    trust = entity(text, "trust", "ORG", "Ormley Rivers Trust")
    yarns = entity(text, "yarns", "ORG", "Calder Yarns")
    assert speaker_ids(text, trust, yarns) == ["trust", "yarns"]


def test_the_letter_is_whoever_wrote_it_just_before():
    text = ("“It was a fair rule,” said governor Rufus Tremayne.\n\n"
            "Head teacher Wenna Polglase wrote to parents again on Friday. “I am sorry for any upset,” the letter "
            "said.")
    assert speaker_ids(text, *people(text, "Rufus Tremayne", "Wenna Polglase")) == ["tremayne", "polglase"]


def test_a_statement_from_a_body_is_that_body_s():
    text = ("Rufus Tremayne spoke first. A statement from Brackwater Foods then said: “We are proud of our staff.”")
    foods = entity(text, "foods", "ORG", "Brackwater Foods")
    assert speaker_ids(text, *people(text, "Rufus Tremayne"), foods) == ["foods"]



# --------------------------------------------------------------------------------------------
# a lede names the role, the next paragraph the person


def test_a_role_in_the_lede_is_the_person_given_that_role_just_after():
    text = ("A Green councillor has accused the mayor of “selling off the parks”.\n\n"
            "“Every green space we lose is gone for good,” said Tegan Morwood, the Green councillor for Polbrook.")
    assert speaker_ids(text, *people(text, "Tegan Morwood")) == ["morwood", "morwood"]


def test_a_role_in_the_lede_is_nobody_when_no_one_is_given_it():
    text = ("A local farmer has called the plan “a disgrace”.\n\n"
            "“The road is fine as it is,” said Tegan Morwood, the chair of the parish council.")
    assert speaker_ids(text, *people(text, "Tegan Morwood")) == [None, "morwood"]


def test_a_place_at_the_end_of_a_cut_name_is_no_voice():
    # The recogniser found "Ruvala" but not "Athletics Ruvala": the place did not speak.
    text = ("“We ran well,” the Ruvala Rowing Club said.\n\n"
            "Athletics Ruvala said it would appeal.\n\n"
            "“The result stands,” it said.")
    club = entity(text, "club", "ORG", "Ruvala Rowing Club")
    place = entity(text, "ruvala", "GPE", "Ruvala")
    assert speaker_ids(text, club, place) == ["club", "club"]


# --------------------------------------------------------------------------------------------
# a feature's lede says "she" before it names her


def test_a_lede_s_pronoun_before_anyone_is_named_is_the_person_named_next():
    text = ("The man behind the counter of the last ironmonger in Kelbury has heard every complaint. "
            "“Nobody mends anything now,” he said.\n\n"
            "His name is Aled Frewin, and he has sold nails by the pound for forty years.")
    assert speaker_ids(text, *people(text, "Aled Frewin")) == ["frewin"]


def test_a_pronoun_after_someone_was_named_never_looks_ahead():
    text = ("Fiona Tapley opened the shop. The man behind the counter has heard every complaint. "
            "“Nobody mends anything now,” he said.\n\n"
            "His name is Aled Frewin.")
    assert speaker_ids(text, *people(text, "Fiona Tapley", "Aled Frewin")) == [None]


def test_a_statement_from_somebody_unnamed_is_nobody_s_not_the_last_voice():
    text = ("Ormley Police said the boy had been found safe. A statement from the family read: “Thank you all.” "
            "The family's statement later added: “We ask for privacy.”")
    police = entity(text, "police", "ORG", "Ormley Police")
    assert speaker_ids(text, police) == [None, None]
