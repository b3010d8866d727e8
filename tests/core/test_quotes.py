"""Quotations: the scanner, each step of the attribution sieve, speaker -> entity, and the sample.

Most tests are small articles written for one rule each; entities are built by hand so the
rules are tested apart from the recogniser. The sample tests run the real pipeline.
"""

from __future__ import annotations

import itertools
import random

import pytest
from quote_helpers import entity, paragraphs

from reader.core.model import Entity, Mention
from reader.core.quotes import MAX_SEGMENT, find_quotes, scan_quotes
from reader.core.sentences import split_sentences

# --------------------------------------------------------------------------------------------
# helpers


def quotes(text: str, *entities: Entity):
    found = find_quotes(text, split_sentences(text, paragraphs(text)), entities)
    for quote in found:
        assert quote.text == text[quote.start:quote.end]
    return found


def words(text: str) -> list[str]:
    return [quote.text for quote in quotes(text)]


def only(text: str, *entities: Entity):
    found = quotes(text, *entities)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def speaker_text(quote) -> str | None:
    return quote.speaker.text if quote.speaker else None


# --------------------------------------------------------------------------------------------
# the scanner


def test_curly_double_quotes_cover_the_words_without_the_marks():
    text = "He said “we will win” and left."
    quote = only(text)
    assert quote.text == "we will win"
    assert text[quote.start - 1] == "“" and text[quote.end] == "”"
    assert quote.closed


def test_straight_double_quotes_take_direction_from_context():
    assert words('She said "yes" and "no", then "maybe".') == ["yes", "no", "maybe"]


def test_straight_marks_glued_to_words_still_pair():
    assert words('He wrote"hello"to me.') == ["hello"]


@pytest.mark.parametrize("text", [
    "President Bashar Al Assad's allies met in Syria’s capital.",
    "The rebels’ positions and the regime's coastal areas were shelled.",
    "Don't say it; they'd've known. O'Brien wasn't there.",
    "Music of the '90s and rock 'n' roll, ’em all.",
    "A 6' 2\" man bought a 55\" screen.",
    "The Smiths' house is next to the Joneses’ garden, isn’t it?",
])
def test_apostrophes_and_measures_are_never_quotes(text):
    assert quotes(text) == []


def test_british_single_quotes_with_a_plural_possessive_inside():
    text = "‘The rebels’ morale is low,’ the officer said. ‘They will not last.’"
    assert words(text) == ["The rebels’ morale is low,", "They will not last."]


def test_straight_single_quotes():
    assert words("He called it 'a disgrace' and 'totally unacceptable'.") == ["a disgrace", "totally unacceptable"]


def test_single_quotes_nest_inside_double_quotes_without_overlap():
    text = "“He told me ‘never again’ and walked out,” she said."
    assert words(text) == ["He told me ‘never again’ and walked out,"]


def test_double_quotes_nest_inside_british_single_quotes():
    text = "‘I heard him say “we are done” twice,’ the witness said."
    assert words(text) == ["I heard him say “we are done” twice,"]


def test_multi_paragraph_quote_continues_when_the_next_paragraph_opens_with_a_mark():
    """One quote per paragraph (the gold convention, tests/data/news/README.md), each with the whole's speaker."""
    text = ("“The first paragraph of the statement ends without a closing mark.\n\n"
            "“The second one closes it,” the minister said.\n\nNext paragraph.")
    first, second = quotes(text)
    assert first.text == "The first paragraph of the statement ends without a closing mark."
    assert second.text == "The second one closes it,"
    assert first.closed and second.closed  # the first is continued, not left open
    assert speaker_text(first) == speaker_text(second) == "the minister"


def test_multi_paragraph_quote_with_straight_marks():
    text = '"First part of it.\n\n"Second part of it," he said.'
    assert [(quote.text, speaker_text(quote)) for quote in quotes(text)] == [
        ("First part of it.", "he"), ("Second part of it,", "he")]


