"""Raw mentions -> clean, consistently labelled mentions -> entities (alias clusters).

A small statistical model alone is not enough for a reader: it tags a city as an
organisation in one sentence and a place in the next, takes a religious minority for a
person, and drags "the" and "'s" into names. This stage fixes what can be fixed with
evidence from the whole article:

1. Boundaries: no leading article, title or sentence-initial ordinary word ("Losing
   Hama"), no trailing possessive or lower-case noun ("Hama city").
2. Labels: one name, one label per article, decided by the model's votes and the
   gazetteers (places, nationalities), unless the article itself shows the name is a
   person's (it ends a multi-word person name).
3. Recall: every other occurrence of a name already recognised is a mention too, and
   well-known places and nationalities are recognised on sight.
4. Institutions: a nationality followed by an institution noun ("Syrian army") is an
   organisation, so that quotes by "the army" have an entity to belong to.
5. Clusters: titles are not names ("Mr Assad" joins "Bashar Al Assad"); people who
   only share a family name stay apart; a bare family name joins the most salient
   person carrying it; acronyms join their expansions.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .lexicon import alternation
from .lexicon.gazetteers import Gazetteer, load_gazetteer
from .lexicon.names import CAPITALISED_RUN_CONNECTORS, NAME_PARTICLES, PERSON_TITLES
from .lexicon.organisations import INSTITUTION_NOUNS, ORGANISATION_NAME_HEADS
from .model import Block, Entity, Mention, RawMention, Span

NAME_LABELS = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
# Labels whose names may be extended to every other occurrence in the article.
PROPAGATED_LABELS = frozenset("PERSON NORP FAC ORG GPE LOC PRODUCT EVENT".split())
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

_TOKEN = re.compile(r"[^\s]+")
# "Ursula" + " von der Leyen": a person's name continues through lower-case particles.
_PARTICLE_TAIL = re.compile(r"(?:[ \t]+(?:" + alternation(NAME_PARTICLES) + r"))+[ \t]+[A-Z][\w'’-]*")
_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>,;:!?*•·|/\\—–-"
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_INSTITUTION_AFTER = re.compile(r"[ \t]+(" + alternation(INSTITUTION_NOUNS) + r")\b")
# A capitalised word ("Iranian-allied" yields "Iranian") or an initial/abbreviation ("J.", "U.S.");
# a full stop after an ordinary word ends the run, so runs never cross sentences.
_NAME_WORD = r"(?:[A-Z]\.(?:[A-Z]\.)*|[A-Z][\w'’]*(?:-[A-Z][\w'’]*)*)"
_RUN_CONNECTOR = alternation(CAPITALISED_RUN_CONNECTORS)
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-]){_NAME_WORD}(?:[ \t]+(?:(?:{_RUN_CONNECTOR})[ \t]+)?{_NAME_WORD})*")


@dataclass
class _Mention:
    """A mention being worked on (mutable until it becomes a model.Mention)."""

    start: int
    end: int
    label: str
    source: str
    title: str | None = None  # a title written just before it ("President", "Mr")


def build_entities(text: str, raw: Sequence[RawMention], sentences: Sequence[Span],
                   gazetteer: Gazetteer | None = None, blocks: Sequence[Block] = ()) -> list[Entity]:
    gazetteer = gazetteer or load_gazetteer()
    headings = [block for block in blocks if block.kind.startswith("h")]
    sentence_starts = _sentence_starts(text, sentences)
    mid_sentence = _capitalised_mid_sentence(text)
    mentions = [m for m in (_clean(text, r, sentence_starts, gazetteer, mid_sentence) for r in raw) if m is not None]
    mentions = _resolve_overlaps(mentions)
    labels = _decide_labels(text, mentions, gazetteer)
    for mention in mentions:
        mention.label = labels.get(_key(text, mention), mention.label)
    mentions = _resolve_overlaps(mentions + _unlabelled_names(text, mentions, sentence_starts, gazetteer, headings))
    mentions = _resolve_overlaps(mentions + _propagate(text, mentions, sentence_starts, gazetteer))
    mentions = _resolve_overlaps(_institutions(text, mentions))
    for mention in mentions:
        if mention.label == "PERSON":
            mention.title = _title_before(text, mention.start)
    return _cluster(text, mentions, gazetteer)


# ---------------------------------------------------------------------------------------------
# 1. Boundaries


def _sentence_starts(text: str, sentences: Sequence[Span]) -> frozenset[int]:
    """Offsets where a sentence's first word starts (after any opening quote or bracket)."""
    starts = set()
    for sentence in sentences:
        position = sentence.start
        while position < sentence.end and not text[position].isalnum():
            position += 1
        starts.add(position)
    return frozenset(starts)


