"""Attribution rules of issue 9, each on small articles written for it (new names and sentences,
none taken from the scorer's corpus): the pronoun's sex and its subject, naming verbs with a
particular subject, "quoted as saying", the dependency parse, credit lines, spokespeople, roles in
apposition, adverbs, confidence. The parse tests use the installed spaCy pipeline, in this process.
"""

from __future__ import annotations

import pytest
from quote_helpers import entity, paragraphs

from reader.core.lexicon.first_names import first_name_gender
from reader.core.model import Entity
from reader.core.quotes import find_quotes
from reader.core.sentences import split_sentences


def people(text: str, *names: str) -> list[Entity]:
    """A PERSON entity per full name, with its surname as an alias; ids are the surnames, lower case."""
    return [entity(text, name.split()[-1].lower(), "PERSON", name, name.split()[-1]) for name in names]


def quotes(text: str, *entities: Entity, parse=None):
    return find_quotes(text, split_sentences(text, paragraphs(text)), entities, parse=parse)


def speaker_ids(text: str, *entities: Entity, parse=None) -> list[str | None]:
    return [q.speaker.entity_id if q.speaker else None for q in quotes(text, *entities, parse=parse)]


@pytest.fixture(scope="module")
def parse():
    spacy_recogniser = pytest.importorskip("reader.core.ner.spacy_recogniser")
    from reader.core.ner.choice import installed_models

    models = installed_models()
    if not models:
        pytest.skip("no spaCy pipeline installed")
    recogniser = spacy_recogniser.SpacyRecogniser(models[0], in_process=True)
    return recogniser.parse


# --------------------------------------------------------------------------------------------
# pronouns: sex and subject


def test_first_names_know_the_usual_sex_and_leave_shared_names_alone():
    assert first_name_gender("Fiona") == "f" and first_name_gender("Desmond") == "m"
    assert first_name_gender("Jordan") is None and first_name_gender("Zzyzx") is None


def test_she_is_never_the_man_who_spoke_last():
    text = ("“The bridge will open in May,” said Desmond Achebe, the project manager.\n\n"
            "Local councillor Fiona Lindqvist said residents had waited long enough. “We were promised "
            "this three years ago,” she said.")
    assert speaker_ids(text, *people(text, "Desmond Achebe", "Fiona Lindqvist")) == ["achebe", "lindqvist"]


def test_a_title_tells_the_sex_when_the_first_name_does_not():
    text = ("Mrs Jordan Ferreira chaired the meeting with Robin Okoye. “We will vote next week,” she said.")
    found = speaker_ids(text, *people(text, "Jordan Ferreira", "Robin Okoye"))
    assert found == ["ferreira"]


def test_he_takes_the_subject_before_a_later_name_in_the_sentence():
    text = ("Coach Bernard Mwangi praised goalkeeper Tomasz Kowal after the match.\n\n"
            "Mwangi said the team had defended well. Then he turned to Kowal's saves. "
            "“Three of those were world class,” he said.")
    assert speaker_ids(text, *people(text, "Bernard Mwangi", "Tomasz Kowal")) == ["mwangi"]


# --------------------------------------------------------------------------------------------
# naming and judging verbs


def test_a_named_critic_calling_something_a_name_is_quoted_not_labelled():
    text = "Reviewer Lorna Castellane called the finale “a glorious mess” and the casting “inspired”."
    found = quotes(text, *people(text, "Lorna Castellane"))
    assert [q.kind for q in found] == ["partial", "partial"]
    assert [q.speaker.entity_id for q in found] == ["castellane", "castellane"]


def test_a_label_that_nobody_in_particular_uses_stays_a_term():
    quote = quotes("The estate is what locals call “the maze”, a warren of alleys.")[0]
    assert quote.kind == "term" and quote.speaker is not None and quote.speaker.entity_id is None


# --------------------------------------------------------------------------------------------
# "quoted as saying"