def test_unclosed_quote_stops_at_the_paragraph_end_and_is_flagged():
    text = ("The spokesman said “we will never surrender. Never.\n\n"
            "The next paragraph is the reporter's. Officials called it “a farce”.")
    first, second = quotes(text)
    assert not first.closed
    assert first.text == "we will never surrender. Never."
    assert second.text == "a farce" and second.closed


def test_unclosed_quote_in_one_endless_paragraph_is_bounded():
    text = "He said “" + "and the talks went on and on. " * 2000
    (quote,) = quotes(text)
    assert not quote.closed
    assert len(quote.text) <= MAX_SEGMENT
    assert quote.text.endswith(".")


def test_a_second_opening_mark_ends_an_unclosed_quote():
    text = "He said “we are leaving and she said “we are staying” today."
    first, second = quotes(text)
    assert not first.closed and first.text == "we are leaving and she said"
    assert second.closed and second.text == "we are staying"


def test_guillemets_and_low_marks():
    assert words("« Nous allons gagner », a déclaré le ministre.") == ["Nous allons gagner"]
    assert words("„Wir schaffen das“, sagte sie.") == ["Wir schaffen das"]
    assert words("Er sagte: »Ja, das stimmt«, und ging.") == ["Ja, das stimmt"]


def test_stray_marks_do_not_crash_or_produce_empty_quotes():
    for text in ["", "“", "”", '"', "'", "‘’", "“”", "« »", '" "', "”“", "’‘", "\n\n“\n\n”\n"]:
        for quote in quotes(text):
            assert quote.text.strip()


def test_scanning_a_megabyte_of_random_text_with_stray_marks_never_raises():
    rng = random.Random(20241205)
    vocabulary = ["the", "army", "said", "city", "rebels", "Hama", "It", "was", "a", "of", ".", ",", "\n\n"]
    marks = ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "’s", "s’"]
    pieces = []
    size = 0
    while size < 1_000_000:
        piece = rng.choice(marks) if rng.random() < 0.08 else rng.choice(vocabulary)
        pieces.append(piece)
        size += len(piece) + 1
    text = " ".join(pieces)
    spans = scan_quotes(text)
    assert spans, "stray marks at this density must pair up somewhere"
    previous_end = -1
    for span in spans:
        assert previous_end <= span.open_pos < span.start <= span.end
        assert span.end - span.start <= MAX_SEGMENT or "\n" in text[span.start:span.end]
        previous_end = span.close_pos if span.close_pos is not None else span.end
    # Dense marks with no spaces at all: every character is a mark or a letter.
    dense = "".join(rng.choice("ab“”‘’\"'«» .\n") for _ in range(100_000))
    assert isinstance(scan_quotes(dense), list)


def test_find_quotes_works_without_sentences_or_entities():
    text = "“We are ready,” Smith said. It was late."
    found = find_quotes(text, [], [])
    assert [q.text for q in found] == ["We are ready,"]
    assert found[0].speaker.text == "Smith" and found[0].speaker.entity_id is None


def test_random_small_documents_keep_the_invariants():
    rng = random.Random(5)
    vocabulary = ("the army said It He told “ ” ‘ ’ \" ' « » , . : \n\n Smith Mr according to call so-called as "
                  "added that group The some analysts quoted him saying dubbed").split(" ")
    for _ in range(300):
        text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 50)))
        smith = entity(text, "smith", "PERSON", "Smith")
        found = find_quotes(text, split_sentences(text), [smith])
        previous_end = -1
        for quote in found:
            assert quote.text == text[quote.start:quote.end] and previous_end <= quote.start <= quote.end
            assert 0.0 <= quote.confidence <= 1.0 and quote.kind in ("full", "partial", "term", "title")
            if quote.speaker is not None:
                assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
            previous_end = quote.end


# --------------------------------------------------------------------------------------------
# the sieve


