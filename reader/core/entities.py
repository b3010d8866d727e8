"""Raw mentions -> cleaned, consistently labelled mentions -> entities (alias clusters). (Placeholder.)"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Entity, Mention, RawMention, Span


def build_entities(text: str, raw: Sequence[RawMention], sentences: Sequence[Span]) -> list[Entity]:
    entities = []
    for index, mention in enumerate(sorted(raw, key=lambda m: (m.start, m.end))):
        entity_id = f"e{index}"
        surface = text[mention.start:mention.end]
        entities.append(Entity(entity_id, surface, mention.label, (surface,),
                               (Mention(mention.start, mention.end, surface, mention.label, entity_id),)))
    return entities