def test_the_subject_of_a_passive_quoted_as_saying_speaks_not_the_paper():
    text = ("The club's owner, Idris Halvorsen, was later quoted by the Evening Courier as saying the "
            "stadium plan was “dead in the water”.")
    halvorsen, = people(text, "Idris Halvorsen")
    courier = entity(text, "courier", "ORG", "Evening Courier")
    assert speaker_ids(text, halvorsen, courier) == ["halvorsen"]


def test_the_object_of_an_active_quoted_as_saying_speaks():
    text = "The Kestrel Gazette quoted her deputy, Anneke Vos, as saying the talks had “stalled badly”."
    vos, = people(text, "Anneke Vos")
    gazette = entity(text, "gazette", "ORG", "Kestrel Gazette")
    assert speaker_ids(text, vos, gazette) == ["vos"]


# --------------------------------------------------------------------------------------------
# the dependency parse


def test_parse_finds_the_subject_far_from_the_quote(parse):
    text = ("Magistrate Corinne Abelard, who has sat on the bench in Tollbridge for two decades and chaired "
            "the inquiry into the closures that followed the flooding, on Thursday condemned what "
            "she described as a “culture of silence”.")
    assert speaker_ids(text, *people(text, "Corinne Abelard"), parse=parse) == ["abelard"]


def test_parse_passive_takes_the_by_agent(parse):
    text = ("The proposal was described on Monday by union leader Kasimir Brandt as “an insult to every "
            "nurse in the country”, after weeks of talks.")
    assert speaker_ids(text, *people(text, "Kasimir Brandt"), parse=parse) == ["brandt"]


def test_parse_nobody_speaks_a_scare_quote_that_is_a_subject(parse):
    found = quotes("The “temporary” levy, introduced in 1998, was finally scrapped on Friday.", parse=parse)
    assert found[0].speaker is None


def test_a_failing_parser_leaves_the_rules_answer():
    def broken(texts: list[str]) -> list:
        raise RuntimeError("no parser")

    text = "Ilse Marchetti said the plan was “a step backwards”."
    assert speaker_ids(text, *people(text, "Ilse Marchetti"), parse=broken) == ["marchetti"]


# --------------------------------------------------------------------------------------------
# roles, spokespeople


def test_a_role_with_the_name_in_apposition_is_that_person():
    text = "“We acted within hours,” said the trust's medical director, Olusegun Barker, on Monday."
    assert speaker_ids(text, *people(text, "Olusegun Barker")) == ["barker"]
    text = "Priyamvada Sen, the festival's artistic director, said the lineup was “the boldest yet”."
    assert speaker_ids(text, *people(text, "Priyamvada Sen")) == ["sen"]


def test_a_role_given_earlier_names_the_person():
    text = ("Senior magistrate Hollis Quarrie heard the case in Dunmore.\n\n"
            "“The evidence is thin,” the magistrate said.")
    assert speaker_ids(text, *people(text, "Hollis Quarrie")) == ["quarrie"]


def test_an_unnamed_spokesperson_speaks_for_the_organisation():
    text = "“We are cooperating fully,” a Brantwell Foods spokeswoman said."
    brantwell = entity(text, "brantwell", "ORG", "Brantwell Foods")
    assert speaker_ids(text, brantwell) == ["brantwell"]
    text = ("Orrin Rail said services would resume on Tuesday. A spokesman said the delays were "
            "“regrettable but unavoidable”.")
    orrin = entity(text, "orrin", "ORG", "Orrin Rail")
    assert speaker_ids(text, orrin) == ["orrin"]


# --------------------------------------------------------------------------------------------
# credit lines


def test_a_dash_credit_under_a_quote_names_its_speaker():
    text = ("Readers wrote in.\n\n“The new timetable is a shambles.”\n— Gwenllian Parry, Abergele\n\n"
            "“My train was early for once.”\n— Name withheld\n\nThe operator declined to comment.")
    parry, = people(text, "Gwenllian Parry")
    found = quotes(text, parry)
    assert found[0].speaker.entity_id == "parry" and found[0].confidence >= 0.85
    assert found[1].speaker is None  # a credit with no name: nobody, and not the previous speaker