def _clean(text: str, raw: RawMention, sentence_starts: frozenset[int], gazetteer: Gazetteer,
           mid_sentence: frozenset[str]) -> _Mention | None:
    start, end, label = raw.start, raw.end, raw.label
    start, end = _strip_edges(text, start, end)
    if label == "MONEY":
        start, end = _money_bounds(text, start, end)
    if label not in NAME_LABELS:
        return _Mention(start, end, label, raw.source) if end > start else None
    while True:
        tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
        if len(tokens) < 2:
            break
        first = text[tokens[0][0]:tokens[0][1]]
        bare = first.rstrip(".").lower()
        sentence_initial = tokens[0][0] in sentence_starts
        if bare in {"the", "a", "an"} \
                and (first.islower() or sentence_initial or label in PLACE_LABELS | {"NORP", "PERSON"}):
            start = tokens[1][0]  # "the Defence Companies" -> "Defence Companies"
        elif bare in PERSON_TITLES and label == "PERSON" and text[tokens[1][0]].isupper():
            start = tokens[1][0]  # "President Bashar Al Assad" -> "Bashar Al Assad"
        elif sentence_initial and gazetteer.starts_no_name(first) and first[:1].isupper():
            start = tokens[1][0]  # "Losing Hama" -> "Hama" (but "Bill Gates" stays whole)
        else:
            break
    # Trailing lower-case words are not part of a name: "Hama city", "Hama central".
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:end])]
    while len(tokens) > 1 and text[tokens[-1][0]].islower():
        tokens.pop()
        end = tokens[-1][1]
    if label == "PERSON":
        tail = _PARTICLE_TAIL.match(text, end)
        if tail:
            end = tail.end()
    start, end = _strip_edges(text, start, end)
    if end <= start:
        return None
    surface = text[start:end]
    if not any(char.isupper() for char in surface[:1]) and not surface[:1].isdigit():
        return None  # names start with a capital; "hundreds" or "leader" are not names
    if start in sentence_starts and " " not in surface and gazetteer.is_common_word(surface) \
            and surface not in gazetteer.norp and surface not in mid_sentence:
        return None  # "Interventions", "Armed": an ordinary word that only starts a sentence
    return _Mention(start, end, label, raw.source)


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    if end > start and text[end - 1] == ".":
        last_word = text[start:end - 1].rsplit(None, 1)[-1] if text[start:end - 1].strip() else ""
        if "." not in last_word:
            end -= 1  # a sentence's full stop, not an abbreviation's ("U.S.")
    possessive = _POSSESSIVE.search(text, start, end)
    if possessive and possessive.start() > start:
        end = possessive.start()
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    return start, end


_MONEY_SUFFIX = re.compile(r"(?:bn|tn|m|k|b)(?![\w])", re.I)


def _money_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """"£28m" is the amount, not "28": take in the currency sign and a glued magnitude."""
    if start > 0 and text[start - 1] in "$£€¥₹₽₩₺" and not text[start].isspace():
        start -= 1
    suffix = _MONEY_SUFFIX.match(text, end)
    if suffix and end > start and text[end - 1].isdigit():
        end = suffix.end()
    return start, end