def test_sieve_1_speaker_after_the_quote():
    text = "“We, as a party, will stand firm,” party leader Jane Smith said in a speech on Thursday."
    smith = entity(text, "smith", "PERSON", "Jane Smith")
    quote = only(text, smith)
    assert speaker_text(quote) == "party leader Jane Smith"
    assert quote.speaker.entity_id == "smith"
    assert quote.cue == "said" and text[quote.cue_start:quote.cue_end] == "said"
    assert quote.confidence >= 0.9
    assert quote.kind == "full"


def test_sieve_1_inverted_said_x():
    text = '"It is over," said Mr Smith, the party chairman.'
    quote = only(text)
    assert speaker_text(quote) == "Mr Smith"
    assert quote.cue == "said"


def test_sieve_1_told_with_an_object_and_british_comma_outside():
    text = "‘We will not back down’, the prime minister told the BBC."
    quote = only(text)
    assert speaker_text(quote) == "the prime minister"
    assert quote.cue == "told"


def test_sieve_1_a_new_sentence_with_its_own_content_is_not_the_tag():
    text = ("The ministry said the army had suffered “heavy losses.” "
            "It said that talks would resume next week in Geneva.")
    quote = only(text)
    assert speaker_text(quote) == "The ministry"  # not "It" from the next sentence


def test_sieve_1_a_short_tag_sentence_after_a_finished_quote():
    text = "“We will win.” Smith said. The crowd cheered."
    assert speaker_text(only(text)) == "Smith"


def test_sieve_2_speaker_before_with_colon():
    text = "Smith told Reuters: “We will not back down.”"
    quote = only(text)
    assert speaker_text(quote) == "Smith" and quote.cue == "told"
    assert quote.confidence == pytest.approx(0.9)
    assert quote.kind == "full"


def test_sieve_2_said_that_with_a_partial_quote():
    text = "The company said that its profits would “beat expectations” this year."
    quote = only(text)
    assert speaker_text(quote) == "The company"
    assert quote.cue == "said"
    assert quote.kind == "partial"


def test_sieve_2_cue_far_before_the_quote_has_lower_confidence():
    near = only("The mayor said: “The roads are closed.”")
    far = only("The mayor warned that the roads north of the river would stay shut because of the "
               "“unprecedented” floods.")
    assert speaker_text(far) == "The mayor" and far.cue == "warned"
    assert near.confidence > far.confidence > 0


def test_sieve_2_appositives_are_skipped():
    text = ("Abu Omar, the commander of the brigade, a group that led the attack, said the fighters entered "
            "the town “to end the siege”.")
    assert speaker_text(only(text)) == "Abu Omar"
    text = "Jane Doe, 53, a lawyer for the family, said the ruling was “a travesty”."
    assert speaker_text(only(text)) == "Jane Doe"


def test_sieve_2_subject_behind_adverbials_relative_clauses_and_conjunctions():
    assert speaker_text(only("One minister, who asked not to be named, said: “It's chaos.”")) == "One minister"
    assert speaker_text(only("In a statement, the ministry, which runs the camps, said it was “appalled”.")) \
        == "the ministry"
    assert speaker_text(only("The rebels advanced, and Omar, a commander, said they were “unstoppable”.")) == "Omar"
    text = "The prime minister, Keir Starmer, said on Monday that the UK would “not be intimidated”."
    starmer = entity(text, "starmer", "PERSON", "Keir Starmer")
    quote = only(text, starmer)
    assert quote.speaker.text == "The prime minister, Keir Starmer" and quote.speaker.entity_id == "starmer"


def test_names_that_contain_reporting_words_and_weekdays():
    assert speaker_text(only("“It is over,” the Washington Post reported.")) == "the Washington Post"
    assert speaker_text(only("U.S. Secretary of State Antony Blinken said it was “over”.")) \
        == "U.S. Secretary of State Antony Blinken"
    assert speaker_text(only("On Thursday Smith said it was “over”.")) == "Smith"
    text = "The head of the atomic agency, Rafael Grossi, said it was “worrying”."
    grossi = entity(text, "grossi", "PERSON", "Rafael Grossi")
    assert only(text, grossi).speaker.entity_id == "grossi"


