"""Speakers -> entities: which entity a speaker's noun phrase ("Hezbollah leader Naim Qassem",
"the army", "She") stands for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..lexicon.first_names import first_name_gender
from ..lexicon.function_words import (
    BETWEEN_SUBJECT_AND_VERB,
    GENERIC_STARTS,
    HEAD_ENDING_PREPOSITIONS,
    OBJECT_PRONOUNS,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
)
from ..lexicon.names import FEMALE_TITLES, MALE_TITLES, PERSON_TITLES, SPOKESPEOPLE
from ..lexicon.organisations import COMPANY_NAME_ENDINGS, ORGANISATION_REFERENCES
from ..lexicon.reporting import (
    DOCUMENT_NOUNS,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    ORGANISATION_FAMILIES,
    SOURCE_ADJECTIVES,
)
from ..model import Entity
from .context import Context
from .phrases import CUE_WORDS, TOKEN, cue_at

PRONOUN_LOOKBACK = 6  # sentences searched back for a pronoun's antecedent
# How sure a speaker -> entity mapping is, by the way it was made (a quote's confidence is multiplied by it):
# a name in the phrase 1.0; he/she with a name of matching sex as the subject nearby; a role, "it", "they"; an
# unnamed spokesperson; a guess (a name after a preposition, the last speaker, the last organisation).
CERTAIN_PRONOUN = 0.9
CERTAIN_ROLE = 0.8
CERTAIN_SPOKESPERSON = 0.85
CERTAIN_GUESS = 0.6
VOICE_REACH = 160  # characters after a name searched for its reporting verb (past an appositive)
NAMED_AHEAD = 4  # sentences after a lede's "she" searched for the first name given
ROLE_AHEAD = 2  # sentences after "A Labour MP" searched for the MP's name
MENTION_LOOKBACK = 3  # sentences searched back for a he/she's antecedent among the names, before the speakers
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_TITLE_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")
_WORD = re.compile(r"\w+")
_PRONOUNS = {"m": re.compile(r"\b[Hh]e\b"), "f": re.compile(r"\b[Ss]he\b")}
_PRONOUN_SEX = {**dict.fromkeys(MALE_PRONOUNS, "m"), **dict.fromkeys(FEMALE_PRONOUNS, "f")}
_ANY_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(_PRONOUN_SEX)) + r")\b", re.IGNORECASE)
_GROUP_AT = re.compile(r"([A-Za-z]+)[ \t]+(?:at|from|with)[ \t]+(?:the[ \t]+)?$")
_KIND_BEFORE = re.compile(r"((?:[A-Za-z-]+[ \t]+){1,2})$")
_ROLE_BEFORE_COMMA = re.compile(r"([a-z]+),[ \t]+$")
_POSSESSIVE = re.compile(r"['’]s?\b|['’]")
_DESCRIPTION = re.compile(r"[ \t]*[Tt]he[ \t]+((?:[a-z][a-z-]+[ \t]+){0,2}[a-z][a-z-]+)\b")
_APPOSITION_AFTER = re.compile(r"\s*,\s*")
# "Ann Roe, 52, the firm's director", "Sen. Ann Roe (D-Ore.), a co-chair", "Sen. Ann Roe, R-Ohio, the chair"
_AFFILIATION = r"(?:\s*\([A-Z]-[A-Z][\w.]*\)|\s*,\s*[A-Z]-[A-Z][\w.]*)?"
_APPOSITION_BEFORE = re.compile(_AFFILIATION + r"\s*,\s*(?:\d+\s*,\s*)?")
# "Ann Roe, a retired coroner," / "..., the coroner." - an appositive closed by punctuation, not the start of a
# new clause ("According to Roe, the company will ...").
_DESCRIBED = re.compile(r",\s+(?:\d+\s*,\s+)?(?:a|an|the)\s+([^,.;:!?()]{1,60})(?=\s*[,.;:!?()]|\s*$)")
# The titles run right before a name: "Detective Chief Inspector Ann Roe" -> detective, chief, inspector.
_TITLE_RUN = re.compile(r"((?:[A-Z][a-z]+\.?[ \t]+){1,4})$")

_PERSON = "PERSON"
_GROUP_LABELS = ("ORG", "GPE", "NORP")
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def _head_words(name: str) -> set[str]:
    words = re.findall(r"[\w’'-]+", name.lower())
    if not words:
        return set()
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])  # Bank of England -> bank
    return heads | {head[:-1] if head.endswith("s") else head + "s" for head in heads}


class Resolver:
    def __init__(self, text: str, entities: Sequence[Entity], ctx: Context) -> None:
        self.text = text
        self.ctx = ctx
        self.by_id = {entity.id: entity for entity in entities}
        mentions = []
        for entity in entities:
            for mention in entity.mentions:
                mentions.append((mention.start, mention.end, entity.id, mention.label or entity.label))
        mentions.sort()
        self.mentions = mentions
        self.mention_starts = [m[0] for m in mentions]
        self.heads = {entity.id: set().union(*(_head_words(name) for name in (entity.name, *entity.aliases)))
                      for entity in entities}
        self.surnames: dict[str, list[str]] = {}
        for entity in entities:
            for name in (entity.name, *entity.aliases):
                words = re.findall(r"[\w’'-]+", name)
                if words and (words[-1][0].isupper() or words[-1].rsplit("-", 1)[-1][:1].isupper()):
                    last = _strip_possessive(words[-1]).lower()
                    self.surnames.setdefault(last, []).append(entity.id)
                    if "-" in last:  # al-Assad is also "Assad"
                        self.surnames.setdefault(last.rsplit("-", 1)[1], []).append(entity.id)
        self.speakers: list[tuple[int, str]] = []  # (offset, entity id) of resolved speakers so far
        self.certainty = 1.0  # how sure the last resolve() was of its entity
        self._genders: dict[str, str | None] = {}
        self._voices: dict[int, bool] = {}  # mention index -> a voice of reported speech (_is_voice)
        self._roles: dict[str, list[tuple[int, str]]] | None = None  # role word -> names given it (_role_index)
        self._titled: set[str] = set()
        self._kinds: dict[str, set[str]] = {}  # people whose sex a title told (Mrs, Sir), not only a first name

    def label(self, entity_id: str) -> str:
        return self.by_id[entity_id].label

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        index = bisect.bisect_left(self.mention_starts, start - 200)
        found = []
        while index < len(self.mentions) and self.mentions[index][0] < end:
            mention = self.mentions[index]
            if mention[1] > start:
                found.append(mention)
            index += 1
        return found

    def resolve(self, start: int, end: int) -> str | None:
        """The entity the speaker phrase at text[start:end] stands for; ``certainty`` then says how sure the
        mapping is (1.0 for a name inside the phrase, less for a pronoun, a role or a spokesperson)."""
        self.certainty = 1.0
        found = None if _unnamed_source(TOKEN.findall(self.text, start, end)) else self._resolve(start, end)
        if found is None:
            self.certainty = 1.0
        return found

    def _resolve(self, start: int, end: int) -> str | None:
        text = self.text
        phrase = text[start:end]
        tokens = [t for t in TOKEN.finditer(phrase)]
        if not tokens:
            return None
        words = [t.group() for t in tokens]
        lower = [w.lower() for w in words]
        if len(words) == 1 and (lower[0] in SUBJECT_PRONOUNS or lower[0] in OBJECT_PRONOUNS):
            return self.pronoun(OBJECT_PRONOUNS.get(lower[0], lower[0]), start)
        overlap = [m for m in self.overlapping(start, end) if self.by_id[m[2]].label in _SPEAKER_LABELS]
        people = [m for m in overlap if self.label(m[2]) == _PERSON or m[3] == _PERSON]
        if people:
            return people[-1][2]  # the name at the end, after the roles
        head_index = len(words) - 1
        for index, word in enumerate(lower):
            if word in HEAD_ENDING_PREPOSITIONS and index > 0:
                head_index = index - 1
                break
        head_start = start + tokens[head_index].start()
        head_end = start + tokens[head_index].end()
        for mention in reversed(overlap):
            if mention[0] <= head_start and mention[1] >= head_end \
                    and self.label(mention[2]) in (*_GROUP_LABELS, "FAC"):
                return mention[2]
        head = lower[head_index]
        if head in SPOKESPEOPLE:
            # An unnamed spokesperson speaks for an organisation: the one named in the phrase, the "council"
            # of "a council spokesperson", else the organisation that spoke or was named last.
            self.certainty = CERTAIN_SPOKESPERSON
            found = self.organisation_in(start, end) or (
                self.nominal(_strip_possessive(lower[head_index - 1]), start) if head_index > 0 else None)
            if found is None and head_index == len(words) - 1:
                self.certainty = CERTAIN_GUESS
                found = self.recent(start, ("ORG",), ("ORG",), fits=lambda entity_id: not self._passing(entity_id))
            return found
        if head in DOCUMENT_NOUNS:
            owned = any(word.endswith(("’s", "'s", "s’", "s'")) for word in lower[:head_index])
            return self._document(start + tokens[head_index + 2].start() if head_index + 2 < len(tokens) else None,
                                  start, end, owned)
        if words[head_index].islower():
            # A role with the name beside it ("the chair of the judges, the broadcaster Ann Roe," / "Ann Roe, a
            # co-chair of ..."), or a role a person was given earlier ("coroner Ann Roe ... the coroner said").
            found = self.appositive_person(start, end)
            if found is not None:
                return found
            found = self.role_holder(head, start)
            if found is not None:
                self.certainty = CERTAIN_ROLE
                return found
        if words[head_index][0].isupper() and lower[0] not in ("the", "a", "an"):
            # A name the recogniser did not mark here: match it on its last word.
            found = self.by_surname(_strip_possessive(head), start)
            if found is not None:
                return found
        if lower[0] in ("the", "this", "that") and len(words) <= 4:
            self.certainty = CERTAIN_ROLE
            if head in PERSON_TITLES:
                return self.only_person_nearby(start)
            if head in ORGANISATION_REFERENCES and head_index >= 2 and lower[head_index - 1].isalpha():
                # "The water company" is the organisation named "... Water", before any company that spoke last.
                found = self.nominal(lower[head_index - 1], start, refer=False)
                if found is not None:
                    return found
            return self.nominal(_strip_possessive(head), start)
        return self._lede_role(start, end, lower, head)

    def _lede_role(self, start: int, end: int, lower: list[str], head: str) -> str | None:
        """A news lede names a role first and the person later: "A Labour MP has accused ministers of “…”" ...
        "said Ann Roe, the Labour MP for Eastmouth"."""
        article = _WORD_BEFORE.search(self.text, max(0, start - 4), start)
        if not (lower[0] in ("a", "an") or (article is not None and article.group(1).lower() in ("a", "an"))) \
                or len(lower) > 4 or not head.isalpha():
            return None
        found = self.role_holder_ahead(head, end)
        if found is not None:
            self.certainty = CERTAIN_ROLE
        return found

    def role_holder_ahead(self, role: str, after: int) -> str | None:
        """The first person given this role in the next ``ROLE_AHEAD`` sentences (a role the lede names before
        the person: "A Labour MP ..." then "Ann Roe, the Labour MP for Eastmouth")."""
        if role in ORGANISATION_REFERENCES or role in SPOKESPEOPLE:
            return None
        last = min(len(self.ctx.sentences) - 1, self.ctx.sentence_index(after) + ROLE_AHEAD)
        limit = self.ctx.sentences[last].end
        index = bisect.bisect_left(self.mention_starts, after)
        while index < len(self.mentions) and self.mentions[index][0] < limit:
            start, end, entity_id, _ = self.mentions[index]
            index += 1
            if self.label(entity_id) == _PERSON and not self.ctx.hidden.covers(start) \
                    and role in self._roles_of(start, end):
                return entity_id
        return None

    def appositive_person(self, start: int, end: int) -> str | None:
        """The person named right beside a role, set off by a comma: "the firm's director, Ann Roe," or
        "Ann Roe, the firm's director," (a few words may come first: ", the broadcaster Ann Roe")."""
        after = _APPOSITION_AFTER.match(self.text, end)
        if after is not None:
            for mention in self.overlapping(after.end(), after.end() + 40):
                if mention[0] >= after.end() and self._person_like(mention[2]):
                    if not re.search(r"[,.;:!?()]", self.text[after.end():mention[0]]):
                        return mention[2]
                    break
        index = bisect.bisect_left(self.mention_starts, start) - 1
        while index >= 0 and self.mentions[index][0] > start - 120:
            _, mention_end, entity_id, _ = self.mentions[index]
            if self.label(entity_id) == _PERSON and _APPOSITION_BEFORE.fullmatch(self.text, mention_end, start):
                return entity_id
            index -= 1
        return None

    def _person_like(self, entity_id: str) -> bool:
        """A person, or a name the recogniser took for an organisation that reads as a person's: a known first
        name and a capitalised surname, no organisation word ("the broadcaster Martin Ekwueme-Hale")."""
        if self.label(entity_id) == _PERSON:
            return True
        words = self.by_id[entity_id].name.split()
        return self.label(entity_id) == "ORG" and len(words) in (2, 3) and first_name_gender(words[0]) is not None \
            and all(word[:1].isupper() for word in words) \
            and not any(word.lower() in ORGANISATION_REFERENCES or word.lower() in COMPANY_NAME_ENDINGS
                        for word in words)

    def role_holder(self, role: str, before: int) -> str | None:
        """The person last introduced with this role word: "Senior coroner Ann Roe ... the coroner said". A role
        is kept through an article, so the whole text before is searched, nearest first."""
        if role in ORGANISATION_REFERENCES:
            return None  # "the company", "the group": an organisation, never a person described as one
        holders = self._role_index().get(role, [])
        index = bisect.bisect_left(holders, (before, "")) - 1
        return holders[index][1] if index >= 0 else None

    def _role_index(self) -> dict[str, list[tuple[int, str]]]:
        """role word -> (start, entity id) of every name given that role, in text order; made once, on demand.

        Asked of each name for each role (a scan of every name before each "the coroner said"), the search
        grew with the article's length times its role references: seconds on a 100,000-word article.
        """
        if self._roles is None:
            self._roles = {}
            for start, end, entity_id, _ in self.mentions:
                # A name the recogniser took for an organisation is still the coroner of "coroner Ann Roe".
                if self.ctx.hidden.covers(start) or self.label(entity_id) not in (_PERSON, "ORG"):
                    continue
                for role in self._roles_of(start, end):
                    self._roles.setdefault(role, []).append((start, entity_id))
        return self._roles

    def _roles_of(self, start: int, end: int) -> set[str]:
        """The role words the name at text[start:end] is given: "coroner Ann Roe", "Detective Chief Inspector Ann
        Roe" (any word of the titles run before it), "Their striker, Ann Roe,", "Ann Roe, the coroner,"."""
        roles: set[str] = set()
        word = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
        if word is not None:
            roles.add(word.group(1).lower())
        appositive = _ROLE_BEFORE_COMMA.search(self.text, max(0, start - 30), start)
        if appositive is not None:
            roles.add(appositive.group(1).lower())
        titles = _TITLE_RUN.search(self.text, max(0, start - 50), start)
        if titles is not None:
            roles.update(titles.group(1).lower().replace(".", " ").split())
        described = _DESCRIBED.match(self.text, end)
        if described is not None:
            roles.update(_WORD.findall(described.group(1).lower()))
        return roles

    def only_person_nearby(self, offset: int) -> str | None:
        """"the prime minister said" right after "Boris Johnson has said": the one person named in
        this and the previous two sentences, outside quotations; nobody when there are two."""
        floor = self.ctx.sentences[max(0, self.ctx.sentence_index(offset) - 2)].start
        people = set()
        index = bisect.bisect_left(self.mention_starts, offset) - 1
        while index >= 0 and self.mentions[index][0] >= floor:
            start, _, entity_id, _ = self.mentions[index]
            if self.label(entity_id) == _PERSON and not self.ctx.hidden.covers(start):
                people.add(entity_id)
            index -= 1
        return people.pop() if len(people) == 1 else None

    def organisation_in(self, start: int, end: int) -> str | None:
        for mention in reversed(self.overlapping(start, end)):
            if self.label(mention[2]) in ("ORG", "GPE") and mention[0] >= start:
                return mention[2]
        return None

    def by_surname(self, word: str, before: int) -> str | None:
        ids = self.surnames.get(word)
        if not ids:
            return None
        best = None
        for entity_id in dict.fromkeys(ids):
            entity = self.by_id[entity_id]
            previous = [m.start for m in entity.mentions if m.start < before]
            key = (entity.label == _PERSON, max(previous) if previous else -1)
            if best is None or key > best[0]:
                best = (key, entity_id)
        return best[1] if best else None

    def nominal(self, head: str, before: int, refer: bool = True) -> str | None:
        """the army -> the most recent entity named "... army"; the group -> the last group that spoke
        (unless not ``refer``)."""
        index = bisect.bisect_left(self.mention_starts, before) - 1
        while index >= 0:
            entity_id = self.mentions[index][2]
            if self.label(entity_id) != _PERSON and head in self.heads[entity_id]:
                return entity_id
            index -= 1
        if head in ORGANISATION_REFERENCES and refer:
            return self.recent(before, ("ORG",), ("ORG",), fits=lambda entity_id: self.fits(head, entity_id))
        return None

    def fits(self, head: str, entity_id: str) -> bool:
        """Can "the <head>" refer to this organisation? Yes unless the text says it is of another kind
        ("Campaign group Fair Looms Alliance" is no company; "Orwin Fabrics Ltd" is no council)."""
        if self._passing(entity_id):
            return False
        family = ORGANISATION_FAMILIES.get(head)
        if family is None:
            return True
        families = self._families(entity_id)
        return not families or family in families

    def _families(self, entity_id: str) -> set[str]:
        """The kinds of organisation the text gives an entity: a kind noun before a mention ("rights group X",
        "the supermarket chain X"), in an appositive after it (", a Leeds retailer,"), or its name's ending."""
        if entity_id in self._kinds:
            return self._kinds[entity_id]
        entity = self.by_id[entity_id]
        found: set[str] = set()
        words = re.findall(r"[\w’'-]+", entity.name.lower())
        if words and words[-1] in ORGANISATION_FAMILIES:
            found.add(ORGANISATION_FAMILIES[words[-1]])  # "Fair Looms Alliance", "Harlow Council"
        elif words and words[-1] in COMPANY_NAME_ENDINGS and words[-1] not in ORGANISATION_REFERENCES:
            found.add("commercial")  # "Telvane Motors", "Arvik Pharma"
        for mention in entity.mentions:
            before = _KIND_BEFORE.search(self.text, max(0, mention.start - 40), mention.start)
            nouns = before.group(1).lower().split() if before else []
            described = _DESCRIBED.match(self.text, mention.end)
            if described is not None:
                nouns += described.group(1).lower().split()[-1:]
            found.update(ORGANISATION_FAMILIES[noun] for noun in nouns if noun in ORGANISATION_FAMILIES)
        self._kinds[entity_id] = found
        return found

    def pronoun(self, word: str, offset: int) -> str | None:
        if word in PERSON_PRONOUNS:
            return self.person_pronoun(_PRONOUN_GENDER[word], offset)
        self.certainty = CERTAIN_ROLE
        if word == "it":
            # "It" is an organisation or a country; a nationality adjective (Russian) hardly ever.
            return self.recent(offset, _GROUP_LABELS, ("ORG", "GPE"))
        if word == "they":
            return self.recent(offset, _GROUP_LABELS, ("ORG", "NORP", "GPE"))
        return None  # I, we, you: the speaker is inside a quotation, not named here

    def person_pronoun(self, gender: str, offset: int) -> str | None:
        """He/she: a person of matching sex named in this sentence before the pronoun, else in each sentence
        before it, up to ``MENTION_LOOKBACK`` back; else the most recent matching speaker.

        Within a sentence the first name is taken, not the nearest: news puts the subject first ("Race
        director Wendy Purcell said entries had doubled ... “…,” she said"); a name whose sex is known to
        match beats one whose sex is unknown, and a name after a preposition ("turned to Kowal's saves",
        "writing on Instagram") is only taken when no sentence in reach has a better one. A name of the
        other sex is never the antecedent.
        """
        sentence = self.ctx.sentence_index(offset)
        fallback = None
        others: set[str] = set()  # the people in reach whose first name says the other sex
        for index in range(sentence, max(-1, sentence - MENTION_LOOKBACK - 1), -1):
            span = self.ctx.sentences[index]
            best: tuple[tuple[bool, bool, bool], str] | None = None
            # "He had met the local MP, Ann Roe, on Friday": a he/she before the names is this sentence's
            # subject, and refers further back; the names after it are others.
            chained = self._pronoun_before(gender, span.start, min(span.end, offset)) if index < sentence else None
            described = self._described_subject(gender, span.start, min(span.end, offset))
            if described is not None:
                self.certainty = CERTAIN_ROLE
                return described
            position = bisect.bisect_left(self.mention_starts, span.start)
            stop = min(span.end, offset, chained if chained is not None else offset)
            while position < len(self.mentions) and self.mentions[position][0] < stop:
                start, mention_end, entity_id, _ = self.mentions[position]
                position += 1
                if self.label(entity_id) != _PERSON or self.ctx.hidden.covers(start):
                    continue
                sex = self.gender(entity_id)
                if sex not in (None, gender):
                    # Only a subject of this sentence or the one before may be taken against its first name.
                    others.add(entity_id if index >= sentence - 1 and not self._after_preposition(start) else "")
                    continue
                # "Tom Roe's former partner, Ann Lee, told ...": the possessor is not the subject.
                key = (self._after_preposition(start), _POSSESSIVE.match(self.text, mention_end) is not None,
                       sex is None)
                if best is None or key < best[0]:
                    best = (key, entity_id)
            if best is not None:
                if not best[0][0]:
                    self.certainty = CERTAIN_PRONOUN if not best[0][2] else CERTAIN_ROLE
                    return best[1]
                fallback = fallback or best[1]
        self.certainty = CERTAIN_GUESS
        if fallback is not None:
            return fallback
        floor = self.ctx.sentences[max(0, sentence - PRONOUN_LOOKBACK)].start
        for position, entity_id in reversed(self.speakers):
            if position < floor:
                break
            if position < offset and self.label(entity_id) == _PERSON and self.gender(entity_id) in (None, gender):
                return entity_id
        if len(others) == 1:
            # Nobody of this sex anywhere near, and one person whose sex only a first name suggested: Andrea,
            # Jean, Nicola go both ways across languages, so "he" is that person only when the text itself says
            # so with pronouns ("At his press conference, coach Andrea Ricci ... linking him with the job").
            (only,) = others
            if only and only not in self._titled and self._pronoun_clues(only) == {gender}:
                return only
        return self._named_later(gender, offset)

    def _named_later(self, gender: str, offset: int) -> str | None:
        """A feature's lede may say "she" before naming anyone ("The woman at the desk ... “…,” she said. Her
        name is Ann Roe"): when nobody at all is named before the pronoun, the first person of that sex named
        in the next few sentences."""
        index = bisect.bisect_left(self.mention_starts, offset)
        if any(self.label(entity_id) == _PERSON and not self.ctx.hidden.covers(start)
               for start, _, entity_id, _ in self.mentions[:index]):
            return None
        last = min(len(self.ctx.sentences) - 1, self.ctx.sentence_index(offset) + NAMED_AHEAD)
        limit = self.ctx.sentences[last].end
        while index < len(self.mentions) and self.mentions[index][0] < limit:
            start, _, entity_id, _ = self.mentions[index]
            index += 1
            if self.label(entity_id) == _PERSON and not self.ctx.hidden.covers(start):
                return entity_id if self.gender(entity_id) in (None, gender) else None
        return None

    def _described_subject(self, gender: str, start: int, end: int) -> str | None:
        """"The striker was thrilled. “…,” he said": a sentence whose subject is a role ("The striker", "The
        young striker") is about the person introduced with that role, before any name later in it."""
        if self.ctx.hidden.covers(start):
            return None
        match = _DESCRIPTION.match(self.text, start, end)
        if match is None:
            return None
        for role in match.group(1).split():
            if role in ORGANISATION_REFERENCES or role in SPOKESPEOPLE:
                return None
            found = self.role_holder(role, start)
            if found is not None and self.label(found) == _PERSON:
                return found if self.gender(found) in (None, gender) else None
        return None

    def _pronoun_before(self, gender: str, start: int, end: int) -> int | None:
        """Where a he/she of this sex stands between ``start`` and ``end``, outside quotations."""
        for match in _PRONOUNS[gender].finditer(self.text, start, end):
            if not self.ctx.hidden.covers(match.start()):
                return match.start()
        return None

    def _after_preposition(self, start: int) -> bool:
        before = _WORD_BEFORE.search(self.text, max(0, start - 16), start)
        return before is not None and before.group(1).lower() in PREPOSITIONS

    def gender(self, entity_id: str) -> str | None:
        """A person's sex as the text lets one tell it: a title before a mention (Mrs, Sir), else a first
        name most people given it share; None when unknown or when the clues disagree."""
        if entity_id in self._genders:
            return self._genders[entity_id]
        entity = self.by_id[entity_id]
        clues = set()
        for mention in entity.mentions:
            before = _TITLE_BEFORE.search(self.text, max(0, mention.start - 14), mention.start)
            title = before.group(1).lower() if before else ""
            if title in FEMALE_TITLES:
                clues.add("f")
                self._titled.add(entity_id)
            elif title in MALE_TITLES:
                clues.add("m")
                self._titled.add(entity_id)
        words = [word for word in re.findall(r"[\w’'-]+", entity.name) if word.lower() not in PERSON_TITLES]
        if len(words) >= 2:  # a lone word may be a surname: "Owen" says nothing about "Michael Owen"
            sex = first_name_gender(words[0])
            if sex is not None:
                clues.add(sex)
        found = clues.pop() if len(clues) == 1 else None
        self._genders[entity_id] = found
        return found

    def _pronoun_clues(self, entity_id: str) -> set[str]:
        """The sexes of the third-person pronouns, outside quotations, in the sentences that name this person
        and nobody else."""
        clues: set[str] = set()
        for mention in self.by_id[entity_id].mentions:
            if self.ctx.hidden.covers(mention.start):
                continue
            span = self.ctx.sentence(mention.start)
            if any(self.label(other) == _PERSON and other != entity_id
                   for _, _, other, _ in self.overlapping(span.start, span.end)):
                continue
            for match in _ANY_PRONOUN.finditer(self.text, span.start, span.end):
                if not self.ctx.hidden.covers(match.start()):
                    clues.add(_PRONOUN_SEX[match.group().lower()])
        return clues if len(clues) == 1 else set()

    def recent(self, offset: int, speaker_labels: tuple[str, ...], mention_labels: tuple[str, ...],
               fits: Callable[[str], bool] | None = None) -> str | None:
        """The most recent compatible speaker within a few sentences, else the most recent compatible
        mention outside quotations in the last three sentences, in the order of ``mention_labels``; ``fits``
        may rule some out."""
        sentence = self.ctx.sentence_index(offset)
        floor = self.ctx.sentences[max(0, sentence - PRONOUN_LOOKBACK)].start
        for _, entity_id in reversed(self._speakers_and_voices(floor, offset)):
            if self.label(entity_id) in speaker_labels and (fits is None or fits(entity_id)):
                return entity_id
        floor = self.ctx.sentences[max(0, sentence - 3)].start
        best: tuple[int, str] | None = None
        index = bisect.bisect_left(self.mention_starts, offset) - 1
        while index >= 0 and self.mentions[index][0] >= floor:
            start, _, entity_id, _ = self.mentions[index]
            label = self.label(entity_id)
            if label in mention_labels and not self.ctx.hidden.covers(start) and (fits is None or (
                    fits(entity_id) and not self._outsiders_of(start))):
                rank = mention_labels.index(label)
                if best is None or rank < best[0]:
                    best = (rank, entity_id)
                if rank == 0:
                    break
            index -= 1
        return best[1] if best else None


    def _document(self, owner: int | None, start: int, end: int, owned: bool) -> str | None:
        """"a statement from the company" is the company's (``owner``: where "the company" starts), and nobody's
        when "the company" is nobody we know; "the family's statement" is the family's, if named; "the letter
        said" is whoever wrote or spoke last."""
        if owner is not None:
            return self._resolve(owner, end)
        if owned:
            return self.organisation_in(start, end) or next(
                (m[2] for m in self.overlapping(start, end) if m[0] >= start and self.label(m[2]) == _PERSON), None)
        self.certainty = CERTAIN_ROLE
        return self.last_voice(start)

    def last_voice(self, offset: int) -> str | None:
        """Whoever spoke or wrote last, a few sentences back at most: a quote's speaker, or the subject of a
        reporting verb outside quotations ("Mrs Roe wrote to parents again. “…,” the letter said")."""
        floor = self.ctx.sentences[max(0, self.ctx.sentence_index(offset) - PRONOUN_LOOKBACK)].start
        for _, entity_id in reversed(self._speakers_and_voices(floor, offset)):
            if self.label(entity_id) in (_PERSON, *_GROUP_LABELS):
                return entity_id
        return None

    def _speakers_and_voices(self, floor: int, offset: int) -> list[tuple[int, str]]:
        """The quotes' speakers and the voices of reported speech at [floor, offset), in text order.

        Only the window asked for is looked at: each name's voice is found once, when first in a window
        (tokenising every sentence of a long article for it cost ~1 s per 100,000 words).
        """
        speakers = [item for item in self.speakers if floor <= item[0] < offset]
        index = bisect.bisect_left(self.mention_starts, floor)
        voices = []
        while index < len(self.mentions) and self.mentions[index][0] < offset:
            if self._is_voice(index):
                voices.append((self.mentions[index][0], self.mentions[index][2]))
            index += 1
        return sorted(speakers + voices)

    def _is_voice(self, index: int) -> bool:
        """Is the name ``self.mentions[index]`` outside quotations the subject of a reporting verb: "Mara Tea
        said it had hired ...", "The owner, Mara Tea, said ...", "Mara Tea, the owner, has said ..."?"""
        known = self._voices.get(index)
        if known is None:
            start, end, entity_id, _ = self.mentions[index]
            known = (self.label(entity_id) in _SPEAKER_LABELS and not self.ctx.hidden.covers(start)
                     and not self._cut_place(start, entity_id) and not self._outsiders_of(start)
                     and self._reports_after(end))
            self._voices[index] = known
        return known

    def _passing(self, entity_id: str) -> bool:
        """An organisation named only as where commentators work ("analysts at Morrow Keane"): never the
        story's "company"."""
        starts = [mention.start for mention in self.by_id[entity_id].mentions
                  if not self.ctx.hidden.covers(mention.start)]
        return bool(starts) and all(self._outsiders_of(start) for start in starts)

    def _outsiders_of(self, start: int) -> bool:
        """"Analysts at Morrow Keane said": the analysts speak, about the story's organisation, not for the firm
        that employs them; a later "the company said" is not that firm."""
        before = _GROUP_AT.search(self.text, max(0, start - 40), start)
        return before is not None and before.group(1).lower() in GENERIC_STARTS

    def _cut_place(self, start: int, entity_id: str) -> bool:
        """A place glued to a capitalised word before it is the end of a longer name the recogniser cut
        ("Athletics Kenya said"): no voice of its own."""
        if self.label(entity_id) not in ("GPE", "NORP", "LOC"):
            return False
        before = _WORD_BEFORE.search(self.text, max(0, start - 30), start)
        return before is not None and before.group(1)[0].isupper() and before.end() == start \
            and self.text[before.end(1):start] == " "

    def _reports_after(self, end: int) -> bool:
        reach = min(len(self.text), end + VOICE_REACH)
        # Most names have no reporting verb in reach: a word scan of the raw text rules them out before their
        # sentences are tokenised (which, for every name of a 100,000-word article, cost more than a second).
        if not any(word.lower() in CUE_WORDS for word in _WORD.findall(self.text, end, reach)):
            return False
        tokens = self.ctx.tokens(end, reach)
        index = 0
        if tokens and tokens[0].text in ("’s", "'s"):
            return False  # "Mara Tea's owner said": the owner speaks
        if tokens and tokens[0].text == ",":
            if len(tokens) > 1 and cue_at(tokens, 1) is not None:
                return True  # "The owner, Mara Tea, said"
            # "Mara Tea, the owner of the factory, said": the appositive ends at the next comma.
            for position in range(1, min(len(tokens), 14)):
                if tokens[position].text in ".;:!?“”\"":
                    return False
                if tokens[position].text == ",":
                    index = position + 1
                    break
            else:
                return False
        while index < len(tokens) and tokens[index].lower in BETWEEN_SUBJECT_AND_VERB:
            index += 1
        return index < len(tokens) and tokens[index].start - end < VOICE_REACH and cue_at(tokens, index) is not None


def _unnamed_source(words: list[str]) -> bool:
    """"a source close to the player", "people familiar with the talks": nobody named, whoever is named after
    them ("According to a source close to the player, Kai Roe ...")."""
    return any(words[at].lower() in SOURCE_ADJECTIVES and words[at - 1].islower()
               for at in range(1, min(4, len(words))))


def _strip_possessive(word: str) -> str:
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word
