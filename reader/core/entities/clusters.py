"""Clusters: titles are not names ("Mr Assad" joins "Bashar Al Assad"); people who only share a
family name stay apart; a bare family name joins the most salient person carrying it; acronyms
join their expansions."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..entity_ids import new_entity_id
from ..lexicon import alternation
from ..lexicon.first_names import first_name_gender
from ..lexicon.gazetteers import Gazetteer
from ..lexicon.name_forms import HONORIFIC_SEX
from ..lexicon.names import NAME_PARTICLES
from ..lexicon.organisations import (
    CLUB_NAME_ENDINGS,
    CLUB_NAME_ENDINGS_IN_SPORT,
    COMPANY_NAME_ENDINGS,
    MEDIA_NAME_ENDINGS,
    ORGANISATION_NAME_HEADS,
)
from ..model import Entity, Mention
from .common import Candidate, name_words, normalise
from .quantities import money_key

# Words that may follow an organisation's name without making it another one: "BBC News", "Arvik Pharma".
GENERIC_NAME_ENDINGS = COMPANY_NAME_ENDINGS | MEDIA_NAME_ENDINGS | CLUB_NAME_ENDINGS
CLUB_ENDINGS = CLUB_NAME_ENDINGS | CLUB_NAME_ENDINGS_IN_SPORT


@dataclass
class Cluster:
    label: str
    mentions: list[Candidate] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # the fullest name's words (persons)
    titles: set[str] = field(default_factory=set)
    key: str = ""
    references: list[str] = field(default_factory=list)  # "the council", for "Leeds City Council"


def cluster_entities(text: str, mentions: list[Candidate], gazetteer: Gazetteer) -> list[Entity]:
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, str], Cluster] = {}

    def cluster_for(label: str, key: str) -> Cluster:
        cluster = by_key.get((label, key))
        if cluster is None:
            cluster = Cluster(label, key=key)
            by_key[(label, key)] = cluster
            clusters.append(cluster)
        return cluster

    persons = [m for m in mentions if m.label == "PERSON"]
    # Full names first (two name words or more), so that short forms can find them.
    for mention in persons:
        words = name_words(text[mention.start:mention.end])
        if len(words) >= 2:
            cluster = cluster_for("PERSON", " ".join(words))
            cluster.words = words
            cluster.mentions.append(mention)
            if mention.title:
                cluster.titles.add(mention.title.lower())
    full_names = [c for c in clusters if c.label == "PERSON"]
    for mention in persons:
        words = name_words(text[mention.start:mention.end])
        if len(words) >= 2:
            continue
        target = best_person(words, mention, full_names)
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
        key = normalise(surface)
        if mention.label in {"GPE", "LOC"}:
            place = gazetteer.place(surface)
            if place is not None and place.kind == "country":
                key = normalise(place.canonical)  # "US" and "United States" are one country
        elif mention.label == "NORP":
            key = normalise(gazetteer.norp.get(surface, surface))  # "Syrians" and "Syrian"
        elif mention.label == "MONEY":
            key = money_key(surface) or key  # "£40m" and "£40 million" are one amount
        elif mention.label == "ORG":
            # "UN" and "United Nations"; "Spurs" and "Tottenham Hotspur" (the model or a fixture said club)
            key = normalise(gazetteer.orgs.get(surface) or gazetteer.clubs.get(surface) or surface)
        cluster_for(mention.label, key).mentions.append(mention)

    merge_acronyms(text, clusters)
    merge_organisation_forms(text, clusters)
    add_references(text, clusters)
    return make_entities(text, [c for c in clusters if c.mentions])


def best_person(words: list[str], mention: Candidate, full_names: list[Cluster]) -> Cluster | None:
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
    sex = HONORIFIC_SEX.get(title.split()[-1].rstrip(".")) if title else None

    def salience(cluster: Cluster) -> tuple[int, int, int, int, int]:
        first = cluster.mentions[0].start  # full-name mentions are added in text order
        # "Ms Calloway" is Ruth Calloway, not her brother Dennis, even if he was named more often.
        known = first_name_gender(cluster.words[0]) if sex and len(cluster.words) > 1 else None
        agrees = 0 if known is None else (1 if known == sex else -1)
        return (int(bool(title) and title in cluster.titles), agrees, int(first < mention.start),
                len(cluster.mentions), -first)

    return max(candidates, key=salience)


def merge_acronyms(text: str, clusters: list[Cluster]) -> None:
    """"HTS" joins "Hayat Tahrir Al Sham" when its letters are the name's initials."""
    by_initials: dict[str, Cluster] = {}
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


