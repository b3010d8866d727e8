"""Quotations: find quote spans, attribute speakers, map speakers to entities. (Placeholder.)"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Entity, Quote, Span


def find_quotes(text: str, sentences: Sequence[Span], entities: Sequence[Entity]) -> list[Quote]:
    return []
