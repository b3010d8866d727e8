"""Boundaries: no leading article, title or sentence-initial ordinary word ("Losing Hama"), no
trailing possessive or lower-case noun ("Hama city")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lexicon import alternation
from ..lexicon.first_names import first_name_gender
from ..lexicon.gazetteers import Gazetteer
from ..lexicon.name_forms import NAME_INNER_WORDS, POST_NOMINALS, POST_NOMINALS_BEFORE_NAMES
from ..lexicon.names import HONORIFICS, NAME_PARTICLES, OCCUPATIONS, OFFICES, PERSON_TITLES
from ..lexicon.organisations import (
    COMPANY_NAME_ENDINGS,
    MEDIA_NAME_ENDINGS,
    ORGANISATION_HEADS_NOT_SURNAMES,
    ORGANISATION_NAME_HEADS,
)
from ..model import RawMention, Span
from .common import NAME_LABELS, NAME_WORD, PLACE_LABELS, TOKEN, Candidate, strip_edges
from .quantities import money_bounds, quantity_label
from .sports import SCORE

# ... and "Hossam" + " el-Sayed" through a hyphenated one.
PARTICLE_TAIL = re.compile(r"(?:[ \t]+(?:" + alternation(NAME_PARTICLES) + r"))+(?:[ \t]+|[-‐])[A-Z][\w'’-]*")
# Text before a word that opens a clause as a sentence's start does: an opening quotation mark, a colon, a dash.
_OPENS_CLAUSE = re.compile(r"(?:^|[\"“‘(:—–]|\s[-'])\s*$")
# A sentence's end right before a word: "... $92m. The World Food Programme" (whatever the splitter said).
_AFTER_FULL_STOP = re.compile(r"[.!?][\"”’)]?\s+$")
# Labels whose names may hold any lower-case word ("Still Life with Lemons").
_FREE_FORM = frozenset({"WORK_OF_ART", "LAW", "EVENT"})


def sentence_starts(text: str, sentences: Sequence[Span]) -> frozenset[int]:
    """Offsets where a sentence's first word starts (after any opening quote or bracket)."""
    starts = set()
    for sentence in sentences:
        position = sentence.start
        while position < sentence.end and not text[position].isalnum():
            position += 1
        starts.add(position)
    return frozenset(starts)


def clean(text: str, raw: RawMention, sentence_starts: frozenset[int], gazetteer: Gazetteer,
           mid_sentence: frozenset[str]) -> Candidate | None:
    start, end, label = raw.start, raw.end, raw.label
    start, end = strip_edges(text, start, end)
    if label == "MONEY":
        start, end = money_bounds(text, start, end)
    if label not in NAME_LABELS:
        kept = quantity_label(text[start:end], label) if end > start else None
        return Candidate(start, end, kept, raw.source) if kept else None
    if label not in _FREE_FORM:
        start, end = _cut_at_list(text, start, end, label)
    while True:
        tokens = [(m.start() + start, m.end() + start) for m in TOKEN.finditer(text[start:end])]
        if len(tokens) < 2:
            break
        first = text[tokens[0][0]:tokens[0][1]]
        bare = first.rstrip(".").lower()
        sentence_initial = tokens[0][0] in sentence_starts
        rest = [text[a:b] for a, b in tokens[1:]]
        opens = sentence_initial or _AFTER_FULL_STOP.search(text, max(0, start - 4), start) is not None
        if bare in {"the", "a", "an"} and (first.islower() or opens or label in PLACE_LABELS | {"NORP", "PERSON"}):
            start = tokens[1][0]  # "the Defence Companies" -> "Defence Companies"
        elif bare in PERSON_TITLES and label == "PERSON" and text[tokens[1][0]].isupper():
            start = tokens[1][0]  # "President Bashar Al Assad" -> "Bashar Al Assad"
        elif label in {"PERSON", "ORG"} and _person_shaped(rest) and first[:1].isupper() and (
                bare in HONORIFICS | OCCUPATIONS | POST_NOMINALS_BEFORE_NAMES
                or (gazetteer.norp.get(first) == first
                    and (label == "PERSON" or not gazetteer.is_common_word(rest[0])))):
            # "Organiser Priya Sethi", "MEP Kadri Mets", "American Coco Whitlock": a role or a nationality
            # before a person's name, which the model took for an organisation's.
            start, label = tokens[1][0], "PERSON"
        elif sentence_initial and gazetteer.starts_no_name(first) and first[:1].isupper():
            start = tokens[1][0]  # "Losing Hama" -> "Hama" (but "Bill Gates" stays whole)
        else:
            break
    title = None
    if label == "PERSON":
        start, end = _person_in_run(text, start, end)
        start, title = _office_before_name(text, start, end, gazetteer)
    # Trailing lower-case words are not part of a name: "Hama city", "Hama central"; nor are letters after
    # a person's name ("Sophie Lindqvist KC").
    tokens = [(m.start() + start, m.end() + start) for m in TOKEN.finditer(text[start:end])]
    while len(tokens) > 1 and (text[tokens[-1][0]].islower() or SCORE.fullmatch(text, *tokens[-1])):
        tokens.pop()  # ... nor a score after a club's or a player's name ("Hull 3-1"); a number may be ("Falcon 9")
        end = tokens[-1][1]
    last = text[slice(*tokens[-1])].rstrip(".,")
    if label in {"PERSON", "ORG"} and len(tokens) > 2 and last.lower() in POST_NOMINALS and last[:2].isupper() \
            and _person_shaped([text[a:b] for a, b in tokens[:-1]]):
        tokens.pop()
        end, label = tokens[-1][1], "PERSON"
    if label == "PERSON":
        tail = PARTICLE_TAIL.match(text, end)
        if tail:
            end = tail.end()
    start, end = strip_edges(text, start, end)
    if end <= start:
        return None
    surface = text[start:end]
    if not any(char.isupper() for char in surface[:1]) and not surface[:1].isdigit():
        return None  # names start with a capital; "hundreds" or "leader" are not names
    opening = start in sentence_starts or _OPENS_CLAUSE.search(text, max(0, start - 3), start) is not None
    if opening and " " not in surface and (gazetteer.is_common_word(surface) or surface.lower() in
                                           gazetteer.function_words) \
            and surface not in gazetteer.norp and surface not in mid_sentence:
        return None  # "Interventions", "Armed", “Thank you”: an ordinary word that only starts a sentence
    words = [word.rstrip(".").lower() for word in surface.split()]
    if (len(words) == 1 and words[0] in PERSON_TITLES | POST_NOMINALS) \
            or (len(words) == 2 and words[1] in HONORIFICS and gazetteer.is_common_word(words[0])):
        return None  # "Sen", "MP", "Former Gov": a title is no name
    return Candidate(start, end, label, raw.source, title)