def test_a_name_and_outlet_before_a_colon_credit_the_quote():
    text = "What the critics said.\n\nTobias Renn, The Quarterly: “A patient, generous film.”\n"
    assert speaker_ids(text, *people(text, "Tobias Renn")) == ["renn"]
    text = "Voices from the market.\n\nSunniva Holm, fishmonger: “Trade has never been this slow.”\n"
    assert speaker_ids(text, *people(text, "Sunniva Holm")) == ["holm"]


# --------------------------------------------------------------------------------------------
# confidence


def test_a_guess_is_marked_uncertain_and_a_tagged_quote_is_not():
    from reader.core.model import LOW_CONFIDENCE

    text = ("“The ferry will run all winter,” said harbourmaster Aled Pritchard.\n\n"
            "“Nobody should have to drive round the estuary.”")
    first, second = quotes(text, *people(text, "Aled Pritchard"))
    assert first.confidence >= 0.9 and not first.speaker_uncertain
    assert second.speaker is not None and second.speaker.entity_id == "pritchard"
    assert second.confidence < LOW_CONFIDENCE and second.speaker_uncertain
    text = "“The ferry will run all winter,” said Aled Pritchard. “Nobody should have to drive round.”"
    assert not any(q.speaker_uncertain for q in quotes(text, *people(text, "Aled Pritchard")))


def test_a_pronoun_is_less_sure_than_a_name():
    text = "Ffion Garside chairs the board. “We will appeal,” she said."
    pronoun = quotes(text, *people(text, "Ffion Garside"))[0]
    text = "Ffion Garside chairs the board. “We will appeal,” Garside said."
    name = quotes(text, *people(text, "Ffion Garside"))[0]
    assert pronoun.speaker.entity_id == name.speaker.entity_id == "garside"
    assert pronoun.confidence < name.confidence


# --------------------------------------------------------------------------------------------
# adverbs, codes, reports inside reports


@pytest.mark.parametrize("text, speaker", [
    ("He instead told the committee: “The figures were never audited.”", "He"),
    ("They nonetheless insisted that the repairs were “on schedule”.", "They"),
    ("She usually tells new staff: “Ask before you guess.”", "She"),
])
def test_an_adverb_is_never_the_speaker(text, speaker):
    quote = quotes(text)[0]
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_a_discount_code_is_no_quotation_but_an_advert_offering_one_is():
    quote = quotes("Readers can use the code “AUTUMN15” at the till.")[0]
    assert quote.kind == "term" and quote.speaker is None
    assert quotes("Buy two and save with “BOGOF24” this week.")[0].kind == "term"
    text = "Posters in the station promise “half-price tickets with code RAIL50”, the guard said."
    quote = quotes(text)[0]
    assert quote.kind in ("full", "partial") and quote.cue == "promise"  # the posters' words, not the guard's


def test_a_new_statement_after_a_finished_quote_is_not_its_tag():
    text = ("Councillor Bryn Maddox said the mayor, Odile Ferrand, had promised him that “the depot will "
            "stay open.” He said he did not trust her.")
    found = quotes(text, *people(text, "Bryn Maddox", "Odile Ferrand"))
    assert found[0].speaker is not None and found[0].speaker.entity_id == "ferrand"


def test_a_pronoun_subject_carries_the_antecedent_past_the_names_after_it():
    text = ("Union leader Gordon Pike said the offer was unacceptable. He had met the chief executive, "
            "Ewan Draycott, on Monday. He said afterwards: “We are further apart than ever.”")
    assert speaker_ids(text, *people(text, "Gordon Pike", "Ewan Draycott")) == ["pike"]


def test_accented_first_names_tell_the_sex_too():
    assert first_name_gender("André") == "m" and first_name_gender("Zoë") == "f"


def test_a_role_after_a_senators_party_affiliation_is_the_senator():
    text = ("Sen. Marisol Bancroft (D-Ore.), a member of the energy committee, called the plan “a giveaway "
            "to the utilities”.")
    assert speaker_ids(text, *people(text, "Marisol Bancroft"), parse=None) == ["bancroft"]


# --------------------------------------------------------------------------------------------
# one speaker goes on