def make_entities(text: str, clusters: list[Cluster]) -> list[Entity]:
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    used_ids: set[str] = set()
    entities = []
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: m.start)
        name = display_name(text, cluster)
        entity_id = new_entity_id(cluster.label, name, used_ids)
        aliases: list[str] = []
        for mention in cluster.mentions:
            surface = text[mention.start:mention.end]
            for alias in (surface, f"{mention.title} {surface}" if mention.title else None):
                if alias and alias not in aliases:
                    aliases.append(alias)
        aliases.extend(reference for reference in cluster.references if reference not in aliases)
        entities.append(Entity(
            id=entity_id, name=name, label=cluster.label, aliases=tuple(aliases),
            mentions=tuple(Mention(m.start, m.end, text[m.start:m.end], cluster.label, entity_id)
                           for m in cluster.mentions),
        ))
    return entities


def display_name(text: str, cluster: Cluster) -> str:
    surfaces = [text[m.start:m.end] for m in cluster.mentions]
    if cluster.label in {"PERSON", "ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW"}:
        return max(surfaces, key=lambda s: (len(name_words(s)), len(s)))
    counts = Counter(surfaces)
    return max(counts, key=lambda s: (counts[s], -surfaces.index(s)))


def merge_organisation_forms(text: str, clusters: list[Cluster]) -> None:
    """Short and long forms of one organisation's name become one entity.

    "BBC" and "BBC News", "Arvik" and "Arvik Pharma": the long form is the short one plus generic words
    (a company's, an outlet's or a club's). "Council" or "City Council" and "Leeds City Council", "Pioneers"
    and "Portland Pioneers": the short form ends the only long one in the article that ends so, with an
    organisation's head word or a team's plural. Distinct organisations sharing a first word stay apart.
    """
    organisations = [c for c in clusters if c.label == "ORG" and c.mentions]
    by_words = {tuple(_org_words(text, c)): c for c in organisations}
    endings: dict[tuple[str, ...], list[Cluster]] = {}
    teams: dict[str, list[Cluster]] = {}  # "wigan" -> the clusters of "Wigan Warriors"
    for cluster in organisations:
        words = _org_words(text, cluster)
        for size in range(1, len(words)):
            endings.setdefault(tuple(words[-size:]), []).append(cluster)
        if len(words) == 2 and (words[-1] in CLUB_ENDINGS or words[-1].endswith("s")):
            teams.setdefault(words[0], []).append(cluster)
    for cluster in organisations:
        words = _org_words(text, cluster)
        if not cluster.mentions or not words:
            continue
        target: Cluster | None = None
        stem = list(words)
        while len(stem) > 1 and stem[-1] in GENERIC_NAME_ENDINGS:
            stem.pop()  # "bbc news" -> "bbc"
            shorter = by_words.get(tuple(stem))
            if shorter is not None and shorter is not cluster and shorter.mentions:
                shorter, target = cluster, shorter  # the long form's mentions join the short form's cluster
                break
        if target is None and len(words) > 2 and words[1] in MEDIA_NAME_ENDINGS:
            # "BBC Radio Sheffield" is the BBC's: an outlet's brand, a media word, then what it covers
            shorter = by_words.get(tuple(words[:1]))
            if shorter is not None and shorter is not cluster and shorter.mentions:
                target = shorter
        if target is None and len(words) == 1 and len(teams.get(words[0], [])) == 1:
            target = teams[words[0]][0] if teams[words[0]][0] is not cluster else None  # "Wigan", the club
        if target is None:
            longer = endings.get(tuple(words), [])
            if len(longer) == 1 and longer[0] is not cluster and longer[0].mentions and (
                    words[-1] in ORGANISATION_NAME_HEADS or words[-1] in CLUB_ENDINGS or words[-1].endswith("s")):
                target = longer[0]
        if target is not None:
            target.mentions.extend(cluster.mentions)
            cluster.mentions = []


def _org_words(text: str, cluster: Cluster) -> list[str]:
    """The organisation's name words, from its longest mention, without a leading "the"."""
    surface = max((text[m.start:m.end] for m in cluster.mentions), key=len, default="")
    words = normalise(surface).split()
    return words[1:] if words[:1] == ["the"] else words


_REFERENCE = re.compile(r"\b[Tt]he (" + alternation(ORGANISATION_NAME_HEADS) + r")\b")


def add_references(text: str, clusters: list[Cluster]) -> None:
    """"the council" is an alias of the only organisation in the article whose name ends "Council", so that
    a quotation from "the council" or a search for it finds Leeds City Council (one pass over the text)."""
    by_head: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.label == "ORG" and cluster.mentions:
            words = _org_words(text, cluster)
            if len(words) > 1 and words[-1] in ORGANISATION_NAME_HEADS:
                by_head.setdefault(words[-1], []).append(cluster)
    if not by_head:
        return
    for match in _REFERENCE.finditer(text):
        owners = by_head.get(match.group(1).lower(), [])
        reference = match.group().lower()
        if len(owners) == 1 and reference not in owners[0].references:
            owners[0].references.append(reference)