def _office_before_name(text: str, start: int, end: int, gazetteer: Gazetteer) -> tuple[int, str | None]:
    """"County Clerk Martha Eckert", "Deputy Chief Constable Ann Roe", "Acting Principal Tom Hale": an office's
    name, capitalised words (an ordinary word or a title among them), before a person's name (a known first
    name, or any name right after a title word). The person starts after it; the office is the person's
    title. Not "Mark Anthony Ross" (a first name is no office's word)."""
    tokens = [(m.start() + start, m.end() + start) for m in TOKEN.finditer(text[start:end])]
    words = [text[a:b] for a, b in tokens]
    previous = [word for word in text[max(0, start - 24):start].split()[-1:] if word[:1].isupper()]
    for index in range(1, len(words) - 1):
        prefix = words[:index]
        if not all(word[:1].isupper() and not word.isupper() and first_name_gender(word) is None for word in prefix):
            return start, None
        if not any(gazetteer.is_common_word(word) or word.rstrip(".").lower() in PERSON_TITLES
                   for word in prefix + previous[-1:]):
            continue  # ("Constable" of "Deputy Chief Constable": the office began before the mention)
        name = words[index:]
        if _person_shaped(name) and not any(gazetteer.is_common_word(word) and first_name_gender(word) is None
                                            for word in name[:1]) \
                and (first_name_gender(name[0]) is not None or prefix[-1].rstrip(".").lower() in PERSON_TITLES):
            return tokens[index][0], " ".join(prefix)
    return start, None


def capitalised_mid_sentence(text: str) -> frozenset[str]:
    """Words written capitalised after a lower-case word or a comma: names, not sentence openers."""
    return frozenset(re.findall(r"(?<=[a-z,;] )[A-Z][\w'’-]*", text))


def title_before(text: str, start: int) -> str | None:
    """The title written right before a name: "President", "Mr", "Prime Minister"."""
    words = text[max(0, start - 40):start].split()
    title: list[str] = []
    while words and words[-1].rstrip(".").lower() in PERSON_TITLES and words[-1][:1].isupper():
        title.insert(0, words.pop())
    return " ".join(title) or None



def _person_in_run(text: str, start: int, end: int) -> tuple[int, int]:
    """A person's name after a title inside a longer capitalised run: "Environment Minister Marina Silva"."""
    tokens = [(m.start() + start, m.end() + start) for m in TOKEN.finditer(text[start:end])]
    words = [text[a:b] for a, b in tokens]
    for index in range(len(words) - 3, 0, -1):
        if words[index].rstrip(".").lower() in HONORIFICS | OFFICES and words[index][:1].isupper() \
                and _person_shaped(words[index + 1:]):
            return tokens[index + 1][0], end
    return start, end