def _capitalised_mid_sentence(text: str) -> frozenset[str]:
    """Words written capitalised after a lower-case word or a comma: names, not sentence openers."""
    return frozenset(re.findall(r"(?<=[a-z,;] )[A-Z][\w'’-]*", text))


def _resolve_overlaps(mentions: Iterable[_Mention]) -> list[_Mention]:
    """Keep non-overlapping mentions: longer first, then the model's over propagated ones."""
    priority = {"institution": 0, "model": 1, "rule": 1, "propagated": 2, "gazetteer": 3}
    ordered = sorted(mentions, key=lambda m: (priority.get(m.source, 2), -(m.end - m.start), m.start))
    if not ordered:
        return []
    # One byte per character: finding a taken character in a span is a C-speed search.
    taken = bytearray(max(m.end for m in ordered))
    kept: list[_Mention] = []
    for mention in ordered:
        if taken.find(1, mention.start, mention.end) != -1:
            continue
        taken[mention.start:mention.end] = b"\x01" * (mention.end - mention.start)
        kept.append(mention)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


# ---------------------------------------------------------------------------------------------
# 2. Labels


def _key(text: str, mention: _Mention | Span) -> str:
    return _normalise(text[mention.start:mention.end])


def _normalise(surface: str) -> str:
    surface = unicodedata.normalize("NFKC", surface).replace("’", "'").replace("-", " ")
    return " ".join(surface.split()).casefold()


def _person_name_tokens(text: str, mentions: Iterable[_Mention]) -> set[str]:
    """Tokens that end or start a multi-word person name in this article."""
    tokens: set[str] = set()
    for mention in mentions:
        if mention.label == "PERSON":
            words = _name_words(text[mention.start:mention.end])
            if len(words) >= 2:
                tokens.add(words[-1])
                tokens.add(" ".join(words[-2:]))  # "al assad"
    return tokens