def test_sieve_2_a_coordinated_verb_is_the_cue_and_borrows_the_subject():
    text = "Biden said he was worried and urged both sides to “step back from the brink”."
    quote = only(text)
    assert speaker_text(quote) == "Biden" and quote.cue == "urged"


def test_judging_verbs_with_as_quote_the_subject():
    text = "The Kremlin, for its part, dismissed the report as “nonsense”."
    kremlin = entity(text, "kremlin", "ORG", "Kremlin")
    quote = only(text, kremlin)
    assert quote.speaker.entity_id == "kremlin" and quote.cue == "dismissed" and quote.kind == "partial"


def test_sieve_2_role_words_stay_with_the_name_but_a_preposition_ends_it():
    text = "Spokesman of the rebel forces Hassan Ali said that they are “taking the city back”."
    assert speaker_text(only(text)) == "Hassan Ali"


def test_sieve_2_a_colon_at_the_end_of_the_previous_paragraph():
    text = "The minister said:\n\n“We have no choice but to act now.”"
    quote = only(text)
    assert speaker_text(quote) == "The minister"
    assert quote.cue == "said"


def test_sieve_2_participle_saying_takes_the_clause_subject():
    text = "The ministry issued a statement on Friday, saying “the situation is under control”."
    quote = only(text)
    assert speaker_text(quote) == "The ministry" and quote.cue == "saying"


def test_sieve_2_cue_split_around_the_quote():
    text = "“We are ready,” he said, “and we will win.”"
    first, second = quotes(text)
    assert speaker_text(first) == "he" and speaker_text(second) == "he"
    assert second.cue == "said"


def test_cues_inside_other_quotes_are_not_cues():
    text = "Critics of the plan were blunt: “Nobody said it would be easy.” The “plan” is dead."
    found = quotes(text)
    assert speaker_text(found[0]) is None
    assert found[1].cue is None


def test_reports_find_and_papers_quote_people():
    quote = only("The report, published on Monday, found that “systemic failures” had occurred.")
    assert speaker_text(quote) == "The report" and quote.cue == "found"
    text = "John Brown was at home. The newspaper quoted him as saying: “We are ready for war.”"
    brown = entity(text, "brown", "PERSON", "John Brown")
    quote = only(text, brown)
    assert quote.speaker.text == "him" and quote.speaker.entity_id == "brown" and quote.cue == "saying"


def test_a_quote_split_by_its_tag_keeps_its_kind():
    first, second = quotes("“This is,” he said, “a historic day.”")
    assert first.kind == second.kind == "full"
    assert speaker_text(second) == "he"


def test_sieve_3_cue_later_in_the_sentence():
    text = "He has “no intention” of resigning, the minister told parliament."
    quote = only(text)
    assert speaker_text(quote) == "the minister" and quote.cue == "told"
    assert quote.confidence == pytest.approx(0.7)
    assert quote.kind == "partial"


def test_anonymous_sources_and_participles_after_a_preposition():
    quote = only("The deal was “basically done”, according to two people familiar with the matter.")
    assert speaker_text(quote) == "two people familiar with the matter"
    _, second = quotes("“I think we will see a deal,” he said, before adding: “But not this week.”")
    assert speaker_text(second) == "he" and second.cue == "adding"
    quote = only("The word “genocide” has been used by critics.")
    assert quote.kind == "term" and quote.cue is None and quote.speaker is None


def test_sieve_3_inverted_tag_after_a_comma_and_what_x_said():
    quote = only("The 'so-called' experts were wrong, said Mr O'Neill.")
    assert speaker_text(quote) == "Mr O'Neill"
    quote = only("The army is “exhausted”, which is what the minister said.")
    assert speaker_text(quote) == "the minister" and quote.cue == "said"