def split_affiliations(text: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """"Benedict Osei of Carver Lyle" read as one person: the person ("Benedict Osei", a known first name and
    one or two more name words) and what they are of, an organisation or a place (typed later)."""
    result: list[RawMention] = []
    for mention in raw:
        if mention.label == "PERSON" and " of " in text[mention.start:mention.end]:
            tokens = [(m.start() + mention.start, m.end() + mention.start)
                      for m in TOKEN.finditer(text[mention.start:mention.end])]
            words = [text[a:b] for a, b in tokens]
            index = words.index("of") if "of" in words else 0
            if 2 <= index <= 3 and _person_shaped(words[:index]) and first_name_gender(words[0]) is not None \
                    and index + 1 < len(words) and words[index + 1][:1].isupper():
                result.append(RawMention(mention.start, tokens[index - 1][1], "PERSON", mention.source))
                result.append(RawMention(tokens[index + 1][0], mention.end, "ORG", mention.source))
                continue
        result.append(mention)
    return result


# A clock time opening a live blog's entry, with its separator: "9:30 p.m. - ", "11:20 ", "10.45am: ".
_CLOCK_PREFIX = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ \t]*[ap]\.?[ \t]?m\b\.?)?"
                           r"(?:[ \t]+(?:GMT|BST|UTC|ET|EST|EDT|CET|PT))?[ \t]*(?:[-–—:|][ \t]*)?(?=[A-Z])")


def split_clock_times(text: str, raw: Sequence[RawMention]) -> list[RawMention]:
    """"9:30 p.m. - Ruiz" (read as one time) and "08:15 - Garcia" (read as one person): the time of a live
    blog's entry and the name after it are two mentions; the name's label is the model's if it gave a name's,
    else a person's for a few capitalised words and an organisation's for more ("Western Power Grid")."""
    result: list[RawMention] = []
    for mention in raw:
        prefix = _CLOCK_PREFIX.match(text, mention.start, mention.end) \
            if mention.label in NAME_LABELS | {"TIME", "DATE"} else None
        if prefix is None or prefix.end() >= mention.end:
            result.append(mention)
            continue
        result.append(RawMention(mention.start, _before(text, mention.start, prefix.end()), "TIME", mention.source))
        label = mention.label
        if label not in NAME_LABELS:
            words = text[prefix.end():mention.end].split()
            label = "PERSON" if len(words) <= 3 and all(word[:1].isupper() for word in words) else "ORG"
        result.append(RawMention(prefix.end(), mention.end, label, mention.source))
    return result


# A dateline: a place in capitals opening a paragraph, before a comma, an agency in brackets or a dash.
_DATELINE = re.compile(r"^[ \t]*([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,2})(?=,|[ \t]*\(|[ \t]+[-–—])", re.M)


def datelines(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """"LONDON (Reuters) -", "NAIROBI, Kenya —": the dateline's place, which a model may leave out or call an
    organisation; only a place the gazetteer knows ("BREAKING NEWS -" is none)."""
    found: list[Candidate] = []
    for match in _DATELINE.finditer(text):
        place = gazetteer.place(match.group(1).title()) if match.group(1) not in gazetteer.orgs else None
        if place is not None:
            found.append(Candidate(match.start(1), match.end(1), place.label, "known"))
    return found


def _person_shaped(words: list[str]) -> bool:
    """Two or three capitalised words (and particles), none an organisation's last word: "Priya Sethi"."""
    words = [word for word in words if word not in NAME_PARTICLES]
    return 2 <= len(words) <= 3 and all(word[:1].isupper() and not word.isupper() for word in words) \
        and words[-1].lower() not in ORGANISATION_NAME_HEADS | COMPANY_NAME_ENDINGS | MEDIA_NAME_ENDINGS


def _cut_at_list(text: str, start: int, end: int, label: str) -> tuple[int, int]:
    """A name ends before a lower-case word that cannot sit inside one ("Premier League deserves Matheus")
    and, except a place's ("Portland, Oregon"), before a comma ("Station Road, Polwith")."""
    if label not in {"GPE", "LOC"}:
        comma = text.find(",", start, end)
        if comma != -1:
            end = comma
    for match in TOKEN.finditer(text, start, end):
        word = match.group()
        if match.start() > start and word[:1].islower() and word.lower() not in NAME_INNER_WORDS | NAME_PARTICLES:
            return start, _before(text, start, match.start())
    return start, end


def _before(text: str, start: int, position: int) -> int:
    while position > start and text[position - 1].isspace():
        position -= 1
    return position


# "Harrogate and " + "District NHS Foundation Trust": one or two capitalised words and "and" before an
# organisation's name that the model cut at the conjunction.
_JOINED_BEFORE = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*[ \t]+){1,2})(?:and|&)[ \t]+$")
# "UN Office" + " for the Coordination of Humanitarian Affairs": a remit after an organisation's head noun.
_REMIT_AFTER = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:(?:of|the|and|&|for|on)[ \t]+)*"
                          r"[A-Z][\w'’-]*)*")


