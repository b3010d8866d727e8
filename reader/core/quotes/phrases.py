"""Words with offsets, and the noun phrases and reporting verbs the attribution sieve looks for.

A token is a word or a punctuation mark. On tokens: ``cue_at`` says whether a reporting verb
("said", "pointed out") stands here; ``np_before`` / ``np_after`` find the noun phrase that is
its subject or its inverted subject ("said Hezbollah leader Naim Qassem").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lexicon import alternation
from ..lexicon.abbreviations import TITLE_ABBREVIATIONS
from ..lexicon.function_words import (
    ADVERBIAL_STARTS,
    ADVERBS,
    BETWEEN_SUBJECT_AND_VERB,
    COORDINATORS,
    DETERMINERS,
    HEAD_ENDING_PREPOSITIONS,
    OWNER_PREPOSITIONS,
    PREPOSITIONS,
    STOP,
    SUBJECT_PRONOUNS,
)
from ..lexicon.names import NAME_PARTICLES, PERSON_TITLES
from ..lexicon.reporting import (
    COLON_ONLY,
    NAMING_FORMS,
    NOUN_LIKE,
    PHRASAL,
    PHRASAL_FORMS,
    RELATIVE_PERSONS,
    REPORTING_FORMS,
    SOURCE_ADJECTIVES,
    WEAK,
)
from ..lexicon.time import WEEKDAYS

TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|(?:" + alternation(title.title() for title in TITLE_ABBREVIATIONS) + r")\.(?=\s)"  # Mr., Gen.
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: John F. Kennedy
    r"|\w+(?:[-‑’'.]\w+)*"
    r"|[^\w\s]"
)


class Token:
    """A word or punctuation mark with its offsets; the derived fields are computed once."""

    __slots__ = ("end", "is_capitalised", "is_word", "lower", "maybe_cue", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower()
        self.is_word = text[0].isalnum()
        self.is_capitalised = text[0].isupper()
        self.maybe_cue = self.lower in CUE_WORDS

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


CUE_WORDS = frozenset(REPORTING_FORMS) | frozenset(PHRASAL_FORMS)  # a token that may be a reporting verb


def tokenize(text: str, start: int, end: int, covers: Callable[[int], bool]) -> list[Token]:
    """Tokens of text[start:end], leaving out those where ``covers`` (inside a quotation)."""
    return [Token(match.start(), match.end(), match.group()) for match in TOKEN.finditer(text, start, end)
            if not covers(match.start())]


@dataclass(frozen=True, slots=True)
class Cue:
    index: int  # token index of the verb
    last: int  # token index of the cue's last word (the particle of "pointed out")
    lemma: str
    start: int
    end: int


def cue_at(tokens: list[Token], index: int, adjacent: bool = False) -> Cue | None:
    """The reporting verb starting at ``tokens[index]``, if it is one here."""
    token = tokens[index]
    if not token.maybe_cue:
        return None
    word = token.lower
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    before = tokens[index - 1] if index > 0 else None
    if before is not None and before.lower in DETERMINERS and before.lower not in ("that", "one", "all", "both"):
        return None  # "the stated aim", "a report"
    if token.is_capitalised and before is not None and before.is_word:
        return None  # a capital inside a sentence is a name: the Washington Post, Secretary of State
    if word in PHRASAL_FORMS and after is not None:
        phrasal = PHRASAL.get((PHRASAL_FORMS[word], after.lower))
        if phrasal is not None:
            return Cue(index, index + 1, phrasal, token.start, after.end)
    lemma = REPORTING_FORMS.get(word)
    if lemma is None:
        return None
    followed = after is not None and (after.lower in ("that", ":") or after.text in "“\"‘'«,—")
    if lemma in NOUN_LIKE and word in (lemma, third_person(lemma)) and not (followed or adjacent):
        return None
    if lemma in WEAK and not (followed or adjacent):
        return None
    if lemma in COLON_ONLY and (after is None or after.text != ":"):
        return None
    return Cue(index, index, lemma, token.start, token.end)


def third_person(lemma: str) -> str:
    return lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else lemma + "s"


def is_name(token: Token) -> bool:
    if not token.is_word or not token.is_capitalised:
        return False
    word = token.lower
    if word in REPORTING_FORMS:
        # Capitalised noun-like forms are names: Secretary of State, the Washington Post.
        lemma = REPORTING_FORMS[word]
        return lemma in COLON_ONLY or (lemma in NOUN_LIKE and word in (lemma, third_person(lemma)))
    return word not in STOP and word not in DETERMINERS and word not in SUBJECT_PRONOUNS \
        and word not in WEEKDAYS


def is_common(token: Token) -> bool:
    """A lower-case word that can sit inside a noun phrase."""
    if not token.is_word:
        return token.text in "-‑"
    word = token.lower
    if word in REPORTING_FORMS or word in NAMING_FORMS:
        # "the report", "the claims", "a statement": a noun-like form of a reporting verb is a noun here.
        lemma = REPORTING_FORMS.get(word) or NAMING_FORMS.get(word)
        return lemma in NOUN_LIKE | {"term", "label", "brand", "nickname", "call", "style"} \
            and word in (lemma, third_person(lemma))
    return word not in STOP and word not in SUBJECT_PRONOUNS


def np_before(tokens: list[Token], end: int, floor: int = 0) -> tuple[int, int] | None:
    """The noun phrase ending just before token ``end`` (a verb): token indices [first, last].

    Skips "has also", "later", "on Thursday" between subject and verb, and an appositive
    ("X, the leader of Y, said"), then takes a pronoun, a name with its role words
    ("Hezbollah leader Naim Qassem"), or a short common noun phrase ("The Syrian army",
    "some analysts", "a spokesman for the ministry").
    """
    index = end - 1
    while index >= floor:
        word = tokens[index].lower
        if word in BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and tokens[index].text.islower()
                                                     and len(word) > 4 and word not in ("family", "ally", "rally")):
            index -= 1
        elif word in WEEKDAYS and index - 1 >= floor and tokens[index - 1].lower == "on":
            index -= 2
        else:
            break
    if index < floor:
        return None
    if tokens[index].text == ",":
        return _appositive_head(tokens, index, floor)
    found = np_ending_at(tokens, index, floor)
    if found is not None and found[0] - 1 > floor and tokens[found[0] - 1].lower in PREPOSITIONS \
            and tokens[found[0] - 1].lower not in HEAD_ENDING_PREPOSITIONS:
        # "Inspectors who visited the school in March found", "The tribunal in Leeds found": a noun phrase after
        # a preposition is no subject; the subject is before the relative clause or the prepositional phrase.
        return _subject_before_phrase(tokens, found[0] - 1, floor) or found
    return found


def _subject_before_phrase(tokens: list[Token], preposition: int, floor: int) -> tuple[int, int] | None:
    for position in range(preposition - 1, max(floor - 1, preposition - RELATIVE_REACH), -1):
        token = tokens[position]
        if not token.is_word:
            return None
        if token.lower in RELATIVE_PERSONS and position - 1 >= floor:
            return np_ending_at(tokens, position - 1, floor)
    before = tokens[preposition - 1] if preposition - 1 >= floor else None
    if before is not None and before.is_word and before.text.islower() and before.lower not in STOP:
        found = np_ending_at(tokens, preposition - 1, floor)  # "The tribunal in Leeds", not "has apologised after"
        return found if found is not None and tokens[found[0]].lower in DETERMINERS else None
    return None


RELATIVE_REACH = 12  # words back from a preposition searched for the "who"/"which" of a relative clause
AFFILIATION_TOKENS = 10  # at most this many tokens in a bracketed affiliation after a name: (D-Ore.)


def _appositive_head(tokens: list[Token], comma: int, floor: int) -> tuple[int, int] | None:
    """Find the subject when a comma sits before the verb.

    "X, the leader of Y, an offshoot of Z, said" -> X;  "In a statement, the ministry, which ..., said"
    -> the ministry;  "and Smith, a commander, said" -> Smith;  "The prime minister, Keir Starmer, said"
    -> both, since the name is what the entity stage can find.
    """
    chunks: list[tuple[int, int]] = []  # token ranges between commas, left to right
    boundary = comma
    while len(chunks) < 5:
        previous = boundary - 1
        if previous > floor and tokens[previous].text == ")":
            # "Rep. Ann Roe (D-Ore.), who chairs …, said": the bracketed affiliation belongs to the name before it.
            opening = previous
            while opening > floor and tokens[opening].text != "(":
                opening -= 1
            if tokens[opening].text == "(" and boundary - opening <= AFFILIATION_TOKENS:
                boundary = previous = opening
                previous -= 1
        while previous >= floor and tokens[previous].text not in ",;:()—–.!?":
            previous -= 1
        if previous + 1 > boundary - 1:
            break
        chunks.insert(0, (previous + 1, boundary - 1))
        if previous < floor or tokens[previous].text != ",":
            break
        boundary = previous
    # A coordinating conjunction starts a new clause: "The rebels advanced, and Smith, a commander, said".
    for position in range(len(chunks) - 1, -1, -1):
        first, last = chunks[position]
        if tokens[first].lower in COORDINATORS:
            chunks = chunks[position:]
            chunks[0] = (first + 1, last)
            if first + 1 > last:
                chunks.pop(0)
            break
    # Leading adverbials are not the subject: "In a statement,", "On Friday,", "Speaking in London,".
    while len(chunks) > 1 and (tokens[chunks[0][0]].lower in ADVERBIAL_STARTS
                               or tokens[chunks[0][0]].lower.endswith("ly")):
        chunks.pop(0)
    if not chunks:
        return None
    head = chunks[0]
    found = np_ending_at(tokens, head[1], head[0])
    if found is None:
        return None
    if len(chunks) > 1 and not is_name(tokens[np_head(tokens, found[0], found[1])]):
        first, last = chunks[1]
        if all(is_name(token) or token.lower in NAME_PARTICLES or token.text in "-‑"
               for token in tokens[first:last + 1]):
            return (found[0], last)
    return found


# One walk back over a name, its roles and owners, or a common noun phrase: the branches share their indices.
def np_ending_at(tokens: list[Token], last: int, floor: int = 0, owned: bool = False) -> tuple[int, int] | None:  # noqa: C901
    token = tokens[last]
    if token.lower in SUBJECT_PRONOUNS:
        return (last, last)
    index = last
    # A name: capitalised words, with particles inside (Abu Muhammad Al Golani, Ursula von der Leyen).
    while index >= floor and (is_name(tokens[index]) or (tokens[index].lower in NAME_PARTICLES and index < last
                                                          and index - 1 >= floor and is_name(tokens[index - 1]))):
        index -= 1
    if index < last:
        first = index + 1
        while tokens[first].text in NAME_PARTICLES and first < last:  # lower-case only: keep "Abu", "Al"
            first += 1
        if index >= floor and (tokens[index].lower in PERSON_TITLES or tokens[first].lower in PERSON_TITLES):
            # Role words before the name, and what qualifies the role: "Hezbollah leader", "rebel commander".
            while index >= floor and tokens[index].lower in PERSON_TITLES:
                index -= 1
            modifiers = 0
            while index >= floor and modifiers < 3 and (is_name(tokens[index]) or is_common(tokens[index])) \
                    and tokens[index].is_word:
                index -= 1
                modifiers += 1
            if index >= floor and tokens[index].lower in DETERMINERS:
                index -= 1
            first = index + 1
        elif index >= floor and tokens[index].lower == "the":
            first = index  # the BBC, the New York Times
        # "Officials at the Pentagon", "the leader of Hezbollah": the name is only the object.
        preposition = first - 1
        if owned:
            pass  # one "of" phrase is enough: no chains of owners
        elif preposition - 1 >= floor and tokens[preposition].lower in OWNER_PREPOSITIONS \
                and tokens[preposition - 1].is_word and tokens[preposition - 1].lower not in PERSON_TITLES | STOP:
            # (and "the Bank of England", "the President of France Emmanuel Macron": one name)
            owner = np_ending_at(tokens, preposition - 1, floor, owned=True)
            if owner is not None:
                return (owner[0], last)
        elif preposition - 1 >= floor and tokens[preposition].lower in OWNER_PREPOSITIONS \
                and tokens[preposition - 1].lower in PERSON_TITLES:
            owner = np_ending_at(tokens, preposition - 1, floor, owned=True)
            if owner is not None:
                return (owner[0], last)
        return (first, last)
    # A common noun phrase, possibly with one "of/for/from" phrase: a spokesman for the ministry.
    index = last
    words = 0
    prepositions = 0
    while index >= floor and words < 8:
        current = tokens[index]
        if current.lower in DETERMINERS and current.lower != "that":
            index -= 1
            if (prepositions < 1 and index - 1 >= floor and tokens[index].lower in OWNER_PREPOSITIONS
                    and is_common(tokens[index - 1]) and tokens[index - 1].is_word):
                index -= 1
                prepositions += 1
                continue
            break
        if current.is_word and (is_common(current) or is_name(current)):
            index -= 1
            words += 1
            continue
        if current.text in "-‑" and words:
            index -= 1
            continue
        break
    first = index + 1
    if first > last or not any(tokens[i].is_word and tokens[i].lower not in DETERMINERS
                               for i in range(first, last + 1)):
        return None
    if not tokens[last].is_word or tokens[last].text[0].isdigit() or tokens[last].lower in ADVERBS:
        return None  # "Instead, told ...": an adverb is never who spoke
    return (first, last)


def np_after(tokens: list[Token], first: int, allow_by: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at token ``first``: said [Hezbollah leader Naim Qassem] in a speech."""
    if first >= len(tokens):
        return None
    token = tokens[first]
    if token.lower in SUBJECT_PRONOUNS:
        return (first, first)
    index = first
    last = None
    prepositions = 0
    nouns = 0
    while index < len(tokens) and index - first < 10:
        current = tokens[index]
        word = current.lower
        if current.is_word and word in DETERMINERS and word != "that":
            index += 1
            continue
        if current.is_word and (word in ("of", "for", "from") or (allow_by and word == "by") or (
                word in ("with", "to", "on", "in") and tokens[index - 1].lower in SOURCE_ADJECTIVES)) and nouns \
                and prepositions < 2 and index + 1 < len(tokens) and tokens[index + 1].is_word:
            prepositions += 1
            index += 1
            continue
        if current.is_word and (is_name(current) or (is_common(current) and not (
                nouns and current.text.islower() and word.endswith("ed") and not allow_by))):
            last = index
            nouns += 1
            index += 1
            continue
        if current.text in "-‑" and last == index - 1:
            index += 1
            continue
        break
    if last is None:
        return None
    return (first, last)


def np_head(tokens: list[Token], first: int, last: int) -> int:
    """The head word of a noun phrase: the last word before an of/for phrase, else the last word."""
    for index in range(first, last + 1):
        if tokens[index].lower in HEAD_ENDING_PREPOSITIONS and index > first:
            return index - 1
    return last
