from reader.core.sentences import sentence_at, split_sentences


def sentences_of(text):
    return [text[s.start:s.end] for s in split_sentences(text)]


def test_abbreviations_and_initials_do_not_split():
    text = "Mr. Smith met Dr. Jones in the U.S. on Monday. John F. Kennedy was there. It rained."
    assert sentences_of(text) == ["Mr. Smith met Dr. Jones in the U.S. on Monday.", "John F. Kennedy was there.",
                                  "It rained."]


def test_closing_quote_stays_with_its_sentence():
    text = "He said “it is over.” Then he left! Did he? “Yes,” she said."
    assert sentences_of(text) == ["He said “it is over.”", "Then he left!", "Did he?", "“Yes,” she said."]


def test_sentence_at_finds_the_enclosing_sentence():
    text = "One two. Three four."
    spans = split_sentences(text)
    assert text[sentence_at(spans, 10).start:] == "Three four."
    assert sentence_at(spans, 8) is None  # the space between sentences
