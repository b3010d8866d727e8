"""What the entity-rule tests share: an article's entities built from raw mentions that stand for a model's."""

from __future__ import annotations

from reader.core.entities import build_entities
from reader.core.model import Entity, RawMention
from reader.core.sentences import split_sentences


def entities_from(text: str, raw: list[tuple[str, str]]) -> list[Entity]:
    """Every occurrence of each (surface, label) pair is a raw mention."""
    mentions = []
    for surface, label in raw:
        start = text.find(surface)
        while start != -1:
            mentions.append(RawMention(start, start + len(surface), label, "model"))
            start = text.find(surface, start + len(surface))
    return build_entities(text, mentions, split_sentences(text))


def labels(entities: list[Entity]) -> dict[str, str]:
    """Each mention's text -> its entity's label."""
    return {mention.text: entity.label for entity in entities for mention in entity.mentions}