def joined_organisations(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> bool:
    """Organisations' names the model cut at "and" or before "for": "Harrogate and District NHS Foundation
    Trust", "England and Wales Cricket Board", "UN Office for the Coordination of Humanitarian Affairs".
    Not after another organisation's one-word name ("Microsoft and Amazon Web Services"). True when a
    mention grew (it may now overlap others)."""
    heads = ORGANISATION_NAME_HEADS | ORGANISATION_HEADS_NOT_SURNAMES
    by_end = {m.end: m for m in mentions}
    grew = False
    for mention in mentions:
        if mention.label != "ORG":
            continue
        words = text[mention.start:mention.end].split()
        if words[-1].lower() not in heads:
            continue
        remit = _REMIT_AFTER.match(text, mention.end)
        if remit:
            mention.end, grew = remit.end(), True
        joined = _JOINED_BEFORE.search(text, max(0, mention.start - 40), mention.start)
        if joined is None:
            continue
        left = joined.group(1).split()
        while left and (left[0].lower() in gazetteer.function_words or left[0].rstrip(".").lower() in PERSON_TITLES):
            left = left[1:]
        if not left or any(word.lower() in gazetteer.function_words for word in left):
            continue
        start = joined.start(1) + joined.group(1).index(left[0])
        before = by_end.get(start + len(" ".join(left)))
        if before is not None and (before.label in {"ORG", "PRODUCT"} or before.start < start):
            continue  # "Microsoft and Amazon Web Services", "Brackwater City Council and Fenmore Council" are two
        mention.start, grew = start, True
    return grew


_AMPERSAND_NAME = re.compile(rf"(?<![\w'’&-]){NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,2}}[ \t]+&[ \t]+{NAME_WORD}"
                             rf"(?:[ \t]+{NAME_WORD}){{0,2}}")


def ampersand_names(text: str, sentence_starts: frozenset[int], gazetteer: Gazetteer) -> list[Candidate]:
    """"Faber & Faber", "Pellman & Sloane", "Freeman Fox & Partners": capitalised words joined by "&" name one
    firm (or one place: "Trinidad & Tobago"), not two; "Bed & Breakfast", all ordinary words, names nothing."""
    found: list[Candidate] = []
    if "&" not in text:
        return found
    for match in _AMPERSAND_NAME.finditer(text):
        start, end = match.start(), match.end()
        words = match.group().split()
        while words and words[0] != "&" and (words[0].lower() in gazetteer.function_words
                                             or (start in sentence_starts and gazetteer.starts_no_name(words[0]))):
            start = text.index(words[1], start + len(words[0]))
            words = words[1:]
        if not words or words[0] == "&" or all(gazetteer.is_common_word(w) for w in words if w != "&") \
                or len(words[0]) < 2 or len(words[words.index("&") + 1]) < 2:
            continue  # "Bed & Breakfast", "R & D"
        start, end = strip_edges(text, start, end)  # "Thread & Loom's" -> "Thread & Loom"
        place = gazetteer.place(" ".join(words))
        found.append(Candidate(start, end, place.label if place is not None else "ORG", "known"))
    return found


_NEXT_NAME_WORD = re.compile(rf"[ \t]+({NAME_WORD})(?![\w'’-])")


def extend_person_names(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> None:
    """"Iga" + " Świątek", "Pavel" + " Kučera": a person's name cut before a family name (a recogniser that
    reads only ASCII capitals); not over a place's, a group's or an ordinary word ("Ann Reed Monday")."""
    starts = {m.start for m in mentions}
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if not (mention.label == "PERSON" and surface.count(" ") < 2) and not (
                mention.label in NAME_LABELS and " " not in surface and first_name_gender(surface) is not None):
            continue
        following = _NEXT_NAME_WORD.match(text, mention.end)
        if following is None or following.start(1) in starts:
            continue
        word = following.group(1)
        if word.isascii() or gazetteer.is_common_word(word) or word.lower() in gazetteer.function_words \
                or gazetteer.place(word) is not None or word in gazetteer.norp or word in gazetteer.orgs:
            continue
        mention.end, mention.label = following.end(1), "PERSON"