def test_headline_colon_names_the_speaker_but_a_label_does_not():
    quote = only("Starmer: ‘We will not be intimidated’")
    assert speaker_text(quote) == "Starmer" and quote.cue is None and 0 < quote.confidence < 0.7
    assert only("Note: “This is odd.”").speaker is None
    assert only("Starmer: “this” is odd.").speaker is None


def test_a_capitalised_quote_after_a_colon_is_full():
    assert only("He replied: “Yes”.").kind == "full"


def test_sieve_4_according_to():
    text = "The plan is “dead in the water”, according to a senior official."
    quote = only(text)
    assert speaker_text(quote) == "a senior official"
    assert quote.cue == "according to"
    assert quote.kind == "full"


def test_naming_verb_makes_a_term_with_an_unresolvable_speaker():
    text = "The regime holds the cities that some analysts call “useful Syria”, as opposed to the fringes."
    syria = entity(text, "syria", "GPE", "Syria")
    quote = only(text, syria)
    assert quote.kind == "term"
    assert quote.cue == "call"
    assert quote.speaker.text == "some analysts"
    assert quote.speaker.entity_id is None
    assert text[quote.speaker.start:quote.speaker.end] == "some analysts"


def test_naming_verb_with_a_particular_subject_is_a_partial_quote_of_theirs():
    # What one named person calls something is that person's words; a group's label stays a term.
    text = "Trump called the report “fake news” on Tuesday."
    quote = only(text)
    assert quote.kind == "partial" and speaker_text(quote) == "Trump" and quote.cue == "called"
    quote = only("Writing on his blog, he described the budget as “a raid on pensioners”.")
    assert quote.kind == "partial" and speaker_text(quote) == "he" and quote.cue == "described"
    quote = only("It is the region critics call “the rust corridor”.")
    assert quote.kind == "term"


@pytest.mark.parametrize("text, cue", [
    ("The so-called “Islamic State” lost ground.", "so-called"),
    ("The area, dubbed “the triangle of death”, saw heavy fighting.", "dubbed"),
    ("The town is known as “the gate of the north”.", "known"),
    ("Conditions in the camp, described as “catastrophic”, got worse.", "described"),
])
def test_passive_naming_makes_a_term_with_no_speaker(text, cue):
    quote = only(text)
    assert quote.kind == "term"
    assert quote.cue == cue
    assert quote.speaker is None


def test_passive_naming_and_judging_take_their_by_agent():
    quote = only("The area, dubbed “useful Syria” by analysts, is key.")
    assert quote.kind == "term" and speaker_text(quote) == "analysts"
    quote = only("The claims were dismissed as “nonsense” by officials in Moscow.")
    assert quote.kind == "partial" and speaker_text(quote) == "officials" and quote.cue == "dismissed"


def test_called_for_is_reported_speech_not_naming():
    quote = only("The envoy called for “an immediate ceasefire”.")
    assert quote.kind == "partial" and quote.cue == "called for" and speaker_text(quote) == "The envoy"


def test_title_of_a_work():
    quote = only("His new book “The Art of the Deal” sold well, and critics loved it.")
    assert quote.kind == "title" and quote.speaker is None


def test_scare_quotes_with_no_cue_are_terms_without_a_speaker():
    quote = only("The “peace plan” was rejected by both sides.")
    assert quote.kind == "term" and quote.speaker is None and quote.confidence == 0.0


def test_a_following_quote_without_a_cue_inherits_the_speaker():
    text = ("Angela Merkel spoke in Berlin.\n\n“We can do this,” she said. “Nobody will be left behind.”\n\n"
            "Later, in Paris, the weather turned.")
    merkel = entity(text, "merkel", "PERSON", "Angela Merkel")
    first, second = quotes(text, merkel)
    assert first.speaker.entity_id == "merkel" and first.cue == "said"
    assert second.speaker == first.speaker
    assert second.cue is None
    assert 0 < second.confidence < first.confidence