def test_one_sentence_one_speaker_past_a_cue_without_a_subject():
    text = "“The season starts now,” said coach Ines Barroso, going on to praise her captain: “She never stops.”"
    found = quotes(text, *people(text, "Ines Barroso"))
    assert [q.speaker.entity_id for q in found] == ["barroso", "barroso"]
    assert found[1].confidence < found[0].confidence


def test_a_participle_opening_a_sentence_names_no_speaker_and_stops_no_inheritance():
    text = ("“We will appeal,” said Tobiah Grenfell.\n\nSpeaking of the costs, “Nobody should have to pay "
            "for this twice.”")
    found = quotes(text, *people(text, "Tobiah Grenfell"))
    assert found[1].speaker is not None and found[1].speaker.entity_id == "grenfell"
    assert found[1].speaker_uncertain  # across a paragraph: a guess, and said to be one
    quote = quotes("Speaking of the costs, “Nobody should pay twice.”")[0]
    assert quote.speaker is None


def test_the_modifier_of_a_generic_organisation_noun_picks_the_organisation():
    text = ("Campaigners from Save the Wendle met outside the offices of Corran Valley Power on Friday. "
            "The power company said its turbines were “fully compliant”.")
    campaign = entity(text, "save", "ORG", "Save the Wendle")
    power = entity(text, "power", "ORG", "Corran Valley Power")
    assert speaker_ids(text, campaign, power) == ["power"]


def test_parse_a_verb_that_is_speech_only_sometimes_needs_a_clause(parse):
    text = "Marguerite Oyelaran read “Middlemarch” twice that summer."
    assert quotes(text, *people(text, "Marguerite Oyelaran"), parse=parse)[0].speaker is None
    text = "A banner held by Marguerite Oyelaran read: “Keep our library open for everyone.”"
    quote = quotes(text, *people(text, "Marguerite Oyelaran"), parse=parse)[0]
    assert quote.kind == "full"


class _CountedSpans(list):
    """The scanner's quote list, counting every look at one of its quotes (by index or by a walk)."""

    looks = 0

    def __getitem__(self, index):
        _CountedSpans.looks += 1
        return super().__getitem__(index)

    def __iter__(self):
        for item in super().__iter__():
            _CountedSpans.looks += 1
            yield item


def _attribution_work(count: int, monkeypatch) -> tuple[int, list]:
    """Quotes looked at and tokens handed to the rules, attributing ``count`` quotes in one sentence."""
    import reader.core.quotes as quotes_module
    from reader.core.quotes.context import Context

    scan = quotes_module.scan_quotes
    monkeypatch.setattr(quotes_module, "scan_quotes", lambda text: _CountedSpans(scan(text)))
    handed = [0]
    tokens = Context.tokens

    def counted_tokens(self, start, end):
        result = tokens(self, start, end)
        handed[0] += len(result)
        return result

    monkeypatch.setattr(Context, "tokens", counted_tokens)
    _CountedSpans.looks = 0
    text = "Ann Roe spoke. " + '"a," said ' * count + "\n\nShe left."
    parsed: list[list[str]] = []
    found = find_quotes(text, split_sentences(text, paragraphs(text)), [],
                        parse=lambda texts: parsed.append(texts) or [])
    assert not any(len(piece) > 1500 for texts in parsed for piece in texts)  # the run-on sentence is never parsed
    return _CountedSpans.looks + handed[0], found


def test_a_sentence_of_20000_quotes_is_attributed_in_linear_work(monkeypatch):
    """Hostile input (issue 12): every rule looks at a bounded window around its quote, so the work per quote does
    not grow with the sentence (it did: each quote walked every other quote, ~0.3 ms a quote and rising)."""
    small_work, small = _attribution_work(2_000, monkeypatch)
    work, found = _attribution_work(20_000, monkeypatch)
    assert len(small) == 2_000 and len(found) == 20_000
    assert all(quote.text == "a," and quote.kind == "partial" and quote.speaker is None for quote in found)
    assert work < 12 * small_work  # ten times the quotes, about ten times the work (quadratic would be ~100)
    assert work < 400 * len(found)  # a few hundred tokens and quotes looked at per quote, whatever the sentence
