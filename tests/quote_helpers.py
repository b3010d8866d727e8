"""Hand-built inputs for the quote stage's tests: paragraphs and entities placed by their surface forms."""

from __future__ import annotations

import re

from reader.core.model import Entity, Mention, Span


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def entity(text: str, entity_id: str, label: str, *surfaces: str) -> Entity:
    """An entity with a mention at every whole-word occurrence of each surface form."""
    mentions = []
    for surface in surfaces:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            mentions.append(Mention(match.start(), match.end(), surface, label, entity_id))
    mentions.sort(key=lambda m: m.start)
    return Entity(entity_id, surfaces[0], label, tuple(surfaces), tuple(mentions))