def test_inheritance_stops_after_a_new_cue_or_distance():
    text = ("“We can do this,” Smith said. Jones disagreed and said he would leave. "
            "“It will not work.”")
    assert speaker_text(quotes(text)[1]) != "Smith"
    text = ("“We can do this,” Smith said. The hall emptied. The lights went out. Rain fell. "
            "“Nobody will be left behind.”")
    assert quotes(text)[1].speaker is None


def test_no_cue_no_speaker():
    quote = only("“Everything must change now and forever.” The banner hung over the square.")
    assert quote.speaker is None and quote.cue is None and quote.confidence == 0.0
    assert quote.kind == "full"


@pytest.mark.parametrize("verb", [
    "said", "says", "told reporters", "added", "predicted", "warned", "insisted", "wrote", "tweeted", "posted",
    "stated", "declared", "claimed", "argued", "explained", "noted", "asked", "replied", "confirmed", "denied",
    "announced", "urged", "vowed", "pledged", "admitted", "acknowledged", "estimated", "recalled", "cautioned",
    "stressed", "conceded", "suggested", "continued", "concluded", "alleged", "maintained", "remarked",
    "has said", "will say", "is saying", "pointed out", "went on", "responded", "emphasised", "reiterated",
])
def test_the_reporting_verb_list_is_broad(verb):
    text = f"“The deal is done and it is final,” Smith {verb}."
    quote = only(text)
    assert speaker_text(quote) == "Smith", verb
    expected = verb.split()[-1] if verb.split()[0] in ("has", "will", "is") else verb
    expected = "told" if verb == "told reporters" else expected
    assert quote.cue == expected


def test_noun_uses_of_reporting_words_are_not_cues():
    text = "According to state media, the “report” of a claim was false."
    quote = only(text)
    assert quote.cue is None or quote.cue == "According to"


def test_confidence_orders_the_sieve_steps():
    after = only("“We are leaving for good,” Smith said.").confidence
    before = only("Smith said: “We are leaving for good.”").confidence
    later = only("The plan is “dead” and buried, Smith told parliament.").confidence
    according = only("The plan is “dead” and buried, according to Smith.").confidence
    nothing = only("The “plan” is dead.").confidence
    assert after > before > later >= according > nothing == 0.0


def test_quotes_are_sorted_and_never_overlap():
    text = ("“A,” he said, ‘b’ and “c ‘d’ e”. 'f' \"g\" «h» “i\n\n“j” and “k” and the rebels’ “l”. "
            "They call it “m”.")
    found = quotes(text)
    for first, second in itertools.pairwise(found):
        assert first.end < second.start
    assert [q.text for q in found] == ["A,", "b", "c ‘d’ e", "f", "g", "h", "i", "j", "k", "l", "m"]


# --------------------------------------------------------------------------------------------
# speaker -> entity


def test_roles_are_stripped_to_the_person():
    text = "“We, as Hezbollah, will stand by Syria,” Hezbollah leader Naim Qassem said."
    hezbollah = entity(text, "hez", "ORG", "Hezbollah")
    qassem = entity(text, "qassem", "PERSON", "Naim Qassem")
    quote = only(text, hezbollah, qassem)
    assert quote.speaker.text == "Hezbollah leader Naim Qassem"
    assert quote.speaker.entity_id == "qassem"


def test_nominal_reference_takes_the_entity_with_the_same_head():
    text = ("The Syrian army confirmed that rebels had entered the city. "
            "The army added that its forces “fought fierce battles to repel the attacks”.")
    army = entity(text, "army", "ORG", "Syrian army")
    syrian = entity(text, "syrian", "NORP", "Syrian")
    quote = only(text, syrian, army)
    assert quote.speaker.text == "The army" and quote.speaker.entity_id == "army"