def _decide_labels(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> dict[str, str]:
    """One label per name in the article: the model's majority, corrected by the gazetteers."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, str] = {}
    for mention in mentions:
        if mention.label in NAME_LABELS:
            key = _key(text, mention)
            votes[key][mention.label] += 1
            surfaces.setdefault(key, text[mention.start:mention.end])
    person_tokens = _person_name_tokens(text, mentions)
    labels: dict[str, str] = {}
    for key, counter in votes.items():
        surface = surfaces[key]
        label = _majority(counter)
        norp = gazetteer.norp.get(surface)
        place = gazetteer.place(surface)
        is_persons_name = " ".join(_name_words(surface)) in person_tokens and len(_name_words(surface)) <= 2
        if surface in gazetteer.orgs and label in {"GPE", "PERSON", "NORP", "LOC", "FAC"}:
            label = "ORG"  # "Hamas" or "Al Qaeda" tagged as a place or a person
        elif norp is not None and not is_persons_name:
            label = "NORP"  # "Alawite" is a minority, not a person
        elif place is not None and label in {"ORG", "PERSON", "NORP"} and not is_persons_name:
            # A well-known place the model calls an organisation ("Hama" as ORG) is still a
            # place; a small town's name or a city's nickname used by a club ("Chelsea",
            # "Manchester City") keeps the model's label unless the model also saw a place.
            primary = place.kind == "country" or place.canonical == surface or " " not in surface
            if counter["GPE"] + counter["LOC"] > 0 or (place.well_known and primary):
                label = place.label
        elif label != "PERSON" and is_persons_name and counter["PERSON"] + counter["ORG"] + counter["GPE"] > 0:
            label = "PERSON"  # "Assad" tagged ORG once, in an article about Bashar Al Assad
        labels[key] = label
    return labels


def _majority(counter: Counter[str]) -> str:
    order = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"]
    return max(counter, key=lambda label: (counter[label], -order.index(label) if label in order else -99))


# ---------------------------------------------------------------------------------------------
# 3. Recall


def _propagate(text: str, mentions: list[_Mention], sentence_starts: frozenset[int],
               gazetteer: Gazetteer) -> list[_Mention]:
    """Other occurrences of recognised names, and well-known places and groups seen on sight."""
    known: dict[str, str] = {}
    for mention in mentions:
        surface = text[mention.start:mention.end]
        if mention.label in PROPAGATED_LABELS and len(surface) > 1 and surface[:1].isupper():
            known.setdefault(surface, mention.label)
    for mention in mentions:
        # A person's family name on its own ("Arteta" after "Mikel Arteta") is that person,
        # unless the name is also a country's, where a bare mention is more likely the place.
        if mention.label == "PERSON":
            words = text[mention.start:mention.end].split()
            surname = words[-1] if len(words) >= 2 else ""
            place = gazetteer.place(surname)
            if len(surname) > 2 and surname[:1].isupper() and surname.lower() not in NAME_PARTICLES \
                    and not (place is not None and place.kind == "country") and surname not in gazetteer.norp:
                known.setdefault(surname, "PERSON")
    added: list[_Mention] = []
    if known:
        pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(re.escape(s) for s in sorted(known, key=len, reverse=True))
                             + r")(?![\w-])")
        for match in pattern.finditer(text):
            surface = match.group()
            if match.start() in sentence_starts and gazetteer.is_common_word(surface):
                continue
            added.append(_Mention(match.start(), match.end(), known[surface], "propagated"))
    memo: dict[str, list[tuple[int, int, str]]] = {}
    for match in _CAPITALISED_RUN.finditer(text):
        added.extend(_gazetteer_mentions(text, match.start(), match.group(), sentence_starts, gazetteer, memo))
    return added


def _gazetteer_mentions(text: str, offset: int, run: str, sentence_starts: frozenset[int],
                        gazetteer: Gazetteer, memo: dict[str, list[tuple[int, int, str]]]) -> list[_Mention]:
    """Longest gazetteer names inside a run of capitalised words (runs repeat: looked up once each)."""
    names = memo.get(run)
    if names is None:
        names = memo[run] = _gazetteer_names(run, gazetteer)
    return [_Mention(offset + start, offset + end, label, "gazetteer") for start, end, label in names
            if not (offset + start in sentence_starts and gazetteer.is_common_word(run[start:end]))]


def _gazetteer_names(run: str, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    words = [(m.start(), m.end()) for m in re.finditer(r"[^\s]+", run)]
    found: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        for size in range(min(4, len(words) - index), 0, -1):
            start, end = _strip_edges(run, words[index][0], words[index + size - 1][1])
            label = _gazetteer_label(run[start:end], gazetteer)
            if label:
                found.append((start, end, label))
                index += size
                break
        else:
            index += 1
    return found


def _gazetteer_label(surface: str, gazetteer: Gazetteer) -> str | None:
    if surface in gazetteer.norp:
        return "NORP"
    if surface in gazetteer.orgs:
        return "ORG"
    place = gazetteer.place(surface)
    if place is not None and place.well_known:
        return place.label
    return None


def _unlabelled_names(text: str, mentions: list[_Mention], sentence_starts: frozenset[int],
                      gazetteer: Gazetteer, headings: Sequence[Block]) -> list[_Mention]:
    """Multi-word capitalised names the model left out ("Mikel Arteta told ...").

    Only phrases of two to four words none of which is an ordinary word (or whose last word
    names an organisation), outside headings, where title case says nothing.
    """
    starts = [m.start for m in mentions]
    ends = [m.end for m in mentions]
    heading_starts = [block.start for block in headings]  # blocks are sorted and disjoint
    found: list[_Mention] = []
    for match in _CAPITALISED_RUN.finditer(text):
        start, end = _strip_edges(text, match.start(), match.end())
        index = bisect.bisect_left(starts, end)
        if index > 0 and ends[index - 1] > start:
            continue  # overlaps something already recognised
        if _inside(headings, heading_starts, start):
            continue
        words = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(text[start:end])]
        # Leading words that cannot begin a name: "The", "Losing", titles ("Prime Minister").
        while words and ((words[0][0] in sentence_starts and gazetteer.starts_no_name(text[slice(*words[0])]))
                         or text[slice(*words[0])].rstrip(".").lower() in PERSON_TITLES
                         or gazetteer.is_common_word(text[slice(*words[0])])):  # "Coach", "Striker"
            words = words[1:]
            if words and text[slice(*words[0])].lower() in CAPITALISED_RUN_CONNECTORS:
                words = []  # "Minister of Defence": a title, not a name
        if not words:
            continue
        start = words[0][0]
        names = [text[slice(*word)] for word in words if text[slice(*word)].lower() not in CAPITALISED_RUN_CONNECTORS]
        if not 2 <= len(names) <= 4:
            continue
        ordinary = [word for word in names if gazetteer.is_common_word(word.rstrip("."))]
        if not ordinary and all(word[:1].isupper() and not word.isupper() for word in names):
            found.append(_Mention(start, end, "PERSON", "rule"))
        elif names[-1].lower() in ORGANISATION_NAME_HEADS and not gazetteer.is_common_word(names[0]):
            found.append(_Mention(start, end, "ORG", "rule"))
    return found


def _inside(blocks: Sequence[Block], starts: list[int], offset: int) -> bool:
    """Does ``offset`` fall in one of ``blocks`` (sorted, disjoint; ``starts`` their starts)?"""
    index = bisect.bisect_right(starts, offset) - 1
    return index >= 0 and offset < blocks[index].end


# ---------------------------------------------------------------------------------------------
# 4. Institutions


def _institutions(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """"Syrian army", "Russian government": a nationality with an institution noun is an organisation."""
    result = []
    for mention in mentions:
        if mention.label == "NORP":
            match = _INSTITUTION_AFTER.match(text, mention.end)
            if match:
                result.append(_Mention(mention.start, match.end(), "ORG", "institution"))
                continue
        result.append(mention)
    return result


# ---------------------------------------------------------------------------------------------
# 5. Clusters


def _title_before(text: str, start: int) -> str | None:
    """The title written right before a name: "President", "Mr", "Prime Minister"."""
    words = text[max(0, start - 40):start].split()
    title: list[str] = []
    while words and words[-1].rstrip(".").lower() in PERSON_TITLES and words[-1][:1].isupper():
        title.insert(0, words.pop())
    return " ".join(title) or None


def _name_words(surface: str) -> list[str]:
    """Lower-cased name words without particles or titles: "Mr Al-Assad" -> ["assad"]."""
    words = _normalise(surface).replace(".", " ").split()
    while len(words) > 1 and words[0] in PERSON_TITLES:
        words = words[1:]
    return [word for word in words if word not in NAME_PARTICLES] or words


@dataclass
class _Cluster:
    label: str
    mentions: list[_Mention] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the fullest name's words (persons)
    titles: set[str] = field(default_factory=set)
    key: str = ""


def _cluster(text: str, mentions: list[_Mention], gazetteer: Gazetteer) -> list[Entity]:
    clusters: list[_Cluster] = []
    by_key: dict[tuple[str, str], _Cluster] = {}

    def cluster_for(label: str, key: str) -> _Cluster:
        cluster = by_key.get((label, key))
        if cluster is None:
            cluster = _Cluster(label, key=key)
            by_key[(label, key)] = cluster
            clusters.append(cluster)
        return cluster

    persons = [m for m in mentions if m.label == "PERSON"]
    # Full names first (two name words or more), so that short forms can find them.
    for mention in persons:
        words = _name_words(text[mention.start:mention.end])
        if len(words) >= 2:
            cluster = cluster_for("PERSON", " ".join(words))
            cluster.words = words
            cluster.mentions.append(mention)
            if mention.title:
                cluster.titles.add(mention.title.lower())
    full_names = [c for c in clusters if c.label == "PERSON"]
    for mention in persons:
        words = _name_words(text[mention.start:mention.end])
        if len(words) >= 2:
            continue
        target = _best_person(words, mention, full_names)
        if target is None:
            target = cluster_for("PERSON", " ".join(words))
            target.words = target.words or words
        target.mentions.append(mention)
        if mention.title:
            target.titles.add(mention.title.lower())

    for mention in mentions:
        if mention.label == "PERSON":
            continue
        surface = text[mention.start:mention.end]
        key = _normalise(surface)
        if mention.label in {"GPE", "LOC"}:
            place = gazetteer.place(surface)
            if place is not None and place.kind == "country":
                key = _normalise(place.canonical)  # "US" and "United States" are one country
        elif mention.label == "NORP":
            key = _normalise(gazetteer.norp.get(surface, surface))  # "Syrians" and "Syrian"
        elif mention.label == "ORG":
            key = _normalise(gazetteer.orgs.get(surface, surface))  # "UN" and "United Nations"
        cluster_for(mention.label, key).mentions.append(mention)

    _merge_acronyms(text, clusters)
    return _entities(text, [c for c in clusters if c.mentions])


def _best_person(words: list[str], mention: _Mention, full_names: list[_Cluster]) -> _Cluster | None:
    """The person a short name ("Assad", "Al Assad") refers to: same family name, most salient."""
    if not words:
        return None
    word = words[-1]
    candidates = [c for c in full_names if c.words and c.words[-1] == word]
    if not candidates:
        candidates = [c for c in full_names if c.words and c.words[0] == word]
    if not candidates:
        return None
    title = (mention.title or "").lower()

    def salience(cluster: _Cluster) -> tuple[int, int, int, int]:
        first = cluster.mentions[0].start  # full-name mentions are added in text order
        return int(bool(title) and title in cluster.titles), int(first < mention.start), len(cluster.mentions), -first

    return max(candidates, key=salience)


def _merge_acronyms(text: str, clusters: list[_Cluster]) -> None:
    """"HTS" joins "Hayat Tahrir Al Sham" when its letters are the name's initials."""
    by_initials: dict[str, _Cluster] = {}
    for cluster in clusters:
        if cluster.label == "ORG":
            words = [w for w in cluster.key.split() if w not in NAME_PARTICLES | {"of", "the", "and", "for"}]
            if len(words) >= 2:
                by_initials.setdefault("".join(w[0] for w in words), cluster)
    for cluster in clusters:
        if cluster.label == "ORG" and cluster.mentions and cluster.key.isalpha() and 2 <= len(cluster.key) <= 6:
            surface = text[cluster.mentions[0].start:cluster.mentions[0].end]
            target = by_initials.get(cluster.key)
            if surface.isupper() and target is not None and target is not cluster:
                target.mentions.extend(cluster.mentions)
                cluster.mentions = []


def _entities(text: str, clusters: list[_Cluster]) -> list[Entity]:
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    used_ids: set[str] = set()
    entities = []
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
        name = _display_name(text, cluster)
        entity_id = _unique_id(f"{cluster.label.lower()}-{_slug(name)}", used_ids)
        aliases: list[str] = []
        for mention in cluster.mentions:
            surface = text[mention.start:mention.end]
            for alias in (surface, f"{mention.title} {surface}" if mention.title else None):
                if alias and alias not in aliases:
                    aliases.append(alias)
        entities.append(Entity(
            id=entity_id, name=name, label=cluster.label, aliases=tuple(aliases),
            mentions=tuple(Mention(m.start, m.end, text[m.start:m.end], cluster.label, entity_id)
                           for m in cluster.mentions),
        ))
    return entities


def _display_name(text: str, cluster: _Cluster) -> str:
    surfaces = [text[m.start:m.end] for m in cluster.mentions]
    if cluster.label in {"PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW"}:
        return max(surfaces, key=lambda s: (len(_name_words(s)), len(s)))
    counts = Counter(surfaces)
    return max(counts, key=lambda s: (counts[s], -surfaces.index(s)))


def _slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "x"


def _unique_id(base: str, used: set[str]) -> str:
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}-{number}", number + 1
    used.add(candidate)
    return candidate
