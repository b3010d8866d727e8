"""Closed classes: pronouns, determiners, prepositions, conjunctions and the other small words
that end, start or sit inside a noun phrase."""

from __future__ import annotations

from .time import WEEKDAYS

SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you"})
# How a noun phrase that names someone in particular starts ("he", "the council", "her party") ...
SPECIFIC_STARTS = frozenset({"he", "she", "it", "i", "we", "the", "his", "her", "its", "their", "this"})
# ... and words that make a capitalised start speak for nobody in particular ("Some analysts", "Critics").
GENERIC_STARTS = frozenset("""some many most few several critics others people analysts observers experts
supporters opponents locals residents""".split())
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
PERSON_PRONOUNS = frozenset({"he", "she"})

DETERMINERS = frozenset("""the a an this that these those some many several most few other its his her their our
my your one two three four five six seven eight nine ten dozens hundreds thousands both all any each
every no another such""".split())

PREPOSITIONS = frozenset("""of in on at for from to with by about as into onto over after before during under
against between through without within despite amid amidst since until till via per across along around
behind beyond near toward towards upon among amongst throughout than like unlike""".split())

# Words that end a noun phrase when walking over it.
STOP = PREPOSITIONS | frozenset("""and or but nor yet so because while when whereas although though if that which
who whom whose where whether then also don't doesn't didn't won't can't isn't wasn't
aren't weren't haven't hasn't hadn't wouldn't couldn't shouldn't don’t doesn’t didn’t won’t can’t isn’t wasn’t
is are was were be been being am has have had having do does did will
would can could may might must shall should not never n't 's to too however meanwhile moreover still just even
only later earlier once again already there here this ago today yesterday tonight tomorrow now""".split())

# Skipped between a subject and its verb: "X has also said", "X later told".
BETWEEN_SUBJECT_AND_VERB = frozenset("""has have had was were is are will would also later then previously earlier
separately once again further subsequently recently repeatedly publicly privately reportedly apparently allegedly
simply only too not n't never did does do had been being already yesterday today tonight last""".split())

# Adverbs and discourse words, never a speaker: "He instead told the BBC", "I always tell my clients",
# "They nonetheless insisted" (words in -ly are recognised by their ending).
ADVERBS = frozenset("""instead always often usually sometimes nonetheless nevertheless however therefore thus
meanwhile still even just now soon afterwards afterward ever rather anyway indeed too first finally again
once twice yet somehow otherwise likewise besides hence accordingly thereafter""".split())
BETWEEN_SUBJECT_AND_VERB = BETWEEN_SUBJECT_AND_VERB | ADVERBS

# Before a noun phrase, words that make it the subject of the verb after it, in a clause of its own:
# "the area, which analysts call “X”", "what analysts call “X”", "as critics dub it".
SUBJECT_INTRODUCERS = frozenset({"that", "which", "what", "who", "whom", "as", "and", ";"})

# A noun phrase's head is the word before the first of these: "a spokesman for the ministry" -> spokesman.
HEAD_ENDING_PREPOSITIONS = frozenset({"of", "for", "from", "at", "by"})
# Prepositions that attach an owner to a role or a group: "the leader of Hezbollah", "officials at the Pentagon".
OWNER_PREPOSITIONS = frozenset({"of", "for", "from", "at"})

COORDINATORS = frozenset({"and", "but", "or", "yet", "so"})

# Words that open an adverbial chunk, not a subject: "In a statement,", "On Friday,", "Speaking in London,".
ADVERBIAL_STARTS = PREPOSITIONS | frozenset("""after before when while as although though because since if once
until unless despite however meanwhile moreover separately earlier later also still yesterday today instead
nevertheless then now indeed speaking asked writing""".split()) | frozenset(WEEKDAYS)

# Elisions written with a leading apostrophe, which is then no quotation mark: 'em, rock 'n' roll, 'til.
APOSTROPHE_ELISIONS = ("em", "n", "tis", "twas", "til", "cause", "bout", "round", "nuff", "ol", "s")

# Words the rules recogniser drops from the start of a capitalised run (compared Title Cased).
RULES_SENTENCE_WORDS = frozenset(
    """the a an but and or so if when while as in on at for from by with after before this that
    these those it he she they we i you his her their its our my there here what who why how
    some many most all no yes yet still also even then now however meanwhile""".split()
)

# Before a participle, words that leave it without a subject of its own: "before adding", "then going on to".
SUBJECTLESS_BEFORE = frozenset({"before", "after", "while", "when", "then", "by", "and", "also", "later"})