def test_a_norp_adjective_is_not_the_speaker_of_its_noun_phrase():
    text = "Syrian officials said the rebels had “no chance”."
    syrian = entity(text, "syrian", "NORP", "Syrian")
    quote = only(text, syrian)
    assert quote.speaker.text == "Syrian officials" and quote.speaker.entity_id is None


def test_pronoun_it_takes_the_most_recent_organisation_speaker():
    text = ("The Syrian army said its units had “redeployed” outside the city. "
            "Jane Smith, a resident, said she was “terrified”. "
            "It said that the units moved “to preserve the lives of civilians”.")
    army = entity(text, "army", "ORG", "Syrian army")
    smith = entity(text, "smith", "PERSON", "Jane Smith")
    first, second, third = quotes(text, army, smith)
    assert first.speaker.entity_id == "army"
    assert second.speaker.entity_id == "smith"
    assert third.speaker.text == "It" and third.speaker.entity_id == "army"


def test_pronoun_he_takes_the_most_recent_person_speaker_or_mention():
    text = ("John Brown was at the rally with the party.\n\n“We are going to win this,” he said.")
    brown = entity(text, "brown", "PERSON", "John Brown")
    quote = only(text, brown)
    assert quote.speaker.text == "he" and quote.speaker.entity_id == "brown"
    assert text[quote.speaker.start:quote.speaker.end] == "he"


def test_pronoun_they_prefers_a_group_and_he_never_takes_one():
    text = ("Hamas issued a statement. “The occupation will pay,” they said. "
            "“We will respond,” he added.")
    hamas = entity(text, "hamas", "ORG", "Hamas")
    first, second = quotes(text, hamas)
    assert first.speaker.entity_id == "hamas"
    assert second.speaker.entity_id is None


def test_it_prefers_an_organisation_mention_to_a_nationality_adjective():
    text = "The ministry met Russian envoys on Monday. It said the talks were “constructive”."
    ministry = entity(text, "ministry", "ORG", "The ministry")
    russian = entity(text, "russian", "NORP", "Russian")
    assert only(text, ministry, russian).speaker.entity_id == "ministry"


def test_the_group_takes_the_last_organisation():
    text = "Hamas issued a statement on Sunday. “The occupation will pay,” the group said."
    hamas = entity(text, "hamas", "ORG", "Hamas")
    assert only(text, hamas).speaker.entity_id == "hamas"


def test_a_name_with_no_mention_there_is_matched_on_its_last_word():
    text = "“We will win,” said President Bashar al-Assad. “The terrorists will lose,” Mr Assad added."
    assad = Entity("assad", "Bashar al-Assad", "PERSON", ("Bashar al-Assad",),
                   (Mention(text.index("Bashar"), text.index("Bashar") + len("Bashar al-Assad"), "Bashar al-Assad",
                            "PERSON", "assad"),))
    first, second = quotes(text, assad)
    assert first.speaker.entity_id == "assad"
    assert second.speaker.text == "Mr Assad" and second.speaker.entity_id == "assad"


def test_a_definite_role_is_the_one_person_nearby_and_nobody_when_two_are():
    text = "Boris Johnson has said he will stay.\n\nThe prime minister said: “I am getting on with the job.”"
    johnson = entity(text, "johnson", "PERSON", "Boris Johnson")
    assert only(text, johnson).speaker.entity_id == "johnson"
    text = "Boris Johnson met Keir Starmer.\n\nThe prime minister said: “I am getting on with the job.”"
    johnson = entity(text, "johnson", "PERSON", "Boris Johnson")
    starmer = entity(text, "starmer", "PERSON", "Keir Starmer")
    assert only(text, johnson, starmer).speaker.entity_id is None


def test_an_organisation_named_inside_an_unresolved_speaker_is_a_later_it():
    text = ("The Liberal Democrats called it “a national embarrassment”. A spokesperson for the Treasury said the "
            "chancellor was “fully focused” on prices. It added that measures would be “announced in due course”.")
    libdems = entity(text, "libdems", "ORG", "Liberal Democrats")
    treasury = entity(text, "treasury", "ORG", "Treasury")
    found = quotes(text, libdems, treasury)
    assert found[1].speaker.entity_id == "treasury"  # an unnamed spokesperson speaks for the organisation
    assert found[2].speaker.text == "It" and found[2].speaker.entity_id == "treasury"


def test_of_names_stay_whole_and_their_head_is_the_noun_before_of():
    text = "The Bank of England warned that inflation could reach “double digits”. The bank said it would “act”."
    bank = entity(text, "boe", "ORG", "Bank of England")
    england = entity(text, "england", "GPE", "England")
    first, second = quotes(text, bank, england)
    assert first.speaker.text == "The Bank of England" and first.speaker.entity_id == "boe"
    assert second.speaker.text == "The bank" and second.speaker.entity_id == "boe"


def test_indefinite_speakers_stay_unresolved():
    text = "Hezbollah fought on. A spokesman for the ministry said the report was “baseless”."
    hezbollah = entity(text, "hez", "ORG", "Hezbollah")
    quote = only(text, hezbollah)
    assert quote.speaker.text == "A spokesman for the ministry"
    assert quote.speaker.entity_id is None


# --------------------------------------------------------------------------------------------
# the sample, through the real pipeline


def test_sample_finds_exactly_the_gold_quotes(sample_analysis, gold):
    assert [q.text for q in sample_analysis.quotes] == [g["text"] for g in gold["quotes"]]
    assert all(q.closed for q in sample_analysis.quotes)


def test_sample_speakers_cues_and_kinds(sample_analysis, gold):
    found = sample_analysis.quotes
    assert [speaker_text(q) for q in found] == [g["speaker_text"] for g in gold["quotes"]]
    assert [q.cue for q in found] == [g["cue"] for g in gold["quotes"]]
    assert [q.kind for q in found] == [g["kind"] for g in gold["quotes"]]
    text = sample_analysis.text
    for quote in found:
        assert text[quote.speaker.start:quote.speaker.end] == quote.speaker.text
        assert 0.0 < quote.confidence <= 1.0


def test_sample_speaker_entities(sample_analysis, gold):
    """Checked through the entity's name and mention texts (the entity holding "Naim Qassem"), so it
    holds whatever ids the entity stage picks, and fails honestly if that stage cannot supply one."""
    gold_names = {e["id"]: e["name"] for e in gold["entities"]}
    wrong = []
    for quote, expected in zip(sample_analysis.quotes, gold["quotes"], strict=True):
        entity_id = quote.speaker.entity_id if quote.speaker else None
        found = sample_analysis.entity(entity_id) if entity_id else None
        if expected["speaker"] is None:
            if found is not None:
                wrong.append((quote.text, found.name))
        elif found is None or gold_names[expected["speaker"]] not in {found.name, *(m.text for m in found.mentions)}:
            wrong.append((quote.text, found.name if found else None))
    assert len(wrong) <= 1, wrong  # the acceptance bar: nine of ten at least


def test_sample_has_no_spurious_quotes_from_apostrophes(sample_analysis):
    text = sample_analysis.text
    for word in ("Bashar Al Assad's", "Syria’s", "regime's", "president's", "Aleppo's"):
        assert word in text
    assert len(sample_analysis.quotes) == 10
    for quote in sample_analysis.quotes:
        assert text[quote.start - 1] in "“\"", quote.text  # every quote opens with a double mark
        assert text[quote.end] in "”\"", quote.text


def test_an_organisation_word_refers_back_to_the_last_organisation():
    # Every word that can end an organisation's name can refer back to one (lexicon.organisations).
    text = "Harvard issued a statement on Friday. “We will appeal the ruling,” the university said."
    harvard = entity(text, "harvard", "ORG", "Harvard")
    assert only(text, harvard).speaker.entity_id == "harvard"
